package schema

import "github.com/santhosh-tekuri/jsonschema/v5"

// Compile compiles the schema of format in s (for the tests of package
// schema_test: every embedded schema compiles).
func Compile(s *Set, format string) error {
	e := s.lookup(format)
	if e == nil {
		return errUnknown(format)
	}
	_, err := e.compile()
	return err
}

// CompileText compiles a schema text as the Set does, with the $id
// BaseURL + name + ".schema.json".
func CompileText(name string, text []byte) (*jsonschema.Schema, error) {
	return compile(name, text)
}

type errUnknown string

func (e errUnknown) Error() string { return "schema: no format " + string(e) }
