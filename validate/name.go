package validate

import (
	"strings"
	"unicode"
)

// SplitName splits a full name into given and family name only where that is
// unambiguous:
//
//	"David Coaster"        → "David", "Coaster"
//	"Jean-Pierre Dupont"   → "Jean-Pierre", "Dupont"
//	"Coaster, David"       → "David", "Coaster"   (family name first, comma)
//
// Three or more words ("Anna Maria Schmidt", "Ludwig van Beethoven"), a
// lower-case particle, a title or initial with a dot ("Dr. Who", "J. Smith"),
// digits or a single word are ambiguous: ok is false and the caller keeps
// the full name. Letter case is never changed.
func SplitName(full string) (given, family string, ok bool) {
	full = NormalizeText(full)
	if i := strings.IndexByte(full, ','); i >= 0 {
		family, given = strings.TrimSpace(full[:i]), strings.TrimSpace(full[i+1:])
		if isNameWord(family) && isNameWord(given) {
			return given, family, true
		}
		return "", "", false
	}
	// Exactly two words: one space.
	given, family, ok = cutByte(full, ' ')
	if !ok || strings.IndexByte(family, ' ') >= 0 || !isNameWord(given) || !isNameWord(family) {
		return "", "", false
	}
	return given, family, true
}

// isNameWord reports whether w is one capitalized word of letters, with
// inner hyphens or apostrophes allowed ("O'Brian", "Jean-Pierre").
func isNameWord(w string) bool {
	if w == "" || strings.ContainsRune(w, ' ') {
		return false
	}
	first := true
	prevJoin := true
	for _, r := range w {
		switch {
		case unicode.IsLetter(r) || (!prevJoin && unicode.Is(unicode.Mn, r)):
			if first && !unicode.IsUpper(r) && !unicode.IsTitle(r) && unicode.IsLower(r) {
				return false
			}
			first, prevJoin = false, false
		case r == '-' || r == '\'' || r == '’':
			if prevJoin {
				return false
			}
			prevJoin = true
		default:
			return false
		}
	}
	return !prevJoin
}

// JoinName joins given and family name with one space; either may be empty.
func JoinName(given, family string) string {
	switch {
	case given == "":
		return family
	case family == "":
		return given
	}
	return given + " " + family
}
