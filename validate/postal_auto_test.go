package validate_test

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"github.com/custnorm/custnorm/validate"
)

// TestPostalAutomata compares CheckPostalCode, which matches with the
// automata of postal_gen.go, with Go's regexp on every country's pattern:
// its examples, their mutations (a character dropped, doubled, changed;
// lower case; spaces and hyphens) and random texts over the pattern's
// characters.
func TestPostalAutomata(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	checked := 0
	for _, c := range validate.PostalCountries() {
		if c.Pattern == "" {
			continue
		}
		re := regexp.MustCompile(`^(?:` + c.Pattern + `)$`)
		var inputs []string
		alphabet := []rune(" -0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ" + c.Pattern + strings.Join(c.Examples, ""))
		for _, ex := range c.Examples {
			inputs = append(inputs, ex, strings.ToLower(ex), ex+"0", "0"+ex, ex+" ", strings.ReplaceAll(ex, " ", ""),
				strings.ReplaceAll(ex, " ", "-"), strings.ReplaceAll(ex, "-", " "))
			for i := range ex {
				inputs = append(inputs, ex[:i]+ex[i+1:], ex[:i]+ex[i:i+1]+ex[i:])
				for _, ch := range "0159AMZ -" {
					inputs = append(inputs, ex[:i]+string(ch)+ex[i+1:])
				}
			}
		}
		for range 300 {
			var b strings.Builder
			for k := r.IntN(12); k > 0; k-- {
				b.WriteRune(alphabet[r.IntN(len(alphabet))])
			}
			inputs = append(inputs, b.String())
		}
		inputs = append(inputs, "ß", "\xff", "12345\u0660", "ASCN 1ZZ\n")
		for _, in := range inputs {
			code := strings.TrimSpace(in)
			want := code == "" || len(code) <= 20 && re.MatchString(upperASCII(code))
			if got := validate.CheckPostalCode(c.Country, in) == nil; got != want {
				t.Errorf("CheckPostalCode(%q, %q) valid = %v, regexp %q says %v", c.Country, in, got, c.Pattern, want)
			}
			checked++
		}
	}
	if checked < 10000 {
		t.Errorf("only %d codes checked", checked)
	}
}

// upperASCII upper-cases ASCII letters only, as CheckPostalCode does.
func upperASCII(s string) string {
	return strings.Map(func(r rune) rune {
		if 'a' <= r && r <= 'z' {
			return r - 'a' + 'A'
		}
		return r
	}, s)
}
