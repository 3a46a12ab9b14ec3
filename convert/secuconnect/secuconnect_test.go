package secuconnect_test

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/custnorm/custnorm/convert/secuconnect"
	"github.com/custnorm/custnorm/internal/golden"
	"github.com/custnorm/custnorm/model"
	"github.com/custnorm/custnorm/validate"
)

var corpus = filepath.Join("..", "..", "testdata", secuconnect.Name)

// TestCorpus runs the shared corpus of the format (internal/golden.RunCorpus),
// lists and DELETE arrays record by record.
func TestCorpus(t *testing.T) {
	golden.RunCorpus(t, secuconnect.Converter{}, corpus)
}

func TestDecode(t *testing.T) {
	warn := validate.SeverityWarning
	errSev := validate.SeverityError
	names := `"forename":"John","surname":"Doe","email":"john@example.com"`
	address := `"address":{"street":"Example Street","street_number":"6a","postal_code":"01234","city":"Examplecity","country":"DE"}`
	person := model.Customer{GivenName: "John", FamilyName: "Doe", Email: "john@example.com"}
	withAddress := person
	withAddress.Address = model.Address{Street: "Example Street", HouseNumber: "6a", PostalCode: "01234", City: "Examplecity", Country: "DE"}
	with := func(c model.Customer, f func(*model.Customer)) model.Customer {
		f(&c)
		return c
	}
	tests := []struct {
		name        string
		in          string
		want        model.Customer
		wantIssues  []golden.Issue
		wantChanges []golden.Change
	}{
		{
			name: "request",
			in:   `{"contact":{` + names + `,` + address + `}}`,
			want: withAddress,
		},
		{
			name: "dob plain",
			in:   `{"contact":{` + names + `,"dob":"1905-03-03",` + address + `}}`,
			want: with(withAddress, func(c *model.Customer) { c.BirthDate = model.MustParseDate("1905-03-03") }),
		},
		{
			name:        "dob with positive offset is not shifted",
			in:          `{"contact":{` + names + `,"dob":"1905-03-03T00:00:00+01:00",` + address + `}}`,
			want:        with(withAddress, func(c *model.Customer) { c.BirthDate = model.MustParseDate("1905-03-03") }),
			wantChanges: []golden.Change{{Kind: validate.ChangeNormalized, Path: "/contact/dob", Rule: "date_civil"}},
		},
		{
			name:        "dob with negative offset is not shifted",
			in:          `{"contact":{` + names + `,"dob":"1905-03-03T00:00:00-11:00",` + address + `}}`,
			want:        with(withAddress, func(c *model.Customer) { c.BirthDate = model.MustParseDate("1905-03-03") }),
			wantChanges: []golden.Change{{Kind: validate.ChangeNormalized, Path: "/contact/dob", Rule: "date_civil"}},
		},
		{
			name:        "dob in basic format is read with a warning",
			in:          `{"contact":{` + names + `,"dob":"19050303",` + address + `}}`,
			want:        with(withAddress, func(c *model.Customer) { c.BirthDate = model.MustParseDate("1905-03-03") }),
			wantIssues:  []golden.Issue{{Path: "/contact/dob", Code: validate.CodeInvalidFormat, Severity: warn}},
			wantChanges: []golden.Change{{Kind: validate.ChangeNormalized, Path: "/contact/dob", Rule: "date_civil"}},
		},
		{
			name: "dob that is no date stays in the residue",
			in:   `{"contact":{` + names + `,"dob":"1905-3-3",` + address + `}}`,
			want: with(withAddress, func(c *model.Customer) {
				c.Provider = map[string]json.RawMessage{"secuconnect": json.RawMessage(`{"contact":{"dob":"1905-3-3"}}`)}
			}),
			wantIssues: []golden.Issue{{Path: "/contact/dob", Code: validate.CodeInvalidDate, Severity: errSev}},
		},
		{
			name: "empty members are absent and kept",
			in:   `{"contact":{"forename":"John","surname":"Doe","email":"","dob":"",` + address + `}}`,
			want: with(withAddress, func(c *model.Customer) {
				c.Email = ""
				c.Provider = map[string]json.RawMessage{"secuconnect": json.RawMessage(`{"contact":{"dob":"","email":""}}`)}
			}),
			wantIssues: []golden.Issue{{Path: "/contact/email", Code: validate.CodeRequired, Severity: warn}},
		},
		{
			name: "null members are absent",
			in:   `{"contact":{"forename":null,"surname":"Doe","email":"john@example.com","address":null}}`,
			want: with(person, func(c *model.Customer) {
				c.GivenName = ""
				c.Provider = map[string]json.RawMessage{"secuconnect": json.RawMessage(`{"contact":{"address":null,"forename":null}}`)}
			}),
			wantIssues: []golden.Issue{{Path: "/contact/address", Code: validate.CodeRequired, Severity: warn}, {Path: "/contact/forename", Code: validate.CodeRequired, Severity: warn}},
		},
		{
			name: "partial address",
			in:   `{"contact":{` + names + `,"address":{"city":"Examplecity"}}}`,
			want: with(person, func(c *model.Customer) { c.Address.City = "Examplecity" }),
			wantIssues: []golden.Issue{
				{Path: "/contact/address/country", Code: validate.CodeRequired, Severity: warn},
				{Path: "/contact/address/postal_code", Code: validate.CodeRequired, Severity: warn},
				{Path: "/contact/address/street", Code: validate.CodeRequired, Severity: warn},
				{Path: "/contact/address/street_number", Code: validate.CodeRequired, Severity: warn},
			},
		},
		{
			name: "all contact members",
			in: `{"contact":{"name":"John Doe","forename":"John","surname":"Doe","companyname":"Example Inc.","salutation":"Mr.",` +
				`"gender":"m","title":"Dr.","email":"john@example.com","phone":"0049-123-456789","mobile":"+4915123456789",` +
				`"fax":"+495555555556","dob":"1991-02-03","picture":"DOC_1234","url_website":"www.example.com",` +
				`"birthplace":"Dresden","nationality":"Germany","address":{"type":"invoice","street":"Example Street",` +
				`"street_number":"6a","additional_address_data":"c/o Example","postal_code":"01234","city":"Examplecity","country":"Germany"}}}`,
			want: model.Customer{
				FullName: "John Doe", GivenName: "John", FamilyName: "Doe", CompanyName: "Example Inc.", Salutation: "Mr.",
				Gender: "m", Title: "Dr.", Email: "john@example.com", Phone: "0049-123-456789", Mobile: "+4915123456789",
				Fax: "+495555555556", BirthDate: model.MustParseDate("1991-02-03"), Website: "www.example.com",
				BirthPlace: "Dresden", Nationality: "Germany",
				Address: model.Address{Street: "Example Street", HouseNumber: "6a", Extra: "c/o Example",
					PostalCode: "01234", City: "Examplecity", Country: "Germany"},
				Provider: map[string]json.RawMessage{"secuconnect": json.RawMessage(`{"contact":{"address":{"type":"invoice"},"picture":"DOC_1234"}}`)},
			},
		},
		{
			name: "response",
			in: `{"object":"payment.customers","id":"PCU_38RG7MHRE2NJTPFMXRYQP3NKW6GVAZ",` +
				`"contract":{"object":"payment.contracts","id":"PCR_WSM5A4J0K2MZ63JRX75XU59HYW3JAK"},` +
				`"contact":{` + names + `,` + address + `},"created":"2018-02-13T11:52:13+01:00","updated":"2018-02-13T11:58:30+01:00"}`,
			want: with(withAddress, func(c *model.Customer) {
				c.Refs.Secuconnect = "PCU_38RG7MHRE2NJTPFMXRYQP3NKW6GVAZ"
				c.Created = "2018-02-13T11:52:13+01:00"
				c.Updated = "2018-02-13T11:58:30+01:00"
				c.Provider = map[string]json.RawMessage{"secuconnect": json.RawMessage(
					`{"contract":{"id":"PCR_WSM5A4J0K2MZ63JRX75XU59HYW3JAK","object":"payment.contracts"},"object":"payment.customers"}`)}
			}),
		},
		{
			name:       "id in lower case",
			in:         `{"id":"pcu_38rg7mhre2njtpfmxryqp3nkw6gvaz","contact":{` + names + `,` + address + `}}`,
			want:       with(withAddress, func(c *model.Customer) { c.Refs.Secuconnect = "pcu_38rg7mhre2njtpfmxryqp3nkw6gvaz" }),
			wantIssues: []golden.Issue{{Path: "/id", Code: validate.CodeInvalidID, Severity: errSev}},
		},
		{
			name:       "id one character too long",
			in:         `{"id":"PCU_38RG7MHRE2NJTPFMXRYQP3NKW6GVAZA","contact":{` + names + `,` + address + `}}`,
			want:       with(withAddress, func(c *model.Customer) { c.Refs.Secuconnect = "PCU_38RG7MHRE2NJTPFMXRYQP3NKW6GVAZA" }),
			wantIssues: []golden.Issue{{Path: "/id", Code: validate.CodeInvalidID, Severity: errSev}},
		},
		{
			name: "id of another type",
			in:   `{"id":7,"contact":{` + names + `,` + address + `}}`,
			want: with(withAddress, func(c *model.Customer) {
				c.Provider = map[string]json.RawMessage{"secuconnect": json.RawMessage(`{"id":7}`)}
			}),
			wantIssues: []golden.Issue{{Path: "/id", Code: validate.CodeWrongType, Severity: errSev}},
		},
		{
			name: "unknown members are kept",
			in:   `{"livemode":true,"contact":{` + names + `,"middlename":"Q.",` + address + `}}`,
			want: with(withAddress, func(c *model.Customer) {
				c.Provider = map[string]json.RawMessage{"secuconnect": json.RawMessage(`{"contact":{"middlename":"Q."},"livemode":true}`)}
			}),
			wantIssues: []golden.Issue{{Path: "/contact/middlename", Code: validate.CodeUnknownField, Severity: warn}, {Path: "/livemode", Code: validate.CodeUnknownField, Severity: warn}},
		},
		{
			name: "picture of another type",
			in:   `{"contact":{` + names + `,"picture":{"id":"DOC_1"},` + address + `}}`,
			want: with(withAddress, func(c *model.Customer) {
				c.Provider = map[string]json.RawMessage{"secuconnect": json.RawMessage(`{"contact":{"picture":{"id":"DOC_1"}}}`)}
			}),
			wantIssues: []golden.Issue{{Path: "/contact/picture", Code: validate.CodeWrongType, Severity: errSev}},
		},
		{
			name: "address of another type",
			in:   `{"contact":{` + names + `,"address":"Example Street 6a"}}`,
			want: with(person, func(c *model.Customer) {
				c.Provider = map[string]json.RawMessage{"secuconnect": json.RawMessage(`{"contact":{"address":"Example Street 6a"}}`)}
			}),
			wantIssues: []golden.Issue{{Path: "/contact/address", Code: validate.CodeWrongType, Severity: errSev}},
		},
		{
			name:       "no contact",
			in:         `{"object":"payment.customers"}`,
			want:       model.Customer{Provider: map[string]json.RawMessage{"secuconnect": json.RawMessage(`{"object":"payment.customers"}`)}},
			wantIssues: []golden.Issue{{Path: "/contact", Code: validate.CodeRequired, Severity: errSev}},
		},
		{
			name:       "a list is not one record",
			in:         `{"count":0,"data":[]}`,
			wantIssues: []golden.Issue{{Path: "", Code: validate.CodeInvalidFormat, Severity: errSev}},
		},
		{
			name:       "an array is not one record",
			in:         `[{"contact":{}}]`,
			wantIssues: []golden.Issue{{Path: "", Code: validate.CodeWrongType, Severity: errSev}},
		},
		{
			name:       "not JSON",
			in:         `{"contact":`,
			wantIssues: []golden.Issue{{Path: "", Code: validate.CodeInvalidJSON, Severity: errSev}},
		},
		{
			name:       "null document",
			in:         `null`,
			wantIssues: []golden.Issue{{Path: "", Code: validate.CodeWrongType, Severity: errSev}},
		},
	}
	var conv secuconnect.Converter
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, _, rep := conv.Decode([]byte(tc.in))
			if diff := cmp.Diff(golden.WithoutDropped(t, tc.want, nil), golden.WithoutDropped(t, got, nil)); diff != "" {
				t.Errorf("Decode(%s) customer mismatch (-want +got):\n%s", tc.in, diff)
			}
			if diff := cmp.Diff(golden.SortIssues(tc.wantIssues), issueKeys(rep.Issues), cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("Decode(%s) issues mismatch (-want +got):\n%s", tc.in, diff)
			}
			if diff := cmp.Diff(tc.wantChanges, changeKeys(rep.Changes), cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("Decode(%s) changes mismatch (-want +got):\n%s", tc.in, diff)
			}
		})
	}
}

