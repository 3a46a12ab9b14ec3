package fieldmap

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/custnorm/custnorm/internal/jsontext"
)

// DecodeJSON decodes one JSON value, numbers as json.Number, and fails on
// trailing data.
//
// It gives what a json.Decoder with UseNumber gives, followed by a check
// that nothing but white space follows. Text its own strict decoder reads
// (all valid JSON within encoding/json's nesting limit) is decoded in one
// pass, without the Decoder's buffering, copying and reflection; anything
// else goes to encoding/json, for its error.
func DecodeJSON(data []byte) (any, error) {
	var st memberStack
	d := jsonDecoder{data: data}
	if v, ok := d.document(&st); ok {
		return v, nil
	}
	return decodeJSONStd(data)
}

// decodeJSONStd is DecodeJSON with encoding/json's Decoder.
func decodeJSONStd(data []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, errors.New("fieldmap: data after the JSON value")
	}
	return v, nil
}

// jsonMaxNesting is encoding/json's limit on nested objects and arrays.
const jsonMaxNesting = 10000

// jsonDecoder decodes JSON text (RFC 8259, strictly) into the values a
// json.Decoder with UseNumber gives for an any: objects map[string]any
// (the last of duplicate members winning), arrays []any (never nil),
// numbers json.Number, strings unquoted as encoding/json unquotes them. It
// reports false for anything that is not valid JSON. With ordered set,
// objects are Objects instead.
type jsonDecoder struct {
	data []byte
	// ordered makes objects Objects (members in document order) instead
	// of map[string]any.
	ordered bool
	// src is data as a string, made when the document is read: strings and
	// numbers without escapes are slices of it, one copy of the document
	// instead of an allocation for each key and value.
	src   string
	pos   int
	depth int
	// maxLevel is the most containers any value read lies in: what
	// depth(v, 0) returns for the document.
	maxLevel int
	// limit, when not 0, is the most containers a value may lie in: the
	// decoder stops with tooDeep before it reads a value deeper than that,
	// so it never recurses further than limit levels.
	limit   int
	tooDeep bool
	// suspect is set when a string holds invalid UTF-8 or a lone
	// surrogate escape (decoded, as encoding/json does, to U+FFFD) or a
	// number lies outside float64's range: text that reads as JSON but
	// whose values are not what it says. [badValues] finds where.
	suspect bool
}

// A memberStack holds the members of the objects being read, innermost
// last, until each object is made, so that an object is made once, at its
// size. An object with more members than the stack has room for left
// collects them in a slice of its own.
//
// The stack is passed to the decoder's methods rather than kept in the
// decoder: the decoder's content flows into the values it returns (the
// strings are slices of src), which would take a stack inside it to the
// heap; on its own it stays in its caller's frame.
type memberStack struct {
	buf [32]Member
	n   int
}

// document decodes the whole text: one value between white space.
func (d *jsonDecoder) document(st *memberStack) (any, bool) {
	d.src = string(d.data)
	d.skipSpace()
	v, ok := d.value(st)
	if !ok {
		return nil, false
	}
	d.skipSpace()
	return v, d.pos == len(d.data)
}

func (d *jsonDecoder) skipSpace() {
	for d.pos < len(d.data) {
		switch d.data[d.pos] {
		case ' ', '\t', '\n', '\r':
			d.pos++
		default:
			return
		}
	}
}

// next returns the next byte after white space, or 0 at the end.
func (d *jsonDecoder) next() byte {
	d.skipSpace()
	if d.pos == len(d.data) {
		return 0
	}
	return d.data[d.pos]
}

func (d *jsonDecoder) value(st *memberStack) (any, bool) {
	v, s, isText, ok := d.valueOrText(st)
	if isText {
		return s, ok
	}
	return v, ok
}

// valueOrText reads a value: a string as s (isText), any other as v. A
// member keeps its string unboxed (see Member).
func (d *jsonDecoder) valueOrText(st *memberStack) (v any, s string, isText, ok bool) {
	if d.pos == len(d.data) {
		return nil, "", false, false
	}
	if d.limit > 0 && d.depth > d.limit {
		d.tooDeep = true
		return nil, "", false, false
	}
	d.maxLevel = max(d.maxLevel, d.depth)
	switch c := d.data[d.pos]; {
	case c == '{':
		v, ok = d.object(st)
	case c == '[':
		v, ok = d.array(st)
	case c == '"':
		s, ok = d.string()
		isText = true
	case c == 't':
		v, ok = true, d.literal("true")
	case c == 'f':
		v, ok = false, d.literal("false")
	case c == 'n':
		ok = d.literal("null")
	case c == '-' || '0' <= c && c <= '9':
		v, ok = d.number()
	}
	return v, s, isText, ok
}

