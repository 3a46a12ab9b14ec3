package fieldmap

import (
	"encoding/json"
	"strconv"
	"unicode/utf8"

	"github.com/custnorm/custnorm/validate"
)

// badValues returns an issue for each string (member name or value) of the
// JSON text data that holds invalid UTF-8 or a lone surrogate escape
// (invalid_encoding), and for each number outside float64's range
// (invalid_format, format "finite number"), at its pointer, in document
// order, at most max of them. data must be valid JSON nested at most
// MaxDepth levels (the decoder has read it): this is the slow path, taken
// only when the decoder found something suspect.
//
// A member name that is itself badly encoded is reported at the member's
// pointer, with the bad bytes replaced by U+FFFD.
func badValues(data []byte, max int) validate.Issues {
	w := badWalker{data: data, max: max}
	w.skipSpace()
	w.value("")
	return w.found
}

type badWalker struct {
	data  []byte
	pos   int
	max   int
	found validate.Issues
}

func (w *badWalker) skipSpace() {
	for w.pos < len(w.data) && isJSONSpace(w.data[w.pos]) {
		w.pos++
	}
}

func isJSONSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func (w *badWalker) report(at validate.Pointer, code validate.Code, params validate.Params) {
	if len(w.found) < w.max {
		w.found = append(w.found, validate.NewIssue(at, code, params))
	}
}

func (w *badWalker) value(at validate.Pointer) {
	if w.pos >= len(w.data) || len(w.found) >= w.max {
		return
	}
	switch c := w.data[w.pos]; {
	case c == '{':
		w.pos++
		w.skipSpace()
		if w.data[w.pos] == '}' {
			w.pos++
			return
		}
		for w.pos < len(w.data) {
			w.skipSpace()
			key, bad := w.string()
			member := at.AppendToken(key)
			if bad {
				w.report(member, validate.CodeInvalidEncoding, nil)
			}
			w.skipSpace()
			w.pos++ // ':'
			w.skipSpace()
			w.value(member)
			w.skipSpace()
			if w.pos >= len(w.data) || w.data[w.pos] == '}' {
				w.pos++
				return
			}
			w.pos++ // ','
		}
	case c == '[':
		w.pos++
		w.skipSpace()
		if w.data[w.pos] == ']' {
			w.pos++
			return
		}
		for i := 0; w.pos < len(w.data); i++ {
			w.skipSpace()
			w.value(at.AppendIndex(i))
			w.skipSpace()
			if w.pos >= len(w.data) || w.data[w.pos] == ']' {
				w.pos++
				return
			}
			w.pos++ // ','
		}
	case c == '"':
		if _, bad := w.string(); bad {
			w.report(at, validate.CodeInvalidEncoding, nil)
		}
	case c == '-' || '0' <= c && c <= '9':
		start := w.pos
		for w.pos < len(w.data) && isNumberByte(w.data[w.pos]) {
			w.pos++
		}
		if !finite(w.data[start:w.pos]) {
			w.report(at, validate.CodeInvalidFormat, validate.Params{"format": "finite number"})
		}
	default: // true, false, null
		for w.pos < len(w.data) && 'a' <= w.data[w.pos] && w.data[w.pos] <= 'z' {
			w.pos++
		}
	}
}

func isNumberByte(c byte) bool {
	return '0' <= c && c <= '9' || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E'
}

// string reads the string at the current quote: its value as
// encoding/json decodes it, and whether it is badly encoded.
func (w *badWalker) string() (s string, bad bool) {
	start := w.pos
	w.pos++
	escaped := false
	for w.pos < len(w.data) {
		switch w.data[w.pos] {
		case '\\':
			escaped = true
			w.pos += 2
			continue
		case '"':
			w.pos++
			raw := w.data[start:w.pos]
			bad = !utf8.Valid(raw) || escaped && loneSurrogate(raw)
			if !escaped && !bad {
				return string(raw[1 : len(raw)-1]), false
			}
			if err := json.Unmarshal(raw, &s); err != nil {
				s = strconv.Quote(string(raw)) // not reached for valid JSON
			}
			return s, bad
		}
		w.pos++
	}
	return "", false
}
