package riverty_test

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/custnorm/custnorm/convert/riverty"
	"github.com/custnorm/custnorm/internal/golden"
	"github.com/custnorm/custnorm/model"
	"github.com/custnorm/custnorm/validate"
)

func TestName(t *testing.T) {
	if got := (riverty.Converter{}).Name(); got != "riverty" {
		t.Errorf("Converter.Name() = %q, want %q", got, "riverty")
	}
	if got := (riverty.CreateConverter{}).Name(); got != "riverty-create" {
		t.Errorf("CreateConverter.Name() = %q, want %q", got, "riverty-create")
	}
}

var truth = true

// records are hand-built canonical records for the canonical → provider →
// canonical round trip. Their house numbers come with the addition apart
// and they have no national id without an identification number, so
// Encode neither splits nor derives (those are tested in TestEncode).
var records = []struct {
	name string
	c    model.Customer
}{
	{name: "empty", c: model.Customer{}},
	{
		name: "person with everything Riverty holds and more",
		c: model.Customer{
			Kind: model.KindPerson, Salutation: "MR", Title: "Dr.", GivenName: "Jane", FamilyName: "Roe",
			FullName: "Jane Roe", Gender: "f", BirthDate: model.MustParseDate("1975-04-30"),
			BirthPlace: "Köln", Nationality: "DE", CompanyName: "Roe GmbH", Email: "jane.roe@example.com",
			Phone: "+4930123456", Mobile: "+4915123456789", Fax: "+4930123457", Website: "https://example.com",
			Address: model.Address{Street: "Hauptstraße", HouseNumber: "12", HouseNumberAddition: "b",
				Extra: "2. OG", CareOf: "c/o Max Muster", PostalCode: "50667", City: "Köln", Region: "NRW", Country: "DE"},
			Language: "de", NationalID: "X1", TaxID: "DE123456789", IdentificationNumber: "700XXX651",
			Refs:     model.References{Riverty: "c42", Stancer: "cust_9Cle7TXKkjhwqcWx4Kl5cQYk", Merchant: "m-1"},
			LiveMode: &truth, Created: "2024-01-02T03:04:05Z",
		},
	},
	{
		name: "company",
		c: model.Customer{Kind: model.KindCompany, CompanyName: "Example AB", Email: "billing@example.com",
			Refs: model.References{Riverty: "c43"}, Address: model.Address{Country: "SE"}},
	},
	{
		name: "provider section of a create request",
		c: model.Customer{
			GivenName: "John", FamilyName: "Doe", Refs: model.References{Riverty: "cust1234"},
			Provider: map[string]json.RawMessage{
				"riverty": json.RawMessage(`{"currency":"EUR","customer":{"address":{"addressType":"main address"},` +
					`"companyName":"","customerCategory":"categoryABC"},"paymentRegistration":{"id":"ACVB123455675669"}}`),
				"stancer": json.RawMessage(`{"live_mode":false}`),
			},
		},
	},
	{
		name: "canonical value overrides an empty member kept from Riverty",
		c: model.Customer{
			CompanyName: "ACME", Kind: model.KindCompany,
			Provider: map[string]json.RawMessage{
				"riverty": json.RawMessage(`{"customer":{"companyName":"","customerCategory":"categoryABC"},` +
					`"paymentRegistration":{"id":"1"}}`),
			},
		},
	},
}

// TestRoundTripCanonical checks canonical → provider → canonical: Decode
// gives back the record minus exactly what Encode reported as dropped.
func TestRoundTripCanonical(t *testing.T) {
	for _, conv := range formats {
		for _, tc := range records {
			t.Run(conv.Name()+"/"+tc.name, func(t *testing.T) {
				out, encRep := conv.Encode(tc.c)
				got, _, decRep := conv.Decode(out)
				want := golden.CustomerWithoutDropped(t, tc.c, encRep.Changes)
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("Decode(Encode(c)) mismatch (-want +got):\n%s\noutput: %s\nencode changes: %+v",
						diff, out, golden.Changes(encRep.Changes))
				}
				for _, ch := range decRep.Changes {
					t.Errorf("Decode(Encode(c)) reported change %+v, want none", ch)
				}
			})
		}
	}
}

