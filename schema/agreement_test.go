package schema_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/custnorm/custnorm/convert"
	"github.com/custnorm/custnorm/schema"
	"github.com/custnorm/custnorm/validate"
)

// structural are the codes of the rules both layers check: JSON types,
// required members, lengths, patterns and enumerations, id shapes, unknown
// members, and documents that cannot be read at all. On these the schema
// and the Go pipeline must report the same errors.
var structural = map[validate.Code]bool{
	validate.CodeInvalidJSON:   true,
	validate.CodeTooLarge:      true,
	validate.CodeTooDeep:       true,
	validate.CodeWrongType:     true,
	validate.CodeUnknownField:  true,
	validate.CodeRequired:      true,
	validate.CodeOneOfRequired: true,
	validate.CodeTooShort:      true,
	validate.CodeTooLong:       true,
	validate.CodeInvalidFormat: true,
	validate.CodeInvalidID:     true,
}

// A rule is one error: a code at a path.
type rule struct {
	Path validate.Pointer
	Code validate.Code
}

func (r rule) String() string { return fmt.Sprintf("%s at %q", r.Code, r.Path) }

// errorRules returns the error-severity issues of iss as rules. An
// invalid_id error with a "scheme" param is left out: it is the check
// digits of a national or VAT id (validate.CheckNationalID, CheckVATID), a
// rule that needs code, which the schemas do not state.
func errorRules(iss validate.Issues) map[rule]bool {
	out := make(map[rule]bool)
	for _, i := range iss {
		if _, checksum := i.Params["scheme"]; checksum && i.Code == validate.CodeInvalidID {
			continue
		}
		if i.Severity == validate.SeverityError {
			out[rule{i.Path, i.Code}] = true
		}
	}
	return out
}

func sortedRules(m map[rule]bool) []rule {
	out := make([]rule, 0, len(m))
	for r := range m {
		out = append(out, r)
	}
	slices.SortFunc(out, func(a, b rule) int {
		return strings.Compare(string(a.Path)+"\x00"+string(a.Code), string(b.Path)+"\x00"+string(b.Code))
	})
	return out
}

// goIssues validates data as format with the Go pipeline, record by record
// for container documents (secuconnect's list and DELETE array), as the
// CLI does, with the paths of each record's issues made paths into data.
func goIssues(t *testing.T, p *convert.Pipeline, format string, data []byte) validate.Issues {
	t.Helper()
	recs, at := p.Records(format, data)
	var all validate.Issues
	for k, r := range recs {
		res, err := p.Validate(format, r)
		if err != nil {
			t.Fatalf("Pipeline.Validate(%s): %v", format, err)
		}
		all = append(all, res.Prefix(at[k]).Issues...)
	}
	return all
}

// A divergence is a known disagreement between the layers on one document:
// errors only the Go pipeline reports and errors only the schema reports.
// Each is explained; the test fails when a listed divergence no longer
// happens, so the list cannot go stale.
type divergence struct {
	goOnly, schemaOnly []rule
	why                string
}

// knownDivergences are keyed by the label agree is called with.
var knownDivergences = divergences()

func divergences() map[string]divergence {
	m := make(map[string]divergence)
	addressType := divergence{
		schemaOnly: []rule{{"/address/addressType", validate.CodeWrongType}},
		why: "convert/riverty keeps address.addressType (a documented string, \"main address\") in the " +
			"provider section without checking its JSON type; the schema says string",
	}
	for _, v := range []string{"array", "bool", "fraction", "number", "object"} {
		m["probe/riverty/8/address/addressType="+v] = addressType
	}
	const firstOnly = "the canonical decoder (encoding/json into model.Customer) reports only the first " +
		"type error, and no unknown member once a type is wrong; the schema reports each"
	m["probe/canonical/two-wrong-types"] = divergence{
		schemaOnly: []rule{{"/familyName", validate.CodeWrongType}}, why: firstOnly}
	m["probe/canonical/wrong-type-and-unknown"] = divergence{
		schemaOnly: []rule{{"/nickname", validate.CodeUnknownField}}, why: firstOnly}
	const normalized = "custnorm counts length in code points after Unicode NFC and, for what it sends, " +
		"after its normalization (trimmed, white space collapsed, phones in E.164); a JSON Schema counts " +
		"the code points as written"
	m["probe/stancer/mobile-with-spaces"] = divergence{
		schemaOnly: []rule{{"/mobile", validate.CodeTooLong}}, why: normalized}
	m["probe/stancer/name-decomposed"] = divergence{
		schemaOnly: []rule{{"/name", validate.CodeTooLong}}, why: normalized}
	m["probe/stancer/name-padded"] = divergence{
		schemaOnly: []rule{{"/name", validate.CodeTooLong}}, why: normalized}
	m["probe/riverty/first-name-decomposed"] = divergence{
		schemaOnly: []rule{{"/firstName", validate.CodeTooLong}}, why: normalized}
	m["probe/worldline-lookup/only-unknown-item"] = divergence{
		goOnly: []rule{{"/values", validate.CodeRequired}},
		why: "the Go pipeline reports a values array with nothing it can send (its one item has only an " +
			"unknown member, itself an error) a second time, as required at /values; the schema reports the " +
			"unknown member",
	}
	return m
}

