package schema_test

import (
	"testing"

	"github.com/custnorm/custnorm/schema"
)

// FuzzValidate: Validate (against every schema) and Detect never panic, and
// every issue's path is a valid JSON Pointer.
func FuzzValidate(f *testing.F) {
	// Seeds: the corpus, the probes, and shapes that stress the mapping of
	// schema errors to issues.
	for _, d := range corpus(f, formats) {
		f.Add(d.data)
	}
	for _, p := range probes() {
		f.Add(p.doc)
	}
	for _, seed := range []struct{ format, doc string }{ // format: the schema the seed aims at
		{"canonical", `{"~0/~1":{"a/b":1},"address":{"x~y":null}}`}, // pointer escaping
		{"secuconnect", `[[],{},null,{"contact":[]}]`},              // records of every type
		{"secuconnect", `{"data":[{"object":"payment.contracts"}],"count":"x"}`},
		{"stancer", `{"created":1e400,"id":"cust_` + "\u00e9" + `"}`}, // a number no float holds
		{"worldline-lookup", `{"countryCode":null,"values":[[],{"key":{}},null]}`},
		{"riverty-create", `{"customer":null,"paymentRegistration":[],"currency":1}`},
		{"nonexistent", `{}`},
	} {
		f.Add([]byte(seed.doc))
	}
	set := schema.New()
	f.Fuzz(func(t *testing.T, doc []byte) {
		for _, format := range allFormats {
			for _, i := range set.Validate(format, doc) {
				if !i.Path.IsValid() {
					t.Errorf("Validate(%q, %q): issue %s has invalid path %q", format, doc, i.Code, i.Path)
				}
				if i.Code == "" || (i.Severity != "error" && i.Severity != "warning") {
					t.Errorf("Validate(%q, %q): malformed issue %+v", format, doc, i)
				}
			}
		}
		d := set.Detect(doc)
		if d.Reason == "" {
			t.Errorf("Detect(%q) gave no reason", doc)
		}
		if d.Format != "" && (len(d.Candidates) != 1 || d.Candidates[0] != d.Format) {
			t.Errorf("Detect(%q) = %+v: format not the one candidate", doc, d)
		}
	})
}
