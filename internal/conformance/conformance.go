// Package conformance reads the shared conformance vectors
// (testdata/conformance.json) and checks what a runtime produced for a case
// against the case's expectations, so that the Go API, the CLI and the WASM
// build are held to one reading of the corpus. It is imported only by
// _test.go files.
package conformance

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
)

// The ops of the corpus.
const (
	OpNormalizePhone   = "normalizePhone"
	OpNormalizeCountry = "normalizeCountry"
	OpValidate         = "validate"
	OpConvert          = "convert"
	OpRoundtrip        = "roundtrip"
)

// Case is one case of the corpus; its "about" says how to read it.
type Case struct {
	Name    string `json:"name"`
	Op      string `json:"op"`
	As      string `json:"as"`
	From    string `json:"from"`
	To      string `json:"to"`
	Via     string `json:"via"`
	Region  string `json:"region"`
	Options struct {
		Region string `json:"region"`
	} `json:"options"`
	Input  json.RawMessage `json:"input"`
	Expect Expect          `json:"expect"`
}

// Expect is what a case expects.
type Expect struct {
	OK     bool   `json:"ok"`
	E164   string `json:"e164"`
	Type   string `json:"type"`
	Code   string `json:"code"`
	Issues []struct {
		Path *string `json:"path"` // nil: any path
		Code string  `json:"code"`
	} `json:"issues"`
	Output  map[string]any `json:"output"`
	Absent  []string       `json:"absent"`
	Changes []struct {
		Kind string  `json:"kind"`
		Path *string `json:"path"`
	} `json:"changes"`
}

// Text returns the case's input as a string (normalizePhone and
// normalizeCountry take text).
func (c Case) Text() string {
	var s string
	json.Unmarshal(c.Input, &s)
	return s
}

// Files are the corpus files under testdata/: the shared vectors (a copy of
// the shared corpus, kept current by the module's TestConformanceCopyIsCurrent)
// and custnorm's own cases in the same format (national ids, VAT ids,
// streets), which every runtime runs the same way.
var Files = []string{"conformance.json", "conformance-ids.json"}

// LoadAll reads the cases of every file of Files in the directory dir
// (the repository's testdata), in order.
func LoadAll(dir string) ([]Case, error) {
	var all []Case
	for _, f := range Files {
		cases, err := Load(filepath.Join(dir, f))
		if err != nil {
			return nil, err
		}
		all = append(all, cases...)
	}
	return all, nil
}

