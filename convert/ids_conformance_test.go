package convert_test

import (
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/custnorm/custnorm/convert"
	"github.com/custnorm/custnorm/internal/conformance"
)

// TestConformanceIDs runs the proposed id and street vectors of
// testdata/conformance-ids.json through the Go pipeline, as TestConformance
// runs the shared corpus.
func TestConformanceIDs(t *testing.T) {
	cases, err := conformance.Load(filepath.Join("..", "testdata", "conformance-ids.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) == 0 {
		t.Fatal("no cases")
	}
	reg := convert.Builtin()
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			p := reg.NewPipeline(convert.Options{Region: tc.Options.Region})
			var res convert.Result
			var err error
			switch tc.Op {
			case conformance.OpValidate:
				res, err = p.Validate(tc.As, tc.Input)
			case conformance.OpConvert:
				res, err = p.Convert(tc.From, tc.To, tc.Input)
			case conformance.OpRoundtrip:
				res, err = p.Convert(tc.Via, tc.Via, tc.Input)
			default:
				t.Fatalf("op %q", tc.Op)
			}
			if err != nil {
				t.Fatal(err)
			}
			var o conformance.Outcome
			b, _ := json.Marshal(res)
			if err := json.Unmarshal(b, &o); err != nil {
				t.Fatal(err)
			}
			for _, f := range tc.Check(o) {
				t.Error(f)
			}
		})
	}
}
