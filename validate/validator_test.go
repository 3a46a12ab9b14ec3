package validate_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/nyaruka/phonenumbers"

	"github.com/custnorm/custnorm/model"
	"github.com/custnorm/custnorm/validate"
)

func fixedClock() time.Time { return time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC) }

type pathCode struct {
	Path     validate.Pointer
	Code     validate.Code
	Severity validate.Severity
}

func pathCodes(issues validate.Issues) []pathCode {
	var out []pathCode
	for _, i := range issues {
		out = append(out, pathCode{i.Path, i.Code, i.Severity})
	}
	return out
}

type kindPath struct {
	Kind validate.ChangeKind
	Path validate.Pointer
	Rule string
}

func kindPaths(changes []validate.Change) []kindPath {
	var out []kindPath
	for _, c := range changes {
		out = append(out, kindPath{c.Kind, c.Path, c.Rule})
	}
	return out
}

func TestValidatorCustomer(t *testing.T) {
	tests := []struct {
		name        string
		v           validate.Validator
		in          model.Customer
		want        model.Customer
		wantIssues  []pathCode
		wantChanges []kindPath
	}{
		{
			name: "typical record is normalized and reported",
			in: model.Customer{
				GivenName:  "  Jo\u0301se ",
				FamilyName: "Doe",
				Email:      "Jose@Example.COM",
				Mobile:     "+49 177 5555555",
				Phone:      "030 12345678",
				BirthDate:  model.MustParseDate("1980-09-01"),
				Address:    model.Address{Street: "Hauptstr. 5a", PostalCode: "10115", City: "Berlin", Country: "Deutschland"},
				Language:   "DE",
			},
			want: model.Customer{
				GivenName:  "J\u00f3se",
				FamilyName: "Doe",
				Email:      "Jose@example.com",
				Mobile:     "+491775555555",
				Phone:      "+493012345678",
				BirthDate:  model.MustParseDate("1980-09-01"),
				Address:    model.Address{Street: "Hauptstr.", HouseNumber: "5a", PostalCode: "10115", City: "Berlin", Country: "DE"},
				Language:   "de",
			},
			wantChanges: []kindPath{
				{validate.ChangeNormalized, "/givenName", "text"},
				{validate.ChangeNormalized, "/email", "email_domain"},
				{validate.ChangeNormalized, "/address/country", "country_code"},
				{validate.ChangeSplit, "/address/street", "street_house_number"},
				{validate.ChangeNormalized, "/phone", "phone_e164"},
				{validate.ChangeNormalized, "/mobile", "phone_e164"},
				{validate.ChangeNormalized, "/language", "language_tag"},
			},
		},
		{
			name: "country defaulted from the region for an address without one",
			v:    validate.Validator{Region: "SE"},
			in:   model.Customer{Address: model.Address{Street: "Drottninggatan", HouseNumber: "1", PostalCode: "111 52", City: "Stockholm"}, Phone: "0123456789"},
			want: model.Customer{Address: model.Address{Street: "Drottninggatan", HouseNumber: "1", PostalCode: "111 52", City: "Stockholm", Country: "SE"}, Phone: "+46123456789"},
			wantChanges: []kindPath{
				{validate.ChangeDefaulted, "/address/country", "default_region"},
				{validate.ChangeNormalized, "/phone", "phone_e164"},
			},
		},
		{
			name: "format characters removed from phones are reported",
			in: model.Customer{
				Phone:  "+493012345678\u200b",
				Mobile: "\u202e+49 177 5555555",
				Fax:    "\ufeff+37258774XXX",
			},
			want: model.Customer{Phone: "+493012345678", Mobile: "+491775555555", Fax: "\ufeff+37258774XXX"},
			wantIssues: []pathCode{
				{"/fax", validate.CodeInvalidPhone, validate.SeverityError},
			},
			wantChanges: []kindPath{
				{validate.ChangeNormalized, "/phone", "phone_format_characters"},
				{validate.ChangeNormalized, "/mobile", "phone_format_characters"},
				{validate.ChangeNormalized, "/mobile", "phone_e164"},
			},
		},
		{
			name: "bad values are kept and reported",
			in: model.Customer{
				GivenName: "Jo\u202ehn",
				Email:     "john.example.com",
				Mobile:    "+37258774XXX",
				BirthDate: model.MustParseDate("2999-01-01"),
				Address:   model.Address{PostalCode: "6032", Country: "DE"},
				Language:  "not a tag",
			},
			want: model.Customer{
				GivenName: "Jo\u202ehn",
				Email:     "john.example.com",
				Mobile:    "+37258774XXX",
				BirthDate: model.MustParseDate("2999-01-01"),
				Address:   model.Address{PostalCode: "6032", Country: "DE"},
				Language:  "not a tag",
			},
			wantIssues: []pathCode{
				{"/givenName", validate.CodeForbiddenCharacters, validate.SeverityError},
				{"/email", validate.CodeInvalidEmail, validate.SeverityError},
				{"/mobile", validate.CodeInvalidPhone, validate.SeverityError},
				{"/language", validate.CodeInvalidLanguage, validate.SeverityError},
				{"/birthDate", validate.CodeDateInFuture, validate.SeverityError},
				{"/address/postalCode", validate.CodeInvalidPostalCode, validate.SeverityError},
			},
		},
		{
			name:       "unknown country stops the postal-code check",
			in:         model.Customer{Address: model.Address{PostalCode: "12345", Country: "Atlantis"}},
			want:       model.Customer{Address: model.Address{PostalCode: "12345", Country: "Atlantis"}},
			wantIssues: []pathCode{{"/address/country", validate.CodeInvalidCountry, validate.SeverityError}},
		},
		{
			name:        "a nationality adjective is its country",
			in:          model.Customer{Nationality: "german"},
			want:        model.Customer{Nationality: "DE"},
			wantChanges: []kindPath{{validate.ChangeNormalized, "/nationality", "demonym"}},
		},
		{
			name:        "a nationality name is its country",
			in:          model.Customer{Nationality: "Oesterreich"},
			want:        model.Customer{Nationality: "AT"},
			wantChanges: []kindPath{{validate.ChangeNormalized, "/nationality", "country_code"}},
		},
		{
			name:       "an adjective is not an address country",
			in:         model.Customer{Address: model.Address{City: "Berlin", Country: "german"}},
			want:       model.Customer{Address: model.Address{City: "Berlin", Country: "german"}},
			wantIssues: []pathCode{{"/address/country", validate.CodeInvalidCountry, validate.SeverityError}},
		},
		{
			name:       "an unknown or shared nationality is an error in the canonical record",
			in:         model.Customer{Nationality: "Congolese", Address: model.Address{Country: "Kongo"}},
			want:       model.Customer{Nationality: "Congolese", Address: model.Address{Country: "Kongo"}},
			wantIssues: []pathCode{{"/address/country", validate.CodeInvalidCountry, validate.SeverityError}, {"/nationality", validate.CodeInvalidCountry, validate.SeverityError}},
		},
		{
			name:       "very old birth date is a warning",
			in:         model.Customer{BirthDate: model.MustParseDate("1890-01-01")},
			want:       model.Customer{BirthDate: model.MustParseDate("1890-01-01")},
			wantIssues: []pathCode{{"/birthDate", validate.CodeImplausibleBirthDate, validate.SeverityWarning}},
		},
		{
			name:       "a street whose number cannot be told apart is kept whole",
			in:         model.Customer{Address: model.Address{Street: "Straße des 17. Juni 5"}},
			want:       model.Customer{Address: model.Address{Street: "Straße des 17. Juni 5"}},
			wantIssues: []pathCode{{"/address/street", validate.CodeNotSplit, validate.SeverityWarning}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			v := tc.v
			v.Now = fixedClock
			got, rep := v.Customer(tc.in)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Customer() record mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.wantIssues, pathCodes(rep.Issues)); diff != "" {
				t.Errorf("Customer() issues mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.wantChanges, kindPaths(rep.Changes)); diff != "" {
				t.Errorf("Customer() changes mismatch (-want +got):\n%s", diff)
			}
			again, rep2 := v.Normalize(got)
			if diff := cmp.Diff(got, again); diff != "" {
				t.Errorf("Normalize is not idempotent (-first +second):\n%s", diff)
			}
			if len(rep2.Changes) != 0 {
				t.Errorf("second Normalize reported changes %v, want none", rep2.Changes)
			}
		})
	}
}

