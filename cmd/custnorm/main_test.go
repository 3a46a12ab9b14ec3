package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// testBinaries are the programs the tests run as a user would: custnorm,
// and the launcher that measures its memory (testdata/rsslaunch). Each is
// built once, on first use (so fuzzing, which runs no such test, builds
// nothing), without the race detector even under go test -race, into a
// directory TestMain removes.
var testBinaries struct {
	dirOnce            sync.Once
	dir                string
	dirErr             error
	custnorm, launcher builtBinary
}

type builtBinary struct {
	once sync.Once
	path string
	err  error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if testBinaries.dir != "" {
		os.RemoveAll(testBinaries.dir)
	}
	os.Exit(code)
}

// bin returns the built custnorm binary, building it on first use, and
// fails the test when the build failed.
func bin(t *testing.T) string {
	t.Helper()
	return build(t, &testBinaries.custnorm, "custnorm", ".")
}

// launcher returns the built rsslaunch program (see
// testdata/rsslaunch/main.go): rsslaunch RSSFILE COMMAND [ARG...] runs
// COMMAND and writes its peak RSS in bytes to RSSFILE (0: not measured).
func launcher(t *testing.T) string {
	t.Helper()
	return build(t, &testBinaries.launcher, "rsslaunch", "./testdata/rsslaunch")
}

func build(t *testing.T, b *builtBinary, name, pkg string) string {
	t.Helper()
	b.once.Do(func() {
		testBinaries.dirOnce.Do(func() {
			testBinaries.dir, testBinaries.dirErr = os.MkdirTemp("", "custnorm-test-")
		})
		if testBinaries.dirErr != nil {
			b.err = testBinaries.dirErr
			return
		}
		path := filepath.Join(testBinaries.dir, name)
		if out, err := exec.Command("go", "build", "-o", path, pkg).CombinedOutput(); err != nil {
			b.err = fmt.Errorf("go build %s: %v\n%s", pkg, err, out)
			return
		}
		b.path = path
	})
	if b.err != nil {
		t.Fatal(b.err)
	}
	return b.path
}

// result is what one run of the CLI gave.
type result struct {
	code           int
	stdout, stderr string
}

// runCLI runs the CLI in-process.
func runCLI(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errOut)
	return result{code: code, stdout: out.String(), stderr: errOut.String()}
}

// runBin runs the built binary with stdin (nil: none).
func runBin(t *testing.T, stdin io.Reader, args ...string) result {
	t.Helper()
	cmd := exec.Command(bin(t), args...)
	cmd.Stdin = stdin
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	code := 0
	if err != nil {
		ee, ok := err.(*exec.ExitError)
		if !ok {
			t.Fatalf("running custnorm: %v", err)
		}
		code = ee.ExitCode()
	}
	return result{code: code, stdout: out.String(), stderr: errOut.String()}
}

// writeFile writes data to a new file in the test's temporary directory.
func writeFile(t *testing.T, name, data string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// lines decodes output of JSON objects: NDJSON, or indented documents one
// after another.
func lines(t *testing.T, s string) []map[string]any {
	t.Helper()
	var out []map[string]any
	dec := json.NewDecoder(strings.NewReader(s))
	for {
		var m map[string]any
		err := dec.Decode(&m)
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatalf("output is not a sequence of JSON objects: %v\n%.1000s", err, s)
		}
		out = append(out, m)
	}
}

const (
	stancerGood  = `{"name":"David Coaster","email":"david@example.net","mobile":"+33639980102"}`
	stancerGood2 = `{"name":"Ada Lovelace","email":"ada@example.org"}`
	stancerShort = `{"name":"Bob","email":"bob@example.com"}`         // too short for Stancer: rejected by validate only
	stancerBad   = `{"name":"Eve Example","email":"eve.example.com"}` // rejected by every command
)

