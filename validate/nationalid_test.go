package validate_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/custnorm/custnorm/model"
	"github.com/custnorm/custnorm/validate"
)

// idGroup is one group of testdata/nationalids.json.
type idGroup struct {
	Country    string            `json:"country"`
	Scheme     validate.IDScheme `json:"scheme"`
	Source     string            `json:"source"`
	Valid      []string          `json:"valid"`
	Invalid    []string          `json:"invalid"`
	Shape      []string          `json:"shape"`
	BirthDates map[string]string `json:"birthDates"`
	Year2      []string          `json:"year2"`
}

func loadIDGroups(t *testing.T, file string, v any) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", file))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
}

// TestCheckNationalIDData runs the numbers of testdata/nationalids.json:
// each group's valid, invalid (error) and wrong-shape (warning) numbers, and
// the birth dates the valid ones encode.
func TestCheckNationalIDData(t *testing.T) {
	var data struct {
		Groups []idGroup `json:"groups"`
	}
	loadIDGroups(t, "nationalids.json", &data)
	covered := map[string]bool{}
	for _, g := range data.Groups {
		covered[g.Country] = true
	}
	for _, c := range validate.NationalIDCountries() {
		if !covered[c] {
			t.Errorf("no test data for %s", c)
		}
		if validate.CheckNationalID("", c).Scheme == "" {
			t.Errorf("NationalIDCountries lists %s, which has no scheme", c)
		}
	}
	for _, g := range data.Groups {
		t.Run(string(g.Scheme), func(t *testing.T) {
			if g.Source == "" {
				t.Error("group without a source")
			}
			for _, id := range g.Valid {
				res := validate.CheckNationalID(id, g.Country)
				if !res.OK || res.Scheme != g.Scheme || len(res.Issues) != 0 {
					t.Errorf("CheckNationalID(%q, %q) = %+v, want OK with scheme %s", id, g.Country, res, g.Scheme)
				}
			}
			for _, id := range g.Invalid {
				checkIDIssue(t, id, g.Country, g.Scheme, validate.SeverityError)
			}
			for _, id := range g.Shape {
				res := validate.CheckNationalID(id, g.Country)
				want := validate.CheckNationalID("", g.Country).Scheme // the country's first scheme
				checkIDIssue(t, id, g.Country, want, validate.SeverityWarning)
				if res.Scheme != want {
					t.Errorf("CheckNationalID(%q, %q).Scheme = %s, want the first scheme %s", id, g.Country, res.Scheme, want)
				}
			}
			for id, date := range g.BirthDates {
				res := validate.CheckNationalID(id, g.Country)
				d := model.MustParseDate(date)
				if match, known := res.MatchesBirthDate(d); !res.OK || !match || !known {
					t.Errorf("CheckNationalID(%q, %q).MatchesBirthDate(%s) = %v, %v (OK %v), want true, true", id, g.Country, d, match, known, res.OK)
				}
				other := d
				other.Day = d.Day%28 + 1
				if match, _ := res.MatchesBirthDate(other); match {
					t.Errorf("CheckNationalID(%q, %q).MatchesBirthDate(%s) = true, want false", id, g.Country, other)
				}
				wantFull := d
				if slices.Contains(g.Year2, id) {
					wantFull = model.Date{}
					if match, _ := res.MatchesBirthDate(model.Date{Year: d.Year + 100, Month: d.Month, Day: d.Day}); !match {
						t.Errorf("CheckNationalID(%q, %q): a two-digit year must match in any century", id, g.Country)
					}
				}
				if res.BirthDate != wantFull {
					t.Errorf("CheckNationalID(%q, %q).BirthDate = %v, want %v", id, g.Country, res.BirthDate, wantFull)
				}
			}
		})
	}
}

// checkIDIssue checks that id is rejected with one invalid_id issue of the
// severity, with the scheme and a format in its params.
func checkIDIssue(t *testing.T, id, country string, scheme validate.IDScheme, sev validate.Severity) {
	t.Helper()
	res := validate.CheckNationalID(id, country)
	if res.OK || len(res.Issues) != 1 {
		t.Errorf("CheckNationalID(%q, %q) = %+v, want one invalid_id %s", id, country, res, sev)
		return
	}
	iss := res.Issues[0]
	if iss.Code != validate.CodeInvalidID || iss.Severity != sev || iss.Path != "" ||
		iss.Params["scheme"] != string(scheme) || iss.Params["format"] == "" || res.Scheme != scheme {
		t.Errorf("CheckNationalID(%q, %q) issue = %+v (scheme %s), want invalid_id %s with scheme %s", id, country, iss, res.Scheme, sev, scheme)
	}
}

