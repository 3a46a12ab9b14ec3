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
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/custnorm/custnorm/convert"
	"github.com/custnorm/custnorm/model"
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

// Converter is the method set of a provider format: a convert.Converter
// that is a convert.ChangeOmitter and a convert.IssueEncoder, as every
// provider format is.
type Converter interface {
	convert.Converter
	convert.ChangeOmitter
	convert.IssueEncoder
}

// CheckOmitChanges checks that conv.EncodeOmitChanges(c) is conv.Encode(c)
// without the changes: the same document and the same issues (messages,
// params and targets included), and that conv.EncodeIssues(c) gives the
// same issues.
func CheckOmitChanges(t testing.TB, conv Converter, c model.Customer) {
	t.Helper()
	out, rep := conv.Encode(c)
	lean, issues := conv.EncodeOmitChanges(c)
	if !bytes.Equal(lean, out) {
		t.Errorf("%s: EncodeOmitChanges wrote\n%s\nEncode wrote\n%s", conv.Name(), lean, out)
	}
	if diff := cmp.Diff(string(JSON(t, rep.Issues)), string(JSON(t, issues))); diff != "" {
		t.Errorf("%s: EncodeOmitChanges issues differ from Encode's (-Encode +EncodeOmitChanges):\n%s", conv.Name(), diff)
	}
	if diff := cmp.Diff(string(JSON(t, rep.Issues)), string(JSON(t, conv.EncodeIssues(c)))); diff != "" {
		t.Errorf("%s: EncodeIssues differs from Encode's issues (-Encode +EncodeIssues):\n%s", conv.Name(), diff)
	}
}

// Corpus returns the provider documents in dir, the *.json files that are
// not *.golden.json, sorted. It fails the test when there is none.
func Corpus(t testing.TB, dir string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	files = slices.DeleteFunc(files, func(f string) bool { return strings.HasSuffix(f, ".golden.json") })
	if len(files) == 0 {
		t.Fatalf("no corpus files in %s", dir)
	}
	return files
}

// ReadFile returns the content of the file at path, failing the test on
// error.
func ReadFile(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Value decodes b as a generic JSON value (numbers as float64), failing the
// test if b is not JSON.
func Value(t testing.TB, b []byte) any {
	t.Helper()
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, b)
	}
	return v
}
