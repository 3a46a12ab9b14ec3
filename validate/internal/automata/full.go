package automata

import (
	"fmt"
	"regexp/syntax"
	"slices"
	"strconv"
	"strings"
)

// BuildFull builds the automaton that tells whether prog matches the whole
// input (MatchString of a pattern anchored as ^(?:p)$): its states have
// LabelEnd where the input read so far is in the language. Unlike Build it
// reads every empty-width assertion of RE2 without (?m) (\A, \z, \b, \B):
// an assertion is decided when the next symbol is known, so a state is the
// set of instructions the machine is about to add, with what the last
// symbol read was. isWord tells the word characters among the
// representatives (syntax.IsWordChar); the classes must not mix them with
// other runes.
func BuildFull(prog *syntax.Prog, reps []rune, isWord func(rune) bool) (*DFA, error) {
	for _, in := range prog.Inst {
		if in.Op == syntax.InstEmptyWidth && syntax.EmptyOp(in.Arg)&(syntax.EmptyBeginLine|syntax.EmptyEndLine) != 0 {
			return nil, fmt.Errorf("empty-width assertion %v", syntax.EmptyOp(in.Arg))
		}
	}
	type state struct {
		pending []uint32 // instructions to add at this position
		begin   bool     // no symbol read yet
		word    bool     // the last symbol read is a word character
	}
	// closure follows pending without consuming input, in the context of
	// this position (the symbol before it and next, the one after, -1 at
	// the end of the input), and returns the rune instructions reached and
	// whether a match is.
	closure := func(s state, next int) (runes []uint32, match bool) {
		seen := make([]bool, len(prog.Inst))
		var ctx syntax.EmptyOp
		if s.begin {
			ctx |= syntax.EmptyBeginText
		}
		nextWord := next >= 0 && isWord(reps[next])
		if next < 0 {
			ctx |= syntax.EmptyEndText
		}
		if s.word != nextWord {
			ctx |= syntax.EmptyWordBoundary
		} else {
			ctx |= syntax.EmptyNoWordBoundary
		}
		var walk func(pc uint32)
		walk = func(pc uint32) {
			if seen[pc] {
				return
			}
			seen[pc] = true
			in := &prog.Inst[pc]
			switch in.Op {
			case syntax.InstAlt, syntax.InstAltMatch:
				walk(in.Out)
				walk(in.Arg)
			case syntax.InstNop, syntax.InstCapture:
				walk(in.Out)
			case syntax.InstEmptyWidth:
				if syntax.EmptyOp(in.Arg)&^ctx == 0 {
					walk(in.Out)
				}
			case syntax.InstMatch:
				match = true
			case syntax.InstFail:
			default:
				runes = append(runes, pc)
			}
		}
		for _, pc := range s.pending {
			walk(pc)
		}
		return runes, match
	}
	key := func(s state) string {
		var b strings.Builder
		fmt.Fprintf(&b, "%t%t:", s.begin, s.word)
		for _, pc := range s.pending {
			b.WriteString(strconv.Itoa(int(pc)))
			b.WriteByte(',')
		}
		return b.String()
	}
	d := &DFA{}
	ids := map[string]int{}
	var states []state
	intern := func(s state) (int, error) {
		slices.Sort(s.pending)
		s.pending = slices.Compact(s.pending)
		if len(s.pending) == 0 {
			return Dead, nil
		}
		k := key(s)
		if id, ok := ids[k]; ok {
			return id, nil
		}
		if len(states) == MaxStates {
			return 0, fmt.Errorf("more than %d states", MaxStates)
		}
		ids[k] = len(states)
		states = append(states, s)
		var label uint32
		if _, match := closure(s, -1); match {
			label = LabelEnd
		}
		d.Label = append(d.Label, label)
		d.Next = append(d.Next, nil)
		return len(states) - 1, nil
	}
	if _, err := intern(state{pending: []uint32{uint32(prog.Start)}, begin: true}); err != nil {
		return nil, err
	}
	for s := 0; s < len(states); s++ {
		row := make([]int, len(reps))
		for c, r := range reps {
			runes, _ := closure(states[s], c)
			var next []uint32
			for _, pc := range runes {
				if MatchRune(&prog.Inst[pc], r) {
					next = append(next, prog.Inst[pc].Out)
				}
			}
			id, err := intern(state{pending: next, word: isWord(r)})
			if err != nil {
				return nil, err
			}
			row[c] = id
		}
		d.Next[s] = row
	}
	return d.Minimize(), nil
}
