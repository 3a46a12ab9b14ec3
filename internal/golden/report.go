package golden

import (
	"cmp"
	"slices"

	"github.com/custnorm/custnorm/validate"
)

// Issue is what tests compare of a validate.Issue: never the localized
// message or the params. Target is "" when the issue has none.
type Issue struct {
	Path     validate.Pointer  `json:"path"`
	Target   validate.Pointer  `json:"target,omitempty"`
	Code     validate.Code     `json:"code"`
	Severity validate.Severity `json:"severity"`
}

// Issues returns the Issue of each of s, in the order of s (never nil).
func Issues(s validate.Issues) []Issue {
	out := make([]Issue, 0, len(s))
	for _, i := range s {
		k := Issue{Path: i.Path, Code: i.Code, Severity: i.Severity}
		if i.Target != nil {
			k.Target = *i.Target
		}
		out = append(out, k)
	}
	return out
}

// IssuesWithoutTargets is Issues with every Target left "", for tests that
// compare issues by path, code and severity only (what most
// *.errors.golden.json files hold).
func IssuesWithoutTargets(s validate.Issues) []Issue {
	out := Issues(s)
	for k := range out {
		out[k].Target = ""
	}
	return out
}

// SortIssues returns a copy of keys (never nil) sorted by path, then code,
// keeping the relative order of equal ones, as validate.Issues.Sort does.
func SortIssues(keys []Issue) []Issue {
	out := append([]Issue{}, keys...)
	slices.SortStableFunc(out, func(a, b Issue) int {
		return cmp.Or(cmp.Compare(a.Path, b.Path), cmp.Compare(a.Code, b.Code))
	})
	return out
}

// Change is what tests compare of a validate.Change. Target is "" when the
// change has none.
type Change struct {
	Kind   validate.ChangeKind `json:"kind"`
	Path   validate.Pointer    `json:"path"`
	Target validate.Pointer    `json:"target,omitempty"`
	Rule   string              `json:"rule"`
}

// Changes returns the Change of each of s, in the order of s (never nil).
func Changes(s []validate.Change) []Change {
	out := make([]Change, 0, len(s))
	for _, c := range s {
		k := Change{Kind: c.Kind, Path: c.Path, Rule: c.Rule}
		if c.Target != nil {
			k.Target = *c.Target
		}
		out = append(out, k)
	}
	return out
}

// SortChanges returns a copy of keys (never nil) sorted by path, kind and
// rule, keeping the relative order of equal ones.
func SortChanges(keys []Change) []Change {
	out := append([]Change{}, keys...)
	slices.SortStableFunc(out, func(a, b Change) int {
		return cmp.Or(cmp.Compare(a.Path, b.Path), cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.Rule, b.Rule))
	})
	return out
}

// Dropped returns the dropped changes of the paths, in their order, each
// with rule, for the expectations of tests.
func Dropped(rule string, paths ...validate.Pointer) []Change {
	out := make([]Change, 0, len(paths))
	for _, p := range paths {
		out = append(out, Change{Kind: validate.ChangeDropped, Path: p, Rule: rule})
	}
	return out
}
