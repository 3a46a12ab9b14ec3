package worldline_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/custnorm/custnorm/internal/golden"
	"github.com/custnorm/custnorm/model"
	"github.com/custnorm/custnorm/validate"
)

// originProbes are the canonical pointers whose registered origins the
// golden files show.
var originProbes = []validate.Pointer{
	"/nationalId", "/givenName", "/familyName", "/email", "/phone", "/language",
	"/address/street", "/address/houseNumber", "/address/houseNumberAddition",
	"/address/postalCode", "/address/city", "/address/country",
	"/provider/worldline", "/provider/worldline-lookup",
}

// decoded is the content of a .customer.golden.json file.
type decoded struct {
	Customer model.Customer              `json:"customer"`
	Origins  map[validate.Pointer]string `json:"origins"`
	Report   validate.Report             `json:"report"`
}

func decodeForGolden(conv golden.Converter, data []byte) (decoded, model.Customer) {
	c, origins, rep := conv.Decode(data)
	rep.Normalize()
	d := decoded{Customer: c, Origins: map[validate.Pointer]string{}, Report: rep}
	for _, p := range originProbes {
		if src, ok := origins.Lookup(p); ok {
			d.Origins[p] = string(src)
		}
	}
	return d, c
}

// TestGolden decodes every valid corpus document, compares the canonical
// result and Encode's output with the goldens, and checks the round trips:
// Encode(Decode(doc)) is doc as a JSON value, and decoding the output again
// gives the same record.
func TestGolden(t *testing.T) {
	for _, conv := range formats {
		dir := filepath.Join("..", "..", "testdata", conv.Name())
		for _, file := range golden.Corpus(t, dir) {
			base := strings.TrimSuffix(file, ".json")
			t.Run(conv.Name()+"/"+filepath.Base(base), func(t *testing.T) {
				input := golden.ReadFile(t, file)
				d, c := decodeForGolden(conv, input)
				golden.Check(t, base+".customer.golden.json", golden.JSON(t, d))
				if d.Report.Issues.HasError() {
					t.Errorf("Decode(%s) reports errors: %v", file, issuesOf(d.Report))
				}

				out, encRep := conv.Encode(c)
				golden.Check(t, base+".out.golden.json", out)
				if encRep.Issues.HasError() {
					t.Errorf("Encode(Decode(%s)) reports errors: %v", file, issuesOf(encRep))
				}
				for _, ch := range encRep.Changes {
					if ch.Kind == validate.ChangeDropped {
						t.Errorf("Encode(Decode(%s)) dropped %s", file, ch.Path)
					}
				}
				if !sameJSON(t, out, input) {
					t.Errorf("Encode(Decode(%s)) = %s, want the input back", file, out)
				}

				again, _, _ := conv.Decode(out)
				if diff := cmp.Diff(c, again, jsonEqual); diff != "" {
					t.Errorf("Decode(Encode(Decode(%s))) mismatch (-first +again):\n%s", file, diff)
				}
			})
		}
	}
}

// TestGoldenInvalid decodes every rejected corpus document and compares its
// issues with the golden list.
func TestGoldenInvalid(t *testing.T) {
	for _, conv := range formats {
		dir := filepath.Join("..", "..", "testdata", conv.Name(), "invalid")
		for _, file := range golden.Corpus(t, dir) {
			base := strings.TrimSuffix(file, ".json")
			t.Run(conv.Name()+"/"+filepath.Base(base), func(t *testing.T) {
				input := golden.ReadFile(t, file)
				_, _, rep := conv.Decode(input)
				if !rep.Issues.HasError() {
					t.Errorf("Decode(%s) reports no error: %v", file, issuesOf(rep))
				}
				golden.Check(t, base+".errors.golden.json", golden.JSON(t, issuesOf(rep)))
			})
		}
	}
}
