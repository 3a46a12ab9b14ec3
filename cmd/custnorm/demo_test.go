package main

import (
	"bufio"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/custnorm/custnorm/wasm/demo"
)

// TestDemoWithoutBuild: without the browser build the command says what to
// do and exits 2.
func TestDemoWithoutBuild(t *testing.T) {
	r := runCLI(t, "", "demo", "--dist", filepath.Join(t.TempDir(), "missing"))
	if r.code != exitUsage || !strings.Contains(r.stderr, "make wasm") {
		t.Errorf("exit %d, stderr %q; want 2 and a hint to run make wasm", r.code, r.stderr)
	}
}

// TestDemoServes runs the binary as a user does: it serves the page on a
// loopback port it picks, and stops on Ctrl-C (SIGINT) or SIGTERM with
// status 0. The files of the browser build are stand-ins: the browser tests
// of wasm/ check the real page.
func TestDemoServes(t *testing.T) {
	for _, sig := range []os.Signal{os.Interrupt, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) { checkDemo(t, sig) })
	}
}

func checkDemo(t *testing.T, sig os.Signal) {
	dist := t.TempDir()
	for _, name := range demo.DistFiles() {
		body := "//"
		if name == "custnorm.wasm" {
			body = "\x00asm"
		}
		if err := os.WriteFile(filepath.Join(dist, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(bin(t), "demo", "--addr", "127.0.0.1:0", "--dist", dist)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	line, err := bufio.NewReader(stderr).ReadString('\n')
	if err != nil {
		t.Fatalf("reading the address: %v", err)
	}
	url := strings.Fields(strings.TrimPrefix(line, "custnorm demo: "))[0]
	if !strings.HasPrefix(url, "http://127.0.0.1:") {
		t.Fatalf("first line %q does not name a loopback URL", line)
	}
	client := &http.Client{Timeout: 10 * time.Second}
	for path, want := range map[string]string{"": "<form", "dist/custnorm.wasm": "\x00asm"} {
		resp, err := client.Get(url + path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), want) {
			t.Errorf("GET /%s: %s, body %.80q; want 200 with %q", path, resp.Status, body, want)
		}
	}
	if err := cmd.Process.Signal(sig); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("after %v: %v, want exit 0", sig, err)
		}
	case <-time.After(10 * time.Second):
		t.Errorf("the demo server did not stop on %v", sig)
	}
}

// TestDemoServerTimeouts: the demo server cuts off clients that hold a
// connection, or read or send slowly.
func TestDemoServerTimeouts(t *testing.T) {
	srv := demoServer(http.NotFoundHandler())
	if srv.ReadHeaderTimeout <= 0 || srv.ReadTimeout <= 0 || srv.WriteTimeout <= 0 || srv.IdleTimeout <= 0 || srv.MaxHeaderBytes <= 0 {
		t.Errorf("timeouts %v %v %v %v, header limit %d: each must be set", srv.ReadHeaderTimeout, srv.ReadTimeout, srv.WriteTimeout, srv.IdleTimeout, srv.MaxHeaderBytes)
	}
}
