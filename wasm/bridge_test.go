package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/custnorm/custnorm/convert"
	"github.com/custnorm/custnorm/internal/conformance"
	"github.com/custnorm/custnorm/validate"
)

// These tests run on the host (go test ./wasm/) and, unchanged, inside
// js/wasm under Node (GOOS=js GOARCH=wasm go test ./wasm/ with the
// toolchain's go_js_wasm_exec on PATH; make wasm-test).
//
// Environment:
//
//	CUSTNORM_EXPECTED_OUT=file  TestWriteExpected writes the Go library's
//	                            result of every conformance case to file (the
//	                            Node and Chromium tests compare with it).
//	CUSTNORM_EXPECTED=file      TestConformance also compares every result
//	                            with that file (written on the host), so the
//	                            js/wasm run proves wasm == host.

func stringValue(s string) value { return value{kind: kindString, str: s} }

func objectValue(jsonText string) value { return value{kind: kindObject, data: []byte(jsonText)} }

// loadConformance returns the cases of the shared corpus.
func loadConformance(t *testing.T) []conformance.Case {
	t.Helper()
	cases, err := conformance.LoadAll(filepath.Join("..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) == 0 {
		t.Fatal("no cases in testdata/conformance.json")
	}
	return cases
}

// viaBridge runs tc through handle, the way custnorm.mjs calls it: the
// document as an object (JSON text from JSON.stringify).
func viaBridge(b *bridge, tc conformance.Case) any {
	var opts value
	if r := tc.Options.Region; r != "" {
		opts = objectValue(fmt.Sprintf(`{"region":%q}`, r))
	}
	doc := objectValue(string(tc.Input))
	switch tc.Op {
	case conformance.OpNormalizePhone:
		return b.handle(tc.Op, stringValue(tc.Text()), stringValue(tc.Region))
	case conformance.OpNormalizeCountry:
		return b.handle(tc.Op, stringValue(tc.Text()))
	case conformance.OpValidate:
		return b.handle("validate", stringValue(tc.As), doc, opts)
	case conformance.OpConvert:
		return b.handle("convert", stringValue(tc.From), stringValue(tc.To), doc, opts)
	case conformance.OpRoundtrip:
		return b.handle("convert", stringValue(tc.Via), stringValue(tc.Via), doc, opts)
	}
	return nil
}

// viaLibrary runs tc through the Go library directly, shaped as the JS API
// shapes it: this is the reference the bridge must equal.
func viaLibrary(tc conformance.Case) (any, error) {
	p := convert.Builtin().NewPipeline(convert.Options{Region: tc.Options.Region})
	switch tc.Op {
	case conformance.OpNormalizePhone:
		res := validate.NormalizePhone(tc.Text(), tc.Region)
		validate.NewLocalizer("").Fill(res.Issues)
		return res, nil
	case conformance.OpNormalizeCountry:
		res := validate.NormalizeCountry(tc.Text())
		validate.NewLocalizer("").Fill(res.Issues)
		return res, nil
	case conformance.OpValidate:
		res, err := p.Validate(tc.As, tc.Input)
		return validateResult{Valid: res.OK, Issues: res.Issues}, err
	case conformance.OpConvert:
		return p.Convert(tc.From, tc.To, tc.Input)
	case conformance.OpRoundtrip:
		return p.Convert(tc.Via, tc.Via, tc.Input)
	}
	return nil, fmt.Errorf("unknown op %q", tc.Op)
}

// marshal returns v as JSON text, as JS sees it.
func marshal(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("json.Marshal(%T): %v", v, err)
	}
	return b
}