func TestEncode(t *testing.T) {
	warn := validate.SeverityWarning
	errSev := validate.SeverityError
	person := model.Customer{
		GivenName: "John", FamilyName: "Doe", Email: "john@example.com",
		Address: model.Address{Street: "Example Street", HouseNumber: "6a", PostalCode: "01234", City: "Examplecity", Country: "DE"},
	}
	with := func(f func(*model.Customer)) model.Customer {
		c := person
		f(&c)
		return c
	}
	const personJSON = `"forename":"John","surname":"Doe","email":"john@example.com"`
	const addressJSON = `"address":{"street":"Example Street","street_number":"6a","postal_code":"01234","city":"Examplecity","country":"DE"}`
	tests := []struct {
		name        string
		in          model.Customer
		want        string
		wantIssues  []golden.Issue
		wantChanges []golden.Change
	}{
		{
			name: "person",
			in:   person,
			want: `{"contact":{` + personJSON + `,` + addressJSON + `}}`,
		},
		{
			name: "date of birth, phones and countries as the record holds them",
			in: with(func(c *model.Customer) {
				c.BirthDate = model.MustParseDate("1905-03-03")
				c.Phone, c.Mobile, c.Fax = "+49123456789", "+4915123456789", "+495555555556"
				c.Nationality = "DE"
			}),
			want: `{"contact":{` + personJSON + `,"phone":"+49123456789","mobile":"+4915123456789","fax":"+495555555556",` +
				`"dob":"1905-03-03","nationality":"DE",` + addressJSON + `}}`,
		},
		{
			name: "house number addition is joined",
			in:   with(func(c *model.Customer) { c.Address.HouseNumber, c.Address.HouseNumberAddition = "125", "b" }),
			want: `{"contact":{` + personJSON + `,"address":{"street":"Example Street","street_number":"125b","postal_code":"01234","city":"Examplecity","country":"DE"}}}`,
			wantChanges: []golden.Change{
				{Kind: validate.ChangeJoined, Path: "/address/houseNumber", Target: "/contact/address/street_number", Rule: "house_number_join"},
				{Kind: validate.ChangeJoined, Path: "/address/houseNumberAddition", Target: "/contact/address/street_number", Rule: "house_number_join"},
			},
		},
		{
			name: "numeric addition keeps a space",
			in:   with(func(c *model.Customer) { c.Address.HouseNumber, c.Address.HouseNumberAddition = "12", "1/2" }),
			want: `{"contact":{` + personJSON + `,"address":{"street":"Example Street","street_number":"12 1/2","postal_code":"01234","city":"Examplecity","country":"DE"}}}`,
			wantChanges: []golden.Change{
				{Kind: validate.ChangeJoined, Path: "/address/houseNumber", Target: "/contact/address/street_number", Rule: "house_number_join"},
				{Kind: validate.ChangeJoined, Path: "/address/houseNumberAddition", Target: "/contact/address/street_number", Rule: "house_number_join"},
			},
		},
		{
			name: "read-only values are dropped",
			in: with(func(c *model.Customer) {
				c.Refs.Secuconnect = "PCU_38RG7MHRE2NJTPFMXRYQP3NKW6GVAZ"
				c.Created, c.Updated = "2018-02-13T11:52:13+01:00", "2018-02-13T11:58:30+01:00"
				c.Provider = map[string]json.RawMessage{"secuconnect": json.RawMessage(
					`{"object":"payment.customers","contract":{"object":"payment.contracts","id":"PCR_WSM5A4J0K2MZ63JRX75XU59HYW3JAK"},"contact":{"picture":"DOC_1"}}`)}
			}),
			want:        `{"contact":{` + personJSON + `,"picture":"DOC_1",` + addressJSON + `}}`,
			wantChanges: golden.Dropped("read_only", "/created", "/provider/secuconnect/contract/id", "/provider/secuconnect/contract/object", "/provider/secuconnect/object", "/refs/secuconnect", "/updated"),
		},
		{
			name: "values the contact cannot hold are dropped",
			in: with(func(c *model.Customer) {
				c.Kind = model.KindPerson
				c.Address.CareOf, c.Address.Region = "c/o Mr. Bloom", "BE"
				c.Language, c.NationalID, c.TaxID, c.IdentificationNumber = "de", "19490917-1234", "12345678L", "700XXX651"
				c.Refs.Riverty = "cust1234"
				live := false
				c.LiveMode = &live
				c.Provider = map[string]json.RawMessage{"riverty": json.RawMessage(`{"currency":"EUR"}`)}
			}),
			want:        `{"contact":{` + personJSON + `,` + addressJSON + `}}`,
			wantChanges: golden.Dropped("not_in_target", "/address/careOf", "/address/region", "/identificationNumber", "/kind", "/language", "/liveMode", "/nationalId", "/provider/riverty/currency", "/refs/riverty", "/taxId"),
		},
		{
			name: "full name is written, not synthesized",
			in:   model.Customer{FullName: "Ludwig van Beethoven", Email: "lvb@example.com"},
			want: `{"contact":{"name":"Ludwig van Beethoven","email":"lvb@example.com"}}`,
			wantIssues: []golden.Issue{
				{Path: "/address", Code: validate.CodeRequired, Severity: warn},
				{Path: "/familyName", Code: validate.CodeRequired, Severity: warn},
				{Path: "/givenName", Code: validate.CodeRequired, Severity: warn},
			},
		},
		{
			name: "company without company name",
			in:   with(func(c *model.Customer) { c.Kind = model.KindCompany }),
			want: `{"contact":{` + personJSON + `,` + addressJSON + `}}`,
			wantIssues: []golden.Issue{
				{Path: "/companyName", Code: validate.CodeRequired, Severity: warn},
			},
			wantChanges: golden.Dropped("not_in_target", "/kind"),
		},
		{
			name: "partial address",
			in:   model.Customer{GivenName: "John", FamilyName: "Doe", Email: "john@example.com", Address: model.Address{Extra: "Whg. 202"}},
			want: `{"contact":{` + personJSON + `,"address":{"additional_address_data":"Whg. 202"}}}`,
			wantIssues: []golden.Issue{
				{Path: "/address/city", Code: validate.CodeRequired, Severity: warn},
				{Path: "/address/country", Code: validate.CodeRequired, Severity: warn},
				{Path: "/address/houseNumber", Code: validate.CodeRequired, Severity: warn},
				{Path: "/address/postalCode", Code: validate.CodeRequired, Severity: warn},
				{Path: "/address/street", Code: validate.CodeRequired, Severity: warn},
			},
		},
		{
			name:       "empty record has no payload",
			in:         model.Customer{},
			want:       `{}`,
			wantIssues: []golden.Issue{{Path: "", Code: validate.CodeRequired, Severity: errSev}},
		},
		{
			name: "a date that does not exist is not written",
			in:   with(func(c *model.Customer) { c.BirthDate = model.Date{Year: 1905, Month: 2, Day: 30} }),
			want: `{"contact":{` + personJSON + `,` + addressJSON + `}}`,
			wantIssues: []golden.Issue{
				{Path: "/birthDate", Code: validate.CodeInvalidDate, Severity: errSev},
			},
		},
		{
			name: "residue that is not an object",
			in: with(func(c *model.Customer) {
				c.Provider = map[string]json.RawMessage{"secuconnect": json.RawMessage(`[1]`)}
			}),
			want: `{"contact":{` + personJSON + `,` + addressJSON + `}}`,
			wantIssues: []golden.Issue{
				{Path: "/provider/secuconnect", Code: validate.CodeWrongType, Severity: errSev},
			},
			// Not written back, so dropped, as in every provider format.
			wantChanges: golden.Dropped("not_in_target", "/provider/secuconnect/0"),
		},
		{
			name: "written members win over the residue",
			in: with(func(c *model.Customer) {
				c.Provider = map[string]json.RawMessage{"secuconnect": json.RawMessage(`{"contact":{"forename":"","address":{"type":"invoice"}},"foo":1}`)}
			}),
			want: `{"contact":{"forename":"John","surname":"Doe","email":"john@example.com","address":{"street":"Example Street","street_number":"6a",` +
				`"postal_code":"01234","city":"Examplecity","country":"DE","type":"invoice"}},"foo":1}`,
		},
	}
	var conv secuconnect.Converter
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, rep := conv.Encode(tc.in)
			if diff := cmp.Diff(golden.Value(t, []byte(tc.want)), golden.Value(t, got)); diff != "" {
				t.Errorf("Encode() output mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(golden.SortIssues(tc.wantIssues), issueKeys(rep.Issues), cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("Encode() issues mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.wantChanges, changeKeys(rep.Changes), cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("Encode() changes mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestEncodeIssueTargets checks that issues and changes that exist in the
// output carry its pointer.
func TestEncodeIssueTargets(t *testing.T) {
	c := model.Customer{GivenName: "John", Address: model.Address{HouseNumber: "1", HouseNumberAddition: "d", City: "Examplecity"}}
	_, rep := secuconnect.Converter{}.Encode(c)
	targets := map[validate.Pointer]validate.Pointer{}
	for _, i := range rep.Issues {
		if i.Target == nil {
			t.Errorf("Encode() issue %s %s has no target", i.Path, i.Code)
			continue
		}
		targets[i.Path] = *i.Target
	}
	want := map[validate.Pointer]validate.Pointer{
		"/familyName":         "/contact/surname",
		"/email":              "/contact/email",
		"/address/street":     "/contact/address/street",
		"/address/postalCode": "/contact/address/postal_code",
		"/address/country":    "/contact/address/country",
	}
	if diff := cmp.Diff(want, targets); diff != "" {
		t.Errorf("Encode() issue targets mismatch (-want +got):\n%s", diff)
	}
}

func TestRecords(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		want   []string
		wantAt []validate.Pointer
		wantOK bool
	}{
		{
			name:   "list",
			in:     `{"count":2,"data":[{"id":"a"}, {"id":"b"}]}`,
			want:   []string{`{"id":"a"}`, `{"id":"b"}`},
			wantAt: []validate.Pointer{"/data/0", "/data/1"},
			wantOK: true,
		},
		{
			name:   "empty list",
			in:     ` {"count":0,"data":[]}`,
			want:   []string{},
			wantAt: []validate.Pointer{},
			wantOK: true,
		},
		{
			name:   "DELETE array",
			in:     "\n[{\"object\":\"payment.customers\"}]",
			want:   []string{`{"object":"payment.customers"}`},
			wantAt: []validate.Pointer{"/0"},
			wantOK: true,
		},
		{
			name:   "array members of any type are records",
			in:     `[1,null]`,
			want:   []string{`1`, `null`},
			wantAt: []validate.Pointer{"/0", "/1"},
			wantOK: true,
		},
		{
			name:   "a list whose member name is escaped",
			in:     `{"count":1,"\u0064ata":[{"id":"a"}]}`,
			want:   []string{`{"id":"a"}`},
			wantAt: []validate.Pointer{"/data/0"},
			wantOK: true,
		},
		{name: "request", in: `{"contact":{"forename":"John"}}`},
		{name: "brackets only inside strings", in: `{"count":1,"data":"[x]","note":"\u005b"}`},
		{name: "record with a data member", in: `{"contact":{},"data":[1]}`},
		{name: "data that is not an array", in: `{"count":1,"data":{"id":"a"}}`},
		{name: "not JSON", in: `{"count":1,"data":[`},
		{name: "trailing data", in: `[] []`},
		{name: "empty", in: ``},
		{name: "scalar", in: `"x"`},
	}
	var conv secuconnect.Converter
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			recs, at, ok := conv.Records([]byte(tc.in))
			if ok != tc.wantOK {
				t.Fatalf("Records(%s) ok = %v, want %v", tc.in, ok, tc.wantOK)
			}
			var got []string
			if recs != nil {
				got = []string{}
			}
			for _, r := range recs {
				got = append(got, string(r))
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Records(%s) records mismatch (-want +got):\n%s", tc.in, diff)
			}
			if diff := cmp.Diff(tc.wantAt, at, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("Records(%s) pointers mismatch (-want +got):\n%s", tc.in, diff)
			}
		})
	}
}

