package convert_test

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/custnorm/custnorm/convert"
	"github.com/custnorm/custnorm/internal/golden"
	"github.com/custnorm/custnorm/model"
	"github.com/custnorm/custnorm/validate"
)

// fixedNow keeps birth-date checks deterministic.
func fixedNow() time.Time { return time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC) }

var genCountries = []struct {
	country, mobile, phone, city, street string
}{
	{"DE", "+491512345%04d", "+49301234%04d", "Berlin", "Hauptstraße"},
	{"FR", "+3361234%04d", "+3314234%04d", "Paris", "rue de la Paix"},
	{"NL", "+3161234%04d", "+3120123%04d", "Amsterdam", "Keizersgracht"},
	{"SE", "+4670123%04d", "+468123%04d", "Stockholm", "Drottninggatan"},
	{"AT", "+43664123%04d", "+43112345%04d", "Wien", "Mariahilfer Straße"},
}

var givenNames = []string{"Anna", "Jean-Pierre", "Lars", "Émilie", "Sören", "Zoë", "O'Neil"}
var familyNames = []string{"Schmidt", "Dupont", "Andersson", "de Vries", "Müller", "Nowak"}

// genCustomer returns a realistic, already normalized canonical record.
func genCustomer(r *rand.Rand) model.Customer {
	g := genCountries[r.IntN(len(genCountries))]
	given := givenNames[r.IntN(len(givenNames))]
	family := familyNames[r.IntN(len(familyNames))]
	c := model.Customer{
		GivenName:  given,
		FamilyName: family,
		Email:      strings.ToLower(strings.NewReplacer("'", "", " ", "", "É", "e", "ö", "o", "ë", "e", "ü", "u").Replace(given+"."+family)) + "@example.com",
		Address: model.Address{
			Street:      g.street,
			HouseNumber: fmt.Sprint(1 + r.IntN(120)),
			PostalCode:  validate.PostalCodeExample(g.country),
			City:        g.city,
			Country:     model.Country(g.country),
		},
	}
	if r.IntN(2) == 0 {
		c.Mobile = model.Phone(fmt.Sprintf(g.mobile, r.IntN(10000)))
	}
	if r.IntN(2) == 0 {
		c.Phone = model.Phone(fmt.Sprintf(g.phone, r.IntN(10000)))
	}
	if r.IntN(2) == 0 {
		c.BirthDate = model.Date{Year: 1940 + r.IntN(60), Month: time.Month(1 + r.IntN(12)), Day: 1 + r.IntN(28)}
	}
	if r.IntN(3) == 0 {
		c.CompanyName = "Beispiel GmbH"
	}
	if r.IntN(3) == 0 {
		c.Salutation = "Mr."
	}
	if r.IntN(4) == 0 {
		c.Refs.Riverty = fmt.Sprintf("c%d", r.IntN(1_000_000))
	}
	if r.IntN(4) == 0 {
		c.Language = "de"
	}
	if r.IntN(4) == 0 {
		c.NationalID = "19121212" + fmt.Sprintf("%04d", r.IntN(10000))
	}
	return c
}

// reshape maps records that hold the same values in a different shape to
// one form: house number and addition as one string, and a name as one
// string. Those are the documented reshapings of a round trip (Riverty
// splits "12a", secuconnect joins it; Stancer joins given and family name
// and splits the name back only when that is unambiguous).
func reshape(c model.Customer) model.Customer {
	c.Address.HouseNumber += c.Address.HouseNumberAddition
	c.Address.HouseNumberAddition = ""
	if c.FullName == "" {
		c.FullName = validate.JoinName(c.GivenName, c.FamilyName)
	}
	c.GivenName, c.FamilyName = "", ""
	if c.NationalID == "" {
		// Riverty holds a national id in identificationNumber (derived).
		c.NationalID, c.IdentificationNumber = c.IdentificationNumber, ""
	}
	return c
}

// withoutDropped returns the canonical JSON of c with the values at the
// dropped pointers removed.
func withoutDropped(t *testing.T, c model.Customer, dropped []validate.Pointer) map[string]any {
	t.Helper()
	m := toMap(t, c)
	for _, p := range dropped {
		toks := slices.Collect(p.Tokens())
		deletePath(m, toks)
	}
	return m
}

func deletePath(m map[string]any, toks []string) {
	if len(toks) == 0 {
		return
	}
	if len(toks) == 1 {
		delete(m, toks[0])
		return
	}
	sub, ok := m[toks[0]].(map[string]any)
	if !ok {
		return
	}
	deletePath(sub, toks[1:])
	if len(sub) == 0 {
		delete(m, toks[0])
	}
}

