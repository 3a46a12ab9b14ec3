package fieldmap_test

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/custnorm/custnorm/convert/internal/fieldmap"
)

var decodeCases = []string{
	`{}`, `[]`, `{"a":1}`, ` {"a" : [1, 2.5, -0, 1e3, 1E-2, -12.5e+7, true, false, null, "x"]} `,
	`{"contact":{"forename":"Jürgen","surname":"O'Brien","address":{"city":"Köln"}}}`,
	`{"a":"\u00fc\n\t\"\\\/\b\f\r","b":"\ud83d\ude00","c":"\ud800","d":"x\u0000y"}`,
	"{\"a\":\"\xff\xfe\"}", `{"a":1,"a":2}`, `{"":""}`, `"x"`, `42`, `null`, "\t\r\n{}\n",
	`{"a":1} {}`, `{"a":}`, `{"a":1,}`, `[1,]`, `[,1]`, `{"a" 1}`, `{a:1}`, `{'a':1}`, `01`, `1.`, `.5`,
	`-`, `1e`, `1e+`, `+1`, `tru`, `nul`, `truex`, `"a`, "\"a\x01\"", `"\x"`, `"\u12"`, `"\u12g4"`,
	`{"a":[}`, `[1 2]`, `{"a":1 "b":2}`, ``, ` `, `{`, `}`, "\xef\xbb\xbf{}", `{"a":NaN}`, `[Infinity]`,
	strings.Repeat("[", 10000) + strings.Repeat("]", 10000),
	strings.Repeat("[", 10001) + strings.Repeat("]", 10001),
	strings.Repeat(`{"a":`, 40) + "1" + strings.Repeat("}", 40),
}

// checkDecodeJSON checks that DecodeJSON gives what encoding/json gives,
// and that its own decoder accepts only valid JSON.
func checkDecodeJSON(t *testing.T, data []byte) {
	got, gotErr := fieldmap.DecodeJSON(data)
	want, wantErr := fieldmap.DecodeJSONStd(data)
	if (gotErr == nil) != (wantErr == nil) {
		t.Fatalf("DecodeJSON(%q) error %v, encoding/json error %v", data, gotErr, wantErr)
	}
	// reflect.DeepEqual first: cmp is slow on deeply nested values.
	if !reflect.DeepEqual(want, got) {
		t.Fatalf("DecodeJSON(%q) mismatch (-encoding/json +got):\n%s", data, cmp.Diff(want, got))
	}
	if _, ok := fieldmap.DecodeJSONFast(data); ok && !json.Valid(data) {
		t.Fatalf("the fast decoder accepts %q, which is not valid JSON", data)
	}
}

func TestDecodeJSON(t *testing.T) {
	for _, c := range decodeCases {
		checkDecodeJSON(t, []byte(c))
	}
	for _, c := range []string{`{"a":1}`, `[1,"x",{"b":null}]`, `{"contact":{"forename":"Jürgen"}}`} {
		if _, ok := fieldmap.DecodeJSONFast([]byte(c)); !ok {
			t.Errorf("the fast decoder declines %s", c)
		}
	}
}

// FuzzDecodeJSON is differential: DecodeJSON gives encoding/json's result
// (a json.Decoder with UseNumber, then nothing but white space) for any
// input.
func FuzzDecodeJSON(f *testing.F) {
	for _, c := range decodeCases {
		f.Add([]byte(c))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkDecodeJSON(t, data)
	})
}
