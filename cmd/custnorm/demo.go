package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/custnorm/custnorm/wasm/demo"
)

const usageDemo = `usage: custnorm demo [--addr 127.0.0.1:8080] [--dist dist]

Serve the demo page: a customer form that validates as you type with the
browser build, in the language and for the provider you pick, beside the
converted document of every provider. The browser build must have been made
into --dist first (make wasm). It listens on the loopback address by
default. Stop it with Ctrl-C.

Example:

	make wasm && custnorm demo --addr 127.0.0.1:8080

Flags:
`

func (c *cli) demo(ctx context.Context, args []string) int {
	const name = "demo"
	fs := newFlagSet(name)
	addr := fs.String("addr", "127.0.0.1:8080", "listen `address` (loopback by default; port 0 picks a free one)")
	distDir := fs.String("dist", "dist", "`directory` of the browser build (make wasm)")
	pos, code, ok := c.parse(name, fs, usageDemo, args)
	if !ok {
		return code
	}
	if len(pos) > 0 {
		return c.usageFail(name, fs, usageDemo, usageError("no arguments expected"))
	}
	dist := os.DirFS(*distDir)
	if err := demo.Check(dist); err != nil {
		fmt.Fprintf(c.stderr, "custnorm demo: %v (run make wasm first)\n", err)
		return exitUsage
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return c.fail(name, err)
	}
	// ctx ends with SIGINT or SIGTERM (see notifySignals).
	srv := demoServer(demo.Handler(dist))
	go func() {
		<-ctx.Done()
		srv.Close()
	}()
	fmt.Fprintf(c.stderr, "custnorm demo: http://%s/ (Ctrl-C stops it)\n", ln.Addr())
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return c.fail(name, err)
	}
	return exitOK
}

// demoServer is the demo's HTTP server: a local page of a few files, so a
// client that holds a connection open, reads slowly or sends slowly is cut
// off (the module, some 2 MB, takes well under a minute even on a slow
// link).
func demoServer(h http.Handler) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
	}
}
