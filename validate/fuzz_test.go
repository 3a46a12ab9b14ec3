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

// FuzzSplitStreet checks that SplitStreetIn never panics, in no country and
// in the countries with street rules, and that a split of normal text
// without commas joins back to the line: JoinStreet(street, number,
// numberFirst) == NormalizeText(line), but for one number marker ("nº",
// "Nr.") the split drops. (A comma between number and street is dropped by
// design.) The split is stable: the joined line splits the same way.
func FuzzSplitStreet(f *testing.F) {
	for _, s := range []string{
		"Gustav Adolfs torg 22", "Westerberg 25", "12 rue de la Paix", "221B Baker Street", "Hauptstr. 5a",
		"Straße des 17. Juni 5", "Example Street", "Main St 12-14", "10, Downing Street", "7bis avenue Foch",
		"Kungsgatan 3/1", "12 Avenue 5", "5 ,", "", " ", "25", "a 1-", "Dorfstraße 12ä", "1 \u0301",
		"12 bis rue de la Paix", "12 B rue de la Paix", "Calle Mayor nº 5", "Calle Mayor s/n", "Via Roma 12/A",
		"Kerkstraat 12 hs", "ul. Marszałkowska 12/3", "Storgatan 12 B, lgh 1102", "100 B Street", "nº 5",
	} {
		f.Add(s, uint8(0))
	}
	countries := []string{"", "FR", "BE", "IT", "ES", "NL", "DE", "PL", "SE", "GB", "US", "HU"}
	f.Fuzz(func(t *testing.T, in string, pick uint8) {
		country := countries[int(pick)%len(countries)]
		street, number, numberFirst, ok := validate.SplitStreetIn(in, country)
		if !ok {
			if number != "" || numberFirst || street != strings.TrimSpace(in) {
				t.Fatalf("SplitStreetIn(%q, %q) = %q, %q, %v, false; want the trimmed line whole", in, country, street, number, numberFirst)
			}
			return
		}
		if street == "" || number == "" {
			t.Fatalf("SplitStreetIn(%q, %q) = %q, %q, %v, true; want both parts", in, country, street, number, numberFirst)
		}
		normal := validate.NormalizeText(in)
		if in != normal || strings.Contains(in, ",") {
			return
		}
		joined := validate.JoinStreet(street, number, numberFirst)
		if joined != normal {
			// Only a marker before a trailing number may be gone.
			i := strings.LastIndexByte(street, ' ')
			marker := strings.TrimPrefix(normal, street+" ")
			marker = strings.TrimSuffix(marker, " "+number)
			if numberFirst || i == len(street) || strings.Contains(marker, " ") || street+" "+marker+" "+number != normal {
				t.Fatalf("SplitStreetIn(%q, %q) = %q, %q, %v; JoinStreet gives %q, want %q", in, country, street, number, numberFirst, joined, normal)
			}
		}
		if s2, n2, f2, ok2 := validate.SplitStreetIn(joined, country); !ok2 || s2 != street || n2 != number || f2 != numberFirst {
			t.Fatalf("SplitStreetIn(%q, %q) = %q, %q, %v; but SplitStreetIn(%q) = %q, %q, %v, %v", in, country, street, number, numberFirst, joined, s2, n2, f2, ok2)
		}
	})
}