// TestCanonicalRoundTrip checks canonical → secuconnect → canonical: the
// record comes back except for what Encode reported as dropped, and the
// joins it reported.
func TestCanonicalRoundTrip(t *testing.T) {
	full := model.Customer{
		Salutation: "Mrs.", Title: "Prof.", GivenName: "Anna", FamilyName: "Smith", FullName: "Anna Smith",
		Gender: "f", BirthDate: model.MustParseDate("1902-03-04"), BirthPlace: "Dresden", Nationality: "AT",
		CompanyName: "Example2 Inc.", Email: "anna@example.com", Phone: "+4312345678", Mobile: "+436641234567",
		Fax: "+4312345679", Website: "https://example.com",
		Address: model.Address{Street: "Example Street", HouseNumber: "125b", Extra: "Top 4", PostalCode: "7543",
			City: "Examplecity2", Country: "AT"},
		Provider: map[string]json.RawMessage{"secuconnect": json.RawMessage(`{"contact":{"picture":"DOC_1","address":{"type":"invoice"}}}`)},
	}
	live := true
	tests := []struct {
		name string
		in   model.Customer
		// want is the record expected back before the dropped values are
		// removed; the zero value means in.
		want model.Customer
	}{
		{name: "every contact member", in: full},
		{name: "given and family name only", in: model.Customer{GivenName: "John", FamilyName: "Doe"}},
		{
			name: "response data and other providers",
			in: func() model.Customer {
				c := full
				c.Kind = model.KindCompany
				c.Refs = model.References{Secuconnect: "PCU_38RG7MHRE2NJTPFMXRYQP3NKW6GVAZ", Stancer: "cust_9Cle7TXKkjhwqcWx4Kl5cQYk", Merchant: "m-1"}
				c.Created, c.Updated = "2018-02-13T11:52:13+01:00", "2018-02-13T11:58:30+01:00"
				c.LiveMode = &live
				c.Language, c.TaxID = "de-AT", "ATU12345678"
				c.Address.CareOf, c.Address.Region = "c/o Example", "W"
				c.Provider = map[string]json.RawMessage{
					"secuconnect": json.RawMessage(`{"object":"payment.customers","contract":{"object":"payment.contracts","id":"PCR_WSM5A4J0K2MZ63JRX75XU59HYW3JAK"},"t":{"x":[1,2]},"contact":{"picture":"DOC_1"},"extra":[1,{"a":null}]}`),
					"stancer":     json.RawMessage(`{"live_mode":true}`),
				}
				return c
			}(),
		},
		{
			name: "house number addition",
			in: model.Customer{GivenName: "John", FamilyName: "Doe",
				Address: model.Address{Street: "exampleStreet", HouseNumber: "1234", HouseNumberAddition: "d", Country: "DE"}},
			want: model.Customer{GivenName: "John", FamilyName: "Doe",
				Address: model.Address{Street: "exampleStreet", HouseNumber: "1234d", Country: "DE"}},
		},
		{
			name: "addition without number",
			in:   model.Customer{Email: "a@example.com", Address: model.Address{HouseNumberAddition: "bis"}},
			want: model.Customer{Email: "a@example.com", Address: model.Address{HouseNumber: "bis"}},
		},
	}
	var conv secuconnect.Converter
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			want := tc.want
			if want.IsZero() {
				want = tc.in
			}
			out, encRep := conv.Encode(tc.in)
			if encRep.Issues.HasError() {
				t.Fatalf("Encode() errors: %v", issueKeys(encRep.Issues))
			}
			got, _, decRep := conv.Decode(out)
			if decRep.Issues.HasError() {
				t.Fatalf("Decode(Encode()) errors: %v\n%s", issueKeys(decRep.Issues), out)
			}
			if diff := cmp.Diff(golden.WithoutDropped(t, want, encRep.Changes), golden.WithoutDropped(t, got, nil)); diff != "" {
				t.Errorf("Decode(Encode()) mismatch (-want minus dropped +got):\n%s\noutput: %s", diff, out)
			}
		})
	}
}

