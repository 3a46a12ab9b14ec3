//go:build js && wasm

package main

import (
	"encoding/binary"
	"os"
	"unsafe"
)

// The functions the module exports to its host for direct calls (see
// request.go). They serve the bridge main builds; the program has one, so
// it is a package variable, set before the page is told the module is
// ready.
var direct struct {
	b   *bridge
	in  []byte // the request buffer lent to the page
	out []byte // the last result, length-prefixed, kept until the next call
}

// directRequest returns the address of a request buffer of at least n
// bytes, valid until the next call of directRequest: the page writes
// every request that fits into it (custnorm.mjs asks again only for a
// larger one), and directCall reads n of its bytes.
//
//go:wasmexport custnorm_request
func directRequest(n int32) int32 {
	if n < 1 {
		n = 1
	}
	if cap(direct.in) < int(n) {
		direct.in = make([]byte, n)
	}
	direct.in = direct.in[:n]
	return int32(uintptr(unsafe.Pointer(unsafe.SliceData(direct.in))))
}

// directCall answers the request of n bytes in the request buffer. It
// returns the address of the result: its length (four bytes,
// little-endian), then its JSON text, valid until the next call.
//
//go:wasmexport custnorm_call
func directCall(n int32) int32 {
	out := append(direct.out[:0], 0, 0, 0, 0) // the length, below
	if direct.b == nil || n < 0 || int(n) > len(direct.in) {
		out = append(out, `{"ok":false,"issues":[{"path":"","code":"internal","severity":"error","message":"internal error","params":{}}]}`...)
	} else {
		out = direct.b.callRequest(out, direct.in[:n])
	}
	binary.LittleEndian.PutUint32(out, uint32(len(out)-4))
	if cap(out) > 1<<16 {
		direct.out = nil // do not keep a large result's buffer
	} else {
		direct.out = out
	}
	return int32(uintptr(unsafe.Pointer(unsafe.SliceData(out))))
}

// directExit ends the program (custnorm.mjs's dispose): the Go runtime
// exits, and the page drops the instance and its memory.
//
//go:wasmexport custnorm_exit
func directExit() {
	os.Exit(0)
}