// Load reads the cases of the corpus file at path.
func Load(path string) ([]Case, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var doc struct {
		Cases []Case `json:"cases"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		return nil, fmt.Errorf("conformance: %s: %w", path, err)
	}
	return doc.Cases, nil
}

// Issue and Change are what the checks read of a runtime's issues and
// changes.
type (
	Issue struct {
		Path string `json:"path"`
		Code string `json:"code"`
	}
	Change struct {
		Kind string `json:"kind"`
		Path string `json:"path"`
	}
)

// Outcome is what a runtime produced for one case, in the JSON shapes of
// the contract (any runtime's result can be unmarshaled into it).
type Outcome struct {
	OK      bool            `json:"ok"`
	E164    string          `json:"e164"`
	Type    string          `json:"type"`
	Code    string          `json:"code"`
	Output  json.RawMessage `json:"output"`
	Issues  []Issue         `json:"issues"`
	Changes []Change        `json:"changes"`
}

// DecodeOutcome reads result, what a runtime returned for one case as a
// JSON object, into an Outcome. okKey names the member that says whether the
// record was accepted: "ok", or "valid" in the validate results of the JS API
// (and of the CLI's validate --json). It is an error if result is not a JSON
// object of the contract's shapes or its okKey member is missing or not a
// boolean.
func DecodeOutcome(result []byte, okKey string) (Outcome, error) {
	var members map[string]json.RawMessage
	if err := json.Unmarshal(result, &members); err != nil || members == nil {
		return Outcome{}, fmt.Errorf("result is not a JSON object: %s", result)
	}
	var o Outcome
	if err := json.Unmarshal(result, &o); err != nil {
		return Outcome{}, fmt.Errorf("result %s: %w", result, err)
	}
	raw, present := members[okKey]
	if !present {
		return Outcome{}, fmt.Errorf("result has no member %q: %s", okKey, result)
	}
	if err := json.Unmarshal(raw, &o.OK); err != nil || string(raw) == "null" {
		return Outcome{}, fmt.Errorf("result member %q is %s, want a boolean", okKey, raw)
	}
	return o, nil
}

// Check returns one line per way o fails the case's expectations (none when
// it passes).
func (c Case) Check(o Outcome) []string {
	var fails []string
	failf := func(format string, args ...any) { fails = append(fails, fmt.Sprintf(format, args...)) }
	if o.OK != c.Expect.OK {
		failf("ok = %v, want %v; issues: %v", o.OK, c.Expect.OK, o.Issues)
	}
	if c.Expect.E164 != "" && o.E164 != c.Expect.E164 {
		failf("e164 = %q, want %q", o.E164, c.Expect.E164)
	}
	if c.Expect.Type != "" && o.Type != c.Expect.Type {
		failf("type = %q, want %q", o.Type, c.Expect.Type)
	}
	if c.Expect.Code != "" && o.Code != c.Expect.Code {
		failf("code = %q, want %q", o.Code, c.Expect.Code)
	}
	for _, want := range c.Expect.Issues {
		if !hasIssue(o.Issues, want.Path, want.Code) {
			failf("no issue %s at %s; issues: %v", want.Code, pathText(want.Path), o.Issues)
		}
	}
	for _, want := range c.Expect.Changes {
		if !hasChange(o.Changes, want.Kind, want.Path) {
			failf("no change %s at %s; changes: %v", want.Kind, pathText(want.Path), o.Changes)
		}
	}
	switch {
	case c.Op == OpRoundtrip:
		var in, out any
		json.Unmarshal(c.Input, &in)
		if err := json.Unmarshal(o.Output, &out); err != nil {
			failf("output is not JSON: %v", err)
		} else if !reflect.DeepEqual(in, out) {
			failf("round trip differs: got %s", o.Output)
		}
	case c.Op == OpConvert && o.OK && c.Expect.OK:
		var out any
		if err := json.Unmarshal(o.Output, &out); err != nil {
			failf("output is not JSON: %v", err)
			break
		}
		for ptr, want := range c.Expect.Output {
			got, ok := Lookup(out, ptr)
			if !ok || !reflect.DeepEqual(got, want) {
				failf("output %s = %v (present %v), want %v", ptr, got, ok, want)
			}
		}
		for _, ptr := range c.Expect.Absent {
			if _, ok := Lookup(out, ptr); ok {
				failf("output %s is present, want absent", ptr)
			}
		}
	}
	return fails
}

func pathText(p *string) string {
	if p == nil {
		return "any path"
	}
	return fmt.Sprintf("%q", *p)
}

func hasIssue(issues []Issue, path *string, code string) bool {
	for _, i := range issues {
		if i.Code == code && (path == nil || i.Path == *path) {
			return true
		}
	}
	return false
}

func hasChange(changes []Change, kind string, path *string) bool {
	for _, c := range changes {
		if c.Kind == kind && (path == nil || c.Path == *path) {
			return true
		}
	}
	return false
}

// Lookup returns the value at the JSON Pointer ptr in doc.
func Lookup(doc any, ptr string) (any, bool) {
	if ptr == "" {
		return doc, true
	}
	cur := doc
	for _, tok := range strings.Split(ptr[1:], "/") {
		tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		obj, ok := cur.(map[string]any)
		if !ok {
			return nil, false
		}
		cur, ok = obj[tok]
		if !ok {
			return nil, false
		}
	}
	return cur, true
}