// asJSON round-trips v through JSON, as JS sees it.
func asJSON(t *testing.T, v any) any {
	t.Helper()
	var out any
	if err := json.Unmarshal(marshal(t, v), &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestConformance runs every case of the shared corpus through handle and
// checks it against the case's expectations and against the Go library's
// own result (and, with CUSTNORM_EXPECTED, the host's result file).
func TestConformance(t *testing.T) {
	var hostResults map[string]any
	if f := os.Getenv("CUSTNORM_EXPECTED"); f != "" {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatalf("CUSTNORM_EXPECTED: %v", err)
		}
		if err := json.Unmarshal(b, &hostResults); err != nil {
			t.Fatalf("CUSTNORM_EXPECTED: %v", err)
		}
	}
	b := newBridge(false)
	for _, tc := range loadConformance(t) {
		t.Run(tc.Name, func(t *testing.T) {
			got := asJSON(t, viaBridge(b, tc))
			lib, err := viaLibrary(tc)
			if err != nil {
				t.Fatalf("library: %v", err)
			}
			if diff := cmp.Diff(asJSON(t, lib), got); diff != "" {
				t.Errorf("handle differs from the Go library (-library +handle):\n%s", diff)
			}
			if hostResults != nil {
				want, ok := hostResults[tc.Name]
				if !ok {
					t.Fatalf("no host result for %q", tc.Name)
				}
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("handle differs from the host's result (-host +here):\n%s", diff)
				}
			}
			okKey := "ok"
			if tc.Op == conformance.OpValidate {
				okKey = "valid"
			}
			o, err := conformance.DecodeOutcome(marshal(t, got), okKey)
			if err != nil {
				t.Fatalf("handle: %v", err)
			}
			for _, f := range tc.Check(o) {
				t.Error(f)
			}
		})
	}
}

