package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// conformanceCase is one case of testdata/conformance.json (its "about"
// says how to read it).
type conformanceCase struct {
	Name    string          `json:"name"`
	Op      string          `json:"op"`
	As      string          `json:"as"`
	From    string          `json:"from"`
	To      string          `json:"to"`
	Via     string          `json:"via"`
	Input   json.RawMessage `json:"input"`
	Options struct {
		Region string `json:"region"`
	} `json:"options"`
	Expect struct {
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
// shared vectors through the built binary as tools/conformance.py does,
// once with the input as FILE and once on standard input.
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
	ran := 0
	for _, tc := range doc.Cases {
		if tc.Op != "validate" && tc.Op != "convert" && tc.Op != "roundtrip" {
			continue
		}
		ran++
		for _, viaStdin := range []bool{false, true} {
			name := tc.Name + "/file"
			if viaStdin {
				name = tc.Name + "/stdin"
			}
			t.Run(name, func(t *testing.T) { conformanceRun(t, tc, viaStdin) })
		}
	}
	if ran == 0 {
		t.Fatal("no validate, convert or roundtrip case")
	}
}

func conformanceRun(t *testing.T, tc conformanceCase, viaStdin bool) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.json")
	if err := os.WriteFile(in, tc.Input, 0o644); err != nil {
		t.Fatal(err)
	}
	report := filepath.Join(dir, "report.ndjson")
	var args []string
	switch tc.Op {
	case "validate":
		args = []string{"validate", "--as", tc.As, "--json"}
	case "convert":
		args = []string{"convert", "--from", tc.From, "--to", tc.To, "--report", report}
	case "roundtrip":
		args = []string{"convert", "--from", tc.Via, "--to", tc.Via}
	}
	if tc.Options.Region != "" {
		args = append(args, "--region", tc.Options.Region)
	}
	var r result
	if viaStdin {
		f, err := os.Open(in)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		r = runBin(t, f, args...)
	} else {
		r = runBin(t, nil, append(args, in)...)
	}
	if r.code != 0 && r.code != 1 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	exp := tc.Expect
	switch tc.Op {
	case "validate":
		recs := lines(t, r.stdout)
		if len(recs) != 1 {
			t.Fatalf("want one verdict, got %q", r.stdout)
		}
		if recs[0]["valid"] != exp.OK || (r.code == 0) != exp.OK {
			t.Fatalf("valid %v, exit %d, want ok %v; issues %v", recs[0]["valid"], r.code, exp.OK, recs[0]["issues"])
		}
		issues, _ := recs[0]["issues"].([]any)
		for _, w := range exp.Issues {
			if !hasIssue(issues, w.Path, w.Code) {
				t.Errorf("missing issue %s at %s; got %v", w.Code, strPtr(w.Path), issues)
			}
		}
	case "convert":
		if (r.code == 0) != exp.OK {
			t.Fatalf("exit %d, want ok %v; stderr %s", r.code, exp.OK, r.stderr)
		}
		if r.stderr != "" {
			t.Errorf("with --report, stderr should be empty: %s", r.stderr)
		}
		repData, err := os.ReadFile(report)
		if err != nil {
			t.Fatal(err)
		}
		rep := lines(t, string(repData))
		if len(rep) != 1 {
			t.Fatalf("want one report line, got %s", repData)
		}
		if exp.OK {
			var out any
			if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
				t.Fatalf("output is not one JSON document: %v\n%s", err, r.stdout)
			}
			for p, v := range exp.Output {
				got, ok := pointerGet(out, p)
				if !ok || !reflect.DeepEqual(got, v) {
					t.Errorf("output %s = %#v, want %#v", p, got, v)
				}
			}
			for _, p := range exp.Absent {
				if _, ok := pointerGet(out, p); ok {
					t.Errorf("output has %s", p)
				}
			}
		} else if r.stdout != "" {
			t.Errorf("a rejected record was written: %s", r.stdout)
		}
		issues, _ := rep[0]["issues"].([]any)
		for _, w := range exp.Issues {
			if !hasIssue(issues, w.Path, w.Code) {
				t.Errorf("report lacks issue %s at %s; got %v", w.Code, strPtr(w.Path), issues)
			}
		}
		changes, _ := rep[0]["changes"].([]any)
		for _, w := range exp.Changes {
			if !hasChange(changes, w.Path, w.Kind) {
				t.Errorf("report lacks change %s at %s; got %v", w.Kind, strPtr(w.Path), changes)
			}
		}
	case "roundtrip":
		if r.code != 0 {
			t.Fatalf("exit %d: %s", r.code, r.stderr)
		}
		var out, want any
		if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
			t.Fatalf("output is not one JSON document: %v\n%s", err, r.stdout)
		}
		if err := json.Unmarshal(tc.Input, &want); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(out, want) {
			t.Errorf("round trip differs:\n got %s\nwant %s", r.stdout, tc.Input)
		}
	}
}

func strPtr(p *string) string {
	if p == nil {
		return "any path"
	}
	return strconv.Quote(*p)
}

func hasIssue(issues []any, path *string, code string) bool {
	for _, it := range issues {
		m, _ := it.(map[string]any)
		if m["code"] == code && (path == nil || m["path"] == *path) {
			return true
		}
	}
	return false
}

func hasChange(changes []any, path *string, kind string) bool {
	for _, it := range changes {
		m, _ := it.(map[string]any)
		if m["kind"] == kind && (path == nil || m["path"] == *path) {
			return true
		}
	}
	return false
}

// pointerGet resolves the RFC 6901 pointer p in the decoded document v.
func pointerGet(v any, p string) (any, bool) {
	if p == "" {
		return v, true
	}
	if !strings.HasPrefix(p, "/") {
		return nil, false
	}
	for _, tok := range strings.Split(p[1:], "/") {
		tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		switch cur := v.(type) {
		case map[string]any:
			next, ok := cur[tok]
			if !ok {
				return nil, false
			}
			v = next
		case []any:
			k, err := strconv.Atoi(tok)
			if err != nil || k < 0 || k >= len(cur) || fmt.Sprint(k) != tok {
				return nil, false
			}
			v = cur[k]
		default:
			return nil, false
		}
	}
	return v, true
}
