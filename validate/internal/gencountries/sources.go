package main

import (
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// The npm data packages the table is built from, pinned (exact versions,
// with a lock) in tools/js/package.json and installed with
// `npm ci --prefix tools/js`. The generator reads their JSON files; it runs
// no JavaScript.
const (
	// pkgCLDR is the Unicode CLDR JSON data of locale display names
	// (Unicode License v3): territories.json of each language holds the
	// standard name of each region and its "-alt-short" and "-alt-variant"
	// forms.
	pkgCLDR = "cldr-localenames-full"
	// pkgCountries is i18n-iso-countries (MIT): country names per
	// language, with the alternatives in common use (official names in
	// Dutch, "Großbritannien", "UAE", …).
	pkgCountries = "i18n-iso-countries"
	// pkgNationality is i18n-nationality (MIT): the nationality adjective
	// of each country in en, de, fr, es, it and nl.
	pkgNationality = "i18n-nationality"
)

// wantVersions are the versions the committed table was generated from;
// the generator refuses others, so that an upgrade is a reviewed change of
// these lines, of tools/js/package.json and of the table together.
var wantVersions = map[string]string{
	pkgCLDR:        "48.2.0",
	pkgCountries:   "7.14.0",
	pkgNationality: "1.4.0",
}

// Kinds of source entries.
const (
	kindName    = "name"    // a standard name (CLDR's display name, a package's name)
	kindShort   = "short"   // CLDR's -alt-short form ("UK", "Bosnia")
	kindVariant = "variant" // CLDR's -alt-variant form ("Ivory Coast"), other alternatives
	kindAlias   = "alias"   // custnorm's curated alias
	kindDemonym = "demonym" // a nationality adjective ("German", "deutsch")
)

// An entry is one name one source gives a country in one language.
type entry struct {
	source string // pkgCLDR, pkgCountries, pkgNationality or "custnorm"
	lang   string
	kind   string
	code   string
	name   string
}

// source reads the npm packages under dir (a node_modules directory).
type source struct {
	dir      string
	versions map[string]string
}

func newSource(dir string) (*source, error) {
	s := &source{dir: dir, versions: map[string]string{}}
	for _, pkg := range slices.Sorted(maps.Keys(wantVersions)) {
		var meta struct {
			Version string `json:"version"`
		}
		if err := s.readJSON(filepath.Join(pkg, "package.json"), &meta); err != nil {
			return nil, fmt.Errorf("%w (install the data packages: npm ci --prefix tools/js)", err)
		}
		if meta.Version != wantVersions[pkg] {
			return nil, fmt.Errorf("%s is %s, want %s: update wantVersions with tools/js/package.json", pkg, meta.Version, wantVersions[pkg])
		}
		s.versions[pkg] = meta.Version
	}
	return s, nil
}

func (s *source) readJSON(rel string, v any) error {
	b, err := os.ReadFile(filepath.Join(s.dir, rel))
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%s: %w", rel, err)
	}
	return nil
}

// cldr returns CLDR's territory names in lang for the codes in known.
func (s *source) cldr(lang string, known func(string) bool) ([]entry, error) {
	var doc struct {
		Main map[string]struct {
			LocaleDisplayNames struct {
				Territories map[string]string `json:"territories"`
			} `json:"localeDisplayNames"`
		} `json:"main"`
	}
	if err := s.readJSON(filepath.Join(pkgCLDR, "main", lang, "territories.json"), &doc); err != nil {
		return nil, err
	}
	terr := doc.Main[lang].LocaleDisplayNames.Territories
	if len(terr) == 0 {
		return nil, fmt.Errorf("%s: no territories for %s", pkgCLDR, lang)
	}
	var out []entry
	for _, k := range slices.Sorted(maps.Keys(terr)) {
		code, alt, _ := strings.Cut(k, "-alt-")
		if !known(code) {
			continue
		}
		kind := kindName
		switch alt {
		case "":
		case "short":
			kind = kindShort
		default: // "variant", and IO's "chagos"
			kind = kindVariant
		}
		out = append(out, entry{pkgCLDR, lang, kind, code, terr[k]})
	}
	return out, nil
}

// countries returns i18n-iso-countries' names in lang: the first of a list
// is the package's name, the others alternatives.
func (s *source) countries(lang string, known func(string) bool) ([]entry, error) {
	var doc struct {
		Countries map[string]json.RawMessage `json:"countries"`
	}
	if err := s.readJSON(filepath.Join(pkgCountries, "langs", lang+".json"), &doc); err != nil {
		return nil, err
	}
	var out []entry
	for _, code := range slices.Sorted(maps.Keys(doc.Countries)) {
		if !known(code) {
			continue
		}
		names, err := stringOrList(doc.Countries[code])
		if err != nil {
			return nil, fmt.Errorf("%s %s %s: %w", pkgCountries, lang, code, err)
		}
		for i, n := range names {
			kind := kindName
			if i > 0 {
				kind = kindVariant
			}
			out = append(out, entry{pkgCountries, lang, kind, code, n})
		}
	}
	return out, nil
}

// nationalities returns i18n-nationality's adjectives in lang.
func (s *source) nationalities(lang string, known func(string) bool) ([]entry, error) {
	var doc struct {
		Nationalities map[string]json.RawMessage `json:"nationalities"`
	}
	if err := s.readJSON(filepath.Join(pkgNationality, "langs", lang+".json"), &doc); err != nil {
		return nil, err
	}
	var out []entry
	for _, code := range slices.Sorted(maps.Keys(doc.Nationalities)) {
		if !known(code) {
			continue
		}
		names, err := stringOrList(doc.Nationalities[code])
		if err != nil {
			return nil, fmt.Errorf("%s %s %s: %w", pkgNationality, lang, code, err)
		}
		for _, n := range names {
			out = append(out, entry{pkgNationality, lang, kindDemonym, code, strings.TrimSpace(n)})
		}
	}
	return out, nil
}

func stringOrList(raw json.RawMessage) ([]string, error) {
	var one string
	if err := json.Unmarshal(raw, &one); err == nil {
		return []string{one}, nil
	}
	var list []string
	if err := json.Unmarshal(raw, &list); err != nil {
		return nil, err
	}
	return list, nil
}
