package validate

import (
	"github.com/custnorm/custnorm/validate/internal/countrykey"
	"sort"
	"strings"

	"golang.org/x/text/unicode/norm"
)

//go:generate go run ./internal/gencountries

// The country tables (countryCodes, countryAlpha3, countryKeys) live in
// countries_gen.go, written by internal/gencountries from x/text's CLDR
// data. The generator alone imports golang.org/x/text/language/display, so
// the display tables stay out of this package and the WASM build.
//
// Decisions the tables encode:
//
//   - The codes are the 249 ISO 3166-1 alpha-2 codes in current use, plus
//     XK. Kosovo is only user-assigned in ISO 3166-1, but CLDR, the European
//     Commission and payment providers use XK, so it is accepted. Its
//     alpha-3 is XKK (CLDR's, what [Alpha3] returns); XKX, the other code in
//     use, is accepted as input.
//   - Private-use codes (AA, QM–QZ, XA–XZ other than XK, ZZ), groups (EU,
//     EZ, UN, 001) and exceptional reservations (AC, CP, DG, EA, IC, TA) are
//     not countries and are rejected.
//   - Deprecated and withdrawn codes (DD/DDR, BU, YU, ZR, TP, CS, SU, AN, …)
//     are rejected: a record that still carries one needs a human, not a
//     guess. The one exception is the alias UK → GB, because UK is what
//     people and many systems write for the United Kingdom.
//   - Names are CLDR display names in en, de, fr, es, it, nl, pl and sv,
//     plus variants ("&" spelt out, English "St." as "Saint", a part in
//     parentheses dropped) and a short list of aliases ("Holland", "Czech
//     Republic", "Ivory Coast", …) documented in the generator. A name that
//     would stand for two countries is dropped; with the current data none
//     is.

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
// (en, de, fr, es, it, nl, pl, sv, case- and accent-insensitive, common
// aliases) into an ISO 3166-1 alpha-2 code: "de", "DEU", "Germany",
// "Allemagne" and "Niemcy" all give "DE"; "UK" and "Great Britain" give
// "GB".
//
// The input is trimmed and put in NFC first. Two ASCII letters are read as
// an alpha-2 code (upper-cased; only the alias UK is accepted besides the
// codes [IsCountry] reports). Anything else is compared as a key folded to
// lower case, without accents or marks, with the punctuation . , ' ’ - ( )
// & read as spaces and runs of spaces collapsed. Inputs longer than 200
// bytes are rejected without further work.
//
// NormalizeCountry is idempotent: NormalizeCountry(r.Code) gives r.Code
// again. It allocates nothing for an upper-case alpha-2 code.
func NormalizeCountry(text string) CountryResult {
	if len(text) > maxCountryInput {
		return invalidCountry()
	}
	s := strings.TrimSpace(text)
	if len(s) == 2 && isCountryLetter(s[0]) && isCountryLetter(s[1]) {
		if code := upperASCII2(s); IsCountry(code) {
			return CountryResult{OK: true, Code: code, Issues: Issues{}}
		}
	}
	if !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s)
	}
	if code, ok := lookupCountryKey(foldCountryKey(s)); ok {
		return CountryResult{OK: true, Code: code, Issues: Issues{}}
	}
	return invalidCountry()
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

// lookupCountryKey finds key in countryKeys, a sorted run of "key\tCC\n"
// records, by binary search over byte offsets: each probe backs up to the
// start of the record it lands in.
func lookupCountryKey(key string) (string, bool) {
	if key == "" {
		return "", false
	}
	s := countryKeys
	lo, hi := 0, len(s) // record boundaries
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		start := lo + strings.LastIndexByte(s[lo:mid], '\n') + 1
		end := start + strings.IndexByte(s[start:], '\n')
		rec := s[start:end] // "key\tCC"
		switch c := strings.Compare(key, rec[:len(rec)-3]); {
		case c == 0:
			return rec[len(rec)-2:], true
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