// TestWriteExpected writes the Go library's results of the corpus for the
// Node and Chromium tests (only with CUSTNORM_EXPECTED_OUT).
func TestWriteExpected(t *testing.T) {
	out := os.Getenv("CUSTNORM_EXPECTED_OUT")
	if out == "" {
		t.Skip("CUSTNORM_EXPECTED_OUT not set")
	}
	results := make(map[string]any)
	for _, tc := range loadConformance(t) {
		res, err := viaLibrary(tc)
		if err != nil {
			t.Fatalf("%s: %v", tc.Name, err)
		}
		if _, dup := results[tc.Name]; dup {
			t.Fatalf("case name %q twice", tc.Name)
		}
		results[tc.Name] = res
	}
	b, err := json.MarshalIndent(results, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(out, append(b, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
}

// issueKey is what the argument tests compare: code and argument of each
// issue.
type issueKey struct{ Code, Argument string }

func issueKeys(t *testing.T, res any) []issueKey {
	t.Helper()
	m, _ := asJSON(t, res).(map[string]any)
	list, _ := m["issues"].([]any)
	keys := []issueKey{}
	for _, it := range list {
		iss := it.(map[string]any)
		params, _ := iss["params"].(map[string]any)
		arg, _ := params["argument"].(string)
		keys = append(keys, issueKey{Code: iss["code"].(string), Argument: arg})
		if iss["path"] != "" || iss["severity"] != "error" {
			if validate.Code(iss["code"].(string)) == codeBadRequest || validate.Code(iss["code"].(string)) == codeUnknownFormat {
				t.Errorf("bridge issue %v: want path \"\" and severity error", iss)
			}
		}
		if msg, _ := iss["message"].(string); msg == "" {
			t.Errorf("issue %v has no message", iss)
		}
	}
	return keys
}

const stancerDoc = `{"name":"David Coaster","email":"david@example.net"}`

// TestArguments: wrong argument types and values give issues, never a
// panic or a bare error.
func TestArguments(t *testing.T) {
	undef := value{kind: kindUndefined}
	null := value{kind: kindNull}
	num := value{kind: kindNumber}
	fn := value{kind: kindFunction}
	big := value{kind: kindOther}
	cyclic := value{kind: kindObject} // JSON.stringify threw
	bad := func(arg string) issueKey { return issueKey{string(codeBadRequest), arg} }
	tests := []struct {
		name string
		op   string
		args []value
		want []issueKey
	}{
		{"validate without arguments", "validate", nil, []issueKey{bad("format"), bad("doc")}},
		{"validate format number", "validate", []value{num, objectValue(stancerDoc)}, []issueKey{bad("format")}},
		{"validate unknown format", "validate", []value{stringValue("paypal"), objectValue(stancerDoc)}, []issueKey{{string(codeUnknownFormat), ""}}},
		{"validate doc undefined", "validate", []value{stringValue("stancer"), undef}, []issueKey{bad("doc")}},
		{"validate doc null", "validate", []value{stringValue("stancer"), null}, []issueKey{bad("doc")}},
		{"validate doc number", "validate", []value{stringValue("stancer"), num}, []issueKey{bad("doc")}},
		{"validate doc function", "validate", []value{stringValue("stancer"), fn}, []issueKey{bad("doc")}},
		{"validate doc bigint", "validate", []value{stringValue("stancer"), big}, []issueKey{bad("doc")}},
		{"validate doc cyclic", "validate", []value{stringValue("stancer"), cyclic}, []issueKey{bad("doc")}},
		{"validate malformed JSON text", "validate", []value{stringValue("stancer"), stringValue(`{"name":`)}, []issueKey{{"invalid_json", ""}}},
		{"validate malformed JSON bytes", "validate", []value{stringValue("stancer"), {kind: kindBytes, data: []byte("{")}}, []issueKey{{"invalid_json", ""}}},
		{"validate options string", "validate", []value{stringValue("stancer"), objectValue(stancerDoc), stringValue("de")}, []issueKey{bad("options")}},
		{"validate options array", "validate", []value{stringValue("stancer"), objectValue(stancerDoc), objectValue(`["de"]`)}, []issueKey{bad("options")}},
		{"validate options.lang number", "validate", []value{stringValue("stancer"), objectValue(stancerDoc), objectValue(`{"lang":1}`)}, []issueKey{bad("options.lang")}},
		{"validate options.strict string", "validate", []value{stringValue("stancer"), objectValue(stancerDoc), objectValue(`{"strict":"yes"}`)}, []issueKey{bad("options.strict")}},
		{"validate options.region unknown", "validate", []value{stringValue("stancer"), objectValue(stancerDoc), objectValue(`{"region":"Atlantis"}`)}, []issueKey{bad("options.region")}},
		{"validate options typo", "validate", []value{stringValue("stancer"), objectValue(stancerDoc), objectValue(`{"regoin":"DE","zz":1}`)}, []issueKey{bad("options.regoin"), bad("options.zz")}},
		{"convert everything wrong", "convert", []value{num, stringValue("nope"), undef, num}, []issueKey{bad("options"), bad("from"), {string(codeUnknownFormat), ""}, bad("doc")}},
		{"convert both unknown", "convert", []value{stringValue("a"), stringValue("b"), objectValue(stancerDoc)}, []issueKey{{string(codeUnknownFormat), ""}, {string(codeUnknownFormat), ""}}},
		{"convert malformed JSON", "convert", []value{stringValue("stancer"), stringValue("canonical"), stringValue("[1,")}, []issueKey{{"invalid_json", ""}}},
		{"normalizePhone without text", "normalizePhone", nil, []issueKey{bad("text")}},
		{"normalizePhone number text", "normalizePhone", []value{num, stringValue("DE")}, []issueKey{bad("text")}},
		{"normalizePhone region number", "normalizePhone", []value{stringValue("030 1234567"), num}, []issueKey{bad("region")}},
		{"normalizePhone strict not allowed", "normalizePhone", []value{stringValue("030 1234567"), stringValue("DE"), objectValue(`{"strict":true}`)}, []issueKey{bad("options.strict")}},
		{"normalizeCountry symbol", "normalizeCountry", []value{{kind: kindSymbol}}, []issueKey{bad("text")}},
		{"normalizeCountry options number", "normalizeCountry", []value{stringValue("DE"), num}, []issueKey{bad("options")}},
		{"normalizeNationality number", "normalizeNationality", []value{num}, []issueKey{bad("text")}},
		{"unknown op", "drop", nil, []issueKey{bad("op")}},
		{"panic op without hooks", opPanic, nil, []issueKey{bad("op")}},
	}
	b := newBridge(false)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := b.handle(tc.op, tc.args...)
			if diff := cmp.Diff(tc.want, issueKeys(t, res)); diff != "" {
				t.Errorf("handle(%q) issues mismatch (-want +got):\n%s", tc.op, diff)
			}
			m := asJSON(t, res).(map[string]any)
			okKey := "ok"
			if tc.op == "validate" {
				okKey = "valid"
			}
			if m[okKey] != false {
				t.Errorf("handle(%q) %s = %v, want false", tc.op, okKey, m[okKey])
			}
		})
	}
}

