package stancer_test

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/custnorm/custnorm/convert/stancer"
	"github.com/custnorm/custnorm/internal/golden"
	"github.com/custnorm/custnorm/model"
	"github.com/custnorm/custnorm/validate"
)

// corpus is the shared golden corpus of the format.
var corpus = filepath.Join("..", "..", "testdata", stancer.Name)

// readOnly are the response-only members Encode never writes.
var readOnly = []string{"id", "created", "live_mode", "country"}

// TestCorpus runs the shared corpus of the format (internal/golden.RunCorpus).
func TestCorpus(t *testing.T) {
	golden.RunCorpus(t, stancer.Converter{}, corpus)
}

func TestDecode(t *testing.T) {
	live, test := true, false
	tests := []struct {
		name        string
		in          string
		want        model.Customer
		wantIssues  []golden.Issue
		wantChanges []golden.Change
	}{
		{
			name: "documented response",
			in:   `{"id":"cust_9Cle7TXKkjhwqcWx4Kl5cQYk","email":"david@example.net","mobile":"+33639980102","name":"David Coaster","created":1538562174,"live_mode":false}`,
			want: model.Customer{GivenName: "David", FamilyName: "Coaster", Email: "david@example.net", Mobile: "+33639980102",
				Refs: model.References{Stancer: "cust_9Cle7TXKkjhwqcWx4Kl5cQYk"}, Created: "2018-10-03T10:22:54Z", LiveMode: &test},
			wantChanges: []golden.Change{{Kind: validate.ChangeSplit, Path: "/name", Rule: "name_split"}},
		},
		{
			name: "request with external id and live mode",
			in:   `{"name":"Patrice Dinde","email":"patrice.dinde@example.com","external_id":"6d378a8b-0849-4ab6-96a7-c107bd613852","live_mode":true,"created":0}`,
			want: model.Customer{GivenName: "Patrice", FamilyName: "Dinde", Email: "patrice.dinde@example.com",
				Refs: model.References{Merchant: "6d378a8b-0849-4ab6-96a7-c107bd613852"}, LiveMode: &live, Created: "1970-01-01T00:00:00Z"},
			wantChanges: []golden.Change{{Kind: validate.ChangeSplit, Path: "/name", Rule: "name_split"}},
		},
		{
			name:        "family name first keeps the full name",
			in:          `{"name":"Coaster, David","email":"david@example.com"}`,
			want:        model.Customer{GivenName: "David", FamilyName: "Coaster", FullName: "Coaster, David", Email: "david@example.com"},
			wantChanges: []golden.Change{{Kind: validate.ChangeSplit, Path: "/name", Rule: "name_split"}},
		},
		{
			name:        "name with extra white space splits, without the full name",
			in:          `{"name":" David  Coaster ","email":"david@example.com"}`,
			want:        model.Customer{GivenName: "David", FamilyName: "Coaster", Email: "david@example.com"},
			wantChanges: []golden.Change{{Kind: validate.ChangeSplit, Path: "/name", Rule: "name_split"}},
		},
		{
			name: "three words are not split",
			in:   `{"name":"Anna Maria Schmidt","email":"anna@example.com"}`,
			want: model.Customer{FullName: "Anna Maria Schmidt", Email: "anna@example.com"},
		},
		{
			name: "one word is not split",
			in:   `{"name":"Bob","email":"bob@example.com"}`,
			want: model.Customer{FullName: "Bob", Email: "bob@example.com"},
		},
		{
			name: "country is the address country",
			in:   `{"mobile":"+33639980102","country":"FR"}`,
			want: model.Customer{Mobile: "+33639980102", Address: model.Address{Country: "FR"}},
		},
		{
			name: "address ids and unknown members are kept",
			in:   `{"email":"a@example.com","billing_address":{"id":"addr_m8H4p4n1Oyf1PbaHGBBPfU4a","city":"Paris"},"shipping_address":"addr_m8H4p4n1Oyf1PbaHGBBPfU4a","object":"customer","metadata":{"a":1}}`,
			want: model.Customer{Email: "a@example.com", Provider: map[string]json.RawMessage{stancer.Name: json.RawMessage(
				`{"billing_address":{"city":"Paris","id":"addr_m8H4p4n1Oyf1PbaHGBBPfU4a"},"metadata":{"a":1},"object":"customer","shipping_address":"addr_m8H4p4n1Oyf1PbaHGBBPfU4a"}`)}},
			wantIssues: []golden.Issue{
				{Path: "/metadata", Code: validate.CodeUnknownField, Severity: validate.SeverityWarning},
				{Path: "/object", Code: validate.CodeUnknownField, Severity: validate.SeverityWarning},
			},
		},
		{
			name: "nulls are kept in the residue",
			in:   `{"email":"a@example.com","name":null,"mobile":null,"live_mode":null,"created":null,"id":null}`,
			want: model.Customer{Email: "a@example.com", Provider: map[string]json.RawMessage{stancer.Name: json.RawMessage(
				`{"created":null,"id":null,"live_mode":null,"mobile":null,"name":null}`)}},
		},
		{
			name: "empty strings are too short and kept",
			in:   `{"name":"","email":"","mobile":"+33639980102","external_id":"","id":""}`,
			want: model.Customer{Mobile: "+33639980102", Provider: map[string]json.RawMessage{stancer.Name: json.RawMessage(
				`{"email":"","external_id":"","id":"","name":""}`)}},
			wantIssues: []golden.Issue{
				{Path: "/email", Code: validate.CodeTooShort, Severity: validate.SeverityError},
				{Path: "/id", Code: validate.CodeInvalidID, Severity: validate.SeverityError},
				{Path: "/name", Code: validate.CodeTooShort, Severity: validate.SeverityError},
			},
		},
		{
			name: "malformed id is kept as written",
			in:   `{"id":"cust_123","email":"david@example.net"}`,
			want: model.Customer{Email: "david@example.net", Refs: model.References{Stancer: "cust_123"}},
			wantIssues: []golden.Issue{
				{Path: "/id", Code: validate.CodeInvalidID, Severity: validate.SeverityError},
			},
		},
		{
			name: "id with a character that is not a letter or digit",
			in:   `{"id":"cust_9Cle7TXKkjhwqcWx4Kl5cQY_","email":"david@example.net"}`,
			want: model.Customer{Email: "david@example.net", Refs: model.References{Stancer: "cust_9Cle7TXKkjhwqcWx4Kl5cQY_"}},
			wantIssues: []golden.Issue{
				{Path: "/id", Code: validate.CodeInvalidID, Severity: validate.SeverityError},
			},
		},
		{
			name: "wrong types stay in the residue",
			in:   `{"id":29,"name":42,"email":["a@example.com"],"mobile":{"n":"+33639980102"},"live_mode":"false","created":"1538562174","external_id":true,"country":250}`,
			want: model.Customer{Provider: map[string]json.RawMessage{stancer.Name: json.RawMessage(
				`{"country":250,"created":"1538562174","email":["a@example.com"],"external_id":true,"id":29,"live_mode":"false","mobile":{"n":"+33639980102"},"name":42}`)}},
			wantIssues: []golden.Issue{
				{Path: "/country", Code: validate.CodeWrongType, Severity: validate.SeverityError},
				{Path: "/created", Code: validate.CodeWrongType, Severity: validate.SeverityError},
				{Path: "/email", Code: validate.CodeWrongType, Severity: validate.SeverityError},
				{Path: "/external_id", Code: validate.CodeWrongType, Severity: validate.SeverityError},
				{Path: "/id", Code: validate.CodeWrongType, Severity: validate.SeverityError},
				{Path: "/live_mode", Code: validate.CodeWrongType, Severity: validate.SeverityError},
				{Path: "/mobile", Code: validate.CodeWrongType, Severity: validate.SeverityError},
				{Path: "/name", Code: validate.CodeWrongType, Severity: validate.SeverityError},
			},
		},
		{
			name: "created that is not whole seconds",
			in:   `{"email":"a@example.com","created":1538562174.5}`,
			want: model.Customer{Email: "a@example.com", Provider: map[string]json.RawMessage{stancer.Name: json.RawMessage(`{"created":1538562174.5}`)}},
			wantIssues: []golden.Issue{
				{Path: "/created", Code: validate.CodeInvalidFormat, Severity: validate.SeverityError},
			},
		},
		{
			name: "created after year 9999",
			in:   `{"email":"a@example.com","created":253402300800}`,
			want: model.Customer{Email: "a@example.com", Provider: map[string]json.RawMessage{stancer.Name: json.RawMessage(`{"created":253402300800}`)}},
			wantIssues: []golden.Issue{
				{Path: "/created", Code: validate.CodeInvalidFormat, Severity: validate.SeverityError},
			},
		},
		{
			name: "created at the end of year 9999",
			in:   `{"email":"a@example.com","created":253402300799}`,
			want: model.Customer{Email: "a@example.com", Created: "9999-12-31T23:59:59Z"},
		},
		{
			name: "values are not normalized",
			in:   `{"name":"Anna  Maria Schmidt ","email":" A@Example.COM","mobile":"06 39 98 01 02","country":"France"}`,
			want: model.Customer{FullName: "Anna  Maria Schmidt ", Email: " A@Example.COM", Mobile: "06 39 98 01 02", Address: model.Address{Country: "France"}},
		},
		{
			name:       "not JSON",
			in:         `{"name":`,
			wantIssues: []golden.Issue{{Path: "", Code: validate.CodeInvalidJSON, Severity: validate.SeverityError}},
		},
		{
			name:       "an array",
			in:         `[{"name":"David Coaster"}]`,
			wantIssues: []golden.Issue{{Path: "", Code: validate.CodeWrongType, Severity: validate.SeverityError}},
		},
		{
			name:       "null",
			in:         `null`,
			wantIssues: []golden.Issue{{Path: "", Code: validate.CodeWrongType, Severity: validate.SeverityError}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, _, rep := stancer.Converter{}.Decode([]byte(tc.in))
			if diff := cmp.Diff(toJSONValue(t, tc.want), toJSONValue(t, got)); diff != "" {
				t.Errorf("Decode(%s) record mismatch (-want +got):\n%s", tc.in, diff)
			}
			if diff := cmp.Diff(sortIssueKeys(tc.wantIssues), issueKeys(rep.Issues)); diff != "" {
				t.Errorf("Decode(%s) issues mismatch (-want +got):\n%s", tc.in, diff)
			}
			if diff := cmp.Diff(sortChangeKeys(tc.wantChanges), changeKeys(rep.Changes)); diff != "" {
				t.Errorf("Decode(%s) changes mismatch (-want +got):\n%s", tc.in, diff)
			}
		})
	}
}

