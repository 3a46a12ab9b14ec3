package fieldmap

import (
	"bytes"
	"encoding/json"
	"slices"

	"github.com/custnorm/custnorm/internal/jsontext"
	"github.com/custnorm/custnorm/model"
	"github.com/custnorm/custnorm/validate"
)

// Writer builds one provider document. Members come out in the order they
// were first set. Its report holds issues and changes whose Path is a
// canonical pointer and whose Target is the pointer in the output.
//
// Encoders record changes with Change, ChangeTo and Dropped, never on the
// report directly, so that a writer that omits changes lists none.
type Writer struct {
	root    *node
	written pointerSet
	Report  validate.Report
	// OmitChanges makes Change, ChangeTo and Dropped do nothing: the
	// document and the issues are the same, the report lists no changes.
	OmitChanges bool
	// noOutput makes Bytes return nil (mode IssuesOnly).
	noOutput bool
	// present lists, in mode IssuesOnly, the pointers Set gave a value that
	// is not an object: such a writer keeps no tree of them (only has reads
	// them), which spares walking the tree at each member. Objects, and
	// what Residue merges, are in the tree as in the other modes.
	present []validate.Pointer
}

// A Mode says what an encoder's Writer gives: the document and the whole
// report, the document and the issues, or the issues alone.
type Mode uint8

const (
	// Full gives the document and the report with its changes (Encode).
	Full Mode = iota
	// OmitChanges gives the document and the issues (EncodeOmitChanges).
	OmitChanges
	// IssuesOnly gives the issues alone (EncodeIssues): the document is
	// built as in the other modes, since which members it holds decides
	// issues (a required member), but not written out as JSON, and no
	// change is listed.
	IssuesOnly
)

// A node is one object of the output: its members in the order they were
// first set. Values are *node or a JSON-marshalable value.
type node struct {
	keys []string
	vals []any
	// index maps keys to their position once the object has many members
	// (a large residue); small objects are searched in order.
	index map[string]int
	// The first members live in the node itself.
	keyBuf [4]string
	valBuf [4]any
}

// nodeIndexAt is the member count from which a node keeps an index.
const nodeIndexAt = 16

func newNode() *node {
	n := &node{}
	n.keys, n.vals = n.keyBuf[:0], n.valBuf[:0]
	return n
}

// find returns the position of key k, or -1.
func (n *node) find(k string) int {
	if n.index != nil {
		if i, ok := n.index[k]; ok {
			return i
		}
		return -1
	}
	for i, key := range n.keys {
		if key == k {
			return i
		}
	}
	return -1
}

// get returns the value of k.
func (n *node) get(k string) (any, bool) {
	if i := n.find(k); i >= 0 {
		return n.vals[i], true
	}
	return nil, false
}

// put sets k to v, appending k when it is new.
func (n *node) put(k string, v any) {
	if i := n.find(k); i >= 0 {
		n.vals[i] = v
		return
	}
	n.keys = append(n.keys, k)
	n.vals = append(n.vals, v)
	switch {
	case n.index != nil:
		n.index[k] = len(n.keys) - 1
	case len(n.keys) >= nodeIndexAt:
		n.index = make(map[string]int, 2*len(n.keys))
		for i, key := range n.keys {
			n.index[key] = i
		}
	}
}

// NewWriter returns an empty writer for mode: with OmitChanges it lists no
// changes (see Writer.OmitChanges), with IssuesOnly it lists no changes
// and its Bytes are nil.
func NewWriter(mode Mode) *Writer {
	w := &Writer{root: newNode(), OmitChanges: mode != Full, noOutput: mode == IssuesOnly}
	if w.noOutput {
		w.present = make([]validate.Pointer, 0, 24) // a document's members, mostly
	}
	return w
}

// Set writes v at p, creating the objects on the way. A writer of mode
// IssuesOnly keeps only that p holds a value (what Require asks), not the
// value: its document is never written out (see Writer.present).
func (w *Writer) Set(p validate.Pointer, v any) {
	if w.noOutput && v != nil {
		if _, isNode := v.(*node); !isNode {
			w.present = append(w.present, p)
			return
		}
	}
	n := w.root
	for rest := string(p); rest != ""; {
		var tok string
		tok, rest = nextToken(rest)
		if rest == "" {
			n.put(tok, v)
			return
		}
		next, ok := n.vals0(tok).(*node)
		if !ok {
			next = newNode()
			n.put(tok, next)
		}
		n = next
	}
}

// vals0 returns the value of k, nil when absent.
func (n *node) vals0(k string) any {
	v, _ := n.get(k)
	return v
}

