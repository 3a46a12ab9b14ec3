package main

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/custnorm/custnorm/convert"
	"github.com/custnorm/custnorm/validate"
)

// TestGenPhones checks that every phone range of the generator's table
// gives valid, assigned numbers of the right type.
func TestGenPhones(t *testing.T) {
	g := newGenerator(1)
	for _, gc := range g.countries {
		for _, tc := range []struct {
			p    phonePattern
			want validate.PhoneType
		}{{gc.mobile, validate.PhoneMobile}, {gc.landline, validate.PhoneFixedLine}} {
			for range 300 {
				n := tc.p.number(g)
				res := validate.NormalizePhone(n, "")
				if !res.OK || len(res.Issues) > 0 || res.Type != tc.want || res.E164 != n || res.Region != gc.code {
					t.Fatalf("%s: %s: ok %v, type %s, e164 %s, region %s, issues %v; want a %s number", gc.code, n, res.OK, res.Type, res.E164, res.Region, res.Issues, tc.want)
				}
			}
		}
	}
}

func TestGenPostalCodes(t *testing.T) {
	for _, gc := range newGenerator(1).countries {
		for _, city := range gc.cities {
			for _, pc := range city.postal {
				if iss := validate.CheckPostalCode(gc.code, pc); iss != nil {
					t.Errorf("%s %s: %s: %v", gc.code, city.name, pc, iss)
				}
				// The spoilt version must be wrong.
				if iss := validate.CheckPostalCode(gc.code, pc[:len(pc)-1]); iss == nil {
					t.Errorf("%s: %s without its last character is still valid", gc.code, pc)
				}
			}
		}
	}
}

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

func TestLuhnDigit(t *testing.T) {
	// 811218-9876 is the Swedish Tax Agency's example personnummer.
	if d := luhnDigit("811218987"); d != 6 {
		t.Errorf("luhnDigit = %d, want 6", d)
	}
}

func TestSpoil(t *testing.T) {
	c := newGenerator(1).customer()
	doc := []byte(fmt.Sprintf(`{"email":%q,"zip":%q}`, c.Email, c.Address.PostalCode))
	// Kind 0 (date) is not in the document: the next that is, the postal code.
	got := spoil(doc, c, 0)
	if bytes.Equal(got, doc) || bytes.Contains(got, []byte(`"`+c.Address.PostalCode+`"`)) {
		t.Errorf("spoil kind 0 = %s", got)
	}
	if got := spoil([]byte(`{}`), c, 2); string(got) != `{}` {
		t.Errorf("spoil of a document without values = %s", got)
	}
}

func BenchmarkGen(b *testing.B) {
	for b.Loop() {
		var out bytes.Buffer
		run([]string{"gen", "--format", "secuconnect", "-n", "1000"}, nil, &out, &out)
	}
}

func TestBSN(t *testing.T) {
	// 111222333 is python-stdnum's example BSN (stdnum/nl/bsn.py).
	for _, s := range []string{"11122233", "00000000", "99999999", "12345678"} {
		got := bsn(s)
		if res := validate.CheckNationalID(got, "NL"); !res.OK {
			t.Errorf("bsn(%q) = %q, which CheckNationalID rejects", s, got)
		}
	}
	if got := bsn("11122233"); got != "111222333" {
		t.Errorf("bsn(%q) = %q, want 111222333", "11122233", got)
	}
}
