package convert_test

import (
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/custnorm/custnorm/convert"
	"github.com/custnorm/custnorm/internal/conformance"
)

// TestConformance runs every validate, convert and roundtrip case of the
// shared vector corpus and of custnorm's own id and street cases
// (conformance.LoadAll) through the Go API.
func TestConformance(t *testing.T) {
	cases, err := conformance.LoadAll(filepath.Join("..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	reg := convert.Builtin()
	ran := 0
	for _, tc := range cases {
		if tc.Op != conformance.OpValidate && tc.Op != conformance.OpConvert && tc.Op != conformance.OpRoundtrip {
			continue
		}
		ran++
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
	if ran == 0 {
		t.Fatal("no validate, convert or roundtrip case in the corpus")
	}
}
