package schema

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"

	"github.com/custnorm/custnorm/validate"
	"github.com/santhosh-tekuri/jsonschema/v5"
)

// Limits of the documents Validate and Detect read: the same as the
// decoders of package convert.
const (
	// MaxDocumentBytes is the largest document accepted (1 MiB); a larger
	// one is a too_large issue.
	MaxDocumentBytes = 1 << 20
	// MaxDepth is the deepest nesting accepted: the most reference tokens
	// in the pointer of any value (so {"a":{"b":1}} has depth 2). A deeper
	// document is a too_deep issue.
	MaxDepth = 32
)

// BaseURL is the common prefix of the schemas' $id: the schema of format F
// has the $id BaseURL + F + ".schema.json".
const BaseURL = "https://github.com/custnorm/custnorm/schema/"

//go:embed *.schema.json
var files embed.FS

// A Set holds the JSON Schemas of custnorm's formats, embedded in the
// binary, and compiles each the first time it is used. A Set is safe for
// concurrent use; its zero value holds no schema (use [New]).
type Set struct {
	formats map[string]*entry
}

// entry is one format's schema: its text, its lazily compiled form and the
// top-level members it names and requires (for Detect).
type entry struct {
	name    string
	text    []byte
	compile func() (*jsonschema.Schema, error)
	members func() (declared, require map[string]bool)
}

// New returns a Set of every embedded schema. It compiles nothing yet.
func New() *Set {
	s := &Set{formats: make(map[string]*entry)}
	names, err := files.ReadDir(".")
	if err != nil {
		return s // cannot happen: the directory is embedded
	}
	for _, d := range names {
		name, ok := strings.CutSuffix(d.Name(), ".schema.json")
		if !ok {
			continue
		}
		text, err := files.ReadFile(d.Name())
		if err != nil {
			continue // cannot happen: the file is embedded
		}
		e := &entry{name: name, text: text}
		e.compile = sync.OnceValues(func() (*jsonschema.Schema, error) { return compile(name, text) })
		e.members = sync.OnceValues(func() (declared, require map[string]bool) {
			declared, require = make(map[string]bool), make(map[string]bool)
			if sch, err := e.compile(); err == nil {
				rootMembers(sch, declared, require, true, 0)
			}
			return declared, require
		})
		s.formats[name] = e
	}
	return s
}

// compile compiles one schema with a compiler of its own. The compiler never
// loads anything: the draft 2020-12 metaschema is built into the library,
// and any other URL is refused, so neither the network nor the file system
// is ever read, and the package-level loaders and formats of the library are
// never consulted.
func compile(name string, text []byte) (*jsonschema.Schema, error) {
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft2020
	c.ExtractAnnotations = true // titles name the expected format in issue params
	c.LoadURL = func(u string) (io.ReadCloser, error) {
		return nil, fmt.Errorf("schema: %s is not embedded", u)
	}
	id := BaseURL + name + ".schema.json"
	if err := c.AddResource(id, bytes.NewReader(text)); err != nil {
		return nil, fmt.Errorf("schema: %s: %w", name, err)
	}
	sch, err := c.Compile(id)
	if err != nil {
		return nil, fmt.Errorf("schema: %s: %w", name, err)
	}
	return sch, nil
}

// Names returns the formats the Set has a schema for, sorted.
func (s *Set) Names() []string {
	if s == nil {
		return nil
	}
	names := make([]string, 0, len(s.formats))
	for n := range s.formats {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// Schema returns the text of the JSON Schema of format (a copy), as
// `custnorm schema F` prints it. ok is false for a format the Set has no
// schema for.
func (s *Set) Schema(format string) (text []byte, ok bool) {
	e := s.lookup(format)
	if e == nil {
		return nil, false
	}
	return bytes.Clone(e.text), true
}

func (s *Set) lookup(format string) *entry {
	if s == nil {
		return nil
	}
	return s.formats[strings.ToLower(format)]
}

// Validate checks doc against the schema of format and returns what is
// wrong with it as issues, sorted by path and code; none when the schema
// accepts it. A document is accepted when no issue has severity error.
//
// Before the schema, doc must be one JSON value (numbers are decoded as
// json.Number, so no precision is lost): invalid_json otherwise. A document
// larger than [MaxDocumentBytes] is too_large, one nested deeper than
// [MaxDepth] is too_deep (params max).
//
// Schema errors become issues as the package doc describes (# Issues):
// path from the error's instance location, code from its keyword location
// and the compiled schema, never from the error's English message. Members
// a schema allows without naming them (additionalProperties true) are
// unknown_field warnings, as custnorm's decoders report them.
//
// For a format the Set has no schema for, Validate returns one error, code
// schema, params {"keyword": "$id", "format": format}. A schema that fails
// to compile (a defect the package tests rule out) gives one error, code
// schema, params {"keyword": "$schema"}, with the compiler's error as Err.
func (s *Set) Validate(format string, doc []byte) validate.Issues {
	e := s.lookup(format)
	if e == nil {
		return validate.Issues{validate.NewIssue("", validate.CodeSchema, validate.Params{"keyword": "$id", "format": format})}
	}
	v, iss := decode(doc)
	if iss != nil {
		return validate.Issues{*iss}
	}
	sch, err := e.compile()
	if err != nil {
		iss := validate.NewIssue("", validate.CodeSchema, validate.Params{"keyword": "$schema"})
		iss.Err = err
		return validate.Issues{iss}
	}
	return check(sch, v, true)
}

// decode reads doc as one JSON value within the documented limits.
func decode(doc []byte) (any, *validate.Issue) {
	if len(doc) > MaxDocumentBytes {
		iss := validate.NewIssue("", validate.CodeTooLarge, validate.Params{"max": MaxDocumentBytes})
		return nil, &iss
	}
	if nesting(doc) > MaxDepth {
		// Before decoding: encoding/json would recurse up to 10,000
		// levels, and call anything deeper invalid_json.
		iss := validate.NewIssue("", validate.CodeTooDeep, validate.Params{"max": MaxDepth})
		return nil, &iss
	}
	dec := json.NewDecoder(bytes.NewReader(doc))
	dec.UseNumber()
	var v any
	err := dec.Decode(&v)
	if err == nil {
		if _, tokErr := dec.Token(); !errors.Is(tokErr, io.EOF) {
			err = errors.New("data after the JSON value")
		}
	}
	if err != nil {
		iss := validate.NewIssue("", validate.CodeInvalidJSON, nil)
		return nil, &iss
	}
	return v, nil
}

// nesting returns how many containers the deepest value of the JSON text
// doc lies in (0 for a scalar, 1 for the members of a top-level object),
// counting brackets outside strings, without decoding and without
// recursion; it stops counting past MaxDepth. For text that is not JSON the
// count is meaningless, and decoding reports it.
func nesting(doc []byte) int {
	open, deepest := 0, 0
	inString, escape := false, false
	for _, c := range doc {
		switch {
		case escape:
			escape = false
		case inString:
			switch c {
			case '\\':
				escape = true
			case '"':
				inString = false
			}
		case c == '"':
			inString = true
			deepest = max(deepest, open)
		case c == '{' || c == '[':
			deepest = max(deepest, open)
			open++
		case c == '}' || c == ']':
			open--
		case c > ' ' && c != ',' && c != ':':
			deepest = max(deepest, open) // a number or literal
		}
		if deepest > MaxDepth {
			return deepest
		}
	}
	return deepest
}
