package worldline_test

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/custnorm/custnorm/convert/worldline"
	"github.com/custnorm/custnorm/internal/golden"
	"github.com/custnorm/custnorm/model"
	"github.com/custnorm/custnorm/validate"
)

func TestLookupDecode(t *testing.T) {
	se := model.Address{Country: "SE"}
	tests := []struct {
		name   string
		in     string
		want   model.Customer
		issues []golden.Issue
	}{
		{
			name: "W1 SDK example: 11 digits are not a personnummer",
			in:   `{"countryCode":"SE","values":[{"key":"fiscalNumber","value":"01234567890"}]}`,
			want: model.Customer{Address: se, NationalID: "01234567890"},
			issues: []golden.Issue{
				warn("/values/0/value", validate.CodeInvalidID),
			},
		},
		{
			name: "the customerDetails page's client example: a placeholder that fails the personnummer check",
			in:   `{"countryCode":"SE","values":[{"key":"fiscalNumber","value":"012345678901"}]}`,
			want: model.Customer{Address: se, NationalID: "012345678901"},
			issues: []golden.Issue{
				fail("/values/0/value", validate.CodeInvalidID),
			},
		},
		{
			name: "valid personnummer",
			in:   `{"countryCode":"SE","values":[{"key":"fiscalNumber","value":"191212121212"}]}`,
			want: model.Customer{Address: se, NationalID: "191212121212"},
		},
		{
			name:   "W2 empty values",
			in:     `{"countryCode":"SE","values":[]}`,
			want:   model.Customer{Address: se, Provider: map[string]json.RawMessage{"worldline-lookup": raw(`{"values":[]}`)}},
			issues: []golden.Issue{fail("/values", validate.CodeTooShort)},
		},
		{
			name: "W3 extra member in an item",
			in:   `{"countryCode":"SE","values":[{"key":"fiscalNumber","value":"191212121212","extra":1}]}`,
			want: model.Customer{Address: se, NationalID: "191212121212",
				Provider: map[string]json.RawMessage{"worldline-lookup": raw(`{"values":[{"key":"fiscalNumber","extra":1}]}`)}},
			issues: []golden.Issue{fail("/values/0/extra", validate.CodeUnknownField)},
		},
		{
			name: "W3 extra top-level member",
			in:   `{"countryCode":"SE","values":[{"key":"fiscalNumber","value":"191212121212"}],"paymentProductId":9000}`,
			want: model.Customer{Address: se, NationalID: "191212121212",
				Provider: map[string]json.RawMessage{"worldline-lookup": raw(`{"paymentProductId":9000}`)}},
			issues: []golden.Issue{fail("/paymentProductId", validate.CodeUnknownField)},
		},
		{
			name:   "nothing",
			in:     `{}`,
			issues: []golden.Issue{fail("/countryCode", validate.CodeRequired), fail("/values", validate.CodeRequired)},
		},
		{
			name: "empty and null",
			in:   `{"countryCode":"","values":null}`,
			want: model.Customer{
				Provider: map[string]json.RawMessage{"worldline-lookup": raw(`{"countryCode":"","values":null}`)}},
			issues: []golden.Issue{fail("/countryCode", validate.CodeRequired), fail("/values", validate.CodeRequired)},
		},
		{
			name: "wrong types",
			in:   `{"countryCode":46,"values":{"key":"fiscalNumber"}}`,
			want: model.Customer{
				Provider: map[string]json.RawMessage{"worldline-lookup": raw(`{"countryCode":46,"values":{"key":"fiscalNumber"}}`)}},
			issues: []golden.Issue{fail("/countryCode", validate.CodeWrongType), fail("/values", validate.CodeWrongType)},
		},
		{
			name: "wrong item types",
			in:   `{"countryCode":"SE","values":[null,{"key":1,"value":["x"]}]}`,
			want: model.Customer{Address: se,
				Provider: map[string]json.RawMessage{"worldline-lookup": raw(`{"values":[null,{"key":1,"value":["x"]}]}`)}},
			issues: []golden.Issue{
				fail("/values/0", validate.CodeWrongType),
				fail("/values/1/key", validate.CodeWrongType),
				fail("/values/1/value", validate.CodeWrongType),
			},
		},
		{
			name: "other keys only",
			in:   `{"countryCode":"NL","values":[{"key":"zip","value":"1234AB"}]}`,
			want: model.Customer{Address: model.Address{Country: "NL"},
				Provider: map[string]json.RawMessage{"worldline-lookup": raw(`{"values":[{"key":"zip","value":"1234AB"}]}`)}},
		},
		{
			name: "fiscal number after another key leaves a placeholder",
			in:   `{"countryCode":"NO","values":[{"key":"zip","value":"0150"},{"key":"fiscalNumber","value":"01019010046"}]}`,
			want: model.Customer{Address: model.Address{Country: "NO"}, NationalID: "01019010046",
				Provider: map[string]json.RawMessage{"worldline-lookup": raw(`{"values":[{"key":"zip","value":"0150"},{"key":"fiscalNumber"}]}`)}},
		},
		{
			name: "only the first fiscal number is read",
			in:   `{"countryCode":"SE","values":[{"key":"fiscalNumber","value":"191212121212"},{"key":"fiscalNumber","value":"2"}]}`,
			want: model.Customer{Address: se, NationalID: "191212121212",
				Provider: map[string]json.RawMessage{"worldline-lookup": raw(`{"values":[{"key":"fiscalNumber"},{"key":"fiscalNumber","value":"2"}]}`)}},
		},
		{
			name: "empty fiscal number is kept as it is",
			in:   `{"countryCode":"SE","values":[{"key":"fiscalNumber","value":""},{"key":"fiscalNumber","value":"2"}]}`,
			want: model.Customer{Address: se,
				Provider: map[string]json.RawMessage{"worldline-lookup": raw(`{"values":[{"key":"fiscalNumber","value":""},{"key":"fiscalNumber","value":"2"}]}`)}},
		},
		{
			name: "country as written, checked through its name",
			in:   `{"countryCode":"Norway","values":[{"key":"fiscalNumber","value":"0102031234"}]}`,
			want: model.Customer{Address: model.Address{Country: "Norway"}, NationalID: "0102031234"},
			issues: []golden.Issue{
				warn("/values/0/value", validate.CodeInvalidID),
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			checkDecoded(t, worldline.LookupConverter{}, tc.in, tc.want, tc.issues)
		})
	}
}

