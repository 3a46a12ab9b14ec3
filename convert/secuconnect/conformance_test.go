package secuconnect_test

import (
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/custnorm/custnorm/convert/secuconnect"
	"github.com/custnorm/custnorm/model"
	"github.com/custnorm/custnorm/validate"
)

// conformanceCase is one case of testdata/conformance.json (its "about"
// member describes the fields).
type conformanceCase struct {
	Name   string          `json:"name"`
	Op     string          `json:"op"`
	As     string          `json:"as"`
	From   string          `json:"from"`
	To     string          `json:"to"`
	Via    string          `json:"via"`
	Input  json.RawMessage `json:"input"`
	Expect struct {
		OK     *bool `json:"ok"`
		Issues []struct {
			Path *validate.Pointer `json:"path"`
			Code validate.Code     `json:"code"`
		} `json:"issues"`
	} `json:"expect"`
}

// decodeCodes are the codes Decode itself reports; the others come from the
// pipeline's normalization and checks in package convert, which runs these
// cases in full.
var decodeCodes = map[validate.Code]bool{
	validate.CodeInvalidJSON: true, validate.CodeTooLarge: true, validate.CodeTooDeep: true,
	validate.CodeWrongType: true, validate.CodeUnknownField: true, validate.CodeRequired: true,
	validate.CodeInvalidFormat: true, validate.CodeInvalidDate: true, validate.CodeInvalidID: true,
}

// TestConformance runs the part of the shared conformance cases that
// concerns this converter alone: documents that must be accepted decode
// without error, the format errors Decode owns are reported at the right
// pointers, and the round trip through secuconnect gives its input back.
func TestConformance(t *testing.T) {
	data := readFile(t, filepath.Join("..", "..", "testdata", "conformance.json"))
	var file struct {
		Cases []conformanceCase `json:"cases"`
	}
	if err := json.Unmarshal(data, &file); err != nil {
		t.Fatal(err)
	}
	var conv secuconnect.Converter
	ran := 0
	for _, tc := range file.Cases {
		if tc.To == secuconnect.Name {
			continue // TestConformanceEncode
		}
		if tc.As != secuconnect.Name && tc.From != secuconnect.Name && tc.Via != secuconnect.Name {
			continue
		}
		ran++
		t.Run(tc.Name, func(t *testing.T) {
			c, origins, rep := conv.Decode(tc.Input)
			if tc.Op == "roundtrip" {
				if rep.Issues.HasError() {
					t.Fatalf("Decode() errors: %v", issueKeys(rep.Issues))
				}
				out, _ := conv.Encode(c)
				if diff := cmp.Diff(jsonValue(t, tc.Input), jsonValue(t, out)); diff != "" {
					t.Errorf("Encode(Decode()) mismatch (-input +output):\n%s", diff)
				}
				return
			}
			if tc.Expect.OK != nil && *tc.Expect.OK {
				if rep.Issues.HasError() {
					t.Errorf("Decode() errors: %v, want none", issueKeys(rep.Issues))
				}
				return
			}
			pipeline := false
			for _, want := range tc.Expect.Issues {
				if decodeCodes[want.Code] || want.Path == nil {
					continue
				}
				// The pipeline reports this at a canonical pointer and maps
				// it back through the origins: one must lead to the path.
				pipeline = true
				if _, ok := origins.Inverse(*want.Path); !ok {
					t.Errorf("no canonical value has its origin at %s (for %s)", *want.Path, want.Code)
				}
			}
			if pipeline {
				return
			}
			if !rep.Issues.HasError() {
				t.Errorf("Decode() has no error, want one")
			}
			for _, want := range tc.Expect.Issues {
				found := false
				for _, got := range rep.Issues {
					found = found || (got.Code == want.Code && (want.Path == nil || got.Path == *want.Path))
				}
				if !found {
					t.Errorf("Decode() issues %v lack %v %s", issueKeys(rep.Issues), want.Path, want.Code)
				}
			}
		})
	}
	if ran == 0 {
		t.Fatal("no conformance case for secuconnect")
	}
}

// conformanceSources are the canonical records the source formats' decoders
// give for the conversion cases into secuconnect (after the pipeline's
// normalization), by case name.
var conformanceSources = map[string]model.Customer{
	"convert: Stancer customer to secuconnect splits the name": {
		GivenName: "David", FamilyName: "Coaster", Email: "david@example.net", Mobile: "+33639980102",
		Refs: model.References{Stancer: "cust_9Cle7TXKkjhwqcWx4Kl5cQYk"}, Created: "2018-10-03T10:22:54Z",
		LiveMode: new(bool),
	},
}

// TestConformanceEncode checks the output pointers of the conversion cases
// into secuconnect, from the canonical record the source format gives.
func TestConformanceEncode(t *testing.T) {
	data := readFile(t, filepath.Join("..", "..", "testdata", "conformance.json"))
	var file struct {
		Cases []struct {
			Name   string `json:"name"`
			To     string `json:"to"`
			Expect struct {
				OK     *bool                    `json:"ok"`
				Output map[validate.Pointer]any `json:"output"`
			} `json:"expect"`
		} `json:"cases"`
	}
	if err := json.Unmarshal(data, &file); err != nil {
		t.Fatal(err)
	}
	for _, tc := range file.Cases {
		if tc.To != secuconnect.Name || tc.Expect.OK == nil || !*tc.Expect.OK {
			continue
		}
		t.Run(tc.Name, func(t *testing.T) {
			c, ok := conformanceSources[tc.Name]
			if !ok {
				t.Fatalf("no canonical source record for this case in conformanceSources")
			}
			out, rep := secuconnect.Converter{}.Encode(c)
			if rep.Issues.HasError() {
				t.Errorf("Encode() errors: %v", issueKeys(rep.Issues))
			}
			doc := jsonValue(t, out)
			for p, want := range tc.Expect.Output {
				got, found := lookup(doc, p)
				if !found || !cmp.Equal(got, want) {
					t.Errorf("Encode() output at %s = %v (found %v), want %v", p, got, found, want)
				}
			}
		})
	}
}

// lookup returns the value at p in the generic JSON value v.
func lookup(v any, p validate.Pointer) (any, bool) {
	for tok := range p.Tokens() {
		obj, ok := v.(map[string]any)
		if !ok {
			return nil, false
		}
		if v, ok = obj[tok]; !ok {
			return nil, false
		}
	}
	return v, true
}
