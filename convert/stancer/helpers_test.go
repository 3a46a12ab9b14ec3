package stancer_test

import (
	"slices"
	"testing"

	"github.com/custnorm/custnorm/convert/stancer"
	"github.com/custnorm/custnorm/internal/golden"
	"github.com/custnorm/custnorm/model"
	"github.com/custnorm/custnorm/validate"
)

// issueKeys returns the keys of s without targets, sorted by path and
// code, without duplicates.
func issueKeys(s validate.Issues) []golden.Issue {
	return sortIssueKeys(golden.IssuesWithoutTargets(s))
}

// sortIssueKeys sorts keys by path and code, removes duplicates, and
// returns a non-nil slice.
func sortIssueKeys(keys []golden.Issue) []golden.Issue {
	return slices.Compact(golden.SortIssues(keys))
}

func changeKeys(s []validate.Change) []golden.Change {
	return sortChangeKeys(golden.Changes(s))
}

// sortChangeKeys sorts keys by path, kind and rule, removes duplicates, and
// returns a non-nil slice.
func sortChangeKeys(keys []golden.Change) []golden.Change {
	return slices.Compact(golden.SortChanges(keys))
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
		erep.Remap(&origins)
		rep.Merge(erep)
	}
	rep.Normalize()
	return rep
}

// toJSONValue returns v as a generic JSON value.
func toJSONValue(t testing.TB, v any) any {
	t.Helper()
	return golden.Value(t, golden.JSON(t, v))
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