// FuzzNormalize checks that normalizing a record is idempotent and never
// panics, whatever its text fields hold.
func FuzzNormalize(f *testing.F) {
	for _, seed := range [][5]string{
		{"John", "+49 177 5555555", "Germany", "Hauptstr. 5a", "john@EXAMPLE.com"}, // everything to normalize
		{"Jo\u202ehn", "+37258774XXX", "Atlantis", "12 rue de la Paix", "x"},       // everything wrong
		{"", "", "", "", ""}, // empty record
		{"  a  b ", "0049-123-456789", "de", "Straße des 17. Juni 5", "a@b.cd"}, // white space, ambiguous street
	} {
		f.Add(seed[0], seed[1], seed[2], seed[3], seed[4])
	}
	v := validate.Validator{Now: fixedClock, Region: "DE"}
	f.Fuzz(func(t *testing.T, name, phone, country, street, email string) {
		in := model.Customer{GivenName: name, Phone: model.Phone(phone), Email: email,
			Address: model.Address{Street: street, Country: model.Country(country), City: "X"}}
		once, _ := v.Normalize(in)
		twice, rep := v.Normalize(once)
		if diff := cmp.Diff(once, twice); diff != "" {
			t.Errorf("Normalize not idempotent (-once +twice):\n%s", diff)
		}
		if len(rep.Changes) != 0 {
			t.Errorf("second Normalize changed %v", rep.Changes)
		}
	})
}

