package worldline_test

import (
	"encoding/json"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/custnorm/custnorm/convert/worldline"
	"github.com/custnorm/custnorm/internal/golden"
	"github.com/custnorm/custnorm/model"
	"github.com/custnorm/custnorm/validate"
)

func TestName(t *testing.T) {
	if got := (worldline.Converter{}).Name(); got != "worldline" {
		t.Errorf("Converter.Name() = %q, want %q", got, "worldline")
	}
	if got := (worldline.LookupConverter{}).Name(); got != "worldline-lookup" {
		t.Errorf("LookupConverter.Name() = %q, want %q", got, "worldline-lookup")
	}
}

func TestDecode(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		want   model.Customer
		issues []golden.Issue
	}{
		{
			name: "empty document",
			in:   `{}`,
		},
		{
			name: "all members as written",
			in: `{"fiscalNumber":" 811218-9876","city":"Stockholm ","street":"Gustav Adolfs torg 22","zip":"111 52",` +
				`"firstName":"Gustav","surname":"Adolfs","emailAddress":"G@Example.COM","phoneNumber":"08-123 456 78",` +
				`"languageCode":"sv","country":"se"}`,
			want: model.Customer{
				GivenName: "Gustav", FamilyName: "Adolfs", Email: "G@Example.COM", Phone: "08-123 456 78",
				Address:  model.Address{Street: "Gustav Adolfs torg 22", PostalCode: "111 52", City: "Stockholm ", Country: "se"},
				Language: "sv", NationalID: " 811218-9876",
			},
		},
		{
			name: "empty strings and null stay in the provider section",
			in:   `{"firstName":"Gustav","languageCode":"","city":"","country":null}`,
			want: model.Customer{
				GivenName: "Gustav",
				Provider:  map[string]json.RawMessage{"worldline": raw(`{"city":"","country":null,"languageCode":""}`)},
			},
		},
		{
			name: "unknown members are kept with a warning",
			in:   `{"surname":"Adolfs","title":"Kung","extra":{"a":[1,2]}}`,
			want: model.Customer{
				FamilyName: "Adolfs",
				Provider:   map[string]json.RawMessage{"worldline": raw(`{"extra":{"a":[1,2]},"title":"Kung"}`)},
			},
			issues: []golden.Issue{warn("/extra", validate.CodeUnknownField), warn("/title", validate.CodeUnknownField)},
		},
		{
			name: "wrong types are errors and kept",
			in:   `{"zip":11152,"phoneNumber":{"n":"1"},"firstName":"Gustav"}`,
			want: model.Customer{
				GivenName: "Gustav",
				Provider:  map[string]json.RawMessage{"worldline": raw(`{"phoneNumber":{"n":"1"},"zip":11152}`)},
			},
			issues: []golden.Issue{fail("/phoneNumber", validate.CodeWrongType), fail("/zip", validate.CodeWrongType)},
		},
		{
			name:   "SE fiscal number of 13 digits",
			in:     `{"fiscalNumber":"0123456789012","country":"SE"}`,
			want:   model.Customer{NationalID: "0123456789012", Address: model.Address{Country: "SE"}},
			issues: []golden.Issue{warn("/fiscalNumber", validate.CodeInvalidID)},
		},
		{
			name:   "SE fiscal number with the country as a name",
			in:     `{"fiscalNumber":"01234567890","country":"Sweden"}`,
			want:   model.Customer{NationalID: "01234567890", Address: model.Address{Country: "Sweden"}},
			issues: []golden.Issue{warn("/fiscalNumber", validate.CodeInvalidID)},
		},
		{
			name: "SE personnummer with separator",
			in:   `{"fiscalNumber":"811218-9876","country":"SE"}`,
			want: model.Customer{NationalID: "811218-9876", Address: model.Address{Country: "SE"}},
		},
		{
			name:   "SE personnummer with a wrong check digit",
			in:     `{"fiscalNumber":"121212-1213","country":"SE"}`,
			want:   model.Customer{NationalID: "121212-1213", Address: model.Address{Country: "SE"}},
			issues: []golden.Issue{fail("/fiscalNumber", validate.CodeInvalidID)},
		},
		{
			name: "fiscal number without country is not checked",
			in:   `{"fiscalNumber":"x"}`,
			want: model.Customer{NationalID: "x"},
		},
		{
			name: "fiscal number of a country without a documented rule",
			in:   `{"fiscalNumber":"x","country":"DE"}`,
			want: model.Customer{NationalID: "x", Address: model.Address{Country: "DE"}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			checkDecoded(t, worldline.Converter{}, tc.in, tc.want, tc.issues)
		})
	}
}