func TestEncode(t *testing.T) {
	split := model.Customer{Refs: model.References{Riverty: "c1"},
		Address: model.Address{Street: "Frankfurter Str.", HouseNumber: "125a"}}
	tests := []struct {
		name    string
		conv    golden.Converter
		c       model.Customer
		output  map[validate.Pointer]any // pointer → exact value
		absent  []validate.Pointer
		issues  []golden.Issue
		changes []golden.Change // each must be among the changes
	}{
		{
			name: "house number with its addition splits",
			conv: riverty.Converter{}, c: split,
			output: map[validate.Pointer]any{"/address/streetNumber": "125", "/address/streetNumberAdditional": "a"},
			issues: []golden.Issue{},
			changes: []golden.Change{{Kind: validate.ChangeSplit, Path: "/address/houseNumber",
				Target: "/address/streetNumberAdditional", Rule: "house_number_split"}},
		},
		{
			name: "house number split inside a create request",
			conv: riverty.CreateConverter{},
			c: func() model.Customer {
				c := split
				c.Provider = map[string]json.RawMessage{"riverty": json.RawMessage(`{"paymentRegistration":{"id":"1"}}`)}
				return c
			}(),
			output: map[validate.Pointer]any{"/customer/address/streetNumber": "125",
				"/customer/address/streetNumberAdditional": "a"},
			issues: []golden.Issue{},
			changes: []golden.Change{{Kind: validate.ChangeSplit, Path: "/address/houseNumber",
				Target: "/customer/address/streetNumberAdditional", Rule: "house_number_split"}},
		},
		{
			name: "separate addition is kept, number not split",
			conv: riverty.Converter{},
			c: model.Customer{Refs: model.References{Riverty: "c1"},
				Address: model.Address{HouseNumber: "125a", HouseNumberAddition: "rechts"}},
			output: map[validate.Pointer]any{"/address/streetNumber": "125a", "/address/streetNumberAdditional": "rechts"},
			issues: []golden.Issue{},
		},
		{
			name:   "house number range is not split",
			conv:   riverty.Converter{},
			c:      model.Customer{Refs: model.References{Riverty: "c1"}, Address: model.Address{HouseNumber: "12-14"}},
			output: map[validate.Pointer]any{"/address/streetNumber": "12-14"},
			absent: []validate.Pointer{"/address/streetNumberAdditional"},
			issues: []golden.Issue{},
		},
		{
			name:   "missing customerNumber is a warning, never invented",
			conv:   riverty.Converter{},
			c:      model.Customer{GivenName: "Ray"},
			absent: []validate.Pointer{"/customerNumber"},
			issues: []golden.Issue{{Path: "/refs/riverty", Target: "/customerNumber", Code: validate.CodeRequired,
				Severity: validate.SeverityWarning}},
		},
		{
			name:   "create request without payment registration is an error",
			conv:   riverty.CreateConverter{},
			c:      model.Customer{GivenName: "Ray", Refs: model.References{Riverty: "c1"}},
			output: map[validate.Pointer]any{"/customer/firstName": "Ray"},
			absent: []validate.Pointer{"/paymentRegistration"},
			issues: []golden.Issue{{Path: "/provider/riverty/paymentRegistration", Target: "/paymentRegistration",
				Code: validate.CodeRequired, Severity: validate.SeverityError}},
		},
		{
			name:   "empty record as a create request",
			conv:   riverty.CreateConverter{},
			c:      model.Customer{},
			output: map[validate.Pointer]any{"/customer": map[string]any{}},
			issues: []golden.Issue{
				{Path: "/provider/riverty/paymentRegistration", Target: "/paymentRegistration",
					Code: validate.CodeRequired, Severity: validate.SeverityError},
				{Path: "/refs/riverty", Target: "/customer/customerNumber", Code: validate.CodeRequired,
					Severity: validate.SeverityWarning},
			},
		},
		{
			name: "currency not ISO 4217",
			conv: riverty.CreateConverter{},
			c: model.Customer{Refs: model.References{Riverty: "c1"}, Provider: map[string]json.RawMessage{
				"riverty": json.RawMessage(`{"paymentRegistration":{"id":"1"},"currency":"Euro"}`)}},
			output: map[validate.Pointer]any{"/currency": "Euro", "/paymentRegistration/id": "1"},
			issues: []golden.Issue{{Path: "/provider/riverty/currency", Target: "/currency",
				Code: validate.CodeInvalidFormat, Severity: validate.SeverityError}},
		},
		{
			name: "payment registration and currency are dropped from the customer object",
			conv: riverty.Converter{},
			c: model.Customer{Refs: model.References{Riverty: "c1"}, Provider: map[string]json.RawMessage{
				"riverty": json.RawMessage(`{"paymentRegistration":{"id":"1"},"currency":"EUR"}`)}},
			absent:  []validate.Pointer{"/paymentRegistration", "/currency"},
			issues:  []golden.Issue{},
			changes: golden.Dropped("not_in_target", "/provider/riverty/currency", "/provider/riverty/paymentRegistration/id"),
		},
		{
			name:   "national id fills identificationNumber",
			conv:   riverty.Converter{},
			c:      model.Customer{Refs: model.References{Riverty: "c1"}, NationalID: "0123456789012"},
			output: map[validate.Pointer]any{"/identificationNumber": "0123456789012"},
			issues: []golden.Issue{},
			changes: []golden.Change{{Kind: validate.ChangeDerived, Path: "/nationalId",
				Target: "/identificationNumber", Rule: "national_id"}},
		},
		{
			name: "identification number wins over the national id",
			conv: riverty.Converter{},
			c: model.Customer{Refs: model.References{Riverty: "c1"}, NationalID: "0123456789012",
				IdentificationNumber: "700XXX651"},
			output:  map[validate.Pointer]any{"/identificationNumber": "700XXX651"},
			issues:  []golden.Issue{},
			changes: golden.Dropped("not_in_target", "/nationalId"),
		},
		{
			name:   "extension written as Riverty's example writes it",
			conv:   riverty.Converter{},
			c:      model.Customer{Refs: model.References{Riverty: "c1"}, Phone: "+18717907578;ext=4882"},
			output: map[validate.Pointer]any{"/phone": "+18717907578 x4882"},
			issues: []golden.Issue{},
			changes: []golden.Change{{Kind: validate.ChangeNormalized, Path: "/phone", Target: "/phone",
				Rule: "phone_extension"}},
		},
		{
			name:   "kind company",
			conv:   riverty.Converter{},
			c:      model.Customer{Refs: model.References{Riverty: "c1"}, Kind: model.KindCompany},
			output: map[validate.Pointer]any{"/customerCategory": "COMPANY"},
			issues: []golden.Issue{},
		},
		{
			name:   "birth date as a civil date",
			conv:   riverty.Converter{},
			c:      model.Customer{Refs: model.References{Riverty: "c1"}, BirthDate: model.MustParseDate("1905-03-03")},
			output: map[validate.Pointer]any{"/birthDate": "1905-03-03"},
			issues: []golden.Issue{},
		},
		{
			name: "mobile over 20 is a warning",
			conv: riverty.Converter{},
			c:    model.Customer{Refs: model.References{Riverty: "c1"}, Mobile: "+4915123456789;ext=123456"},
			issues: []golden.Issue{{Path: "/mobile", Target: "/mobilePhone", Code: validate.CodeTooLong,
				Severity: validate.SeverityWarning}},
		},
		{
			name: "an invalid provider section is reported and dropped",
			conv: riverty.Converter{},
			c: model.Customer{Refs: model.References{Riverty: "c1"},
				Provider: map[string]json.RawMessage{"riverty": json.RawMessage(`[1]`)}},
			issues:  []golden.Issue{{Path: "/provider/riverty", Code: validate.CodeWrongType, Severity: validate.SeverityError}},
			changes: golden.Dropped("not_in_target", "/provider/riverty/0"),
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, rep := tc.conv.Encode(tc.c)
			doc := golden.Value(t, out)
			for p, want := range tc.output {
				got, ok := valueAt(doc, p)
				if !ok {
					t.Errorf("Encode(): %s missing in %s", p, out)
					continue
				}
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("Encode(): %s mismatch (-want +got):\n%s", p, diff)
				}
			}
			for _, p := range tc.absent {
				if _, ok := valueAt(doc, p); ok {
					t.Errorf("Encode(): %s present in %s, want absent", p, out)
				}
			}
			if tc.issues != nil {
				if diff := cmp.Diff(tc.issues, golden.Issues(rep.Issues)); diff != "" {
					t.Errorf("Encode() issues mismatch (-want +got):\n%s", diff)
				}
			}
			got := golden.Changes(rep.Changes)
			for _, want := range tc.changes {
				if !slices.Contains(got, want) {
					t.Errorf("Encode() changes = %+v, want among them %+v", got, want)
				}
			}
		})
	}
}

