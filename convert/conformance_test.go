package convert_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/custnorm/custnorm/convert"
	"github.com/custnorm/custnorm/validate"
)

type conformanceCase struct {
	Name    string                  `json:"name"`
	Op      string                  `json:"op"`
	As      string                  `json:"as"`
	From    string                  `json:"from"`
	To      string                  `json:"to"`
	Via     string                  `json:"via"`
	Options struct{ Region string } `json:"options"`
	Input   json.RawMessage         `json:"input"`
	Expect  struct {
		OK     bool `json:"ok"`
		Issues []struct {
			Path *string `json:"path"`
			Code string  `json:"code"`
		} `json:"issues"`
		Output  map[string]any `json:"output"`
		Absent  []string       `json:"absent"`
		Changes []struct {
			Kind string  `json:"kind"`
			Path *string `json:"path"`
		} `json:"changes"`
	} `json:"expect"`
}

// TestConformance runs every validate, convert and roundtrip case of the
// shared vector corpus through the Go API.
func TestConformance(t *testing.T) {
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
	reg := convert.Builtin()
	ran := 0
	for _, tc := range doc.Cases {
		if tc.Op != "validate" && tc.Op != "convert" && tc.Op != "roundtrip" {
			continue
		}
		ran++
		t.Run(tc.Name, func(t *testing.T) {
			p := reg.NewPipeline(convert.Options{Region: tc.Options.Region})
			var res convert.Result
			var err error
			switch tc.Op {
			case "validate":
				res, err = p.Validate(tc.As, tc.Input)
			case "convert":
				res, err = p.Convert(tc.From, tc.To, tc.Input)
			case "roundtrip":
				res, err = p.Convert(tc.Via, tc.Via, tc.Input)
			}
			if err != nil {
				t.Fatal(err)
			}
			if res.OK != tc.Expect.OK {
				t.Fatalf("ok = %v, want %v; issues: %s", res.OK, tc.Expect.OK, issuesText(res.Issues))
			}
			for _, want := range tc.Expect.Issues {
				if !hasIssue(res.Issues, want.Path, want.Code) {
					t.Errorf("no issue %s at %v; issues: %s", want.Code, deref(want.Path), issuesText(res.Issues))
				}
			}
			for _, want := range tc.Expect.Changes {
				if !hasChange(res.Changes, want.Kind, want.Path) {
					t.Errorf("no change %s at %v; changes: %v", want.Kind, deref(want.Path), res.Changes)
				}
			}
			if tc.Op == "roundtrip" {
				var in, out any
				json.Unmarshal(tc.Input, &in)
				if err := json.Unmarshal(res.Output, &out); err != nil {
					t.Fatalf("output is not JSON: %v", err)
				}
				if !reflect.DeepEqual(in, out) {
					t.Errorf("round trip differs:\n got %s\nwant %s", res.Output, tc.Input)
				}
			}
			if !res.OK || tc.Op != "convert" {
				return
			}
			var out any
			if err := json.Unmarshal(res.Output, &out); err != nil {
				t.Fatalf("output is not JSON: %v", err)
			}
			for ptr, want := range tc.Expect.Output {
				got, ok := lookup(out, ptr)
				if !ok || !reflect.DeepEqual(got, want) {
					t.Errorf("output %s = %v (present %v), want %v; output %s", ptr, got, ok, want, res.Output)
				}
			}
			for _, ptr := range tc.Expect.Absent {
				if _, ok := lookup(out, ptr); ok {
					t.Errorf("output %s present, want absent", ptr)
				}
			}
		})
	}
	if ran == 0 {
		t.Fatal("no validate, convert or roundtrip case in the corpus")
	}
}

func deref(p *string) any {
	if p == nil {
		return "any path"
	}
	return *p
}

func issuesText(issues validate.Issues) string {
	var parts []string
	for _, i := range issues {
		parts = append(parts, string(i.Path)+" "+string(i.Code)+"/"+string(i.Severity))
	}
	return strings.Join(parts, "; ")
}

func hasIssue(issues validate.Issues, path *string, code string) bool {
	for _, i := range issues {
		if string(i.Code) == code && (path == nil || string(i.Path) == *path) {
			return true
		}
	}
	return false
}

func hasChange(changes []validate.Change, kind string, path *string) bool {
	for _, c := range changes {
		if string(c.Kind) == kind && (path == nil || string(c.Path) == *path) {
			return true
		}
	}
	return false
}

func lookup(doc any, ptr string) (any, bool) {
	cur := doc
	for tok := range validate.Pointer(ptr).Tokens() {
		obj, ok := cur.(map[string]any)
		if !ok {
			return nil, false
		}
		cur, ok = obj[tok]
		if !ok {
			return nil, false
		}
	}
	return cur, true
}