func TestCheckNationalIDCountries(t *testing.T) {
	const seValid, dkValid, esDNI = "121212-1212", "010203-1234", "12345678Z"
	tests := []struct {
		name       string
		id         string
		countries  []string
		wantScheme validate.IDScheme
		wantOK     bool
		wantSev    validate.Severity // "" when no issue
	}{
		{name: "nationality first", id: seValid, countries: []string{"SE", "DE"}, wantScheme: validate.SchemeSEPersonnummer, wantOK: true},
		{name: "address country when the nationality has no scheme", id: seValid, countries: []string{"DE", "SE"}, wantScheme: validate.SchemeSEPersonnummer, wantOK: true},
		{name: "valid under the second country", id: esDNI, countries: []string{"SE", "ES"}, wantScheme: validate.SchemeESDNI, wantOK: true},
		{name: "shape of both, valid under the second", id: "7012311234", countries: []string{"DK", "SE"}, wantScheme: validate.SchemeSEPersonnummer, wantOK: true},
		{name: "shape of both, valid under the first", id: dkValid, countries: []string{"DK", "SE"}, wantScheme: validate.SchemeDKCPR, wantOK: true},
		{name: "failing both: the first scheme of its shape", id: "9999121212", countries: []string{"DE", "SE", "DK"}, wantScheme: validate.SchemeSEPersonnummer, wantSev: validate.SeverityError},
		{name: "shape of the second only, failing", id: "12345678L", countries: []string{"SE", "ES"}, wantScheme: validate.SchemeESDNI, wantSev: validate.SeverityError},
		{name: "no shape: the first scheme", id: "P1234567", countries: []string{"NO", "SE"}, wantScheme: validate.SchemeNOFodselsnummer, wantSev: validate.SeverityWarning},
		{name: "no country with a scheme", id: "anything", countries: []string{"DE", "US", ""}},
		{name: "no country", id: seValid},
		{name: "unknown and lower-case codes are not schemes", id: seValid, countries: []string{"se", "Sweden"}},
		{name: "repeated country", id: "x", countries: []string{"FI", "FI"}, wantScheme: validate.SchemeFIHETU, wantSev: validate.SeverityWarning},
		{name: "29 February of a year 00 with +: 1900 was no leap year", id: "000229+1235", countries: []string{"SE"}, wantScheme: validate.SchemeSEPersonnummer, wantSev: validate.SeverityError},
		{name: "29 February of a year 00 with -: 2000", id: "000229-1235", countries: []string{"SE"}, wantScheme: validate.SchemeSEPersonnummer, wantOK: true},
		{name: "surrounding white space", id: " 121212-1212\t", countries: []string{"SE"}, wantScheme: validate.SchemeSEPersonnummer, wantOK: true},
		{name: "too long", id: seValid + string(make([]byte, 64)), countries: []string{"SE"}, wantScheme: validate.SchemeSEPersonnummer, wantSev: validate.SeverityWarning},
		{name: "empty", id: "", countries: []string{"SE"}, wantScheme: validate.SchemeSEPersonnummer, wantSev: validate.SeverityWarning},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := validate.CheckNationalID(tc.id, tc.countries...)
			if res.OK != tc.wantOK || res.Scheme != tc.wantScheme {
				t.Errorf("CheckNationalID(%q, %q) = %+v, want OK %v, scheme %q", tc.id, tc.countries, res, tc.wantOK, tc.wantScheme)
			}
			if res.Issues == nil {
				t.Errorf("CheckNationalID(%q, %q).Issues is nil", tc.id, tc.countries)
			}
			switch {
			case tc.wantSev == "" && len(res.Issues) != 0:
				t.Errorf("CheckNationalID(%q, %q) issues = %v, want none", tc.id, tc.countries, res.Issues)
			case tc.wantSev != "" && (len(res.Issues) != 1 || res.Issues[0].Severity != tc.wantSev || res.Issues[0].Params["scheme"] != string(tc.wantScheme)):
				t.Errorf("CheckNationalID(%q, %q) issues = %v, want one invalid_id %s", tc.id, tc.countries, res.Issues, tc.wantSev)
			}
		})
	}
}

// TestCheckNationalIDNoValueInText checks that no issue text, in any
// language, contains the rejected number.
func TestCheckNationalIDNoValueInText(t *testing.T) {
	const id = "121212-1213"
	res := validate.CheckNationalID(id, "SE")
	for _, lang := range []string{"en", "de", "fr"} {
		loc := validate.NewLocalizer(lang)
		for _, iss := range res.Issues {
			for _, text := range []string{loc.Text(iss), iss.Error()} {
				if text == "" || strings.Contains(text, id) || strings.Contains(text, "1213") {
					t.Errorf("%s message %q is empty or contains the id", lang, text)
				}
			}
		}
	}
}

