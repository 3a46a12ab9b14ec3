package main

import (
	"bytes"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/nyaruka/phonenumbers"

	"github.com/custnorm/custnorm/validate/internal/automata"
)

// TestGeneratedFileIsCurrent regenerates the tables and compares them with
// validate/phone_gen.go: a change of the metadata (a phonenumbers upgrade)
// or of the generator must come with the regenerated file (go generate
// ./validate).
func TestGeneratedFileIsCurrent(t *testing.T) {
	got, err := generate()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("..", "..", "phone_gen.go")
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		tmp := filepath.Join(t.TempDir(), "phone_gen.go")
		os.WriteFile(tmp, got, 0o644)
		t.Errorf("%s is not what the generator writes (written to %s): run go generate ./validate", path, tmp)
	}
	if len(got) >= 1<<20 {
		t.Errorf("the generated file has %d bytes; the repository refuses files of 1 MB", len(got))
	}
}

// randomDigits returns n strings of 0 to 20 ASCII digits, biased towards
// the given prefixes so that the patterns' ranges are reached.
func randomDigits(r *rand.Rand, n int, prefixes []string) []string {
	out := []string{""}
	for range n {
		var b strings.Builder
		if len(prefixes) > 0 && r.IntN(2) == 0 {
			b.WriteString(prefixes[r.IntN(len(prefixes))])
		}
		for k := r.IntN(18); k > 0; k-- {
			b.WriteByte(byte('0' + r.IntN(10)))
		}
		out = append(out, b.String())
	}
	return out
}

func digitSyms(s string) []int {
	out := make([]int, len(s))
	for i := range s {
		out[i] = int(s[i] - '0')
	}
	return out
}

// TestDigitAutomataMatchRegexp checks every plan's automata against Go's
// regexp, as phonenumbers calls it, on random digit strings and on the
// example numbers with digits added, removed and changed.
func TestDigitAutomataMatchRegexp(t *testing.T) {
	coll, err := phonenumbers.MetadataCollection()
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(1, 2))
	for _, m := range coll.GetMetadata() {
		p, err := compilePlan(m)
		if err != nil {
			t.Fatal(err)
		}
		var examples []string
		descs := []*phonenumbers.PhoneNumberDesc{
			m.GetGeneralDesc(), m.GetPremiumRate(), m.GetTollFree(), m.GetSharedCost(), m.GetVoip(),
			m.GetPersonalNumber(), m.GetPager(), m.GetUan(), m.GetVoicemail(), m.GetFixedLine(), m.GetMobile(),
		}
		for _, d := range descs {
			if ex := d.GetExampleNumber(); ex != "" {
				examples = append(examples, ex, ex[:len(ex)-1], ex+"0", "0"+ex, "1"+ex)
			}
		}
		inputs := append(randomDigits(r, 300, examples), examples...)
		prefix := func(name string, d *automata.DFA, pat string) {
			re := regexp.MustCompile(pat)
			for _, in := range inputs {
				want := -1
				if loc := re.FindStringIndex(in); loc != nil && loc[0] == 0 {
					want = loc[1]
				}
				if got := d.LastMatch(digitSyms(in)); got != want {
					t.Errorf("%s %s %q on %q: automaton ends at %d, regexp at %d", m.GetId(), name, pat, in, got, want)
					return
				}
			}
		}
		prefix("international prefix", p.idd, m.GetInternationalPrefix())
		if p.npfp != nil {
			prefix("national prefix for parsing", p.npfp, "^(?:"+m.GetNationalPrefixForParsing()+")")
		}
		if p.leading != nil {
			prefix("leading digits", p.leading, "^(?:"+m.GetLeadingDigits()+")")
		}
		for i, d := range descs {
			re := regexp.MustCompile("^(?:" + d.GetNationalNumberPattern() + ")$")
			for _, in := range inputs {
				got := p.descs.Final(digitSyms(in))&(1<<i) != 0
				if want := re.MatchString(in); got != want {
					t.Errorf("%s %s %q on %q: automaton %v, regexp %v", m.GetId(), descNames[i], re, in, got, want)
					break
				}
			}
		}
	}
}