func TestUsage(t *testing.T) {
	for _, tc := range []struct {
		name   string
		args   []string
		code   int
		stdout string // a substring
		stderr string // a substring
	}{
		{"no command", nil, 2, "", "Usage:"},
		{"unknown command", []string{"frobnicate"}, 2, "", `unknown command "frobnicate"`},
		{"help", []string{"help"}, 0, "Exit status:", ""},
		{"--help", []string{"--help"}, 0, "Exit status:", ""},
		{"help convert", []string{"help", "convert"}, 0, "Example:", ""},
		{"convert --help", []string{"convert", "--help"}, 0, "custnorm convert --from secuconnect", ""},
		{"validate -h", []string{"validate", "-h"}, 0, "custnorm validate --as stancer", ""},
		{"detect --help", []string{"detect", "--help"}, 0, "custnorm detect customer.json", ""},
		{"schema --help", []string{"schema", "--help"}, 0, "custnorm schema stancer", ""},
		{"formats --help", []string{"formats", "--help"}, 0, "custnorm formats", ""},
		{"gen --help", []string{"gen", "--help"}, 0, "custnorm gen --format secuconnect", ""},
		{"unknown flag", []string{"convert", "--from", "stancer", "--to", "riverty", "--frob"}, 2, "", "flag provided but not defined: -frob"},
		{"unknown flag shows usage", []string{"validate", "--nope"}, 2, "", "usage: custnorm validate"},
		{"missing --to", []string{"convert", "--from", "stancer"}, 2, "", "--to is required"},
		{"missing --as", []string{"validate"}, 2, "", "--as is required"},
		{"unknown format lists formats", []string{"convert", "--from", "paypal", "--to", "stancer"}, 2, "", "canonical, riverty, riverty-create, secuconnect, stancer, worldline, worldline-lookup"},
		{"unknown target", []string{"validate", "--as", "auto2"}, 2, "", `unknown format "auto2"`},
		{"auto is no target", []string{"convert", "--to", "auto"}, 2, "", `unknown format "auto"`},
		{"bad region", []string{"validate", "--as", "stancer", "--region", "Atlantis"}, 2, "", `--region "Atlantis" is not a country`},
		{"two files", []string{"validate", "--as", "stancer", "a", "b"}, 2, "", "one FILE at most"},
		{"missing file", []string{"validate", "--as", "stancer", "/nonexistent/x.json"}, 2, "", "no such file"},
		{"schema unknown", []string{"schema", "paypal"}, 2, "", "the formats are"},
		{"schema", []string{"schema", "stancer"}, 0, `"$id": "https://github.com/custnorm/custnorm/schema/stancer.schema.json"`, ""},
		{"formats", []string{"formats"}, 0, "canonical\nriverty\nriverty-create\nsecuconnect\nstancer\nworldline\nworldline-lookup\n", ""},
		{"formats with argument", []string{"formats", "x"}, 2, "", "no arguments expected"},
		{"gen without format", []string{"gen"}, 2, "", "--format is required"},
		{"gen bad rate", []string{"gen", "--format", "stancer", "--bad-rate", "2"}, 2, "", "between 0 and 1"},
		{"gen negative n", []string{"gen", "--format", "stancer", "-n", "-1"}, 2, "", "must not be negative"},
		{"gen bad n", []string{"gen", "--format", "stancer", "-n", "x"}, 2, "", "invalid value"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := runCLI(t, "", tc.args...)
			if r.code != tc.code {
				t.Errorf("exit %d, want %d; stderr:\n%s", r.code, tc.code, r.stderr)
			}
			if !strings.Contains(r.stdout, tc.stdout) {
				t.Errorf("stdout lacks %q:\n%s", tc.stdout, r.stdout)
			}
			if !strings.Contains(r.stderr, tc.stderr) {
				t.Errorf("stderr lacks %q:\n%s", tc.stderr, r.stderr)
			}
			if tc.code == 0 && r.stderr != "" {
				t.Errorf("stderr not empty: %s", r.stderr)
			}
		})
	}
}

// TestHelpHasExample checks that every command's --help shows an example
// and the flags with double dashes.
func TestHelpHasExample(t *testing.T) {
	for _, cmd := range []string{"convert", "validate", "detect", "schema", "formats", "gen"} {
		r := runCLI(t, "", cmd, "--help")
		if r.code != 0 || !strings.Contains(r.stdout, "Example:\n\n\tcustnorm "+cmd) {
			t.Errorf("%s --help: exit %d, no example:\n%s", cmd, r.code, r.stdout)
		}
		if strings.Contains(r.stdout, "\n  -") && !strings.Contains(r.stdout, "\n  --") && cmd != "gen" {
			t.Errorf("%s --help lists flags with one dash:\n%s", cmd, r.stdout)
		}
	}
}

// TestDocMatchesUsage keeps the package documentation and the usage text
// in step: every line of the usage text's synopsis and exit statuses
// appears in doc.go.
func TestDocMatchesUsage(t *testing.T) {
	doc, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	for l := range strings.SplitSeq(usageMain, "\n") {
		if !strings.HasPrefix(l, "\t") {
			continue
		}
		if !bytes.Contains(doc, []byte("//"+l+"\n")) {
			t.Errorf("doc.go lacks the usage line %q", l)
		}
	}
}

