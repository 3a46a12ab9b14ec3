package validate_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/custnorm/custnorm/validate"
)

// twoLetterCountryAliases are the documented two-letter inputs that are not
// codes in the table but are accepted.
var twoLetterCountryAliases = map[string]string{"UK": "GB"}

// FuzzNormalizeCountry checks that NormalizeCountry never panics, that an
// accepted value's code normalizes to itself, and, for two ASCII letters,
// that it accepts exactly the codes IsCountry reports and the documented
// aliases.
func FuzzNormalizeCountry(f *testing.F) {
	for _, s := range []string{
		"DE", "de", "UK", "uk", "XK", "ZZ", "EU", "DD", "AA", "QZ", // codes
		"DEU", "pol", "XKX", "DDR", "001", "276", // alpha-3, M.49
		"Germany", "ÖSTERREICH", "Allemagne", "S:t Lucia", "Côte d’Ivoire", // names
		"", " ", "D", "Atlantis", "\xff", "O\u0308sterreich", "\u00a0de\u00a0",
		strings.Repeat("a", 201),
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		got := validate.NormalizeCountry(in)
		if got.Issues == nil {
			t.Fatalf("NormalizeCountry(%q).Issues = nil, want non-nil", in)
		}
		if got.OK {
			if !validate.IsCountry(got.Code) || len(got.Issues) != 0 {
				t.Fatalf("NormalizeCountry(%q) = %+v, want a table code and no issues", in, got)
			}
			if again := validate.NormalizeCountry(got.Code); !again.OK || again.Code != got.Code {
				t.Fatalf("NormalizeCountry(%q) = %+v, want code %q (from %q)", got.Code, again, got.Code, in)
			}
		} else if got.Code != "" || len(got.Issues) != 1 || got.Issues[0].Code != validate.CodeInvalidCountry {
			t.Fatalf("NormalizeCountry(%q) = %+v, want one invalid_country issue", in, got)
		}
		if len(in) == 2 && utf8.ValidString(in) && isASCIILetters(in) {
			up := strings.ToUpper(in)
			alias, isAlias := twoLetterCountryAliases[up]
			wantOK := validate.IsCountry(up) || isAlias
			if got.OK != wantOK {
				t.Fatalf("NormalizeCountry(%q).OK = %v, want %v (IsCountry(%q) = %v)", in, got.OK, wantOK, up, validate.IsCountry(up))
			}
			want := up
			if isAlias {
				want = alias
			}
			if got.OK && got.Code != want {
				t.Fatalf("NormalizeCountry(%q).Code = %q, want %q", in, got.Code, want)
			}
		}
	})
}

func isASCIILetters(s string) bool {
	for i := range len(s) {
		if c := s[i] | 0x20; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}
