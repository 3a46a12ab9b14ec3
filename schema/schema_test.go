package schema_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/custnorm/custnorm/internal/golden"
	"github.com/custnorm/custnorm/schema"
	"github.com/custnorm/custnorm/validate"
	"github.com/google/go-cmp/cmp"
)

// TestNames: the Set has a schema for every format of convert's registry
// (every format has its JSON Schema): a provider format needs its
// schema, schema/<format>.schema.json, which the Set embeds by its name.
func TestNames(t *testing.T) {
	if diff := cmp.Diff(allFormats, schema.New().Names()); diff != "" {
		t.Errorf("Names() mismatch (-want +got):\n%s", diff)
	}
}

// TestCompile: every embedded schema compiles.
func TestCompile(t *testing.T) {
	set := schema.New()
	for _, name := range set.Names() {
		if err := schema.Compile(set, name); err != nil {
			t.Errorf("schema %s does not compile: %v", name, err)
		}
	}
}

// TestCompileRefusesLoading: a schema that refers to anything not embedded
// fails to compile; nothing is fetched.
func TestCompileRefusesLoading(t *testing.T) {
	for _, ref := range []string{
		"https://example.com/other.schema.json",
		"file:///etc/passwd",
		"other.schema.json",
	} {
		text := fmt.Sprintf(`{"$schema":"https://json-schema.org/draft/2020-12/schema","$ref":%q}`, ref)
		_, err := schema.CompileText("probe", []byte(text))
		if err == nil || !strings.Contains(err.Error(), "is not embedded") {
			t.Errorf("CompileText with $ref %s: error = %v, want one saying it is not embedded", ref, err)
		}
	}
}