func toMap(t *testing.T, c model.Customer) map[string]any {
	t.Helper()
	b, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// TestCanonicalRoundTrip is the round-trip guarantee: canonical → provider
// → canonical returns the input minus exactly the values reported as
// dropped (compared after the documented reshapings), for generated records
// and every format.
func TestCanonicalRoundTrip(t *testing.T) {
	reg := testRegistry(t)
	p := reg.NewPipeline(convert.Options{Now: fixedNow})
	r := rand.New(rand.NewPCG(1, 2))
	for _, format := range reg.Names() {
		if format == convert.CanonicalName {
			continue
		}
		t.Run(format, func(t *testing.T) {
			accepted := 0
			defer func() {
				if accepted < 20 {
					t.Errorf("only %d of 200 generated records were accepted by %s", accepted, format)
				}
			}()
			for i := range 200 {
				in := genCustomer(r)
				if format == "riverty-create" {
					in.Provider = map[string]json.RawMessage{"riverty": json.RawMessage(`{"paymentRegistration":{"id":"ACVB123455675669"},"currency":"EUR"}`)}
				}
				inJSON, _ := json.Marshal(in)
				there, err := p.Convert(convert.CanonicalName, format, inJSON)
				if err != nil {
					t.Fatal(err)
				}
				if !there.OK {
					// The target cannot take this record (a lookup request
					// without a national id): nothing to round-trip.
					continue
				}
				accepted++
				var dropped []validate.Pointer
				for _, ch := range there.Changes {
					if ch.Kind == validate.ChangeDropped {
						dropped = append(dropped, ch.Path)
					}
				}
				back, err := p.Convert(format, convert.CanonicalName, there.Output)
				if err != nil {
					t.Fatal(err)
				}
				if !back.OK {
					t.Fatalf("record %d: %s output rejected on the way back: %v\n%s", i, format, back.Issues, there.Output)
				}
				var got model.Customer
				if err := json.Unmarshal(back.Output, &got); err != nil {
					t.Fatal(err)
				}
				want := withoutDropped(t, reshape(in), reshapePointers(dropped))
				if diff := cmp.Diff(want, toMap(t, reshape(got))); diff != "" {
					t.Fatalf("record %d: canonical → %s → canonical mismatch (-want +got):\n%s\nvia %s\ndropped %v", i, format, diff, there.Output, dropped)
				}
			}
		})
	}
}

// reshapePointers maps dropped pointers onto the reshaped form.
func reshapePointers(ps []validate.Pointer) []validate.Pointer {
	out := make([]validate.Pointer, 0, len(ps))
	for _, p := range ps {
		switch p {
		case "/givenName", "/familyName":
			p = "/fullName"
		case "/address/houseNumberAddition":
			p = "/address/houseNumber"
		}
		out = append(out, p)
	}
	return out
}

// TestProviderRoundTrip: provider → canonical → same provider gives back
// every golden request document of the corpus as a JSON value, apart from
// the values normalization changed (each reported as normalized).
func TestProviderRoundTrip(t *testing.T) {
	reg := testRegistry(t)
	p := reg.NewPipeline(convert.Options{Now: fixedNow})
	for _, format := range reg.Names() {
		files, _ := filepath.Glob(filepath.Join(corpusDir(format), "*.json"))
		for _, file := range files {
			if strings.Contains(file, ".golden.") {
				continue
			}
			t.Run(format+"/"+filepath.Base(file), func(t *testing.T) {
				data, err := os.ReadFile(file)
				if err != nil {
					t.Fatal(err)
				}
				res, err := p.Convert(format, format, data)
				if err != nil {
					t.Fatal(err)
				}
				recs, at := p.Records(format, data)
				results := []convert.Result{res}
				if res.Records != nil {
					results = res.Records // a container document: record by record
				} else if len(recs) != 1 {
					t.Fatalf("%d records but no Records in the result", len(recs))
				}
				for k, res := range results {
					checkRoundTrip(t, file, recs[k], at[k], res)
				}
			})
		}
	}
}

// checkRoundTrip checks one record's round trip: the record at the pointer
// at of the file, and its result.
func checkRoundTrip(t *testing.T, file string, data []byte, at validate.Pointer, res convert.Result) {
	t.Helper()
	if !res.OK {
		// A rejected record is not written, so there is nothing to
		// compare: it must at least say why.
		if !res.Issues.HasError() {
			t.Errorf("rejected without an error issue: %v", res.Issues)
		}
		return
	}
	var in, out any
	json.Unmarshal(data, &in)
	json.Unmarshal(res.Output, &out)
	changed := map[validate.Pointer]bool{}
	for _, ch := range res.Changes {
		changed[ch.Path] = true
	}
	for _, diffPath := range golden.JSONDiff(in, out, at) {
		if !changed[diffPath] && !underChanged(diffPath, changed) {
			t.Errorf("%s: %s differs after the round trip and no change reports it\n in: %s\nout: %s", file, diffPath, data, res.Output)
		}
	}
}

func underChanged(p validate.Pointer, changed map[validate.Pointer]bool) bool {
	for q := p.Parent(); q != ""; q = q.Parent() {
		if changed[q] {
			return true
		}
	}
	return false
}
