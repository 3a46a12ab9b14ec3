package worldline_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/custnorm/custnorm/convert/worldline"
	"github.com/custnorm/custnorm/validate"
)

// conformanceCase is the part of a vectors/conformance.json case this
// package's tests read.
type conformanceCase struct {
	Name   string          `json:"name"`
	Op     string          `json:"op"`
	From   string          `json:"from"`
	Via    string          `json:"via"`
	Input  json.RawMessage `json:"input"`
	Expect struct {
		OK      *bool `json:"ok"`
		Changes []struct {
			Kind string           `json:"kind"`
			Path validate.Pointer `json:"path"`
		} `json:"changes"`
	} `json:"expect"`
}

// TestConformance checks this package's share of the conformance cases that
// read a Worldline format: Decode accepts what the case accepts, every
// change the pipeline is expected to report maps back through the origins
// Decode returned (the street split at /street, a country defaulted from the
// region at /country even though the member is absent), and round trips
// give the input back. Normalization and the target format are the
// pipeline's and are tested in package convert.
func TestConformance(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "conformance.json"))
	if err != nil {
		t.Skipf("no conformance vectors: %v", err)
	}
	var vectors struct {
		Cases []conformanceCase `json:"cases"`
	}
	if err := json.Unmarshal(data, &vectors); err != nil {
		t.Fatal(err)
	}
	convs := map[string]converter{
		worldline.Name:       worldline.Converter{},
		worldline.LookupName: worldline.LookupConverter{},
	}
	n := 0
	for _, tc := range vectors.Cases {
		from := tc.From
		if tc.Op == "roundtrip" {
			from = tc.Via
		}
		conv, ours := convs[from]
		if !ours {
			continue
		}
		n++
		t.Run(tc.Name, func(t *testing.T) {
			c, origins, rep := conv.Decode(tc.Input)
			if tc.Expect.OK != nil && *tc.Expect.OK && rep.Issues.HasError() {
				t.Errorf("Decode(%s) issues = %v, want no error", tc.Input, issuesOf(rep))
			}
			for _, ch := range tc.Expect.Changes {
				if _, ok := origins.Inverse(ch.Path); !ok {
					t.Errorf("Decode(%s): no canonical value has origin %q (expected %s change)", tc.Input, ch.Path, ch.Kind)
				}
			}
			if tc.Op == "roundtrip" {
				out, _ := conv.Encode(c)
				if !sameJSON(t, out, tc.Input) {
					t.Errorf("Encode(Decode(%s)) = %s, want the input back", tc.Input, out)
				}
			}
		})
	}
	if n == 0 {
		t.Skip("no conformance case reads a Worldline format")
	}
}
