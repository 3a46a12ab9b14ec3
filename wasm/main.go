//go:build js && wasm

package main

import (
	"os"
	"strings"
	"syscall/js"
)

// main sets up the bridge the exported functions answer (export_js.go),
// tells the page which operations there are, and blocks. custnorm.mjs
// passes the name of a function in os.Args[1]; it reads that name from
// the global object the Go runtime was given, which custnorm.mjs keeps
// private to the instance (wasm_exec.mjs), so nothing is set on the page's
// globalThis. The function gets the operations' names, comma-separated, in
// the order of their indices in a request (request.go), and the version
// strings of versionInfo.
func main() {
	b := newBridge(testHooks)
	direct.b = b
	if len(os.Args) > 1 {
		if ready := js.Global().Get(os.Args[1]); ready.Type() == js.TypeFunction {
			v, rev, phone := versionInfo()
			ready.Invoke(strings.Join(b.ops(), ","), v, rev, phone)
		}
	}
	select {}
}