// TestShapes pins the keys of each result: the same JSON shapes as the Go
// library and the CLI.
func TestShapes(t *testing.T) {
	b := newBridge(false)
	keys := func(v any) string {
		m, ok := asJSON(t, v).(map[string]any)
		if !ok {
			return fmt.Sprintf("%T", asJSON(t, v))
		}
		var ks []string
		for k := range m {
			ks = append(ks, k)
		}
		slices.Sort(ks)
		return strings.Join(ks, ",")
	}
	tests := []struct {
		name string
		got  any
		want string
	}{
		{"formats", b.handle("formats"), "[]interface {}"},
		{"validate ok", b.handle("validate", stringValue("stancer"), objectValue(stancerDoc)), "issues,valid"},
		{"validate bad", b.handle("validate", stringValue("nope"), objectValue(stancerDoc)), "issues,valid"},
		{"convert ok", b.handle("convert", stringValue("stancer"), stringValue("canonical"), objectValue(stancerDoc)), "changes,issues,ok,output"},
		{"convert unreadable", b.handle("convert", stringValue("stancer"), stringValue("canonical"), stringValue("{")), "changes,issues,ok"},
		{"convert bad", b.handle("convert", stringValue("nope"), stringValue("canonical"), objectValue(stancerDoc)), "changes,issues,ok"},
		{"phone ok", b.handle("normalizePhone", stringValue("030 12345678"), stringValue("DE")), "e164,issues,ok,region,type"},
		{"phone bad", b.handle("normalizePhone", stringValue("call me"), stringValue("DE")), "issues,ok"},
		{"country ok", b.handle("normalizeCountry", stringValue("Deutschland")), "code,issues,ok"},
		{"country bad", b.handle("normalizeCountry", stringValue("Atlantis")), "issues,ok"},
		{"nationality ok", b.handle("normalizeNationality", stringValue("german")), "code,issues,ok"},
		{"nationality bad", b.handle("normalizeNationality", stringValue("martian")), "issues,ok"},
	}
	for _, tc := range tests {
		if got := keys(tc.got); got != tc.want {
			t.Errorf("%s: keys %s, want %s", tc.name, got, tc.want)
		}
	}
	res := asJSON(t, b.handle("convert", stringValue("stancer"), stringValue("canonical"), objectValue(stancerDoc))).(map[string]any)
	if _, ok := res["output"].(map[string]any); !ok {
		t.Errorf("convert output is %T, want a JSON object", res["output"])
	}
	if got := asJSON(t, b.handle("formats")); !reflect.DeepEqual(got, asJSON(t, convert.Builtin().Names())) {
		t.Errorf("formats() = %v, want Registry.Names()", got)
	}
}

// TestPanicRecovered: a panic inside an operation becomes an internal
// issue, and the next call works.
func TestPanicRecovered(t *testing.T) {
	b := newBridge(true)
	if got := b.ops(); got[len(got)-1] != opPanic {
		t.Fatalf("ops() = %v, want %s last with hooks", got, opPanic)
	}
	for range 3 {
		res := asJSON(t, b.handle(opPanic)).(map[string]any)
		issues := res["issues"].([]any)
		iss := issues[0].(map[string]any)
		if res["ok"] != false || len(issues) != 1 || iss["code"] != string(codeInternal) || iss["params"].(map[string]any)["op"] != opPanic {
			t.Fatalf("handle(%q) = %v, want one internal issue", opPanic, res)
		}
		ok := asJSON(t, b.handle("validate", stringValue("stancer"), objectValue(stancerDoc))).(map[string]any)
		if ok["valid"] != true {
			t.Fatalf("validate after a panic = %v, want valid", ok)
		}
	}
	var out map[string]any
	if err := json.Unmarshal(b.call(opPanic, nil), &out); err != nil || out["ok"] != false {
		t.Errorf("call(%q) = %v, %v; want a JSON failure", opPanic, out, err)
	}
	for _, op := range opNames() {
		var v any
		if err := json.Unmarshal(b.internalJSON(op), &v); err != nil {
			t.Errorf("internalJSON(%q) is not JSON: %v", op, err)
		}
	}
	if got := newBridge(false).ops(); len(got) != len(opNames()) {
		t.Errorf("ops() without hooks = %v", got)
	}
}

