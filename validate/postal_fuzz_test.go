package validate_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/custnorm/custnorm/validate"
)

// FuzzCheckPostalCode checks that CheckPostalCode never panics, that its
// result is deterministic, that it is idempotent under trimming (the code
// and its trimmed form, or the code with more white space around it, get
// the same verdict), and that every issue has the documented shape.
func FuzzCheckPostalCode(f *testing.F) {
	for _, seed := range [][2]string{
		{"DE", "60326"}, {"DE", "6032"}, {"DE", " 01234 "}, // digits, trimming
		{"US", "97687-7791"}, {"DE", "97687-7791"}, // a US code elsewhere
		{"SE", "111 52"}, {"SE", "11152"}, {"PL", "50-000"}, // optional and required separators
		{"NL", "1234 ab"}, {"GB", "sw1a 1aa"}, {"GB", "ſw1a 1aa"}, // case, non-ASCII folding
		{"BH", "317"}, {"CR", "123-4567"}, {"PE", "LIMA 23"}, // anchors, alternation in patterns
		{"AE", "12345"}, {"AE", ""}, // no postal codes
		{"ZZ", "x"}, {"de", "6032"}, {"", ""}, // unknown country
		{"US", strings.Repeat("9", 21)}, {"GB", "\xff\xfe"}, {"JP", "１５４-００２３"}, // long, invalid UTF-8, fullwidth
	} {
		f.Add(seed[0], seed[1])
	}
	f.Fuzz(func(t *testing.T, country, code string) {
		got := validate.CheckPostalCode(country, code)
		if again := validate.CheckPostalCode(country, code); !reflect.DeepEqual(got, again) {
			t.Fatalf("CheckPostalCode(%q, %q) = %v, then %v", country, code, got, again)
		}
		trimmed := strings.TrimSpace(code)
		for _, in := range []string{trimmed, " " + code + "\n"} {
			if other := validate.CheckPostalCode(country, in); !reflect.DeepEqual(got, other) {
				t.Fatalf("CheckPostalCode(%q, %q) = %v, but CheckPostalCode(%q, %q) = %v", country, code, got, country, in, other)
			}
		}
		if got == nil {
			if validate.PostalCodeExample(country) != "" && len(trimmed) > 20 {
				t.Fatalf("CheckPostalCode(%q, %q) = nil for %d bytes, want invalid past 20", country, code, len(trimmed))
			}
			return
		}
		if trimmed == "" {
			t.Fatalf("CheckPostalCode(%q, %q) = %v, want nil for an empty code", country, code, got)
		}
		want := validate.Params{"country": country, "example": validate.PostalCodeExample(country)}
		if got.Path != "" || got.Code != validate.CodeInvalidPostalCode || !reflect.DeepEqual(got.Params, want) {
			t.Fatalf("CheckPostalCode(%q, %q) = {path %q, code %s, params %v}, want {path \"\", code %s, params %v}",
				country, code, got.Path, got.Code, got.Params, validate.CodeInvalidPostalCode, want)
		}
	})
}