func TestFlagsAfterFile(t *testing.T) {
	p := writeFile(t, "c.json", stancerGood)
	for _, args := range [][]string{
		{"validate", "--as", "stancer", p, "--json"},
		{"validate", p, "--as", "stancer", "--json"},
		{"validate", "--json", "--as=stancer", p},
		{"validate", "--as", "stancer", "--json", "--", p},
	} {
		r := runCLI(t, "", args...)
		if r.code != 0 {
			t.Fatalf("%v: exit %d: %s", args, r.code, r.stderr)
		}
		got := lines(t, r.stdout)
		if len(got) != 1 || got[0]["valid"] != true || got[0]["record"] != 1.0 {
			t.Errorf("%v: stdout %s", args, r.stdout)
		}
	}
}

func TestValidateJSONShape(t *testing.T) {
	r := runCLI(t, stancerGood+"\n"+stancerShort+"\n", "validate", "--as", "stancer", "--json", "--lang", "de")
	if r.code != 1 {
		t.Fatalf("exit %d, want 1: %s", r.code, r.stderr)
	}
	if r.stderr != "" {
		t.Errorf("--json writes no summary, got %q", r.stderr)
	}
	got := lines(t, r.stdout)
	if len(got) != 2 {
		t.Fatalf("want 2 verdicts, got %s", r.stdout)
	}
	if got[0]["valid"] != true || got[1]["valid"] != false || got[1]["record"] != 2.0 {
		t.Errorf("verdicts: %s", r.stdout)
	}
	issues, _ := got[1]["issues"].([]any)
	found := false
	for _, it := range issues {
		iss := it.(map[string]any)
		for _, k := range []string{"path", "code", "severity", "message", "params"} {
			if _, ok := iss[k]; !ok {
				t.Errorf("issue lacks %q: %v", k, iss)
			}
		}
		if iss["code"] == "too_short" && iss["path"] == "/name" {
			found = true
			if msg, _ := iss["message"].(string); !strings.Contains(msg, "Zeichen") {
				t.Errorf("message not in German: %q", msg)
			}
		}
	}
	if !found {
		t.Errorf("no too_short at /name: %v", issues)
	}
}

func TestConvertReport(t *testing.T) {
	report := filepath.Join(t.TempDir(), "report.ndjson")
	in := stancerGood + "\n{not json\n" + stancerBad + "\n" + stancerGood2 + "\n"
	r := runCLI(t, in, "convert", "--from", "stancer", "--to", "secuconnect", "--report", report)
	if r.code != 1 {
		t.Fatalf("exit %d, want 1: %s", r.code, r.stderr)
	}
	if r.stderr != "" {
		t.Errorf("with --report no summary goes to stderr, got %q", r.stderr)
	}
	out := lines(t, r.stdout)
	if len(out) != 2 {
		t.Fatalf("want the 2 accepted records on stdout, got:\n%s", r.stdout)
	}
	if c := out[0]["contact"].(map[string]any); c["forename"] != "David" {
		t.Errorf("first output is not record 1: %v", out[0])
	}
	if c := out[1]["contact"].(map[string]any); c["forename"] != "Ada" {
		t.Errorf("second output is not record 4: %v", out[1])
	}
	data, err := os.ReadFile(report)
	if err != nil {
		t.Fatal(err)
	}
	rep := lines(t, string(data))
	if len(rep) != 4 {
		t.Fatalf("want one report line per record, got:\n%s", data)
	}
	for k, l := range rep {
		if l["record"] != float64(k+1) {
			t.Errorf("report line %d is record %v", k, l["record"])
		}
		for _, m := range []string{"issues", "changes", "ok"} {
			if _, ok := l[m]; !ok {
				t.Errorf("report line %d lacks %q: %v", k, m, l)
			}
		}
	}
	if rep[0]["ok"] != true || rep[1]["ok"] != false || rep[2]["ok"] != false || rep[3]["ok"] != true {
		t.Errorf("ok flags: %s", data)
	}
	if iss := rep[1]["issues"].([]any); len(iss) != 1 || iss[0].(map[string]any)["code"] != "invalid_json" {
		t.Errorf("record 2 issues: %v", iss)
	}
	if ch := rep[0]["changes"].([]any); len(ch) == 0 {
		t.Errorf("record 1 has no changes (the name split): %s", data)
	}
}

