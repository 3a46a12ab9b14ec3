//go:build !(js && wasm)

package main

import (
	"fmt"
	"os"
)

// On any other platform the package is only its bridge and the bridge's
// tests; the program says how to build it.
func main() {
	fmt.Fprintln(os.Stderr, "custnorm wasm: this program runs in a JavaScript host; build it with GOOS=js GOARCH=wasm (make wasm)")
	os.Exit(2)
}
