// Package fieldmap is the machinery the provider packages share to read a
// provider's JSON document into the canonical record and write it back:
// typed member access that reports wrong types, provenance of every value
// (canonical pointer → input pointer), the residue of members the canonical
// model has no field for, and length limits checked on what is written.
//
// What every provider package does alike lives here, so that a provider
// package holds only its mapping, its limits with their sources, and its
// divergences:
//
//   - [Field] names each value of model.Customer, tied to the model by a
//     test, and gives its canonical pointer and its Go field;
//   - a [Mapping] ties a provider member to a Field with a [Limit], whose
//     severity (error, or warning for a limit documented only for a sibling
//     API) and source travel with it;
//   - [Reader.Text] and [Reader.ReadText] apply the rule that an empty
//     string is absent and stays in the provider section; [Reader.BirthDate]
//     reads a civil date; [Reader.KeepResidue] keeps what no field holds;
//   - [Writer.WriteText] writes a mapped value and checks its limit;
//     [Writer.ResidueWithout] writes the provider section back without the
//     response-only members; [Writer.Dropped] lists what the target cannot
//     hold; the rule names of those changes are constants here.
//
// It holds no provider knowledge; each provider package says which member
// maps to which canonical field.
package fieldmap

import (
	"encoding/json"
	"strings"

	"github.com/custnorm/custnorm/validate"
)

// Limits of what a Reader accepts, documented in package convert.
const (
	// MaxDocumentBytes is the largest document one record may be.
	MaxDocumentBytes = 1 << 20
	// MaxDepth is the deepest nesting of objects and arrays accepted.
	MaxDepth = 32
)

// Reader reads one provider document. Every member read is consumed; what is
// left is the residue, kept in the canonical record's provider section.
type Reader struct {
	root Object
	// lastPath is the pointer of the object lastObj, the parent of the
	// member Get looked up last (when it is not the root and haveLast).
	lastPath string
	lastObj  Object
	haveLast bool
	// lastKeys are lastObj's keys: most mapped members are absent, and
	// their look-up ends here.
	lastKeys keySet
	// lastGet is the pointer Get looked up last, with its member (nil
	// when absent): providers often look a member up twice in a row.
	lastGet    validate.Pointer
	lastMember *Member
	// badType holds the members of a wrong type; it is rare, so a map made
	// on the first one (a pointerSet would add its size to every Reader).
	badType map[validate.Pointer]bool
	// unknownReported and unknownOmitted count the unknown members
	// reported and those past the cap (see unknownField).
	unknownReported, unknownOmitted int
	// Known lists the documented members of the provider's document. A
	// member marked true is an opaque subtree: everything below it is known.
	// Members of the residue that are not known are reported as
	// unknown_field warnings (and kept).
	Known map[validate.Pointer]bool
	// Report collects the issues of the input (paths into the input).
	Report validate.Report
	// Origins records where each canonical value came from.
	Origins validate.Origins
}

