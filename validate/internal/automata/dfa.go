// Package automata builds deterministic automata from Go regular
// expressions for validate's generators (genphone, genpostal): the
// automaton of a pattern gives exactly the answers of Go's regexp (its
// leftmost-first semantics included) as a table a runtime steps through
// without compiling anything. Encode writes automata into the compact
// string form that validate's automaton.go reads.
package automata

import (
	"fmt"
	"regexp/syntax"
	"slices"
	"strconv"
	"strings"
)

// A DFA is a deterministic automaton over an alphabet of n symbols (the
// ten ASCII digits, or the rune classes of the fixed patterns). State 0 is
// the start; Next[s][c] is the state after symbol c, or Dead (-1). Each
// state has a label: for an automaton built from one pattern, LabelCont
// when a match ends here and the input goes on, LabelEnd when a match ends
// here and the input ends here; for a product of several automata, one bit
// per component whose pattern matches the whole input when it ends here.
type DFA struct {
	Next  [][]int
	Label []uint32
}

const (
	Dead      = -1
	LabelCont = 1 << 0
	LabelEnd  = 1 << 1
)

// MaxStates bounds every automaton; the largest of the metadata has a few
// hundred states after minimization.
const MaxStates = 1 << 15

// Compile parses pat as regexp.Compile does (Perl flags) and compiles it.
func Compile(pat string) (*syntax.Prog, error) {
	re, err := syntax.Parse(pat, syntax.Perl)
	if err != nil {
		return nil, err
	}
	return syntax.Compile(re.Simplify())
}

// Mode says how Build treats a thread that reaches a match.
type Mode int

const (
	// FirstMatch: as Go's regexp (leftmost-first, Perl): a match cuts off
	// the threads of lower priority, so the automaton's last match is
	// where Go's regexp ends its match.
	FirstMatch Mode = iota
	// AllMatches: no thread is cut, so the automaton reports every
	// position where some match ends (for the reversed patterns, whose
	// longest match gives the leftmost start).
	AllMatches
)

// Build builds the automaton of prog matched from the start of the
// input (empty-width \A holds there), over symbols whose representative
// runes are reps: exactly the simulation of Go's regexp (its Pike VM,
// regexp/exec.go) with the thread queue as the state. A state is the
// ordered list of threads (instructions that consume a rune or match)
// built assuming the input goes on after this position, plus whether a
// match would be reached if the input ended here instead. Empty-width
// assertions other than \A and \z (^ and $ without (?m)) are refused.
func Build(prog *syntax.Prog, reps []rune, mode Mode) (*DFA, error) {
	for _, in := range prog.Inst {
		if in.Op == syntax.InstEmptyWidth && syntax.EmptyOp(in.Arg)&^(syntax.EmptyBeginText|syntax.EmptyEndText) != 0 {
			return nil, fmt.Errorf("empty-width assertion %v", syntax.EmptyOp(in.Arg))
		}
	}
	// add is the machine's add: it appends to q the threads reachable from
	// pc without consuming input, in priority order, marking every
	// instruction it visits (a visited instruction is not entered again in
	// the same queue, as the machine's sparse set does).
	var add func(q []uint32, seen []bool, pc uint32, begin, end bool) []uint32
	add = func(q []uint32, seen []bool, pc uint32, begin, end bool) []uint32 {
		for {
			if pc == 0 || seen[pc] {
				return q
			}
			seen[pc] = true
			in := &prog.Inst[pc]
			switch in.Op {
			case syntax.InstFail:
				return q
			case syntax.InstAlt, syntax.InstAltMatch:
				q = add(q, seen, in.Out, begin, end)
				pc = in.Arg
			case syntax.InstEmptyWidth:
				op := syntax.EmptyOp(in.Arg)
				if op&syntax.EmptyBeginText != 0 && !begin || op&syntax.EmptyEndText != 0 && !end {
					return q
				}
				pc = in.Out
			case syntax.InstNop, syntax.InstCapture:
				pc = in.Out
			default: // InstMatch and the rune instructions hold a thread
				return append(q, pc)
			}
		}
	}
	type state struct {
		threads []uint32
		endOK   bool // a match is reached if the input ends here
	}
	// cut truncates threads after the first match (FirstMatch mode):
	// the machine never steps them.
	cut := func(threads []uint32) []uint32 {
		if mode != FirstMatch {
			return threads
		}
		for i, pc := range threads {
			if prog.Inst[pc].Op == syntax.InstMatch {
				return threads[:i+1]
			}
		}
		return threads
	}
	hasMatch := func(threads []uint32) bool {
		for _, pc := range threads {
			if prog.Inst[pc].Op == syntax.InstMatch {
				return true
			}
		}
		return false
	}
	key := func(s state) string {
		var b strings.Builder
		if s.endOK {
			b.WriteByte('E')
		}
		for _, pc := range s.threads {
			b.WriteString(strconv.Itoa(int(pc)))
			b.WriteByte(',')
		}
		return b.String()
	}
	d := &DFA{}
	ids := map[string]int{}
	var states []state
	intern := func(s state) (int, error) {
		if len(s.threads) == 0 && !s.endOK {
			return Dead, nil
		}
		k := key(s)
		if id, ok := ids[k]; ok {
			return id, nil
		}
		if len(states) == MaxStates {
			return 0, fmt.Errorf("more than %d states", MaxStates)
		}
		id := len(states)
		ids[k] = id
		states = append(states, s)
		var label uint32
		if hasMatch(s.threads) {
			label |= LabelCont
		}
		if s.endOK {
			label |= LabelEnd
		}
		d.Label = append(d.Label, label)
		d.Next = append(d.Next, nil)
		return id, nil
	}
	n := len(prog.Inst)
	start := state{
		threads: cut(add(nil, make([]bool, n), uint32(prog.Start), true, false)),
		endOK:   hasMatch(add(nil, make([]bool, n), uint32(prog.Start), true, true)),
	}
	if len(start.threads) == 0 && !start.endOK {
		// A pattern that matches nothing: one state without match.
		d.Next = [][]int{slices.Repeat([]int{Dead}, len(reps))}
		d.Label = []uint32{0}
		return d, nil
	}
	if _, err := intern(start); err != nil {
		return nil, err
	}
	for s := 0; s < len(states); s++ {
		row := make([]int, len(reps))
		for c, r := range reps {
			var cont, end []uint32
			seenCont, seenEnd := make([]bool, n), make([]bool, n)
			for _, pc := range states[s].threads {
				in := &prog.Inst[pc]
				if in.Op == syntax.InstMatch {
					if mode == FirstMatch {
						break
					}
					continue
				}
				if !MatchRune(in, r) {
					continue
				}
				cont = add(cont, seenCont, in.Out, false, false)
				end = add(end, seenEnd, in.Out, false, true)
			}
			id, err := intern(state{threads: cut(cont), endOK: hasMatch(end)})
			if err != nil {
				return nil, err
			}
			row[c] = id
		}
		d.Next[s] = row
	}
	return d.Minimize(), nil
}

