package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"regexp/syntax"
	"runtime/debug"
	"slices"
	"strings"
	"unicode"

	"github.com/nyaruka/phonenumbers"

	"github.com/custnorm/custnorm/validate/internal/automata"
)

const modulePath = "github.com/nyaruka/phonenumbers"

func main() {
	log.SetFlags(0)
	log.SetPrefix("genphone: ")
	out := flag.String("o", "phone_gen.go", "output file")
	flag.Parse()
	src, err := generate()
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, src, 0o644); err != nil {
		log.Fatal(err)
	}
}

// generate returns the Go source of the tables.
func generate() ([]byte, error) {
	if err := checkAssumptions(); err != nil {
		return nil, err
	}
	md, err := readMetadata()
	if err != nil {
		return nil, err
	}
	fx, err := compileFixed()
	if err != nil {
		return nil, err
	}
	version, err := metadataVersion()
	if err != nil {
		return nil, err
	}
	return emit(md, fx, version)
}

// checkAssumptions fails when phonenumbers changed something the engine
// (validate/phone_engine.go) reproduces by hand rather than from tables:
// such a change needs the engine looked at, not just new tables.
func checkAssumptions() error {
	var errs []error
	pattern := func(name string, re *regexp.Regexp, want string) {
		if got := re.String(); got != want {
			errs = append(errs, fmt.Errorf("phonenumbers.%s is %q, the engine reproduces %q", name, got, want))
		}
	}
	pattern("VALID_START_CHAR_PATTERN", phonenumbers.VALID_START_CHAR_PATTERN, `[+＋\p{Nd}]`)
	pattern("SECOND_NUMBER_START_PATTERN", phonenumbers.SECOND_NUMBER_START_PATTERN, `[\\/] *x`)
	pattern("PLUS_CHARS_PATTERN", phonenumbers.PLUS_CHARS_PATTERN, `[+＋]+`)
	pattern("VALID_ALPHA_PHONE_PATTERN", phonenumbers.VALID_ALPHA_PHONE_PATTERN, `^(?:.*?[A-Za-z]){3}.*$`)
	pattern("CAPTURING_DIGIT_PATTERN", phonenumbers.CAPTURING_DIGIT_PATTERN, `(\p{Nd})`)
	constant := func(name string, got, want int) {
		if got != want {
			errs = append(errs, fmt.Errorf("phonenumbers.%s is %d, the engine assumes %d", name, got, want))
		}
	}
	constant("MIN_LENGTH_FOR_NSN", phonenumbers.MIN_LENGTH_FOR_NSN, 2)
	constant("MAX_LENGTH_FOR_NSN", phonenumbers.MAX_LENGTH_FOR_NSN, 17)
	constant("MAX_LENGTH_COUNTRY_CODE", phonenumbers.MAX_LENGTH_COUNTRY_CODE, 3)
	constant("MAX_INPUT_STRING_LENGTH", phonenumbers.MAX_INPUT_STRING_LENGTH, 250)
	return errors.Join(errs...)
}

// compileFixed builds the automata of phonenumbers' fixed patterns over
// their rune classes.
func compileFixed() (*fixed, error) {
	type src struct {
		name    string
		pat     string
		reverse bool
	}
	srcs := []src{
		{"VALID_PHONE_NUMBER_PATTERN", phonenumbers.VALID_PHONE_NUMBER_PATTERN.String(), false},
		{"EXTN_PATTERN", phonenumbers.EXTN_PATTERN.String(), true},
		{"UNWANTED_END_CHAR_PATTERN", phonenumbers.UNWANTED_END_CHAR_PATTERN.String(), true},
	}
	if err := checkExtension(phonenumbers.EXTN_PATTERN.String()); err != nil {
		return nil, err
	}
	var progs []*syntax.Prog
	for _, s := range srcs {
		re, err := syntax.Parse(s.pat, syntax.Perl)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", s.name, err)
		}
		if s.reverse {
			if re, err = automata.Reverse(re); err != nil {
				return nil, fmt.Errorf("%s: %w", s.name, err)
			}
		}
		prog, err := syntax.Compile(re.Simplify())
		if err != nil {
			return nil, fmt.Errorf("%s: %w", s.name, err)
		}
		progs = append(progs, prog)
	}
	// The classes also tell the decimal digits apart (the engine reads
	// them by value) and "\n" (VALID_ALPHA_PHONE_PATTERN's "." excludes
	// it).
	extra, err := automata.Compile(`\p{Nd}|\n`)
	if err != nil {
		return nil, err
	}
	rc := automata.Partition(append(progs, extra))
	fx := &fixed{classes: rc, digit: rc.Of('0')}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if (rc.Of(r) == fx.digit) != unicode.Is(unicode.Nd, r) {
			return nil, fmt.Errorf("rune classes: %U and the decimal digits are not told apart", r)
		}
	}
	for i, mode := range []automata.Mode{automata.AllMatches, automata.AllMatches, automata.AllMatches} {
		d, err := automata.Build(progs[i], rc.Reps, mode)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", srcs[i].name, err)
		}
		switch i {
		case 0:
			fx.valid = d
		case 1:
			fx.extnRev = d
		case 2:
			fx.unwanted = d
		}
	}
	return fx, nil
}

