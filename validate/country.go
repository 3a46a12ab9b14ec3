package validate

import (
	"github.com/custnorm/custnorm/validate/internal/countrykey"
	"sort"
	"strings"

	"golang.org/x/text/unicode/norm"
)

//go:generate go run ./internal/gencountries

// The country tables (countryCodes, countryAlpha3, countryKeys,
// nationalityKeys) live in countries_gen.go, written by
// internal/gencountries from the npm data packages pinned in tools/js
// (CLDR 48's territory names, i18n-iso-countries, i18n-nationality) and
// custnorm's curated list. No display-name package is linked: the runtime
// (and the WASM build) has only the generated strings. The package doc,
// section "Countries", says what the tables hold and why.

// maxCountryInput is the longest input, in bytes, NormalizeCountry looks at;
// the longest accepted name is far shorter.
const maxCountryInput = 200

// CountryResult is the result of normalizing one country value.
type CountryResult struct {
	// OK reports whether the value was recognized.
	OK bool `json:"ok"`
	// Code is the ISO 3166-1 alpha-2 code (or XK), set when OK.
	Code string `json:"code,omitempty"`
	// Issues is never nil: an empty slice when OK, one invalid_country
	// issue at path "" (the value itself; callers re-path it) otherwise.
	Issues Issues `json:"issues"`
}

// NormalizeCountry turns an alpha-2 code, alpha-3 code or a country name
// (en, de, fr, es, it, nl, pl, sv, case- and accent-insensitive, official,
// short and common names, aliases) into an ISO 3166-1 alpha-2 code: "de",
// "DEU", "Germany", "Allemagne", "Niemcy" and "Bundesrepublik Deutschland"
// all give "DE"; "UK", "Great Britain" and "Großbritannien" give "GB";
// German written without umlauts ("Oesterreich") is read too.
//
// The input is trimmed and put in NFC first. Two ASCII letters are read as
// an alpha-2 code (upper-cased; only the alias UK is accepted besides the
// codes [IsCountry] reports). Anything else is compared as a key folded to
// lower case, without accents or marks, with the punctuation . , ' ’ - ( )
// & read as spaces and runs of spaces collapsed. Inputs longer than 200
// bytes are rejected without further work.
//
// A name that several countries share ("Kongo", "Congo", "Korea") is
// refused: the invalid_country issue then has the param "candidates", the
// sorted alpha-2 codes it may stand for (["CD","CG"]). Nationality
// adjectives ("german") are not country names: see [NormalizeNationality].
//
// NormalizeCountry is idempotent: NormalizeCountry(r.Code) gives r.Code
// again. It allocates nothing for an upper-case alpha-2 code.
func NormalizeCountry(text string) CountryResult {
	res, _ := normalizeCountry(text, false)
	return res
}

// NormalizeNationality reads a nationality as people write it: whatever
// [NormalizeCountry] reads (codes and country names), and the nationality
// adjectives (demonyms) of the eight languages, in any case and with or
// without accents: "german", "Deutsch", "deutsche", "französisch",
// "Swedish", "svensk", "polska", "española" all give their country's
// alpha-2 code. An adjective two countries share ("Congolese",
// "Dominican", "Korean") is refused like a shared name, with the
// candidates in params.
//
// The result is what NormalizeCountry returns; NormalizeNationality is
// idempotent in the same way.
func NormalizeNationality(text string) CountryResult {
	res, _ := normalizeCountry(text, true)
	return res
}

// normalizeCountry is NormalizeCountry, or NormalizeNationality with
// nationality set; demonym reports that the result came from a nationality
// adjective rather than a code or a country name.
func normalizeCountry(text string, nationality bool) (res CountryResult, demonym bool) {
	if len(text) > maxCountryInput {
		return invalidCountry(), false
	}
	s := strings.TrimSpace(text)
	if len(s) == 2 && isCountryLetter(s[0]) && isCountryLetter(s[1]) {
		if code := upperASCII2(s); IsCountry(code) {
			return CountryResult{OK: true, Code: code, Issues: Issues{}}, false
		}
	}
	if !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s)
	}
	key := foldCountryKey(s)
	if nationality {
		if codes, ok := lookupCountryKey(nationalityKeys, key); ok {
			return countryResult(codes), true
		}
	}
	if codes, ok := lookupCountryKey(countryKeys, key); ok {
		return countryResult(codes), false
	}
	return invalidCountry(), false
}

// countryResult returns the result for the codes of a table record: one
// code, or several separated by spaces for a name countries share.
func countryResult(codes string) CountryResult {
	if len(codes) == 2 {
		return CountryResult{OK: true, Code: codes, Issues: Issues{}}
	}
	return CountryResult{Issues: Issues{NewIssue("", CodeInvalidCountry, Params{"candidates": strings.Fields(codes)})}}
}

func invalidCountry() CountryResult {
	return CountryResult{Issues: Issues{NewIssue("", CodeInvalidCountry, nil)}}
}

// IsCountry reports whether code is a current ISO 3166-1 alpha-2 code
// (exactly two upper-case ASCII letters in the table), or XK.
func IsCountry(code string) bool {
	return countryIndex(code) >= 0
}

// Alpha3 returns the ISO 3166-1 alpha-3 code of the alpha-2 code code
// ("DE" → "DEU"; "XK" → "XKK"), or "" if [IsCountry] reports false for it.
func Alpha3(code string) string {
	i := countryIndex(code)
	if i < 0 {
		return ""
	}
	return countryAlpha3[3*i : 3*i+3]
}

// countryIndex returns the position of code in countryCodes, or -1.
func countryIndex(code string) int {
	if len(code) != 2 || code[0] < 'A' || code[0] > 'Z' || code[1] < 'A' || code[1] > 'Z' {
		return -1
	}
	n := len(countryCodes) / 2
	i := sort.Search(n, func(i int) bool { return countryCodes[2*i:2*i+2] >= code })
	if i < n && countryCodes[2*i:2*i+2] == code {
		return i
	}
	return -1
}

func isCountryLetter(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// upperASCII2 upper-cases a two-letter ASCII string, returning s itself
// when it already is.
func upperASCII2(s string) string {
	if 'A' <= s[0] && s[0] <= 'Z' && 'A' <= s[1] && s[1] <= 'Z' {
		return s
	}
	return strings.ToUpper(s)
}

// lookupCountryKey finds key in table (countryKeys or nationalityKeys), a
// sorted run of "key\tCODES\n" records, by binary search over byte offsets:
// each probe backs up to the start of the record it lands in. It returns
// the record's codes: "DE", or "CD CG" for a key countries share.
func lookupCountryKey(table, key string) (string, bool) {
	if key == "" {
		return "", false
	}
	s := table
	lo, hi := 0, len(s) // record boundaries
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		start := lo + strings.LastIndexByte(s[lo:mid], '\n') + 1
		end := start + strings.IndexByte(s[start:], '\n')
		rec := s[start:end] // "key\tCODES"
		tab := strings.IndexByte(rec, '\t')
		switch c := strings.Compare(key, rec[:tab]); {
		case c == 0:
			return rec[tab+1:], true
		case c < 0:
			hi = start
		default:
			lo = end + 1
		}
	}
	return "", false
}

// foldCountryKey returns the lookup key of a country name; see
// countrykey.Fold.
func foldCountryKey(s string) string { return countrykey.Fold(s) }
