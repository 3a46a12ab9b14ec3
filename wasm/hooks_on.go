//go:build custnorm_testhooks

package main

// testHooks is true in builds with the custnorm_testhooks tag, which export
// the undocumented operation __panic for the tests that prove a panic is
// recovered (make wasm-test builds dist/test/custnorm-testhooks.wasm).
const testHooks = true
