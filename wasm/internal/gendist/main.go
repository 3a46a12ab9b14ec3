// Command gendist writes the npm package of the browser build into a dist
// directory, beside the custnorm.wasm make wasm has built there:
//
//	go run ./wasm/internal/gendist -dist dist -version 1.2.3 -goroot "$(go env GOROOT)"
//
// It copies the package's files from the checkout (wasm/js: the module,
// its helpers, the worker entry, the declarations, the package README;
// LICENSE; the Go toolchain's LICENSE as LICENSE-go), writes
// wasm_exec.mjs (the toolchain's wasm_exec.js as a module that leaves the
// page's globals alone, see goRuntime below), and package.json with the
// version given, whose "files" are exactly the files written here.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// copied lists the package's files taken from the checkout as they are:
// name in dist → path relative to the module root.
var copied = []struct{ name, src string }{
	{"custnorm.mjs", "wasm/js/custnorm.mjs"},
	{"args.mjs", "wasm/js/args.mjs"},
	{"worker.mjs", "wasm/js/worker.mjs"},
	{"worker-thread.mjs", "wasm/js/worker-thread.mjs"},
	{"custnorm.d.ts", "wasm/js/custnorm.d.ts"},
	// TypeScript reads a .d.mts for an import of a .mjs file by its path
	// (./custnorm.mjs served from dist); package imports read the .d.ts.
	{"custnorm.d.mts", "wasm/js/custnorm.d.ts"},
	{"worker.d.ts", "wasm/js/worker.d.ts"},
	{"worker.d.mts", "wasm/js/worker.d.ts"},
	{"README.md", "wasm/js/README.md"},
	{"LICENSE", "LICENSE"},
}

func main() {
	dist := flag.String("dist", "dist", "the `directory` holding custnorm.wasm")
	version := flag.String("version", "0.0.0-dev", "the package `version` (semver, no leading v)")
	goroot := flag.String("goroot", runtime.GOROOT(), "the GOROOT of the toolchain that built custnorm.wasm")
	root := flag.String("root", ".", "the module's root `directory`")
	flag.Parse()
	if err := run(*dist, *version, *goroot, *root); err != nil {
		fmt.Fprintln(os.Stderr, "gendist:", err)
		os.Exit(1)
	}
}

func run(dist, version, goroot, root string) error {
	if _, err := os.Stat(filepath.Join(dist, "custnorm.wasm")); err != nil {
		return fmt.Errorf("%w (build it first: make wasm)", err)
	}
	files := []string{"custnorm.wasm"}
	for _, f := range copied {
		b, err := os.ReadFile(filepath.Join(root, f.src))
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dist, f.name), b, 0o644); err != nil {
			return err
		}
		files = append(files, f.name)
	}
	license, err := os.ReadFile(filepath.Join(goroot, "LICENSE"))
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dist, "LICENSE-go"), license, 0o644); err != nil {
		return err
	}
	files = append(files, "LICENSE-go")
	src, err := os.ReadFile(filepath.Join(goroot, "lib", "wasm", "wasm_exec.js"))
	if err != nil {
		return err
	}
	mod, err := moduleRuntime(string(src), runtime.Version())
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dist, "wasm_exec.mjs"), []byte(mod), 0o644); err != nil {
		return err
	}
	files = append(files, "wasm_exec.mjs")
	// The script of older builds, which no page loads any more.
	if err := os.Remove(filepath.Join(dist, "wasm_exec.js")); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	pkg, err := packageJSON(version, files)
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dist, "package.json"), pkg, 0o644)
}

