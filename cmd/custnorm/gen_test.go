package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/custnorm/custnorm/convert"
)

func TestGenDeterministic(t *testing.T) {
	gen := func(seed string) string {
		r := runCLI(t, "", "gen", "--format", "secuconnect", "-n", "50", "--seed", seed, "--bad-rate", "0.3")
		if r.code != 0 {
			t.Fatalf("gen: exit %d: %s", r.code, r.stderr)
		}
		return r.stdout
	}
	a, b, c := gen("7"), gen("7"), gen("8")
	if a != b {
		t.Error("the same seed gives different records")
	}
	if a == c {
		t.Error("different seeds give the same records")
	}
	if n := strings.Count(a, "\n"); n != 50 {
		t.Errorf("%d records, want 50", n)
	}
}

// TestGenValidates generates records of every format: without errors they
// must all be accepted (without warnings, except Stancer's names that do not
// split), with --bad-rate 1 they must all be rejected.
func TestGenValidates(t *testing.T) {
	for _, format := range convert.Builtin().Names() {
		t.Run(format, func(t *testing.T) {
			r := runCLI(t, "", "gen", "--format", format, "-n", "300", "--seed", "3")
			if r.code != 0 || r.stderr != "" {
				t.Fatalf("gen: exit %d: %s", r.code, r.stderr)
			}
			v := runCLI(t, r.stdout, "validate", "--as", format, "--json")
			if v.code != 0 {
				t.Fatalf("generated records rejected: %.2000s", v.stdout)
			}
			for _, l := range lines(t, v.stdout) {
				for _, it := range l["issues"].([]any) {
					if code := it.(map[string]any)["code"]; code != "not_split" {
						t.Errorf("record %v: %v", l["record"], it)
					}
				}
			}
			hasMail := strings.Contains(r.stdout, "@example.com") && strings.Contains(r.stdout, "@example.org")
			if format != "worldline-lookup" && !hasMail {
				t.Errorf("no e-mail addresses at example.com and example.org")
			}

			bad := runCLI(t, "", "gen", "--format", format, "-n", "300", "--seed", "3", "--bad-rate", "1")
			v = runCLI(t, bad.stdout, "validate", "--as", format, "--json")
			for _, l := range lines(t, v.stdout) {
				if l["valid"] != false {
					t.Errorf("spoilt record %v is valid", l["record"])
				}
			}
		})
	}
}

func TestGenBadRate(t *testing.T) {
	r := runCLI(t, "", "gen", "--format", "canonical", "-n", "2000", "--seed", "5", "--bad-rate", "0.1")
	v := runCLI(t, r.stdout, "validate", "--as", "canonical", "--json")
	rejected := strings.Count(v.stdout, `"valid":false`)
	if rejected < 140 || rejected > 260 {
		t.Errorf("%d of 2000 rejected with --bad-rate 0.1", rejected)
	}
	// Every kind of error occurs.
	for _, code := range []string{"invalid_date", "invalid_postal_code", "invalid_email", "invalid_phone"} {
		if !strings.Contains(v.stdout, `"code":"`+code+`"`) {
			t.Errorf("no %s among the spoilt records", code)
		}
	}
}

func TestGenZero(t *testing.T) {
	r := runCLI(t, "", "gen", "--format", "stancer", "-n", "0")
	if r.code != 0 || r.stdout != "" {
		t.Errorf("exit %d, stdout %q", r.code, r.stdout)
	}
}

func BenchmarkGen(b *testing.B) {
	for b.Loop() {
		var out bytes.Buffer
		run([]string{"gen", "--format", "secuconnect", "-n", "1000"}, nil, &out, &out)
	}
}
