package synth

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/custnorm/custnorm/model"
	"github.com/custnorm/custnorm/validate"
)

// TestGenPhones checks that every phone range of the generator's table
// gives valid, assigned numbers of the right type.
func TestPhones(t *testing.T) {
	g := New(1)
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
				national, ok := NationalForm(model.Phone(n))
				if res := validate.NormalizePhone(national, gc.code); !ok || !res.OK || res.E164 != n {
					t.Fatalf("%s: NationalForm(%s) = %q, %v, which reads as %s", gc.code, n, national, ok, res.E164)
				}
			}
		}
	}
}

func TestPostalCodes(t *testing.T) {
	for _, gc := range New(1).countries {
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

func TestLuhnDigit(t *testing.T) {
	// 811218-9876 is the Swedish Tax Agency's example personnummer.
	if d := luhnDigit("811218987"); d != 6 {
		t.Errorf("luhnDigit = %d, want 6", d)
	}
}

func TestSpoil(t *testing.T) {
	c := New(1).Customer()
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
