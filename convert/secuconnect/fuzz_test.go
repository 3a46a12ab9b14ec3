package secuconnect_test

import (
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/custnorm/custnorm/convert/secuconnect"
	"github.com/custnorm/custnorm/internal/golden"
)

// fuzzSeeds are inputs beyond the corpus: shapes the decoder must survive.
var fuzzSeeds = []string{
	``,
	`null`,
	`[]`,
	`{}`,
	`{"contact":null}`,
	`{"contact":{}}`,
	`{"contact":{"address":{}}}`,
	`{"contact":{"forename":"","surname":null,"email":[],"address":{"street":{}}}}`,
	`{"contact":{"dob":"1905-03-03T00:00:00+01:00"}}`,
	`{"contact":{"dob":"19050303","forename":"A","surname":"B"}}`,
	`{"contact":{"dob":"1905-02-29"}}`,
	`{"contact":{"forename":"Jo\u202ehn","surname":"D\u0000oe"}}`,
	`{"id":"PCU_38RG7MHRE2NJTPFMXRYQP3NKW6GVAZ","object":"payment.customers","t":{"a":[1,{"b":2}]},"contact":{"forename":"A"}}`,
	`{"count":1,"data":[{"contact":{"forename":"A"}}]}`,
	`{"count":1,"data":{"contact":{}}}`,
	`{"contact":{"a/b":{"~":1}},"":{"":""}}`,
	`{"contact":{"forename":"A","forename":"B"}}`,
	`{"contact":{"address":{"street_number":"6a","type":7}}}`,
	`{"contact":{"forename":1e400,"surname":-0.0}}`,
	`[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]`,
}

// FuzzDecode checks that Decode and Records never panic, that every path
// they report is a JSON Pointer, and that a record decoded without error
// survives Encode and Decode again, except for what Encode reported as
// dropped. EncodeOmitChanges gives Encode's document and issues for every
// decoded record.
func FuzzDecode(f *testing.F) {
	for _, dir := range []string{corpus, filepath.Join(corpus, "invalid")} {
		for _, file := range golden.Corpus(f, dir) {
			f.Add(golden.ReadFile(f, file))
		}
	}
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var conv secuconnect.Converter
		if recs, at, ok := conv.Records(data); ok && len(recs) != len(at) {
			t.Fatalf("Records() gave %d records and %d pointers", len(recs), len(at))
		}
		c, origins, rep := conv.Decode(data)
		golden.CheckOmitChanges(t, conv, c)
		for _, i := range rep.Issues {
			if !i.Path.IsValid() {
				t.Errorf("Decode() issue path %q is not a JSON Pointer", i.Path)
			}
		}
		for _, ch := range rep.Changes {
			if !ch.Path.IsValid() {
				t.Errorf("Decode() change path %q is not a JSON Pointer", ch.Path)
			}
		}
		_ = origins.Of("/provider/secuconnect/contact/x")
		out, encRep := conv.Encode(c)
		if !json.Valid(out) {
			t.Fatalf("Encode() output is not JSON: %s", out)
		}
		if rep.Issues.HasError() {
			return
		}
		c2, _, rep2 := conv.Decode(out)
		if rep2.Issues.HasError() {
			t.Fatalf("Decode(Encode(Decode(%q))) errors: %v\noutput: %s", data, issueKeys(rep2.Issues), out)
		}
		if diff := cmp.Diff(golden.WithoutDropped(t, c, encRep.Changes), golden.WithoutDropped(t, c2, nil)); diff != "" {
			t.Errorf("Decode(Encode(c)) mismatch for %q (-c minus dropped +got):\n%s\noutput: %s", data, diff, out)
		}
	})
}