// TestOrigins checks that every canonical field Decode maps points back to
// its member, present or not, and that the residue maps onto the input.
func TestOrigins(t *testing.T) {
	_, origins, _ := secuconnect.Converter{}.Decode([]byte(`{"contact":{"picture":"DOC_1","address":{"type":"invoice"}}}`))
	want := map[validate.Pointer]validate.Pointer{
		"/fullName":                             "/contact/name",
		"/givenName":                            "/contact/forename",
		"/familyName":                           "/contact/surname",
		"/companyName":                          "/contact/companyname",
		"/salutation":                           "/contact/salutation",
		"/gender":                               "/contact/gender",
		"/title":                                "/contact/title",
		"/email":                                "/contact/email",
		"/phone":                                "/contact/phone",
		"/mobile":                               "/contact/mobile",
		"/fax":                                  "/contact/fax",
		"/birthDate":                            "/contact/dob",
		"/website":                              "/contact/url_website",
		"/birthPlace":                           "/contact/birthplace",
		"/nationality":                          "/contact/nationality",
		"/address/street":                       "/contact/address/street",
		"/address/houseNumber":                  "/contact/address/street_number",
		"/address/extra":                        "/contact/address/additional_address_data",
		"/address/postalCode":                   "/contact/address/postal_code",
		"/address/city":                         "/contact/address/city",
		"/address/country":                      "/contact/address/country",
		"/refs/secuconnect":                     "/id",
		"/created":                              "/created",
		"/updated":                              "/updated",
		"/provider/secuconnect/contact/picture": "/contact/picture",
		"/provider/secuconnect/contact/address/type": "/contact/address/type",
	}
	for canon, src := range want {
		if got := origins.Of(canon); got != src {
			t.Errorf("origins.Of(%s) = %q, want %q", canon, got, src)
		}
	}
}

