package validate

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// shapeRule is the shape after a token of kind k in shape sh, and whether
// the token is a digit counted in a plain number: the rules shapeNext is
// a table of.
func shapeRule(sh, k int) (next int, counted bool) {
	space := k == kindSpace || k == kindSeparatorSpace
	switch {
	case (sh == shapeLeading || sh == shapeTrailing) && space:
		return sh, false
	case sh <= shapePlus && k == kindPlus:
		return shapePlus, false
	case sh <= shapeDigits && k == kindDigit:
		return shapeDigits, true
	case (sh == shapePlus || sh == shapeDigits) && (k == kindSeparator || k == kindSeparatorSpace):
		return shapeDigits, false
	case sh == shapeDigits && space:
		return shapeTrailing, false
	}
	return shapeOther, false
}

// asciiKind is the kind of the ASCII byte c, and whether it is a letter.
func asciiKind(c byte) (kind int, letter bool) {
	letter = 'a' <= c|0x20 && c|0x20 <= 'z'
	switch {
	case c == '+':
		return kindPlus, letter
	case '0' <= c && c <= '9':
		return kindDigit, letter
	case c == ' ':
		return kindSeparatorSpace, letter
	case '\t' <= c && c <= '\r':
		return kindSpace, letter
	case strings.IndexByte(phonePlainSeparators, c) >= 0:
		return kindSeparator, letter
	}
	return kindOther, letter
}

// TestShapeTables derives shapeNext and phoneASCIIKinds from the rules;
// on a difference it prints the tables to paste.
func TestShapeTables(t *testing.T) {
	if strings.ContainsRune(phonePlainSeparators, '\t') || !strings.ContainsRune(phonePlainSeparators, ' ') {
		t.Fatalf("the kinds assume a space, and no other white space, among the separators %q", phonePlainSeparators)
	}
	var next, kinds strings.Builder
	for sh := range numShapes {
		for k := range numKinds {
			n, counted := shapeRule(sh, k)
			if counted {
				n += 8
			}
			next.WriteByte(byte(' ' + n))
		}
	}
	for c := range byte(utf8.RuneSelf) {
		k, letter := asciiKind(c)
		if letter {
			k += 8
		}
		kinds.WriteByte(byte(' ' + k))
	}
	if next.String() != shapeNext {
		t.Errorf("shapeNext = %q, want %q", shapeNext, next.String())
	}
	if kinds.String() != phoneASCIIKinds {
		t.Errorf("phoneASCIIKinds = %q, want %q", phoneASCIIKinds, kinds.String())
	}
}

// tokenizeRef is tokenize rune by rune, the shape told by shapeRule.
func tokenizeRef(s string) (toks []phoneToken, info tokenInfo) {
	letters, shape, digits := 0, shapeLeading, 0
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		i += w
		if w == 1 && r == utf8.RuneError {
			info.invalid = true
		} else if r >= utf8.RuneSelf && unicode.Is(unicode.Cf, r) {
			info.removed = true
			continue
		}
		class, d := phoneRuneClass(r)
		t := phoneToken{r: r, class: class, width: uint8(w)}
		kind := kindOther
		switch {
		case d >= 0:
			t.r, t.width = d, 1
			kind = kindDigit
		case r < utf8.RuneSelf:
			var letter bool
			kind, letter = asciiKind(byte(r))
			if letter {
				letters++
			}
		case t.isPlus():
			kind = kindPlus
		case unicode.IsSpace(r):
			kind = kindSpace
		default:
			info.letter = info.letter || unicode.IsLetter(r)
		}
		toks = append(toks, t)
		var counted bool
		shape, counted = shapeRule(shape, kind)
		if counted {
			digits++
		}
	}
	info.alpha = letters >= 3
	info.letter = info.letter || letters > 0
	info.plain = (shape == shapeDigits || shape == shapeTrailing) && digits >= 3
	return toks, info
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{
		"", "030 12345678", "+49 (0)30 1234-5678", " +1 650 253 0000 ", "0049\t30\t123", "＋４９ ３０ １２３４",
		"+49 30 123\u200b4", "tel:+49-30", "1-800-FLOWERS", "+49\xff30", "\t\n+ 1 2 3 \r", "12 3\t4", "(030) 123/456",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, gotInfo := tokenize(s, nil)
		want, wantInfo := tokenizeRef(s)
		if !slices.Equal(got, want) || gotInfo != wantInfo {
			t.Errorf("tokenize(%q) = %v, %+v; want %v, %+v", s, got, gotInfo, want, wantInfo)
		}
	})
}
