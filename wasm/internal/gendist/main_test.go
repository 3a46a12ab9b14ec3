package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestModuleRuntime(t *testing.T) {
	src, err := os.ReadFile(filepath.Join(runtime.GOROOT(), "lib", "wasm", "wasm_exec.js"))
	if err != nil {
		t.Skip(err)
	}
	mod, err := moduleRuntime(string(src), runtime.Version())
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"export function goRuntime()", "scope.Go = class", "if (!scope.fs)", "fs = scope.fs;", "return { Go: scope.Go, globals };"} {
		if !strings.Contains(mod, want) {
			t.Errorf("the module has no %q", want)
		}
	}
	_, body, _ := strings.Cut(mod, "// ---- wasm_exec.js, globalThis → scope ----")
	body, _, _ = strings.Cut(body, "// ---- end of wasm_exec.js ----")
	if body == "" || strings.Contains(body, "globalThis") {
		t.Errorf("the script in the module still reads globalThis (or is missing)")
	}
	// A wasm_exec.js that has changed shape is refused, not half converted.
	for _, changed := range []string{
		strings.Replace(string(src), "globalThis.Go = class", "window.Go = class", 1),
		strings.Replace(string(src), "if (!globalThis.fs)", "if (typeof fs === 'undefined')", 1),
		string(src) + "\nexport const x = 1;\n",
	} {
		if _, err := moduleRuntime(changed, "go"); err == nil {
			t.Error("a changed wasm_exec.js was converted")
		}
	}
}

func TestPackageJSON(t *testing.T) {
	b, err := packageJSON("1.2.3", []string{"custnorm.wasm", "custnorm.mjs"})
	if err != nil {
		t.Fatal(err)
	}
	var pkg map[string]any
	if err := json.Unmarshal(b, &pkg); err != nil {
		t.Fatal(err)
	}
	for k, want := range map[string]any{"name": "custnorm", "version": "1.2.3", "license": "MIT", "type": "module", "sideEffects": false} {
		if pkg[k] != want {
			t.Errorf("%s = %v, want %v", k, pkg[k], want)
		}
	}
	exports := pkg["exports"].(map[string]any)
	for _, k := range []string{".", "./worker", "./worker-thread", "./custnorm.wasm", "./package.json"} {
		if _, ok := exports[k]; !ok {
			t.Errorf("exports has no %q", k)
		}
	}
}
