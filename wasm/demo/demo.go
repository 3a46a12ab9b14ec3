// Package demo serves the custnorm demo page: a customer form that validates
// as you type with the browser build (custnorm.wasm, run in the page), in
// the language and for the provider picked, and shows the converted
// document of every provider beside it.
//
// The page (index.html, demo.js, style.css) is embedded. The browser build
// is not: it is built by `make wasm` into a directory (dist/ by default),
// and [Handler] serves custnorm.mjs, args.mjs, wasm_exec.mjs and custnorm.wasm from it
// under /dist/. The CLI serves it: `custnorm demo --addr 127.0.0.1:8080
// --dist dist` (go run ./cmd/custnorm demo after make wasm).
//
// Nothing is sent anywhere: the page talks only to the server it came from,
// and validation runs in the browser.
package demo

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"path"
	"slices"
	"strings"
)

//go:embed index.html demo.js style.css
var assets embed.FS

// DistFiles are the files of the browser build the page loads from the dist
// directory; Handler serves these and nothing else from it.
func DistFiles() []string {
	return []string{"custnorm.mjs", "args.mjs", "wasm_exec.mjs", "custnorm.wasm"}
}

// Check reports whether dist holds the browser build. Its error says how to
// make it.
func Check(dist fs.FS) error {
	var missing []string
	for _, name := range DistFiles() {
		if fi, err := fs.Stat(dist, name); err != nil || fi.IsDir() {
			missing = append(missing, name)
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("demo: the browser build is missing %s; run `make wasm` (it writes dist/)", strings.Join(missing, ", "))
	}
	return nil
}

// Handler returns the handler of the demo: the page at /, and the browser
// build from dist at /dist/. It answers GET and HEAD only, with a
// Content-Security-Policy that lets the page load nothing but its own
// files (and compile WebAssembly).
func Handler(dist fs.FS) http.Handler {
	return handler{page: assets, dist: dist}
}

type handler struct {
	page, dist fs.FS
}

// The content types of the files served (not left to the system's MIME
// tables: a .wasm without application/wasm cannot be streamed).
func contentType(name string) string {
	switch path.Ext(name) {
	case ".html":
		return "text/html; charset=utf-8"
	case ".js", ".mjs":
		return "text/javascript; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	case ".wasm":
		return "application/wasm"
	}
	return "application/octet-stream"
}

func (h handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	// Every answer, errors included, carries the page's security headers.
	hdr := w.Header()
	hdr.Set("Content-Security-Policy", "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
	hdr.Set("X-Content-Type-Options", "nosniff")
	hdr.Set("Referrer-Policy", "no-referrer")
	hdr.Set("Cache-Control", "no-cache")
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		hdr.Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}

	name := strings.TrimPrefix(r.URL.Path, "/")
	fsys, fromDist := h.page, false
	switch {
	case name == "" || name == "index.html":
		name = "index.html"
	case strings.HasPrefix(name, "dist/"):
		name = strings.TrimPrefix(name, "dist/")
		fsys, fromDist = h.dist, true
		if !slices.Contains(DistFiles(), name) {
			http.NotFound(w, r)
			return
		}
	case name != "demo.js" && name != "style.css":
		http.NotFound(w, r)
		return
	}
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) && fromDist {
			http.Error(w, "the browser build is missing "+name+"; run `make wasm`", http.StatusNotFound)
			return
		}
		http.NotFound(w, r)
		return
	}
	hdr.Set("Content-Type", contentType(name))
	hdr.Set("Content-Length", fmt.Sprint(len(data)))
	if r.Method == http.MethodHead {
		return
	}
	w.Write(data)
}