func TestLookupDecodeOrigins(t *testing.T) {
	tests := []struct {
		in   string
		want map[validate.Pointer]validate.Pointer
	}{
		{
			in: `{"values":[{"key":"zip","value":"1"},{"key":"fiscalNumber","value":"2"}]}`,
			want: map[validate.Pointer]validate.Pointer{
				"/address/country": "/countryCode",
				"/nationalId":      "/values/1/value",
				"/provider/worldline-lookup/values/0/key": "/values/0/key",
			},
		},
		{
			in: `{"countryCode":"SE","values":[{"key":"zip","value":"1"}]}`,
			want: map[validate.Pointer]validate.Pointer{
				"/address/country": "/countryCode",
				"/nationalId":      "/values",
			},
		},
	}
	for _, tc := range tests {
		_, origins, _ := worldline.LookupConverter{}.Decode([]byte(tc.in))
		for canon, want := range tc.want {
			if got := origins.Of(canon); got != want {
				t.Errorf("Decode(%s): origins.Of(%q) = %q, want %q", tc.in, canon, got, want)
			}
		}
	}
}

func TestLookupEncode(t *testing.T) {
	tests := []struct {
		name    string
		in      model.Customer
		want    string
		issues  []golden.Issue
		changes []golden.Change
	}{
		{
			name: "country and national id",
			in:   model.Customer{Address: model.Address{Country: "SE"}, NationalID: "191212121212"},
			want: `{"countryCode":"SE","values":[{"key":"fiscalNumber","value":"191212121212"}]}`,
		},
		{
			name: "nothing",
			want: `{}`,
			issues: []golden.Issue{
				withTarget(fail("/address/country", validate.CodeRequired), "/countryCode"),
				withTarget(fail("/nationalId", validate.CodeRequired), "/values"),
			},
		},
		{
			name: "everything else is dropped",
			in: model.Customer{
				GivenName: "Gustav", FamilyName: "Adolfs", Phone: "+46812345678", NationalID: "191212121212",
				Address:  model.Address{Street: "Gustav Adolfs torg", HouseNumber: "22", City: "Stockholm", Country: "SE"},
				Provider: map[string]json.RawMessage{"worldline": raw(`{"languageCode":""}`)},
			},
			want:    `{"countryCode":"SE","values":[{"key":"fiscalNumber","value":"191212121212"}]}`,
			changes: golden.Dropped("not_in_target", "/address/city", "/address/houseNumber", "/address/street", "/familyName", "/givenName", "/phone", "/provider/worldline/languageCode"),
		},
		{
			name:   "missing country",
			in:     model.Customer{NationalID: "191212121212"},
			want:   `{"values":[{"key":"fiscalNumber","value":"191212121212"}]}`,
			issues: []golden.Issue{withTarget(fail("/address/country", validate.CodeRequired), "/countryCode")},
		},
		{
			name:   "missing national id",
			in:     model.Customer{Address: model.Address{Country: "SE"}},
			want:   `{"countryCode":"SE"}`,
			issues: []golden.Issue{withTarget(fail("/nationalId", validate.CodeRequired), "/values")},
		},
		{
			name: "other lookup values without national id",
			in: model.Customer{Address: model.Address{Country: "NL"},
				Provider: map[string]json.RawMessage{"worldline-lookup": raw(`{"values":[{"key":"zip","value":"1234AB"}]}`)}},
			want: `{"countryCode":"NL","values":[{"key":"zip","value":"1234AB"}]}`,
		},
		{
			name: "national id fills its placeholder",
			in: model.Customer{Address: model.Address{Country: "NO"}, NationalID: "01019010046",
				Provider: map[string]json.RawMessage{"worldline-lookup": raw(`{"values":[{"key":"zip","value":"0150"},{"key":"fiscalNumber"}]}`)}},
			want: `{"countryCode":"NO","values":[{"key":"zip","value":"0150"},{"key":"fiscalNumber","value":"01019010046"}]}`,
		},
		{
			name: "national id first when there is no placeholder",
			in: model.Customer{Address: model.Address{Country: "NO"}, NationalID: "01019010046",
				Provider: map[string]json.RawMessage{"worldline-lookup": raw(`{"values":[{"key":"zip","value":"0150"}]}`)}},
			want: `{"countryCode":"NO","values":[{"key":"fiscalNumber","value":"01019010046"},{"key":"zip","value":"0150"}]}`,
		},
		{
			name: "placeholder without national id stays as it is",
			in: model.Customer{Address: model.Address{Country: "NO"},
				Provider: map[string]json.RawMessage{"worldline-lookup": raw(`{"values":[{"key":"fiscalNumber"}]}`)}},
			want: `{"countryCode":"NO","values":[{"key":"fiscalNumber"}]}`,
		},
		{
			name: "what the request cannot hold is dropped from the provider section",
			in: model.Customer{Address: model.Address{Country: "SE"}, NationalID: "191212121212",
				Provider: map[string]json.RawMessage{"worldline-lookup": raw(
					`{"countryCode":"","paymentProductId":9000,"values":[7,{"key":"zip","value":"1","extra":true},{"only":"x"},{}]}`)}},
			want:    `{"countryCode":"SE","values":[{"key":"fiscalNumber","value":"191212121212"},{"key":"zip","value":"1"},{}]}`,
			changes: golden.Dropped("not_in_target", "/provider/worldline-lookup/countryCode", "/provider/worldline-lookup/paymentProductId", "/provider/worldline-lookup/values/0", "/provider/worldline-lookup/values/1/extra", "/provider/worldline-lookup/values/2/only"),
		},
		{
			name: "fiscal number not of its country's shape",
			in: model.Customer{Address: model.Address{Country: "AR"}, NationalID: "123456789",
				Provider: map[string]json.RawMessage{"worldline-lookup": raw(`{"values":[{"key":"zip","value":"1"},{"key":"fiscalNumber"}]}`)}},
			want:   `{"countryCode":"AR","values":[{"key":"zip","value":"1"},{"key":"fiscalNumber","value":"123456789"}]}`,
			issues: []golden.Issue{withTarget(warn("/nationalId", validate.CodeInvalidID), "/values/1/value")},
		},
		{
			// The Validator checks the canonical nationalId of a country
			// with a checksum scheme; Encode does not report it again.
			name: "fiscal number of a country with a checksum scheme",
			in:   model.Customer{Address: model.Address{Country: "SE"}, NationalID: "01234567890"},
			want: `{"countryCode":"SE","values":[{"key":"fiscalNumber","value":"01234567890"}]}`,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, rep := worldline.LookupConverter{}.Encode(tc.in)
			checkEncoded(t, tc.in, got, rep, tc.want, tc.issues, tc.changes)
		})
	}
}