// TestLimits checks each limited member at its maximum (accepted) and one
// over (too_long), on Decode and on Encode (create_customer page; R3).
func TestLimits(t *testing.T) {
	limits := []struct {
		member validate.Pointer // in the customer object
		canon  validate.Pointer
		max    int
		sev    validate.Severity
		value  func(n int) string
	}{
		{"/firstName", "/givenName", 40, validate.SeverityError, letters},
		{"/companyName", "/companyName", 140, validate.SeverityError, letters},
		{"/email", "/email", 241, validate.SeverityError, func(n int) string { return letters(n-12) + "@example.com" }},
		{"/phone", "/phone", 20, validate.SeverityError, digits},
		{"/mobilePhone", "/mobile", 20, validate.SeverityWarning, digits},
		{"/identificationNumber", "/identificationNumber", 20, validate.SeverityError, digits},
		{"/address/careOf", "/address/careOf", 40, validate.SeverityError, letters},
		{"/address/street", "/address/street", 60, validate.SeverityError, letters},
		{"/address/streetNumber", "/address/houseNumber", 10, validate.SeverityError, digits},
		{"/address/postalCode", "/address/postalCode", 10, validate.SeverityError, digits},
		{"/address/postalPlace", "/address/city", 40, validate.SeverityError, letters},
	}
	for _, lim := range limits {
		for _, n := range []int{lim.max, lim.max + 1} {
			v := lim.value(n)
			var want []golden.Issue
			if n > lim.max {
				want = []golden.Issue{{Code: validate.CodeTooLong, Severity: lim.sev}}
			}
			for _, conv := range formats {
				base := validate.Pointer("")
				wrap := func(cust map[string]any) map[string]any { return cust }
				if conv.Name() == riverty.CreateName {
					base = "/customer"
					wrap = func(cust map[string]any) map[string]any {
						return map[string]any{"customer": cust, "paymentRegistration": map[string]any{"id": "1"}}
					}
				}
				t.Run(conv.Name()+string(lim.member)+"/"+itoa(n), func(t *testing.T) {
					cust := map[string]any{"customerNumber": "c1"}
					setAt(cust, lim.member, v)
					data, err := json.Marshal(wrap(cust))
					if err != nil {
						t.Fatal(err)
					}
					c, _, rep := conv.Decode(data)
					if diff := cmp.Diff(withPath(want, base+lim.member, ""), golden.Issues(rep.Issues)); diff != "" {
						t.Errorf("Decode(%s) issues mismatch (-want +got):\n%s", data, diff)
					}
					_, encRep := conv.Encode(c)
					if diff := cmp.Diff(withPath(want, lim.canon, base+lim.member), golden.Issues(encRep.Issues)); diff != "" {
						t.Errorf("Encode(Decode(%s)) issues mismatch (-want +got):\n%s", data, diff)
					}
				})
			}
		}
	}
}

