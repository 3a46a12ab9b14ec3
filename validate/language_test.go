package validate_test

import (
	"strings"
	"testing"

	"github.com/custnorm/custnorm/validate"
)

func TestNormalizeLanguage(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string // "" means rejected with invalid_language
	}{
		{name: "lower-case language", in: "de", want: "de"},
		{name: "upper-case language", in: "DE", want: "de"},
		{name: "region", in: "en-GB", want: "en-GB"},
		{name: "region case", in: "EN-gb", want: "en-GB"},
		{name: "underscore", in: "en_us", want: "en-US"},
		{name: "script", in: "zh-hant-tw", want: "zh-Hant-TW"},
		{name: "three-letter language", in: "gsw", want: "gsw"},
		{name: "deprecated code replaced", in: "iw", want: "he"},
		{name: "grandfathered tag", in: "i-klingon", want: "tlh"},
		{name: "extension kept", in: "en-US-u-co-phonebk", want: "en-US-u-co-phonebk"},
		{name: "private use", in: "x-foo", want: "x-foo"},

		{name: "empty", in: ""},
		{name: "undetermined", in: "und"},
		{name: "not a tag", in: "German"},
		{name: "digits", in: "123"},
		{name: "space", in: "en GB"},
		{name: "single letter", in: "e"},
		{name: "empty subtag", in: "en--GB"},
		{name: "too long", in: "en-" + strings.Repeat("abcdefgh-", 4)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, iss := validate.NormalizeLanguage(tc.in)
			if tc.want == "" {
				if iss == nil {
					t.Fatalf("NormalizeLanguage(%q) = %q, nil; want an invalid_language issue", tc.in, got)
				}
				if iss.Code != validate.CodeInvalidLanguage || iss.Path != "" || iss.Severity != validate.SeverityError {
					t.Errorf("NormalizeLanguage(%q) issue = %+v, want error invalid_language at path \"\"", tc.in, *iss)
				}
				if got != tc.in {
					t.Errorf("NormalizeLanguage(%q) = %q with an issue, want the input unchanged", tc.in, got)
				}
				return
			}
			if iss != nil {
				t.Fatalf("NormalizeLanguage(%q) issue = %v, want nil", tc.in, iss)
			}
			if got != tc.want {
				t.Errorf("NormalizeLanguage(%q) = %q, want %q", tc.in, got, tc.want)
			}
			if again, iss := validate.NormalizeLanguage(got); again != got || iss != nil {
				t.Errorf("NormalizeLanguage(%q) = %q, %v; want %q, nil (not idempotent)", got, again, iss, got)
			}
		})
	}
}