func TestDecodeUnreadable(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want golden.Issue
	}{
		{"not JSON", []byte(`{"city":`), fail("", validate.CodeInvalidJSON)},
		{"trailing data", []byte(`{} {}`), fail("", validate.CodeInvalidJSON)},
		{"array", []byte(`[{"city":"x"}]`), fail("", validate.CodeWrongType)},
		{"null", []byte(`null`), fail("", validate.CodeWrongType)},
		{"string", []byte(`"x"`), fail("", validate.CodeWrongType)},
		{"too large", []byte(`{"city":"` + strings.Repeat("a", 2<<20) + `"}`), fail("", validate.CodeTooLarge)},
		{"too deep", []byte(`{"x":` + strings.Repeat("[", 100) + strings.Repeat("]", 100) + `}`), fail("", validate.CodeTooDeep)},
	}
	for _, conv := range formats {
		for _, tc := range tests {
			t.Run(conv.Name()+"/"+tc.name, func(t *testing.T) {
				got, _, rep := conv.Decode(tc.in)
				if !got.IsZero() {
					t.Errorf("Decode(%s) = %+v, want a zero record", tc.name, got)
				}
				if diff := cmp.Diff([]golden.Issue{tc.want}, issuesOf(rep)); diff != "" {
					t.Errorf("Decode(%s) issues mismatch (-want +got):\n%s", tc.name, diff)
				}
			})
		}
	}
}

// TestDecodeOrigins checks the origins the pipeline relies on: the split of
// the street and a country defaulted from the region map back to members
// that may be absent.
func TestDecodeOrigins(t *testing.T) {
	in := `{"street":"Gustav Adolfs torg 22","languageCode":"","middleName":"x"}`
	_, origins, _ := worldline.Converter{}.Decode([]byte(in))
	for canon, want := range map[validate.Pointer]validate.Pointer{
		"/address/street":                  "/street",
		"/address/houseNumber":             "/street",
		"/address/houseNumberAddition":     "/street",
		"/address/country":                 "/country",
		"/language":                        "/languageCode",
		"/phone":                           "/phoneNumber",
		"/provider/worldline/languageCode": "/languageCode",
		"/provider/worldline/middleName":   "/middleName",
	} {
		if got := origins.Of(canon); got != want {
			t.Errorf("Decode(%s): origins.Of(%q) = %q, want %q", in, canon, got, want)
		}
	}
}

