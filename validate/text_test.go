package validate_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/custnorm/custnorm/validate"
)

func TestNormalizeText(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{name: "empty", in: "", want: ""},
		{name: "already normal", in: "David Coaster", want: "David Coaster"},
		{name: "trim", in: "  David Coaster \t", want: "David Coaster"},
		{name: "collapse spaces", in: "David   Coaster", want: "David Coaster"},
		{name: "tab and newlines", in: "Gustav\tAdolfs\r\ntorg\n22", want: "Gustav Adolfs torg 22"},
		{name: "no-break space", in: "Frankfurt\u00a0am\u00a0Main", want: "Frankfurt am Main"},
		{name: "ideographic space", in: "東京\u3000都", want: "東京 都"},
		{name: "only white space", in: " \t\n\u00a0 ", want: ""},
		{name: "NFC composes", in: "Le\u0301o", want: "Léo"},
		{name: "NFC keeps composed", in: "Léo", want: "Léo"},
		{name: "NFC with trim", in: "  Mu\u0308ller  ", want: "Müller"},
		{name: "Hangul jamo", in: "\u1112\u1161\u11ab", want: "한"},
		{name: "case kept", in: "O'Brian van GOGH", want: "O'Brian van GOGH"},
		{name: "lower case kept", in: "o'brian", want: "o'brian"},
		{name: "punctuation kept", in: "Max-Muster-Str. 25a", want: "Max-Muster-Str. 25a"},
		// Forbidden characters are reported by HasForbiddenCharacters, not
		// removed here: the value is kept.
		{name: "format character kept", in: "Jo\u202ehn", want: "Jo\u202ehn"},
		{name: "zero-width space kept", in: "Jo\u200bhn", want: "Jo\u200bhn"},
		{name: "NUL kept", in: "a\x00b", want: "a\x00b"},
		{name: "DEL kept", in: "a\x7fb", want: "a\x7fb"},
		{name: "invalid UTF-8 replaced", in: "a\xffb", want: "a\ufffdb"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := validate.NormalizeText(tc.in)
			if got != tc.want {
				t.Errorf("NormalizeText(%q) = %q, want %q", tc.in, got, tc.want)
			}
			if again := validate.NormalizeText(got); again != got {
				t.Errorf("NormalizeText(%q) = %q, want %q (not idempotent)", got, again, got)
			}
		})
	}
}

func TestNormalizeTextNoAlloc(t *testing.T) {
	for _, in := range []string{"", "David Coaster", "Max-Muster-Str. 25a"} {
		if n := testing.AllocsPerRun(100, func() { validate.NormalizeText(in) }); n != 0 {
			t.Errorf("NormalizeText(%q) allocates %v times, want 0 for normal text", in, n)
		}
	}
}

func TestLength(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want int
	}{
		{name: "empty", in: "", want: 0},
		{name: "ASCII", in: "Coaster", want: 7},
		{name: "composed", in: "Léo", want: 3},
		{name: "decomposed counts after NFC", in: "Le\u0301o", want: 3},
		{name: "German", in: "Straße", want: 6},
		{name: "emoji is one code point", in: "😀", want: 1},  // two UTF-16 units
		{name: "flag is two code points", in: "🇩🇪", want: 2}, // four UTF-16 units
		{name: "combining without base", in: "\u0301", want: 1},
		{name: "NFC expands a composition exclusion", in: "\u0958", want: 2}, // क़ → क + ◌़
		{name: "white space counted as is", in: " a  b ", want: 6},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := validate.Length(tc.in); got != tc.want {
				t.Errorf("Length(%q) = %d, want %d", tc.in, got, tc.want)
			}
		})
	}
}

// TestLengthCanExceedRuneCount documents that NFC can lengthen text, so
// "Length never grows past the input's rune count" holds only for input
// that is already NFC; in Length's own unit normalization never grows.
func TestLengthCanExceedRuneCount(t *testing.T) {
	in := "\u0958"
	if got, runes := validate.Length(validate.NormalizeText(in)), utf8.RuneCountInString(in); got <= runes {
		t.Errorf("Length(NormalizeText(%q)) = %d, want more than the %d runes of the input", in, got, runes)
	}
	if got, want := validate.Length(validate.NormalizeText(in)), validate.Length(in); got > want {
		t.Errorf("Length(NormalizeText(%q)) = %d, want at most Length(%q) = %d", in, got, in, want)
	}
}

func TestHasForbiddenCharacters(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want bool
	}{
		{name: "empty", in: "", want: false},
		{name: "plain", in: "David Coaster", want: false},
		{name: "accents", in: "Ærøskøbing Straße", want: false},
		{name: "tab", in: "a\tb", want: false},
		{name: "newline", in: "a\nb", want: false},
		{name: "carriage return", in: "a\r\nb", want: false},
		{name: "vertical tab and form feed", in: "a\v\fb", want: false},
		{name: "next line U+0085", in: "a\u0085b", want: false},
		{name: "no-break space", in: "a\u00a0b", want: false},
		{name: "line separator", in: "a\u2028b", want: false},
		{name: "NUL", in: "a\x00b", want: true},
		{name: "escape", in: "a\x1bb", want: true},
		{name: "DEL", in: "a\x7fb", want: true},
		{name: "C1 control", in: "a\u0080b", want: true},
		{name: "right-to-left override", in: "Jo\u202ehn", want: true},
		{name: "left-to-right mark", in: "Jo\u200ehn", want: true},
		{name: "zero-width space", in: "Jo\u200bhn", want: true},
		{name: "zero-width joiner", in: "Jo\u200dhn", want: true},
		{name: "byte-order mark", in: "\ufeffJohn", want: true},
		{name: "soft hyphen", in: "Jo\u00adhn", want: true},
		{name: "control after non-ASCII", in: "é\x01", want: true},
		{name: "format after ASCII", in: "abc\u2066", want: true},
		{name: "invalid UTF-8 is not a control", in: "a\xffb", want: false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := validate.HasForbiddenCharacters(tc.in); got != tc.want {
				t.Errorf("HasForbiddenCharacters(%q) = %v, want %v", tc.in, got, tc.want)
			}
		})
	}
}

// TestNormalizeTextKeepsForbidden checks that normalization keeps what
// HasForbiddenCharacters reports, so the issue still applies after it.
func TestNormalizeTextKeepsForbidden(t *testing.T) {
	for _, in := range []string{"Jo\u202ehn", " a\x00b ", "\ufeffJohn", strings.Repeat("x\u200b", 3)} {
		if !validate.HasForbiddenCharacters(validate.NormalizeText(in)) {
			t.Errorf("HasForbiddenCharacters(NormalizeText(%q)) = false, want true", in)
		}
	}
}