func TestEncode(t *testing.T) {
	live := true
	tests := []struct {
		name        string
		in          model.Customer
		want        string
		wantIssues  []golden.Issue
		wantChanges []golden.Change
	}{
		{
			name: "given and family name are joined",
			in:   model.Customer{GivenName: "David", FamilyName: "Coaster", Email: "david@example.net", Mobile: "+33639980102"},
			want: `{"name":"David Coaster","email":"david@example.net","mobile":"+33639980102"}`,
			wantChanges: []golden.Change{
				{Kind: validate.ChangeJoined, Path: "/givenName", Target: "/name", Rule: "name_join"},
			},
		},
		{
			name: "full name is written as it is",
			in:   model.Customer{FullName: "Anna Maria Schmidt", Email: "anna@example.com"},
			want: `{"name":"Anna Maria Schmidt","email":"anna@example.com"}`,
		},
		{
			name: "full name with the parts it splits into",
			in:   model.Customer{GivenName: "David", FamilyName: "Coaster", FullName: "Coaster, David", Email: "david@example.com"},
			want: `{"name":"Coaster, David","email":"david@example.com"}`,
		},
		{
			name:        "full name with other parts drops the parts",
			in:          model.Customer{GivenName: "Jane", FamilyName: "Doe", FullName: "J. Doe", Email: "jane@example.com"},
			want:        `{"name":"J. Doe","email":"jane@example.com"}`,
			wantChanges: golden.Dropped("not_in_target", "/familyName", "/givenName"),
		},
		{
			name: "family name alone",
			in:   model.Customer{FamilyName: "Coaster", Email: "david@example.com"},
			want: `{"name":"Coaster","email":"david@example.com"}`,
		},
		{
			name: "merchant reference is the external id",
			in:   model.Customer{Email: "john.doe@example.com", Refs: model.References{Merchant: "6d378a8b-0849-4ab6-96a7-c107bd613852"}},
			want: `{"email":"john.doe@example.com","external_id":"6d378a8b-0849-4ab6-96a7-c107bd613852"}`,
		},
		{
			name: "read-only values are dropped",
			in: model.Customer{Email: "david@example.net", Refs: model.References{Stancer: "cust_9Cle7TXKkjhwqcWx4Kl5cQYk"},
				Created: "2018-10-03T10:22:54Z", LiveMode: &live, Address: model.Address{Country: "FR"}},
			want:        `{"email":"david@example.net"}`,
			wantChanges: golden.Dropped("read_only", "/address/country", "/created", "/liveMode", "/refs/stancer"),
		},
		{
			name: "residue is written back without its read-only members",
			in: model.Customer{Email: "david@example.net", Provider: map[string]json.RawMessage{
				stancer.Name: json.RawMessage(`{"billing_address":"addr_m8H4p4n1Oyf1PbaHGBBPfU4a","id":29,"created":"x","live_mode":null,"country":{"a":1},"object":"customer"}`),
				"riverty":    json.RawMessage(`{"currency":"EUR"}`),
			}},
			want: `{"email":"david@example.net","billing_address":"addr_m8H4p4n1Oyf1PbaHGBBPfU4a","object":"customer"}`,
			wantChanges: []golden.Change{
				{Kind: validate.ChangeDropped, Path: "/provider/riverty/currency", Rule: "not_in_target"},
				{Kind: validate.ChangeDropped, Path: "/provider/stancer/country/a", Rule: "read_only"}, // each value, as every dropped change,
				{Kind: validate.ChangeDropped, Path: "/provider/stancer/created", Rule: "read_only"},
				{Kind: validate.ChangeDropped, Path: "/provider/stancer/id", Rule: "read_only"},
				{Kind: validate.ChangeDropped, Path: "/provider/stancer/live_mode", Rule: "read_only"},
			},
		},
		{
			name:        "residue of read-only members only",
			in:          model.Customer{Email: "david@example.net", Provider: map[string]json.RawMessage{stancer.Name: json.RawMessage(`{"id":29}`)}},
			want:        `{"email":"david@example.net"}`,
			wantChanges: golden.Dropped("read_only", "/provider/stancer/id"),
		},
		{
			name: "residue that is not an object",
			in:   model.Customer{Email: "david@example.net", Provider: map[string]json.RawMessage{stancer.Name: json.RawMessage(`[1]`)}},
			want: `{"email":"david@example.net"}`,
			wantIssues: []golden.Issue{
				{Path: "/provider/stancer", Code: validate.CodeWrongType, Severity: validate.SeverityError},
			},
			wantChanges: golden.Dropped("not_in_target", "/provider/stancer/0"),
		},
		{
			name: "residue that is not JSON",
			in:   model.Customer{Email: "david@example.net", Provider: map[string]json.RawMessage{stancer.Name: json.RawMessage(`{`)}},
			want: `{"email":"david@example.net"}`,
			wantIssues: []golden.Issue{
				{Path: "/provider/stancer", Code: validate.CodeInvalidJSON, Severity: validate.SeverityError},
			},
			wantChanges: golden.Dropped("not_in_target", "/provider/stancer"),
		},
		{
			name: "what Stancer cannot hold is dropped",
			in: model.Customer{Salutation: "Mr.", GivenName: "John", FamilyName: "Doe", BirthDate: model.Date{Year: 1991, Month: 2, Day: 3},
				Email: "example@example.com", Phone: "+49123456789", Mobile: "+491775555555",
				Address: model.Address{Street: "Example Street", HouseNumber: "6a", PostalCode: "01234", City: "Examplecity", Country: "DE"}},
			want: `{"name":"John Doe","email":"example@example.com","mobile":"+491775555555"}`,
			wantChanges: []golden.Change{
				{Kind: validate.ChangeDropped, Path: "/address/city", Rule: "not_in_target"},
				{Kind: validate.ChangeDropped, Path: "/address/country", Rule: "read_only"},
				{Kind: validate.ChangeDropped, Path: "/address/houseNumber", Rule: "not_in_target"},
				{Kind: validate.ChangeDropped, Path: "/address/postalCode", Rule: "not_in_target"},
				{Kind: validate.ChangeDropped, Path: "/address/street", Rule: "not_in_target"},
				{Kind: validate.ChangeDropped, Path: "/birthDate", Rule: "not_in_target"},
				{Kind: validate.ChangeJoined, Path: "/givenName", Target: "/name", Rule: "name_join"},
				{Kind: validate.ChangeDropped, Path: "/phone", Rule: "not_in_target"},
				{Kind: validate.ChangeDropped, Path: "/salutation", Rule: "not_in_target"},
			},
		},
		{
			name:       "neither email nor mobile on create",
			in:         model.Customer{GivenName: "David", FamilyName: "Coaster", Phone: "+33140000000"},
			want:       `{"name":"David Coaster"}`,
			wantIssues: []golden.Issue{{Path: "", Code: validate.CodeOneOfRequired, Severity: validate.SeverityError}},
			wantChanges: []golden.Change{
				{Kind: validate.ChangeJoined, Path: "/givenName", Target: "/name", Rule: "name_join"},
				{Kind: validate.ChangeDropped, Path: "/phone", Rule: "not_in_target"},
			},
		},
		{
			name:       "empty record",
			in:         model.Customer{},
			want:       `{}`,
			wantIssues: []golden.Issue{{Path: "", Code: validate.CodeOneOfRequired, Severity: validate.SeverityError}},
		},
		{
			name:        "neither email nor mobile on update",
			in:          model.Customer{FullName: "David Coaster", Refs: model.References{Stancer: "cust_9Cle7TXKkjhwqcWx4Kl5cQYk"}},
			want:        `{"name":"David Coaster"}`,
			wantChanges: golden.Dropped("read_only", "/refs/stancer"),
		},
		{
			name:       "fixed-line mobile",
			in:         model.Customer{Email: "david@example.com", Mobile: "+33140000000"},
			want:       `{"email":"david@example.com","mobile":"+33140000000"}`,
			wantIssues: []golden.Issue{{Path: "/mobile", Code: validate.CodeNotMobile, Severity: validate.SeverityWarning}},
		},
		{
			name:        "national fixed-line mobile with the address country as region",
			in:          model.Customer{Email: "david@example.com", Mobile: "0140000000", Address: model.Address{Country: "FR"}},
			want:        `{"email":"david@example.com","mobile":"0140000000"}`,
			wantIssues:  []golden.Issue{{Path: "/mobile", Code: validate.CodeNotMobile, Severity: validate.SeverityWarning}},
			wantChanges: golden.Dropped("read_only", "/address/country"),
		},
		{
			name: "mobile of a plan without the distinction",
			in:   model.Customer{Email: "david@example.com", Mobile: "+12015550123"},
			want: `{"email":"david@example.com","mobile":"+12015550123"}`,
		},
		{
			name: "mobile that does not parse is left to the phone check",
			in:   model.Customer{Email: "david@example.com", Mobile: "+33XXXXXXXXX"},
			want: `{"email":"david@example.com","mobile":"+33XXXXXXXXX"}`,
		},
		{
			name: "joined name over the limit",
			in:   model.Customer{GivenName: strings.Repeat("D", 32), FamilyName: strings.Repeat("C", 32), Email: "david@example.com"},
			want: `{"name":"` + strings.Repeat("D", 32) + " " + strings.Repeat("C", 32) + `","email":"david@example.com"}`,
			wantIssues: []golden.Issue{
				{Path: "/givenName", Code: validate.CodeTooLong, Severity: validate.SeverityError},
			},
			wantChanges: []golden.Change{
				{Kind: validate.ChangeJoined, Path: "/givenName", Target: "/name", Rule: "name_join"},
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, rep := stancer.Converter{}.Encode(tc.in)
			if diff := cmp.Diff(golden.Value(t, []byte(tc.want)), golden.Value(t, got)); diff != "" {
				t.Errorf("Encode(%+v) mismatch (-want +got):\n%s", tc.in, diff)
			}
			if diff := cmp.Diff(sortIssueKeys(tc.wantIssues), issueKeys(rep.Issues)); diff != "" {
				t.Errorf("Encode(%+v) issues mismatch (-want +got):\n%s", tc.in, diff)
			}
			if diff := cmp.Diff(sortChangeKeys(tc.wantChanges), changeKeys(rep.Changes)); diff != "" {
				t.Errorf("Encode(%+v) changes mismatch (-want +got):\n%s", tc.in, diff)
			}
		})
	}
}

