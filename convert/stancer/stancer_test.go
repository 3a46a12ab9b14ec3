package stancer_test

import (
	"encoding/json"
	"path/filepath"
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
