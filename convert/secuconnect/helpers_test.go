package secuconnect_test

import (
	"encoding/json"
	"slices"
	"strconv"
	"testing"

	"github.com/custnorm/custnorm/internal/golden"
	"github.com/custnorm/custnorm/model"
	"github.com/custnorm/custnorm/validate"
)

// issueKeys returns the keys of issues without targets, sorted.
func issueKeys(issues validate.Issues) []golden.Issue {
	return golden.SortIssues(golden.IssuesWithoutTargets(issues))
}

// changeKeys returns the keys of changes, sorted.
func changeKeys(changes []validate.Change) []golden.Change {
	return golden.SortChanges(golden.Changes(changes))
}

// customerValue is the canonical JSON of c as a generic value, with the
// provider sections expanded and every value at or below a pointer in drop
// removed (and objects and arrays left empty by that removed too).
func customerValue(t testing.TB, c model.Customer, drop []validate.Pointer) any {
	t.Helper()
	b, err := json.Marshal(c)
	if err != nil {
		t.Fatalf("json.Marshal(customer): %v", err)
	}
	v := golden.Value(t, b)
	for _, p := range drop {
		v = mark(v, slices.Collect(p.Tokens()))
	}
	if v, ok := prune(v); ok {
		return v
	}
	return map[string]any{}
}

// gone marks a removed value until prune takes it out.
type gone struct{}

// mark replaces the value at the reference tokens toks in v with gone.
func mark(v any, toks []string) any {
	if len(toks) == 0 {
		return gone{}
	}
	switch t := v.(type) {
	case map[string]any:
		if sub, ok := t[toks[0]]; ok {
			t[toks[0]] = mark(sub, toks[1:])
		}
	case []any:
		if i, err := strconv.Atoi(toks[0]); err == nil && i >= 0 && i < len(t) {
			t[i] = mark(t[i], toks[1:])
		}
	}
	return v
}

// prune takes out the gone values and the containers they leave empty. It
// reports false when v itself is gone.
func prune(v any) (any, bool) {
	switch t := v.(type) {
	case gone:
		return nil, false
	case map[string]any:
		had := len(t) > 0
		for k, e := range t {
			if p, ok := prune(e); ok {
				t[k] = p
			} else {
				delete(t, k)
			}
		}
		return t, !had || len(t) > 0
	case []any:
		had := len(t) > 0
		out := make([]any, 0, len(t))
		for _, e := range t {
			if p, ok := prune(e); ok {
				out = append(out, p)
			}
		}
		return out, !had || len(out) > 0
	}
	return v, true
}
