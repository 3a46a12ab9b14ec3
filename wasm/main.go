//go:build js && wasm

package main

import (
	"os"
	"syscall/js"
)

// main exports the API as one namespace object and blocks; custnorm.mjs
// calls the operations directly (export_js.go) when the module exports
// them, the namespace's js.Funcs otherwise. The object goes
// to the function named by os.Args[1] (custnorm.mjs passes a fresh global
// name per instance, so several instances never share a global); without
// that argument it is set as globalThis.custnorm.
func main() {
	g := newGlue(newBridge(testHooks))
	direct.b = g.b // the same bridge answers direct calls (export_js.go)
	ns := js.Global().Get("Object").New()
	for _, op := range g.b.ops() {
		// The js.Funcs live as long as the program: never released.
		ns.Set(op, js.FuncOf(g.export(op)))
	}
	ready := js.Undefined()
	if len(os.Args) > 1 {
		ready = js.Global().Get(os.Args[1])
	}
	if ready.Type() == js.TypeFunction {
		ready.Invoke(ns)
	} else {
		js.Global().Set("custnorm", ns)
	}
	select {}
}

// glue converts between syscall/js and the bridge.
type glue struct {
	b          *bridge
	json       js.Value // JSON
	uint8Array js.Value // Uint8Array
}

func newGlue(b *bridge) *glue {
	return &glue{b: b, json: js.Global().Get("JSON"), uint8Array: js.Global().Get("Uint8Array")}
}

// export returns the js.Func body of op: it converts the arguments, calls
// the bridge and returns the result as a JSON string (custnorm.mjs parses
// it). Nothing panics out of it: a dead Go program would make every later
// call throw.
func (g *glue) export(op string) func(this js.Value, args []js.Value) any {
	return func(_ js.Value, args []js.Value) (res any) {
		defer func() {
			if r := recover(); r != nil {
				res = string(g.b.internalJSON(op))
			}
		}()
		vals := make([]value, len(args))
		for i, a := range args {
			vals[i] = g.value(a)
		}
		return string(g.b.call(op, vals))
	}
}

// value classifies one argument by its Type. A BigInt has no js.Type
// (Type panics on it), so it becomes kindOther.
func (g *glue) value(v js.Value) (val value) {
	defer func() {
		if recover() != nil {
			val = value{kind: kindOther}
		}
	}()
	switch v.Type() {
	case js.TypeUndefined:
		return value{kind: kindUndefined}
	case js.TypeNull:
		return value{kind: kindNull}
	case js.TypeBoolean:
		return value{kind: kindBoolean}
	case js.TypeNumber:
		return value{kind: kindNumber}
	case js.TypeString:
		return value{kind: kindString, str: v.String()}
	case js.TypeSymbol:
		return value{kind: kindSymbol}
	case js.TypeFunction:
		return value{kind: kindFunction}
	case js.TypeObject:
		if v.InstanceOf(g.uint8Array) {
			data := make([]byte, v.Length())
			js.CopyBytesToGo(data, v)
			return value{kind: kindBytes, data: data}
		}
		return value{kind: kindObject, data: g.stringify(v)}
	}
	return value{kind: kindOther}
}

// stringify returns JSON.stringify(v), or nil when it throws (a cycle, a
// BigInt member) or gives no string.
func (g *glue) stringify(v js.Value) (data []byte) {
	defer func() {
		if recover() != nil {
			data = nil
		}
	}()
	s := g.json.Call("stringify", v)
	if s.Type() != js.TypeString {
		return nil
	}
	return []byte(s.String())
}
