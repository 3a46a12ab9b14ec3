package main

import (
	"encoding/json"
	"github.com/custnorm/custnorm/internal/conformance"
	"github.com/custnorm/custnorm/schema"
	"path/filepath"
	"testing"
)

// detector is the detection --from auto and the detect command use:
// schema.Set.Detect, through the library's stream.
type detector struct{ s *schema.Set }

func testProcessor() detector { return detector{schema.New()} }

func (d detector) detect(doc []byte) (format, reason string) {
	det := d.s.Detect(doc)
	return det.Format, det.Reason
}

// TestDetect checks the CLI's use of the schema-based detector on a few
// shapes; package schema tests the detector itself.
func TestDetect(t *testing.T) {
	p := testProcessor()
	for _, tc := range []struct {
		doc, want string
	}{
		{`{"contact":{"forename":"John"}}`, "secuconnect"},
		{`{"count":1,"data":[{"object":"payment.customers","contact":{}}]}`, "secuconnect"},
		{`{"customer":{"firstName":"Ray"},"paymentRegistration":{"id":"A"}}`, "riverty-create"},
		{`{"countryCode":"SE","values":[{"key":"fiscalNumber","value":"1"}]}`, "worldline-lookup"},
		{`{"name":"David Coaster","email":"d@example.net"}`, "stancer"},
		{`{"fiscalNumber":"1","firstName":"Gustav","surname":"Adolfs"}`, "worldline"},
		{`{"firstName":"Ray","lastName":"Ankunding"}`, "riverty"},
		{`{"givenName":"Ann","address":{"city":"Berlin"}}`, "canonical"},
		{`{"email":"d@example.net"}`, ""}, // stancer, riverty and canonical all fit
		{`{}`, ""},
		{`[]`, ""},
		{`{"contact":`, ""},
	} {
		got, reason := p.detect([]byte(tc.doc))
		if got != tc.want || reason == "" {
			t.Errorf("detect(%s) = %q, %q; want %q and a reason", tc.doc, got, reason, tc.want)
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
	p := testProcessor()
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
		if got, reason := p.detect(tc.Input); got != want {
			t.Errorf("%s: detected %q (%s), want %q", tc.Name, got, reason, want)
		}
	}
}

func FuzzDetect(f *testing.F) {
	for _, s := range []string{`{"contact":{}}`, `{"count":1,"data":[{"count":1,"data":[]}]}`, `{"id":"cust_"}`, `[`, `{"address":1}`} {
		f.Add([]byte(s))
	}
	p := testProcessor()
	f.Fuzz(func(t *testing.T, doc []byte) {
		format, reason := p.detect(doc)
		if reason == "" {
			t.Errorf("detect(%q) gave no reason", doc)
		}
		if format != "" && !json.Valid(doc) {
			t.Errorf("detect(%q) = %q for invalid JSON", doc, format)
		}
	})
}
