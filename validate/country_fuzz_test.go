package validate_test

import (
	"slices"
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

// FuzzNormalizeNationality checks that NormalizeNationality never panics,
// that an accepted value's code normalizes to itself, that a refusal names
// two or more sorted candidates, and that it reads every country name as
// NormalizeCountry does (a name is a nationality too; only where an
// adjective of another country has the same key is it refused, with both).
func FuzzNormalizeNationality(f *testing.F) {
	for _, s := range []string{
		"DE", "de", "UK", "DEU", "Germany", "german", "Deutsche", "franzoesisch", "svenska",
		"niemiecka", "Congolese", "Kongo", "Korean", "", " ", "\xff", strings.Repeat("a", 201),
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		got := validate.NormalizeNationality(in)
		if got.Issues == nil {
			t.Fatalf("NormalizeNationality(%q).Issues = nil, want non-nil", in)
		}
		if got.OK {
			if !validate.IsCountry(got.Code) || len(got.Issues) != 0 {
				t.Fatalf("NormalizeNationality(%q) = %+v, want a table code and no issues", in, got)
			}
			if again := validate.NormalizeNationality(got.Code); again.Code != got.Code {
				t.Fatalf("NormalizeNationality(%q) = %+v, want code %q (from %q)", got.Code, again, got.Code, in)
			}
		} else {
			if got.Code != "" || len(got.Issues) != 1 || got.Issues[0].Code != validate.CodeInvalidCountry {
				t.Fatalf("NormalizeNationality(%q) = %+v, want one invalid_country issue", in, got)
			}
			if c, ok := got.Issues[0].Params["candidates"].([]string); ok {
				if len(c) < 2 || !slices.IsSorted(c) || slices.ContainsFunc(c, func(s string) bool { return !validate.IsCountry(s) }) {
					t.Fatalf("NormalizeNationality(%q): candidates %v, want two or more sorted codes", in, c)
				}
			}
		}
		if c := validate.NormalizeCountry(in); c.OK && got.Code != c.Code {
			cand, _ := got.Issues[0].Params["candidates"].([]string)
			if got.OK || !slices.Contains(cand, c.Code) {
				t.Fatalf("NormalizeNationality(%q) = %+v, NormalizeCountry = %q", in, got, c.Code)
			}
		}
	})
}
