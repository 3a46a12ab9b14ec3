package validate_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/custnorm/custnorm/validate"
)

// FuzzNormalizeText checks that NormalizeText is idempotent, that it never
// lengthens text in Length's unit (and, for input already in NFC, never
// past the input's rune count: NFC itself can expand a composition
// exclusion such as U+0958), that valid UTF-8 stays valid, and that the
// result is trimmed with no doubled space.
func FuzzNormalizeText(f *testing.F) {
	for _, s := range []string{
		"", " ", "David Coaster", "  David \t Coaster\n", // white space
		"Le\u0301o", "Mu\u0308ller", "\u1112\u1161\u11ab", "\u0958", "e \u0301", // NFC
		"Frankfurt\u00a0am\u00a0Main", "東京\u3000都", "a\u2028b\u0085c", // Unicode spaces
		"Jo\u202ehn", "a\x00b", "\ufeff", "a\xffb", "\xe2\x80", // forbidden, invalid
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		got := validate.NormalizeText(in)
		if again := validate.NormalizeText(got); again != got {
			t.Fatalf("NormalizeText(%q) = %q, but NormalizeText(%q) = %q", in, got, got, again)
		}
		if n, max := validate.Length(got), validate.Length(in); n > max {
			t.Fatalf("Length(NormalizeText(%q)) = %d, want at most Length(%q) = %d", in, n, in, max)
		}
		if utf8.ValidString(in) {
			if !utf8.ValidString(got) {
				t.Fatalf("NormalizeText(%q) = %q, not valid UTF-8", in, got)
			}
			if norm.NFC.IsNormalString(in) {
				if n, max := validate.Length(got), utf8.RuneCountInString(in); n > max {
					t.Fatalf("Length(NormalizeText(%q)) = %d, want at most %d runes", in, n, max)
				}
			}
		}
		if got != strings.TrimSpace(got) || strings.Contains(got, "  ") {
			t.Fatalf("NormalizeText(%q) = %q, not trimmed and collapsed", in, got)
		}
	})
}

// FuzzParseBirthDate checks that ParseBirthDate never panics and that an
// accepted date is valid and parses again, from its YYYY-MM-DD form, to the
// same date.
func FuzzParseBirthDate(f *testing.F) {
	for _, s := range []string{
		"1905-03-03", "1905-03-03T00:00:00+01:00", "1980-09-01T00:00:00Z", "19490917", // provider forms
		"1980-09-01T00:00:00.123456789Z", "1980-09-01t23:59:60z", "2000-02-29", "20000229",
		"1905-02-30", "1900-02-29", "03.03.1905", "1905-3-3", "1980-09-01T00:00:00", // rejected
		"1980-09-01T24:00:00Z", "1980-09-01T00:00:00+0100", "", "T", "0000-00-00T",
		"1980-09-01T00:00:00." + strings.Repeat("9", 30) + "Z",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		d, other, iss := validate.ParseBirthDate(in)
		if iss != nil {
			if iss.Code != validate.CodeInvalidDate || !d.IsZero() || other {
				t.Fatalf("ParseBirthDate(%q) = %v, %v, %v; want the zero Date, false, invalid_date", in, d, other, iss)
			}
			return
		}
		if !d.IsValid() {
			t.Fatalf("ParseBirthDate(%q) = %#v, not a valid date", in, d)
		}
		if other != (in != d.String()) {
			t.Fatalf("ParseBirthDate(%q) other form = %v, but the date reads %q", in, other, d.String())
		}
		if !strings.HasPrefix(in, d.String()) && strings.ReplaceAll(d.String(), "-", "") != in {
			t.Fatalf("ParseBirthDate(%q) = %v, not the calendar date written", in, d)
		}
		again, other, iss := validate.ParseBirthDate(d.String())
		if iss != nil || other || again != d {
			t.Fatalf("ParseBirthDate(%q) = %v, %v, %v; want %v, false, nil", d.String(), again, other, iss, d)
		}
	})
}

// FuzzNormalizeEmail checks that NormalizeEmail never panics, is
// idempotent, changes at most the domain's letter case, and returns a
// rejected input unchanged.
func FuzzNormalizeEmail(f *testing.F) {
	for _, s := range []string{
		"david@example.net", "David.Coaster@Example.NET", "a@BÜCHER.example", "jörg@example.com",
		"Ray_Ankunding43@gmail.com", "mr-john-doe+shop@example.org", "a@\u0130.example", "a@\u212a.example",
		"", "@", "a@b", "a@b@c.d", "john.example.com", "jo..hn@example.com", "john@-a.com", "a b@c.d",
		"a@\xff.example", "a@A\u030a.example", "\u200b@example.com", strings.Repeat("a", 250) + "@example.com",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		got, iss := validate.NormalizeEmail(in)
		if iss != nil {
			if got != in || iss.Code != validate.CodeInvalidEmail {
				t.Fatalf("NormalizeEmail(%q) = %q, %v; want the input and invalid_email", in, got, iss)
			}
			return
		}
		again, iss := validate.NormalizeEmail(got)
		if iss != nil || again != got {
			t.Fatalf("NormalizeEmail(%q) = %q, but NormalizeEmail(%q) = %q, %v", in, got, got, again, iss)
		}
		at, gotAt := strings.LastIndexByte(in, '@'), strings.LastIndexByte(got, '@')
		if got[:gotAt] != in[:at] || got[gotAt+1:] != strings.ToLower(in[at+1:]) {
			t.Fatalf("NormalizeEmail(%q) = %q, changed more than the domain's case", in, got)
		}
	})
}

// FuzzSplitStreet checks that SplitStreet never panics and that a split of
// normal text without commas joins back to the line: JoinStreet(street,
// number, numberFirst) == NormalizeText(line). (A comma between number and
// street is dropped by design.)
func FuzzSplitStreet(f *testing.F) {
	for _, s := range []string{
		"Gustav Adolfs torg 22", "Westerberg 25", "12 rue de la Paix", "221B Baker Street", "Hauptstr. 5a",
		"Straße des 17. Juni 5", "Example Street", "Main St 12-14", "10, Downing Street", "7bis avenue Foch",
		"Kungsgatan 3/1", "12 Avenue 5", "5 ,", "", " ", "25", "a 1-", "Dorfstraße 12ä", "1 \u0301",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		street, number, numberFirst, ok := validate.SplitStreet(in)
		if !ok {
			if number != "" || numberFirst || street != strings.TrimSpace(in) {
				t.Fatalf("SplitStreet(%q) = %q, %q, %v, false; want the trimmed line whole", in, street, number, numberFirst)
			}
			return
		}
		if street == "" || number == "" {
			t.Fatalf("SplitStreet(%q) = %q, %q, %v, true; want both parts", in, street, number, numberFirst)
		}
		normal := validate.NormalizeText(in)
		if in != normal || strings.Contains(in, ",") {
			return
		}
		if joined := validate.JoinStreet(street, number, numberFirst); joined != normal {
			t.Fatalf("SplitStreet(%q) = %q, %q, %v; JoinStreet gives %q, want %q", in, street, number, numberFirst, joined, normal)
		}
	})
}
