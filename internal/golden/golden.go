// Package golden compares test output with golden files under testdata/ and
// rewrites them when the test binary runs with -update. It also holds what
// the provider tests share: the keys they compare issues and changes by, the
// corpus walker and a few JSON helpers. It is imported only by _test.go
// files.
package golden

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite golden files")

// Updating reports whether the test binary runs with -update.
func Updating() bool { return *update }

// Check compares got, a JSON document, with the golden file at path. Both
// are decoded before comparing, so key order and white space never matter.
// With -update it writes got, indented, with a trailing newline.
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	if *update {
		var buf bytes.Buffer
		if err := json.Indent(&buf, got, "", "  "); err != nil {
			t.Fatalf("golden %s: output is not JSON: %v\n%s", path, err, got)
		}
		buf.WriteByte('\n')
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("golden %s: %v (run the test with -update to create it)", path, err)
	}
	var w, g any
	if err := json.Unmarshal(want, &w); err != nil {
		t.Fatalf("golden %s is not JSON: %v", path, err)
	}
	if err := json.Unmarshal(got, &g); err != nil {
		t.Fatalf("output for %s is not JSON: %v\n%s", path, err, got)
	}
	if diff := cmp.Diff(w, g); diff != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", path, diff)
	}
}

// JSON marshals v for Check, failing the test on error.
func JSON(t testing.TB, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
