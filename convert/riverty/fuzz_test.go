package riverty_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/custnorm/custnorm/internal/golden"
)

// fuzzSeeds are inputs the corpus files do not cover, each with what it
// exercises.
var fuzzSeeds = []string{
	``,     // empty input
	`null`, // JSON null instead of an object
	`{"customer":[],"paymentRegistration":1}`,                                // arrays and numbers where objects belong
	`{"address":{"streetNumber":"125a","streetNumberAdditional":""}}`,        // split on encode, residue overridden
	`{"phone":"+18717907578;ext=4882","mobilePhone":"+4915123456789;ext=1"}`, // extension rewritten on encode
	`{"birthDate":"1980-09-01T00:00:00.123+14:00"}`,                          // date-time with fraction and offset
	`{"birthDate":"19800901","customerCategory":"COMPANY"}`,                  // basic date, kind company
	`{"customerNumber":"","firstName":"","address":{}}`,                      // empty members and objects kept
	`{"a~b/c":{"x":[1,{"y":null}]},"language":"DE"}`,                         // unknown member needing pointer escapes
	`{"customer":{"customer":{"firstName":"x"}},"currency":"eur"}`,           // nested customer, lower-case currency
	`{"firstName":"\u202eRay","lastName":"A\u0301nkunding"}`,                 // bidi control, decomposed accent
	`{"email":"x@example.com","email":"y@example.com"}`,                      // duplicate key: last wins
}

// FuzzDecode decodes arbitrary input as both formats. Decode must never
// panic; when it finds no error, encoding is stable
// (Encode(Decode(Encode(c))) == Encode(c)), and when Encode only drops,
// Decode(Encode(c)) is c minus the dropped values. EncodeOmitChanges gives
// Encode's document and issues for every decoded record.
func FuzzDecode(f *testing.F) {
	for _, dir := range []string{"riverty", "riverty-create"} {
		for _, sub := range []string{"", "invalid"} {
			files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", dir, sub, "*.json"))
			for _, file := range files {
				if data, err := os.ReadFile(file); err == nil {
					f.Add(data, dir == "riverty-create")
				}
			}
		}
	}
	for _, s := range fuzzSeeds {
		f.Add([]byte(s), false)
		f.Add([]byte(s), true)
	}
	f.Fuzz(func(t *testing.T, data []byte, create bool) {
		conv := formats[0]
		if create {
			conv = formats[1]
		}
		golden.FuzzDecode(t, conv, data)
	})
}