func TestEncode(t *testing.T) {
	tests := []struct {
		name    string
		in      model.Customer
		want    string
		issues  []golden.Issue
		changes []golden.Change
	}{
		{
			name: "empty record",
			want: `{}`,
		},
		{
			name: "SE street joined after the name",
			in: model.Customer{
				GivenName: "Gustav", FamilyName: "Adolfs", Email: "gustav.adolfs@example.com", Phone: "+46812345678",
				Language: "sv", NationalID: "198112189876",
				Address: model.Address{Street: "Gustav Adolfs torg", HouseNumber: "22", PostalCode: "111 52", City: "Stockholm", Country: "SE"},
			},
			want: `{"fiscalNumber":"198112189876","city":"Stockholm","street":"Gustav Adolfs torg 22","zip":"111 52",` +
				`"firstName":"Gustav","surname":"Adolfs","emailAddress":"gustav.adolfs@example.com","phoneNumber":"+46812345678",` +
				`"languageCode":"sv","country":"SE"}`,
			changes: []golden.Change{{Kind: validate.ChangeJoined, Path: "/address/houseNumber", Target: "/street", Rule: "street_join"}},
		},
		{
			name: "FR number first",
			in: model.Customer{
				Address: model.Address{Street: "rue de la Paix", HouseNumber: "12", PostalCode: "75002", City: "Paris", Country: "FR"},
			},
			want:    `{"city":"Paris","street":"12 rue de la Paix","zip":"75002","country":"FR"}`,
			changes: []golden.Change{{Kind: validate.ChangeJoined, Path: "/address/houseNumber", Target: "/street", Rule: "street_join"}},
		},
		{
			name: "house number addition",
			in:   model.Customer{Address: model.Address{Street: "Hauptstraße", HouseNumber: "5", HouseNumberAddition: "a", Country: "DE"}},
			want: `{"street":"Hauptstraße 5a","country":"DE"}`,
			changes: []golden.Change{
				{Kind: validate.ChangeJoined, Path: "/address/houseNumber", Target: "/street", Rule: "street_join"},
				{Kind: validate.ChangeJoined, Path: "/address/houseNumberAddition", Target: "/street", Rule: "street_join"},
			},
		},
		{
			name:    "house number without street",
			in:      model.Customer{Address: model.Address{HouseNumber: "7"}},
			want:    `{"street":"7"}`,
			changes: []golden.Change{{Kind: validate.ChangeJoined, Path: "/address/houseNumber", Target: "/street", Rule: "street_join"}},
		},
		{
			name: "city and zip over the Connect billingAddress limits",
			in: model.Customer{Address: model.Address{
				City: strings.Repeat("é", 41), PostalCode: "12345678901", Country: "BE",
			}},
			want: `{"city":"` + strings.Repeat("é", 41) + `","zip":"12345678901","country":"BE"}`,
			issues: []golden.Issue{
				withTarget(warn("/address/city", validate.CodeTooLong), "/city"),
				withTarget(warn("/address/postalCode", validate.CodeTooLong), "/zip"),
			},
		},
		{
			name: "at the limits",
			in:   model.Customer{Address: model.Address{City: strings.Repeat("é", 40), PostalCode: "1234567890"}},
			want: `{"city":"` + strings.Repeat("é", 40) + `","zip":"1234567890"}`,
		},
		{
			name:   "fiscal number not of its country's shape",
			in:     model.Customer{NationalID: "123456789", Address: model.Address{Country: "AR"}},
			want:   `{"fiscalNumber":"123456789","country":"AR"}`,
			issues: []golden.Issue{withTarget(warn("/nationalId", validate.CodeInvalidID), "/fiscalNumber")},
		},
		{
			// Left to the Validator, which checks every converted record.
			name: "fiscal number failing its country's checksum scheme",
			in:   model.Customer{NationalID: "121212-1213", Address: model.Address{Country: "SE"}},
			want: `{"fiscalNumber":"121212-1213","country":"SE"}`,
		},
		{
			name: "values without a member are dropped",
			in: model.Customer{
				Kind: model.KindPerson, Salutation: "Herr", GivenName: "Jan", Mobile: "+4915123456789",
				BirthDate: model.Date{Year: 1980, Month: 9, Day: 1}, TaxID: "12345678L",
				Refs:     model.References{Riverty: "cust1234"},
				Provider: map[string]json.RawMessage{"stancer": raw(`{"live_mode":false}`)},
			},
			want:    `{"firstName":"Jan"}`,
			changes: golden.Dropped("not_in_target", "/birthDate", "/kind", "/mobile", "/provider/stancer/live_mode", "/refs/riverty", "/salutation", "/taxId"),
		},
		{
			name: "provider section written back, canonical values first",
			in: model.Customer{
				GivenName: "Gustav",
				Provider:  map[string]json.RawMessage{"worldline": raw(`{"languageCode":"","firstName":"Old","x":1}`)},
			},
			want: `{"firstName":"Gustav","languageCode":"","x":1}`,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, rep := worldline.Converter{}.Encode(tc.in)
			checkEncoded(t, tc.in, got, rep, tc.want, tc.issues, tc.changes)
		})
	}
}