// document decodes a schema text.
func document(t *testing.T, text []byte) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(text, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// TestSchemaHeaders: every schema pins draft 2020-12, has its stable $id, a
// title, a description and a $comment.
func TestSchemaHeaders(t *testing.T) {
	set := schema.New()
	for _, name := range set.Names() {
		text, ok := set.Schema(name)
		if !ok {
			t.Fatalf("Schema(%q) ok = false", name)
		}
		m := document(t, text)
		for key, want := range map[string]string{
			"$schema": "https://json-schema.org/draft/2020-12/schema",
			"$id":     "https://github.com/custnorm/custnorm/schema/" + name + ".schema.json",
		} {
			if got := m[key]; got != want {
				t.Errorf("%s: %s = %v, want %q", name, key, got, want)
			}
		}
		for _, key := range []string{"title", "description", "$comment"} {
			if s, _ := m[key].(string); s == "" {
				t.Errorf("%s: no %s", name, key)
			}
		}
	}
	if _, ok := set.Schema("paypal"); ok {
		t.Error(`Schema("paypal") ok = true, want false`)
	}
}

// TestSchemaCopy: Schema returns a copy, so a caller cannot change the Set.
func TestSchemaCopy(t *testing.T) {
	set := schema.New()
	a, _ := set.Schema("stancer")
	clear(a)
	b, _ := set.Schema("stancer")
	if !bytes.HasPrefix(b, []byte("{")) {
		t.Error("Schema returned the Set's own bytes: clearing them changed the next result")
	}
}

// limitKeywords are the keywords that state a limit; each must sit in a
// schema with a description (naming its source), or in an alternative of
// one.
var limitKeywords = []string{"maxLength", "minLength", "pattern", "minItems", "maxItems", "minimum", "maximum", "enum", "const", "required", "anyOf"}

// TestLimitsDescribed: every limit has a description naming its source.
func TestLimitsDescribed(t *testing.T) {
	set := schema.New()
	for _, name := range set.Names() {
		text, _ := set.Schema(name)
		var walk func(v any, at string, described bool)
		walk = func(v any, at string, described bool) {
			switch t2 := v.(type) {
			case map[string]any:
				d, _ := t2["description"].(string)
				here := d != "" || described
				for _, kw := range limitKeywords {
					if _, ok := t2[kw]; ok && !here {
						t.Errorf("%s: %s at %s has no description", name, kw, at)
					}
				}
				for k, sub := range t2 {
					// Alternatives and conditions, and everything in them,
					// are part of the rule their parent describes; other
					// subschemas need their own description.
					inherit := described || here && (k == "anyOf" || k == "oneOf" || k == "if" || k == "then" || k == "else" || k == "not")
					walk(sub, at+"/"+k, inherit)
				}
			case []any:
				for i, sub := range t2 {
					walk(sub, fmt.Sprintf("%s/%d", at, i), described)
				}
			}
		}
		walk(document(t, text), "#", false)
	}
}

// TestPatternsPortable: every pattern compiles in Go (RE2) and stays in the
// subset that RE2 and ECMAScript (with ajv's u flag) read alike: no
// lookaround, backreferences, named groups, flags, Unicode classes, word
// boundaries or \s (whose meaning differs). The ajv test compiles them too.
func TestPatternsPortable(t *testing.T) {
	unportable := regexp.MustCompile(`\(\?|\\[pPkbBsSAzZQEhHCvV]|\\[1-9]|\[\[:`)
	set := schema.New()
	n := 0
	for _, name := range set.Names() {
		text, _ := set.Schema(name)
		var walk func(v any)
		walk = func(v any) {
			switch t2 := v.(type) {
			case map[string]any:
				if p, ok := t2["pattern"].(string); ok {
					n++
					if _, err := regexp.Compile(p); err != nil {
						t.Errorf("%s: pattern %q does not compile in Go: %v", name, p, err)
					}
					if loc := unportable.FindStringIndex(p); loc != nil {
						t.Errorf("%s: pattern %q uses %q, outside the RE2/ECMAScript common subset", name, p, p[loc[0]:loc[1]])
					}
					if !strings.HasPrefix(p, "^") || !strings.HasSuffix(p, "$") {
						t.Errorf("%s: pattern %q is not anchored at both ends (patterns match anywhere)", name, p)
					}
				}
				for _, sub := range t2 {
					walk(sub)
				}
			case []any:
				for _, sub := range t2 {
					walk(sub)
				}
			}
		}
		walk(document(t, text))
	}
	if n == 0 {
		t.Fatal("no pattern found")
	}
}

// TestRivertyShared: riverty and riverty-create describe the customer object
// with the same $defs.
func TestRivertyShared(t *testing.T) {
	set := schema.New()
	a, _ := set.Schema("riverty")
	b, _ := set.Schema("riverty-create")
	da, db := document(t, a)["$defs"], document(t, b)["$defs"]
	if diff := cmp.Diff(da, db); diff != "" {
		t.Errorf("$defs of riverty and riverty-create differ (-riverty +riverty-create):\n%s", diff)
	}
}

// goldenIssue is the golden form of an issue.
type goldenIssue struct {
	Path     validate.Pointer  `json:"path"`
	Code     validate.Code     `json:"code"`
	Severity validate.Severity `json:"severity"`
	Params   validate.Params   `json:"params,omitempty"`
}

func goldenOf(iss validate.Issues) []goldenIssue {
	out := []goldenIssue{}
	for _, i := range iss {
		out = append(out, goldenIssue{i.Path, i.Code, i.Severity, i.Params})
	}
	return out
}

// TestGolden: the issues of every corpus document against its format's
// schema, per format in testdata/<format>.golden.json (go test -update
// rewrites them). The valid documents of the corpus (not under invalid/)
// are accepted by the schema: the errors custnorm finds in some of them
// (a masked phone number, a postal code of another country) need code.
func TestGolden(t *testing.T) {
	set := schema.New()
	byFormat := make(map[string]map[string][]goldenIssue)
	for _, d := range corpus(t, formats) {
		iss := set.Validate(d.format, d.data)
		if !strings.HasPrefix(d.name, "invalid/") && iss.HasError() {
			t.Errorf("Validate(%s, %s) = %s, want no error", d.format, d.file, issueList(iss))
		}
		if byFormat[d.format] == nil {
			byFormat[d.format] = make(map[string][]goldenIssue)
		}
		byFormat[d.format][d.name] = goldenOf(iss)
	}
	for format, cases := range byFormat {
		golden.Check(t, filepath.Join("testdata", format+".golden.json"), golden.JSON(t, cases))
	}
}

// TestValidate covers the document limits and the unknown format.
func TestValidate(t *testing.T) {
	set := schema.New()
	big := append([]byte(`{"name":"`), bytes.Repeat([]byte("a"), schema.MaxDocumentBytes)...)
	big = append(big, `"}`...)
	tests := []struct {
		name, format string
		doc          []byte
		want         []goldenIssue
	}{
		{"accepted", "stancer", []byte(`{"name":"David Coaster","email":"david@example.com"}`), []goldenIssue{}},
		{"unknown member warns", "stancer", []byte(`{"email":"david@example.com","x~y/z":1}`),
			[]goldenIssue{{"/x~0y~1z", validate.CodeUnknownField, validate.SeverityWarning, nil}}},
		{"format names are case-insensitive", "Stancer", []byte(`{}`),
			[]goldenIssue{{"", validate.CodeOneOfRequired, validate.SeverityError, validate.Params{"fields": "email, mobile"}}}},
		{"too large", "stancer", big,
			[]goldenIssue{{"", validate.CodeTooLarge, validate.SeverityError, validate.Params{"max": schema.MaxDocumentBytes}}}},
		{"too deep", "worldline", []byte(strings.Repeat("[", 34) + strings.Repeat("]", 34)),
			[]goldenIssue{{"", validate.CodeTooDeep, validate.SeverityError, validate.Params{"max": schema.MaxDepth}}}},
		// Deeper than encoding/json's own limit of 10,000 levels, which it
		// would call a syntax error: still too_deep, found before decoding.
		{"deeper than encoding/json reads", "worldline", []byte(strings.Repeat("[", 20000) + strings.Repeat("]", 20000)),
			[]goldenIssue{{"", validate.CodeTooDeep, validate.SeverityError, validate.Params{"max": schema.MaxDepth}}}},
		{"too deep inside a string-bearing object", "worldline", []byte(strings.Repeat(`{"a":"]}",`+`"b":`, 33) + "1" + strings.Repeat("}", 33)),
			[]goldenIssue{{"", validate.CodeTooDeep, validate.SeverityError, validate.Params{"max": schema.MaxDepth}}}},
		{"deep enough", "worldline", []byte(strings.Repeat("[", 33) + strings.Repeat("]", 33)),
			[]goldenIssue{{"", validate.CodeWrongType, validate.SeverityError, validate.Params{"expected": "object"}}}},
		{"empty", "worldline", nil, []goldenIssue{{"", validate.CodeInvalidJSON, validate.SeverityError, nil}}},
		{"two values", "worldline", []byte(`{} {}`), []goldenIssue{{"", validate.CodeInvalidJSON, validate.SeverityError, nil}}},
		{"unknown format", "paypal", []byte(`{}`),
			[]goldenIssue{{"", validate.CodeSchema, validate.SeverityError, validate.Params{"keyword": "$id", "format": "paypal"}}}},
		{"params", "riverty-create", []byte(`{"customer":{"firstName":"` + strings.Repeat("x", 41) + `","birthDate":"x"},"paymentRegistration":{"id":1},"currency":"eur"}`),
			[]goldenIssue{
				{"/currency", validate.CodeInvalidFormat, validate.SeverityError, validate.Params{"format": "ISO 4217 code: 3 upper-case letters"}},
				{"/customer/birthDate", validate.CodeInvalidDate, validate.SeverityError, nil},
				{"/customer/firstName", validate.CodeTooLong, validate.SeverityError, validate.Params{"max": 40}},
				{"/paymentRegistration/id", validate.CodeWrongType, validate.SeverityError, validate.Params{"expected": "string"}},
			}},
		{"id params", "stancer", []byte(`{"id":"cust_1","created":1.5,"live_mode":"no"}`),
			[]goldenIssue{
				{"/created", validate.CodeInvalidFormat, validate.SeverityError, validate.Params{"format": "Unix time in whole seconds"}},
				{"/id", validate.CodeInvalidID, validate.SeverityError, validate.Params{"format": "cust_ + 24 letters or digits"}},
				{"/live_mode", validate.CodeWrongType, validate.SeverityError, validate.Params{"expected": "boolean"}},
			}},
		{"lookup", "worldline-lookup", []byte(`{"countryCode":"","values":null,"x":1}`),
			[]goldenIssue{
				{"/countryCode", validate.CodeRequired, validate.SeverityError, nil},
				{"/values", validate.CodeRequired, validate.SeverityError, nil},
				{"/x", validate.CodeUnknownField, validate.SeverityError, nil},
			}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := goldenOf(set.Validate(tc.format, tc.doc))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Validate(%s) mismatch (-want +got):\n%s", tc.format, diff)
			}
		})
	}
}

