//go:build js && wasm

package main

import (
	"encoding/json"
	"syscall/js"
	"testing"
)

// These tests run only under js/wasm (make wasm-test): they call the
// exported js.Funcs from JavaScript values, as custnorm.mjs does.

// exports builds the namespace object main builds, with test hooks.
func exports(t *testing.T) js.Value {
	t.Helper()
	g := newGlue(newBridge(true))
	ns := js.Global().Get("Object").New()
	for _, op := range g.b.ops() {
		f := js.FuncOf(g.export(op))
		t.Cleanup(f.Release)
		ns.Set(op, f)
	}
	return ns
}

// callJS calls ns[op](args...) through JavaScript and decodes the JSON
// string it returns.
func callJS(t *testing.T, ns js.Value, op string, args ...any) map[string]any {
	t.Helper()
	out := ns.Call(op, args...)
	if out.Type() != js.TypeString {
		t.Fatalf("%s returned a %v, want a JSON string", op, out.Type())
	}
	var res map[string]any
	if err := json.Unmarshal([]byte(out.String()), &res); err != nil {
		t.Fatalf("%s returned %q: %v", op, out.String(), err)
	}
	return res
}

func firstIssue(t *testing.T, res map[string]any) (code, argument string) {
	t.Helper()
	issues, _ := res["issues"].([]any)
	if len(issues) == 0 {
		t.Fatalf("no issues in %v", res)
	}
	iss := issues[0].(map[string]any)
	params, _ := iss["params"].(map[string]any)
	argument, _ = params["argument"].(string)
	return iss["code"].(string), argument
}

func jsEval(src string) js.Value {
	return js.Global().Get("Function").New("return (" + src + ")").Invoke()
}

// TestGlueArguments passes every kind of JavaScript value through the
// glue.
func TestGlueArguments(t *testing.T) {
	ns := exports(t)
	doc := jsEval(`{name: "David Coaster", email: "david@example.net"}`)
	if res := callJS(t, ns, "validate", "stancer", doc); res["valid"] != true {
		t.Fatalf("validate(object) = %v", res)
	}
	if res := callJS(t, ns, "validate", "stancer", `{"name":"David Coaster","email":"david@example.net"}`); res["valid"] != true {
		t.Fatalf("validate(JSON string) = %v", res)
	}
	bytes := js.Global().Get("Uint8Array").New(2)
	js.CopyBytesToJS(bytes, []byte("{}"))
	if code, _ := firstIssue(t, callJS(t, ns, "validate", "stancer", bytes)); code != "one_of_required" && code != "required" {
		t.Errorf("validate(Uint8Array {}) first issue %s", code)
	}
	tests := []struct {
		name     string
		op       string
		args     []any
		code     string
		argument string
	}{
		{"bigint doc", "validate", []any{"stancer", jsEval("10n")}, "bad_request", "doc"},
		{"bigint member", "validate", []any{"stancer", jsEval("{name: 10n}")}, "bad_request", "doc"},
		{"cyclic doc", "validate", []any{"stancer", jsEval("(() => { const o = {}; o.self = o; return o })()")}, "bad_request", "doc"},
		{"symbol doc", "validate", []any{"stancer", jsEval("Symbol('x')")}, "bad_request", "doc"},
		{"function doc", "validate", []any{"stancer", jsEval("() => 1")}, "bad_request", "doc"},
		{"number format", "validate", []any{1, doc}, "bad_request", "format"},
		{"null doc", "convert", []any{"stancer", "canonical", js.Null()}, "bad_request", "doc"},
		{"malformed JSON", "convert", []any{"stancer", "canonical", "{"}, "invalid_json", ""},
		{"options number", "convert", []any{"stancer", "canonical", doc, 3}, "bad_request", "options"},
		{"options typo", "convert", []any{"stancer", "canonical", doc, jsEval(`{Region: "DE"}`)}, "bad_request", "options.Region"},
		{"phone bigint", "normalizePhone", []any{jsEval("4930123456n"), "DE"}, "bad_request", "text"},
		{"country undefined", "normalizeCountry", []any{js.Undefined()}, "bad_request", "text"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, argument := firstIssue(t, callJS(t, ns, tc.op, tc.args...))
			if code != tc.code || argument != tc.argument {
				t.Errorf("%s: first issue %s (%s), want %s (%s)", tc.op, code, argument, tc.code, tc.argument)
			}
		})
	}
	// undefined members vanish in JSON.stringify, as in any JSON API.
	if res := callJS(t, ns, "validate", "stancer", doc, jsEval(`{lang: undefined, strict: false}`)); res["valid"] != true {
		t.Errorf("validate with undefined option = %v", res)
	}
	formats := ns.Call("formats")
	var names []string
	if err := json.Unmarshal([]byte(formats.String()), &names); err != nil || len(names) < 2 {
		t.Errorf("formats() = %s", formats.String())
	}
}

// TestGluePanic: a panic is an internal issue at the JS boundary, and the
// namespace keeps answering.
func TestGluePanic(t *testing.T) {
	ns := exports(t)
	for range 3 {
		res := callJS(t, ns, opPanic)
		if code, _ := firstIssue(t, res); code != "internal" || res["ok"] != false {
			t.Fatalf("%s = %v, want an internal issue", opPanic, res)
		}
		if res := callJS(t, ns, "normalizeCountry", "Allemagne"); res["code"] != "DE" {
			t.Fatalf("normalizeCountry after a panic = %v", res)
		}
	}
}
