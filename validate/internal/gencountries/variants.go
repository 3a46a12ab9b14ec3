package main

import (
	"regexp"
	"strings"
)

// conjunctions is the word each language uses for "&" (CLDR's English
// names write "Trinidad & Tobago"; people type "Trinidad and Tobago").
var conjunctions = map[string]string{
	"en": "and", "de": "und", "fr": "et", "es": "y", "it": "e", "nl": "en", "pl": "i", "sv": "och",
}

var parenthesized = regexp.MustCompile(`\s*\([^)]*\)+`)

// nameVariants returns the other ways of writing a country name that the
// derivation rules give (not the name itself):
//
//   - "&" spelt out with the language's conjunction;
//   - English "St." as "Saint";
//   - a part in parentheses dropped ("Myanmar (Burma)" → "Myanmar");
//   - English "X, Y" turned round ("Korea, Republic of" → "Republic of
//     Korea");
//   - German ä ö ü written ae oe ue (ß is ss for every key already).
func nameVariants(lang, name string) []string {
	forms := []string{name}
	add := func(s string) {
		s = strings.Join(strings.Fields(s), " ")
		if s != "" && !contains(forms, s) {
			forms = append(forms, s)
		}
	}
	if strings.Contains(name, "&") {
		add(strings.ReplaceAll(name, "&", " "+conjunctions[lang]+" "))
	}
	if lang == "en" {
		for _, f := range forms {
			if strings.HasPrefix(f, "St. ") {
				add("Saint " + f[len("St. "):])
			}
		}
	}
	for _, f := range forms {
		if p := parenthesized.ReplaceAllString(f, ""); p != f {
			add(p)
		}
	}
	if lang == "en" {
		for _, f := range forms {
			if a, b, ok := strings.Cut(f, ", "); ok && !strings.Contains(b, ",") {
				add(b + " " + a)
			}
		}
	}
	if lang == "de" {
		for _, f := range forms {
			if g := germanTranscription(f); g != f {
				add(g)
			}
		}
	}
	return forms[1:]
}

// demonymVariants returns the other forms of a nationality adjective:
//
//   - a qualifier in parentheses dropped ("Congolese (Republic of the
//     Congo)" → "Congolese") when bare says no country of the same source
//     and language has the bare form as its own adjective (i18n-nationality
//     qualifies "French (French Guiana)": the bare "French" is FR's);
//   - the feminine of French, Spanish and Italian adjectives (allemand →
//     allemande, alemán → alemana, tedesco → tedesca), the Polish feminine
//     (niemiecki → niemiecka) and the Swedish plural/definite form (tysk →
//     tyska);
//   - German adjectives in -sch with the endings -e and -er (deutsch →
//     deutsche, deutscher), and ä ö ü written ae oe ue.
func demonymVariants(lang, name string, bare func(string) bool) []string {
	forms := []string{name}
	add := func(s string) {
		s = strings.Join(strings.Fields(s), " ")
		if s != "" && !contains(forms, s) {
			forms = append(forms, s)
		}
	}
	if p := parenthesized.ReplaceAllString(name, ""); p != name && !bare(p) {
		add(p)
	}
	for _, f := range forms {
		if strings.ContainsAny(f, "(),") {
			continue
		}
		switch lang {
		case "fr":
			add(frenchFeminine(f))
		case "es":
			add(spanishFeminine(f))
		case "it":
			if strings.HasSuffix(f, "o") {
				add(f[:len(f)-1] + "a")
			}
		case "pl":
			if strings.HasSuffix(f, "i") {
				add(f[:len(f)-1] + "a")
			}
		case "sv":
			if strings.HasSuffix(f, "k") {
				add(f + "a")
			}
		case "de":
			if strings.HasSuffix(f, "sch") {
				add(f + "e")
				add(f + "er")
			}
		}
	}
	if lang == "de" {
		for _, f := range forms {
			if g := germanTranscription(f); g != f {
				add(g)
			}
		}
	}
	return forms[1:]
}

// frenchFeminine returns the feminine of a French adjective by the regular
// rules, or s when it has none: -e stays, -en → -enne, -c and -f are
// irregular (grec, turc: curated), anything else takes -e.
func frenchFeminine(s string) string {
	switch {
	case strings.HasSuffix(s, "e"), strings.HasSuffix(s, "c"), strings.HasSuffix(s, "f"):
		return s
	case strings.HasSuffix(s, "en"):
		return s + "ne"
	}
	return s + "e"
}

// spanishFeminine returns the feminine of a Spanish adjective by the
// regular rules, or s: -o → -a; -és, -án, -ín, -ón lose the accent and
// take -a; -l takes -a (español → española); others stay.
func spanishFeminine(s string) string {
	for _, r := range []struct{ from, to string }{
		{"o", "a"}, {"és", "esa"}, {"án", "ana"}, {"ín", "ina"}, {"ón", "ona"}, {"l", "la"},
	} {
		if strings.HasSuffix(s, r.from) {
			return s[:len(s)-len(r.from)] + r.to
		}
	}
	return s
}

// germanTranscription writes ä ö ü as ae oe ue (Ä Ö Ü as Ae Oe Ue), as
// German does without umlauts ("Oesterreich").
func germanTranscription(s string) string {
	if !strings.ContainsAny(s, "äöüÄÖÜ") {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch r {
		case 'ä':
			b.WriteString("ae")
		case 'ö':
			b.WriteString("oe")
		case 'ü':
			b.WriteString("ue")
		case 'Ä':
			b.WriteString("Ae")
		case 'Ö':
			b.WriteString("Oe")
		case 'Ü':
			b.WriteString("Ue")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