// Parse decodes data as one JSON object into r, a zero Reader. It returns
// false, with the reason in the Reader's report (too_large, invalid_json,
// too_deep, wrong_type at ""), when data cannot be read as an object.
//
// A document that is JSON but whose strings are not all valid text (invalid
// UTF-8, or a \ud800-style escape of a lone UTF-16 surrogate) or whose
// numbers are not all within float64's range (1e999) is refused too: an
// invalid_encoding (invalid_format, format "finite number") error at the
// pointer of each such string or number, at most 100. encoding/json would
// replace the bad text with U+FFFD silently (and keep 1e999 verbatim), so
// that a record would validate with other data than it holds.
//
// Nesting is checked while decoding: a document nested deeper than
// MaxDepth is too_deep as soon as the decoder reaches that level, however
// deep it goes on.
//
// (A method rather than a constructor, so that a Reader that does not
// outlive its caller stays on the caller's stack: it is over a kilobyte,
// and one per record.)
func (r *Reader) Parse(data []byte) bool {
	if len(data) > MaxDocumentBytes {
		r.Report.Issue("", validate.CodeTooLarge, validate.Params{"max": MaxDocumentBytes})
		return false
	}
	var st memberStack
	d := jsonDecoder{data: data, ordered: true, limit: MaxDepth}
	v, ok := d.document(&st)
	switch {
	case d.tooDeep:
		// Found before reading deeper than MaxDepth: the decoder never
		// recurses further, whatever the input.
		r.Report.Issue("", validate.CodeTooDeep, validate.Params{"max": MaxDepth})
		return false
	case !ok:
		r.Report.Issue("", validate.CodeInvalidJSON, nil)
		return false
	case d.suspect:
		// Valid JSON, but a string is not valid text or a number not a
		// number custnorm can hold: each is an error at its pointer,
		// never replaced silently.
		r.Report.Issues = append(r.Report.Issues, badValues(data, maxBadValues)...)
		return false
	}
	obj, ok := v.(Object)
	if !ok {
		r.Report.Issue("", validate.CodeWrongType, validate.Params{"expected": "object"})
		return false
	}
	r.root = obj
	return true
}

// maxBadValues caps the invalid_encoding and invalid_format issues Parse
// lists for one document.
const maxBadValues = 100

// Root returns the decoded document.
func (r *Reader) Root() Object { return r.root }

// Get returns the value at p without consuming it.
func (r *Reader) Get(p validate.Pointer) (any, bool) {
	if p == "" {
		return r.root, true
	}
	if m := r.member(p); m != nil {
		return m.Value(), true
	}
	return nil, false
}

// member returns the member at p (not ""), nil when there is none. A
// member is where its value is held and marked consumed.
func (r *Reader) member(p validate.Pointer) *Member {
	if p == r.lastGet && r.lastGet != "" {
		return r.lastMember
	}
	m := r.lookup(p)
	r.lastGet, r.lastMember = p, m
	return m
}

func (r *Reader) lookup(p validate.Pointer) *Member {
	i := strings.LastIndexByte(string(p), '/')
	if i < 0 {
		return nil // not a pointer
	}
	parent := r.root
	if i > 0 {
		// Members are mostly read object by object ("/contact/forename",
		// "/contact/surname" …): the object of the last look-up is kept,
		// and a member of it costs one search of that object.
		if r.haveLast && string(p[:i]) == r.lastPath {
			parent = r.lastObj
		} else {
			v, ok := r.walk(p[:i])
			if !ok {
				return nil
			}
			obj, ok := v.(Object)
			if !ok {
				return nil
			}
			parent, r.lastPath, r.lastObj, r.haveLast = obj, string(p[:i]), obj, true
			r.lastKeys = keysOf(obj)
		}
	}
	tok := string(p[i+1:]) // the last token: no "/" after i
	if strings.IndexByte(tok, '~') >= 0 {
		tok = p.LastToken()
	}
	if w, b := keyBit(tok); i > 0 && r.lastKeys[w]&b == 0 {
		return nil
	}
	if k := parent.find(tok); k >= 0 {
		return &parent[k]
	}
	return nil
}

// walk returns the value at p, token by token.
func (r *Reader) walk(p validate.Pointer) (any, bool) {
	if p == "" {
		return r.root, true
	}
	// obj is an Object, not an any: the root in an interface would be a
	// copy of its slice header on the heap at each call.
	obj := r.root
	for rest := string(p); ; {
		var tok string
		tok, rest = nextToken(rest)
		v, ok := obj.Get(tok)
		if !ok {
			return nil, false
		}
		if rest == "" {
			return v, true
		}
		if obj, ok = v.(Object); !ok {
			return nil, false
		}
	}
}

// nextToken splits the first reference token off the non-empty pointer text
// p and returns it unescaped, with the rest of the pointer: the tokens of
// [validate.Pointer.Tokens], without the iterator's allocations.
func nextToken(p string) (tok, rest string) {
	p = p[1:]
	tok = p
	if i := strings.IndexByte(p, '/'); i >= 0 {
		tok, rest = p[:i], p[i:]
	}
	if strings.IndexByte(tok, '~') >= 0 {
		tok = validate.Pointer("/" + tok).LastToken()
	}
	return tok, rest
}

