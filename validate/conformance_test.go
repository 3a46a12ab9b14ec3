package validate_test

import (
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/custnorm/custnorm/internal/conformance"
	"github.com/custnorm/custnorm/validate"
)

// TestConformance runs every normalizePhone and normalizeCountry case of the
// shared vector corpus through the Go API.
func TestConformance(t *testing.T) {
	cases, err := conformance.LoadAll(filepath.Join("..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	ran := 0
	for _, tc := range cases {
		var res any
		switch tc.Op {
		case conformance.OpNormalizePhone:
			res = validate.NormalizePhone(tc.Text(), tc.Region)
		case conformance.OpNormalizeCountry:
			res = validate.NormalizeCountry(tc.Text())
		default:
			continue
		}
		ran++
		t.Run(tc.Name, func(t *testing.T) {
			var o conformance.Outcome
			b, _ := json.Marshal(res)
			if err := json.Unmarshal(b, &o); err != nil {
				t.Fatal(err)
			}
			for _, f := range tc.Check(o) {
				t.Errorf("%s(%q): %s", tc.Op, tc.Text(), f)
			}
		})
	}
	if ran == 0 {
		t.Fatal("no normalizePhone or normalizeCountry case in the corpus")
	}
}
