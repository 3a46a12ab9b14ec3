package validate

import (
	"iter"
	"maps"
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
	if r.Changes == nil {
		// Room for the few a record mostly has (two phones, a street):
		// one allocation where growing one by one took three.
		r.Changes = make([]Change, 0, 4)
	}
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
	r.Issues = dedup(r.Issues, func(i Issue) issueKey {
		k := issueKey{path: i.Path, hasTarget: i.Target != nil, code: i.Code, severity: i.Severity}
		if i.Target != nil {
			k.target = *i.Target
		}
		return k
	})
	r.Changes = dedup(r.Changes, func(c Change) changeKey {
		k := changeKey{kind: c.Kind, path: c.Path, hasTarget: c.Target != nil, rule: c.Rule}
		if c.Target != nil {
			k.target = *c.Target
		}
		return k
	})
}

// The identity of an issue and of a change for [Report.Normalize].
type (
	issueKey struct {
		path, target Pointer
		hasTarget    bool
		code         Code
		severity     Severity
	}
	changeKey struct {
		kind         ChangeKind
		path, target Pointer
		hasTarget    bool
		rule         string
	}
)

// dedupMapAt is the length from which dedup uses a map; shorter lists (a
// record's usual handful) are compared pairwise, which allocates nothing.
const dedupMapAt = 32

// dedup removes, in place, every element whose key equals that of an
// earlier one, keeping the order (as slices.DeleteFunc, whose cleared tail
// it also clears).
func dedup[E any, K comparable](s []E, key func(E) K) []E {
	if len(s) < 2 {
		return s
	}
	if len(s) >= dedupMapAt {
		seen := make(map[K]bool, len(s))
		return slices.DeleteFunc(s, func(e E) bool {
			k := key(e)
			if seen[k] {
				return true
			}
			seen[k] = true
			return false
		})
	}
	var keyBuf [dedupMapAt]K
	keys := keyBuf[:0]
	out := s[:0]
	for _, e := range s {
		k := key(e)
		if !slices.Contains(keys, k) {
			keys = append(keys, k)
			out = append(out, e)
		}
	}
	clear(s[len(out):])
	return out
}

// Origins maps pointers into the canonical record to the pointers in the
// input document its values came from. A pointer with no entry is mapped
// through its longest registered prefix (so "/provider/stancer/x" follows
// "/provider/stancer"); a pointer with no registered prefix maps to "" (the
// whole input document). The identity Origins (for canonical input) maps
// every pointer to itself.
type Origins struct {
	identity bool
	// The first len(small) entries live in the struct and are searched in
	// order: a provider document has a couple of dozen, and a map for them
	// would be an allocation per record. More go to m.
	n     int
	small [originsSmall]originEntry
	m     map[Pointer]Pointer
	// seen has the bit of originBit set for every canonical pointer
	// recorded: a pointer whose bit is clear is not recorded, and Set
	// and get skip their search.
	seen uint64
}

// originBit is p's bit in Origins.seen, from its length and two of its
// bytes.
func originBit(p Pointer) uint64 {
	h := uint(len(p))
	if len(p) > 0 {
		h = h*7 + uint(p[len(p)-1])*13 + uint(p[len(p)/2])
	}
	return 1 << (h & 63)
}

// originEntry is one entry of Origins.
type originEntry struct{ canon, src Pointer }

// originsSmall is the number of entries Origins holds without a map.
const originsSmall = 24

// IdentityOrigins returns Origins that map every pointer to itself.
func IdentityOrigins() *Origins { return &Origins{identity: true} }

// Set records that the canonical value at canon came from src.
func (o *Origins) Set(canon, src Pointer) {
	if bit := originBit(canon); o.seen&bit == 0 {
		o.seen |= bit
	} else {
		for k := range o.small[:o.n] {
			if o.small[k].canon == canon {
				o.small[k].src = src
				return
			}
		}
	}
	if o.n < len(o.small) && o.m == nil {
		o.small[o.n] = originEntry{canon, src}
		o.n++
		return
	}
	if o.m == nil {
		o.m = make(map[Pointer]Pointer)
	}
	o.m[canon] = src
}

// get returns the input pointer registered for exactly p.
func (o *Origins) get(p Pointer) (Pointer, bool) {
	if o.seen&originBit(p) == 0 {
		return "", false
	}
	for k := range o.small[:o.n] {
		if o.small[k].canon == p {
			return o.small[k].src, true
		}
	}
	src, ok := o.m[p]
	return src, ok
}

// Of returns the input pointer of the canonical pointer p.
func (o *Origins) Of(p Pointer) Pointer {
	if o == nil || o.identity {
		return p
	}
	if src, ok := o.get(p); ok {
		return src
	}
	for q := p; q != ""; {
		q = q.Parent()
		if src, ok := o.get(q); ok {
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
	return o.get(p)
}

// Inverse returns the canonical pointer whose value came from the input
// pointer src (the first registered, in pointer order), or "" and false.
func (o *Origins) Inverse(src Pointer) (Pointer, bool) {
	if o == nil || o.identity {
		return src, true
	}
	var keys []Pointer
	for _, e := range o.small[:o.n] {
		if e.src == src {
			keys = append(keys, e.canon)
		}
	}
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

// All returns every registered origin, canonical pointer and input pointer,
// sorted by canonical pointer; nothing for the identity Origins.
func (o *Origins) All() iter.Seq2[Pointer, Pointer] {
	return func(yield func(Pointer, Pointer) bool) {
		if o == nil || o.identity {
			return
		}
		all := maps.Clone(o.m)
		if all == nil {
			all = make(map[Pointer]Pointer, o.n)
		}
		for _, e := range o.small[:o.n] {
			all[e.canon] = e.src
		}
		for _, canon := range slices.Sorted(maps.Keys(all)) {
			if !yield(canon, all[canon]) {
				return
			}
		}
	}
}
