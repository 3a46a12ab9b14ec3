package stancer_test

import (
	"path/filepath"
	"testing"

	"github.com/custnorm/custnorm/convert/stancer"
	"github.com/custnorm/custnorm/internal/golden"
)

// FuzzDecode checks that Decode never panics, and that a document Decode
// accepts survives Encode: Decode(Encode(c)) is c minus the values Encode
// reported as dropped, and encoding that again gives the same document.
// EncodeOmitChanges gives Encode's document and issues for every decoded
// record.
func FuzzDecode(f *testing.F) {
	// The shared corpus, valid and invalid.
	for _, dir := range []string{corpus, filepath.Join(corpus, "invalid")} {
		for _, file := range golden.Corpus(f, dir) {
			f.Add(golden.ReadFile(f, file))
		}
	}
	for _, seed := range []string{
		``,                                // empty input
		`null`,                            // null document
		`"cust_9Cle7TXKkjhwqcWx4Kl5cQYk"`, // a string document
		`{}`,                              // empty object
		`{"name":"Coaster, David","email":"d@example.com"}`,                                    // family name first
		`{"name":"Dr. Who","mobile":"+33639980102"}`,                                           // ambiguous name
		`{"name":"Le\u0301o Dupont","email":"l@example.com"}`,                                  // decomposed accent
		`{"name":" David\tCoaster ","email":"d@example.com"}`,                                  // white space to normalize
		`{"created":-62135596800,"email":"a@example.com"}`,                                     // first second of year 1
		`{"created":1e3,"email":"a@example.com"}`,                                              // exponent
		`{"created":99999999999999999999,"email":"a@example.com"}`,                             // overflows int64
		`{"email":"a@example.com","x":{"y":[1,{"z":null}]}}`,                                   // nested unknown member
		`{"email":"a@example.com","billing_address":{"id":"addr_x","line1":"10 rue du test"}}`, // expanded address
		`{"email":"a@example.com","name":{"first":"David"}}`,                                   // object for a string
		`{"email":"a@example.com","id":"cust_9Cle7TXKkjhwqcWx4Kl5cQYk","id":"cust_123"}`,       // duplicate member
		`{"email":"a@example.com","a/b~c":1}`,                                                  // pointer escaping
		`{"email":"\u00e9\u0000\ud800"}`,                                                       // NUL and a lone surrogate
	} {
		f.Add([]byte(seed))
	}
	var conv stancer.Converter
	f.Fuzz(func(t *testing.T, data []byte) {
		golden.FuzzDecode(t, conv, data)
	})
}
