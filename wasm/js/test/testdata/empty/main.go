//go:build js && wasm

// Command empty is the baseline of make wasm-bench: an empty Go program for
// js/wasm that only tells the page it has started (calls
// globalThis.__emptyReady) and stays alive, as custnorm.wasm does. The
// browser build's start is measured against this one's, in the same run.
package main

import "syscall/js"

func main() {
	js.Global().Call("__emptyReady")
	select {}
}
