// Package countrykey folds country names into lookup keys. It is shared by
// package validate, which looks names up, and the generator that builds the
// country table, so that both fold a name the same way.
package countrykey

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Fold returns the comparison key of a country name: lower case,
// marks removed after NFD (é → e), ß ø æ œ ł đ ð þ ı spelt in ASCII,
// the punctuation . , ' ’ - ( ) & turned into spaces and ":" removed
// (Swedish "S:t"), white space trimmed and collapsed to one space.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		r = unicode.ToLower(r)
		rep := ""
		switch r {
		case ':':
			continue // Swedish "S:t Lucia", "USA:s yttre öar"
		case '.', ',', '\'', '’', '-', '(', ')', '&':
			r = ' '
		case 'ß':
			rep = "ss"
		case 'ø':
			rep = "o"
		case 'æ':
			rep = "ae"
		case 'œ':
			rep = "oe"
		case 'ł':
			rep = "l"
		case 'đ', 'ð':
			rep = "d"
		case 'þ':
			rep = "th"
		case 'ı':
			rep = "i"
		}
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		if rep != "" {
			b.WriteString(rep)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}
