package automata

import (
	"fmt"
	"regexp/syntax"
	"slices"
	"unicode"
	"unicode/utf8"
)

// Classes is a partition of all runes into classes that every rune
// instruction of the fixed patterns treats alike: the alphabet of their
// automata. Class 0 is the class of U+0000.
type Classes struct {
	// Starts are the first runes of maximal runs of runes of one class,
	// ascending, starting with 0; Class[i] is the class of the run that
	// starts at starts[i].
	Starts []rune
	Class  []int
	// Reps holds a representative rune of each class.
	Reps []rune
}

// Partition computes the classes of the rune instructions of progs, by
// evaluating each distinct instruction on every rune (a second or two).
func Partition(progs []*syntax.Prog) *Classes {
	var insts []*syntax.Inst
	seen := map[string]bool{}
	for _, p := range progs {
		for i := range p.Inst {
			in := &p.Inst[i]
			switch in.Op {
			case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
			default:
				continue
			}
			k := fmt.Sprint(in.Op, in.Arg, in.Rune)
			if !seen[k] {
				seen[k] = true
				insts = append(insts, in)
			}
		}
	}
	if len(insts) > 4*64 {
		panic("partition: more than 256 distinct rune instructions")
	}
	sig := func(r rune) [4]uint64 {
		var bits [4]uint64
		for i, in := range insts {
			if MatchRune(in, r) {
				bits[i/64] |= 1 << (i % 64)
			}
		}
		return bits
	}
	rc := &Classes{}
	ids := map[[4]uint64]int{}
	var prev [4]uint64
	for r := rune(0); r <= unicode.MaxRune; r++ {
		s := sig(r)
		id, ok := ids[s]
		if !ok {
			id = len(ids)
			ids[s] = id
			rc.Reps = append(rc.Reps, r)
		}
		if r == 0 || s != prev {
			rc.Starts = append(rc.Starts, r)
			rc.Class = append(rc.Class, id)
		}
		prev = s
	}
	return rc
}

// Of returns the class of r.
func (rc *Classes) Of(r rune) int {
	i, found := slices.BinarySearch(rc.Starts, r)
	if !found {
		i--
	}
	return rc.Class[i]
}

// Symbols returns the classes of the runes of s, decoded as Go's regexp
// decodes them (an invalid byte is U+FFFD, one byte wide).
func (rc *Classes) Symbols(s string) []int {
	var out []int
	for len(s) > 0 {
		r, w := utf8.DecodeRuneInString(s)
		out = append(out, rc.Of(r))
		s = s[w:]
	}
	return out
}
