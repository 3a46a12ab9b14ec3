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
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
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
// a text is mostly passed over in a few steps: in the browser build, each
// step of a loop costs V8's baseline code tier-up budget, and fewer steps
// keep the optimizing compiler away from the first calls.
func Plain(s string, escapeHTML bool) int {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		x := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		special := x&hiBits | // not ASCII
			lessThan(x, 0x20) | hasByte(x, '"') | hasByte(x, '\\')
		if escapeHTML {
			special |= hasByte(x, '<') | hasByte(x, '>') | hasByte(x, '&')
		}
		if special != 0 {
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

// Eight-byte words: the low and the high bit of each byte.
const (
	loBits = 0x0101010101010101
	hiBits = 0x8080808080808080
)

// lessThan is not 0 when a byte of x is less than n (n at most 128). It
// is exact: the high bit of a byte is set only where a byte of x below it
// (or that byte) is less than n.
func lessThan(x uint64, n byte) uint64 { return (x - loBits*uint64(n)) &^ x & hiBits }

// hasByte is not 0 when a byte of x is b.
func hasByte(x uint64, b byte) uint64 { return lessThan(x^(loBits*uint64(b)), 1) }
