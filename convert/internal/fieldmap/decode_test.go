package fieldmap_test

import (
	"encoding/json"
	"fmt"
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
	// Objects past the decoder's member stack (32): one on its own, and
	// ones that fill it from outside in, with duplicates.
	nestedMembers(40, 0), nestedMembers(30, 3), nestedMembers(20, 4),
}

// nestedMembers is depth objects inside each other, each with n members
// k0 … k(n-1) before the next object (under k0 again, a duplicate key).
func nestedMembers(n, depth int) string {
	var b strings.Builder
	for range depth + 1 {
		b.WriteByte('{')
		for i := range n {
			fmt.Fprintf(&b, `"k%d":%d,`, i, i)
		}
		b.WriteString(`"k0":`)
	}
	b.WriteString(`[{"x":1}]`)
	b.WriteString(strings.Repeat("}", depth+1))
	return b.String()
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
	fast, fastOK := fieldmap.DecodeJSONFast(data)
	if fastOK && !json.Valid(data) {
		t.Fatalf("the fast decoder accepts %q, which is not valid JSON", data)
	}
	// The Reader's decoding (objects as Objects) reads the same text and
	// holds the same values.
	if ordered, ok := fieldmap.DecodeJSONOrdered(data); ok != fastOK {
		t.Fatalf("ordered decoding of %q: ok %v, map decoding: ok %v", data, ok, fastOK)
	} else if ok && !reflect.DeepEqual(fast, fieldmap.Plain(ordered)) {
		t.Fatalf("ordered decoding of %q differs (-maps +ordered):\n%s", data, cmp.Diff(fast, fieldmap.Plain(ordered)))
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
