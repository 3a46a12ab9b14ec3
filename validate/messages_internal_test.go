package validate

import (
	"golang.org/x/text/language"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestMessageTable checks that every entry of the catalog's table has a text
// in exactly the shipped languages, and that each text uses exactly the
// entry's params (each at least once, no other placeholder). That every Code
// has an entry is checked by TestMessagesComplete.
func TestMessageTable(t *testing.T) {
	if shippedLanguages[0] != "en" {
		t.Errorf("shippedLanguages[0] = %q, want the fallback en", shippedLanguages[0])
	}
	var fields []string
	for f := range reflect.TypeFor[texts]().Fields() {
		fields = append(fields, f.Name)
	}
	if !slices.Equal(fields, shippedLanguages) {
		t.Errorf("texts has fields %v, want the shipped languages %v", fields, shippedLanguages)
	}
	seen := map[Code]bool{}
	for _, m := range messageTable {
		code := m.key
		if seen[code] {
			t.Errorf("messageTable has %s twice", code)
		}
		seen[code] = true
		if got := message(code); got == nil || got.key != code {
			t.Errorf("message(%s) = %v", code, got)
		}
		for _, name := range m.more {
			if slices.Contains(m.params, name) {
				t.Errorf("messageTable[%s]: param %q is in params and more", code, name)
			}
		}
		for _, lang := range shippedLanguages {
			text := m.text.get(lang)
			if !validText(text) || strings.TrimSpace(text) != text {
				t.Errorf("messageTable[%s][%s] = %q: empty, blank-padded or with a control character", code, lang, text)
				continue
			}
			tpl, unknown, at := parseTemplate(text, m.params)
			if at >= 0 || len(unknown) > 0 {
				t.Errorf("messageTable[%s][%s] = %q: brace at %d, unknown params %q", code, lang, text, at, unknown)
				continue
			}
			used := slices.Sorted(slices.Values(slices.Compact(slices.Sorted(slices.Values(tpl.names)))))
			if want := slices.Sorted(slices.Values(m.params)); !slices.Equal(used, want) {
				t.Errorf("messageTable[%s][%s] = %q uses params %q, want %q", code, lang, text, used, want)
			}
			if strings.Contains(text, "${") {
				t.Errorf("messageTable[%s][%s] = %q: x/text's catalog would read ${ as a variable", code, lang, text)
			}
			if lang != "en" && text == m.text.en {
				t.Errorf("messageTable[%s][%s] is the English text %q", code, lang, text)
			}
		}
	}
}

func TestParseTemplate(t *testing.T) {
	params := []string{"max", "min_2"}
	tests := []struct {
		in          string
		wantParts   []string
		wantNames   []string
		wantUnknown []string
		wantAt      int
	}{
		{in: "", wantParts: []string{""}, wantAt: -1},
		{in: "is required", wantParts: []string{"is required"}, wantAt: -1},
		{in: "at most {max} characters", wantParts: []string{"at most ", " characters"}, wantNames: []string{"max"}, wantAt: -1},
		{in: "{max}", wantParts: []string{"", ""}, wantNames: []string{"max"}, wantAt: -1},
		{in: "{max}–{min_2}, {max}", wantParts: []string{"", "–", ", ", ""}, wantNames: []string{"max", "min_2", "max"}, wantAt: -1},
		{in: "{{max}} is literal", wantParts: []string{"{max} is literal"}, wantAt: -1},
		{in: "{{{max}}}", wantParts: []string{"{", "}"}, wantNames: []string{"max"}, wantAt: -1},
		{in: "100% %d %[1]v ${max}", wantParts: []string{"100% %d %[1]v $", ""}, wantNames: []string{"max"}, wantAt: -1},
		{in: "{maxx} and {other} and {maxx}", wantNames: []string{"maxx", "other", "maxx"}, wantParts: []string{"", " and ", " and ", ""}, wantUnknown: []string{"maxx", "other"}, wantAt: -1},
		{in: "a { b", wantAt: 2},
		{in: "a } b", wantAt: 2},
		{in: "{max", wantAt: 0},
		{in: "{}", wantAt: 0},
		{in: "{ max }", wantAt: 0},
		{in: "{1}", wantAt: 0},
		{in: "{max:d}", wantAt: 0},
		{in: "ok {max} then }", wantAt: 14},
	}
	for _, tc := range tests {
		tpl, unknown, at := parseTemplate(tc.in, params)
		if at != tc.wantAt {
			t.Errorf("parseTemplate(%q) at = %d, want %d", tc.in, at, tc.wantAt)
			continue
		}
		if at >= 0 {
			continue
		}
		if diff := cmp.Diff(tc.wantParts, tpl.parts); diff != "" {
			t.Errorf("parseTemplate(%q) parts mismatch (-want +got):\n%s", tc.in, diff)
		}
		if diff := cmp.Diff(tc.wantNames, tpl.names); diff != "" {
			t.Errorf("parseTemplate(%q) names mismatch (-want +got):\n%s", tc.in, diff)
		}
		if diff := cmp.Diff(tc.wantUnknown, unknown); diff != "" {
			t.Errorf("parseTemplate(%q) unknown mismatch (-want +got):\n%s", tc.in, diff)
		}
	}
}

func TestTemplatePrintf(t *testing.T) {
	params := []string{"country", "example"}
	tests := []struct{ in, want string }{
		{"is required", "is required"},
		{"for {country} (e.g. {example})", "for %[1]v (e.g. %[2]v)"},
		{"{example} before {country}", "%[2]v before %[1]v"},
		{"100% {{sure}} for {country}", "100%% {sure} for %[1]v"},
	}
	for _, tc := range tests {
		tpl, _, _ := parseTemplate(tc.in, params)
		if got := tpl.printf(params); got != tc.want {
			t.Errorf("parseTemplate(%q).printf() = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestNumber: integers get their language's group separator (Spanish and
// Polish leave four digits alone); other values print as fmt prints them.
// The separators are CLDR's, as x/text's printer gives them for the shipped
// languages (the messages golden shows those).
func TestNumber(t *testing.T) {
	tests := []struct {
		lang string
		in   any
		want string
	}{
		{"en", 1048576, "1,048,576"},
		{"de", 1048576, "1.048.576"},
		{"fr", 1048576, "1\u00a0048\u00a0576"},
		{"sv", -1048576, "-1\u00a0048\u00a0576"},
		{"es", 4096, "4096"},
		{"es", 74900, "74.900"},
		{"pl", 4096, "4096"},
		{"de", 4096, "4.096"},
		{"de-CH", 4096, "4.096"},
		{"pt-BR", 1000000, "1.000.000"},
		{"ja", 1000000, "1,000,000"},
		{"en", 999, "999"},
		{"en", int64(1 << 40), "1,099,511,627,776"},
		{"en", float64(1500), "1,500"},
		{"en", 1500.5, "1500.5"},
		{"en", "1500", "1500"},
		{"en", uint64(7), "7"},
	}
	for _, tc := range tests {
		sep, un := groupSeparator(language.MustParse(tc.lang))
		lt := &langTable{group: sep, ungroup4: un}
		if got := lt.number(tc.in); got != tc.want {
			t.Errorf("%s: number(%#v) = %q, want %q", tc.lang, tc.in, got, tc.want)
		}
	}
}