// MatchRune is the machine's step for one rune instruction.
func MatchRune(in *syntax.Inst, r rune) bool {
	switch in.Op {
	case syntax.InstRune1:
		return r == in.Rune[0]
	case syntax.InstRuneAny:
		return true
	case syntax.InstRuneAnyNotNL:
		return r != '\n'
	}
	return in.MatchRune(r)
}

// Minimize returns the minimal automaton with the same labelled
// behaviour (Moore's partition refinement); states from which no label
// can be reached become Dead. The start stays state 0.
func (d *DFA) Minimize() *DFA {
	n := len(d.Next)
	if n == 0 {
		return d
	}
	nsym := len(d.Next[0])
	// State n is the Dead state.
	succ := func(s, c int) int {
		if s == n {
			return n
		}
		if t := d.Next[s][c]; t != Dead {
			return t
		}
		return n
	}
	lab := func(s int) uint32 {
		if s == n {
			return 0
		}
		return d.Label[s]
	}
	class := make([]int, n+1)
	{
		ids := map[uint32]int{0: 0}
		for s := 0; s <= n; s++ {
			l := lab(s)
			id, ok := ids[l]
			if !ok {
				id = len(ids)
				ids[l] = id
			}
			class[s] = id
		}
	}
	for {
		ids := map[string]int{}
		next := make([]int, n+1)
		var b strings.Builder
		// The Dead state first, so that its class is 0.
		order := append([]int{n}, make([]int, 0, n)...)
		for s := 0; s < n; s++ {
			order = append(order, s)
		}
		for _, s := range order {
			b.Reset()
			b.WriteString(strconv.Itoa(class[s]))
			for c := range nsym {
				b.WriteByte(',')
				b.WriteString(strconv.Itoa(class[succ(s, c)]))
			}
			k := b.String()
			id, ok := ids[k]
			if !ok {
				id = len(ids)
				ids[k] = id
			}
			next[s] = id
		}
		same := true
		for s := range class {
			if class[s] != next[s] {
				same = false
				break
			}
		}
		count := func(c []int) int { return slices.Max(c) + 1 }
		if same || count(next) == count(class) {
			class = next
			break
		}
		class = next
	}
	deadClass := class[n]
	// Number the classes in breadth-first order from the start.
	num := map[int]int{}
	var reps []int
	queue := []int{0}
	if class[0] == deadClass {
		return &DFA{Next: [][]int{slices.Repeat([]int{Dead}, nsym)}, Label: []uint32{0}}
	}
	num[class[0]] = 0
	reps = append(reps, 0)
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		for c := range nsym {
			t := succ(s, c)
			if class[t] == deadClass {
				continue
			}
			if _, ok := num[class[t]]; !ok {
				num[class[t]] = len(reps)
				reps = append(reps, t)
				queue = append(queue, t)
			}
		}
	}
	m := &DFA{Next: make([][]int, len(reps)), Label: make([]uint32, len(reps))}
	for i, s := range reps {
		m.Label[i] = lab(s)
		row := make([]int, nsym)
		for c := range nsym {
			t := succ(s, c)
			if class[t] == deadClass {
				row[c] = Dead
			} else {
				row[c] = num[class[t]]
			}
		}
		m.Next[i] = row
	}
	return m
}

