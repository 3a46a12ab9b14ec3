package validate_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/custnorm/custnorm/validate"
)

// conformanceCase is one case of testdata/conformance.json, as far as the
// library ops normalizePhone and normalizeCountry need it.
type conformanceCase struct {
	Name   string `json:"name"`
	Op     string `json:"op"`
	Input  any    `json:"input"`
	Region string `json:"region"`
	Expect struct {
		OK     bool   `json:"ok"`
		E164   string `json:"e164"`
		Type   string `json:"type"`
		Code   string `json:"code"`
		Issues []struct {
			Path *string `json:"path"`
			Code string  `json:"code"`
		} `json:"issues"`
	} `json:"expect"`
}

func loadConformance(t *testing.T) []conformanceCase {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", "conformance.json"))
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Cases []conformanceCase `json:"cases"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	return doc.Cases
}

// TestConformance runs every normalizePhone and normalizeCountry case of the
// shared vector corpus through the Go API.
func TestConformance(t *testing.T) {
	ran := 0
	for _, tc := range loadConformance(t) {
		if tc.Op != "normalizePhone" && tc.Op != "normalizeCountry" {
			continue
		}
		ran++
		t.Run(tc.Name, func(t *testing.T) {
			in, _ := tc.Input.(string)
			var ok bool
			var issues validate.Issues
			switch tc.Op {
			case "normalizePhone":
				res := validate.NormalizePhone(in, tc.Region)
				ok, issues = res.OK, res.Issues
				if tc.Expect.E164 != "" && res.E164 != tc.Expect.E164 {
					t.Errorf("NormalizePhone(%q, %q).E164 = %q, want %q", in, tc.Region, res.E164, tc.Expect.E164)
				}
				if tc.Expect.Type != "" && string(res.Type) != tc.Expect.Type {
					t.Errorf("NormalizePhone(%q, %q).Type = %q, want %q", in, tc.Region, res.Type, tc.Expect.Type)
				}
			case "normalizeCountry":
				res := validate.NormalizeCountry(in)
				ok, issues = res.OK, res.Issues
				if tc.Expect.Code != "" && res.Code != tc.Expect.Code {
					t.Errorf("NormalizeCountry(%q).Code = %q, want %q", in, res.Code, tc.Expect.Code)
				}
			}
			if ok != tc.Expect.OK {
				t.Errorf("%s(%q).OK = %v, want %v (issues %v)", tc.Op, in, ok, tc.Expect.OK, issues)
			}
			for _, want := range tc.Expect.Issues {
				if !hasIssue(issues, want.Path, want.Code) {
					t.Errorf("%s(%q) issues = %v, want one with code %s", tc.Op, in, issues, want.Code)
				}
			}
		})
	}
	if ran == 0 {
		t.Fatal("no normalizePhone or normalizeCountry case in the corpus")
	}
}

func hasIssue(issues validate.Issues, path *string, code string) bool {
	for _, i := range issues {
		if string(i.Code) == code && (path == nil || string(i.Path) == *path) {
			return true
		}
	}
	return false
}
