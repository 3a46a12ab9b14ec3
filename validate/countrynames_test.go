package validate_test

import (
	"bufio"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/custnorm/custnorm/validate"
)

// A sourceName is one row of testdata/countrynames.tsv: a name or
// nationality adjective one source gives a country in one language.
type sourceName struct {
	source, lang, kind, code, name string
}

// The sources of the rows. All but "custnorm" are data nobody here wrote:
// the npm packages pinned in tools/js.
const (
	srcCLDR        = "cldr-localenames-full"
	srcCountries   = "i18n-iso-countries"
	srcNationality = "i18n-nationality"
	srcCustnorm    = "custnorm"
)

// readSourceNames reads testdata/countrynames.tsv, written by gencountries
// from the data packages (TestCountriesGenerated keeps it current).
func readSourceNames(t testing.TB) []sourceName {
	t.Helper()
	f, err := os.Open("testdata/countrynames.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rows []sourceName
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 5 {
			t.Fatalf("countrynames.tsv: %q has %d columns, want 5", line, len(f))
		}
		rows = append(rows, sourceName{f[0], f[1], f[2], f[3], f[4]})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(rows) < 5000 {
		t.Fatalf("countrynames.tsv has %d rows, want the whole data set", len(rows))
	}
	return rows
}

// An exception is a source row that does not map to its own code, on
// purpose. want is the code it maps to instead, or "" for refused; then
// candidates are the candidates the refusal names (nil: not understood at
// all).
type exception struct {
	source, lang, code, name string
	want                     string
	candidates               []string
	why                      string
}

// exceptions are every source row that NormalizeCountry (for names) or
// NormalizeNationality (for adjectives) does not map to the row's code.
// Each is deliberate; the reasons are the package doc's rules.
var exceptions = []exception{
	// A name two countries share is refused with both.
	{srcCLDR, "es", "CG", "Congo", "", []string{"CD", "CG"}, "Congo is the name of both Congos (i18n-iso-countries en: both)"},
	{srcCLDR, "pl", "CG", "Kongo", "", []string{"CD", "CG"}, "Kongo is DR Congo in German usage and CLDR de"},
	{srcCountries, "en", "CG", "Congo", "", []string{"CD", "CG"}, "shared name"},
	{srcCountries, "en", "CD", "Congo", "", []string{"CD", "CG"}, "shared name"},
	{srcCountries, "de", "CD", "Kongo", "", []string{"CD", "CG"}, "shared name"},
	{srcCountries, "es", "CG", "Congo", "", []string{"CD", "CG"}, "shared name"},
	{srcCountries, "pl", "CG", "Kongo", "", []string{"CD", "CG"}, "shared name"},
	// Two ASCII letters are read as an alpha-2 code.
	{srcCLDR, "es", "GB", "RU", "RU", nil, "CLDR es short name of GB; RU is Russia's alpha-2 code"},
	{srcCLDR, "nl", "GB", "VK", "", nil, "CLDR nl short name of GB; two letters are read as a code, VK is none"},
	{srcCLDR, "nl", "US", "VS", "", nil, "CLDR nl short name of US; two letters are read as a code, VS is none"},
	// Adjectives two countries share.
	{srcNationality, "es", "KR", "Coreano", "", []string{"KP", "KR"}, "the adjective of both Koreas"},
	{srcNationality, "nl", "CG", "Congolees", "", []string{"CD", "CG"}, "the adjective of both Congos"},
	// Corrections: entries of i18n-nationality that are wrong.
	{srcNationality, "en", "WF", "Welsh", "GB", nil, "Welsh is of Wales"},
	{srcNationality, "nl", "WF", "Welsh", "GB", nil, "Welsh is of Wales"},
	{srcNationality, "fr", "WF", "Gallois", "GB", nil, "gallois is Welsh"},
	{srcNationality, "it", "WF", "Gallese", "GB", nil, "gallese is Welsh"},
	{srcNationality, "es", "BV", "Islandés", "IS", nil, "islandés is Icelandic"},
	{srcNationality, "nl", "SS", "Soedanees", "SD", nil, "Soedanees is Sudanese; South Sudanese is Zuid-Soedanees"},
	{srcNationality, "nl", "DM", "Dominicaanse (Dominica)", "", nil, "Dominicaanse is the Dominican Republic's adjective"},
	{srcNationality, "de", "IM", "Man (Isle of Man)", "", nil, "not an adjective; its bare form would read the word man"},
	{srcNationality, "nl", "NU", "Neen", "", nil, "neen is Dutch for no"},
}

// findException returns the index of r's exception, or -1.
func findException(r sourceName) int {
	return slices.IndexFunc(exceptions, func(e exception) bool {
		return e.source == r.source && e.lang == r.lang && e.code == r.code && e.name == r.name
	})
}

func candidates(res validate.CountryResult) []string {
	if res.OK || len(res.Issues) != 1 {
		return nil
	}
	c, _ := res.Issues[0].Params["candidates"].([]string)
	return c
}

// TestCountryNamesFromSources checks every name and adjective of the data
// packages and of custnorm's curated list against the runtime: each maps
// to its country, or is an exception above with the result it lists.
// Names are read by NormalizeCountry and NormalizeNationality alike;
// adjectives by NormalizeNationality. This is also the "nothing maps
// wrong" check over the sources: no row maps to another country than its
// own unless an exception says so.
func TestCountryNamesFromSources(t *testing.T) {
	rows := readSourceNames(t)
	used := map[int]bool{}
	for _, r := range rows {
		if r.kind == "refused" {
			// custnorm's refusals: a name countries share, refused with
			// them as a country and as a nationality.
			want := strings.Fields(r.code)
			for _, got := range []validate.CountryResult{validate.NormalizeCountry(r.name), validate.NormalizeNationality(r.name)} {
				if got.OK || !slices.Equal(candidates(got), want) {
					t.Errorf("refused %s %q: got ok %v code %q candidates %v, want candidates %v", r.lang, r.name, got.OK, got.Code, candidates(got), want)
				}
			}
			continue
		}
		var got validate.CountryResult
		if r.kind == "demonym" {
			got = validate.NormalizeNationality(r.name)
		} else {
			got = validate.NormalizeCountry(r.name)
			if n := validate.NormalizeNationality(r.name); n.Code != got.Code || !slices.Equal(candidates(n), candidates(got)) {
				t.Errorf("%s %s %s %q: NormalizeNationality = %v %v, NormalizeCountry = %v %v",
					r.source, r.lang, r.code, r.name, n.Code, candidates(n), got.Code, candidates(got))
			}
		}
		want, wantCand := r.code, []string(nil)
		if i := findException(r); i >= 0 {
			used[i] = true
			want, wantCand = exceptions[i].want, exceptions[i].candidates
		}
		if got.Code != want || !slices.Equal(candidates(got), wantCand) {
			t.Errorf("%s %s %s %s %q: got code %q candidates %v, want %q %v",
				r.source, r.lang, r.kind, r.code, r.name, got.Code, candidates(got), want, wantCand)
		}
		if !got.OK && r.source != srcCustnorm && wantCand != nil && !slices.Contains(wantCand, r.code) {
			t.Errorf("%s %s %q: refused without its own code %s among the candidates", r.source, r.lang, r.name, r.code)
		}
	}
	for i, e := range exceptions {
		if !used[i] {
			t.Errorf("exception %s %s %s %q matches no row of countrynames.tsv", e.source, e.lang, e.code, e.name)
		}
	}
}

// TestCountryNamesCoverage reports the share of each language's CLDR names
// (standard, short and variant) that map to their country.
func TestCountryNamesCoverage(t *testing.T) {
	rows := readSourceNames(t)
	for _, lang := range []string{"en", "de", "fr", "es", "it", "nl", "pl", "sv"} {
		total, ok := 0, 0
		for _, r := range rows {
			if r.source != srcCLDR || r.lang != lang {
				continue
			}
			total++
			if validate.NormalizeCountry(r.name).Code == r.code {
				ok++
			}
		}
		if total == 0 {
			t.Fatalf("no CLDR names of %s", lang)
		}
		t.Logf("%s: %d of %d CLDR names (%.1f %%)", lang, ok, total, 100*float64(ok)/float64(total))
	}
}

// TestCountryNamesGermanTranscription checks the German spellings without
// umlauts: every German name and adjective with ä, ö or ü, written with ae,
// oe, ue (and ß as ss), gives what the name gives; and the transcription of
// a name of any other language never gives another country.
func TestCountryNamesGermanTranscription(t *testing.T) {
	r := strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "Ä", "Ae", "Ö", "Oe", "Ü", "Ue", "ß", "ss")
	normalize := func(row sourceName, s string) validate.CountryResult {
		if row.kind == "demonym" {
			return validate.NormalizeNationality(s)
		}
		return validate.NormalizeCountry(s)
	}
	n := 0
	for _, row := range readSourceNames(t) {
		tr := r.Replace(row.name)
		if tr == row.name {
			continue
		}
		orig, got := normalize(row, row.name), normalize(row, tr)
		if row.lang == "de" {
			n++
			if got.Code != orig.Code || !slices.Equal(candidates(got), candidates(orig)) {
				t.Errorf("%s %s %q → %q: got %q %v, want %q %v as the original",
					row.source, row.kind, row.name, tr, got.Code, candidates(got), orig.Code, candidates(orig))
			}
			continue
		}
		if got.OK && got.Code != row.code {
			t.Errorf("%s %s %q → %q: got %q, the name is %s's", row.source, row.lang, row.name, tr, got.Code, row.code)
		}
	}
	if n < 50 {
		t.Errorf("only %d German names with umlauts, want the data set", n)
	}
}