// TestValidatorNationalID checks the Validator's use of CheckNationalID
// and CheckVATID: which country's scheme applies, the birth-date
// comparison, and the paths and params of the issues.
func TestValidatorNationalID(t *testing.T) {
	now := func() time.Time { return time.Date(2025, time.June, 15, 0, 0, 0, 0, time.UTC) }
	v := &validate.Validator{Now: now, MaxAge: 200}
	date := model.MustParseDate
	type want struct {
		path     validate.Pointer
		code     validate.Code
		severity validate.Severity
		scheme   string
	}
	tests := []struct {
		name string
		in   model.Customer
		want []want
	}{
		{
			name: "valid personnummer by the address country, birth date agrees",
			in:   model.Customer{NationalID: "121212-1212", BirthDate: date("2012-12-12"), Address: model.Address{Country: "SE"}},
		},
		{
			name: "valid personnummer, another birth date",
			in:   model.Customer{NationalID: "121212-1212", BirthDate: date("2012-12-13"), Address: model.Address{Country: "SE"}},
			want: []want{{"/nationalId", validate.CodeBirthDateMismatch, validate.SeverityWarning, "se_personnummer"}},
		},
		{
			name: "a 10-digit number compares the last two digits of the year",
			in:   model.Customer{NationalID: "121212-1212", BirthDate: date("1912-12-12"), Address: model.Address{Country: "SE"}},
		},
		{
			name: "12 digits compare the full year",
			in:   model.Customer{NationalID: "20121212-1212", BirthDate: date("1912-12-12"), Address: model.Address{Country: "SE"}},
			want: []want{{"/nationalId", validate.CodeBirthDateMismatch, validate.SeverityWarning, "se_personnummer"}},
		},
		{
			name: "checksum failure is an error with the scheme",
			in:   model.Customer{NationalID: "121212-1213", Address: model.Address{Country: "SE"}},
			want: []want{{"/nationalId", validate.CodeInvalidID, validate.SeverityError, "se_personnummer"}},
		},
		{
			name: "nationality before the address country",
			in:   model.Customer{NationalID: "010203-1234", Nationality: "DK", Address: model.Address{Country: "DE"}},
		},
		{
			name: "the scheme of the nationality for the mismatch",
			in:   model.Customer{NationalID: "010203-1234", BirthDate: date("1903-02-02"), Nationality: "DK", Address: model.Address{Country: "SE"}},
			want: []want{{"/nationalId", validate.CodeBirthDateMismatch, validate.SeverityWarning, "dk_cpr"}},
		},
		{
			name: "wrong shape is a warning",
			in:   model.Customer{NationalID: "0123456789012", Address: model.Address{Country: "SE"}},
			want: []want{{"/nationalId", validate.CodeInvalidID, validate.SeverityWarning, "se_personnummer"}},
		},
		{
			name: "no country with a scheme: not checked",
			in:   model.Customer{NationalID: "0123456789012", Nationality: "DE", Address: model.Address{Country: "US"}},
		},
		{
			name: "scheme without birth date: no comparison",
			in:   model.Customer{NationalID: "111222333", BirthDate: date("1990-01-01"), Address: model.Address{Country: "NL"}},
		},
		{
			name: "no birth date in the record: no comparison",
			in:   model.Customer{NationalID: "RSSMRA45C12F205C", Address: model.Address{Country: "IT"}},
		},
		{
			name: "codice fiscale with another birth date",
			in:   model.Customer{NationalID: "RSSMRA45C12F205C", BirthDate: date("1945-03-13"), Nationality: "IT"},
			want: []want{{"/nationalId", validate.CodeBirthDateMismatch, validate.SeverityWarning, "it_codice_fiscale"}},
		},
		{
			name: "VAT number with a prefix",
			in:   model.Customer{TaxID: "DE136695976"},
		},
		{
			name: "VAT number with a bad check digit",
			in:   model.Customer{TaxID: "DE136695978", Address: model.Address{Country: "DE"}},
			want: []want{{"/taxId", validate.CodeInvalidID, validate.SeverityError, "de_vat"}},
		},
		{
			name: "tax id without a prefix is not checked",
			in:   model.Customer{TaxID: "12345678L", Address: model.Address{Country: "ES"}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rep := v.Check(tc.in)
			var got []want
			for _, i := range rep.Issues {
				s, _ := i.Params["scheme"].(string)
				got = append(got, want{i.Path, i.Code, i.Severity, s})
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("Check(%+v) issues = %v, want %v", tc.in, got, tc.want)
			}
		})
	}
}
