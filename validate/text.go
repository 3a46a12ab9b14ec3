package validate

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// NormalizeText trims s, puts it in Unicode NFC and collapses every run of
// inner white space (including tabs and line breaks) to one space. It never
// changes letter case. It is idempotent, and returns s itself (no
// allocation) when s is already normal. Each byte of s that is not part
// of valid UTF-8 becomes U+FFFD (the decoders report such bytes as
// invalid_encoding).
func NormalizeText(s string) string {
	if isNormalASCII(s) {
		return s
	}
	s = nfc(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// nfc returns s in NFC, each byte of s that is not part of valid UTF-8
// replaced by U+FFFD first: NFC leaves the marks after such a byte as they
// are (U+0341, U+0344), and would change them once the byte is U+FFFD, so
// replacing afterwards would not give NFC text. NormalizeText and Length
// both measure the text this gives.
func nfc(s string) string {
	if !utf8.ValidString(s) {
		s = replaceInvalidUTF8(s)
	}
	if !isNFC(s) {
		s = norm.NFC.String(s)
	}
	return s
}

// replaceInvalidUTF8 returns s with each byte that is not part of valid
// UTF-8 replaced by U+FFFD, as ranging over s reads it (strings.ToValidUTF8
// would replace a run of such bytes by one).
func replaceInvalidUTF8(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	for _, r := range s {
		b.WriteRune(r)
	}
	return b.String()
}

// isNormalASCII reports whether s is printable ASCII with no leading,
// trailing or doubled space: already normal text.
func isNormalASCII(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	prevSpace := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c >= 0x7f {
			return false
		}
		if c == ' ' {
			if prevSpace {
				return false
			}
			prevSpace = true
		} else {
			prevSpace = false
		}
	}
	return true
}

// Length returns the length of s in Unicode code points after NFC, the unit
// of every limit custnorm checks unless a provider documents another. (A
// decomposed "Le\u0301o" is three characters. JavaScript's string.length
// counts UTF-16 units and can disagree for characters outside the BMP.)
// A byte that is not part of valid UTF-8 counts as the U+FFFD it becomes.
func Length(s string) int {
	return utf8.RuneCountInString(nfc(s))
}

// isNFC reports whether s is in NFC, like norm.NFC.IsNormalString, with a
// shortcut that allocates nothing for the common text: valid UTF-8 of code
// points below U+0300 (ASCII, Latin-1, Latin Extended-A and -B, IPA …) is
// always in NFC, as every such code point is NFC_Quick_Check=Yes with
// combining class 0 (U+0300 is the first combining mark; checked by
// TestIsNFCShortcut).
func isNFC(s string) bool {
	for i := 0; i < len(s); {
		switch b := s[i]; {
		case b < utf8.RuneSelf:
			i++
		case 0xC2 <= b && b <= 0xCB && i+1 < len(s) && s[i+1]&0xC0 == 0x80:
			i += 2 // U+0080 … U+02FF
		default:
			return norm.NFC.IsNormalString(s)
		}
	}
	return true
}

// HasForbiddenCharacters reports whether s contains a control (Cc) or format
// (Cf) character other than white space: bidi overrides, zero-width spaces,
// a byte-order mark, NUL. White space controls (tab, line break) are not
// forbidden; [NormalizeText] turns them into spaces.
func HasForbiddenCharacters(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			return hasForbiddenRune(s[i:])
		}
		if (c < 0x20 || c == 0x7f) && c != '\t' && c != '\n' && c != '\r' && c != '\v' && c != '\f' {
			return true
		}
	}
	return false
}

func hasForbiddenRune(s string) bool {
	for _, r := range s {
		if unicode.IsSpace(r) {
			continue
		}
		if unicode.Is(unicode.Cc, r) || unicode.Is(unicode.Cf, r) {
			return true
		}
	}
	return false
}

// visibleASCII reports whether every byte of s is visible ASCII (0x21 to
// 0x7e): no white space, control character or other script. It reads eight
// bytes at a step (see "Tier-up" in package wasm's doc).
func visibleASCII(s string) bool {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		x := word(s, i)
		del := x ^ (loBits * 0x7f)
		// A byte has the high bit (not ASCII), is below 0x21, or is DEL
		// (see loBits).
		if (x|(x-loBits*0x21)&^x|(del-loBits)&^del)&hiBits != 0 {
			return false
		}
	}
	for ; i < len(s); i++ {
		if s[i] <= ' ' || s[i] >= 0x7f {
			return false
		}
	}
	return true
}

// hasUpperASCII reports whether the ASCII text s has a letter A to Z.
func hasUpperASCII(s string) bool {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		x := word(s, i)
		// For bytes below 0x80 the sums carry into no other byte: the high
		// bit of a byte of atLeastA is set when it is 'A' or more, of
		// aboveZ when it is above 'Z'.
		atLeastA, aboveZ := x+loBits*(0x80-'A'), x+loBits*(0x80-'Z'-1)
		if atLeastA&^aboveZ&hiBits != 0 {
			return true
		}
	}
	for ; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			return true
		}
	}
	return false
}

// cutByte is strings.Cut with a one-byte separator: it goes straight to
// IndexByte, where Cut goes through the general substring search, a large
// function in the browser build (see "Tier-up" in package wasm's doc).
func cutByte(s string, sep byte) (before, after string, found bool) {
	if i := strings.IndexByte(s, sep); i >= 0 {
		return s[:i], s[i+1:], true
	}
	return s, "", false
}

// hasPair reports whether s has the byte c twice in a row.
func hasPair(s string, c byte) bool {
	for {
		i := strings.IndexByte(s, c)
		if i < 0 || i+1 == len(s) {
			return false
		}
		if s[i+1] == c {
			return true
		}
		s = s[i+2:]
	}
}

// word returns the eight bytes of s at i as a little-endian word.
func word(s string, i int) uint64 {
	return uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
		uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
}

// Eight-byte words: the low and the high bit of each byte. A word x has a
// byte less than n (n at most 128) exactly when (x - loBits*n) &^ x has a
// high bit set (set for that byte, and maybe for bytes above it); it has a
// byte equal to b when x^(loBits*b) has a byte less than 1.
const (
	loBits = 0x0101010101010101
	hiBits = 0x8080808080808080
)
