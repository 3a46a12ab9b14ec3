package riverty_test

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/custnorm/custnorm/convert/riverty"
	"github.com/custnorm/custnorm/internal/golden"
	"github.com/custnorm/custnorm/model"
	"github.com/custnorm/custnorm/validate"
)

var formats = []golden.Converter{riverty.Converter{}, riverty.CreateConverter{}}

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
