package validate

import (
	"regexp"
	"slices"
	"strconv"
	"testing"
)

var placeholder = regexp.MustCompile(`%\[(\d+)\]v`)

// TestMessageTable checks that every entry of the catalog's table has a text
// in every shipped language and that each text uses exactly the table's
// params (%[1]v … %[n]v, no other verbs). That every Code has an entry is
// checked by TestMessagesComplete.
func TestMessageTable(t *testing.T) {
	for code, m := range messageTable {
		texts := map[string]string{"en": m.en, "de": m.de, "fr": m.fr}
		for lang, text := range texts {
			if text == "" {
				t.Errorf("messageTable[%s].%s is empty", code, lang)
				continue
			}
			var used []int
			for _, sm := range placeholder.FindAllStringSubmatch(text, -1) {
				n, _ := strconv.Atoi(sm[1])
				if !slices.Contains(used, n) {
					used = append(used, n)
				}
			}
			slices.Sort(used)
			var want []int
			for k := range m.params {
				want = append(want, k+1)
			}
			if !slices.Equal(used, want) {
				t.Errorf("messageTable[%s].%s = %q uses params %v, want %v (params %q)", code, lang, text, used, want, m.params)
			}
			if rest := placeholder.ReplaceAllString(text, ""); regexp.MustCompile(`%`).MatchString(rest) {
				t.Errorf("messageTable[%s].%s = %q has a verb other than %%[n]v", code, lang, text)
			}
		}
		if m.de == m.en || m.fr == m.en {
			t.Errorf("messageTable[%s]: de or fr is the English text %q", code, m.en)
		}
	}
}