// TestRuneAutomataMatchRegexp checks the automata of the fixed patterns
// against Go's regexp on random texts made of the classes'
// representatives, phone-like texts and invalid UTF-8.
func TestRuneAutomataMatchRegexp(t *testing.T) {
	fx, err := compileFixed()
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(3, 4))
	alphabet := append([]rune{}, fx.classes.Reps...)
	alphabet = append(alphabet, []rune("0123456789  +-x#,;.:()/\\~extEXT")...)
	var inputs []string
	for range 20000 {
		var b strings.Builder
		for k := r.IntN(30); k > 0; k-- {
			if r.IntN(40) == 0 {
				b.WriteByte(0xff)
				continue
			}
			b.WriteRune(alphabet[r.IntN(len(alphabet))])
		}
		inputs = append(inputs, b.String())
	}
	for _, ex := range []string{"+1 650 253 0000 ext. 12", "030 12345678;ext=12", "030 1234 x12#", "(530) 583-6985 x302",
		"030 12345678,,12", "030 12345678 - 123#", "12&&3]]", "+49 30 12345678&&#]", "доб 12", "extensión 12"} {
		inputs = append(inputs, ex)
	}
	syms := func(s string) []int { return fx.classes.Symbols(s) }
	rev := func(s []int) []int {
		out := make([]int, len(s))
		for i, c := range s {
			out[len(s)-1-i] = c
		}
		return out
	}
	// runeIndex converts a byte offset of s to a rune offset.
	runeIndex := func(s string, b int) int {
		n := 0
		for i := 0; i < b; {
			_, w := utf8.DecodeRuneInString(s[i:])
			i += w
			n++
		}
		return n
	}
	valid := phonenumbers.VALID_PHONE_NUMBER_PATTERN
	for _, in := range inputs {
		got := fx.valid.Final(syms(in))&automata.LabelEnd != 0
		if want := valid.MatchString(in); got != want {
			t.Errorf("VALID_PHONE_NUMBER_PATTERN on %q: automaton %v, regexp %v", in, got, want)
		}
		for _, c := range []struct {
			name string
			d    *automata.DFA
			re   *regexp.Regexp
		}{
			{"EXTN_PATTERN", fx.extnRev, phonenumbers.EXTN_PATTERN},
			{"UNWANTED_END_CHAR_PATTERN", fx.unwanted, phonenumbers.UNWANTED_END_CHAR_PATTERN},
		} {
			s := syms(in)
			want := -1
			if loc := c.re.FindStringIndex(in); loc != nil {
				want = runeIndex(in, loc[0])
			}
			got := -1
			if k := c.d.LastMatch(rev(s)); k >= 0 {
				got = len(s) - k
			}
			if got != want {
				t.Errorf("%s on %q: automaton starts at rune %d, regexp at %d", c.name, in, got, want)
			}
		}
	}
}

func TestParseRule(t *testing.T) {
	tests := []struct {
		rule string
		want []ruleItem
		err  bool
	}{
		{rule: "268$1", want: []ruleItem{{lit: "268"}, {group: 1}}},
		{rule: "$2", want: []ruleItem{{group: 2}}},
		{rule: "9$1", want: []ruleItem{{lit: "9"}, {group: 1}}},
		{rule: "$12", err: true},
		{rule: "${1}", err: true},
		{rule: "$x", err: true},
		{rule: "1-$1", err: true},
	}
	for _, tc := range tests {
		got, err := parseRule(tc.rule)
		if (err != nil) != tc.err {
			t.Errorf("parseRule(%q) error = %v, want error %v", tc.rule, err, tc.err)
			continue
		}
		if !tc.err && !equalItems(got, tc.want) {
			t.Errorf("parseRule(%q) = %+v, want %+v", tc.rule, got, tc.want)
		}
	}
}

func equalItems(a, b []ruleItem) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestLibphonenumberVersion(t *testing.T) {
	tests := []struct {
		name, changelog, want string
	}{
		{
			name: "newest metadata entry names the release",
			changelog: "v1.8.1 (2026-07-15)\n-----\n * Fix panic\n\n" +
				"v1.8.0 (2026-06-01)\n-----\n * Update metadata (regenerated against upstream libphonenumber 9.0.32-SNAPSHOT)\n\n" +
				"v1.7.0 (2026-01-01)\n-----\n * Update metadata (libphonenumber 9.0.20)\n",
			want: "9.0.32-SNAPSHOT",
		},
		{
			name: "newest metadata entry names none",
			changelog: "v1.8.2 (2026-08-01)\n-----\n * Update metadata\n\n" +
				"v1.8.0 (2026-06-01)\n-----\n * Update metadata (regenerated against upstream libphonenumber 9.0.32-SNAPSHOT)\n",
			want: "",
		},
		{name: "no entries", changelog: "", want: ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := libphonenumberVersion(tc.changelog); got != tc.want {
				t.Errorf("libphonenumberVersion = %q, want %q", got, tc.want)
			}
		})
	}
}

// TestPlainNumber checks that the engine's shortcut for plain numbers is
// open with the current patterns (the generator writes false, and the
// engine runs the automata, when a pattern changes so that it would be
// wrong).
func TestPlainNumber(t *testing.T) {
	fx, err := compileFixed()
	if err != nil {
		t.Fatal(err)
	}
	if ok, why := plainNumber(fx); !ok {
		t.Errorf("plainNumber = false: %s", why)
	}
}
