package main

import (
	"encoding/json"
	"github.com/custnorm/custnorm/internal/conformance"
	"os"
	"path/filepath"
	"testing"
)

// TestConformance runs every validate, convert and roundtrip case of the
// shared vectors through the built binary as tools/conformance.py does,
// once with the input as FILE and once on standard input.
func TestConformance(t *testing.T) {
	cases, err := conformance.LoadAll(filepath.Join("..", "..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	ran := 0
	for _, tc := range cases {
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

func conformanceRun(t *testing.T, tc conformance.Case, viaStdin bool) {
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
	// The CLI's own contract: exit status and where records go.
	o := conformance.Outcome{OK: r.code == 0}
	switch tc.Op {
	case "validate":
		recs := lines(t, r.stdout)
		if len(recs) != 1 {
			t.Fatalf("want one verdict, got %q", r.stdout)
		}
		if recs[0]["valid"] != o.OK {
			t.Errorf("valid %v disagrees with exit %d", recs[0]["valid"], r.code)
		}
		decodeInto(t, recs[0], &o)
	case "convert":
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
		decodeInto(t, rep[0], &o)
		if !o.OK && r.stdout != "" {
			t.Errorf("a rejected record was written: %s", r.stdout)
		}
		o.OK = r.code == 0
		o.Output = json.RawMessage(r.stdout)
	case "roundtrip":
		o.Output = json.RawMessage(r.stdout)
	}
	for _, f := range tc.Check(o) {
		t.Error(f)
	}
}

// decodeInto reads the issues and changes of one CLI output line.
func decodeInto(t *testing.T, line map[string]any, o *conformance.Outcome) {
	t.Helper()
	b, _ := json.Marshal(map[string]any{"issues": line["issues"], "changes": line["changes"]})
	var parts conformance.Outcome
	if err := json.Unmarshal(b, &parts); err != nil {
		t.Fatal(err)
	}
	o.Issues, o.Changes = parts.Issues, parts.Changes
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