func letters(n int) string { return strings.Repeat("a", n) }
func digits(n int) string  { return strings.Repeat("1", n) }

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

func withPath(list []golden.Issue, p, target validate.Pointer) []golden.Issue {
	out := []golden.Issue{}
	for _, i := range list {
		i.Path, i.Target = p, target
		out = append(out, i)
	}
	return out
}

func setAt(obj map[string]any, p validate.Pointer, v any) {
	toks := strings.Split(string(p)[1:], "/")
	for _, tok := range toks[:len(toks)-1] {
		sub, ok := obj[tok].(map[string]any)
		if !ok {
			sub = map[string]any{}
			obj[tok] = sub
		}
		obj = sub
	}
	obj[toks[len(toks)-1]] = v
}

func TestDecode(t *testing.T) {
	tests := []struct {
		name    string
		conv    golden.Converter
		in      string
		want    model.Customer
		issues  []golden.Issue
		changes []golden.Change
	}{
		{
			name:    "date-time birth date keeps its calendar date",
			conv:    riverty.Converter{},
			in:      `{"birthDate":"1980-09-01T00:00:00Z"}`,
			want:    model.Customer{BirthDate: model.MustParseDate("1980-09-01")},
			issues:  []golden.Issue{},
			changes: []golden.Change{{Kind: validate.ChangeNormalized, Path: "/birthDate", Rule: "date_civil"}},
		},
		{
			name:    "date-time birth date with an offset is not shifted",
			conv:    riverty.Converter{},
			in:      `{"birthDate":"1905-03-03T00:00:00+01:00"}`,
			want:    model.Customer{BirthDate: model.MustParseDate("1905-03-03")},
			issues:  []golden.Issue{},
			changes: []golden.Change{{Kind: validate.ChangeNormalized, Path: "/birthDate", Rule: "date_civil"}},
		},
		{
			name: "invalid birth date stays in the provider section",
			conv: riverty.Converter{},
			in:   `{"birthDate":"11.11.1984"}`,
			want: model.Customer{Provider: map[string]json.RawMessage{
				"riverty": json.RawMessage(`{"customer":{"birthDate":"11.11.1984"}}`)}},
			issues:  []golden.Issue{{Path: "/birthDate", Code: validate.CodeInvalidDate, Severity: validate.SeverityError}},
			changes: []golden.Change{},
		},
		{
			name:    "customerCategory COMPANY",
			conv:    riverty.Converter{},
			in:      `{"customerCategory":"COMPANY"}`,
			want:    model.Customer{Kind: model.KindCompany},
			issues:  []golden.Issue{},
			changes: []golden.Change{},
		},
		{
			name: "merchant-configured customerCategory is kept, no kind derived",
			conv: riverty.Converter{},
			in:   `{"customerCategory":"Person"}`,
			want: model.Customer{Provider: map[string]json.RawMessage{
				"riverty": json.RawMessage(`{"customer":{"customerCategory":"Person"}}`)}},
			issues:  []golden.Issue{},
			changes: []golden.Change{},
		},
		{
			name: "unknown and null members are kept",
			conv: riverty.Converter{},
			in:   `{"firstName":null,"accountCategory":"Standard"}`,
			want: model.Customer{Provider: map[string]json.RawMessage{
				"riverty": json.RawMessage(`{"customer":{"accountCategory":"Standard","firstName":null}}`)}},
			issues:  []golden.Issue{{Path: "/accountCategory", Code: validate.CodeUnknownField, Severity: validate.SeverityWarning}},
			changes: []golden.Change{},
		},
		{
			name: "create request: empty customer is not kept",
			conv: riverty.CreateConverter{},
			in:   `{"customer":{},"paymentRegistration":{"id":"1","extra":true}}`,
			want: model.Customer{Provider: map[string]json.RawMessage{
				"riverty": json.RawMessage(`{"paymentRegistration":{"extra":true,"id":"1"}}`)}},
			issues: []golden.Issue{{Path: "/paymentRegistration/extra", Code: validate.CodeUnknownField,
				Severity: validate.SeverityWarning}},
			changes: []golden.Change{},
		},
		{
			name:    "not an object",
			conv:    riverty.CreateConverter{},
			in:      `[]`,
			issues:  []golden.Issue{{Path: "", Code: validate.CodeWrongType, Severity: validate.SeverityError}},
			changes: []golden.Change{},
		},
		{
			name:    "not JSON",
			conv:    riverty.Converter{},
			in:      `{"firstName":`,
			issues:  []golden.Issue{{Path: "", Code: validate.CodeInvalidJSON, Severity: validate.SeverityError}},
			changes: []golden.Change{},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, _, rep := tc.conv.Decode([]byte(tc.in))
			if diff := cmp.Diff(canonicalJSON(t, tc.want), canonicalJSON(t, got)); diff != "" {
				t.Errorf("Decode(%s) mismatch (-want +got):\n%s", tc.in, diff)
			}
			if diff := cmp.Diff(tc.issues, golden.Issues(rep.Issues)); diff != "" {
				t.Errorf("Decode(%s) issues mismatch (-want +got):\n%s", tc.in, diff)
			}
			if diff := cmp.Diff(tc.changes, golden.Changes(rep.Changes)); diff != "" {
				t.Errorf("Decode(%s) changes mismatch (-want +got):\n%s", tc.in, diff)
			}
		})
	}
}

// canonicalJSON compares records as JSON values, so that provider sections
// compare by content rather than by byte layout.
func canonicalJSON(t testing.TB, c model.Customer) any {
	t.Helper()
	return golden.Value(t, golden.JSON(t, c))
}

// TestCorpus runs the shared corpus of both formats (internal/golden.RunCorpus).
func TestCorpus(t *testing.T) {
	for _, conv := range formats {
		golden.RunCorpus(t, conv, filepath.Join("..", "..", "testdata", conv.Name()))
	}
}
