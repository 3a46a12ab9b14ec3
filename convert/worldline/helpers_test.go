package worldline_test

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/custnorm/custnorm/convert/worldline"
	"github.com/custnorm/custnorm/internal/golden"
	"github.com/custnorm/custnorm/model"
	"github.com/custnorm/custnorm/validate"
)

// formats are the package's formats, for tests that run over both.
var formats = []golden.Converter{worldline.Converter{}, worldline.LookupConverter{}}

// issuesOf returns the issues of r, normalized (sorted, without duplicates).
func issuesOf(r validate.Report) []golden.Issue {
	r.Normalize()
	return golden.Issues(r.Issues)
}

// changesOf returns the changes of r, sorted.
func changesOf(r validate.Report) []golden.Change {
	return golden.SortChanges(golden.Changes(r.Changes))
}

func warn(p validate.Pointer, code validate.Code) golden.Issue {
	return golden.Issue{Path: p, Code: code, Severity: validate.SeverityWarning}
}

func fail(p validate.Pointer, code validate.Code) golden.Issue {
	return golden.Issue{Path: p, Code: code, Severity: validate.SeverityError}
}

func withTarget(i golden.Issue, t validate.Pointer) golden.Issue {
	i.Target = t
	return i
}

// jsonEqual compares provider sections (and documents) as JSON values.
var jsonEqual = cmp.Comparer(func(a, b json.RawMessage) bool {
	var va, vb any
	errA, errB := json.Unmarshal(a, &va), json.Unmarshal(b, &vb)
	if errA != nil || errB != nil {
		return string(a) == string(b)
	}
	return reflect.DeepEqual(va, vb)
})

// sameJSON reports whether a and b hold the same JSON value.
func sameJSON(t testing.TB, a, b []byte) bool {
	t.Helper()
	return reflect.DeepEqual(golden.Value(t, a), golden.Value(t, b))
}

// checkEncoded checks what Encode(in) gave, the document got and the
// report rep, against the document want and the issues and changes (nil:
// none).
func checkEncoded(t *testing.T, in model.Customer, got []byte, rep validate.Report, want string, issues []golden.Issue, changes []golden.Change) {
	t.Helper()
	if !sameJSON(t, got, []byte(want)) {
		t.Errorf("Encode(%+v) = %s, want %s", in, got, want)
	}
	if issues == nil {
		issues = []golden.Issue{}
	}
	if diff := cmp.Diff(issues, issuesOf(rep)); diff != "" {
		t.Errorf("Encode(%+v) issues mismatch (-want +got):\n%s", in, diff)
	}
	if changes == nil {
		changes = []golden.Change{}
	}
	if diff := cmp.Diff(changes, changesOf(rep)); diff != "" {
		t.Errorf("Encode(%+v) changes mismatch (-want +got):\n%s", in, diff)
	}
}

// checkDecoded decodes in with conv and checks the record against want and
// the issues against issues (nil: none).
func checkDecoded(t *testing.T, conv golden.Converter, in string, want model.Customer, issues []golden.Issue) {
	t.Helper()
	got, _, rep := conv.Decode([]byte(in))
	if diff := cmp.Diff(want, got, jsonEqual); diff != "" {
		t.Errorf("Decode(%s) mismatch (-want +got):\n%s", in, diff)
	}
	if issues == nil {
		issues = []golden.Issue{}
	}
	if diff := cmp.Diff(issues, issuesOf(rep)); diff != "" {
		t.Errorf("Decode(%s) issues mismatch (-want +got):\n%s", in, diff)
	}
}

// raw makes a provider section.
func raw(s string) json.RawMessage { return json.RawMessage(s) }
