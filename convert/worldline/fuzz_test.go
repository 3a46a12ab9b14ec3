package worldline_test

import (
	"path/filepath"
	"testing"

	"github.com/custnorm/custnorm/convert/worldline"
	"github.com/custnorm/custnorm/internal/golden"
)

// fuzzSeeds are inputs beside the corpus files: edge cases of the two
// formats.
var fuzzSeeds = []string{
	``,
	`null`,
	`{}`,
	`[]`,
	`{"street":""}`,
	`{"street":null,"languageCode":""}`,
	`{"city":{"a":{"b":[1,"x",null]}}}`,
	`{"fiscalNumber":"12.345.678-K","country":"CL"}`,
	`{"fiscalNumber":"` + "\xff\xfe" + `","country":"SE"}`,
	`{"firstName":"a","firstName":"b"}`,
	`{"a~b/c":1}`,
	`{"countryCode":"SE","values":[{"key":"fiscalNumber","value":"1"},{"key":"fiscalNumber"}]}`,
	`{"countryCode":"SE","values":[{"key":"fiscalNumber"},{"key":"fiscalNumber","value":"1"}]}`,
	`{"countryCode":"SE","values":[{},{"key":"zip"},{"value":""}]}`,
	`{"countryCode":"SE","values":[[],1,"x",null]}`,
	`{"countryCode":"SE","values":"fiscalNumber"}`,
}

// addSeeds adds the corpus files of both formats and fuzzSeeds.
func addSeeds(f *testing.F) {
	for _, name := range []string{worldline.Name, worldline.LookupName} {
		for _, dir := range []string{"", "invalid"} {
			for _, file := range golden.Corpus(f, filepath.Join("..", "..", "testdata", name, dir)) {
				f.Add(golden.ReadFile(f, file))
			}
		}
	}
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
}

func FuzzDecode(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		golden.FuzzDecode(t, worldline.Converter{}, data)
	})
}

func FuzzDecodeLookup(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		golden.FuzzDecode(t, worldline.LookupConverter{}, data)
	})
}
