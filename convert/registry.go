package convert

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/custnorm/custnorm/convert/riverty"
	"github.com/custnorm/custnorm/convert/secuconnect"
	"github.com/custnorm/custnorm/convert/stancer"
	"github.com/custnorm/custnorm/convert/worldline"
)

// ErrUnknownFormat is returned (wrapped) for a format name no registry entry
// has.
var ErrUnknownFormat = errors.New("convert: unknown format")

// Registry maps format names to converters. The zero value is an empty
// registry, ready to use; "canonical" is always available. A Registry is
// safe for concurrent use.
type Registry struct {
	// mu serializes Register; look-ups take no lock.
	mu sync.Mutex
	// m holds the current map, which is never modified once stored:
	// Register stores a copy with the new entry. nil is empty.
	m atomic.Pointer[map[string]Converter]
}

// Builtin returns a new registry holding every format custnorm ships:
// canonical and the formats of the provider packages (Names lists them).
// Each call returns a fresh registry; adding a format to it affects no
// other.
func Builtin() *Registry {
	m := make(map[string]Converter)
	for _, c := range builtin() {
		m[c.Name()] = c
	}
	r := &Registry{}
	r.m.Store(&m)
	return r
}

// builtin returns the converter of every provider format custnorm ships.
// A provider format is its package below convert/ and one line here:
// everything else (the CLI's formats, generation and detection, the
// shared tests, the browser build) follows from the registry.
func builtin() []Converter {
	return []Converter{
		secuconnect.Converter{},
		worldline.Converter{},
		worldline.LookupConverter{},
		stancer.Converter{},
		riverty.Converter{},
		riverty.CreateConverter{},
	}
}

// converters returns the current map (nil when empty); it must not be
// modified.
func (r *Registry) converters() map[string]Converter {
	if m := r.m.Load(); m != nil {
		return *m
	}
	return nil
}

// Register adds c under its lower-cased name. It fails for a nil converter,
// an empty name and a name already registered (canonical included).
func (r *Registry) Register(c Converter) error {
	if c == nil {
		return errors.New("convert: Register of a nil converter")
	}
	name := strings.ToLower(c.Name())
	if name == "" {
		return errors.New("convert: Register of a converter with an empty name")
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	old := r.converters()
	if _, dup := old[name]; dup || name == CanonicalName {
		return fmt.Errorf("convert: format %q registered twice", name)
	}
	m := maps.Clone(old)
	if m == nil {
		m = make(map[string]Converter)
	}
	m[name] = c
	r.m.Store(&m)
	return nil
}

// Lookup returns the converter of the format name (case-insensitive).
func (r *Registry) Lookup(name string) (Converter, bool) {
	m := r.converters()
	if c, ok := m[name]; ok {
		return c, true // the registered (lower-case) spelling, as mostly
	}
	name = strings.ToLower(name)
	if name == CanonicalName {
		return Canonical{}, true
	}
	c, ok := m[name]
	return c, ok
}

// Names returns the registered format names, canonical included, sorted.
func (r *Registry) Names() []string {
	names := []string{CanonicalName}
	for n := range r.converters() {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

func (r *Registry) lookup(name string) (Converter, error) {
	c, ok := r.Lookup(name)
	if !ok {
		return nil, fmt.Errorf("%w %q (known: %s)", ErrUnknownFormat, name, strings.Join(r.Names(), ", "))
	}
	return c, nil
}
