package stancer_test

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"testing"

	"github.com/custnorm/custnorm/convert/stancer"
	"github.com/custnorm/custnorm/model"
	"github.com/custnorm/custnorm/validate"
)

// conformanceCase is one case of testdata/conformance.json (its "about" says
// how to read it).
type conformanceCase struct {
	Name   string          `json:"name"`
	Op     string          `json:"op"`
	As     string          `json:"as"`
	From   string          `json:"from"`
	To     string          `json:"to"`
	Input  json.RawMessage `json:"input"`
	Expect struct {
		OK     *bool `json:"ok"`
		Issues []struct {
			Path *validate.Pointer `json:"path"`
			Code validate.Code     `json:"code"`
		} `json:"issues"`
		Output  map[string]any `json:"output"`
		Absent  []string       `json:"absent"`
		Changes []struct {
			Kind validate.ChangeKind `json:"kind"`
			Path validate.Pointer    `json:"path"`
		} `json:"changes"`
	} `json:"expect"`
}

// TestConformance runs the shared vectors that concern Stancer as far as this
// package can: validate cases through Decode and Encode (without the
// normalization package convert adds), and the Stancer half of conversions.
func TestConformance(t *testing.T) {
	var doc struct {
		Cases []conformanceCase `json:"cases"`
	}
	if err := json.Unmarshal(readFile(t, filepath.Join("..", "..", "testdata", "conformance.json")), &doc); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, tc := range doc.Cases {
		switch {
		case tc.Op == "validate" && tc.As == stancer.Name:
			t.Run(tc.Name, func(t *testing.T) {
				rep := validateDoc(tc.Input)
				checkExpect(t, tc, rep)
			})
		case tc.Op == "convert" && tc.From == stancer.Name:
			t.Run(tc.Name, func(t *testing.T) {
				_, _, rep := stancer.Converter{}.Decode(tc.Input)
				checkExpect(t, tc, rep)
			})
		case tc.Op == "convert" && tc.To == stancer.Name:
			t.Run(tc.Name, func(t *testing.T) {
				if tc.Name != "convert: secuconnect seed customer to Stancer" {
					t.Skip("needs the pipeline of package convert")
				}
				// The canonical record that decoding and normalizing the
				// secuconnect input gives: the Stancer half of the case.
				c := model.Customer{Salutation: "Mr.", Title: "Dr.", GivenName: "John", FamilyName: "Doe",
					CompanyName: "Example Inc.", BirthDate: model.Date{Year: 1901, Month: 2, Day: 3},
					Email: "example@example.com", Phone: "+49123456789", Mobile: "+49987654321",
					Address: model.Address{Street: "Example Street", HouseNumber: "6a", PostalCode: "01234", City: "Examplecity", Country: "DE"}}
				out, rep := stancer.Converter{}.Encode(c)
				if rep.Issues.HasError() {
					t.Errorf("Encode issues = %v, want no error", issueKeys(rep.Issues))
				}
				got := parseJSON(t, out).(map[string]any)
				for ptr, want := range tc.Expect.Output {
					tok := validate.Pointer(ptr).LastToken()
					if got[tok] != want {
						t.Errorf("Encode output %s = %v, want %v", ptr, got[tok], want)
					}
				}
				for _, ptr := range tc.Expect.Absent {
					if _, ok := got[validate.Pointer(ptr).LastToken()]; ok {
						t.Errorf("Encode output has %s, want it absent", ptr)
					}
				}
			})
		default:
			continue
		}
		n++
	}
	if n < 8 {
		t.Errorf("ran %d Stancer conformance cases, want at least 8", n)
	}
}

func checkExpect(t *testing.T, tc conformanceCase, rep validate.Report) {
	t.Helper()
	if tc.Expect.OK != nil && *tc.Expect.OK == rep.Issues.HasError() {
		t.Errorf("%s: accepted = %v, want %v; issues %v", tc.Name, !rep.Issues.HasError(), *tc.Expect.OK, issueKeys(rep.Issues))
	}
	for _, want := range tc.Expect.Issues {
		if !slices.ContainsFunc(rep.Issues, func(i validate.Issue) bool {
			return i.Code == want.Code && (want.Path == nil || *want.Path == i.Path)
		}) {
			t.Errorf("%s: issues %v lack %v at %v", tc.Name, issueKeys(rep.Issues), want.Code, want.Path)
		}
	}
	for _, want := range tc.Expect.Changes {
		if !slices.ContainsFunc(rep.Changes, func(c validate.Change) bool {
			return c.Kind == want.Kind && c.Path == want.Path
		}) {
			t.Errorf("%s: changes %v lack %v at %v", tc.Name, changeKeys(rep.Changes), want.Kind, want.Path)
		}
	}
}
