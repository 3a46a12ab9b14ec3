package demo_test

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/custnorm/custnorm/wasm/demo"
)

func distFS() fstest.MapFS {
	return fstest.MapFS{
		"custnorm.wasm": {Data: []byte("\x00asm\x01\x00\x00\x00")},
		"custnorm.mjs":  {Data: []byte("export async function init() {}")},
		"wasm_exec.mjs": {Data: []byte("export function goRuntime() {}")},
		"args.mjs":      {Data: []byte("export const maxDepth = 32;")},
		"wasm_exec.js":  {Data: []byte("globalThis.Go = class {};")},
		"custnorm.d.ts": {Data: []byte("export {};")},
		"secret.txt":    {Data: []byte("not served")},
	}
}

func TestHandler(t *testing.T) {
	srv := httptest.NewServer(demo.Handler(distFS()))
	defer srv.Close()
	tests := []struct {
		method, path string
		status       int
		ctype        string
		body         string
	}{
		{"GET", "/", 200, "text/html; charset=utf-8", `<form id="customer"`},
		{"GET", "/index.html", 200, "text/html; charset=utf-8", "custnorm demo"},
		{"GET", "/demo.js", 200, "text/javascript; charset=utf-8", "from './dist/custnorm.mjs'"},
		{"GET", "/style.css", 200, "text/css; charset=utf-8", ".msg"},
		{"GET", "/dist/custnorm.wasm", 200, "application/wasm", "\x00asm"},
		{"GET", "/dist/custnorm.mjs", 200, "text/javascript; charset=utf-8", "init"},
		{"GET", "/dist/wasm_exec.mjs", 200, "text/javascript; charset=utf-8", "goRuntime"},
		{"GET", "/dist/args.mjs", 200, "text/javascript; charset=utf-8", "maxDepth"},
		{"GET", "/dist/wasm_exec.js", 404, "", ""},
		{"HEAD", "/dist/custnorm.wasm", 200, "application/wasm", ""},
		{"GET", "/dist/secret.txt", 404, "", ""},
		{"GET", "/dist/custnorm.d.ts", 404, "", ""},
		{"GET", "/dist/../demo.go", 404, "", ""},
		{"GET", "/demo.go", 404, "", ""},
		{"GET", "/serve.go", 404, "", ""},
		{"POST", "/", 405, "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.method+" "+tc.path, func(t *testing.T) {
			req, err := http.NewRequest(tc.method, srv.URL+tc.path, nil)
			if err != nil {
				t.Fatal(err)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			body, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != tc.status {
				t.Fatalf("status %d, want %d", resp.StatusCode, tc.status)
			}
			// Every answer, 404 and 405 too, carries the security headers.
			if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "'wasm-unsafe-eval'") || !strings.Contains(csp, "default-src 'self'") {
				t.Errorf("Content-Security-Policy %q", csp)
			}
			if got := resp.Header.Get("X-Content-Type-Options"); got != "nosniff" {
				t.Errorf("X-Content-Type-Options %q", got)
			}
			if tc.status != 200 {
				return
			}
			if got := resp.Header.Get("Content-Type"); got != tc.ctype {
				t.Errorf("Content-Type %q, want %q", got, tc.ctype)
			}
			if !strings.Contains(string(body), tc.body) {
				t.Errorf("body does not contain %q", tc.body)
			}
		})
	}
}

func TestHandlerMissingBuild(t *testing.T) {
	srv := httptest.NewServer(demo.Handler(fstest.MapFS{}))
	defer srv.Close()
	resp, err := http.Get(srv.URL + "/dist/custnorm.wasm")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 404 || !strings.Contains(string(body), "make wasm") {
		t.Errorf("missing wasm: %d %q, want 404 saying make wasm", resp.StatusCode, body)
	}
}

func TestCheck(t *testing.T) {
	if err := demo.Check(distFS()); err != nil {
		t.Errorf("Check(complete dist) = %v", err)
	}
	err := demo.Check(fstest.MapFS{"custnorm.mjs": {Data: []byte("x")}})
	if err == nil || !strings.Contains(err.Error(), "custnorm.wasm") || !strings.Contains(err.Error(), "make wasm") {
		t.Errorf("Check(incomplete dist) = %v", err)
	}
}

func ExampleHandler() {
	// In a program: http.ListenAndServe("127.0.0.1:8080", demo.Handler(os.DirFS("dist")))
	h := demo.Handler(fstest.MapFS{})
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	fmt.Println(rec.Code, rec.Header().Get("Content-Type"))
	// Output: 200 text/html; charset=utf-8
}