// agree compares the error verdicts of the schema and of the Go pipeline on
// one document: on the structural codes the two sets of (path, code) must
// be equal; every other error the schema reports (invalid_date of a dob
// that matches no accepted form) must be among the Go pipeline's errors.
func agree(t *testing.T, label string, schemaIss, goIss validate.Issues) {
	t.Helper()
	s, g := errorRules(schemaIss), errorRules(goIss)
	known := knownDivergences[label]
	var problems []string
	for _, r := range known.goOnly {
		if !g[r] || s[r] {
			problems = append(problems, fmt.Sprintf("known divergence no longer happens: Go-only %s (%s); remove it from knownDivergences", r, known.why))
		}
		delete(g, r)
	}
	for _, r := range known.schemaOnly {
		if !s[r] || g[r] {
			problems = append(problems, fmt.Sprintf("known divergence no longer happens: schema-only %s (%s); remove it from knownDivergences", r, known.why))
		}
		delete(s, r)
	}
	for _, r := range sortedRules(s) {
		if structural[r.Code] && !g[r] {
			problems = append(problems, fmt.Sprintf("rule %s: the schema reports an error, the Go pipeline does not", r))
		}
		if !structural[r.Code] && !g[r] {
			problems = append(problems, fmt.Sprintf("rule %s: the schema rejects, the Go pipeline does not report it", r))
		}
	}
	for _, r := range sortedRules(g) {
		if structural[r.Code] && !s[r] {
			if doubleRequired(r, s, g) {
				t.Logf("%s: tolerated: the Go pipeline also reports %s (a second issue for one defect)", label, r)
				continue
			}
			problems = append(problems, fmt.Sprintf("rule %s: the Go pipeline reports an error, the schema does not", r))
		}
	}
	if len(problems) > 0 {
		t.Errorf("%s: schema and Go pipeline disagree:\n\t%s\nschema issues: %s\nGo issues:     %s",
			label, strings.Join(problems, "\n\t"), issueList(schemaIss), issueList(goIss))
	}
}

// doubleRequired reports whether r is a required error the Go pipeline
// reports at a path where both layers report another error. Encode reports a
// member that Decode rejected (a countryCode of the wrong type, an empty
// values array of a Worldline lookup) a second time, as required, because it
// finds nothing to write: one defect, two issues. The schema reports the
// defect once; the comparison tolerates the second Go issue.
func doubleRequired(r rule, s, g map[rule]bool) bool {
	if r.Code != validate.CodeRequired {
		return false
	}
	for o := range g {
		if o.Path == r.Path && o.Code != validate.CodeRequired && s[o] {
			return true
		}
	}
	return false
}

func issueList(iss validate.Issues) string {
	var parts []string
	for _, i := range iss {
		parts = append(parts, fmt.Sprintf("%s %q %s", i.Code, i.Path, i.Severity))
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// TestAgreementCorpus: for every document of the shared corpus (valid and
// invalid), the schema of its format and the Go pipeline give the same
// errors on every structural rule.
func TestAgreementCorpus(t *testing.T) {
	set := schema.New()
	p := convert.Builtin().NewPipeline(convert.Options{})
	for _, d := range corpus(t, formats) {
		label := d.format + "/" + d.name
		t.Run(label, func(t *testing.T) {
			agree(t, label, set.Validate(d.format, d.data), goIssues(t, p, d.format, d.data))
		})
	}
}

// TestAgreementConformance: the same for the input of every validate,
// convert and roundtrip case of testdata/conformance.json, read as the
// format the case reads it as.
func TestAgreementConformance(t *testing.T) {
	set := schema.New()
	reg := convert.Builtin()
	for _, c := range conformanceCases(t) {
		label := "conformance/" + c.name
		t.Run(c.name, func(t *testing.T) {
			p := reg.NewPipeline(convert.Options{Region: c.region})
			agree(t, label, set.Validate(c.format, c.input), goIssues(t, p, c.format, c.input))
		})
	}
}

// TestAgreementKnownDivergences checks that every known divergence names a
// document of the corpus.
func TestAgreementKnownDivergences(t *testing.T) {
	labels := make(map[string]bool)
	for _, d := range corpus(t, formats) {
		labels[d.format+"/"+d.name] = true
	}
	for _, c := range conformanceCases(t) {
		labels["conformance/"+c.name] = true
	}
	for _, p := range probes() {
		labels["probe/"+p.format+"/"+p.name] = true
	}
	for label, d := range knownDivergences {
		if !labels[label] {
			t.Errorf("knownDivergences[%q] names no document", label)
		}
		if d.why == "" {
			t.Errorf("knownDivergences[%q] has no explanation", label)
		}
	}
}
