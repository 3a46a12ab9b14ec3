package riverty_test

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/custnorm/custnorm/convert/riverty"
	"github.com/custnorm/custnorm/model"
	"github.com/custnorm/custnorm/validate"
)

// converter is the method set both formats share (convert.Converter,
// restated so the test does not import package convert).
type converter interface {
	Name() string
	Decode(data []byte) (model.Customer, *validate.Origins, validate.Report)
	Encode(c model.Customer) ([]byte, validate.Report)
}

var formats = []converter{riverty.Converter{}, riverty.CreateConverter{}}

// issue is what tests compare of a validate.Issue: never the message.
type issue struct {
	Path     validate.Pointer `json:"path"`
	Target   validate.Pointer `json:"target,omitempty"`
	Code     validate.Code    `json:"code"`
	Severity validate.Severity
}

func issuesOf(rep validate.Report) []issue {
	out := []issue{}
	for _, i := range rep.Issues {
		it := issue{Path: i.Path, Code: i.Code, Severity: i.Severity}
		if i.Target != nil {
			it.Target = *i.Target
		}
		out = append(out, it)
	}
	return out
}

// change is what tests compare of a validate.Change.
type change struct {
	Kind   validate.ChangeKind
	Path   validate.Pointer
	Target validate.Pointer
	Rule   string
}

func changesOf(rep validate.Report) []change {
	out := []change{}
	for _, c := range rep.Changes {
		ch := change{Kind: c.Kind, Path: c.Path, Rule: c.Rule}
		if c.Target != nil {
			ch.Target = *c.Target
		}
		out = append(out, ch)
	}
	return out
}

// droppedPaths returns the paths of the report's dropped changes.
func droppedPaths(rep validate.Report) []validate.Pointer {
	var out []validate.Pointer
	for _, c := range rep.Changes {
		if c.Kind == validate.ChangeDropped {
			out = append(out, c.Path)
		}
	}
	return out
}

// withoutPaths returns c with the values at the canonical pointers paths
// removed (a pointer into the provider section removes that subtree, and
// the objects the removal leaves empty).
func withoutPaths(t testing.TB, c model.Customer, paths []validate.Pointer) model.Customer {
	t.Helper()
	var doc map[string]any
	b, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	for _, p := range paths {
		removeAt(doc, slices.Collect(p.Tokens()))
	}
	b, err = json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	var out model.Customer
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// removeAt removes the value at toks below obj, and each object on the way
// that the removal leaves empty. It reports whether obj is now empty.
func removeAt(obj map[string]any, toks []string) bool {
	if len(toks) == 0 {
		return false
	}
	v, ok := obj[toks[0]]
	if !ok {
		return false
	}
	if len(toks) == 1 {
		delete(obj, toks[0])
		return len(obj) == 0
	}
	switch sub := v.(type) {
	case map[string]any:
		if removeAt(sub, toks[1:]) {
			delete(obj, toks[0])
		}
	case []any:
		// A decoder reads arrays whole; remove the whole array.
		delete(obj, toks[0])
	}
	return len(obj) == 0
}

// jsonValue decodes b for comparisons as a JSON value.
func jsonValue(t testing.TB, b []byte) any {
	t.Helper()
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, b)
	}
	return v
}

// valueAt returns the value at pointer p of the decoded JSON value v.
func valueAt(v any, p validate.Pointer) (any, bool) {
	for tok := range p.Tokens() {
		obj, ok := v.(map[string]any)
		if !ok {
			return nil, false
		}
		v, ok = obj[tok]
		if !ok {
			return nil, false
		}
	}
	return v, true
}
