package fieldmap

import (
	"encoding/json"
)

// An Object is a JSON object as a [Reader] holds it: its members in
// document order, each key once. Of duplicate members the last one's value
// counts (as with encoding/json), in the place of the first.
//
// A provider document's objects are small (a dozen members or so), and
// finding a key by comparing it with each member costs less than hashing
// it; a slice is also one allocation where a map is two, and half the
// size. Get stays linear however large an object is: a Reader looks up a
// fixed number of members, so a record's look-ups cost O(size) in all.
type Object []Member

// A Member is one member of an Object. A string value is held as it is:
// boxing each of a document's strings into an interface was an allocation
// apiece, and most are only ever read as strings ([Member.Text]).
type Member struct {
	Key string
	// The value: text when isText, else val.
	val    any
	text   string
	isText bool
	// consumed is set by the Reader that read the member (its residue
	// leaves it out).
	consumed bool
}

// MemberOf returns the member key: v.
func MemberOf(key string, v any) Member {
	if s, ok := v.(string); ok {
		return Member{Key: key, text: s, isText: true}
	}
	return Member{Key: key, val: v}
}

// Value returns the member's value (a string boxed anew).
func (m *Member) Value() any {
	if m.isText {
		return m.text
	}
	return m.val
}

// Text returns the member's value when it is a string.
func (m *Member) Text() (string, bool) { return m.text, m.isText }

// setValue gives m the value of o.
func (m *Member) setValue(o *Member) { m.val, m.text, m.isText = o.val, o.text, o.isText }

// null reports whether the member's value is JSON null.
func (m *Member) null() bool { return !m.isText && m.val == nil }

// jsonType is the JSON type of the member's value.
func (m *Member) jsonType() string {
	if m.isText {
		return "string"
	}
	return jsonType(m.val)
}

// Get returns the value of the member key.
func (o Object) Get(key string) (any, bool) {
	if i := o.find(key); i >= 0 {
		return o[i].Value(), true
	}
	return nil, false
}

// find returns the index of the member key, or -1.
func (o Object) find(key string) int {
	for i := range o {
		if o[i].Key == key {
			return i
		}
	}
	return -1
}

// MarshalJSON writes the object as encoding/json writes a map[string]any:
// members sorted by key, so that a residue reads the same whichever way
// its input ordered its members.
func (o Object) MarshalJSON() ([]byte, error) {
	m := make(map[string]any, len(o))
	for _, mb := range o {
		m[mb.Key] = mb.Value()
	}
	return json.Marshal(m)
}

// uniqueSmall is the size up to which uniqueKeys compares each key with
// the ones before it; larger objects use a map.
const uniqueSmall = 16

// uniqueKeys removes duplicate keys from o in place: the first member of a
// key stays where it is, with the value of the last.
func uniqueKeys(o Object) Object {
	if surelyUnique(o) {
		return o
	}
	var seen map[string]int
	out := o[:0]
	for _, m := range o {
		at := -1
		if seen != nil {
			if i, dup := seen[m.Key]; dup {
				at = i
			}
		} else {
			for i := range out {
				if out[i].Key == m.Key {
					at = i
					break
				}
			}
		}
		if at >= 0 {
			out[at].setValue(&m)
			continue
		}
		out = append(out, m)
		if seen != nil {
			seen[m.Key] = len(out) - 1
		} else if len(out) == uniqueSmall {
			seen = make(map[string]int, len(o))
			for i, p := range out {
				seen[p.Key] = i
			}
		}
	}
	clear(o[len(out):])
	return out
}

// surelyUnique reports that no two keys of o share their bit in a
// keySet: then no key is there twice, which is what almost every object
// shows. false says only that there may be a duplicate. One step a member,
// where comparing each key with the ones before it takes a step a pair.
func surelyUnique(o Object) bool {
	var seen keySet
	for i := range o {
		if !seen.add(o[i].Key) {
			return false
		}
	}
	return true
}

// A keySet is a set of 256 bits, one for each key added, chosen by the
// key's length and its first, middle and last bytes: a key whose bit is
// clear is surely not among the keys added.
type keySet [4]uint64

// keysOf returns the keySet of o's keys.
func keysOf(o Object) keySet {
	var s keySet
	for i := range o {
		s.add(o[i].Key)
	}
	return s
}

// keyBit returns k's bit: a word of the set and the bit in it.
func keyBit(k string) (word uint, bit uint64) {
	h := uint(len(k))
	if len(k) > 0 {
		h = h*0x9e37 + uint(k[0])*0x1f3 + uint(k[len(k)/2])*0x3b + uint(k[len(k)-1])
		h ^= h >> 8
	}
	return (h >> 6) & 3, 1 << (h & 63)
}

// add sets k's bit and reports whether it was clear.
func (s *keySet) add(k string) bool {
	w, b := keyBit(k)
	was := s[w]
	s[w] |= b
	return was&b == 0
}
