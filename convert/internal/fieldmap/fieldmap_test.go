package fieldmap_test

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/custnorm/custnorm/convert/internal/fieldmap"
	"github.com/custnorm/custnorm/model"
	"github.com/custnorm/custnorm/validate"
)

type pathCode struct {
	Path validate.Pointer
	Code validate.Code
}

func pathCodes(s validate.Issues) []pathCode {
	var out []pathCode
	for _, i := range s {
		out = append(out, pathCode{i.Path, i.Code})
	}
	return out
}

func TestParse(t *testing.T) {
	deep := strings.Repeat(`{"a":`, fieldmap.MaxDepth+1) + "1" + strings.Repeat("}", fieldmap.MaxDepth+1)
	tests := []struct {
		name string
		in   string
		ok   bool
		want []pathCode
	}{
		{"object", `{"a":1}`, true, nil},
		{"not JSON", `{"a":`, false, []pathCode{{"", validate.CodeInvalidJSON}}},
		{"trailing data", `{} {}`, false, []pathCode{{"", validate.CodeInvalidJSON}}},
		{"array", `[1]`, false, []pathCode{{"", validate.CodeWrongType}}},
		{"null", `null`, false, []pathCode{{"", validate.CodeWrongType}}},
		{"too deep", deep, false, []pathCode{{"", validate.CodeTooDeep}}},
		{"deepest accepted", strings.Repeat(`{"a":`, fieldmap.MaxDepth) + "1" + strings.Repeat("}", fieldmap.MaxDepth), true, nil},
		// encoding/json's own limit is 10,000: deeper than that is still
		// too_deep, found at level 33 without reading on.
		{"deeper than encoding/json reads", strings.Repeat("[", 100000) + strings.Repeat("]", 100000), false, []pathCode{{"", validate.CodeTooDeep}}},
		{"too deep and unterminated", strings.Repeat("[", 50), false, []pathCode{{"", validate.CodeTooDeep}}},
		{"invalid UTF-8", "{\"a\":{\"b\":[\"x\",\"exa\xffmple\"]}}", false, []pathCode{{"/a/b/1", validate.CodeInvalidEncoding}}},
		{"lone high surrogate", `{"name":"Dav\ud800id"}`, false, []pathCode{{"/name", validate.CodeInvalidEncoding}}},
		{"lone low surrogate", `{"name":"\uDC00"}`, false, []pathCode{{"/name", validate.CodeInvalidEncoding}}},
		{"high surrogate before a non-surrogate", `{"name":"\ud83d\u0041"}`, false, []pathCode{{"/name", validate.CodeInvalidEncoding}}},
		{"high surrogate at the end", `{"name":"x\ud83d"}`, false, []pathCode{{"/name", validate.CodeInvalidEncoding}}},
		{"surrogate pair", `{"name":"\ud83d\ude00","b":"\u00fc\uD7FF\uE000"}`, true, nil},
		{"badly encoded member name", "{\"a\xff/b\":1,\"c\":\"\\udfff\"}", false, []pathCode{{"/a\ufffd~1b", validate.CodeInvalidEncoding}, {"/c", validate.CodeInvalidEncoding}}},
		{"number out of range", `{"x":{"n":1e999,"m":-1E+400,"ok":1e-999,"big":1e308}}`, false, []pathCode{{"/x/n", validate.CodeInvalidFormat}, {"/x/m", validate.CodeInvalidFormat}}},
		{"long number out of range", `{"n":` + strings.Repeat("9", 400) + `}`, false, []pathCode{{"/n", validate.CodeInvalidFormat}}},
		{"long number in range", `{"n":` + strings.Repeat("9", 300) + `.5}`, true, nil},
		{"too large", `{"a":"` + strings.Repeat("x", fieldmap.MaxDocumentBytes) + `"}`, false, []pathCode{{"", validate.CodeTooLarge}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var r fieldmap.Reader
			ok := r.Parse([]byte(tc.in))
			if ok != tc.ok {
				t.Errorf("Parse ok = %v, want %v", ok, tc.ok)
			}
			if diff := cmp.Diff(tc.want, pathCodes(r.Report.Issues)); diff != "" {
				t.Errorf("Parse issues mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestReaderResidue(t *testing.T) {
	doc := `{"contact":{"forename":"Max","surname":7,"picture":"DOC_1","extra":{"x":1},"address":{"city":"Berlin"}},"object":"payment.customers","id":null,"odd":true}`
	var r fieldmap.Reader
	ok := r.Parse([]byte(doc))
	if !ok {
		t.Fatal(r.Report.Issues)
	}
	r.Known = map[validate.Pointer]bool{
		"/contact": false, "/contact/forename": false, "/contact/surname": false, "/contact/picture": false,
		"/contact/address": false, "/contact/address/city": false, "/object": false, "/id": false,
	}
	var c model.Customer
	r.Text("/contact/forename", "/givenName", &c.GivenName)
	r.Text("/contact/surname", "/familyName", &c.FamilyName) // wrong type: reported, kept
	r.Text("/contact/address/city", "/address/city", &c.Address.City)
	r.Text("/contact/email", "/email", &c.Email) // absent: origin still recorded
	res := r.Residue()

	var got map[string]any
	if err := json.Unmarshal(res, &got); err != nil {
		t.Fatalf("Residue() = %s: %v", res, err)
	}
	want := map[string]any{
		"contact": map[string]any{"surname": float64(7), "picture": "DOC_1", "extra": map[string]any{"x": float64(1)}},
		"object":  "payment.customers",
		"id":      nil,
		"odd":     true,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Residue() mismatch (-want +got):\n%s", diff)
	}
	wantIssues := []pathCode{
		{"/contact/surname", validate.CodeWrongType},
		{"/contact/extra", validate.CodeUnknownField},
		{"/odd", validate.CodeUnknownField},
	}
	if diff := cmp.Diff(wantIssues, pathCodes(r.Report.Issues)); diff != "" {
		t.Errorf("issues mismatch (-want +got):\n%s", diff)
	}
	if c.GivenName != "Max" || c.FamilyName != "" || c.Address.City != "Berlin" {
		t.Errorf("record = %+v, want forename and city read, surname not", c)
	}
	for canon, want := range map[validate.Pointer]validate.Pointer{
		"/givenName": "/contact/forename", "/email": "/contact/email", "/address/city": "/contact/address/city",
	} {
		if got := r.Origins.Of(canon); got != want {
			t.Errorf("Origins.Of(%s) = %q, want %q", canon, got, want)
		}
	}
}

// TestWriter writes a document with and without OmitChanges: the same
// document and issues, and the changes only without it.
func TestWriter(t *testing.T) {
	c := model.Customer{
		GivenName: "Max",
		FullName:  "Max Mustermann",
		Address:   model.Address{City: "Berlin", Country: "DE"},
		Provider:  map[string]json.RawMessage{"x": json.RawMessage(`{"contact":{"picture":"DOC_1","forename":"ignored"},"n":[1,2]}`), "other": json.RawMessage(`{"a":{"b":1}}`)},
	}
	type issue struct {
		Path, Target validate.Pointer
		Code         validate.Code
		Severity     validate.Severity
	}
	type change struct {
		Kind         validate.ChangeKind
		Path, Target validate.Pointer
		Rule         string
	}
	for _, mode := range []fieldmap.Mode{fieldmap.Full, fieldmap.OmitChanges, fieldmap.IssuesOnly} {
		t.Run(fmt.Sprintf("mode=%d", mode), func(t *testing.T) {
			w := fieldmap.NewWriter(mode)
			w.Text("/contact/forename", c.GivenName, "/givenName", fieldmap.Limit{Min: 4, Max: 64})
			w.Text("/contact/address/city", c.Address.City, "/address/city", fieldmap.Limit{Max: 3})
			w.Text("/contact/email", "", "/email", fieldmap.Limit{}) // empty: not written
			w.SetDate("/contact/dob", model.MustParseDate("1964-08-12"))
			w.Require("/contact/dob", "/birthDate", validate.SeverityError) // present
			w.Residue(c.Provider["x"], "/provider/x")
			w.Require("/contact/surname", "/familyName", validate.SeverityWarning)
			// Present: a member written, an object with a member written
			// below it, a member of the residue.
			w.Require("/contact/forename", "/givenName", validate.SeverityError)
			w.Require("/contact/address", "/address", validate.SeverityError)
			w.Require("/contact/picture", "/provider/x", validate.SeverityError)
			w.Require("/contact/for", "/givenName", validate.SeverityError) // a prefix of a member's name is not the member: required
			w.Change(validate.ChangeNormalized, "/givenName", "rule_a")
			w.ChangeTo(validate.ChangeJoined, "/address/city", "/contact/address/city", "rule_b")
			w.Dropped(c, "not_in_target")

			want := `{"contact":{"forename":"Max","address":{"city":"Berlin"},"dob":"1964-08-12","picture":"DOC_1"},"n":[1,2]}`
			if mode == fieldmap.IssuesOnly {
				want = "" // the issues alone
			}
			if got := string(w.Bytes()); got != want {
				t.Errorf("Bytes() = %s, want %s", got, want)
			}
			var gotIssues []issue
			for _, i := range w.Report.Issues {
				gotIssues = append(gotIssues, issue{i.Path, *i.Target, i.Code, i.Severity})
			}
			wantIssues := []issue{
				{"/givenName", "/contact/forename", validate.CodeTooShort, validate.SeverityError},
				{"/address/city", "/contact/address/city", validate.CodeTooLong, validate.SeverityError},
				{"/familyName", "/contact/surname", validate.CodeRequired, validate.SeverityWarning},
				{"/givenName", "/contact/for", validate.CodeRequired, validate.SeverityError},
			}
			if diff := cmp.Diff(wantIssues, gotIssues); diff != "" {
				t.Errorf("issues mismatch (-want +got):\n%s", diff)
			}
			var gotChanges []change
			for _, ch := range w.Report.Changes {
				k := change{Kind: ch.Kind, Path: ch.Path, Rule: ch.Rule}
				if ch.Target != nil {
					k.Target = *ch.Target
				}
				gotChanges = append(gotChanges, k)
			}
			wantChanges := []change{
				{validate.ChangeNormalized, "/givenName", "", "rule_a"},
				{validate.ChangeJoined, "/address/city", "/contact/address/city", "rule_b"},
				{validate.ChangeDropped, "/fullName", "", "not_in_target"},
				{validate.ChangeDropped, "/address/country", "", "not_in_target"},
				{validate.ChangeDropped, "/provider/other/a/b", "", "not_in_target"},
			}
			if mode != fieldmap.Full {
				wantChanges = nil
			}
			if diff := cmp.Diff(wantChanges, gotChanges); diff != "" {
				t.Errorf("changes mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestLeaves(t *testing.T) {
	live := false
	c := model.Customer{Email: "a@example.com", LiveMode: &live, BirthDate: model.MustParseDate("2000-01-02"),
		Refs:     model.References{Stancer: "cust_x"},
		Provider: map[string]json.RawMessage{"p": json.RawMessage(`{"a/b":{"c":[1,{}]},"e":{}}`)}}
	want := []validate.Pointer{"/birthDate", "/email", "/refs/stancer", "/liveMode", "/provider/p/a~1b/c/0", "/provider/p/a~1b/c/1", "/provider/p/e"}
	if diff := cmp.Diff(want, fieldmap.Leaves(c)); diff != "" {
		t.Errorf("Leaves mismatch (-want +got):\n%s", diff)
	}
}

// readSome reads, with r, every other string member (by position) of obj
// and of the objects directly inside it, and returns the pointers it read.
func readSome(t *testing.T, r *fieldmap.Reader, obj fieldmap.Object, at validate.Pointer, depth int, read map[validate.Pointer]bool) {
	for i, m := range obj {
		p := at.AppendToken(m.Key)
		switch v := m.Value().(type) {
		case string:
			if i%2 == 0 {
				if _, ok := r.String(p); !ok {
					t.Fatalf("String(%q) did not read a string member", p)
				}
				read[p] = true
			}
		case fieldmap.Object:
			if depth < 2 {
				readSome(t, r, v, p, depth+1, read)
			}
		}
	}
}

// withoutRead is what a residue of the plain document v at pointer at
// holds once the members read are taken out: an object all of whose
// members were read is left out (ok false), an object that was empty to
// begin with is kept.
func withoutRead(v any, at validate.Pointer, read map[validate.Pointer]bool) (any, bool) {
	obj, isObj := v.(map[string]any)
	if !isObj {
		return v, true
	}
	out := map[string]any{}
	for k, sub := range obj {
		p := at.AppendToken(k)
		if read[p] {
			continue
		}
		if subObj, ok := sub.(map[string]any); ok && len(subObj) > 0 {
			if rest, ok := withoutRead(sub, p, read); ok {
				out[k] = rest
			}
			continue
		}
		out[k] = sub
	}
	return out, len(out) > 0
}

// FuzzParse: the reader never panics, reports valid pointers, its residue
// of an untouched document is the document itself, and once some members
// are read, its residue is the document without them.
func FuzzParse(f *testing.F) {
	for _, seed := range []string{
		`{"contact":{"forename":"Max"}}`, // a provider document
		`{"a":[1,{"b":null}],"c~d/e":1}`, // escaping in pointers
		`[]`,                             // not an object
		`{"a":`,                          // truncated
		`{"a":1}{"b":2}`,                 // two documents
		`{"n":1e400}`,                    // a number out of float range
		`{"a":"x","b":"y","c":{"d":"z","e":{},"f":{"g":"h"}},"a":"w"}`, // some members read, a duplicate
		`{"a~b":"x","c/d":"y","":{"":"z","x":1}}`,                      // read through escaped tokens
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var r fieldmap.Reader
		ok := r.Parse(data)
		for _, i := range r.Report.Issues {
			if !i.Path.IsValid() {
				t.Errorf("issue path %q is not a valid pointer", i.Path)
			}
		}
		if !ok {
			return
		}
		res := r.Residue()
		if len(r.Root()) == 0 {
			return
		}
		a, err := fieldmap.DecodeJSON(res)
		if err != nil {
			t.Fatalf("residue %s is not JSON: %v", res, err)
		}
		if diff := cmp.Diff(fieldmap.Plain(r.Root()), a); diff != "" {
			t.Errorf("residue of an untouched document differs (-doc +residue):\n%s", diff)
		}

		var r2 fieldmap.Reader
		r2.Parse(data)
		read := map[validate.Pointer]bool{}
		readSome(t, &r2, r2.Root(), "", 0, read)
		want, left := withoutRead(fieldmap.Plain(r2.Root()), "", read)
		res = r2.Residue()
		if !left {
			if res != nil {
				t.Errorf("every member read, residue %s, want none", res)
			}
			return
		}
		got, err := fieldmap.DecodeJSON(res)
		if err != nil {
			t.Fatalf("residue %s is not JSON: %v", res, err)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("residue once %d members were read differs (-want +got):\n%s", len(read), diff)
		}
	})
}

// modelField is a field of model.Customer found by reflection: its
// canonical pointer (from the json tags) and its index path.
type modelField struct {
	ptr   validate.Pointer
	index []int
}

// modelFields walks t (model.Customer and the structs it nests) and
// returns every value field, provider sections excepted, in struct order.
func modelFields(t reflect.Type, base validate.Pointer, index []int) []modelField {
	var out []modelField
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "" || name == "-" || name == "provider" {
			continue
		}
		p := base.AppendToken(name)
		idx := append(append([]int{}, index...), i)
		if f.Type.Kind() == reflect.Struct && f.Type != reflect.TypeFor[model.Date]() {
			out = append(out, modelFields(f.Type, p, idx)...)
			continue
		}
		out = append(out, modelField{p, idx})
	}
	return out
}

// TestFields ties the Field table to model.Customer: every field of the
// model has a Field with its pointer, in the model's order; Text gives the
// model's own field (for every field but the date and the live mode) and
// IsSet sees a value set there. A field added to the model and not to the
// table fails here.
func TestFields(t *testing.T) {
	want := modelFields(reflect.TypeFor[model.Customer](), "", nil)
	var gotPtrs, wantPtrs []validate.Pointer
	for _, f := range fieldmap.Fields() {
		gotPtrs = append(gotPtrs, f.Pointer())
	}
	for _, mf := range want {
		wantPtrs = append(wantPtrs, mf.ptr)
	}
	if diff := cmp.Diff(wantPtrs, gotPtrs); diff != "" {
		t.Fatalf("Fields() pointers differ from model.Customer's fields (-model +table):\n%s", diff)
	}
	for _, mf := range want {
		f, ok := fieldmap.FieldAt(mf.ptr)
		if !ok || f.Pointer() != mf.ptr || f.String() != string(mf.ptr) {
			t.Errorf("FieldAt(%s) = %v, %v", mf.ptr, f, ok)
			continue
		}
		var c model.Customer
		field := reflect.ValueOf(&c).Elem().FieldByIndex(mf.index)
		if f.IsSet(&c) {
			t.Errorf("%s.IsSet(zero record) = true", f)
		}
		text := f.Text(&c)
		switch field.Kind() {
		case reflect.String:
			if text == nil {
				t.Errorf("%s.Text = nil for a string field", f)
				continue
			}
			if uintptr(field.Addr().UnsafePointer()) != uintptr(reflect.ValueOf(text).UnsafePointer()) {
				t.Errorf("%s.Text points elsewhere than the model's field", f)
			}
			field.SetString("x")
			if f.TextOf(&c) != "x" {
				t.Errorf("%s.TextOf = %q after setting the model's field to x", f, f.TextOf(&c))
			}
		case reflect.Pointer:
			field.Set(reflect.New(field.Type().Elem()))
		default: // model.Date
			field.Set(reflect.ValueOf(model.MustParseDate("2000-01-02")))
		}
		if field.Kind() != reflect.String && text != nil {
			t.Errorf("%s.Text is not nil for a %s field", f, field.Type())
		}
		if !f.IsSet(&c) {
			t.Errorf("%s.IsSet = false with the model's field set", f)
		}
		if leaves := fieldmap.Leaves(c); len(leaves) != 1 || leaves[0] != mf.ptr {
			t.Errorf("Leaves(record with only %s) = %v", mf.ptr, leaves)
		}
	}
	if _, ok := fieldmap.FieldAt("/provider"); ok {
		t.Error(`FieldAt("/provider") found a Field`)
	}
}

func TestLimitCheck(t *testing.T) {
	tests := []struct {
		name string
		lim  fieldmap.Limit
		v    string
		want *golden
	}{
		{"no limit", fieldmap.Limit{}, "", nil},
		{"within", fieldmap.Limit{Min: 2, Max: 3}, "abc", nil},
		{"too long, in code points", fieldmap.Limit{Max: 2}, "aäb", &golden{validate.CodeTooLong, validate.SeverityError}},
		{"too short", fieldmap.Limit{Min: 4}, "abc", &golden{validate.CodeTooShort, validate.SeverityError}},
		{"a soft limit warns", fieldmap.Limit{Max: 1, Severity: validate.SeverityWarning}, "ab", &golden{validate.CodeTooLong, validate.SeverityWarning}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			iss, over := tc.lim.Check("/x", tc.v)
			if over != (tc.want != nil) {
				t.Fatalf("Check(%q) over = %v, want %v", tc.v, over, tc.want != nil)
			}
			if over && (iss.Code != tc.want.code || iss.Severity != tc.want.severity || iss.Path != "/x") {
				t.Errorf("Check(%q) = %s %s at %s, want %s %s", tc.v, iss.Code, iss.Severity, iss.Path, tc.want.code, tc.want.severity)
			}
		})
	}
}

type golden struct {
	code     validate.Code
	severity validate.Severity
}

// TestReaderTextRule: an empty string is absent, stays in the residue and
// keeps its origin; other values are read.
func TestReaderTextRule(t *testing.T) {
	var r fieldmap.Reader
	if !r.Parse([]byte(`{"a":"","b":"x","c":null,"d":1}`)) {
		t.Fatal(r.Report.Issues)
	}
	var c model.Customer
	for _, m := range []fieldmap.Mapping{
		{Member: "/a", Field: fieldmap.Email},
		{Member: "/b", Field: fieldmap.City},
		{Member: "/c", Field: fieldmap.Phone},
		{Member: "/d", Field: fieldmap.Title},
		{Member: "/e", Field: fieldmap.Fax},
	} {
		r.ReadText(m, "", &c)
		if got := r.Origins.Of(m.Field.Pointer()); got != m.Member {
			t.Errorf("origin of %s = %q, want %q", m.Field, got, m.Member)
		}
	}
	if c.Address.City != "x" || c.Email != "" || c.Phone != "" || c.Title != "" {
		t.Errorf("record = %+v", c)
	}
	if got, want := string(r.Residue()), `{"a":"","c":null,"d":1}`; got != want {
		t.Errorf("Residue() = %s, want %s", got, want)
	}
	if diff := cmp.Diff([]pathCode{{"/d", validate.CodeWrongType}}, pathCodes(r.Report.Issues)); diff != "" {
		t.Errorf("issues (-want +got):\n%s", diff)
	}
}