// TestOptions: lang localizes both the library's and the bridge's
// messages; region accepts a name, as the CLI's --region does; strict
// makes warnings errors.
func TestOptions(t *testing.T) {
	b := newBridge(false)
	msg := func(res any) string {
		m := asJSON(t, res).(map[string]any)
		return m["issues"].([]any)[0].(map[string]any)["message"].(string)
	}
	bob := objectValue(`{"name":"Bob","email":"bob@example.com"}`)
	en := msg(b.handle("validate", stringValue("stancer"), bob))
	de := msg(b.handle("validate", stringValue("stancer"), bob, objectValue(`{"lang":"de"}`)))
	fr := msg(b.handle("validate", stringValue("stancer"), bob, objectValue(`{"lang":"fr-CH"}`)))
	xx := msg(b.handle("validate", stringValue("stancer"), bob, objectValue(`{"lang":"xx"}`)))
	if en == de || en == fr || de == fr || xx != en {
		t.Errorf("messages en %q, de %q, fr %q, xx %q: want three languages, English fallback", en, de, fr, xx)
	}
	for _, lang := range []string{"en", "de", "fr"} {
		m := msg(b.handle("validate", stringValue("nope"), bob, objectValue(`{"lang":"`+lang+`"}`)))
		if !strings.Contains(m, `"nope"`) || strings.Contains(m, "Bob") {
			t.Errorf("unknown_format message in %s = %q", lang, m)
		}
	}
	deBad := msg(b.handle("validate", num(), bob, objectValue(`{"lang":"de"}`)))
	if !strings.HasPrefix(deBad, "ungültiges Argument format") {
		t.Errorf("bad_request message in de = %q", deBad)
	}

	// Region by name: a national number becomes valid.
	doc := objectValue(`{"name":"David Coaster","mobile":"0177 5555555"}`)
	noRegion := asJSON(t, b.handle("convert", stringValue("stancer"), stringValue("canonical"), doc)).(map[string]any)
	byName := asJSON(t, b.handle("convert", stringValue("stancer"), stringValue("canonical"), doc, objectValue(`{"region":"Germany"}`))).(map[string]any)
	byCode := asJSON(t, b.handle("convert", stringValue("stancer"), stringValue("canonical"), doc, objectValue(`{"region":"DE"}`))).(map[string]any)
	if noRegion["ok"] != false || byName["ok"] != true {
		t.Errorf("region: without %v, with Germany %v; want false, true", noRegion["issues"], byName["issues"])
	}
	if diff := cmp.Diff(byCode, byName); diff != "" {
		t.Errorf("region Germany differs from DE:\n%s", diff)
	}

	// Strict: a warning becomes an error.
	warn := objectValue(`{"name":"David Coaster","mobile":"+49 30 12345678"}`)
	lax := asJSON(t, b.handle("validate", stringValue("stancer"), warn)).(map[string]any)
	strict := asJSON(t, b.handle("validate", stringValue("stancer"), warn, objectValue(`{"strict":true}`))).(map[string]any)
	if lax["valid"] != true || strict["valid"] != false {
		t.Errorf("strict: lax %v, strict %v; want true, false", lax, strict)
	}
	if b.handle("validate", stringValue("stancer"), warn, null()) == nil {
		t.Error("null options")
	}
}

func num() value { return value{kind: kindNumber} }

func null() value { return value{kind: kindNull} }

// TestDocumentForms: an object, a JSON string and bytes give the same
// result.
func TestDocumentForms(t *testing.T) {
	b := newBridge(false)
	doc := `{"name":"Bob","email":"bob@example.com","mobile":"+33 6 84 85 86 87"}`
	want := asJSON(t, b.handle("convert", stringValue("stancer"), stringValue("riverty"), objectValue(doc)))
	for _, v := range []value{stringValue(doc), {kind: kindBytes, data: []byte(doc)}, stringValue("\n " + doc + "\n")} {
		got := asJSON(t, b.handle("convert", stringValue("stancer"), stringValue("riverty"), v))
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("doc as %v differs (-object +this):\n%s", v.kind, diff)
		}
	}
}