// SetDate writes the date d at p as YYYY-MM-DD. A writer of mode
// IssuesOnly records only that p holds a value, without formatting it.
func (w *Writer) SetDate(p validate.Pointer, d model.Date) {
	if w.noOutput {
		w.present = append(w.present, p)
		return
	}
	w.Set(p, d.String())
}

// Wrote marks the canonical pointer canon as written to the output (so it is
// not reported as dropped).
func (w *Writer) Wrote(canon validate.Pointer) { w.written.add(canon) }

// Text writes a non-empty string v at p, marks canon written, and checks
// lim: a value outside it is a too_long / too_short error with Path canon
// and Target p. Empty values are not written.
func (w *Writer) Text(p validate.Pointer, v string, canon validate.Pointer, lim Limit) {
	if v == "" {
		return
	}
	if w.noOutput {
		w.present = append(w.present, p) // v not boxed (see Set)
	} else {
		w.Set(p, v)
	}
	w.Wrote(canon)
	w.Check(p, v, canon, lim)
}

// Check checks v against lim, reporting at canon with target p, with
// lim's severity.
func (w *Writer) Check(p validate.Pointer, v string, canon validate.Pointer, lim Limit) {
	if iss, over := lim.Check(canon, v); over {
		w.Report.Issues = append(w.Report.Issues, iss.WithTarget(p))
	}
}

// Require reports a required issue (with the given severity) at canon,
// target p, when the output has no value at p.
func (w *Writer) Require(p, canon validate.Pointer, sev validate.Severity) {
	if w.has(p) {
		return
	}
	target := p // a copy, so that p does not escape on the common path
	iss := validate.NewIssue(canon, validate.CodeRequired, nil)
	iss.Target, iss.Severity = &target, sev
	w.Report.Issues = append(w.Report.Issues, iss)
}

// has reports whether the output holds a value other than null at p: set
// there or below it (a member of an object at p).
func (w *Writer) has(p validate.Pointer) bool {
	for _, q := range w.present {
		if q == p || (len(q) > len(p) && q[len(p)] == '/' && q[:len(p)] == p) {
			return true
		}
	}
	var cur any = w.root
	for rest := string(p); rest != ""; {
		var tok string
		tok, rest = nextToken(rest)
		n, ok := cur.(*node)
		if !ok {
			return false
		}
		cur, ok = n.get(tok)
		if !ok {
			return false
		}
	}
	return cur != nil
}

// Residue merges the provider-specific section raw (a JSON object in the
// provider's shape) into the output: members already written are left as
// they are. It marks canon (the section's canonical pointer) written.
func (w *Writer) Residue(raw json.RawMessage, canon validate.Pointer) {
	if len(raw) == 0 {
		return
	}
	v, err := DecodeJSON(raw)
	if err != nil {
		w.Report.Issue(canon, validate.CodeInvalidJSON, nil)
		return
	}
	obj, ok := v.(map[string]any)
	if !ok {
		w.Report.Issue(canon, validate.CodeWrongType, validate.Params{"expected": "object"})
		return
	}
	merge(w.root, obj)
	w.Wrote(canon)
}

// ResidueWithout merges the provider section raw like [Writer.Residue],
// without its top-level members named in readOnly: members of the
// provider's response that its request does not take. Each value they hold
// is reported as a dropped change with rule read_only, member by member in
// the order of readOnly, and counts as accounted for (Dropped does not list
// it again).
func (w *Writer) ResidueWithout(raw json.RawMessage, canon validate.Pointer, readOnly []string) {
	if len(raw) == 0 {
		return
	}
	v, err := DecodeJSON(raw)
	obj, isObj := v.(map[string]any)
	if err != nil || !isObj {
		w.Residue(raw, canon) // reports invalid_json or wrong_type
		return
	}
	for _, k := range readOnly {
		sub, has := obj[k]
		if !has {
			continue
		}
		p := canon.AppendToken(k)
		w.Wrote(p)
		delete(obj, k)
		if w.OmitChanges {
			continue
		}
		for _, leaf := range appendLeaves(nil, p, sub) {
			w.Report.Change(validate.ChangeDropped, leaf, RuleReadOnly)
		}
	}
	if len(obj) == 0 {
		return
	}
	b, err := json.Marshal(obj)
	if err != nil {
		return // cannot happen: obj was decoded from JSON
	}
	w.Residue(b, canon)
}

