//go:build ignore

// Serve runs the demo without the CLI:
//
//	go run ./wasm/demo/serve.go [-addr 127.0.0.1:8080] [-dist dist] [-ttl 0]
//
// It prints the page's URL on standard output once it listens; with -ttl it
// stops by itself after that long (the browser tests use it so).
package main

import (
	"context"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"time"

	"github.com/custnorm/custnorm/wasm/demo"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "listen `address` (loopback by default; port 0 picks one)")
	distDir := flag.String("dist", "dist", "`directory` of the browser build (make wasm)")
	ttl := flag.Duration("ttl", 0, "stop after this `duration` (0: run until interrupted)")
	flag.Parse()

	dist := os.DirFS(*distDir)
	if err := demo.Check(dist); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintln(os.Stderr, "demo:", err)
		os.Exit(1)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if *ttl > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, *ttl)
		defer cancel()
	}
	srv := &http.Server{Handler: demo.Handler(dist), ReadHeaderTimeout: 10 * time.Second}
	go func() {
		<-ctx.Done()
		srv.Close()
	}()
	fmt.Printf("custnorm demo: http://%s/\n", ln.Addr())
	if err := srv.Serve(ln); err != nil && err != http.ErrServerClosed {
		fmt.Fprintln(os.Stderr, "demo:", err)
		os.Exit(1)
	}
}
