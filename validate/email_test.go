package validate_test

import (
	"strings"
	"testing"

	"github.com/custnorm/custnorm/validate"
)

func TestNormalizeEmail(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string // "" means rejected: the input comes back with an invalid_email issue
	}{
		{name: "plain", in: "david@example.net", want: "david@example.net"},
		{name: "domain lower-cased", in: "david@Example.NET", want: "david@example.net"},
		{name: "local part kept", in: "David.Coaster@example.com", want: "David.Coaster@example.com"},
		{name: "local and domain", in: "Ray_Ankunding43@EXAMPLE.com", want: "Ray_Ankunding43@example.com"},
		{name: "plus tag", in: "mr-john-doe+shop@example.org", want: "mr-john-doe+shop@example.org"},
		{name: "subdomain", in: "a@mail.Example.co.uk", want: "a@mail.example.co.uk"},
		{name: "hyphen inside label", in: "a@my-shop.example", want: "a@my-shop.example"},
		{name: "internationalized domain", in: "a@BÜCHER.example", want: "a@bücher.example"},
		{name: "internationalized local part", in: "jörg@example.com", want: "jörg@example.com"},
		{name: "254 characters", in: strings.Repeat("a", 64) + "@" + strings.Repeat("b", 185) + ".com", want: strings.Repeat("a", 64) + "@" + strings.Repeat("b", 185) + ".com"},

		{name: "empty", in: ""},
		{name: "no at", in: "john.example.com"},
		{name: "two ats", in: "a@b@example.com"},
		{name: "empty local part", in: "@example.com"},
		{name: "empty domain", in: "john@"},
		{name: "single-label domain", in: "john@localhost"},
		{name: "empty label", in: "john@example..com"},
		{name: "trailing dot", in: "john@example.com."},
		{name: "leading dot in domain", in: "john@.example.com"},
		{name: "label starts with hyphen", in: "john@-example.com"},
		{name: "label ends with hyphen", in: "john@example-.com"},
		{name: "leading dot in local part", in: ".john@example.com"},
		{name: "trailing dot in local part", in: "john.@example.com"},
		{name: "double dot in local part", in: "jo..hn@example.com"},
		{name: "space inside", in: "john doe@example.com"},
		{name: "leading space", in: " john@example.com"},
		{name: "no-break space", in: "john\u00a0@example.com"},
		{name: "tab", in: "john@example.com\t"},
		{name: "control", in: "john\x00@example.com"},
		{name: "format character", in: "jo\u200bhn@example.com"},
		{name: "bracket in domain", in: "john@[127.0.0.1]"},
		{name: "comma in domain", in: "john@example,com"},
		{name: "display name", in: "John <john@example.com>"},
		{name: "255 characters", in: strings.Repeat("a", 64) + "@" + strings.Repeat("b", 186) + ".com"},
		{name: "invalid UTF-8 in domain", in: "john@\xffexample.com"},
		{name: "invalid UTF-8 in local part", in: "jo\xe2\x80hn@example.com"},
		{name: "very long", in: strings.Repeat("a", 2000) + "@example.com"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, iss := validate.NormalizeEmail(tc.in)
			if tc.want == "" {
				if iss == nil {
					t.Fatalf("NormalizeEmail(%q) = %q, nil; want an invalid_email issue", tc.in, got)
				}
				if iss.Code != validate.CodeInvalidEmail || iss.Path != "" || iss.Severity != validate.SeverityError {
					t.Errorf("NormalizeEmail(%q) issue = %+v, want error invalid_email at path \"\"", tc.in, *iss)
				}
				if got != tc.in {
					t.Errorf("NormalizeEmail(%q) = %q with an issue, want the input unchanged", tc.in, got)
				}
				if tc.in != "" && strings.Contains(iss.Error(), tc.in) {
					t.Errorf("NormalizeEmail(%q) issue text %q contains the input", tc.in, iss.Error())
				}
				return
			}
			if iss != nil {
				t.Fatalf("NormalizeEmail(%q) issue = %v, want nil", tc.in, iss)
			}
			if got != tc.want {
				t.Errorf("NormalizeEmail(%q) = %q, want %q", tc.in, got, tc.want)
			}
			if again, iss := validate.NormalizeEmail(got); again != got || iss != nil {
				t.Errorf("NormalizeEmail(%q) = %q, %v; want %q, nil (not idempotent)", got, again, iss, got)
			}
		})
	}
}
