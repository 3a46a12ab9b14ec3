package schema_test

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"

	"github.com/custnorm/custnorm/schema"
	"github.com/custnorm/custnorm/validate"
)

// jsTools is the directory of the Node tooling (package.json,
// package-lock.json, verdicts.js).
var jsTools = filepath.Join("..", "tools", "js")

// needAjv returns the node binary, or skips the test (fails it on CI) when
// node or the npm packages of tools/js are missing.
func needAjv(t *testing.T) string {
	t.Helper()
	const install = "npm ci --prefix tools/js"
	missing := func(what string) {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s; CI must install it: %s", what, install)
		}
		t.Skipf("%s: run `%s` (from the module root) to run the ajv portability test", what, install)
	}
	node, err := exec.LookPath("node")
	if err != nil {
		missing("node is not installed")
	}
	if _, err := os.Stat(filepath.Join(jsTools, "node_modules", "ajv", "package.json")); err != nil {
		missing("tools/js/node_modules is missing")
	}
	return node
}

// ajvCase is one case of the request verdicts.js reads.
type ajvCase struct {
	Schema   string `json:"schema"`
	Document string `json:"document"`
}

// ajvAnswer is what verdicts.js prints.
type ajvAnswer struct {
	Ajv     string `json:"ajv"`
	Schemas map[string]struct {
		OK    bool   `json:"ok"`
		Error string `json:"error"`
	} `json:"schemas"`
	Verdicts []struct {
		Valid       *bool  `json:"valid"`
		InvalidJSON bool   `json:"invalidJSON"`
		Error       string `json:"error"`
		Errors      []struct {
			InstancePath string `json:"instancePath"`
			Keyword      string `json:"keyword"`
		} `json:"errors"`
	} `json:"verdicts"`
}

// TestPortability: every schema compiles in ajv (strict mode, draft
// 2020-12) and gives the same verdict (valid or invalid) as this package on
// every corpus document, conformance input and probe.
func TestPortability(t *testing.T) {
	node := needAjv(t)
	set := schema.New()

	// The schemas exactly as embedded.
	dir := t.TempDir()
	var files []string
	for _, name := range set.Names() {
		text, _ := set.Schema(name)
		f := filepath.Join(dir, name+".schema.json")
		if err := os.WriteFile(f, text, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}

	type labelled struct {
		label, format string
		doc           []byte
	}
	var docs []labelled
	for _, d := range corpus(t, formats) {
		docs = append(docs, labelled{d.format + "/" + d.name, d.format, d.data})
	}
	for _, c := range conformanceCases(t) {
		docs = append(docs, labelled{"conformance/" + c.name, c.format, c.input})
	}
	for _, p := range probes() {
		docs = append(docs, labelled{"probe/" + p.format + "/" + p.name, p.format, p.doc})
	}
	// Documents every schema sees, whatever their format.
	for _, d := range corpus(t, formats) {
		for _, f := range allFormats {
			if f != d.format {
				docs = append(docs, labelled{"as " + f + ": " + d.format + "/" + d.name, f, d.data})
			}
		}
	}

	var cases []ajvCase
	var kept []labelled
	var want []bool
	for _, d := range docs {
		iss := set.Validate(d.format, d.doc)
		// Size, depth and JSON syntax are checked before any schema.
		if slices.ContainsFunc(iss, func(i validate.Issue) bool {
			return i.Code == validate.CodeInvalidJSON || i.Code == validate.CodeTooLarge || i.Code == validate.CodeTooDeep
		}) {
			continue
		}
		cases = append(cases, ajvCase{Schema: d.format + ".schema.json", Document: string(d.doc)})
		kept = append(kept, d)
		want = append(want, !iss.HasError())
	}
	req, err := json.Marshal(cases)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(node, append([]string{filepath.Join(jsTools, "verdicts.js")}, files...)...)
	cmd.Stdin = bytes.NewReader(req)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node verdicts.js: %v\n%s", err, stderr.Bytes())
	}
	var ans ajvAnswer
	if err := json.Unmarshal(out, &ans); err != nil {
		t.Fatalf("verdicts.js printed no answer: %v\n%s", err, out)
	}
	t.Logf("ajv %s: %d documents", ans.Ajv, len(cases))
	for _, name := range set.Names() {
		s, ok := ans.Schemas[name+".schema.json"]
		if !ok || !s.OK {
			t.Errorf("schema %s does not compile in ajv (strict, draft 2020-12): %s", name, s.Error)
		}
	}
	if len(ans.Verdicts) != len(cases) {
		t.Fatalf("verdicts.js answered %d cases, want %d", len(ans.Verdicts), len(cases))
	}
	for k, v := range ans.Verdicts {
		if v.Valid == nil {
			t.Errorf("%s: ajv gave no verdict: %s", kept[k].label, v.Error)
			continue
		}
		if *v.Valid != want[k] {
			t.Errorf("%s (schema %s): ajv says valid = %v, this package %v\najv errors: %+v\nissues: %s",
				kept[k].label, kept[k].format, *v.Valid, want[k], v.Errors, issueList(set.Validate(kept[k].format, kept[k].doc)))
		}
	}
}
