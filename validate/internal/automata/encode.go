package automata

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
)

// The automata a generator writes are stored in one string constant, in
// printable ASCII so that the generated file stays small and readable by
// tools: a value is one or two characters of base 95 (' ' is 0, '~' is 94),
// read with arithmetic at each step, so nothing is decoded when a program
// starts. An automaton at offset off is
//
//	header   one character: (w-1) + 2*(l-1), w and l in 1 … 2
//	states   per state: its label in l characters, then its next state
//	         for each symbol in w characters (95^w - 1 is dead)
//
// with state 0 the start. Offset 0 is never an automaton (it holds one
// space), so that 0 can mean none. validate/automaton.go reads this form.
const base = 95

// An Encoder collects automata in the stored form.
type Encoder struct {
	b bytes.Buffer
}

// NewEncoder returns an Encoder whose first automaton will be at offset 1.
func NewEncoder() *Encoder {
	e := &Encoder{}
	e.b.WriteByte(' ')
	return e
}

func digitsOf(v, w int) []byte {
	out := make([]byte, w)
	for i := w - 1; i >= 0; i-- {
		out[i] = byte(' ' + v%base)
		v /= base
	}
	return out
}

// Add appends d, whose labels have labelBits bits, and returns its offset.
func (e *Encoder) Add(d *DFA, labelBits int) (int, error) {
	w := 1
	if len(d.Next) > base-1 {
		w = 2
	}
	if len(d.Next) > base*base-1 {
		return 0, fmt.Errorf("automaton of %d states", len(d.Next))
	}
	l := 1
	if 1<<labelBits > base {
		l = 2
	}
	if 1<<labelBits > base*base {
		return 0, fmt.Errorf("labels of %d bits", labelBits)
	}
	off := e.b.Len()
	e.b.WriteByte(byte(' ' + (w - 1) + 2*(l-1)))
	deadV := base - 1
	if w == 2 {
		deadV = base*base - 1
	}
	for s, row := range d.Next {
		if d.Label[s] >= 1<<labelBits {
			return 0, fmt.Errorf("label %#x over %d bits", d.Label[s], labelBits)
		}
		e.b.Write(digitsOf(int(d.Label[s]), l))
		for _, t := range row {
			if t == Dead {
				t = deadV
			}
			e.b.Write(digitsOf(t, w))
		}
	}
	return off, nil
}

// String returns the stored automata.
func (e *Encoder) String() string { return e.b.String() }

// GoString returns s as a Go string expression: concatenated literals of
// at most n characters, one a line.
func GoString(s string, n int) string {
	var b strings.Builder
	b.WriteString("\"\" +\n")
	for len(s) > 0 {
		k := min(n, len(s))
		b.WriteString("\t")
		b.WriteString(strconv.Quote(s[:k]))
		s = s[k:]
		if len(s) > 0 {
			b.WriteString(" +\n")
		}
	}
	return b.String()
}
