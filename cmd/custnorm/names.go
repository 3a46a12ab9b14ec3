package main

import (
	"slices"
	"strings"

	"github.com/custnorm/custnorm/validate"
)

// closest returns the candidate nearest to name by edit distance when it
// is near enough to be a likely slip (at most a third of its letters, and
// at least one edit allowed), or "".
func closest(name string, candidates []string) string {
	name = strings.ToLower(name)
	best, bestDist := "", len(name)/3+1
	for _, c := range candidates {
		if d := editDistance(name, c); d <= bestDist && (best == "" || d < editDistance(name, best)) {
			best = c
		}
	}
	return best
}

// editDistance is the Levenshtein distance of a and b, in bytes.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// supportedLanguage reports whether lang is a BCP 47 tag that the message
// catalog, with the caller's messages m (may be nil), has a language for:
// the same language, or a more general tag of it ("de-AT" matches de).
// (NewLocalizer itself also maps some related languages to a shipped one,
// and anything else to English: the CLI asks for the language meant.)
func supportedLanguage(lang string, m *validate.Messages) bool {
	got := strings.ToLower(validate.NewLocalizer(lang, validate.WithMessages(m)).Lang())
	want := strings.ToLower(strings.ReplaceAll(lang, "_", "-"))
	return want != "" && (want == got || strings.HasPrefix(want, got+"-"))
}

// languageList lists the languages of the message catalog and of the
// caller's messages m (may be nil).
func languageList(m *validate.Messages) string {
	langs := validate.Languages()
	for _, l := range m.Languages() {
		if !slices.Contains(langs, l) {
			langs = append(langs, l)
		}
	}
	return strings.Join(langs, ", ")
}
