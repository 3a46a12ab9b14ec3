//go:build !custnorm_testhooks

package main

// testHooks is false in the shipped module: it has no undocumented
// operations.
const testHooks = false
