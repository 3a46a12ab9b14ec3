package secuconnect

import "testing"

// TestRequiredAddress: each required address member names the field
// contactFields maps it to.
func TestRequiredAddress(t *testing.T) {
	for _, r := range requiredAddress {
		found := false
		for _, m := range contactFields {
			if m.Member == r.Member {
				found = true
				if m.Field != r.Field {
					t.Errorf("%s: required as %s, mapped to %s", r.Member, r.Field, m.Field)
				}
			}
		}
		if !found {
			t.Errorf("%s: required, not in contactFields", r.Member)
		}
	}
}
