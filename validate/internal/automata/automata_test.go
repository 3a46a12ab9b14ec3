package automata

import (
	"math/rand/v2"
	"regexp"
	"regexp/syntax"
	"strings"
	"testing"
)

// TestBuildFullMatchesRegexp compares BuildFull with Go's regexp on
// patterns with every assertion it reads, on random texts.
func TestBuildFullMatchesRegexp(t *testing.T) {
	pats := []string{
		`^(?:(?:^|\b)(?:1[0-2]|[1-9])\d{2}(?:$|\b))$`,
		`^(?:a\bb|\Bc|1\b-)$`,
		`^(?:\b\w+\b(?: \b\w+\b)*)$`,
		`^(?:x*\B)$`,
		`^(?:(?:AB|A)B?)$`,
		`^(?:\d{3}(?:\d{2}|[A-Z]{2}\d{3})?)$`,
		`^(?:)$`,
		`^(?:[^a]*)$`,
	}
	var progs []*syntax.Prog
	for _, p := range pats {
		prog, err := Compile(p)
		if err != nil {
			t.Fatal(err)
		}
		progs = append(progs, prog)
	}
	word, _ := Compile(`\w`)
	classes := Partition(append(progs, word))
	r := rand.New(rand.NewPCG(7, 8))
	alphabet := []rune("ab1-c x0129AB _é\n")
	for i, p := range pats {
		d, err := BuildFull(progs[i], classes.Reps, syntax.IsWordChar)
		if err != nil {
			t.Fatalf("BuildFull(%q): %v", p, err)
		}
		re := regexp.MustCompile(p)
		for range 5000 {
			var b strings.Builder
			for k := r.IntN(8); k > 0; k-- {
				b.WriteRune(alphabet[r.IntN(len(alphabet))])
			}
			s := b.String()
			if got, want := d.Final(classes.Symbols(s))&LabelEnd != 0, re.MatchString(s); got != want {
				t.Errorf("BuildFull(%q) on %q: %v, regexp %v", p, s, got, want)
			}
		}
	}
}

// TestBuildRefusesAssertions checks that patterns with assertions the
// automata do not model are refused rather than misread.
func TestBuildRefusesAssertions(t *testing.T) {
	digits := []rune("0123456789")
	for _, pat := range []string{`\b1`, `(?m)^1`, `1(?m:$)`} {
		prog, err := Compile(pat)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Build(prog, digits, FirstMatch); err == nil {
			t.Errorf("Build(%q) succeeded, want an error", pat)
		}
	}
	for _, pat := range []string{`(?m)^1`, `1(?m:$)`} {
		prog, _ := Compile(pat)
		if _, err := BuildFull(prog, digits, syntax.IsWordChar); err == nil {
			t.Errorf("BuildFull(%q) succeeded, want an error", pat)
		}
	}
	re, _ := syntax.Parse(`\b1`, syntax.Perl)
	if _, err := Reverse(re); err == nil {
		t.Errorf("Reverse(%q) succeeded, want an error", re)
	}
}

// TestEncoder checks the stored form: header, labels and next states, a
// second automaton after the first.
func TestEncoder(t *testing.T) {
	d := &DFA{Next: [][]int{{1, Dead}, {Dead, 0}}, Label: []uint32{0, LabelEnd}}
	e := NewEncoder()
	off, err := e.Add(d, 2)
	if err != nil || off != 1 {
		t.Fatalf("Add = %d, %v", off, err)
	}
	// offset 0; header (w=1, l=1); state 0: label 0, next 1, dead (94, "~"); state 1: label 2, dead, 0.
	if got, want := e.String(), "   !~\"~ "; got != want {
		t.Errorf("encoded %q, want %q", got, want)
	}
	big := &DFA{Next: make([][]int, 100), Label: make([]uint32, 100)}
	for i := range big.Next {
		big.Next[i] = []int{(i + 1) % 100}
	}
	if off, err := e.Add(big, 11); err != nil || off != 8 || e.String()[8] != ' '+3 {
		t.Errorf("Add(100 states, 11-bit labels) = %d, %v; header %q", off, err, e.String()[8])
	}
}