// TestLookupRoundTrip checks worldline-lookup → canonical → worldline-lookup
// for requests the provider accepts: the request comes back as it was.
func TestLookupRoundTrip(t *testing.T) {
	docs := []string{
		`{"countryCode":"SE","values":[{"key":"fiscalNumber","value":"191212121212"}]}`,
		`{"countryCode":"SE","values":[{"key":"fiscalNumber","value":"01234567890"}]}`,
		`{"countryCode":"NL","values":[{"key":"zip","value":"1234AB"}]}`,
		`{"countryCode":"NO","values":[{"key":"zip","value":"0150"},{"key":"fiscalNumber","value":"01019010046"}]}`,
		`{"countryCode":"NO","values":[{"key":"fiscalNumber","value":"01019010046"},{"key":"zip","value":"0150"}]}`,
		`{"countryCode":"SE","values":[{"key":"fiscalNumber"},{"value":"x"},{}]}`,
		`{"countryCode":"SE","values":[{"key":"fiscalNumber","value":""},{"key":"fiscalNumber","value":"2"}]}`,
		`{"countryCode":"SE","values":[{"key":"fiscalNumber","value":"1"},{"key":"fiscalNumber","value":"2"}]}`,
	}
	for _, doc := range docs {
		c, _, decRep := worldline.LookupConverter{}.Decode([]byte(doc))
		if decRep.Issues.HasError() {
			t.Errorf("Decode(%s) issues: %v", doc, issuesOf(decRep))
			continue
		}
		got, rep := worldline.LookupConverter{}.Encode(c)
		if !sameJSON(t, got, []byte(doc)) {
			t.Errorf("Encode(Decode(%s)) = %s, want the input back", doc, got)
		}
		if len(rep.Changes) > 0 {
			t.Errorf("Encode(Decode(%s)) changes = %v, want none", doc, changesOf(rep))
		}
	}
}