func TestReportUnwritable(t *testing.T) {
	r := runCLI(t, stancerGood, "convert", "--from", "stancer", "--to", "riverty", "--report", "/nonexistent/dir/r.ndjson")
	if r.code != 2 || !strings.Contains(r.stderr, "no such file") {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
}

// TestFraming runs inputs of every framing through convert (canonical to
// canonical keeps values) and checks output framing, records and status.
func TestFraming(t *testing.T) {
	const (
		a = `{"givenName":"Ann","familyName":"Lee","email":"ann@example.com"}`
		b = `{"givenName":"Bo","familyName":"Ek","email":"bo@example.com"}`
	)
	pretty := func(s string) string {
		var buf bytes.Buffer
		if err := json.Indent(&buf, []byte(s), "", "    "); err != nil {
			t.Fatal(err)
		}
		return buf.String()
	}
	for _, tc := range []struct {
		name, in string
		code     int
		out      string
		rejected string // "rejected records: …" in the summary, "" for none
	}{
		{"single line", a, 0, a + "\n", ""},
		{"single line with newline", a + "\n", 0, a + "\n", ""},
		{"NDJSON", a + "\n" + b + "\n", 0, a + "\n" + b + "\n", ""},
		{"NDJSON CRLF and blank lines", "\r\n" + a + "\r\n\r\n  \n" + b, 0, a + "\n" + b + "\n", ""},
		{"NDJSON broken lines", a + "\n{\"givenName\":\n" + b + "\nnull x\n", 1, a + "\n" + b + "\n", "2, 4"},
		{"NDJSON broken first line", "{\"givenName\":\n" + a + "\n" + b + "\n", 1, a + "\n" + b + "\n", "1"},
		{"byte order mark", "\xEF\xBB\xBF" + a + "\n", 0, a + "\n", ""},
		{"pretty document", pretty(a) + "\n", 0, pretty2(t, a), ""},
		{"pretty documents", pretty(a) + "\n" + pretty(b), 0, pretty2(t, a) + pretty2(t, b), ""},
		{"pretty then unterminated", pretty(a) + "\n{\n\"x\": [1,\n", 1, pretty2(t, a), "2"},
		{"array", "[" + a + ",\n " + b + "]", 0, "[\n" + a + ",\n" + b + "\n]\n", ""},
		{"pretty array", "[\n  " + pretty(a) + ",\n  " + pretty(b) + "\n]\n", 0, "[\n" + a + ",\n" + b + "\n]\n", ""},
		{"empty array", "[ ]", 0, "[]\n", ""},
		{"array with bad element", "[" + a + ", 42, {\"x\":}, " + b + "]", 1, "[\n" + a + ",\n" + b + "\n]\n", "2–3"},
		{"array missing comma", "[" + a + " " + b + "]", 1, "[\n" + a + "\n]\n", "2"},
		{"array trailing comma", "[" + a + ",]", 1, "[\n" + a + "\n]\n", "2"},
		{"array unterminated", "[" + a + ",", 1, "[\n" + a + "\n]\n", "2"},
		{"array unterminated element", "[" + a + ", {\"givenName\": \"x", 1, "[\n" + a + "\n]\n", "2"},
		{"array then garbage", "[" + a + "] x", 1, "[\n" + a + "\n]\n", "2"},
		{"empty", "", 0, "", ""},
		{"white space", " \n\t\r\n ", 0, "", ""},
		{"scalar", "42", 1, "", "1"},
		{"string line", `"x"` + "\n" + a, 1, a + "\n", "1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := runCLI(t, tc.in, "convert", "--from", "canonical", "--to", "canonical")
			if r.code != tc.code {
				t.Errorf("exit %d, want %d; stderr:\n%s", r.code, tc.code, r.stderr)
			}
			if r.stdout != tc.out {
				t.Errorf("stdout:\n%s\nwant:\n%s", r.stdout, tc.out)
			}
			if tc.rejected != "" && !strings.Contains(r.stderr, "rejected records: "+tc.rejected+"\n") {
				t.Errorf("summary lacks rejected records %s:\n%s", tc.rejected, r.stderr)
			}
			if tc.rejected == "" && strings.Contains(r.stderr, "rejected records") {
				t.Errorf("summary lists rejected records:\n%s", r.stderr)
			}
		})
	}
}

// pretty2 is how the CLI writes a document of the documents framing.
func pretty2(t *testing.T, s string) string {
	t.Helper()
	var buf bytes.Buffer
	if err := json.Indent(&buf, []byte(s), "", "  "); err != nil {
		t.Fatal(err)
	}
	return buf.String() + "\n"
}

