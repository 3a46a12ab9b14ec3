package validate_test

import (
	"strings"
	"testing"

	"github.com/custnorm/custnorm/validate"
)

// FuzzCheckNationalID checks that CheckNationalID never panics, that its
// result is consistent (OK ⇔ no issue and a scheme; at most one issue),
// that white space around the id does not matter, and that an id valid for
// one country stays valid when another country is tried first.
func FuzzCheckNationalID(f *testing.F) {
	// Seeds: testdata/nationalids.json and the generator of
	// nationalid_gen_test.go have many more; these cover each scheme's
	// branches.
	for _, s := range []string{
		"121212-1212", "19121212-1212", "701063-2391", "121212+1213", "01017000027", "41017000010",
		"01015075097", "010203-1234", "131052-308T", "131052a308t", "131052/308T", "111222333",
		"1112.22.333", "12345678-Z", "x-1111111-g", "RSSMRA45C12F205C", "RSSMRAQRCMNFNLRG", "00743110157",
		"70010112341", "70130112346", "", " ", "0123456789012", "9999121212",
	} {
		f.Add(s, uint8(0))
	}
	countries := validate.NationalIDCountries()
	f.Fuzz(func(t *testing.T, id string, pick uint8) {
		c1 := countries[int(pick)%len(countries)]
		c2 := countries[int(pick/16)%len(countries)]
		res := validate.CheckNationalID(id, c1)
		if res.Issues == nil || len(res.Issues) > 1 || res.OK != (len(res.Issues) == 0) || res.Scheme == "" {
			t.Fatalf("CheckNationalID(%q, %s) = %+v: inconsistent", id, c1, res)
		}
		if !res.OK {
			if i := res.Issues[0]; i.Code != validate.CodeInvalidID || i.Params["scheme"] != string(res.Scheme) {
				t.Fatalf("CheckNationalID(%q, %s) issue = %+v", id, c1, i)
			}
		}
		if again := validate.CheckNationalID(" "+id+"\t", c1); again.OK != res.OK || again.Scheme != res.Scheme {
			t.Fatalf("CheckNationalID(%q, %s) = %+v, but with white space around it %+v", id, c1, res, again)
		}
		if res.OK {
			if both := validate.CheckNationalID(id, c2, c1); !both.OK {
				t.Fatalf("CheckNationalID(%q, %s) is OK but CheckNationalID(%q, %s, %s) = %+v", id, c1, id, c2, c1, both)
			}
		}
	})
}

// FuzzCheckVATID checks that CheckVATID never panics, that its result is
// consistent, and that the case of the letters does not matter.
func FuzzCheckVATID(f *testing.F) {
	for _, s := range []string{
		"ATU13585627", "BE (0)403.019.261", "DE 136 695 976", "DK 13585628", "ES X-1111111-G", "ESA11111119",
		"FI 2077474-0", "FR K 7399859412", "FR4Z123456782", "IT00743110157", "NL002455799B11", "NL4495445B01",
		"PL 856-734-62-15", "SE 123456789701", "DEXMRA85T10A562S", "12345678L", "", "DE", "FRIO334175221",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, id string) {
		res := validate.CheckVATID(id)
		switch {
		case res.Issues == nil || len(res.Issues) > 1:
			t.Fatalf("CheckVATID(%q) = %+v: issues", id, res)
		case res.OK && (res.Scheme == "" || len(res.Issues) != 0):
			t.Fatalf("CheckVATID(%q) = %+v: OK with a scheme and no issue", id, res)
		case !res.OK && (res.Scheme == "") != (len(res.Issues) == 0):
			t.Fatalf("CheckVATID(%q) = %+v: an issue exactly when a scheme applied", id, res)
		case len(res.Issues) == 1 && res.Issues[0].Severity != validate.SeverityError:
			t.Fatalf("CheckVATID(%q) = %+v: the issue is an error", id, res)
		}
		for _, other := range []string{strings.ToLower(id), strings.ToUpper(id)} {
			if len(other) != len(id) {
				continue // case mapping changed the byte length (non-ASCII)
			}
			if again := validate.CheckVATID(other); again.OK != res.OK || again.Scheme != res.Scheme {
				t.Fatalf("CheckVATID(%q) = %+v, but CheckVATID(%q) = %+v", id, res, other, again)
			}
		}
	})
}
