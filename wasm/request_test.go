package main

import (
	"bytes"
	"encoding/json"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/custnorm/custnorm/validate"
)

func TestDecodeRequest(t *testing.T) {
	ops := newBridge(true).ops()
	args := []value{
		{kind: kindUndefined}, {kind: kindNull}, {kind: kindBoolean}, {kind: kindNumber},
		{kind: kindString, str: "030 12345678"}, {kind: kindString, str: ""},
		{kind: kindObject, data: []byte(`{"name":"Bob"}`)}, {kind: kindObject},
		{kind: kindBytes, data: []byte("{}")}, {kind: kindBytes, data: []byte{}},
		{kind: kindFunction}, {kind: kindSymbol}, {kind: kindOther},
	}
	req := encodeRequestAt(slices.Index(ops, "validate"), 1.7e12, args)
	op, clock, got, ok := decodeRequest(ops, req, nil)
	if !ok || op != "validate" || clock != 1.7e12 || len(got) != len(args) {
		t.Fatalf("decodeRequest(encodeRequest) = %q, clock %v, %d args, %v", op, clock, len(got), ok)
	}
	for i := range args {
		if got[i].kind != args[i].kind || got[i].str != args[i].str || !bytes.Equal(got[i].data, args[i].data) ||
			(got[i].data == nil) != (args[i].data == nil) {
			t.Errorf("argument %d: got %+v, want %+v", i, got[i], args[i])
		}
	}
	// head is a request's op, n and a zero clock, followed by rest.
	head := func(op, n byte, rest ...byte) []byte {
		return append([]byte{op, n, 0, 0, 0, 0, 0, 0, 0, 0}, rest...)
	}
	malformed := map[string][]byte{
		"empty":           {},
		"op only":         {0},
		"short clock":     {1, 0, 0, 0, 0, 0, 0, 0, 0},
		"unknown op":      head(byte(len(ops)), 0),
		"missing arg":     head(1, 1),
		"unknown kind":    head(1, 1, 42),
		"short length":    head(1, 1, byte(kindString), 1, 0),
		"long length":     head(1, 1, byte(kindString), 9, 0, 0, 0, 'a'),
		"trailing bytes":  head(1, 0, 0),
		"string no data":  head(1, 1, byte(kindString), 0xff, 0xff, 0xff, 0xff),
		"bytes no data":   head(1, 1, byte(kindBytes), 0xff, 0xff, 0xff, 0xff),
		"huge length":     head(1, 1, byte(kindObject), 0xfe, 0xff, 0xff, 0xff),
		"too few args":    head(1, 2, encodeRequest(1, []value{{kind: kindNull}})[requestHeader:]...),
		"too many args":   head(1, 0, encodeRequest(1, []value{{kind: kindNull}})[requestHeader:]...),
		"truncated a str": encodeRequest(1, []value{{kind: kindString, str: "abc"}})[:requestHeader+6],
	}
	for name, req := range malformed {
		if _, _, _, ok := decodeRequest(ops, req, nil); ok {
			t.Errorf("%s: decodeRequest(%v) ok, want malformed", name, req)
		}
	}
}

// TestCallRequest checks that a direct call gives the namespace's answer,
// and an internal issue for a malformed request or a panic.
func TestCallRequest(t *testing.T) {
	b := newBridge(true)
	ops := b.ops()
	doc := value{kind: kindObject, data: []byte(`{"name":"David Coaster","email":"david@example.net"}`)}
	calls := []struct {
		op   string
		args []value
	}{
		{"formats", nil},
		{"validate", []value{{kind: kindString, str: "stancer"}, doc}},
		{"validate", []value{{kind: kindString, str: "stancer"}, {kind: kindObject}}},
		{"convert", []value{{kind: kindString, str: "stancer"}, {kind: kindString, str: "secuconnect"}, doc, {kind: kindObject, data: []byte(`{"lang":"de"}`)}}},
		{"normalizePhone", []value{{kind: kindString, str: "030 12345678"}, {kind: kindString, str: "DE"}}},
		{"normalizePhone", []value{{kind: kindString, str: "+37258774XXX"}, {kind: kindUndefined}, {kind: kindObject, data: []byte(`{"lang":"fr"}`)}}},
		{"normalizePhone", []value{{kind: kindOther}}},
		{"normalizeCountry", []value{{kind: kindString, str: "Allemagne"}}},
		{"normalizePhone", []value{{kind: kindString, str: "+37258774XXX"}, {kind: kindNull}, {kind: kindObject, data: []byte(`{"lang":"de-AT"}`)}}},
		{"normalizePhone", []value{{kind: kindString, str: "+37258774XXX"}, {kind: kindNull}, {kind: kindObject, data: []byte(`{"lang":"x\\"}`)}}},
		{"normalizePhone", []value{{kind: kindString, str: "+37258774XXX"}, {kind: kindNull}, {kind: kindObject, data: []byte(`{"lang":""}`)}}},
		{"validate", []value{{kind: kindString, str: "stancer"}, {kind: kindObject, data: []byte(`{"name":"Bob"}`)}, {kind: kindObject, data: []byte(`{"lang":"fr"}`)}}},
	}
	for _, c := range calls {
		want := b.call(c.op, c.args)
		got := b.callRequest([]byte("{}"), encodeRequest(slices.Index(ops, c.op), c.args))
		if !bytes.HasPrefix(got, []byte("{}")) {
			t.Fatalf("%s: direct call did not append: %q", c.op, got)
		}
		if text := resultText(t, got[2:]); text != string(want) {
			t.Errorf("%s: direct call gave %s, namespace %s", c.op, text, want)
		}
	}
	for _, req := range [][]byte{{}, encodeRequest(slices.Index(ops, opPanic), nil)} {
		var res struct {
			Issues validate.Issues `json:"issues"`
		}
		if err := json.Unmarshal(b.callRequest(nil, req), &res); err != nil || len(res.Issues) != 1 || res.Issues[0].Code != codeInternal {
			t.Errorf("callRequest(%v) = %+v, %v; want an internal issue", req, res, err)
		}
	}
}

