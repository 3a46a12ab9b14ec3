package validate

import (
	"iter"
	"strconv"
	"strings"
)

// Pointer is an RFC 6901 JSON Pointer: "" is the whole document, "/a/b" the
// member b of the member a. The characters "~" and "/" in a token are written
// "~0" and "~1".
type Pointer string

var pointerEscaper = strings.NewReplacer("~", "~0", "/", "~1")
var pointerUnescaper = strings.NewReplacer("~1", "/", "~0", "~")

// AppendToken returns p extended by one reference token, escaped.
func (p Pointer) AppendToken(tok string) Pointer {
	if strings.ContainsAny(tok, "~/") {
		tok = pointerEscaper.Replace(tok)
	}
	return p + "/" + Pointer(tok)
}

// AppendIndex returns p extended by an array index.
func (p Pointer) AppendIndex(i int) Pointer {
	return p + "/" + Pointer(strconv.Itoa(i))
}

// Tokens yields the unescaped reference tokens of p.
func (p Pointer) Tokens() iter.Seq[string] {
	return func(yield func(string) bool) {
		if p == "" {
			return
		}
		for tok := range strings.SplitSeq(string(p[1:]), "/") {
			if strings.IndexByte(tok, '~') >= 0 {
				tok = pointerUnescaper.Replace(tok)
			}
			if !yield(tok) {
				return
			}
		}
	}
}

// Parent returns the pointer without its last token ("" for "" and for a
// pointer with one token).
func (p Pointer) Parent() Pointer {
	i := strings.LastIndexByte(string(p), '/')
	if i <= 0 {
		return ""
	}
	return p[:i]
}

// LastToken returns the unescaped last token of p, or "" for "".
func (p Pointer) LastToken() string {
	i := strings.LastIndexByte(string(p), '/')
	if i < 0 {
		return ""
	}
	return pointerUnescaper.Replace(string(p[i+1:]))
}

// HasPrefix reports whether p is q or lies inside it ("/a/b" has the
// prefixes "/a/b", "/a" and ""; "/ab" does not have the prefix "/a").
func (p Pointer) HasPrefix(q Pointer) bool {
	return p == q || q == "" || strings.HasPrefix(string(p), string(q)+"/")
}

// IsValid reports whether p is a syntactically valid JSON Pointer: empty, or
// starting with "/" with every "~" followed by "0" or "1".
func (p Pointer) IsValid() bool {
	if p == "" {
		return true
	}
	if p[0] != '/' {
		return false
	}
	for i := 0; i < len(p); i++ {
		if p[i] == '~' && (i+1 >= len(p) || (p[i+1] != '0' && p[i+1] != '1')) {
			return false
		}
	}
	return true
}

// ParsePointer returns p as a Pointer after checking [Pointer.IsValid].
func ParsePointer(s string) (Pointer, bool) {
	p := Pointer(s)
	return p, p.IsValid()
}