// moduleRuntime turns wasm_exec.js, a script that defines globalThis.Go
// and, where they are missing, globalThis.fs, process and path, into a
// module exporting goRuntime(): each call evaluates the script once more
// with every globalThis replaced by scope, a Proxy that reads the page's
// globals but keeps every write (Go, the fs, process and path stand-ins,
// and what the Go program sets) in an object of its own, which it returns
// as globals; fs, process and path are always the stand-ins, never the
// page's or Node's. The Go program gets scope as its js.Global(). The
// script's one bare use of fs (runtime.wasmWrite) gets scope's.
//
// It fails when the script no longer looks as this expects (a new Go
// release), rather than write a module that would touch the page.
func moduleRuntime(src, goVersion string) (string, error) {
	for _, landmark := range []string{"globalThis.Go = class", "if (!globalThis.fs)", "globalThis.fs = {", "fs.writeSync(fd, new Uint8Array("} {
		if !strings.Contains(src, landmark) {
			return "", fmt.Errorf("wasm_exec.js has no %q: check wasm/internal/gendist against this Go release", landmark)
		}
	}
	for _, bad := range []string{"import ", "export ", "let fs", "const fs", "var fs", "window.", "self."} {
		if strings.Contains(src, bad) {
			return "", fmt.Errorf("wasm_exec.js has %q: check wasm/internal/gendist against this Go release", bad)
		}
	}
	body := strings.ReplaceAll(src, "globalThis", "scope")
	body = strings.Replace(body, "\"use strict\";\n", "", 1)
	if strings.Contains(body, "globalThis") {
		return "", errors.New("globalThis left in the module")
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, `// Code generated by wasm/internal/gendist (make wasm) from
// $GOROOT/lib/wasm/wasm_exec.js of %s. DO NOT EDIT.
//
// Go's JavaScript support for js/wasm programs, as a module that leaves
// the page's globals alone: goRuntime() evaluates wasm_exec.js with every
// globalThis replaced by a scope of its own, which reads the page's
// globals but keeps what the script and the Go program write (Go, the fs,
// process and path stand-ins) in the globals object it returns.

export function goRuntime() {
	const globals = Object.create(null);
	const standIns = new Set(['fs', 'process', 'path']);
	const scope = new Proxy(Object.create(null), {
		get: (_, key) => (key in globals || standIns.has(key) ? globals[key] : Reflect.get(globalThis, key)),
		set: (_, key, value) => {
			globals[key] = value;
			return true;
		},
		has: (_, key) => key in globals || (!standIns.has(key) && key in globalThis),
		deleteProperty: (_, key) => delete globals[key],
	});
	let fs; // the script's bare fs (runtime.wasmWrite): scope's, set below

// ---- wasm_exec.js, globalThis → scope ----
%s
// ---- end of wasm_exec.js ----

	fs = scope.fs;
	return { Go: scope.Go, globals };
}
`, goVersion, body)
	return b.String(), nil
}

// packageJSON is the package's manifest.
func packageJSON(version string, files []string) ([]byte, error) {
	type entry struct {
		Types   string `json:"types"`
		Default string `json:"default"`
	}
	pkg := struct {
		Name        string            `json:"name"`
		Version     string            `json:"version"`
		Description string            `json:"description"`
		License     string            `json:"license"`
		Type        string            `json:"type"`
		Main        string            `json:"main"`
		Types       string            `json:"types"`
		Exports     map[string]any    `json:"exports"`
		Files       []string          `json:"files"`
		SideEffects bool              `json:"sideEffects"`
		Engines     map[string]string `json:"engines"`
		Keywords    []string          `json:"keywords"`
		Repository  map[string]string `json:"repository"`
	}{
		Name:        "custnorm",
		Version:     version,
		Description: "Normalize and validate payment-provider customer records (secuconnect, Worldline, Stancer, Riverty) in the browser and Node: custnorm's Go engine compiled to WebAssembly.",
		License:     "MIT",
		Type:        "module",
		Main:        "./custnorm.mjs",
		Types:       "./custnorm.d.ts",
		Exports: map[string]any{
			".":        entry{Types: "./custnorm.d.ts", Default: "./custnorm.mjs"},
			"./worker": entry{Types: "./worker.d.ts", Default: "./worker.mjs"},
			// The worker's script, for bundlers that take it as an entry
			// point of their own (esbuild).
			"./worker-thread": "./worker-thread.mjs",
			"./custnorm.wasm": "./custnorm.wasm",
			"./package.json":  "./package.json",
		},
		Files:       files,
		SideEffects: false,
		Engines:     map[string]string{"node": ">=20"},
		Keywords:    []string{"customer", "validation", "normalization", "phone", "e164", "country", "payment", "wasm"},
		Repository:  map[string]string{"type": "git", "url": "git+https://github.com/custnorm/custnorm.git", "directory": "wasm"},
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(pkg); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