// TestEncodeTargets checks that issues and changes that exist in the output
// carry the Stancer member as target.
func TestEncodeTargets(t *testing.T) {
	_, rep := stancer.Converter{}.Encode(model.Customer{GivenName: "Al", FamilyName: "B", Email: "a@b", Mobile: "+33140000000"})
	want := map[validate.Code]validate.Pointer{}
	for _, i := range rep.Issues {
		if i.Target == nil {
			t.Errorf("issue %s at %s has no target", i.Code, i.Path)
			continue
		}
		want[i.Code] = *i.Target
	}
	if diff := cmp.Diff(map[validate.Code]validate.Pointer{
		validate.CodeTooShort:  "/email",
		validate.CodeNotMobile: "/mobile",
	}, want); diff != "" {
		t.Errorf("Encode targets mismatch (-want +got):\n%s", diff)
	}
	for _, i := range rep.Issues {
		if i.Code == validate.CodeTooShort && i.Path != "/email" {
			t.Errorf("too_short at %s, want /email", i.Path)
		}
	}
}

// TestLimits checks every boundary the SDKs test (lib-python
// tests/test_customer.py, lib-php tests/unit/Customer.php: email, mobile,
// name and external id lengths) through Decode and Encode, with paths
// mapped back to the input.
func TestLimits(t *testing.T) {
	const name, email, mobile = "David Coaster", "david@example.com", "+33639980102"
	doc := func(members map[string]any) []byte {
		b, err := json.Marshal(members)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	tests := []struct {
		name    string
		members map[string]any
		want    []golden.Issue
	}{
		{"email 4", map[string]any{"name": name, "email": "a@bc"}, []golden.Issue{{Path: "/email", Code: validate.CodeTooShort, Severity: validate.SeverityError}}},
		{"email 5", map[string]any{"name": name, "email": "a@b.c"}, nil},
		{"email 64", map[string]any{"name": name, "email": strings.Repeat("d", 52) + "@example.com"}, nil},
		{"email 65", map[string]any{"name": name, "email": strings.Repeat("d", 53) + "@example.com"}, []golden.Issue{{Path: "/email", Code: validate.CodeTooLong, Severity: validate.SeverityError}}},
		{"email empty", map[string]any{"name": name, "email": "", "mobile": mobile}, []golden.Issue{{Path: "/email", Code: validate.CodeTooShort, Severity: validate.SeverityError}}},
		{"email integer", map[string]any{"name": name, "email": 12345, "mobile": mobile}, []golden.Issue{{Path: "/email", Code: validate.CodeWrongType, Severity: validate.SeverityError}}},
		{"mobile 7", map[string]any{"name": name, "mobile": "+336399"}, []golden.Issue{{Path: "/mobile", Code: validate.CodeTooShort, Severity: validate.SeverityError}}},
		{"mobile 8", map[string]any{"name": name, "mobile": "+6620123"}, nil},
		{"mobile 16", map[string]any{"name": name, "mobile": "+336399801021234"}, nil},
		{"mobile 17", map[string]any{"name": name, "mobile": "+3368485868700001"}, []golden.Issue{{Path: "/mobile", Code: validate.CodeTooLong, Severity: validate.SeverityError}}},
		{"mobile empty", map[string]any{"name": name, "mobile": "", "email": email}, []golden.Issue{{Path: "/mobile", Code: validate.CodeTooShort, Severity: validate.SeverityError}}},
		{"name 2", map[string]any{"name": "Al", "email": email}, []golden.Issue{{Path: "/name", Code: validate.CodeTooShort, Severity: validate.SeverityError}}},
		{"name 3", map[string]any{"name": "Bob", "email": email}, []golden.Issue{{Path: "/name", Code: validate.CodeTooShort, Severity: validate.SeverityError}}},
		{"name 3 code points, 4 bytes", map[string]any{"name": "Léo", "email": email}, []golden.Issue{{Path: "/name", Code: validate.CodeTooShort, Severity: validate.SeverityError}}},
		{"name 3 code points after NFC", map[string]any{"name": "Le\u0301o", "email": email}, []golden.Issue{{Path: "/name", Code: validate.CodeTooShort, Severity: validate.SeverityError}}},
		{"name 4", map[string]any{"name": "Anna", "email": email}, nil},
		{"name 4 split", map[string]any{"name": "Al Bo", "email": email}, nil},
		{"name 64", map[string]any{"name": strings.Repeat("D", 32) + " " + strings.Repeat("C", 31), "email": email}, nil},
		{"name 65 split", map[string]any{"name": strings.Repeat("D", 32) + " " + strings.Repeat("C", 32), "email": email}, []golden.Issue{{Path: "/name", Code: validate.CodeTooLong, Severity: validate.SeverityError}}},
		{"name 65 whole", map[string]any{"name": strings.Repeat("D ", 32) + "D", "email": email}, []golden.Issue{{Path: "/name", Code: validate.CodeTooLong, Severity: validate.SeverityError}}},
		{"name empty", map[string]any{"name": "", "email": email}, []golden.Issue{{Path: "/name", Code: validate.CodeTooShort, Severity: validate.SeverityError}}},
		{"name integer", map[string]any{"name": 42, "email": email}, []golden.Issue{{Path: "/name", Code: validate.CodeWrongType, Severity: validate.SeverityError}}},
		{"external id 36", map[string]any{"email": email, "external_id": "6d378a8b-0849-4ab6-96a7-c107bd613852"}, nil},
		{"external id 37", map[string]any{"email": email, "external_id": "6d378a8b-0849-4ab6-96a7-c107bd6138521"}, []golden.Issue{{Path: "/external_id", Code: validate.CodeTooLong, Severity: validate.SeverityError}}},
		{"external id 40", map[string]any{"email": email, "external_id": strings.Repeat("x", 40)}, []golden.Issue{{Path: "/external_id", Code: validate.CodeTooLong, Severity: validate.SeverityError}}},
		{"external id empty", map[string]any{"email": email, "external_id": ""}, nil},
		{"only name", map[string]any{"name": name}, []golden.Issue{{Path: "", Code: validate.CodeOneOfRequired, Severity: validate.SeverityError}}},
		{"only email", map[string]any{"email": email}, nil},
		{"only mobile", map[string]any{"mobile": mobile}, nil},
		{"only name, with id (update)", map[string]any{"id": "cust_9Cle7TXKkjhwqcWx4Kl5cQYk", "name": name}, nil},
		{"id 29", map[string]any{"id": "cust_nwSpP6LKE828Inhiu1CXyp7l", "email": email}, nil},
		{"id 28", map[string]any{"id": "cust_nwSpP6LKE828Inhiu1CXyp7", "email": email}, []golden.Issue{{Path: "/id", Code: validate.CodeInvalidID, Severity: validate.SeverityError}}},
		{"id 30", map[string]any{"id": "cust_nwSpP6LKE828Inhiu1CXyp7lX", "email": email}, []golden.Issue{{Path: "/id", Code: validate.CodeInvalidID, Severity: validate.SeverityError}}},
		{"id prefix", map[string]any{"id": "cus_nwSpP6LKE828Inhiu1CXyp7lX", "email": email}, []golden.Issue{{Path: "/id", Code: validate.CodeInvalidID, Severity: validate.SeverityError}}},
		{"id upper-case prefix", map[string]any{"id": "CUST_nwSpP6LKE828Inhiu1CXyp7l", "email": email}, []golden.Issue{{Path: "/id", Code: validate.CodeInvalidID, Severity: validate.SeverityError}}},
		{"id non-ASCII letter", map[string]any{"id": "cust_nwSpP6LKE828Inhiu1CXypé", "email": email}, []golden.Issue{{Path: "/id", Code: validate.CodeInvalidID, Severity: validate.SeverityError}}},
		{"fixed-line mobile", map[string]any{"name": name, "mobile": "+33140000000"}, []golden.Issue{{Path: "/mobile", Code: validate.CodeNotMobile, Severity: validate.SeverityWarning}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			data := doc(tc.members)
			rep := validateDoc(data)
			if diff := cmp.Diff(sortIssueKeys(tc.want), issueKeys(rep.Issues)); diff != "" {
				t.Errorf("validate(%s) issues mismatch (-want +got):\n%s", data, diff)
			}
		})
	}
}

// TestLargeValues checks that huge values neither panic nor take long:
// Decode refuses documents over 1 MiB, Encode measures whatever it gets.
func TestLargeValues(t *testing.T) {
	big := strings.Repeat("é", 1<<18)
	var conv stancer.Converter
	doc, _ := json.Marshal(map[string]string{"name": strings.Repeat("a", 1<<20)})
	if _, _, rep := conv.Decode(doc); !rep.Issues.HasError() {
		t.Errorf("Decode(%d bytes) issues = %v, want too_large", len(doc), issueKeys(rep.Issues))
	}
	c := model.Customer{GivenName: big, FamilyName: big, Email: big, Mobile: model.Phone(big), Refs: model.References{Merchant: big}}
	_, rep := conv.Encode(c)
	want := []golden.Issue{
		{Path: "/email", Code: validate.CodeTooLong, Severity: validate.SeverityError},
		{Path: "/givenName", Code: validate.CodeTooLong, Severity: validate.SeverityError},
		{Path: "/mobile", Code: validate.CodeTooLong, Severity: validate.SeverityError},
		{Path: "/refs/merchant", Code: validate.CodeTooLong, Severity: validate.SeverityError},
	}
	if diff := cmp.Diff(want, issueKeys(rep.Issues)); diff != "" {
		t.Errorf("Encode(large values) issues mismatch (-want +got):\n%s", diff)
	}
}

// TestRoundTripCanonical checks canonical → Stancer → canonical: Decode(Encode(c))
// is c minus exactly what Encode reported as dropped. Where the name comes
// back in another, equivalent shape (documented in the package doc,
// # Divergences), the case says so in want.
func TestRoundTripCanonical(t *testing.T) {
	live, test := true, false
	tests := []struct {
		name string
		in   model.Customer
		// want, when set, is the record Decode gives back instead of in
		// minus the dropped values.
		want *model.Customer
	}{
		{
			name: "person with given and family name",
			in:   model.Customer{GivenName: "David", FamilyName: "Coaster", Email: "david@example.net", Mobile: "+33639980102"},
		},
		{
			name: "name that does not split",
			in:   model.Customer{FullName: "Anna Maria Schmidt", Email: "anna@example.com", Refs: model.References{Merchant: "6d378a8b-0849-4ab6-96a7-c107bd613852"}},
		},
		{
			name: "family name first, with its parts",
			in:   model.Customer{GivenName: "David", FamilyName: "Coaster", FullName: "Coaster, David", Mobile: "+33684858687"},
		},
		{
			name: "Stancer response",
			in: model.Customer{GivenName: "John", FamilyName: "Doe", Email: "john.doe@example.com", Mobile: "+33666172730",
				Refs:    model.References{Stancer: "cust_PpdYwq0ZPdoags46d5cB9HpQ", Merchant: "6d378a8b-0849-4ab6-96a7-c107bd613852"},
				Created: "2025-09-22T14:22:25Z", LiveMode: &live, Address: model.Address{Country: "FR"},
				Provider: map[string]json.RawMessage{stancer.Name: json.RawMessage(`{"billing_address":"addr_m8H4p4n1Oyf1PbaHGBBPfU4a","created":"x"}`)}},
		},
		{
			name: "record from another provider",
			in: model.Customer{Kind: model.KindPerson, Salutation: "Mr.", Title: "Dr.", GivenName: "John", FamilyName: "Doe",
				CompanyName: "Example Inc.", BirthDate: model.Date{Year: 1991, Month: 2, Day: 3}, Email: "example@example.com",
				Phone: "+49123456789", Mobile: "+4915123456789", Language: "de", LiveMode: &test,
				Address:  model.Address{Street: "Example Street", HouseNumber: "6a", PostalCode: "01234", City: "Examplecity", Country: "DE"},
				Refs:     model.References{Secuconnect: "PCU_38RG7MHRE2NJTPFMXRYQP3NKW6GVAZ"},
				Provider: map[string]json.RawMessage{"secuconnect": json.RawMessage(`{"contract":{"id":"PCR_X","object":"payment.contracts"}}`)}},
		},
		{
			name: "empty record",
			in:   model.Customer{},
		},
		{
			name: "full name that splits comes back as its parts",
			in:   model.Customer{FullName: "David Coaster", Email: "david@example.net"},
			want: &model.Customer{GivenName: "David", FamilyName: "Coaster", Email: "david@example.net"},
		},
		{
			name: "full name equal to the join comes back without it",
			in:   model.Customer{GivenName: "David", FamilyName: "Coaster", FullName: "David Coaster", Email: "david@example.net"},
			want: &model.Customer{GivenName: "David", FamilyName: "Coaster", Email: "david@example.net"},
		},
		{
			name: "lone given name comes back as full name",
			in:   model.Customer{GivenName: "David", Email: "david@example.net"},
			want: &model.Customer{FullName: "David", Email: "david@example.net"},
		},
	}
	var conv stancer.Converter
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, rep := conv.Encode(tc.in)
			want := golden.WithoutDropped(t, tc.in, rep.Changes)
			if tc.want != nil {
				want = golden.WithoutDropped(t, *tc.want, nil)
			}
			if diff := cmp.Diff(want, decodeValue(t, out)); diff != "" {
				t.Errorf("Decode(Encode(%+v)) mismatch (-want +got):\n%s", tc.in, diff)
			}
			// Encoding again gives the same document.
			c2, _, _ := conv.Decode(out)
			out2, _ := conv.Encode(c2)
			if diff := cmp.Diff(golden.Value(t, out), golden.Value(t, out2)); diff != "" {
				t.Errorf("Encode(Decode(Encode(%+v))) mismatch (-want +got):\n%s", tc.in, diff)
			}
		})
	}
}