func (d *jsonDecoder) object(st *memberStack) (any, bool) {
	if d.depth++; d.depth > jsonMaxNesting {
		return nil, false
	}
	d.pos++ // '{'
	start := st.n
	var spill []Member // the members, once the stack is full
	if d.next() == '}' {
		d.pos++
		d.depth--
		return d.makeObject(st, start, nil), true
	}
	for {
		m, ok := d.member(st)
		if !ok {
			return nil, false
		}
		spill = st.push(m, start, spill)
		switch d.next() {
		case ',':
			d.pos++
		case '}':
			d.pos++
			d.depth--
			return d.makeObject(st, start, spill), true
		default:
			return nil, false
		}
	}
}

// member reads one member of an object, its key at the next quote. (The
// parts of object are functions of their own to keep it small: see
// "Tier-up" in package wasm's doc.)
func (d *jsonDecoder) member(st *memberStack) (Member, bool) {
	if d.next() != '"' {
		return Member{}, false
	}
	k, ok := d.string()
	if !ok || d.next() != ':' {
		return Member{}, false
	}
	d.pos++
	d.skipSpace()
	v, s, isText, ok := d.valueOrText(st)
	return Member{Key: k, val: v, text: s, isText: isText}, ok
}

// push adds m to the members of the object that starts at start on st,
// or to spill, the object's own slice once it has one, and returns spill.
func (st *memberStack) push(m Member, start int, spill []Member) []Member {
	if spill == nil && st.n < len(st.buf) {
		st.buf[st.n] = m
		st.n++
		return nil
	}
	return st.spill(m, start, spill)
}

// spill is push for an object whose members are off the stack, or are
// about to be: its members so far move to its own slice, and the stack is
// free for the objects inside.
func (st *memberStack) spill(m Member, start int, spill []Member) []Member {
	if spill != nil {
		return append(spill, m)
	}
	spill = make([]Member, 0, 2*(st.n-start)+1)
	spill = append(spill, st.buf[start:st.n]...)
	spill = append(spill, m)
	clear(st.buf[start:st.n])
	st.n = start
	return spill
}

// makeObject makes the object of the members on st from start, or of
// spill when it is not nil, and takes the members off the stack.
func (d *jsonDecoder) makeObject(st *memberStack, start int, spill []Member) any {
	ms := spill
	if ms == nil {
		ms = st.buf[start:st.n]
	}
	var v any
	if d.ordered {
		o := Object(spill) // a spilled object's slice is its own already
		if spill == nil {
			o = make(Object, len(ms))
			copy(o, ms)
		}
		v = uniqueKeys(o)
	} else {
		m := make(map[string]any, len(ms))
		for _, mb := range ms {
			m[mb.Key] = mb.Value()
		}
		v = m
	}
	clear(st.buf[start:st.n])
	st.n = start
	return v
}

func (d *jsonDecoder) array(st *memberStack) (any, bool) {
	if d.depth++; d.depth > jsonMaxNesting {
		return nil, false
	}
	d.pos++ // '['
	a := make([]any, 0)
	if d.next() == ']' {
		d.pos++
		d.depth--
		return a, true
	}
	for {
		d.skipSpace()
		v, ok := d.value(st)
		if !ok {
			return nil, false
		}
		a = append(a, v)
		switch d.next() {
		case ',':
			d.pos++
		case ']':
			d.pos++
			d.depth--
			return a, true
		default:
			return nil, false
		}
	}
}

func (d *jsonDecoder) literal(lit string) bool {
	if !bytes.HasPrefix(d.data[d.pos:], []byte(lit)) {
		return false
	}
	d.pos += len(lit)
	return true
}