func merge(n *node, obj map[string]any) {
	keys := make([]string, 0, len(obj))
	for k := range obj {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		v := obj[k]
		existing, exists := n.get(k)
		sub, isObj := v.(map[string]any)
		switch {
		case !exists:
			if isObj {
				child := newNode()
				merge(child, sub)
				v = child
			}
			n.put(k, v)
		case isObj:
			if child, ok := existing.(*node); ok {
				merge(child, sub)
			}
		}
	}
}

// Bytes returns the document as compact JSON; nil for a writer of mode
// IssuesOnly.
func (w *Writer) Bytes() []byte {
	if w.noOutput {
		return nil
	}
	// Written on the stack and copied out at its size: a typical document
	// is under 200 bytes, and one allocation of that size is less work for
	// the collector than a buffer grown for the largest.
	var scratch [1 << 10]byte
	return bytes.Clone(appendNode(scratch[:0], w.root))
}

// appendNode appends n as JSON. Keys are escaped as json.Marshal escapes
// them (HTML characters included), string values as an encoder with
// SetEscapeHTML(false) does; other values go through such an encoder.
func appendNode(buf []byte, n *node) []byte {
	buf = append(buf, '{')
	for i, k := range n.keys {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = jsontext.AppendString(buf, k, true)
		buf = append(buf, ':')
		switch v := n.vals[i].(type) {
		case *node:
			buf = appendNode(buf, v)
		case string:
			buf = jsontext.AppendString(buf, v, false)
		default:
			vb, err := marshalNoEscape(v)
			if err != nil {
				vb = []byte("null")
			}
			buf = append(buf, vb...)
		}
	}
	return append(buf, '}')
}

func marshalNoEscape(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}

// Change records a change of the canonical value at canon.
func (w *Writer) Change(kind validate.ChangeKind, canon validate.Pointer, rule string) {
	if !w.OmitChanges {
		w.Report.Change(kind, canon, rule)
	}
}

// ChangeTo records a change of the canonical value at canon that shows in
// the output at target.
func (w *Writer) ChangeTo(kind validate.ChangeKind, canon, target validate.Pointer, rule string) {
	if !w.OmitChanges {
		w.Report.Changes = append(w.Report.Changes,
			validate.Change{Kind: kind, Path: canon, Rule: rule}.WithTarget(target))
	}
}

// Dropped reports, as dropped changes, every canonical value of c that the
// output does not hold: each leaf pointer of c not marked written (nor lying
// under a written pointer).
func (w *Writer) Dropped(c model.Customer, rule string) {
	if w.OmitChanges {
		return
	}
	var leafBuf, dropBuf [48]validate.Pointer
	dropped := dropBuf[:0]
	for _, p := range appendLeavesOf(leafBuf[:0], &c) {
		if !w.isWritten(p) {
			dropped = append(dropped, p)
		}
	}
	w.Report.Changes = slices.Grow(w.Report.Changes, len(dropped))
	for _, p := range dropped {
		w.Report.Change(validate.ChangeDropped, p, rule)
	}
}

func (w *Writer) isWritten(p validate.Pointer) bool {
	for q := p; ; q = q.Parent() {
		if w.written.has(q) {
			return true
		}
		if q == "" {
			return false
		}
	}
}

// Leaves returns the pointer of every value present in c, in the JSON form
// of the canonical format, provider sections down to their leaves.
func Leaves(c model.Customer) []validate.Pointer {
	return appendLeavesOf(nil, &c)
}

// appendLeavesOf appends the pointers of Leaves(*c) to out.
func appendLeavesOf(out []validate.Pointer, c *model.Customer) []validate.Pointer {
	for f := Kind; f < numFields; f++ {
		if f.IsSet(c) {
			out = append(out, f.Pointer())
		}
	}
	names := make([]string, 0, len(c.Provider))
	for name := range c.Provider {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		base := validate.Pointer("/provider").AppendToken(name)
		v, err := DecodeJSON(c.Provider[name])
		if err != nil {
			out = append(out, base)
			continue
		}
		out = appendLeaves(out, base, v)
	}
	return out
}

func appendLeaves(out []validate.Pointer, at validate.Pointer, v any) []validate.Pointer {
	switch t := v.(type) {
	case map[string]any:
		if len(t) == 0 {
			return append(out, at)
		}
		keys := make([]string, 0, len(t))
		for k := range t {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			out = appendLeaves(out, at.AppendToken(k), t[k])
		}
		return out
	case []any:
		if len(t) == 0 {
			return append(out, at)
		}
		for i, e := range t {
			out = appendLeaves(out, at.AppendIndex(i), e)
		}
		return out
	}
	return append(out, at)
}
