package custnorm_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestConformanceCopyIsCurrent fails when testdata/conformance.json differs
// from the shared vector corpus it copies, so that updates to the shared
// file reach this repository. The shared file lives beside the checkout
// (../shared/vectors/conformance.json); a clone without it has nothing to
// compare with, and the test says so.
func TestConformanceCopyIsCurrent(t *testing.T) {
	shared := filepath.Join("..", "shared", "vectors", "conformance.json")
	want, err := os.ReadFile(shared)
	if os.IsNotExist(err) {
		t.Skipf("%s does not exist beside this checkout: nothing to compare the copy with", shared)
	}
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join("testdata", "conformance.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("testdata/conformance.json differs from %s: copy it (cp %s testdata/conformance.json) and make the new cases pass", shared, shared)
	}
}