// TestEncodeStreetOrder checks the member order of the output: the order of
// the customerDetails page's response example, country last.
func TestEncodeStreetOrder(t *testing.T) {
	c := model.Customer{
		GivenName: "Gustav", NationalID: "1", Language: "sv", Address: model.Address{Street: "S", City: "C", Country: "SE"},
	}
	got, _ := worldline.Converter{}.Encode(c)
	want := `{"fiscalNumber":"1","city":"C","street":"S","firstName":"Gustav","languageCode":"sv","country":"SE"}`
	if string(got) != want {
		t.Errorf("Encode(%+v) = %s, want %s", c, got, want)
	}
}

// TestRoundTripCanonical checks canonical → worldline → canonical: the
// record comes back minus what Encode reported as dropped, with the house
// number joined into the street line (Decode reads it as written), which
// validate.SplitStreet takes apart again.
func TestRoundTripCanonical(t *testing.T) {
	records := []struct {
		name string
		in   model.Customer
	}{
		{"empty", model.Customer{}},
		{"SE full", model.Customer{
			GivenName: "Gustav", FamilyName: "Adolfs", Email: "gustav.adolfs@example.com", Phone: "+46812345678",
			Language: "sv", NationalID: "198112189876",
			Address: model.Address{Street: "Gustav Adolfs torg", HouseNumber: "22", PostalCode: "111 52", City: "Stockholm", Country: "SE"},
		}},
		{"FR number first", model.Customer{
			GivenName: "Marie", FamilyName: "Durand",
			Address: model.Address{Street: "rue de la Paix", HouseNumber: "12", PostalCode: "75002", City: "Paris", Country: "FR"},
		}},
		{"DE addition", model.Customer{
			GivenName: "Theresa", FamilyName: "Schröder",
			Address: model.Address{Street: "Westerberg", HouseNumber: "25", HouseNumberAddition: "b", City: "Sittensen", Country: "DE"},
		}},
		{"much the format cannot hold", model.Customer{
			Kind: model.KindCompany, CompanyName: "Acme Labs", FullName: "Wile E. Coyote", Title: "Dr.",
			Mobile: "+4915123456789", Fax: "+4930123456", Website: "https://example.com",
			BirthDate: model.Date{Year: 1949, Month: 9, Day: 17}, Nationality: "US",
			Address:  model.Address{Street: "Desertroad", Extra: "b", CareOf: "c/o Road Runner", Region: "Utah", Country: "US"},
			Refs:     model.References{Stancer: "cust_nwSpP6LKE828Inhiu1CXyp7l", Merchant: "1234"},
			Provider: map[string]json.RawMessage{"worldline": raw(`{"x":"kept"}`), "riverty": raw(`{"currency":"EUR"}`)},
		}},
	}
	for _, tc := range records {
		t.Run(tc.name, func(t *testing.T) {
			doc, rep := worldline.Converter{}.Encode(tc.in)
			got, _, decRep := worldline.Converter{}.Decode(doc)
			if decRep.Issues.HasError() {
				t.Fatalf("Decode(Encode(%+v)) issues: %v", tc.in, issuesOf(decRep))
			}
			want := golden.CustomerWithoutDropped(t, tc.in, rep.Changes)
			a := want.Address
			want.Address.Street = validate.JoinStreet(a.Street, a.HouseNumber+a.HouseNumberAddition,
				validate.NumberFirstCountry(string(a.Country)))
			want.Address.HouseNumber, want.Address.HouseNumberAddition = "", ""
			if diff := cmp.Diff(want, got, jsonEqual); diff != "" {
				t.Errorf("Decode(Encode(%+v)) mismatch (-want +got):\n%s", tc.in, diff)
			}
			if a.HouseNumber != "" {
				street, number, _, ok := validate.SplitStreet(got.Address.Street)
				if !ok || street != a.Street || number != a.HouseNumber+a.HouseNumberAddition {
					t.Errorf("SplitStreet(%q) = %q, %q, %v; want %q, %q", got.Address.Street, street, number, ok,
						a.Street, a.HouseNumber+a.HouseNumberAddition)
				}
			}
		})
	}
}