// TestLookupRoundTripCanonical checks canonical → worldline-lookup →
// canonical: the record comes back minus what Encode reported as dropped.
func TestLookupRoundTripCanonical(t *testing.T) {
	records := []struct {
		name string
		in   model.Customer
	}{
		{"country and id", model.Customer{Address: model.Address{Country: "SE"}, NationalID: "198112189876"}},
		{"full record", model.Customer{
			GivenName: "Gustav", FamilyName: "Adolfs", Email: "gustav.adolfs@example.com", Phone: "+46812345678",
			Language: "sv", NationalID: "198112189876", TaxID: "x",
			Address:  model.Address{Street: "Gustav Adolfs torg", HouseNumber: "22", PostalCode: "111 52", City: "Stockholm", Country: "SE"},
			Provider: map[string]json.RawMessage{"worldline": raw(`{"languageCode":""}`)},
		}},
		{"kept lookup values", model.Customer{
			Address: model.Address{Country: "NO"}, NationalID: "01019010046", Email: "a@example.com",
			Provider: map[string]json.RawMessage{"worldline-lookup": raw(`{"values":[{"key":"zip","value":"0150"},{"key":"fiscalNumber"}]}`)},
		}},
	}
	for _, tc := range records {
		t.Run(tc.name, func(t *testing.T) {
			doc, rep := worldline.LookupConverter{}.Encode(tc.in)
			if rep.Issues.HasError() {
				t.Fatalf("Encode(%+v) issues: %v", tc.in, issuesOf(rep))
			}
			got, _, decRep := worldline.LookupConverter{}.Decode(doc)
			if decRep.Issues.HasError() {
				t.Fatalf("Decode(Encode(%+v)) issues: %v", tc.in, issuesOf(decRep))
			}
			want := golden.CustomerWithoutDropped(t, tc.in, rep.Changes)
			if diff := cmp.Diff(want, got, jsonEqual); diff != "" {
				t.Errorf("Decode(Encode(%+v)) mismatch (-want +got):\n%s", tc.in, diff)
			}
		})
	}
}
