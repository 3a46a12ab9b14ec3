package stancer_test

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/custnorm/custnorm/convert/stancer"
	"github.com/custnorm/custnorm/internal/golden"
	"github.com/custnorm/custnorm/model"
	"github.com/custnorm/custnorm/validate"
)

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
