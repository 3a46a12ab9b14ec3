// Package jsontext writes JSON strings byte for byte as encoding/json does,
// without reflection: for the writers that build JSON by hand (the provider
// documents of package convert, the browser build's results).
package jsontext

import "unicode/utf8"

// AppendString appends s as a JSON string, byte for byte as
// encoding/json writes it: json.Marshal (escapeHTML true) escapes <, > and &
// as well, an Encoder with SetEscapeHTML(false) does not. Invalid UTF-8
// becomes \ufffd; U+2028 and U+2029 are escaped; control characters are
// \b, \f, \n, \r, \t or \u00XX.
func AppendString(dst []byte, s string, escapeHTML bool) []byte {
	n := Plain(s, escapeHTML)
	if n == len(s) {
		// Nothing to escape, as with most strings: a small function.
		dst = append(dst, '"')
		dst = append(dst, s...)
		return append(dst, '"')
	}
	return appendEscaped(dst, s, n, escapeHTML)
}

// appendEscaped is AppendString for s, whose first plain bytes end at i.
func appendEscaped(dst []byte, s string, i int, escapeHTML bool) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	start := 0
	for i < len(s) {
		i += Plain(s[i:], escapeHTML)
		if i == len(s) {
			break
		}
		b := s[i]
		if b < utf8.RuneSelf {
			dst = append(dst, s[start:i]...)
			switch b {
			case '\\', '"':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hex[b>>4], hex[b&0xF])
			}
			i++
			start = i
			continue
		}
		c, size := utf8.DecodeRuneInString(s[i:])
		if c == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if c == '\u2028' || c == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hex[c&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// Plain returns the length of the longest prefix of s that a JSON string
// holds as it is: ASCII from 0x20 on, other than '"' and '\\' (and <, >
// and & when escapeHTML is set). It reads eight bytes at a time, so that
// a text is mostly passed over in a few steps (see "Tier-up" in package
// wasm's doc).
func Plain(s string, escapeHTML bool) int {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		x := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		// The tests of loBits' comment, written out: the browser build
		// does not inline functions.
		quote, backslash := x^(loBits*'"'), x^(loBits*'\\')
		special := x | // the high bit: not ASCII
			(x-loBits*0x20)&^x | // a control character
			(quote-loBits)&^quote | (backslash-loBits)&^backslash
		if escapeHTML {
			lt, gt, amp := x^(loBits*'<'), x^(loBits*'>'), x^(loBits*'&')
			special |= (lt-loBits)&^lt | (gt-loBits)&^gt | (amp-loBits)&^amp
		}
		if special&hiBits != 0 {
			break
		}
	}
	for ; i < len(s); i++ {
		b := s[i]
		if b < 0x20 || b >= utf8.RuneSelf || b == '"' || b == '\\' || escapeHTML && (b == '<' || b == '>' || b == '&') {
			break
		}
	}
	return i
}

// Eight-byte words: the low and the high bit of each byte. A word x has a
// byte less than n (n at most 128) exactly when (x - loBits*n) &^ x has a
// high bit set (set for that byte, and maybe for bytes above it); it has a
// byte equal to b when x^(loBits*b) has a byte less than 1.
const (
	loBits = 0x0101010101010101
	hiBits = 0x8080808080808080
)