// TestConcurrent: calls from many goroutines (the host's stand-in for
// several callers) give the sequential results.
func TestConcurrent(t *testing.T) {
	b := newBridge(false)
	cases := loadConformance(t)
	want := make([]any, len(cases))
	for i, tc := range cases {
		want[i] = asJSON(t, viaBridge(b, tc))
	}
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for i := range cases {
				k := (i + w) % len(cases)
				if diff := cmp.Diff(want[k], asJSON(t, viaBridge(b, cases[k]))); diff != "" {
					t.Errorf("%s: concurrent result differs:\n%s", cases[k].Name, diff)
				}
			}
		})
	}
	wg.Wait()
}

func TestKindString(t *testing.T) {
	for k := kindUndefined; k <= kindOther; k++ {
		if k.String() == "" {
			t.Errorf("kind %d has no name", k)
		}
	}
}

func TestOpParam(t *testing.T) {
	long := strings.Repeat("ä", 40) // 80 bytes
	got := opParam(long)
	if len(got) > maxFormatParam+len("…") || !strings.HasSuffix(got, "…") || !strings.HasPrefix(long, strings.TrimSuffix(got, "…")) {
		t.Errorf("opParam(80 bytes) = %q", got)
	}
	if opParam("stancer") != "stancer" {
		t.Error("opParam changed a short name")
	}
}

// benchDoc is the record of wasm/js/test/bench-page.mjs.
const benchDoc = `{"contact":{"salutation":"Mrs.","forename":"Erika","surname":"Mustermann","email":"erika.mustermann@example.com","phone":"030 12345678","mobile":"0151 23456789","dob":"1964-08-12","address":{"street":"Heidestraße 17","postal_code":"51147","city":"Köln","country":"DE"}}}`

// BenchmarkValidate is one validate call of the bench page's record as the
// page makes it: a request in the module's memory, answered into the
// result buffer kept from the call before (export_js.go).
func BenchmarkValidate(b *testing.B) {
	br := newBridge(false)
	req := encodeRequest(slices.Index(br.ops(), "validate"), []value{stringValue("secuconnect"), objectValue(benchDoc)})
	var out []byte
	for b.Loop() {
		out = br.callRequest(out[:0], req)
	}
	if !bytes.Contains(out, []byte(`"valid":true`)) {
		b.Fatalf("the bench record is not valid: %s", out)
	}
}

// TestContainerDocument: a secuconnect list through validate and convert
// gives {valid|ok, issues, records}, one single-record result per record
// with pointers into the list, as the package doc says.
func TestContainerDocument(t *testing.T) {
	b := newBridge(false)
	list := objectValue(`{"count":2,"data":[{"contact":{"forename":"Jane","surname":"Roe","email":"jane.example.com"}},{"contact":{"forename":"Max","surname":"Muster","email":"max@example.com"}}]}`)
	var v struct {
		Valid   bool
		Issues  []validate.Issue
		Records []struct {
			Valid  bool
			Issues []validate.Issue
		}
	}
	if err := json.Unmarshal(b.call("validate", []value{stringValue("secuconnect"), list}), &v); err != nil {
		t.Fatal(err)
	}
	if v.Valid || len(v.Records) != 2 || v.Records[0].Valid || !v.Records[1].Valid || !slices.ContainsFunc(v.Records[0].Issues, func(i validate.Issue) bool { return i.Path == "/data/0/contact/email" }) {
		t.Errorf("validate of a list: %+v", v)
	}
	var c convert.Result
	if err := json.Unmarshal(b.call("convert", []value{stringValue("secuconnect"), stringValue("stancer"), list}), &c); err != nil {
		t.Fatal(err)
	}
	if c.OK || len(c.Records) != 2 || c.Records[1].Output == nil || c.Output != nil {
		t.Errorf("convert of a list: ok %v, %d records", c.OK, len(c.Records))
	}
}