// TestOrigins checks that every canonical value Decode maps has its origin,
// and that issues Encode reports on canonical pointers map back to the
// member they came from.
func TestOrigins(t *testing.T) {
	data := []byte(`{"id":"cust_9Cle7TXKkjhwqcWx4Kl5cQYk","name":"Coaster, David","email":"d@example.net","mobile":"+33639980102",` +
		`"external_id":"x","created":1538562174,"live_mode":false,"country":"FR","billing_address":"addr_m8H4p4n1Oyf1PbaHGBBPfU4a"}`)
	_, origins, _ := stancer.Converter{}.Decode(data)
	want := map[validate.Pointer]validate.Pointer{
		"/refs/stancer":                     "/id",
		"/givenName":                        "/name",
		"/familyName":                       "/name",
		"/fullName":                         "/name",
		"/email":                            "/email",
		"/mobile":                           "/mobile",
		"/refs/merchant":                    "/external_id",
		"/created":                          "/created",
		"/liveMode":                         "/live_mode",
		"/address/country":                  "/country",
		"/provider/stancer/billing_address": "/billing_address",
		"":                                  "",
	}
	got := map[validate.Pointer]validate.Pointer{}
	for canon := range want {
		got[canon] = origins.Of(canon)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Decode(%s) origins mismatch (-want +got):\n%s", data, diff)
	}

	// Origins of members the document lacks point where they belong.
	_, origins, _ = stancer.Converter{}.Decode([]byte(`{}`))
	for canon, src := range map[validate.Pointer]validate.Pointer{"/givenName": "/name", "/email": "/email", "/mobile": "/mobile"} {
		if got := origins.Of(canon); got != src {
			t.Errorf("Decode({}) origin of %s = %q, want %q", canon, got, src)
		}
	}
}
