package main

import (
	"fmt"
	"regexp/syntax"
	"slices"
	"unicode"
	"unicode/utf8"
)

// runeClasses is a partition of all runes into classes that every rune
// instruction of the fixed patterns treats alike: the alphabet of their
// automata. Class 0 is the class of U+0000.
type runeClasses struct {
	// starts are the first runes of maximal runs of runes of one class,
	// ascending, starting with 0; class[i] is the class of the run that
	// starts at starts[i].
	starts []rune
	class  []int
	// reps holds a representative rune of each class.
	reps []rune
}

// partition computes the classes of the rune instructions of progs, by
// evaluating each distinct instruction on every rune (a second or two).
func partition(progs []*syntax.Prog) *runeClasses {
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
			if matchRune(in, r) {
				bits[i/64] |= 1 << (i % 64)
			}
		}
		return bits
	}
	rc := &runeClasses{}
	ids := map[[4]uint64]int{}
	var prev [4]uint64
	for r := rune(0); r <= unicode.MaxRune; r++ {
		s := sig(r)
		id, ok := ids[s]
		if !ok {
			id = len(ids)
			ids[s] = id
			rc.reps = append(rc.reps, r)
		}
		if r == 0 || s != prev {
			rc.starts = append(rc.starts, r)
			rc.class = append(rc.class, id)
		}
		prev = s
	}
	return rc
}

// of returns the class of r.
func (rc *runeClasses) of(r rune) int {
	i, found := slices.BinarySearch(rc.starts, r)
	if !found {
		i--
	}
	return rc.class[i]
}

// symbols returns the classes of the runes of s, decoded as Go's regexp
// decodes them (an invalid byte is U+FFFD, one byte wide).
func (rc *runeClasses) symbols(s string) []int {
	var out []int
	for len(s) > 0 {
		r, w := utf8.DecodeRuneInString(s)
		out = append(out, rc.of(r))
		s = s[w:]
	}
	return out
}
