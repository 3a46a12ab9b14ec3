package fieldmap_test

import (
	"encoding/json"
	"fmt"
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
	for _, omit := range []bool{false, true} {
		t.Run(fmt.Sprintf("OmitChanges=%v", omit), func(t *testing.T) {
			w := fieldmap.NewWriter(omit)
			w.Text("/contact/forename", c.GivenName, "/givenName", fieldmap.Limit{Min: 4, Max: 64})
			w.Text("/contact/address/city", c.Address.City, "/address/city", fieldmap.Limit{Max: 3})
			w.Text("/contact/email", "", "/email", fieldmap.Limit{}) // empty: not written
			w.Residue(c.Provider["x"], "/provider/x")
			w.Require("/contact/surname", "/familyName", validate.SeverityWarning)
			w.Change(validate.ChangeNormalized, "/givenName", "rule_a")
			w.ChangeTo(validate.ChangeJoined, "/address/city", "/contact/address/city", "rule_b")
			w.Dropped(c, "not_in_target")

			if got, want := string(w.Bytes()), `{"contact":{"forename":"Max","address":{"city":"Berlin"},"picture":"DOC_1"},"n":[1,2]}`; got != want {
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
			if omit {
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

// FuzzParse: the reader never panics, reports valid pointers, and its
// residue of an untouched document is the document itself.
func FuzzParse(f *testing.F) {
	for _, seed := range []string{
		`{"contact":{"forename":"Max"}}`, // a provider document
		`{"a":[1,{"b":null}],"c~d/e":1}`, // escaping in pointers
		`[]`,                             // not an object
		`{"a":`,                          // truncated
		`{"a":1}{"b":2}`,                 // two documents
		`{"n":1e400}`,                    // a number out of float range
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
	})
}
