package validate

// An automaton is a deterministic automaton of a generated table
// (phone_gen.go, postal_gen.go), in the form validate/internal/automata
// writes: in data at off, a header character, then per state its label in
// l characters and its next state for each of nsym symbols in w characters,
// values in base 95 from ' ' (95^w-1 is dead). State s's record starts at
// base + s*stride; the start state is state 0. Reading it is arithmetic on
// a string constant: nothing is decoded when a program starts.
type automaton struct {
	data         string
	base, stride int
	w, l         int
	dead         int
}

// Labels of the automata built from one pattern.
const (
	labelCont = 1 << 0 // a match ends here, the input goes on
	labelEnd  = 1 << 1 // a match ends here, at the end of the input
)

func automatonAt(data string, off uint32, nsym int) automaton {
	h := int(data[off] - ' ')
	a := automaton{data: data, base: int(off) + 1, w: h%2 + 1, l: h/2 + 1}
	a.stride = a.l + nsym*a.w
	a.dead = 94
	if a.w == 2 {
		a.dead = 95*95 - 1
	}
	return a
}

// label returns the label of the state whose record starts at row.
func (a *automaton) label(row int) int {
	if a.l == 1 {
		return int(a.data[row] - ' ')
	}
	return int(a.data[row]-' ')*95 + int(a.data[row+1]-' ')
}

// next returns the record of the state after symbol c from the state whose
// record starts at row, -1 for dead.
func (a *automaton) next(row, c int) int {
	i := row + a.l + c*a.w
	var t int
	if a.w == 1 {
		t = int(a.data[i] - ' ')
	} else {
		t = int(a.data[i]-' ')*95 + int(a.data[i+1]-' ')
	}
	if t == a.dead {
		return -1
	}
	return a.base + t*a.stride
}

// A runeRun is a run of runes of one class of a generated table, from lo
// to the next run's lo.
type runeRun struct {
	lo    rune
	class uint8
}

// runClass returns the class of r >= 0x80 in runs (sorted, the first at
// 0x80).
func runClass(runs []runeRun, r rune) uint8 {
	lo, hi := 0, len(runs)
	for hi-lo > 1 {
		m := int(uint(lo+hi) >> 1)
		if runs[m].lo <= r {
			lo = m
		} else {
			hi = m
		}
	}
	return runs[lo].class
}
