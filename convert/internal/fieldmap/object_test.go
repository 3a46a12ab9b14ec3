package fieldmap_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/custnorm/custnorm/convert/internal/fieldmap"
)

// manyMembers is an object of n members k0 … k(n-1), each holding its
// index, then dup more members repeating k0 … k(dup-1) with the value
// "last".
func manyMembers(n, dup int) string {
	var b strings.Builder
	b.WriteByte('{')
	for i := range n + dup {
		if i > 0 {
			b.WriteByte(',')
		}
		if i < n {
			fmt.Fprintf(&b, `"k%d":%d`, i, i)
		} else {
			fmt.Fprintf(&b, `"k%d":"last"`, i-n)
		}
	}
	b.WriteByte('}')
	return b.String()
}

func TestObjectMembers(t *testing.T) {
	for _, tc := range []struct {
		name, doc string
		keys      []string // in order
		values    map[string]any
	}{
		{"empty", `{}`, []string{}, map[string]any{"x": nil}},
		{"document order", `{"b":1,"a":2,"c":3}`, []string{"b", "a", "c"}, map[string]any{"a": json.Number("2")}},
		{"last duplicate wins, first place", `{"a":1,"b":2,"a":3}`, []string{"a", "b"}, map[string]any{"a": json.Number("3")}},
		{"three of a key", `{"a":1,"a":2,"a":{"x":true}}`, []string{"a"}, map[string]any{"a": fieldmap.Object{fieldmap.MemberOf("x", true)}}},
		// Past uniqueKeys' linear search, duplicates are found by a map.
		{"large with duplicates", manyMembers(40, 20), nil, map[string]any{"k0": "last", "k19": "last", "k20": json.Number("20"), "k39": json.Number("39")}},
		{"duplicate just past the linear search", manyMembers(17, 17), nil, map[string]any{"k15": "last", "k16": "last"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v, ok := fieldmap.DecodeJSONOrdered([]byte(tc.doc))
			if !ok {
				t.Fatalf("not decoded")
			}
			obj := v.(fieldmap.Object)
			keys := make([]string, 0, len(obj))
			seen := map[string]bool{}
			for _, m := range obj {
				if seen[m.Key] {
					t.Errorf("key %q twice", m.Key)
				}
				seen[m.Key] = true
				keys = append(keys, m.Key)
			}
			if tc.keys != nil {
				if diff := cmp.Diff(tc.keys, keys); diff != "" {
					t.Errorf("keys (-want +got):\n%s", diff)
				}
			}
			for k, want := range tc.values {
				got, has := obj.Get(k)
				if want == nil {
					if has {
						t.Errorf("Get(%q) found %v", k, got)
					}
					continue
				}
				if diff := cmp.Diff(fieldmap.Plain(want), fieldmap.Plain(got)); diff != "" {
					t.Errorf("Get(%q) (-want +got):\n%s", k, diff)
				}
			}
			// Against encoding/json, which decodes into a map.
			var want any
			if err := json.Unmarshal([]byte(tc.doc), &want); err != nil {
				t.Fatal(err)
			}
			var got any
			if err := json.Unmarshal(mustMarshal(t, obj), &got); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("marshalled object differs from encoding/json's reading (-want +got):\n%s", diff)
			}
		})
	}
}

func mustMarshal(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// An Object is written as encoding/json writes a map: sorted keys, HTML
// escaped, nested Objects alike; so residues read the same as before
// Objects, whatever order the input had.
func TestObjectMarshalJSON(t *testing.T) {
	doc := `{"z":{"b":"<&>","a":[{"y":1,"x":null}]},"a":"é","m":{}}`
	v, ok := fieldmap.DecodeJSONOrdered([]byte(doc))
	if !ok {
		t.Fatal("not decoded")
	}
	m, err := fieldmap.DecodeJSON([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(mustMarshal(t, v)), string(mustMarshal(t, m)); got != want {
		t.Errorf("Object marshals to\n%s\nthe map to\n%s", got, want)
	}
	if got := string(mustMarshal(t, fieldmap.Object(nil))); got != "{}" {
		t.Errorf("a nil Object marshals to %s, want {}", got)
	}
}