// Product returns the automaton that runs the automata in parts side by
// side over the same input: its label has bit i set when parts[i]'s state
// has LabelEnd (its pattern, compiled as ^(?:p)$, matches the whole input
// read so far). A nil part never matches.
func Product(parts []*DFA, nsym int) (*DFA, error) {
	type tuple []int
	key := func(t tuple) string {
		var b strings.Builder
		for _, s := range t {
			b.WriteString(strconv.Itoa(s))
			b.WriteByte(',')
		}
		return b.String()
	}
	label := func(t tuple) uint32 {
		var l uint32
		for i, s := range t {
			if s != Dead && parts[i].Label[s]&LabelEnd != 0 {
				l |= 1 << i
			}
		}
		return l
	}
	d := &DFA{}
	ids := map[string]int{}
	var states []tuple
	intern := func(t tuple) (int, error) {
		alive := false
		for _, s := range t {
			alive = alive || s != Dead
		}
		if !alive {
			return Dead, nil
		}
		k := key(t)
		if id, ok := ids[k]; ok {
			return id, nil
		}
		if len(states) == MaxStates {
			return 0, fmt.Errorf("product: more than %d states", MaxStates)
		}
		ids[k] = len(states)
		states = append(states, t)
		d.Next = append(d.Next, nil)
		d.Label = append(d.Label, label(t))
		return len(states) - 1, nil
	}
	start := make(tuple, len(parts))
	for i, p := range parts {
		start[i] = Dead
		if p != nil {
			start[i] = 0
		}
	}
	if _, err := intern(start); err != nil {
		return nil, err
	}
	if len(states) == 0 {
		return &DFA{Next: [][]int{slices.Repeat([]int{Dead}, nsym)}, Label: []uint32{0}}, nil
	}
	for s := 0; s < len(states); s++ {
		row := make([]int, nsym)
		for c := range nsym {
			t := make(tuple, len(parts))
			for i, q := range states[s] {
				t[i] = Dead
				if q != Dead {
					t[i] = parts[i].Next[q][c]
				}
			}
			id, err := intern(t)
			if err != nil {
				return nil, err
			}
			row[c] = id
		}
		d.Next[s] = row
	}
	return d.Minimize(), nil
}

// LastMatch runs d over syms and returns the last position where a match
// ends (-1 for none): for an automaton built in FirstMatch mode, where Go's
// regexp ends its match from the start of syms.
func (d *DFA) LastMatch(syms []int) int {
	last := -1
	s := 0
	for p := 0; ; p++ {
		if p == len(syms) {
			if d.Label[s]&LabelEnd != 0 {
				last = p
			}
			return last
		}
		if d.Label[s]&LabelCont != 0 {
			last = p
		}
		s = d.Next[s][syms[p]]
		if s == Dead {
			return last
		}
	}
}

// Final returns the label of the state d ends in after syms (0 when the
// run dies).
func (d *DFA) Final(syms []int) uint32 {
	s := 0
	for _, c := range syms {
		s = d.Next[s][c]
		if s == Dead {
			return 0
		}
	}
	return d.Label[s]
}

// Reverse returns the regular expression that matches the reversed
// strings of re's language: concatenations and literals reversed, \A and
// \z swapped.
func Reverse(re *syntax.Regexp) (*syntax.Regexp, error) {
	out := *re
	switch re.Op {
	case syntax.OpBeginLine, syntax.OpEndLine, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return nil, fmt.Errorf("cannot reverse %v", re.Op)
	case syntax.OpBeginText:
		out.Op = syntax.OpEndText
	case syntax.OpEndText:
		out.Op = syntax.OpBeginText
	case syntax.OpLiteral:
		out.Rune = slices.Clone(re.Rune)
		slices.Reverse(out.Rune)
	}
	if len(re.Sub) > 0 {
		out.Sub = make([]*syntax.Regexp, len(re.Sub))
		for i, sub := range re.Sub {
			r, err := Reverse(sub)
			if err != nil {
				return nil, err
			}
			out.Sub[i] = r
		}
		if re.Op == syntax.OpConcat {
			slices.Reverse(out.Sub)
		}
	}
	return &out, nil
}
