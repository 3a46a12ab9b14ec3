package riverty_test

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/custnorm/custnorm/convert/internal/fieldmap"
	"github.com/custnorm/custnorm/internal/golden"
	"github.com/custnorm/custnorm/model"
	"github.com/custnorm/custnorm/validate"
	"github.com/google/go-cmp/cmp"
)

func trimJSON(path string) string { return strings.TrimSuffix(path, ".json") }

// decoded is the golden form of a Decode result: the record, where each of
// its values (and each mapped field, present or not) came from, and the
// report.
type decoded struct {
	Customer model.Customer                        `json:"customer"`
	Origins  map[validate.Pointer]validate.Pointer `json:"origins"`
	Report   validate.Report                       `json:"report"`
}

// mappedFields are the canonical pointers Decode records an origin for
// even when the member is absent.
var mappedFields = []validate.Pointer{
	"/refs/riverty", "/salutation", "/givenName", "/familyName", "/companyName", "/birthDate", "/kind",
	"/email", "/phone", "/mobile", "/language", "/identificationNumber", "/taxId",
	"/address/careOf", "/address/street", "/address/houseNumber", "/address/houseNumberAddition",
	"/address/postalCode", "/address/city", "/address/country",
}

func originsOf(c model.Customer, o validate.Origins) map[validate.Pointer]validate.Pointer {
	m := make(map[validate.Pointer]validate.Pointer)
	for _, p := range append(slices.Clone(mappedFields), fieldmap.Leaves(c)...) {
		m[p] = o.Of(p)
	}
	return m
}

func decodeFile(t *testing.T, conv golden.Converter, file string) (model.Customer, validate.Origins, validate.Report) {
	t.Helper()
	return conv.Decode(golden.ReadFile(t, file))
}

// TestGolden decodes every corpus document, encodes the result back, and
// checks both against the goldens; decoding the encoded document again must
// give the same record (the go/printer idempotence check).
func TestGolden(t *testing.T) {
	for _, conv := range formats {
		for _, file := range golden.Corpus(t, filepath.Join("..", "..", "testdata", conv.Name())) {
			t.Run(conv.Name()+"/"+filepath.Base(file), func(t *testing.T) {
				c, origins, rep := decodeFile(t, conv, file)
				if rep.Issues.HasError() {
					t.Errorf("Decode(%s) issues = %+v, want no error", file, golden.Issues(rep.Issues))
				}
				golden.Check(t, trimJSON(file)+".customer.golden.json",
					golden.JSON(t, decoded{Customer: c, Origins: originsOf(c, origins), Report: rep}))

				out, encRep := conv.Encode(c)
				golden.Check(t, trimJSON(file)+".out.golden.json", out)

				again, _, againRep := conv.Decode(out)
				if diff := cmp.Diff(c, again); diff != "" {
					t.Errorf("Decode(Encode(Decode(%s))) mismatch (-first +again):\n%s", file, diff)
				}
				if againRep.Issues.HasError() && !encRep.Issues.HasError() {
					t.Errorf("Decode of the encoded %s: issues %+v, want no error", file, golden.Issues(againRep.Issues))
				}
			})
		}
	}
}

// TestInvalid decodes every document under invalid/: each must give at
// least one error, and its issues must match the golden list.
func TestInvalid(t *testing.T) {
	for _, conv := range formats {
		for _, file := range golden.Corpus(t, filepath.Join("..", "..", "testdata", conv.Name(), "invalid")) {
			t.Run(conv.Name()+"/"+filepath.Base(file), func(t *testing.T) {
				_, _, rep := decodeFile(t, conv, file)
				if !rep.Issues.HasError() {
					t.Errorf("Decode(%s) issues = %+v, want an error", file, golden.Issues(rep.Issues))
				}
				golden.Check(t, trimJSON(file)+".errors.golden.json", golden.JSON(t, golden.IssuesWithoutTargets(rep.Issues)))
			})
		}
	}
}

// TestRoundTripDocument checks provider → canonical → same provider: the
// encoded document equals the input as a JSON value, except for the
// members listed here with the value Encode writes instead.
func TestRoundTripDocument(t *testing.T) {
	// The create_customer page sends birthDate as a date-time; Encode writes
	// the civil date in the seed's YYYY-MM-DD form.
	rewritten := map[string]map[validate.Pointer]any{
		"riverty/create-customer-page-customer.json": {"/birthDate": "1980-09-01"},
		"riverty-create/create-customer-page.json":   {"/customer/birthDate": "1980-09-01"},
	}
	for _, conv := range formats {
		for _, file := range golden.Corpus(t, filepath.Join("..", "..", "testdata", conv.Name())) {
			name := conv.Name() + "/" + filepath.Base(file)
			t.Run(name, func(t *testing.T) {
				data := golden.ReadFile(t, file)
				c, _, _ := conv.Decode(data)
				out, rep := conv.Encode(c)
				if d := golden.Dropped(rep.Changes); len(d) > 0 {
					t.Errorf("Encode(Decode(%s)) dropped %v, want nothing", name, d)
				}
				want := golden.Value(t, data)
				for p, v := range rewritten[name] {
					parent, _ := valueAt(want, p.Parent())
					parent.(map[string]any)[p.LastToken()] = v
				}
				if diff := cmp.Diff(want, golden.Value(t, out)); diff != "" {
					t.Errorf("Encode(Decode(%s)) mismatch (-want +got):\n%s", name, diff)
				}
			})
		}
	}
}