// Has reports whether p exists and is not null.
func (r *Reader) Has(p validate.Pointer) bool {
	v, ok := r.Get(p)
	return ok && v != nil
}

// Consume marks p as read: it will not be part of the residue.
func (r *Reader) Consume(p validate.Pointer) {
	if m := r.member(p); m != nil {
		m.consumed = true
	}
}

// typed returns the value at p when it is present and not null. A value of
// another JSON type than want is reported as wrong_type (and left in the
// residue, so nothing is lost).
func (r *Reader) typed(p validate.Pointer, want string) (any, bool) {
	m := r.typedMember(p, want)
	if m == nil {
		return nil, false
	}
	return m.Value(), true
}

// typedMember is typed's member, consumed; nil when typed gives false.
func (r *Reader) typedMember(p validate.Pointer, want string) *Member {
	if p == "" {
		return nil // the document itself is not a member to read
	}
	m := r.member(p)
	if m == nil || m.null() {
		return nil
	}
	if m.jsonType() != want {
		r.wrongType(p, want)
		return nil
	}
	m.consumed = true
	return m
}

func jsonType(v any) string {
	switch v.(type) {
	case string:
		return "string"
	case json.Number, float64:
		return "number"
	case bool:
		return "boolean"
	case Object:
		return "object"
	case []any:
		return "array"
	case nil:
		return "null"
	}
	return "unknown"
}

// String returns the string at p.
func (r *Reader) String(p validate.Pointer) (string, bool) {
	if m := r.typedMember(p, "string"); m != nil {
		return m.text, true
	}
	return "", false
}

// Number returns the number at p.
func (r *Reader) Number(p validate.Pointer) (json.Number, bool) {
	v, ok := r.typed(p, "number")
	if !ok {
		return "", false
	}
	if f, isFloat := v.(float64); isFloat {
		b, _ := json.Marshal(f)
		return json.Number(b), true
	}
	return v.(json.Number), true
}

// Bool returns the boolean at p.
func (r *Reader) Bool(p validate.Pointer) (bool, bool) {
	v, ok := r.typed(p, "boolean")
	if !ok {
		return false, false
	}
	return v.(bool), true
}

// Object checks that p, when present, is an object (reporting wrong_type
// otherwise) and returns it. It does not consume it.
func (r *Reader) Object(p validate.Pointer) (Object, bool) {
	v, ok := r.Get(p)
	if !ok || v == nil {
		return nil, false
	}
	obj, isObj := v.(Object)
	if !isObj {
		r.wrongType(p, "object")
		return nil, false
	}
	return obj, true
}

// wrongType reports a member of the wrong JSON type. The member stays in the
// residue as it is, and what lies inside it is not reported again as
// unknown.
func (r *Reader) wrongType(p validate.Pointer, want string) {
	r.Report.Issue(p, validate.CodeWrongType, validate.Params{"expected": want})
	if r.badType == nil {
		r.badType = make(map[validate.Pointer]bool)
	}
	r.badType[p] = true
}

// Text reads the string at p into *dst and records that canon comes from p.
// It reports whether it set *dst. The origin is recorded even when p is
// absent, so that an issue about the missing or defaulted value points where
// the value belongs in the input.
//
// An empty string is not read: "" means absent in the canonical record, so
// the member is left unconsumed, stays in the residue (the record's
// provider section) and is written back as it was. Null is left the same
// way; another JSON type is a wrong_type issue and stays too.
func (r *Reader) Text(p, canon validate.Pointer, dst *string) bool {
	r.Origins.Set(canon, p)
	if m := r.member(p); m != nil && m.isText && m.text == "" {
		return false
	}
	s, ok := r.String(p)
	if !ok {
		return false
	}
	*dst = s
	return true
}

