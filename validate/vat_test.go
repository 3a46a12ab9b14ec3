package validate_test

import (
	"slices"
	"testing"

	"github.com/custnorm/custnorm/validate"
)

// TestCheckVATIDData runs the numbers of testdata/vatids.json.
func TestCheckVATIDData(t *testing.T) {
	var data struct {
		Groups []struct {
			Prefix  string            `json:"prefix"`
			Scheme  validate.IDScheme `json:"scheme"`
			Source  string            `json:"source"`
			Valid   []string          `json:"valid"`
			Invalid []string          `json:"invalid"`
		} `json:"groups"`
		NotChecked struct {
			IDs []string `json:"ids"`
		} `json:"notChecked"`
	}
	loadIDGroups(t, "vatids.json", &data)
	var prefixes []string
	for _, g := range data.Groups {
		prefixes = append(prefixes, g.Prefix)
		t.Run(g.Prefix, func(t *testing.T) {
			if g.Source == "" || len(g.Valid) == 0 || len(g.Invalid) == 0 {
				t.Error("a group needs a source, valid and invalid numbers")
			}
			for _, id := range g.Valid {
				res := validate.CheckVATID(id)
				if !res.OK || res.Scheme != g.Scheme || len(res.Issues) != 0 {
					t.Errorf("CheckVATID(%q) = %+v, want OK with scheme %s", id, res, g.Scheme)
				}
			}
			for _, id := range g.Invalid {
				res := validate.CheckVATID(id)
				if res.OK || res.Scheme != g.Scheme || len(res.Issues) != 1 {
					t.Errorf("CheckVATID(%q) = %+v, want one invalid_id error with scheme %s", id, res, g.Scheme)
					continue
				}
				iss := res.Issues[0]
				if iss.Code != validate.CodeInvalidID || iss.Severity != validate.SeverityError ||
					iss.Params["scheme"] != string(g.Scheme) || iss.Params["format"] == "" {
					t.Errorf("CheckVATID(%q) issue = %+v, want invalid_id error with scheme and format", id, iss)
				}
			}
		})
	}
	if !slices.Equal(prefixes, validate.VATCountries()) {
		t.Errorf("test data covers %v, VATCountries is %v", prefixes, validate.VATCountries())
	}
	for _, id := range data.NotChecked.IDs {
		if res := validate.CheckVATID(id); res.OK || res.Scheme != "" || res.Issues == nil || len(res.Issues) != 0 {
			t.Errorf("CheckVATID(%q) = %+v, want no scheme and no issue", id, res)
		}
	}
}

func TestCheckVATIDLimits(t *testing.T) {
	long := "DE136695976" + string(make([]byte, 60))
	if res := validate.CheckVATID(long); res.OK || len(res.Issues) != 1 || res.Issues[0].Severity != validate.SeverityError {
		t.Errorf("CheckVATID(DE… %d bytes) = %+v, want an invalid_id error", len(long), res)
	}
	if res := validate.CheckVATID("  DE136695976\n"); !res.OK {
		t.Errorf("CheckVATID with surrounding white space = %+v, want OK", res)
	}
	if res := validate.CheckVATID("DE1366é5976"); res.OK || len(res.Issues) != 1 {
		t.Errorf("CheckVATID with a non-ASCII letter = %+v, want an invalid_id error", res)
	}
}
