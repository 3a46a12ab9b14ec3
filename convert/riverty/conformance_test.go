package riverty_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/custnorm/custnorm/convert/riverty"
	"github.com/custnorm/custnorm/model"
	"github.com/custnorm/custnorm/validate"
	"github.com/google/go-cmp/cmp"
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
		Output map[validate.Pointer]any `json:"output"`
		Absent []validate.Pointer       `json:"absent"`
	} `json:"expect"`
}

// normalizedInputs are the canonical records that decoding and normalizing
// the inputs of the conversions to Riverty give (the other providers' half
// of those cases, which package convert runs whole).
var normalizedInputs = map[string]model.Customer{
	"convert: secuconnect response keeps the calendar date of birth": {
		Salutation: "Mr.", Title: "Dr.", GivenName: "John", FamilyName: "Doe", CompanyName: "My Company Inc.",
		BirthDate: model.MustParseDate("1905-03-03"), Email: "mr-john-doe@mail.com",
		Phone: "+49123456789", Mobile: "+49987654321",
		Address: model.Address{Street: "Frankfurter Str.", HouseNumber: "125a", PostalCode: "60326",
			City: "Frankfurt am Main", Country: "DE"},
		Refs:    model.References{Secuconnect: "PCU_2AAAAAAAAAAAAAAAAAAAAAAAAAAAA7"},
		Created: "2017-12-22T14:59:32+01:00",
	},
	"convert: Worldline details to Riverty split street and house number": {
		GivenName: "Gustav", FamilyName: "Adolfs", Email: "gustav.adolfs@stockholm.se", Phone: "+46123456789",
		NationalID: "0123456789012",
		Address: model.Address{Street: "Gustav Adolfs torg", HouseNumber: "22", PostalCode: "111 52",
			City: "Stockholm", Country: "SE"},
	},
}

// TestConformance runs the shared vectors that concern Riverty as far as
// this package can. Validations decode the document and then run the two
// checks of package convert's pipeline the Riverty cases rely on (postal
// code, phones), re-pathed through the origins Decode returns: so they test
// that the origins point at the right members.
func TestConformance(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "conformance.json"))
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Cases []conformanceCase `json:"cases"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, tc := range doc.Cases {
		var conv converter
		switch {
		case tc.Op == "validate" && tc.As == riverty.Name, tc.Op == "convert" && tc.From == riverty.Name:
			conv = riverty.Converter{}
		case tc.Op == "validate" && tc.As == riverty.CreateName, tc.Op == "convert" && tc.From == riverty.CreateName:
			conv = riverty.CreateConverter{}
		case tc.Op == "convert" && (tc.To == riverty.Name || tc.To == riverty.CreateName):
			t.Run(tc.Name, func(t *testing.T) { checkConversionTo(t, tc) })
			n++
			continue
		default:
			continue
		}
		n++
		t.Run(tc.Name, func(t *testing.T) {
			c, origins, rep := conv.Decode(tc.Input)
			rep.Merge(pipelineChecks(c, origins))
			if tc.Expect.OK != nil && *tc.Expect.OK == rep.Issues.HasError() {
				t.Errorf("accepted = %v, want %v; issues %+v", !rep.Issues.HasError(), *tc.Expect.OK, issuesOf(rep))
			}
			for _, want := range tc.Expect.Issues {
				if !slices.ContainsFunc(rep.Issues, func(i validate.Issue) bool {
					return i.Code == want.Code && (want.Path == nil || *want.Path == i.Path)
				}) {
					t.Errorf("issues %+v lack %s at %v", issuesOf(rep), want.Code, *want.Path)
				}
			}
		})
	}
	if n < 5 {
		t.Errorf("ran %d Riverty conformance cases, want at least 5", n)
	}
}

// pipelineChecks runs the postal-code and phone checks of the pipeline on
// c and points the issues into the input through origins.
func pipelineChecks(c model.Customer, origins *validate.Origins) validate.Report {
	var rep validate.Report
	country := string(c.Address.Country)
	if iss := validate.CheckPostalCode(country, c.Address.PostalCode); iss != nil {
		rep.Add(origins.Of("/address/postalCode"), *iss)
	}
	for canon, v := range map[validate.Pointer]model.Phone{"/phone": c.Phone, "/mobile": c.Mobile} {
		if v == "" {
			continue
		}
		if res := validate.NormalizePhone(string(v), country); !res.OK {
			rep.Add(origins.Of(canon), res.Issues...)
		}
	}
	rep.Normalize()
	return rep
}

func checkConversionTo(t *testing.T, tc conformanceCase) {
	c, ok := normalizedInputs[tc.Name]
	if !ok {
		t.Skipf("no normalized input for %q: add it to normalizedInputs", tc.Name)
	}
	conv := converter(riverty.Converter{})
	if tc.To == riverty.CreateName {
		conv = riverty.CreateConverter{}
	}
	out, rep := conv.Encode(c)
	if rep.Issues.HasError() {
		t.Errorf("Encode issues = %+v, want no error", issuesOf(rep))
	}
	got := jsonValue(t, out)
	for p, want := range tc.Expect.Output {
		v, ok := valueAt(got, p)
		if !ok {
			t.Errorf("Encode output lacks %s: %s", p, out)
			continue
		}
		if diff := cmp.Diff(want, v); diff != "" {
			t.Errorf("Encode output %s mismatch (-want +got):\n%s", p, diff)
		}
	}
	for _, p := range tc.Expect.Absent {
		if _, ok := valueAt(got, p); ok {
			t.Errorf("Encode output has %s, want it absent", p)
		}
	}
}
