package secuconnect_test

import (
	"path/filepath"
	"testing"

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
		golden.FuzzDecode(t, conv, data)
	})
}
