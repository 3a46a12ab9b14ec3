package secuconnect_test

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/custnorm/custnorm/model"
	"github.com/custnorm/custnorm/validate"
)

// issueKey is what tests compare issues by: never the message text.
type issueKey struct {
	Path     validate.Pointer  `json:"path"`
	Code     validate.Code     `json:"code"`
	Severity validate.Severity `json:"severity"`
}

func issueKeys(issues validate.Issues) []issueKey {
	out := make([]issueKey, 0, len(issues))
	for _, i := range issues {
		out = append(out, issueKey{i.Path, i.Code, i.Severity})
	}
	return sortIssues(out)
}

// sortIssues returns a sorted copy of keys.
func sortIssues(keys []issueKey) []issueKey {
	out := slices.Clone(keys)
	slices.SortFunc(out, func(a, b issueKey) int {
		if c := strings.Compare(string(a.Path), string(b.Path)); c != 0 {
			return c
		}
		return strings.Compare(string(a.Code), string(b.Code))
	})
	return out
}

// changeKey is what tests compare changes by.
type changeKey struct {
	Kind   validate.ChangeKind
	Path   validate.Pointer
	Target validate.Pointer
	Rule   string
}

func changeKeys(changes []validate.Change) []changeKey {
	out := make([]changeKey, 0, len(changes))
	for _, c := range changes {
		k := changeKey{Kind: c.Kind, Path: c.Path, Rule: c.Rule}
		if c.Target != nil {
			k.Target = *c.Target
		}
		out = append(out, k)
	}
	slices.SortFunc(out, func(a, b changeKey) int {
		if c := strings.Compare(string(a.Path), string(b.Path)); c != 0 {
			return c
		}
		return strings.Compare(string(a.Kind), string(b.Kind))
	})
	return out
}

// droppedPaths returns the paths of the dropped changes of rep.
func droppedPaths(rep validate.Report) []validate.Pointer {
	var out []validate.Pointer
	for _, c := range rep.Changes {
		if c.Kind == validate.ChangeDropped {
			out = append(out, c.Path)
		}
	}
	return out
}

// jsonValue decodes data as a generic JSON value (numbers as float64).
func jsonValue(t testing.TB, data []byte) any {
	t.Helper()
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, data)
	}
	return v
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
	v := jsonValue(t, b)
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