// typicalRecord is the record of the performance target: name, email, two
// phones, birth date and address.
var typicalRecord = model.Customer{
	GivenName:  "Max",
	FamilyName: "Mustermann",
	Email:      "mmustermann@example.net",
	Phone:      "+49 30 12345678",
	Mobile:     "+49 177 5555555",
	BirthDate:  model.MustParseDate("1980-09-01"),
	Address:    model.Address{Street: "Max-Muster-Str.", HouseNumber: "25a", PostalCode: "09555", City: "Musterstadt", Country: "DE"},
}

// BenchmarkCustomer normalizes and validates one typical record. The target:
// at most 1.5 × BenchmarkBarePhonenumbers, the phonenumbers calls
// the same record needs.
func BenchmarkCustomer(b *testing.B) {
	v := validate.Validator{Now: fixedClock}
	b.ReportAllocs()
	for b.Loop() {
		_, rep := v.Customer(typicalRecord)
		if rep.Issues.HasError() {
			b.Fatal(rep.Issues)
		}
	}
}

// BenchmarkBarePhonenumbers is the baseline: for each of the record's two
// phones, Parse, IsValidNumber, GetNumberType and Format(E164).
func BenchmarkBarePhonenumbers(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range []string{string(typicalRecord.Phone), string(typicalRecord.Mobile)} {
			num, err := phonenumbers.Parse(s, "DE")
			if err != nil {
				b.Fatal(err)
			}
			if !phonenumbers.IsValidNumber(num) {
				b.Fatal("invalid")
			}
			_ = phonenumbers.GetNumberType(num)
			_ = phonenumbers.Format(num, phonenumbers.E164)
		}
	}
}

// TestValidatorRules: a caller's rule runs in Check after the built-in
// checks; an issue without severity is an error, one without params gets
// empty ones, and Fill keeps the message of a code it does not know.
func TestValidatorRules(t *testing.T) {
	v := validate.Validator{Rules: []validate.Rule{
		func(c model.Customer) validate.Issues {
			if c.CompanyName == "" {
				return nil
			}
			return validate.Issues{
				{Path: "/taxId", Code: "needs_tax_id", Message: "a company needs its tax id"},
				{Path: "/companyName", Code: "odd_name", Severity: validate.SeverityWarning},
			}
		},
	}}
	rep := v.Check(model.Customer{CompanyName: "Example GmbH"})
	validate.NewLocalizer("de").Fill(rep.Issues)
	want := validate.Issues{
		{Path: "/taxId", Code: "needs_tax_id", Severity: validate.SeverityError, Message: "a company needs its tax id", Params: validate.Params{}},
		{Path: "/companyName", Code: "odd_name", Severity: validate.SeverityWarning, Message: "odd_name", Params: validate.Params{}},
	}
	if diff := cmp.Diff(want, rep.Issues, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("Check with a rule (-want +got):\n%s", diff)
	}
	if rep := v.Check(model.Customer{}); len(rep.Issues) != 0 {
		t.Errorf("a record the rule accepts: %v", rep.Issues)
	}
}