func TestDecodeLimits(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want validate.Code
	}{
		{"larger than 1 MiB", `{"contact":{"forename":"` + strings.Repeat("a", 2<<20) + `"}}`, validate.CodeTooLarge},
		{"nested too deep", `{"contact":{"x":` + strings.Repeat("[", 40) + strings.Repeat("]", 40) + `}}`, validate.CodeTooDeep},
	}
	var conv secuconnect.Converter
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, _, rep := conv.Decode([]byte(tc.in))
			if diff := cmp.Diff([]golden.Issue{{Path: "", Code: tc.want, Severity: validate.SeverityError}}, issueKeys(rep.Issues)); diff != "" {
				t.Errorf("Decode() issues mismatch (-want +got):\n%s", diff)
			}
			if !c.IsZero() {
				t.Errorf("Decode() customer = %+v, want zero", c)
			}
		})
	}
	// Records has no limit of its own and must not fail on nesting that
	// encoding/json refuses.
	if _, _, ok := conv.Records([]byte(strings.Repeat("[", 20000) + strings.Repeat("]", 20000))); ok {
		t.Errorf("Records(20000 nested arrays) ok = true, want false")
	}
}

// TestRecordsOfOneRecord: the CLI asks Records of every record whether it
// is a list; for a plain record the answer costs no allocation.
func TestRecordsOfOneRecord(t *testing.T) {
	doc := []byte(`{"contact":{"forename":"Anna","surname":"Schmidt","email":"anna@example.com"}}`)
	var conv secuconnect.Converter
	if _, _, ok := conv.Records(doc); ok {
		t.Fatal("Records took a plain record for a list")
	}
	if n := testing.AllocsPerRun(100, func() { conv.Records(doc) }); n != 0 {
		t.Errorf("Records of a plain record: %v allocations, want 0", n)
	}
}