// checkExtension checks what the engine assumes of EXTN_PATTERN: each
// alternative has one capturing group, the groups match decimal digits
// only, and nothing outside them matches a digit, so the extension is the
// digits of the match.
func checkExtension(pat string) error {
	re, err := syntax.Parse(pat, syntax.Perl)
	if err != nil {
		return err
	}
	fail := func(format string, args ...any) error {
		return fmt.Errorf("EXTN_PATTERN: "+format+"; the engine reads the extension as the digits of the match", args...)
	}
	var walk func(re *syntax.Regexp, inGroup bool) (groups int, err error)
	walk = func(re *syntax.Regexp, inGroup bool) (int, error) {
		groups := 0
		switch re.Op {
		case syntax.OpCapture:
			if inGroup {
				return 0, fail("nested groups")
			}
			inGroup = true
			groups++
		case syntax.OpLiteral, syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
			prog, err := syntax.Compile(re)
			if err != nil {
				return 0, err
			}
			for r := rune(0); r <= unicode.MaxRune; r++ {
				m := false
				for i := range prog.Inst {
					in := &prog.Inst[i]
					if in.Op == syntax.InstRune || in.Op == syntax.InstRune1 || in.Op == syntax.InstRuneAny || in.Op == syntax.InstRuneAnyNotNL {
						m = m || automata.MatchRune(in, r)
					}
				}
				if m && unicode.Is(unicode.Nd, r) != inGroup {
					return 0, fail("%v matches %U", re, r)
				}
			}
		}
		for _, sub := range re.Sub {
			n, err := walk(sub, inGroup)
			if err != nil {
				return 0, err
			}
			groups += n
		}
		return groups, nil
	}
	// (?i)(?:alt|alt|…)$: a concatenation of the alternation and $.
	top := re
	if top.Op == syntax.OpConcat && len(top.Sub) == 2 && top.Sub[1].Op == syntax.OpEndText {
		top = top.Sub[0]
	}
	if top.Op != syntax.OpAlternate {
		return fail("not an alternation followed by $")
	}
	for _, alt := range top.Sub {
		n, err := walk(alt, false)
		if err != nil {
			return err
		}
		if n != 1 {
			return fail("an alternative with %d groups", n)
		}
	}
	return nil
}

// plainSeparators are the separators of a plain number (phonePlainNumber):
// the engine's tokenize must use the same ones.
const plainSeparators = " -.()/"

// plainNumber reports whether the automata of the fixed patterns answer
// alike for every plain number: plus signs, then decimal digits and the
// separators of plainSeparators in any order, at least three digits, the
// first rune a plus sign or a digit. VALID_PHONE_NUMBER_PATTERN must match
// it whole, and neither EXTN_PATTERN nor UNWANTED_END_CHAR_PATTERN any end
// of it; SECOND_NUMBER_START_PATTERN needs an x, which it has not. The
// engine then skips running them (phonePlainNumber). It is read off the
// automata themselves, for any length, or the result is false and the
// engine never skips.
func plainNumber(fx *fixed) (bool, string) {
	plus := []int{fx.classes.Of('+'), fx.classes.Of('＋')}
	body := []int{fx.digit}
	for _, r := range plainSeparators {
		body = append(body, fx.classes.Of(r))
	}
	// VALID: from the start, plus signs, then body symbols: every state
	// reached is alive, and accepts at the end once three digits are read.
	v := fx.valid
	runs := []int{0} // the states of the plus run: after 0, 1, 2 … plus signs
	for i := 0; i < len(runs); i++ {
		for _, c := range plus {
			t := v.Next[runs[i]][c]
			if t == automata.Dead {
				return false, "VALID_PHONE_NUMBER_PATTERN refuses plus signs"
			}
			if !slices.Contains(runs, t) {
				runs = append(runs, t)
			}
		}
	}
	type pair struct{ state, digits int }
	seen := map[pair]bool{}
	var queue []pair
	for _, s := range runs {
		queue = append(queue, pair{s, 0})
		seen[pair{s, 0}] = true
	}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		if p.digits == 3 && v.Label[p.state]&automata.LabelEnd == 0 {
			return false, "VALID_PHONE_NUMBER_PATTERN refuses a plain number"
		}
		for _, c := range body {
			t := v.Next[p.state][c]
			if t == automata.Dead {
				return false, "VALID_PHONE_NUMBER_PATTERN refuses a prefix of a plain number"
			}
			d := p.digits
			if c == fx.digit && d < 3 {
				d++
			}
			if q := (pair{t, d}); !seen[q] {
				seen[q] = true
				queue = append(queue, q)
			}
		}
	}
	// The reversed patterns read the body first: no state they reach on it
	// has a match, and a plus sign ends the run.
	for _, r := range []struct {
		name string
		d    *automata.DFA
	}{{"EXTN_PATTERN", fx.extnRev}, {"UNWANTED_END_CHAR_PATTERN", fx.unwanted}} {
		done := map[int]bool{}
		queue := []int{0}
		for len(queue) > 0 {
			s := queue[0]
			queue = queue[1:]
			if s == automata.Dead || done[s] {
				continue
			}
			done[s] = true
			if r.d.Label[s] != 0 {
				return false, r.name + " matches an end of a plain number"
			}
			for _, c := range plus {
				if r.d.Next[s][c] != automata.Dead {
					return false, r.name + " reads on at a plus sign"
				}
			}
			for _, c := range body {
				queue = append(queue, r.d.Next[s][c])
			}
		}
	}
	return true, ""
}