// TestValidateZeroSet: a zero or nil Set has no schema and does not panic.
func TestValidateZeroSet(t *testing.T) {
	for _, set := range []*schema.Set{nil, new(schema.Set)} {
		if names := set.Names(); len(names) != 0 {
			t.Errorf("Names() = %v, want none", names)
		}
		iss := set.Validate("stancer", []byte(`{}`))
		if len(iss) != 1 || iss[0].Code != validate.CodeSchema {
			t.Errorf("Validate on an empty Set = %s, want one schema issue", issueList(iss))
		}
		if d := set.Detect([]byte(`{"name":"David"}`)); d.Format != "" {
			t.Errorf("Detect on an empty Set = %+v, want no format", d)
		}
	}
}

// TestValidateConcurrent: a Set compiles each schema once and validates from
// many goroutines (run with -race).
func TestValidateConcurrent(t *testing.T) {
	set := schema.New()
	docs := corpus(t, formats)
	errs := make(chan error, 8)
	for g := 0; g < 8; g++ {
		go func() {
			for _, d := range docs {
				for _, i := range set.Validate(d.format, d.data) {
					if !i.Path.IsValid() {
						errs <- fmt.Errorf("invalid path %q", i.Path)
						return
					}
				}
			}
			errs <- nil
		}()
	}
	for g := 0; g < 8; g++ {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

// TestValidateAgainstMessages: issues carry the params their message needs,
// so a localized message has no gap.
func TestValidateAgainstMessages(t *testing.T) {
	set := schema.New()
	loc := validate.NewLocalizer("de")
	for _, d := range corpus(t, formats) {
		iss := set.Validate(d.format, d.data)
		loc.Fill(iss)
		for _, i := range iss {
			if strings.Contains(i.Message, "%!") || i.Message == "" {
				t.Errorf("%s: message of %s at %q = %q", d.file, i.Code, i.Path, i.Message)
			}
		}
	}
}

// TestDetect names the format of the corpus documents and of the shapes
// the package doc lists for each format, and explains when it cannot.
func TestDetect(t *testing.T) {
	set := schema.New()
	// ambiguous are corpus documents that are as valid in another format.
	ambiguous := map[string][]string{
		"stancer/t9_only_mobile":       {"canonical", "stancer"},            // {"mobile":"+33…"}
		"stancer/update_request_email": {"canonical", "riverty", "stancer"}, // {"email":"…"}
	}
	for _, d := range corpus(t, formats) {
		if strings.HasPrefix(d.name, "invalid/") {
			continue
		}
		t.Run(d.format+"/"+d.name, func(t *testing.T) {
			got := set.Detect(d.data)
			if want, ok := ambiguous[d.format+"/"+d.name]; ok {
				if got.Format != "" || !slices.Equal(got.Candidates, want) {
					t.Errorf("Detect(%s) = %+v, want no format and candidates %v", d.file, got, want)
				}
				return
			}
			if got.Format != d.format {
				t.Errorf("Detect(%s) = %+v, want format %s", d.file, got, d.format)
			}
		})
	}
	tests := []struct {
		name, doc, want string
		candidates      []string
		reason          string
	}{
		{"secuconnect product model", `{"object":"payment.customers","id":"PCU_38RG7MHRE2NJTPFMXRYQP3NKW6GVAZ","contact":{"surname":"Doe"},"created":"2017-12-22T14:59:32+01:00"}`, "secuconnect", []string{"secuconnect"}, "secuconnect has contact, object, which no other format it could be names"},
		{"secuconnect DELETE array", `[{"object":"payment.customers","contact":{"surname":"Doe"}}]`, "secuconnect", []string{"secuconnect"}, ""},
		{"secuconnect list", `{"count":0,"data":[]}`, "secuconnect", []string{"secuconnect"}, ""},
		{"stancer response", `{"id":"cust_9Cle7TXKkjhwqcWx4Kl5cQYk","email":"david@example.net","created":1538562174}`, "stancer", []string{"stancer"}, "stancer has created, id"},
		{"stancer response with live_mode", `{"id":"cust_9Cle7TXKkjhwqcWx4Kl5cQYk","email":"david@example.net","created":1538562174,"live_mode":false}`, "stancer", []string{"stancer"}, "live_mode"},
		{"stancer request", `{"name":"David Coaster","email":"david@example.net"}`, "stancer", []string{"stancer"}, "name"},
		{"riverty create request", `{"customer":{"lastName":"Doe"},"paymentRegistration":{"id":"A"},"currency":"EUR"}`, "riverty-create", []string{"riverty-create"}, ""},
		{"riverty customer", `{"customerNumber":"c1","firstName":"Ray"}`, "riverty", []string{"riverty"}, "customerNumber"},
		{"worldline lookup", `{"countryCode":"SE","values":[{"key":"fiscalNumber","value":"1"}]}`, "worldline-lookup", []string{"worldline-lookup"}, ""},
		{"worldline details", `{"firstName":"Gustav","surname":"Adolfs"}`, "worldline", []string{"worldline"}, "surname"},
		{"canonical", `{"givenName":"Anna","familyName":"Schmidt","email":"anna@example.com"}`, "canonical", []string{"canonical"}, ""},
		{"shared member only", `{"email":"anna@example.com"}`, "", []string{"canonical", "riverty", "stancer"}, "no member of the document is named by only one"},
		{"canonical or stancer", `{"mobile":"+33639980102"}`, "", []string{"canonical", "stancer"}, "(canonical, stancer)"},
		{"two formats", `{"name":"David Coaster","lastName":"Coaster","email":"d@example.com"}`, "", []string{"riverty", "stancer"}, "several formats fit"},
		{"a member another format requires", `{"name":"David Coaster","email":"d@example.com","customer":{}}`, "", []string{"riverty", "stancer"}, "customer, which riverty-create requires"},
		{"mistyped", `{"name":42}`, "stancer", []string{"stancer"}, "only stancer names name, but its schema rejects the document (one_of_required at \"\")"},
		{"unknown members only", `{"nickname":"Dave"}`, "", nil, "no member of the document is named"},
		{"not JSON", `{"name":`, "", nil, "invalid_json"},
		{"not an object", `"x"`, "", nil, "no format's schema accepts"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := set.Detect([]byte(tc.doc))
			if got.Format != tc.want || !slices.Equal(got.Candidates, tc.candidates) || !strings.Contains(got.Reason, tc.reason) {
				t.Errorf("Detect(%s) = %+v, want format %q, candidates %v, reason containing %q", tc.doc, got, tc.want, tc.candidates, tc.reason)
			}
			if got.Reason == "" {
				t.Errorf("Detect(%s) gives no reason", tc.doc)
			}
		})
	}
}

// TestDetectConformance: the input of every validate, convert and roundtrip
// case of the shared vectors is detected as the format the case reads it as.
func TestDetectConformance(t *testing.T) {
	set := schema.New()
	for _, c := range conformanceCases(t) {
		got := set.Detect(c.input)
		if invalid := set.Validate(c.format, c.input).HasError(); got.Invalid != invalid {
			// Rejected by its schema: detected by its shape, and the
			// reason names why the schema rejects it.
			t.Errorf("%s: Detect = %+v, want Invalid %v", c.name, got, invalid)
		}
		if got.Format != c.format {
			t.Errorf("%s: Detect = %+v, want format %s", c.name, got, c.format)
		}
	}
}

// TestIssuePaths: every issue of every corpus document, probe and schema
// points into the document (its path resolves, or names a missing member of
// an object that exists).
func TestIssuePaths(t *testing.T) {
	set := schema.New()
	check := func(label, format string, doc []byte) {
		var v any
		if json.Unmarshal(doc, &v) != nil {
			return
		}
		for _, i := range set.Validate(format, doc) {
			if !i.Path.IsValid() {
				t.Errorf("%s: invalid path %q", label, i.Path)
				continue
			}
			if _, ok := lookup(v, i.Path); ok {
				continue
			}
			if parent, ok := lookup(v, i.Path.Parent()); ok {
				if _, isObj := parent.(map[string]any); isObj && i.Code == validate.CodeRequired {
					continue
				}
			}
			t.Errorf("%s: %s at %q points at nothing", label, i.Code, i.Path)
		}
	}
	for _, d := range corpus(t, formats) {
		check(d.file, d.format, d.data)
	}
	for _, p := range probes() {
		check("probe "+p.format+"/"+p.name, p.format, p.doc)
	}
}

func lookup(v any, p validate.Pointer) (any, bool) {
	cur := v
	for tok := range p.Tokens() {
		switch c := cur.(type) {
		case map[string]any:
			next, ok := c[tok]
			if !ok {
				return nil, false
			}
			cur = next
		case []any:
			var k int
			if _, err := fmt.Sscan(tok, &k); err != nil || k < 0 || k >= len(c) {
				return nil, false
			}
			cur = c[k]
		default:
			return nil, false
		}
	}
	return cur, true
}

// TestIssueErrors: Validate's issues are usable as errors.
func TestIssueErrors(t *testing.T) {
	iss := schema.New().Validate("stancer", []byte(`{"name":42,"email":"david@example.com"}`))
	err := iss.Err()
	var target *validate.Issue
	if !errors.As(err, &target) || target.Code != validate.CodeWrongType {
		t.Errorf("errors.As(%v) = %v, want the wrong_type issue", err, target)
	}
}
