package main

import (
	"bytes"
	"encoding/json"
	"github.com/custnorm/custnorm/internal/jsontext"
	"testing"

	"github.com/custnorm/custnorm/validate"
)

// TestAppendValidateJSON compares the hand-written encoder with
// json.Marshal on validation results of real documents in three languages
// and on made-up issues.
func TestAppendValidateJSON(t *testing.T) {
	b := newBridge(false)
	docs := []string{
		`{"contact":{"forename":"Erika","surname":"Mustermann","email":"e@example.com","phone":"030 12345678","dob":"1964-08-12","address":{"street":"Heidestraße 17","postal_code":"51147","city":"Köln","country":"DE"}}}`,
		`{"contact":{"forename":"Jo\u202ehn","email":"not an email","phone":"+37258774XXX","dob":"2999-01-01","address":{"postal_code":"6032","country":"Atlantis"}}}`,
		`{"name":"Bob","email":"bob@example.com","mobile":"+33 1 23 45 67 89"}`,
		`{`,
		`[1,2]`,
	}
	for _, format := range []string{"secuconnect", "stancer", "riverty"} {
		for _, doc := range docs {
			for _, lang := range []string{"en", "de", "fr"} {
				res := b.validate(&lang, []value{{kind: kindString, str: format}, {kind: kindString, str: doc}, {kind: kindObject, data: []byte(`{"lang":"` + lang + `"}`)}})
				checkValidateJSON(t, res.(validateResult))
			}
		}
	}
	target := validate.Pointer("/name")
	for _, r := range []validateResult{
		{Valid: true, Issues: validate.Issues{}},
		{Valid: true},
		{Issues: validate.Issues{{Path: "/a~1b", Target: &target, Code: "too_long", Severity: "error", Message: "<b>\"x\" & \\ \n\t\u2028\u2029\x7f\x01é\xff",
			Params: validate.Params{"max": 64, "z": "y", "a": true, "n": int64(-3), "m": int32(7)}}}},
		{Issues: validate.Issues{{Code: "x", Params: nil}, {Code: "y", Params: validate.Params{}}}},
	} {
		checkValidateJSON(t, r)
	}
	if _, ok := appendValidateJSON(nil, validateResult{Issues: validate.Issues{{Params: validate.Params{"f": 1.5}}}}); ok {
		t.Error("appendValidateJSON wrote a float param; want it declined to json.Marshal")
	}
}

func checkValidateJSON(t *testing.T, r validateResult) {
	t.Helper()
	want, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	got, ok := appendValidateJSON([]byte("x"), r)
	if !ok {
		t.Errorf("appendValidateJSON declined %s", want)
		return
	}
	if !bytes.Equal(got, append([]byte("x"), want...)) {
		t.Errorf("appendValidateJSON:\n got %s\nwant x%s", got, want)
	}
}

func FuzzAppendJSONString(f *testing.F) {
	for _, s := range []string{"", "abc", "<>&\"\\", "\u2028\u2029", "\xff\xfe", "é\x00\x1f\x7f", "\ufffd", "a\xc3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, _ := json.Marshal(s)
		if got := jsontext.AppendString(nil, s, true); !bytes.Equal(got, want) {
			t.Errorf("jsontext.AppendString(%q) = %s, json.Marshal %s", s, got, want)
		}
	})
}