// digitZeros returns the first rune of each block of ten decimal digits,
// checking that every decimal digit lies in one.
func digitZeros() ([]rune, error) {
	var zeros []rune
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !unicode.Is(unicode.Nd, r) {
			continue
		}
		if len(zeros) > 0 && r-zeros[len(zeros)-1] < 10 {
			continue
		}
		for d := rune(0); d < 10; d++ {
			if !unicode.Is(unicode.Nd, r+d) {
				return nil, fmt.Errorf("decimal digit %U does not start a block of ten", r)
			}
		}
		zeros = append(zeros, r)
	}
	return zeros, nil
}

// keypadDigits returns the keypad digit of each letter A … Z of
// ALPHA_PHONE_MAPPINGS, checking that it maps the ASCII digits to
// themselves and nothing else.
func keypadDigits() (string, error) {
	var b strings.Builder
	for r := 'A'; r <= 'Z'; r++ {
		d, ok := phonenumbers.ALPHA_PHONE_MAPPINGS[r]
		if !ok || d < '0' || d > '9' {
			return "", fmt.Errorf("ALPHA_PHONE_MAPPINGS[%q] = %q", r, d)
		}
		b.WriteRune(d)
	}
	for r := '0'; r <= '9'; r++ {
		if phonenumbers.ALPHA_PHONE_MAPPINGS[r] != r {
			return "", fmt.Errorf("ALPHA_PHONE_MAPPINGS[%q] = %q", r, phonenumbers.ALPHA_PHONE_MAPPINGS[r])
		}
	}
	if len(phonenumbers.ALPHA_PHONE_MAPPINGS) != 36 {
		return "", fmt.Errorf("ALPHA_PHONE_MAPPINGS has %d entries, not the 36 digits and letters", len(phonenumbers.ALPHA_PHONE_MAPPINGS))
	}
	return b.String(), nil
}

// metadataVersion returns "phonenumbers vX.Y.Z (libphonenumber A.B.C)":
// the module's version from the build information, and the libphonenumber
// release named by the newest entry of its CHANGELOG that mentions the
// metadata.
func metadataVersion() (string, error) {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "", errors.New("no build information: run the generator with go run")
	}
	version := ""
	for _, dep := range info.Deps {
		if dep.Path == modulePath {
			version = dep.Version
			if dep.Replace != nil {
				version = dep.Replace.Version
			}
		}
	}
	if version == "" {
		return "", fmt.Errorf("%s is not in the build information", modulePath)
	}
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", modulePath).Output()
	if err != nil {
		return "", fmt.Errorf("go list -m %s: %w", modulePath, err)
	}
	changelog, err := os.ReadFile(filepath.Join(string(bytes.TrimSpace(out)), "CHANGELOG.md"))
	if err != nil {
		return "", err
	}
	upstream := libphonenumberVersion(string(changelog))
	if upstream == "" {
		return "phonenumbers " + version, nil
	}
	return "phonenumbers " + version + " (libphonenumber " + upstream + ")", nil
}

var upstreamRE = regexp.MustCompile(`libphonenumber v?([0-9]+\.[0-9]+\.[0-9]+(?:-[A-Za-z0-9.]+)?)`)

// libphonenumberVersion returns the libphonenumber version named in the
// newest CHANGELOG entry (entries are headed "vX.Y.Z (date)" and a line of
// dashes) that mentions the metadata, or "".
func libphonenumberVersion(changelog string) string {
	var entries []string
	var cur strings.Builder
	for line := range strings.Lines(changelog) {
		if strings.HasPrefix(line, "v") && strings.Contains(line, "(") {
			entries = append(entries, cur.String())
			cur.Reset()
		}
		cur.WriteString(line)
	}
	entries = append(entries, cur.String())
	for _, e := range entries {
		if !strings.Contains(strings.ToLower(e), "metadata") {
			continue
		}
		if m := upstreamRE.FindStringSubmatch(e); m != nil {
			return m[1]
		}
		return ""
	}
	return ""
}
