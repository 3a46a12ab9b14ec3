package main

import (
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/custnorm/custnorm/internal/conformance"
)

// TestConformanceIDs runs the proposed id and street vectors of
// testdata/conformance-ids.json through handle, as TestConformance runs the
// shared corpus: the bridge must equal the Go library and meet each case's
// expectations.
func TestConformanceIDs(t *testing.T) {
	cases, err := conformance.Load(filepath.Join("..", "testdata", "conformance-ids.json"))
	if err != nil {
		t.Fatal(err)
	}
	b := newBridge(false)
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			got := asJSON(t, viaBridge(b, tc))
			lib, err := viaLibrary(tc)
			if err != nil {
				t.Fatalf("library: %v", err)
			}
			if diff := cmp.Diff(asJSON(t, lib), got); diff != "" {
				t.Errorf("handle differs from the Go library (-library +handle):\n%s", diff)
			}
			okKey := "ok"
			if tc.Op == conformance.OpValidate {
				okKey = "valid"
			}
			o, err := conformance.DecodeOutcome(marshal(t, got), okKey)
			if err != nil {
				t.Fatalf("handle: %v", err)
			}
			for _, f := range tc.Check(o) {
				t.Error(f)
			}
		})
	}
}
