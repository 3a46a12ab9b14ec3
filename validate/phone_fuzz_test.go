package validate_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/custnorm/custnorm/validate"
)

func FuzzNormalizePhone(f *testing.F) {
	seeds := []struct{ text, region string }{
		// Conformance cases.
		{"0049-123-456789", "DE"},
		{"+49 177 5555555", "DE"},
		{"0612345678", "NL"},
		{"030 12345678", "DE"},
		{"+33 6 84 85 86 87", "FR"},
		{"call me maybe", "DE"},
		{"+37258774XXX", ""},
		{"871.790.7578 x4882", "US"},
		{"0123456789", "SE"},
		{"+3368485868700001", "FR"},
		// Extensions and letters.
		{"+16502530000;ext=4882", ""},
		{"+1 650 253 0000 ext. 12", ""},
		{"030 12345678 EXTENSION 12", "DE"},
		{"030 12345678 #12", "DE"},
		{"030 12345678,,12", "DE"},
		{"+4930x1234567890", ""},
		{"1-800-FLOWERS", "US"},
		{"(530) 583-6985 x302/x2303", "US"},
		// RFC 3966, whose malformed forms once panicked phonenumbers.
		{"tel:+1-650-253-0000;phone-context=example.com", ""},
		{";phone-context=+49tel:", "DE"},
		{"tel:03012345678;isub=12;phone-context=+49", ""},
		// Digits of other scripts.
		{"０３０ １２３４５６７８", "DE"},
		{"+1 650 253 0000 x٤٨٨٢", ""},
		{"+49 30 १२३४५६७८", ""},
		// Notations, regions, lengths.
		{"+49 (0) 30 12345678", ""},
		{"8 912 345 67 89", "RU"},
		{"+39 06 1234 5678", "IT"},
		{"+800 1234 5678", ""},
		{"253 0000", "US"},
		{"+41 21 234 56 781", "ch"},
		{"030 12345678", "DEU"},
		// Unassigned numbers keeping a national prefix, whose E.164 form
		// would read back as another number.
		{"0153436789", "JE"},
		{"+31001234567", "NL"},
		{"8 00152 4-097-11", "BY"},
		{"+", ""},
		{"++--()..", "ZZ"},
		{strings.Repeat("9", 251), "DE"},
	}
	for _, s := range seeds {
		f.Add(s.text, s.region)
	}
	f.Fuzz(func(t *testing.T, text, region string) {
		got := validate.NormalizePhone(text, region)
		if again := validate.NormalizePhone(text, region); !cmp.Equal(got, again, cmpopts.EquateErrors()) {
			t.Fatalf("NormalizePhone(%q, %q) is not deterministic: %+v, then %+v", text, region, got, again)
		}
		if got.Issues == nil {
			t.Fatalf("NormalizePhone(%q, %q).Issues = nil", text, region)
		}
		if got.OK != !got.Issues.HasError() {
			t.Fatalf("NormalizePhone(%q, %q): OK = %v with issues %v", text, region, got.OK, got.Issues)
		}
		if !got.OK {
			if got.E164 != "" || got.Type != "" || got.Region != "" {
				t.Fatalf("NormalizePhone(%q, %q) = %+v: rejected but has a number", text, region, got)
			}
			return
		}
		if !isE164(got.E164) {
			t.Fatalf("NormalizePhone(%q, %q).E164 = %q, not E.164", text, region, got.E164)
		}
		re := validate.NormalizePhone(got.E164, "")
		if !re.OK || re.E164 != got.E164 || re.Type != got.Type || re.Region != got.Region {
			t.Fatalf("NormalizePhone(%q, \"\") = %+v, want the result of NormalizePhone(%q, %q) = %+v", got.E164, re, text, region, got)
		}
	})
}

// isE164 reports whether s is "+", 1 to 17 + 3 digits, and optionally
// ";ext=" and ASCII digits.
func isE164(s string) bool {
	num, ext, hasExt := strings.Cut(s, ";ext=")
	if len(num) < 3 || num[0] != '+' || !allDigits(num[1:]) {
		return false
	}
	return !hasExt || ext != "" && allDigits(ext)
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