// TestRequestClock: a birth date is checked against the clock the request
// carries, and against the module's own clock when it carries none (or
// one that is not a time) and in calls that are not requests.
func TestRequestClock(t *testing.T) {
	b := newBridge(false)
	ops := b.ops()
	doc := value{kind: kindObject, data: []byte(`{"contact":{"forename":"Bob","surname":"Roe","email":"bob@example.com","dob":"2010-01-01"}}`)}
	args := []value{stringValue("secuconnect"), doc}
	y2000 := float64(time.Date(2000, 1, 1, 12, 0, 0, 0, time.UTC).UnixMilli())
	inFuture := func(out []byte) bool { return bytes.Contains(out, []byte(`"code":"date_in_future"`)) }
	for _, c := range []struct {
		name   string
		clock  float64
		future bool
	}{
		{"the page's clock, 2000", y2000, true},
		{"no clock", 0, false},
		{"a negative clock", -y2000, false},
		{"not a number", math.NaN(), false},
		{"infinite", math.Inf(1), false},
	} {
		out := b.callRequest(nil, encodeRequestAt(slices.Index(ops, "validate"), c.clock, args))
		if inFuture(out) != c.future {
			t.Errorf("%s: date_in_future %v, want %v: %s", c.name, inFuture(out), c.future, out)
		}
		if b.clockMs.Load() != 0 {
			t.Errorf("%s: the request's clock outlived it", c.name)
		}
	}
	if out := b.call("validate", args); inFuture(out) {
		t.Errorf("a call that is not a request used a request's clock: %s", out)
	}
}

// TestAppendPhoneCompact checks the phone fast path, read as custnorm.mjs
// reads it, against json.Marshal.
func TestAppendPhoneCompact(t *testing.T) {
	inputs := []struct{ text, region string }{
		{"030 12345678", "DE"}, {"+1 650 253 0000 ext. 12", ""}, {"+800 1234 5678", ""}, {"871.790.7578 x4882", "US"},
		{"+49\u200b 30 12345678", ""}, {"+37258774XXX", ""}, {"", ""}, {"+49 151 23456789", "DE"},
	}
	written := 0
	for _, in := range inputs {
		res := validate.NormalizePhone(in.text, in.region)
		want, err := json.Marshal(res)
		if err != nil {
			t.Fatal(err)
		}
		got, ok := appendPhoneCompact(nil, res)
		if !ok {
			if len(res.Issues) == 0 {
				t.Errorf("appendPhoneCompact(%+v) declined a result without issues", res)
			}
			continue
		}
		written++
		if text := resultText(t, got); text != string(want) {
			t.Errorf("appendPhoneCompact(%+v) reads as %s, json.Marshal %s", res, text, want)
		}
	}
	for _, p := range []validate.PhoneResult{
		{OK: true, E164: "+1\"", Issues: validate.Issues{}},
		{OK: true, Region: "<b>", Issues: validate.Issues{}},
		{OK: true, E164: "+4930123456", Issues: nil},
		{OK: true, E164: "+4930123456;ext=" + strings.Repeat("1", 250), Issues: validate.Issues{}},
	} {
		if got, ok := appendPhoneCompact(nil, p); ok {
			t.Errorf("appendPhoneCompact(%+v) = %q, want it declined", p, got)
		}
	}
	if written < 4 {
		t.Errorf("only %d results written by the fast path", written)
	}
}