// TestTooLarge checks that an argument the page refused unread
// (kindTooLarge) gives what the library gives for a document over the
// limit, and an issue for any other argument.
func TestTooLarge(t *testing.T) {
	b := newBridge(false)
	big := stringValue(`{"name":"` + strings.Repeat("x", maxArgBytes) + `"}`)
	refused := value{kind: kindTooLarge}
	for _, lang := range []string{"en", "de"} {
		opts := objectValue(`{"lang":"` + lang + `"}`)
		for _, op := range [][]value{
			{stringValue("stancer"), big, opts},
			{stringValue("secuconnect"), big, opts},
		} {
			want := asJSON(t, b.handle("validate", op...))
			got := asJSON(t, b.handle("validate", op[0], refused, opts))
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("validate %s (%s): refused document differs from the library's (-want +got):\n%s", op[0].str, lang, diff)
			}
			want = asJSON(t, b.handle("convert", op[0], stringValue("canonical"), big, opts))
			got = asJSON(t, b.handle("convert", op[0], stringValue("canonical"), refused, opts))
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("convert %s (%s): refused document differs from the library's (-want +got):\n%s", op[0].str, lang, diff)
			}
		}
	}
	// The other arguments come first, as for any document.
	if got := issueKeys(t, b.handle("validate", stringValue("nope"), refused)); !slices.Equal(got, []issueKey{{Code: "unknown_format"}}) {
		t.Errorf("unknown format and a refused document: %v", got)
	}
	tests := []struct {
		op   string
		args []value
		want []issueKey
	}{
		{"normalizePhone", []value{refused, stringValue("DE")}, []issueKey{{Code: "too_large"}}},
		{"normalizePhone", []value{stringValue("030 1234567"), refused}, []issueKey{{Code: "bad_request", Argument: "region"}}},
		{"normalizeCountry", []value{refused}, []issueKey{{Code: "too_large"}}},
		{"normalizeNationality", []value{refused}, []issueKey{{Code: "too_large"}}},
		{"validate", []value{refused, objectValue(`{}`)}, []issueKey{{Code: "bad_request", Argument: "format"}}},
		{"validate", []value{stringValue("stancer"), objectValue(`{}`), refused}, []issueKey{{Code: "bad_request", Argument: "options"}}},
	}
	for _, tt := range tests {
		if got := issueKeys(t, b.handle(tt.op, tt.args...)); !slices.Equal(got, tt.want) {
			t.Errorf("%s(%v) issues %v, want %v", tt.op, tt.args, got, tt.want)
		}
	}
}

// TestTextEncoding checks that a text argument that is not UTF-8 (a lone
// surrogate, as custnorm.mjs sends it) is invalid_encoding, in the
// caller's language.
func TestTextEncoding(t *testing.T) {
	b := newBridge(false)
	lone := stringValue("+49 30 12345678\xed\xa0\x80") // U+D800 as WTF-8
	for _, op := range []string{"normalizePhone", "normalizeCountry", "normalizeNationality"} {
		args := []value{lone, objectValue(`{"lang":"de"}`)}
		if op == "normalizePhone" {
			args = []value{lone, stringValue("DE"), objectValue(`{"lang":"de"}`)}
		}
		res := asJSON(t, b.handle(op, args...)).(map[string]any)
		if got := issueKeys(t, res); !slices.Equal(got, []issueKey{{Code: "invalid_encoding"}}) || res["ok"] != false {
			t.Errorf("%s with a lone surrogate: %v", op, res)
		}
		iss := res["issues"].([]any)[0].(map[string]any)
		if iss["path"] != "" || iss["severity"] != "error" || iss["message"] == "" {
			t.Errorf("%s: issue %v", op, iss)
		}
	}
}

// TestVersion checks what api.version is made of.
func TestVersion(t *testing.T) {
	v, rev, phone := versionInfo()
	if v != "(devel)" || rev != "" || phone != validate.PhoneMetadataVersion {
		t.Errorf("versionInfo() = %q, %q, %q, want (devel), \"\", the phone metadata", v, rev, phone)
	}
	version, revision = "1.2.3", "abc"
	defer func() { version, revision = "", "" }()
	if v, rev, _ := versionInfo(); v != "1.2.3" || rev != "abc" {
		t.Errorf("with -X: versionInfo() = %q, %q", v, rev)
	}
}