func TestEmptyInputSummary(t *testing.T) {
	r := runCLI(t, "", "validate", "--as", "stancer")
	if r.code != 0 || r.stdout != "" || r.stderr != "custnorm validate: the input holds no records\n" {
		t.Errorf("exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
}

// TestSecuconnectList checks that the records of a list document are
// converted one by one, each a record of its own (numbered across the
// input, with the line where its text starts), with report paths into the
// list, and that the summary counts and numbers them that way too.
func TestSecuconnectList(t *testing.T) {
	list := `{"count":3,"data":[
		{"object":"payment.customers","id":"PCU_2AAAAAAAAAAAAAAAAAAAAAAAAAAAA7","contact":{"forename":"John","surname":"Doe","email":"john@example.com"}},
		{"object":"payment.customers","id":"PCU_3AAAAAAAAAAAAAAAAAAAAAAAAAAAA7","contact":{"forename":"Jane","surname":"Roe","email":"jane.example.com"}},
		{"object":"payment.customers","id":"PCU_4AAAAAAAAAAAAAAAAAAAAAAAAAAAA7","contact":{"forename":"Max","surname":"Muster","email":"max@example.com"}}]}`
	report := filepath.Join(t.TempDir(), "r.ndjson")
	for _, from := range []string{"secuconnect", "auto"} {
		r := runCLI(t, list, "convert", "--from", from, "--to", "stancer", "--report", report)
		if r.code != 1 {
			t.Fatalf("--from %s: exit %d, want 1: %s", from, r.code, r.stderr)
		}
		out := lines(t, r.stdout)
		if len(out) != 2 || out[0]["name"] != "John Doe" || out[1]["name"] != "Max Muster" {
			t.Errorf("--from %s: output:\n%s", from, r.stdout)
		}
		data, err := os.ReadFile(report)
		if err != nil {
			t.Fatal(err)
		}
		rep := lines(t, string(data))
		if len(rep) != 3 {
			t.Fatalf("--from %s: want 3 report lines:\n%s", from, data)
		}
		for k, l := range rep {
			if l["record"] != float64(k+1) || l["line"] != float64(k+2) {
				t.Errorf("--from %s: report line %d has record %v, line %v; want record %d, line %d", from, k+1, l["record"], l["line"], k+1, k+2)
			}
		}
		if !strings.Contains(string(data), `"path":"/data/1/contact/email","code":"invalid_email"`) {
			t.Errorf("--from %s: no invalid_email at /data/1/contact/email:\n%s", from, data)
		}
		r = runCLI(t, list, "validate", "--as", from)
		if !strings.Contains(r.stderr, "read: 3, valid: 2, rejected: 1") || !strings.Contains(r.stderr, "rejected records: 2\n") {
			t.Errorf("--as %s: summary does not count and number the list's records:\n%s", from, r.stderr)
		}
	}
}

func TestAutoDetectPerRecord(t *testing.T) {
	in := strings.Join([]string{
		stancerGood,
		`{"contact":{"forename":"John","surname":"Doe","email":"john@example.com"}}`,
		`{"firstName":"Ray","lastName":"Ankunding","email":"ray@example.com","customerNumber":"c1"}`,
		`{"unknown":1}`,
		`[1,2]`,
	}, "\n")
	report := filepath.Join(t.TempDir(), "r.ndjson")
	r := runCLI(t, in, "convert", "--to", "canonical", "--report", report)
	if r.code != 1 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	out := lines(t, r.stdout)
	want := []string{"David", "John", "Ray"}
	if len(out) != len(want) {
		t.Fatalf("output:\n%s", r.stdout)
	}
	for k, w := range want {
		if out[k]["givenName"] != w {
			t.Errorf("record %d: %v, want givenName %s", k+1, out[k], w)
		}
	}
	data, _ := os.ReadFile(report)
	rep := lines(t, string(data))
	if code := rep[3]["issues"].([]any)[0].(map[string]any)["code"]; code != "invalid_format" {
		t.Errorf("record 4: %v, want invalid_format", code)
	}
	if code := rep[4]["issues"].([]any)[0].(map[string]any)["code"]; code != "invalid_format" {
		t.Errorf("record 5: %v, want invalid_format", code)
	}
}

func TestStrict(t *testing.T) {
	// A fixed-line number as Stancer mobile is a not_mobile warning.
	in := `{"name":"David Coaster","email":"david@example.net","mobile":"+4930123456"}`
	r := runCLI(t, in, "validate", "--as", "stancer", "--json")
	if r.code != 0 || !strings.Contains(r.stdout, `"severity":"warning"`) {
		t.Fatalf("without --strict: exit %d, %s", r.code, r.stdout)
	}
	r = runCLI(t, in, "validate", "--as", "stancer", "--json", "--strict")
	if r.code != 1 || strings.Contains(r.stdout, `"severity":"warning"`) {
		t.Errorf("with --strict: exit %d, %s", r.code, r.stdout)
	}
}

func TestRegion(t *testing.T) {
	in := `{"name":"David Coaster","mobile":"0151 23456789"}`
	r := runCLI(t, in, "convert", "--from", "stancer", "--to", "canonical", "--region", "germany")
	if r.code != 0 || !strings.Contains(r.stdout, `"mobile":"+4915123456789"`) {
		t.Errorf("exit %d, stdout %s, stderr %s", r.code, r.stdout, r.stderr)
	}
}

func TestDetectCommand(t *testing.T) {
	in := stancerGood + "\n" + `{"zzz":1}` + "\n" + `{"contact":{}}` + "\n{x\n"
	r := runCLI(t, in, "detect")
	if r.code != 1 {
		t.Errorf("exit %d, want 1", r.code)
	}
	// The reasons come from package schema; only their gist is checked.
	want := []string{"stancer\tthe stancer schema accepts it", "unknown\tno format fits", "secuconnect\tonly secuconnect names contact", "unknown\tthe document cannot be read"}
	got := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
	if len(got) != len(want) {
		t.Fatalf("stdout:\n%s\nwant %d lines", r.stdout, len(want))
	}
	for k := range want {
		if !strings.HasPrefix(got[k], want[k]) {
			t.Errorf("line %d = %q, want it to start with %q", k+1, got[k], want[k])
		}
	}
	r = runCLI(t, stancerGood, "detect")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "stancer\t") {
		t.Errorf("exit %d, stdout %q", r.code, r.stdout)
	}
}

// TestOrderAndCompleteness sends many records through the worker pool and
// checks that every one comes out, in input order.
func TestOrderAndCompleteness(t *testing.T) {
	n := 20000
	if testing.Short() {
		n = 2000
	}
	var gen bytes.Buffer
	if code := run([]string{"gen", "--format", "canonical", "-n", fmt.Sprint(n), "--seed", "11", "--bad-rate", "0.05"}, nil, &gen, io.Discard); code != 0 {
		t.Fatal("gen failed")
	}
	report := filepath.Join(t.TempDir(), "r.ndjson")
	var out, errOut bytes.Buffer
	code := run([]string{"convert", "--from", "canonical", "--to", "canonical", "--report", report}, &gen, &out, &errOut)
	if code != 1 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	data, err := os.ReadFile(report)
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	var accepted []int
	k := 0
	for sc.Scan() {
		k++
		var l reportLine
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatal(err)
		}
		if l.Record != k {
			t.Fatalf("report line %d is record %d", k, l.Record)
		}
		if l.OK {
			accepted = append(accepted, k)
		}
	}
	if k != n {
		t.Fatalf("report has %d lines, want %d", k, n)
	}
	outLines := lines(t, out.String())
	if len(outLines) != len(accepted) {
		t.Fatalf("%d records written, %d accepted", len(outLines), len(accepted))
	}
	for j, l := range outLines {
		ref := l["refs"].(map[string]any)["merchant"]
		if want := fmt.Sprintf("C%08d", accepted[j]); ref != want {
			t.Fatalf("output %d is %v, want %s", j, ref, want)
		}
	}
	if len(accepted) == n || len(accepted) < n*9/10 {
		t.Errorf("%d of %d accepted with bad-rate 0.05", len(accepted), n)
	}
}