// number reads -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?.
func (d *jsonDecoder) number() (any, bool) {
	start := d.pos
	digits := func() int {
		n := 0
		for d.pos < len(d.data) && '0' <= d.data[d.pos] && d.data[d.pos] <= '9' {
			d.pos++
			n++
		}
		return n
	}
	if d.data[d.pos] == '-' {
		d.pos++
	}
	switch {
	case d.pos < len(d.data) && d.data[d.pos] == '0':
		d.pos++
	case digits() == 0:
		return nil, false
	}
	if d.pos < len(d.data) && d.data[d.pos] == '.' {
		d.pos++
		if digits() == 0 {
			return nil, false
		}
	}
	if d.pos < len(d.data) && (d.data[d.pos] == 'e' || d.data[d.pos] == 'E') {
		d.pos++
		if d.pos < len(d.data) && (d.data[d.pos] == '+' || d.data[d.pos] == '-') {
			d.pos++
		}
		if digits() == 0 {
			return nil, false
		}
		if !finite(d.data[start:d.pos]) {
			d.suspect = true
		}
	} else if d.pos-start > maxExactDigits && !finite(d.data[start:d.pos]) {
		d.suspect = true
	}
	return json.Number(d.src[start:d.pos]), true
}

// maxExactDigits is how long a number without exponent may be before it
// could leave float64's range (about 1.8e308): 309 digits, a sign and a
// point.
const maxExactDigits = 310

// finite reports whether the JSON number text is within float64's range.
// A number that underflows to zero is finite.
func finite(text []byte) bool {
	f, err := strconv.ParseFloat(string(text), 64)
	return err == nil || !math.IsInf(f, 0)
}

// string reads the string at the current quote.
func (d *jsonDecoder) string() (string, bool) {
	start := d.pos
	d.pos++
	plain, ascii, surrogate := true, true, false
	for {
		d.pos += jsontext.Plain(d.src[d.pos:], false)
		if d.pos == len(d.data) {
			return "", false
		}
		c := d.data[d.pos]
		switch {
		case c == '"':
			d.pos++
			raw := d.data[start:d.pos]
			valid := ascii || utf8.Valid(raw)
			if plain && valid {
				return d.src[start+1 : d.pos-1], true
			}
			if !valid || surrogate && loneSurrogate(raw) {
				d.suspect = true
			}
			// Escapes or invalid UTF-8: encoding/json's unquoting.
			var s string
			if err := json.Unmarshal(raw, &s); err != nil {
				return "", false
			}
			return s, true
		case c < 0x20:
			return "", false
		case c == '\\':
			plain = false
			d.pos++
			if d.pos == len(d.data) {
				return "", false
			}
			switch d.data[d.pos] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			case 'u':
				if d.pos+4 >= len(d.data) {
					return "", false
				}
				for _, h := range d.data[d.pos+1 : d.pos+5] {
					if !('0' <= h && h <= '9' || 'a' <= h && h <= 'f' || 'A' <= h && h <= 'F') {
						return "", false
					}
				}
				if h := d.data[d.pos+1] | 0x20; h == 'd' {
					surrogate = true // \uD…: maybe a surrogate
				}
				d.pos += 4
			default:
				return "", false
			}
		case c >= utf8.RuneSelf:
			ascii = false
		}
		d.pos++
	}
}

// loneSurrogate reports whether the quoted JSON string raw (valid JSON
// syntax) holds a \u escape of a UTF-16 surrogate that is not one half of
// a pair: a high surrogate (D800–DBFF) directly followed by an escaped low
// one (DC00–DFFF). encoding/json decodes a lone one to U+FFFD.
func loneSurrogate(raw []byte) bool {
	for i := 1; i < len(raw)-1; i++ {
		if raw[i] != '\\' {
			continue
		}
		i++
		if raw[i] != 'u' {
			continue
		}
		r := hex4(raw[i+1 : i+5])
		i += 4
		switch {
		case 0xDC00 <= r && r <= 0xDFFF:
			return true
		case 0xD800 <= r && r <= 0xDBFF:
			if i+6 >= len(raw) || raw[i+1] != '\\' || raw[i+2] != 'u' {
				return true
			}
			if lo := hex4(raw[i+3 : i+7]); lo < 0xDC00 || lo > 0xDFFF {
				return true
			}
			i += 6
		}
	}
	return false
}

// hex4 is the value of four hex digits.
func hex4(h []byte) rune {
	var r rune
	for _, c := range h {
		r <<= 4
		switch {
		case '0' <= c && c <= '9':
			r |= rune(c - '0')
		case 'a' <= c && c <= 'f':
			r |= rune(c - 'a' + 10)
		case 'A' <= c && c <= 'F':
			r |= rune(c - 'A' + 10)
		}
	}
	return r
}
