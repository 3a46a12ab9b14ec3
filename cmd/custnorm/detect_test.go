package main

import (
	"encoding/json"
	"github.com/custnorm/custnorm/internal/conformance"
	"path/filepath"
	"testing"
)

func TestDetect(t *testing.T) {
	for _, tc := range []struct {
		doc, want string
	}{
		{`{"contact":{"forename":"John"}}`, "secuconnect"},
		{`{"object":"payment.customers","id":"PCU_X"}`, "secuconnect"},
		{`{"count":1,"data":[{"object":"payment.customers","contact":{}}]}`, "secuconnect"},
		{`{"customer":{"firstName":"Ray"},"paymentRegistration":{"id":"A"}}`, "riverty-create"},
		{`{"countryCode":"SE","values":[{"key":"fiscalNumber","value":"1"}]}`, "worldline-lookup"},
		{`{"id":"cust_9Cle7TXKkjhwqcWx4Kl5cQYk","foo":1}`, "stancer"},
		{`{"live_mode":false,"zip":"1"}`, "stancer"},
		{`{"name":"David Coaster","email":"d@example.net"}`, "stancer"},
		{`{"fiscalNumber":"1","firstName":"Gustav","surname":"Adolfs"}`, "worldline"},
		{`{"firstName":"Gustav","surname":"Adolfs","emailAddress":"g@example.se"}`, "worldline"},
		{`{"firstName":"Ray","lastName":"Ankunding"}`, "riverty"},
		{`{"address":{"postalPlace":"Berlin"}}`, "riverty"},
		{`{"givenName":"Ann","address":{"city":"Berlin"}}`, "canonical"},
		{`{"refs":{"stancer":"cust_x"}}`, "canonical"},
		{`{"contact":"not an object","zzz":1}`, ""},
		{`{"customer":{}}`, ""},
		{`{"name":"David Coaster","email":"d@example.net","preferred_language":"fr"}`, "stancer"},
		{`{}`, ""},
		{`[]`, ""},
		{`"x"`, ""},
		{`{`, ""},
		{``, ""},
		{`{"count":1,"data":[{"x":1}]}`, ""},
	} {
		got, reason := detect([]byte(tc.doc))
		if got != tc.want || reason == "" {
			t.Errorf("detect(%s) = %q, %q; want %q", tc.doc, got, reason, tc.want)
		}
	}
}

// TestDetectConformanceInputs checks that the input of every case of the
// shared vectors that names its format is detected as that format.
func TestDetectConformanceInputs(t *testing.T) {
	cases, err := conformance.Load(filepath.Join("..", "..", "testdata", "conformance.json"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range cases {
		want := tc.As
		if tc.Op == "convert" {
			want = tc.From
		}
		if tc.Op == "roundtrip" {
			want = tc.Via
		}
		if want == "" {
			continue
		}
		if got, reason := detect(tc.Input); got != want {
			t.Errorf("%s: detected %q (%s), want %q", tc.Name, got, reason, want)
		}
	}
}

func FuzzDetect(f *testing.F) {
	for _, s := range []string{`{"contact":{}}`, `{"count":1,"data":[{"count":1,"data":[]}]}`, `{"id":"cust_"}`, `[`, `{"address":1}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, doc []byte) {
		format, reason := detect(doc)
		if reason == "" {
			t.Errorf("detect(%q) gave no reason", doc)
		}
		if format != "" && !json.Valid(doc) {
			t.Errorf("detect(%q) = %q for invalid JSON", doc, format)
		}
	})
}
