package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/custnorm/custnorm/convert"
)

// TestCorpus runs the shared provider corpus (testdata/<format>) through the
// CLI: every valid document is detected as its format and converts to
// canonical and back to its format; for every invalid one, validate finds
// at least the issues its golden file lists (and rejects it when one is an
// error).
func TestCorpus(t *testing.T) {
	for _, format := range convert.Builtin().Names() {
		dir := filepath.Join("..", "..", "testdata", format)
		valid, _ := filepath.Glob(filepath.Join(dir, "*.json"))
		invalid, _ := filepath.Glob(filepath.Join(dir, "invalid", "*.json"))
		for _, p := range valid {
			if strings.HasSuffix(p, ".golden.json") {
				continue
			}
			t.Run(format+"/"+filepath.Base(p), func(t *testing.T) {
				r := runCLI(t, "", "detect", p)
				for l := range strings.SplitSeq(strings.TrimSpace(r.stdout), "\n") {
					got, reason, _ := strings.Cut(l, "\t")
					if got == "unknown" && strings.Contains(reason, "named by only one of the formats") {
						continue // ambiguous ({"email": …} fits several formats); see schema.Detect
					}
					if got != format {
						t.Errorf("detected %q, want %s", l, format)
					}
				}
				toCanon := runCLI(t, "", "convert", "--from", format, "--to", "canonical", p)
				if toCanon.code == 2 || toCanon.code == 0 && toCanon.stdout == "" {
					t.Fatalf("to canonical: exit %d: %s", toCanon.code, toCanon.stderr)
				}
				if toCanon.code == 0 {
					back := runCLI(t, toCanon.stdout, "convert", "--from", "canonical", "--to", format)
					if back.code == 2 || back.code == 0 && back.stdout == "" {
						t.Errorf("back to %s: exit %d: %s", format, back.code, back.stderr)
					}
				}
			})
		}
		for _, p := range invalid {
			if strings.HasSuffix(p, ".golden.json") {
				continue
			}
			t.Run(format+"/invalid/"+filepath.Base(p), func(t *testing.T) {
				golden, err := os.ReadFile(strings.TrimSuffix(p, ".json") + ".errors.golden.json")
				if err != nil {
					t.Fatalf("every invalid document has its errors golden: %v", err)
				}
				var want []struct {
					Path     string `json:"path"`
					Code     string `json:"code"`
					Severity string `json:"severity"`
				}
				if err := json.Unmarshal(golden, &want); err != nil {
					t.Fatal(err)
				}
				doc, err := os.ReadFile(p)
				if err != nil {
					t.Fatal(err)
				}
				if strings.HasPrefix(strings.TrimSpace(string(doc)), "[") {
					// To the CLI a top-level array is a list of records,
					// not one document of the wrong type.
					t.Skip("an array of records to the CLI")
				}
				rejected := false
				for _, w := range want {
					rejected = rejected || w.Severity == "error"
				}
				r := runCLI(t, "", "validate", "--as", format, "--json", p)
				if (r.code == 1) != rejected || r.code > 1 {
					t.Fatalf("exit %d, want rejected %v: %s%s", r.code, rejected, r.stdout, r.stderr)
				}
				var issues []any
				for _, l := range lines(t, r.stdout) {
					issues = append(issues, l["issues"].([]any)...)
				}
				for _, w := range want {
					if !hasIssue(issues, &w.Path, w.Code) {
						t.Errorf("no %s at %q; got %v", w.Code, w.Path, issues)
					}
				}
			})
		}
	}
}