// TestCorpus runs the shared corpus of both formats (internal/golden.RunCorpus).
func TestCorpus(t *testing.T) {
	for _, conv := range formats {
		golden.RunCorpus(t, conv, filepath.Join("..", "..", "testdata", conv.Name()))
	}
}

// formats are the package's formats, for tests that run over both.
var formats = []golden.Converter{worldline.Converter{}, worldline.LookupConverter{}}

// issuesOf returns the issues of r, normalized (sorted, without duplicates).
func issuesOf(r validate.Report) []golden.Issue {
	r.Normalize()
	return golden.Issues(r.Issues)
}

// changesOf returns the changes of r, sorted.
func changesOf(r validate.Report) []golden.Change {
	return golden.SortChanges(golden.Changes(r.Changes))
}

func warn(p validate.Pointer, code validate.Code) golden.Issue {
	return golden.Issue{Path: p, Code: code, Severity: validate.SeverityWarning}
}

func fail(p validate.Pointer, code validate.Code) golden.Issue {
	return golden.Issue{Path: p, Code: code, Severity: validate.SeverityError}
}

func withTarget(i golden.Issue, t validate.Pointer) golden.Issue {
	i.Target = t
	return i
}

// jsonEqual compares provider sections (and documents) as JSON values.
var jsonEqual = cmp.Comparer(func(a, b json.RawMessage) bool {
	var va, vb any
	errA, errB := json.Unmarshal(a, &va), json.Unmarshal(b, &vb)
	if errA != nil || errB != nil {
		return string(a) == string(b)
	}
	return reflect.DeepEqual(va, vb)
})

// sameJSON reports whether a and b hold the same JSON value.
func sameJSON(t testing.TB, a, b []byte) bool {
	t.Helper()
	return reflect.DeepEqual(golden.Value(t, a), golden.Value(t, b))
}

// checkEncoded checks what Encode(in) gave, the document got and the
// report rep, against the document want and the issues and changes (nil:
// none).
func checkEncoded(t *testing.T, in model.Customer, got []byte, rep validate.Report, want string, issues []golden.Issue, changes []golden.Change) {
	t.Helper()
	if !sameJSON(t, got, []byte(want)) {
		t.Errorf("Encode(%+v) = %s, want %s", in, got, want)
	}
	if issues == nil {
		issues = []golden.Issue{}
	}
	if diff := cmp.Diff(issues, issuesOf(rep)); diff != "" {
		t.Errorf("Encode(%+v) issues mismatch (-want +got):\n%s", in, diff)
	}
	if changes == nil {
		changes = []golden.Change{}
	}
	if diff := cmp.Diff(changes, changesOf(rep)); diff != "" {
		t.Errorf("Encode(%+v) changes mismatch (-want +got):\n%s", in, diff)
	}
}

// checkDecoded decodes in with conv and checks the record against want and
// the issues against issues (nil: none).
func checkDecoded(t *testing.T, conv golden.Converter, in string, want model.Customer, issues []golden.Issue) {
	t.Helper()
	got, _, rep := conv.Decode([]byte(in))
	if diff := cmp.Diff(want, got, jsonEqual); diff != "" {
		t.Errorf("Decode(%s) mismatch (-want +got):\n%s", in, diff)
	}
	if issues == nil {
		issues = []golden.Issue{}
	}
	if diff := cmp.Diff(issues, issuesOf(rep)); diff != "" {
		t.Errorf("Decode(%s) issues mismatch (-want +got):\n%s", in, diff)
	}
}

// raw makes a provider section.
func raw(s string) json.RawMessage { return json.RawMessage(s) }
