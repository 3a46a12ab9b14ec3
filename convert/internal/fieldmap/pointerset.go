package fieldmap

import "github.com/custnorm/custnorm/validate"

// A pointerSet is a set of pointers. A record's sets are small (the
// members read, the fields written: a dozen or two), so the first
// pointerSetSmall live in the set itself and are searched in order, which
// allocates nothing and hashes nothing; more go to a map. The zero value is
// an empty set.
type pointerSet struct {
	n     int
	small [pointerSetSmall]validate.Pointer
	big   map[validate.Pointer]bool
}

const pointerSetSmall = 16

// add adds p.
func (s *pointerSet) add(p validate.Pointer) {
	if s.has(p) {
		return
	}
	if s.n < len(s.small) {
		s.small[s.n] = p
		s.n++
		return
	}
	if s.big == nil {
		s.big = make(map[validate.Pointer]bool)
	}
	s.big[p] = true
}

// has reports whether p is in the set. p may be a temporary conversion of
// a byte slice: it is not kept.
func (s *pointerSet) has(p validate.Pointer) bool {
	for _, q := range s.small[:s.n] {
		if q == p {
			return true
		}
	}
	return s.big != nil && s.big[p]
}