// TestOnlyLang checks the options fast path against the general one: the
// same options, language and issues for every options text (a leading
// space keeps a text off the fast path; JSON allows it).
func TestOnlyLang(t *testing.T) {
	texts := []string{`{"lang":"de"}`, `{"lang":"de-AT"}`, `{"lang":"zz"}`, `{"lang":""}`, `{"lang":"d\u0065"}`,
		`{"lang":"de","region":"DE"}`, `{"lang" :"de"}`, `{"lang":"de"} `, `{"lang":"é"}`, `{"lang":"x\"y"}`, `{"lang":1}`}
	b := newBridge(false)
	for _, text := range texts {
		langFast, langSlow := "en", "en"
		fast, badFast := b.options(&langFast, value{kind: kindObject, data: []byte(text)}, "options", "lang")
		slow, badSlow := b.options(&langSlow, value{kind: kindObject, data: []byte(" " + text)}, "options", "lang")
		bf, _ := json.Marshal(badFast)
		bs, _ := json.Marshal(badSlow)
		if fast.Lang != slow.Lang || fast.Region != slow.Region || fast.Strict != slow.Strict || langFast != langSlow || !bytes.Equal(bf, bs) {
			t.Errorf("options(%s): fast %q %q %s, general %q %q %s", text, fast.Lang, langFast, bf, slow.Lang, langSlow, bs)
		}
	}
}

func FuzzDecodeRequest(f *testing.F) {
	f.Add(encodeRequest(3, []value{{kind: kindString, str: "030 12345678"}, {kind: kindString, str: "DE"}}))
	f.Add(encodeRequest(1, []value{{kind: kindString, str: "stancer"}, {kind: kindObject}}))
	f.Add([]byte{1, 1, 0, 0, 0, 0, 0, 0, 0, 0, byte(kindBytes), 2, 0, 0, 0, '{', '}'})
	f.Add(encodeRequestAt(1, 1.7e12, []value{{kind: kindString, str: "stancer"}, {kind: kindObject}}))
	ops := newBridge(true).ops()
	f.Fuzz(func(t *testing.T, req []byte) {
		op, clock, args, ok := decodeRequest(ops, req, nil)
		if !ok {
			return
		}
		if again := encodeRequestAt(slices.Index(ops, op), clock, args); !bytes.Equal(again, req) {
			t.Errorf("decodeRequest(%v) then encodeRequest = %v", req, again)
		}
	})
}

// resultText is the JSON text of a direct call's result: the result
// itself, or the text of a compact phone result (as custnorm.mjs reads
// it).
func resultText(t *testing.T, res []byte) string {
	t.Helper()
	if len(res) == 0 || res[0] != 0 {
		return string(res)
	}
	if len(res) < 2 || res[1]&^3 != 0 {
		t.Fatalf("compact phone result %q: bad flags", res)
	}
	p := validate.PhoneResult{OK: res[1]&1 != 0, FormatCharsRemoved: res[1]&2 != 0, Issues: validate.Issues{}}
	rest := res[2:]
	for _, dst := range []*string{&p.E164, (*string)(&p.Type), &p.Region} {
		if len(rest) < 1 || len(rest) < 1+int(rest[0]) {
			t.Fatalf("compact phone result %q: short", res)
		}
		*dst, rest = string(rest[1:1+int(rest[0])]), rest[1+int(rest[0]):]
	}
	if len(rest) != 0 {
		t.Fatalf("compact phone result %q: %d bytes left", res, len(rest))
	}
	text, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(text)
}

// TestPhoneCompact: the direct path's normalizePhone results, compact or
// JSON, read as the namespace's JSON for numbers of every kind (format
// characters, extensions, types, rejections, no region).
func TestPhoneCompact(t *testing.T) {
	b := newBridge(false)
	op := slices.Index(b.ops(), "normalizePhone")
	compact := 0
	for _, c := range []struct{ text, region string }{
		{"030 12345678", "DE"}, {"+49 30 12345678", ""}, {"+1 650 253 0000 ext. 1234", ""}, {"0151 23456789", "DE"},
		{"+800 1234 5678", ""}, {"+49\u200b30 12345678", ""}, {"\ufeff+33 1 23 45 67 89", "FR"}, {"+44 20 7946 0958", "GB"},
		{"+1 800 FLOWERS", ""}, {"12", "DE"}, {"", "DE"}, {"+31 0 01234567", ""}, {"0153436789", "JE"}, {"+7 495 123-45-67", ""},
	} {
		args := []value{stringValue(c.text), stringValue(c.region)}
		got := b.callRequest(nil, encodeRequest(op, args))
		if len(got) > 0 && got[0] == 0 {
			compact++
		}
		if text, want := resultText(t, got), string(b.call("normalizePhone", args)); text != want {
			t.Errorf("normalizePhone(%q, %q): direct %s, namespace %s", c.text, c.region, text, want)
		}
	}
	if compact < 5 {
		t.Errorf("only %d results were compact", compact)
	}
}
