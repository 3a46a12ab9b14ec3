package stancer_test

import (
	"slices"
	"testing"

	"github.com/custnorm/custnorm/convert/stancer"
	"github.com/custnorm/custnorm/internal/golden"
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

// validateDoc reads data as Stancer would, without normalization
// (golden.Validate): Decode, then Encode with its issues mapped back.
func validateDoc(data []byte) validate.Report {
	return golden.Validate(stancer.Converter{}, data)
}

// toJSONValue returns v as a generic JSON value.
func toJSONValue(t testing.TB, v any) any {
	t.Helper()
	return golden.Value(t, golden.JSON(t, v))
}

// decodeValue is Decode's canonical record as a generic JSON value.
func decodeValue(t testing.TB, data []byte) any {
	t.Helper()
	c, _, _ := stancer.Converter{}.Decode(data)
	return golden.WithoutDropped(t, c, nil)
}