// PeekString returns the string at p without consuming it. Another JSON
// type is reported as wrong_type (and left in the residue); absent and null
// give false.
func (r *Reader) PeekString(p validate.Pointer) (string, bool) {
	if p == "" {
		r.wrongType(p, "string") // the document is an object
		return "", false
	}
	m := r.member(p)
	if m == nil || m.null() {
		return "", false
	}
	if !m.isText {
		r.wrongType(p, "string")
		return "", false
	}
	return m.text, true
}

// Present reports whether p holds a value: not absent, null or "".
func (r *Reader) Present(p validate.Pointer) bool {
	if p == "" {
		return true
	}
	m := r.member(p)
	return m != nil && !m.null() && !(m.isText && m.text == "")
}

// Residue returns the members not consumed, as a sparse JSON object (nil
// when there are none), and reports each unknown one as an unknown_field
// warning.
func (r *Reader) Residue() json.RawMessage {
	var path [128]byte
	res, _ := r.residue(r.root, path[:0])
	if r.unknownOmitted > 0 {
		r.Report.Issue("", validate.CodeTooManyIssues, validate.Params{"omitted": r.unknownOmitted})
		r.unknownOmitted = 0
	}
	if len(res) == 0 {
		return nil
	}
	b, err := json.Marshal(res)
	if err != nil {
		return nil
	}
	return b
}

// residue returns what is left of obj, the object at the pointer at. The
// pointer of each member is built in at's spare capacity, and made a string
// only when it is kept (most members are consumed). The unknown_field
// warnings come in document order; the caller's Report.Normalize sorts
// them.
func (r *Reader) residue(obj Object, at []byte) (map[string]any, bool) {
	var out map[string]any
	keep := func(k string, v any) {
		if out == nil {
			out = make(map[string]any)
		}
		out[k] = v
	}
	for _, m := range obj {
		if m.consumed {
			continue
		}
		k, v := m.Key, m.Value()
		pb := appendToken(at, k)
		opaque, known := r.Known[validate.Pointer(pb)]
		if r.badType[validate.Pointer(pb)] {
			keep(k, v)
			continue
		}
		if sub, isObj := v.(Object); isObj && !opaque {
			if !known && r.Known != nil && !r.underOpaque(validate.Pointer(pb)) {
				r.unknownField(pb)
				keep(k, v)
				continue
			}
			if rest, ok := r.residue(sub, pb); ok {
				keep(k, rest)
			} else if len(sub) == 0 {
				keep(k, sub)
			}
			continue
		}
		if !known && r.Known != nil && !r.underOpaque(validate.Pointer(pb)) {
			r.unknownField(pb)
		}
		keep(k, v)
	}
	return out, len(out) > 0
}

// unknownField reports the member at the pointer text pb as an unknown
// field; past validate.MaxIssues of them it only counts it, for one
// too_many_issues issue that Residue adds (a document of 75,000 unknown
// members would otherwise take 75,000 issues).
func (r *Reader) unknownField(pb []byte) {
	if r.unknownReported >= validate.MaxIssues {
		r.unknownOmitted++
		return
	}
	r.unknownReported++
	r.Report.Issue(validate.Pointer(pb), validate.CodeUnknownField, nil)
}

// appendToken appends "/" and the escaped token k to the pointer text at
// (as [validate.Pointer.AppendToken]).
func appendToken(at []byte, k string) []byte {
	at = append(at, '/')
	if strings.IndexByte(k, '~') < 0 && strings.IndexByte(k, '/') < 0 {
		return append(at, k...)
	}
	for i := 0; i < len(k); i++ {
		switch k[i] {
		case '~':
			at = append(at, '~', '0')
		case '/':
			at = append(at, '~', '1')
		default:
			at = append(at, k[i])
		}
	}
	return at
}

func (r *Reader) underOpaque(p validate.Pointer) bool {
	for q := p.Parent(); q != ""; q = q.Parent() {
		if r.Known[q] {
			return true
		}
	}
	return false
}