// TestPipeIsStreamed feeds the binary through a pipe one record at a time
// and reads each record's output before writing the next: the CLI must not
// wait for the end of the input (or a full buffer) to answer.
func TestPipeIsStreamed(t *testing.T) {
	cmd := exec.Command(bin(t), "convert", "--from", "stancer", "--to", "canonical")
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var errOut bytes.Buffer
	cmd.Stderr = &errOut
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	rd := bufio.NewReader(stdout)
	for k, rec := range []string{stancerGood, stancerGood2, stancerGood} {
		if _, err := io.WriteString(stdin, rec+"\n"); err != nil {
			t.Fatal(err)
		}
		got := make(chan string, 1)
		go func() {
			l, _ := rd.ReadString('\n')
			got <- l
		}()
		select {
		case l := <-got:
			if !strings.Contains(l, `"email"`) {
				t.Fatalf("record %d: output %q", k+1, l)
			}
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
			t.Fatalf("record %d: no output while the pipe stays open", k+1)
		}
	}
	stdin.Close()
	if err := cmd.Wait(); err != nil {
		t.Fatalf("%v: %s", err, errOut.String())
	}
	if !strings.Contains(errOut.String(), "records read: 3, written: 3") {
		t.Errorf("summary: %s", errOut.String())
	}
}

