package model_test

import (
	"testing"

	"github.com/custnorm/custnorm/model"
)

// FuzzParseDate checks that ParseDate never panics and that an accepted date
// is valid and round-trips exactly: ParseDate(d.String()) == d, and
// d.String() is the input (YYYY-MM-DD has one spelling per date).
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{
		"1905-03-03", "2000-02-29", "0001-01-01", "9999-12-31", // valid
		"1900-02-29", "1905-02-30", "0000-01-01", "2021-13-01", // not a day
		"03.03.1905", "1905-3-3", "19490917", "1980-09-01T00:00:00Z", // other forms
		"", "-", "1905-+3-03", "1905--3-03", "１９０５-03-03", "\xff\xff\xff\xff-03-03",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := model.ParseDate(s)
		if err != nil {
			if d != (model.Date{}) {
				t.Fatalf("ParseDate(%q) = %v, %v; want the zero Date with an error", s, d, err)
			}
			return
		}
		if !d.IsValid() {
			t.Fatalf("ParseDate(%q) = %#v, not IsValid", s, d)
		}
		if got := d.String(); got != s {
			t.Fatalf("ParseDate(%q).String() = %q, want %q", s, got, s)
		}
		again, err := model.ParseDate(d.String())
		if err != nil || again != d {
			t.Fatalf("ParseDate(%q) = %v, %v; want %v, nil", d.String(), again, err, d)
		}
		var u model.Date
		if err := u.UnmarshalText([]byte(s)); err != nil || u != d {
			t.Fatalf("UnmarshalText(%q) = %v, %v; want %v, nil", s, u, err, d)
		}
	})
}
