//go:build js && wasm

package main

import (
	"os"
	"strings"
	"syscall/js"

	"github.com/custnorm/custnorm/validate"
)

// main sets up the bridge the exported functions answer (export_js.go),
// tells the page which operations there are, and blocks. custnorm.mjs
// passes the name of a function in os.Args[1]; it reads that name from
// the global object the Go runtime was given, which custnorm.mjs keeps
// private to the instance (wasm_exec.mjs), so nothing is set on the page's
// globalThis. The function gets the operations' names, comma-separated, in
// the order of their indices in a request (request.go), and the version
// strings of versionInfo.
//
// os.Args[2], when given, is init's messages option: a JSON catalog of the
// caller's messages (validate.ParseMessages). A catalog that does not parse
// is reported to the ready function as its fifth argument (the error's
// text, which names no document value), and init rejects.
func main() {
	var (
		messages *validate.Messages
		failure  string
	)
	if len(os.Args) > 2 && os.Args[2] != "" {
		m, err := validate.ParseMessages([]byte(os.Args[2]))
		if err != nil {
			failure = "messages: " + err.Error()
		}
		messages = m
	}
	b := newBridgeMessages(testHooks, messages)
	direct.b = b
	if len(os.Args) > 1 {
		if ready := js.Global().Get(os.Args[1]); ready.Type() == js.TypeFunction {
			v, rev, phone := versionInfo()
			ready.Invoke(strings.Join(b.ops(), ","), v, rev, phone, failure)
		}
	}
	select {}
}