// TestBinary runs the built binary on files, stdin redirected from a file,
// and pipes.
func TestBinary(t *testing.T) {
	ndjson := stancerGood + "\n{\"name\":\n\n" + stancerShort + "\n" + stancerGood2 + "\n"
	ndFile := writeFile(t, "in.ndjson", ndjson)
	open := func(p string) *os.File {
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { f.Close() })
		return f
	}
	t.Run("file", func(t *testing.T) {
		r := runBin(t, nil, "validate", "--as", "stancer", ndFile, "--json")
		checkNDJSONVerdicts(t, r)
	})
	t.Run("stdin redirected from a file", func(t *testing.T) {
		r := runBin(t, open(ndFile), "validate", "--as", "stancer", "--json")
		checkNDJSONVerdicts(t, r)
	})
	t.Run("stdin dash", func(t *testing.T) {
		r := runBin(t, open(ndFile), "validate", "--as", "stancer", "--json", "-")
		checkNDJSONVerdicts(t, r)
	})
	t.Run("pipe", func(t *testing.T) {
		pr, pw := io.Pipe()
		go func() {
			// Write in small pieces with pauses, so records arrive split.
			for k := 0; k < len(ndjson); k += 7 {
				pw.Write([]byte(ndjson[k:min(k+7, len(ndjson))]))
				time.Sleep(time.Millisecond)
			}
			pw.Close()
		}()
		r := runBin(t, pr, "validate", "--as", "stancer", "--json")
		checkNDJSONVerdicts(t, r)
	})
	t.Run("pretty document through a pipe", func(t *testing.T) {
		doc := "{\n  \"name\": \"David Coaster\",\n  \"email\": \"david@example.net\"\n}\n"
		pr, pw := io.Pipe()
		go func() {
			for _, part := range strings.SplitAfter(doc, "\n") {
				pw.Write([]byte(part))
				time.Sleep(5 * time.Millisecond)
			}
			pw.Close()
		}()
		r := runBin(t, pr, "convert", "--from", "stancer", "--to", "secuconnect")
		want := "{\n  \"contact\": {\n    \"forename\": \"David\",\n    \"surname\": \"Coaster\",\n    \"email\": \"david@example.net\"\n  }\n}\n"
		if r.code != 0 || r.stdout != want {
			t.Errorf("exit %d, stdout:\n%s\nstderr: %s", r.code, r.stdout, r.stderr)
		}
	})
	t.Run("array file", func(t *testing.T) {
		p := writeFile(t, "a.json", "[\n"+stancerGood+",\n"+stancerBad+",\n"+stancerGood2+"\n]\n")
		r := runBin(t, nil, "convert", "--from", "stancer", "--to", "canonical", p)
		var arr []map[string]any
		if err := json.Unmarshal([]byte(r.stdout), &arr); err != nil {
			t.Fatalf("output is not a JSON array: %v\n%s", err, r.stdout)
		}
		if r.code != 1 || len(arr) != 2 || arr[1]["givenName"] != "Ada" {
			t.Errorf("exit %d, output %s", r.code, r.stdout)
		}
		if !strings.Contains(r.stderr, "rejected records: 2\n") {
			t.Errorf("summary: %s", r.stderr)
		}
	})
	t.Run("empty input", func(t *testing.T) {
		r := runBin(t, strings.NewReader(""), "convert", "--from", "stancer", "--to", "canonical")
		if r.code != 0 || r.stdout != "" || !strings.Contains(r.stderr, "the input holds no records") {
			t.Errorf("exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
		}
	})
	t.Run("empty file", func(t *testing.T) {
		r := runBin(t, nil, "validate", "--as", "stancer", "--json", writeFile(t, "e.json", ""))
		if r.code != 0 || r.stdout != "" {
			t.Errorf("exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
		}
	})
	t.Run("unknown flag", func(t *testing.T) {
		r := runBin(t, nil, "convert", "--from", "stancer", "--to", "canonical", "--colour", ndFile)
		if r.code != 2 || !strings.Contains(r.stderr, "usage: custnorm convert") || r.stdout != "" {
			t.Errorf("exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
		}
	})
	t.Run("missing file", func(t *testing.T) {
		r := runBin(t, nil, "convert", "--from", "stancer", "--to", "canonical", filepath.Join(t.TempDir(), "nope.json"))
		if r.code != 2 || !strings.Contains(r.stderr, "no such file") || r.stdout != "" {
			t.Errorf("exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
		}
	})
	t.Run("directory", func(t *testing.T) {
		r := runBin(t, nil, "validate", "--as", "stancer", t.TempDir())
		if r.code != 2 {
			t.Errorf("exit %d, stderr %q", r.code, r.stderr)
		}
	})
}

func checkNDJSONVerdicts(t *testing.T, r result) {
	t.Helper()
	if r.code != 1 {
		t.Fatalf("exit %d, want 1; stderr %s", r.code, r.stderr)
	}
	got := lines(t, r.stdout)
	want := []bool{true, false, false, true}
	if len(got) != len(want) {
		t.Fatalf("want %d verdicts:\n%s", len(want), r.stdout)
	}
	for k, w := range want {
		if got[k]["record"] != float64(k+1) || got[k]["valid"] != w {
			t.Errorf("verdict %d: %v, want valid %v", k+1, got[k], w)
		}
	}
	if iss := got[1]["issues"].([]any); iss[0].(map[string]any)["code"] != "invalid_json" {
		t.Errorf("record 2: %v, want invalid_json", iss)
	}
}

// TestHugeLine sends a 100 MB single-line record between two good ones: it
// must come back as one too_large record while the process stays far below
// the input's size in memory.
func TestHugeLine(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a 100 MB file")
	}
	p := filepath.Join(t.TempDir(), "huge.ndjson")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	w.WriteString(stancerGood + "\n" + `{"name":"`)
	chunk := bytes.Repeat([]byte("a"), 1<<20)
	for range 100 {
		w.Write(chunk)
	}
	w.WriteString(`","email":"x@example.com"}` + "\n" + stancerGood2 + "\n")
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	f.Close()

	for _, viaStdin := range []bool{false, true} {
		report := filepath.Join(t.TempDir(), "r.ndjson")
		rssFile := filepath.Join(t.TempDir(), "rss")
		// Run through the launcher, which measures the CLI's own peak RSS.
		cmd := exec.Command(launcher(t), rssFile, bin(t), "convert", "--from", "stancer", "--to", "canonical", "--report", report)
		if viaStdin {
			in, err := os.Open(p)
			if err != nil {
				t.Fatal(err)
			}
			defer in.Close()
			cmd.Stdin = in
		} else {
			cmd.Args = append(cmd.Args, p)
		}
		var out, errOut bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errOut
		err := cmd.Run()
		if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 {
			t.Fatalf("stdin %v: want exit 1, got %v: %s", viaStdin, err, errOut.String())
		}
		if n := len(lines(t, out.String())); n != 2 {
			t.Errorf("stdin %v: %d records written, want 2", viaStdin, n)
		}
		data, err := os.ReadFile(report)
		if err != nil {
			t.Fatal(err)
		}
		rep := lines(t, string(data))
		if len(rep) != 3 || rep[1]["ok"] != false {
			t.Fatalf("stdin %v: report:\n%.500s", viaStdin, data)
		}
		if iss := rep[1]["issues"].([]any); len(iss) != 1 || iss[0].(map[string]any)["code"] != "too_large" {
			t.Errorf("stdin %v: record 2 issues %v, want too_large", viaStdin, iss)
		}
		rssText, err := os.ReadFile(rssFile)
		if err != nil {
			t.Fatal(err)
		}
		if rss, _ := strconv.ParseInt(string(rssText), 10, 64); rss > 0 {
			const limit = 32 << 20
			t.Logf("stdin %v: peak RSS %d MiB", viaStdin, rss>>20)
			if rss > limit {
				t.Errorf("stdin %v: peak RSS %d MiB for a 100 MB line, want under %d MiB", viaStdin, rss>>20, limit>>20)
			}
		}
	}
}

// FuzzConvert runs any input through convert with format detection: the
// CLI never fails on data (exit 0 or 1), and every record is accounted for
// (one report line per unit; accepted ones on stdout).
func FuzzConvert(f *testing.F) {
	for _, s := range []string{stancerGood, "[" + stancerGood + "," + stancerBad + "]", summaryInput, "{\n\"contact\":{}\n}", `{"count":2,"data":[{"contact":{}},{"contact":1}]}`} {
		f.Add([]byte(s))
	}
	report := filepath.Join(f.TempDir(), "r.ndjson")
	c := newCLI(nil, nil, nil) // built once: its registry, schemas and pipeline serve every input
	f.Fuzz(func(t *testing.T, in []byte) {
		var out, errOut bytes.Buffer
		c.stdin, c.stdout, c.stderr = bytes.NewReader(in), &out, &errOut
		code := c.run(context.Background(), []string{"convert", "--to", "canonical", "--report", report})
		if code != 0 && code != 1 {
			t.Fatalf("exit %d: %s", code, errOut.String())
		}
		data, err := os.ReadFile(report)
		if err != nil {
			t.Fatal(err)
		}
		accepted := strings.Count(string(data), `"ok":true`)
		rejected := strings.Count(string(data), `"ok":false`)
		if (rejected > 0) != (code == 1) {
			t.Errorf("exit %d with %d rejected", code, rejected)
		}
		if accepted > 0 && out.Len() == 0 {
			t.Errorf("%d accepted, nothing written", accepted)
		}
	})
}
