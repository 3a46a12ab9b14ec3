package validate

import (
	"slices"
	"strings"
)

// A Report is what one decode, normalization, check or conversion found and
// did: the issues of the input and the changes made to the data.
type Report struct {
	Issues  Issues   `json:"issues"`
	Changes []Change `json:"changes"`
}

// Issue adds an issue at path p (pointing wherever the producer points:
// canonical or input document).
func (r *Report) Issue(p Pointer, code Code, params Params) {
	r.Issues = append(r.Issues, NewIssue(p, code, params))
}

// Add adds issues that were made at path "" (the value itself, as the
// normalizers return them) at path p.
func (r *Report) Add(p Pointer, issues ...Issue) {
	for _, i := range issues {
		if i.Path == "" {
			i.Path = p
		} else {
			i.Path = p + i.Path
		}
		r.Issues = append(r.Issues, i)
	}
}

// Change adds a change.
func (r *Report) Change(kind ChangeKind, p Pointer, rule string) {
	r.Changes = append(r.Changes, Change{Kind: kind, Path: p, Rule: rule})
}

// Merge appends the issues and changes of o.
func (r *Report) Merge(o Report) {
	r.Issues = append(r.Issues, o.Issues...)
	r.Changes = append(r.Changes, o.Changes...)
}

// Remap rewrites the paths of every issue and change through o (from
// canonical pointers to the pointers of the input document).
func (r *Report) Remap(o *Origins) {
	for k := range r.Issues {
		r.Issues[k].Path = o.Of(r.Issues[k].Path)
	}
	for k := range r.Changes {
		r.Changes[k].Path = o.Of(r.Changes[k].Path)
	}
}

// Normalize makes the report deterministic and JSON-friendly: non-nil
// slices, issues sorted by path and code, duplicate issues (same path, code,
// severity and target) and duplicate changes removed wherever they stand;
// the first of equal ones is kept, and changes keep their order.
func (r *Report) Normalize() {
	if r.Issues == nil {
		r.Issues = Issues{}
	}
	if r.Changes == nil {
		r.Changes = []Change{}
	}
	r.Issues.Sort()
	type issueKey struct {
		path, target Pointer
		hasTarget    bool
		code         Code
		severity     Severity
	}
	seenIssues := make(map[issueKey]bool, len(r.Issues))
	r.Issues = slices.DeleteFunc(r.Issues, func(i Issue) bool {
		k := issueKey{path: i.Path, hasTarget: i.Target != nil, code: i.Code, severity: i.Severity}
		if i.Target != nil {
			k.target = *i.Target
		}
		if seenIssues[k] {
			return true
		}
		seenIssues[k] = true
		return false
	})
	type changeKey struct {
		kind         ChangeKind
		path, target Pointer
		hasTarget    bool
		rule         string
	}
	seenChanges := make(map[changeKey]bool, len(r.Changes))
	r.Changes = slices.DeleteFunc(r.Changes, func(c Change) bool {
		k := changeKey{kind: c.Kind, path: c.Path, hasTarget: c.Target != nil, rule: c.Rule}
		if c.Target != nil {
			k.target = *c.Target
		}
		if seenChanges[k] {
			return true
		}
		seenChanges[k] = true
		return false
	})
}

// Origins maps pointers into the canonical record to the pointers in the
// input document its values came from. A pointer with no entry is mapped
// through its longest registered prefix (so "/provider/stancer/x" follows
// "/provider/stancer"); a pointer with no registered prefix maps to "" (the
// whole input document). The identity Origins (for canonical input) maps
// every pointer to itself.
type Origins struct {
	identity bool
	m        map[Pointer]Pointer
}

// IdentityOrigins returns Origins that map every pointer to itself.
func IdentityOrigins() *Origins { return &Origins{identity: true} }

// Set records that the canonical value at canon came from src.
func (o *Origins) Set(canon, src Pointer) {
	if o.m == nil {
		o.m = make(map[Pointer]Pointer)
	}
	o.m[canon] = src
}

// Of returns the input pointer of the canonical pointer p.
func (o *Origins) Of(p Pointer) Pointer {
	if o == nil || o.identity {
		return p
	}
	if src, ok := o.m[p]; ok {
		return src
	}
	for q := p; q != ""; {
		q = q.Parent()
		if src, ok := o.m[q]; ok {
			return src + p[len(q):]
		}
		if q == "" {
			break
		}
	}
	return ""
}

// Lookup returns the input pointer registered for exactly p.
func (o *Origins) Lookup(p Pointer) (Pointer, bool) {
	if o == nil || o.identity {
		return p, true
	}
	src, ok := o.m[p]
	return src, ok
}

// Inverse returns the canonical pointer whose value came from the input
// pointer src (the first registered, in pointer order), or "" and false.
func (o *Origins) Inverse(src Pointer) (Pointer, bool) {
	if o == nil || o.identity {
		return src, true
	}
	keys := make([]Pointer, 0, len(o.m))
	for k, v := range o.m {
		if v == src {
			keys = append(keys, k)
		}
	}
	if len(keys) == 0 {
		return "", false
	}
	slices.SortFunc(keys, func(a, b Pointer) int { return strings.Compare(string(a), string(b)) })
	return keys[0], true
}
