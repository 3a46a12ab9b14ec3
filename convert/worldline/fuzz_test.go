package worldline_test

import (
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

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

// fuzzRoundTrip checks that Decode never panics and that a record decoded
// without errors survives Encode and Decode unchanged (a decoded record
// holds only what the format holds, so nothing is dropped), with Encode
// stable. EncodeOmitChanges gives Encode's document and issues for every
// decoded record.
func fuzzRoundTrip(t *testing.T, conv golden.Converter, data []byte) {
	c, _, rep := conv.Decode(data)
	golden.CheckOmitChanges(t, conv, c)
	for _, i := range rep.Issues {
		if !i.Path.IsValid() {
			t.Errorf("Decode(%q) issue path %q is not a JSON Pointer", data, i.Path)
		}
	}
	if rep.Issues.HasError() {
		return
	}
	out, encRep := conv.Encode(c)
	for _, ch := range encRep.Changes {
		if ch.Kind == "dropped" {
			t.Errorf("Encode(Decode(%q)) dropped %s", data, ch.Path)
		}
	}
	again, _, againRep := conv.Decode(out)
	if againRep.Issues.HasError() {
		t.Fatalf("Decode(Encode(Decode(%q))) = %s has errors: %v", data, out, issuesOf(againRep))
	}
	if diff := cmp.Diff(c, again, jsonEqual); diff != "" {
		t.Errorf("Decode(Encode(Decode(%q))) mismatch (-first +again):\n%s", data, diff)
	}
	out2, _ := conv.Encode(again)
	if string(out2) != string(out) {
		t.Errorf("Encode is not stable for %q: %s, then %s", data, out, out2)
	}
}

func FuzzDecode(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRoundTrip(t, worldline.Converter{}, data)
	})
}

func FuzzDecodeLookup(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRoundTrip(t, worldline.LookupConverter{}, data)
	})
}
