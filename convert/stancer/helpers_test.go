package stancer_test

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/custnorm/custnorm/convert/stancer"
	"github.com/custnorm/custnorm/model"
	"github.com/custnorm/custnorm/validate"
)

// issueKey is how tests compare issues: by path, code and severity, never by
// message text.
type issueKey struct {
	Path     validate.Pointer  `json:"path"`
	Code     validate.Code     `json:"code"`
	Severity validate.Severity `json:"severity"`
}

// changeKey is how tests compare changes.
type changeKey struct {
	Kind   validate.ChangeKind `json:"kind"`
	Path   validate.Pointer    `json:"path"`
	Target validate.Pointer    `json:"target,omitempty"`
	Rule   string              `json:"rule"`
}

func issueKeys(s validate.Issues) []issueKey {
	out := []issueKey{}
	for _, i := range s {
		out = append(out, issueKey{i.Path, i.Code, i.Severity})
	}
	return sortIssueKeys(out)
}

// sortIssueKeys sorts keys by path and code, removes duplicates, and
// returns a non-nil slice.
func sortIssueKeys(keys []issueKey) []issueKey {
	out := append([]issueKey{}, keys...)
	slices.SortFunc(out, func(a, b issueKey) int {
		if a.Path != b.Path {
			return strings.Compare(string(a.Path), string(b.Path))
		}
		return strings.Compare(string(a.Code), string(b.Code))
	})
	return slices.Compact(out)
}

func changeKeys(s []validate.Change) []changeKey {
	out := []changeKey{}
	for _, c := range s {
		k := changeKey{Kind: c.Kind, Path: c.Path, Rule: c.Rule}
		if c.Target != nil {
			k.Target = *c.Target
		}
		out = append(out, k)
	}
	return sortChangeKeys(out)
}

// sortChangeKeys sorts keys by path, kind and rule, removes duplicates, and
// returns a non-nil slice.
func sortChangeKeys(keys []changeKey) []changeKey {
	out := append([]changeKey{}, keys...)
	slices.SortFunc(out, func(a, b changeKey) int {
		if a.Path != b.Path {
			return strings.Compare(string(a.Path), string(b.Path))
		}
		if a.Kind != b.Kind {
			return strings.Compare(string(a.Kind), string(b.Kind))
		}
		return strings.Compare(a.Rule, b.Rule)
	})
	return slices.Compact(out)
}

// isUnreadable reports whether a decode report says the document could not
// be read at all.
func isUnreadable(rep validate.Report) bool {
	for _, i := range rep.Issues {
		if i.Path == "" && (i.Code == validate.CodeInvalidJSON || i.Code == validate.CodeTooLarge ||
			i.Code == validate.CodeTooDeep || i.Code == validate.CodeWrongType) {
			return true
		}
	}
	return false
}

// validateDoc runs the part of the validate pipeline this package owns on
// data: Decode, then Encode to Stancer with Encode's issues mapped back to
// the input through the origins. (Package convert adds Normalize and Check
// in between.)
func validateDoc(data []byte) validate.Report {
	var conv stancer.Converter
	c, origins, rep := conv.Decode(data)
	if !isUnreadable(rep) {
		_, erep := conv.Encode(c)
		erep.Remap(origins)
		rep.Merge(erep)
	}
	rep.Normalize()
	return rep
}

// toJSONValue returns v as a generic JSON value.
func toJSONValue(t testing.TB, v any) any {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return parseJSON(t, b)
}

func parseJSON(t testing.TB, b []byte) any {
	t.Helper()
	var out any
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, b)
	}
	return out
}

// withoutDropped returns c as a generic JSON value without the values the
// report lists as dropped, and without the objects that leaves empty.
func withoutDropped(t testing.TB, c model.Customer, rep validate.Report) any {
	t.Helper()
	v := toJSONValue(t, c)
	for _, ch := range rep.Changes {
		if ch.Kind == validate.ChangeDropped {
			remove(v, slices.Collect(ch.Path.Tokens()))
		}
	}
	return prune(v)
}

// remove deletes the member at the path toks. A path into an array deletes
// the whole array (Encode drops arrays whole).
func remove(v any, toks []string) {
	obj, ok := v.(map[string]any)
	if !ok || len(toks) == 0 {
		return
	}
	child, exists := obj[toks[0]]
	if !exists {
		return
	}
	if len(toks) == 1 {
		delete(obj, toks[0])
		return
	}
	if _, isArr := child.([]any); isArr {
		delete(obj, toks[0])
		return
	}
	remove(child, toks[1:])
}

// prune removes empty objects, recursively.
func prune(v any) any {
	obj, ok := v.(map[string]any)
	if !ok {
		return v
	}
	for k, e := range obj {
		e = prune(e)
		if m, isObj := e.(map[string]any); isObj && len(m) == 0 {
			delete(obj, k)
			continue
		}
		obj[k] = e
	}
	return obj
}

// decodeValue is Decode's canonical record as a generic JSON value, empty
// objects pruned.
func decodeValue(t testing.TB, data []byte) any {
	t.Helper()
	c, _, _ := stancer.Converter{}.Decode(data)
	return prune(toJSONValue(t, c))
}
