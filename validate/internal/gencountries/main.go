// Command gencountries writes countries_gen.go, the country tables of package
// validate: the current ISO 3166-1 alpha-2 codes, their alpha-3 codes, and a
// sorted table of folded country names (en, de, fr, es, it, nl, pl, sv),
// lower-case alpha-3 codes and aliases, each mapped to an alpha-2 code.
//
// It is the only place that imports golang.org/x/text/language/display, so
// the runtime package (and the WASM build) does not link the display
// tables. Run it through go generate in the validate directory:
//
//	go generate ./validate
//
// or directly, with -o naming the output file (default countries_gen.go):
//
//	go run ./internal/gencountries -o countries_gen.go
//
// Keys that two countries share are dropped and logged on stderr. The
// program fails when a sanity check of the code list does not hold, so a
// changed x/text cannot silently change what validate accepts.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"github.com/custnorm/custnorm/validate/internal/countrykey"
	"go/format"
	"log"
	"maps"
	"os"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// languages are the languages whose display names become keys, with the
// word each uses for "&" (English display names write "Trinidad & Tobago";
// people type "Trinidad and Tobago").
var languages = []struct {
	tag  string
	conj string
}{
	{"en", "and"},
	{"de", "und"},
	{"fr", "et"},
	{"es", "y"},
	{"it", "e"},
	{"nl", "en"},
	{"pl", "i"},
	{"sv", "och"},
}

// kosovo is accepted although ISO 3166-1 has only user-assigned it: CLDR,
// the European Commission and the payment providers we convert for use XK.
// Its alpha-3 is x/text's (CLDR) XKK; the other alpha-3 in use, XKX, is an
// alias below.
const kosovo = "XK"

// withdrawn are codes that ISO 3166-1 deleted (ISO 3166-3) but that CLDR
// keeps as regions without a replacement, so language.Region still calls
// them countries with a numeric code: Netherlands Antilles, Serbia and
// Montenegro, the Neutral Zone, the USSR and Yugoslavia.
var withdrawn = []string{"AN", "CS", "NT", "SU", "YU"}

// mustNot are codes the table must not contain: deprecated codes (UK, DD,
// YU, BU, ZR, TP), private use (AA, QM, QZ, XA, XX, XZ, ZZ), groups and
// exceptional reservations (EU, EZ, UN, AC, CP, DG, EA, IC, TA).
var mustNot = []string{
	"UK", "DD", "YU", "BU", "ZR", "TP", "CS", "SU", "AN",
	"AA", "QM", "QO", "QZ", "XA", "XX", "XZ", "ZZ",
	"EU", "EZ", "UN", "AC", "CP", "DG", "EA", "IC", "TA",
}

// must are codes the table must contain (recent or unusual ones included).
var must = []string{"DE", "GB", "US", "FR", "SE", "PL", "SS", "BQ", "CW", "SX", "TL", "ME", "RS", "AX", "XK"}

// isoCount is the number of codes ISO 3166-1 officially assigns.
const isoCount = 249

// aliases map common names that are not CLDR display names in our
// languages, or that CLDR spells differently, to alpha-2 codes. Each line
// says why it is here. An alias wins over a display name of another
// country; two aliases (or an alias and an alpha-3 code) for different
// countries make the program fail.
var aliases = []struct {
	name, code string
}{
	// The United Kingdom: UK is the usual (exceptionally reserved, not ISO)
	// code, and its parts are commonly written as the country.
	{"UK", "GB"},
	{"U.K.", "GB"},
	{"Great Britain", "GB"},
	{"Britain", "GB"},
	{"England", "GB"},
	{"Scotland", "GB"},
	{"Wales", "GB"},
	{"Northern Ireland", "GB"},
	{"United Kingdom of Great Britain and Northern Ireland", "GB"}, // ISO 3166 name
	// The United States: abbreviations and the long form.
	{"USA", "US"}, // also its alpha-3; listed for the reader
	{"U.S.A.", "US"},
	{"U.S.", "US"},
	{"United States of America", "US"},
	{"America", "US"},
	// The Netherlands: the old common name and the article.
	{"Holland", "NL"},
	{"The Netherlands", "NL"},
	// Germany in German, already a display name; harmless.
	{"Deutschland", "DE"},
	// ISO and UN long names that lists of countries in provider dashboards
	// use.
	{"Russia", "RU"},
	{"Russian Federation", "RU"},
	{"Viet Nam", "VN"},
	{"Republic of Korea", "KR"},
	// Short forms: "Korea" alone means the Republic of Korea in payment
	// data (North Korea is under sanctions and has no card acquiring).
	{"South Korea", "KR"},
	{"Korea", "KR"},
	{"North Korea", "KP"},
	// Renamed countries: the names people still write.
	{"Czech Republic", "CZ"},
	{"Czechia", "CZ"},
	{"Ivory Coast", "CI"},
	{"Macedonia", "MK"},
	{"North Macedonia", "MK"},
	{"Burma", "MM"},
	{"Swaziland", "SZ"},
	{"Eswatini", "SZ"},
	{"Turkey", "TR"},
	{"Türkiye", "TR"},
	{"Cape Verde", "CV"},
	{"Cabo Verde", "CV"},
	{"East Timor", "TL"},
	{"Weißrussland", "BY"}, // German name before CLDR's "Belarus"; still common
	// The Holy See's state and its short name.
	{"Vatican", "VA"},
	{"Holy See", "VA"},
	// CLDR's English names add "SAR China"; the plain names are usual.
	{"Hong Kong", "HK"},
	{"Macau", "MO"},
	{"Macao", "MO"},
	// CLDR's English names are "Congo - Kinshasa" and "Congo - Brazzaville".
	{"Democratic Republic of the Congo", "CD"},
	{"DR Congo", "CD"},
	{"Republic of the Congo", "CG"},
	// The ISO name; CLDR's English name has no "the".
	{"Saint Vincent and the Grenadines", "VC"},
	// CLDR's English name is "Palestinian Territories".
	{"Palestine", "PS"},
	// Kosovo's alpha-3 as used by the European Commission and the World
	// Bank (x/text gives XKK).
	{"XKX", "XK"},
}

// Priorities of the sources of a key: a lower one wins over a higher one.
const (
	prioAlpha3  = iota // lower-case alpha-3 code
	prioAlias          // hand-written alias
	prioName           // display name, as CLDR writes it
	prioVariant        // derived from a display name ("&" spelt out, "(…)" dropped)
	numPrio
)

var prioNames = [numPrio]string{"alpha-3", "alias", "name", "variant"}

func main() {
	log.SetFlags(0)
	log.SetPrefix("gencountries: ")
	out := flag.String("o", "countries_gen.go", "output file")
	flag.Parse()

	codes, alpha3 := countries()
	keys := buildKeys(codes, alpha3)
	src := render(codes, alpha3, keys)
	if err := os.WriteFile(*out, src, 0o666); err != nil {
		log.Fatal(err)
	}
	log.Printf("wrote %s: %d codes, %d keys, %d bytes", *out, len(codes), len(keys), len(src))
}

// countries returns the sorted alpha-2 codes and, in the same order, their
// alpha-3 codes.
func countries() (codes, alpha3 []string) {
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			s := string([]rune{a, b})
			r, err := language.ParseRegion(s)
			if err != nil {
				continue
			}
			switch {
			case s == kosovo:
				// Decided above; private use for x/text.
			case !r.IsCountry() || r.IsPrivateUse():
				continue
			case r.String() != s || r.Canonicalize().String() != s:
				continue // deprecated, with a replacement (UK, DD, BU, ZR, …)
			case r.M49() == 0:
				continue // exceptionally reserved (AC, CP, DG, EA, IC, TA) or a grouping (EZ, UN)
			case slices.Contains(withdrawn, s):
				continue
			}
			iso3 := r.ISO3()
			if !threeLetters.MatchString(iso3) || iso3 == "ZZZ" {
				log.Fatalf("%s: alpha-3 %q is not three letters", s, iso3)
			}
			codes = append(codes, s)
			alpha3 = append(alpha3, iso3)
		}
	}
	if n := len(codes); n != isoCount+1 {
		log.Fatalf("%d codes, want %d (ISO 3166-1) + XK", n, isoCount)
	}
	for _, c := range mustNot {
		if slices.Contains(codes, c) {
			log.Fatalf("table contains %s", c)
		}
	}
	for _, c := range must {
		if !slices.Contains(codes, c) {
			log.Fatalf("table lacks %s", c)
		}
	}
	seen := map[string]string{}
	for i, a3 := range alpha3 {
		if other, ok := seen[a3]; ok {
			log.Fatalf("alpha-3 %s used by %s and %s", a3, other, codes[i])
		}
		seen[a3] = codes[i]
	}
	return codes, alpha3
}

// candidates collects, per key and priority, the codes that claim the key.
type candidates map[string]*[numPrio][]string

func (c candidates) add(key, code string, prio int) {
	if key == "" {
		return
	}
	e := c[key]
	if e == nil {
		e = new([numPrio][]string)
		c[key] = e
	}
	if !slices.Contains(e[prio], code) {
		e[prio] = append(e[prio], code)
	}
}

type entry struct{ key, code string }

// buildKeys returns the sorted key table.
func buildKeys(codes, alpha3 []string) []entry {
	cand := candidates{}
	for i, a3 := range alpha3 {
		cand.add(strings.ToLower(a3), codes[i], prioAlpha3)
	}
	for _, a := range aliases {
		if !slices.Contains(codes, a.code) {
			log.Fatalf("alias %q: unknown code %s", a.name, a.code)
		}
		cand.add(foldCountryKey(a.name), a.code, prioAlias)
	}
	for _, lang := range languages {
		namer := display.Regions(language.MustParse(lang.tag))
		for _, code := range codes {
			name := namer.Name(language.MustParseRegion(code))
			if name == "" {
				log.Fatalf("%s has no %s name", code, lang.tag)
			}
			cand.add(foldCountryKey(name), code, prioName)
			for _, v := range variants(name, lang.conj) {
				cand.add(foldCountryKey(v), code, prioVariant)
			}
		}
	}

	var keys []entry
	for _, key := range slices.Sorted(maps.Keys(cand)) {
		if foldCountryKey(key) != key {
			log.Fatalf("key %q is not folded", key)
		}
		if strings.ContainsAny(key, "\t\n\"\\") {
			log.Fatalf("key %q contains a separator", key)
		}
		e := cand[key]
		prio := slices.IndexFunc(e[:], func(c []string) bool { return len(c) > 0 })
		win := e[prio]
		if len(win) > 1 {
			if prio <= prioAlias {
				log.Fatalf("%s %q claimed by %v", prioNames[prio], key, win)
			}
			log.Printf("ambiguous %s %q: %v; dropped", prioNames[prio], key, win)
			continue
		}
		for p := prio + 1; p < numPrio; p++ {
			for _, c := range e[p] {
				if c != win[0] {
					log.Printf("%s %q for %s shadowed by %s for %s", prioNames[p], key, c, prioNames[prio], win[0])
				}
			}
		}
		if isTwoLetters(key) && prio != prioAlias {
			// Two ASCII letters are read as an alpha-2 code; only aliases
			// (UK) may add to that.
			log.Printf("two-letter %s %q for %s; dropped", prioNames[prio], key, win[0])
			continue
		}
		if isTwoLetters(key) && slices.Contains(codes, strings.ToUpper(key)) {
			log.Fatalf("alias %q is a country code", key)
		}
		keys = append(keys, entry{key, win[0]})
	}
	return keys
}

func isTwoLetters(s string) bool {
	return len(s) == 2 && 'a' <= s[0] && s[0] <= 'z' && 'a' <= s[1] && s[1] <= 'z'
}

var (
	parenthesized = regexp.MustCompile(`\s*\([^)]*\)`)
	threeLetters  = regexp.MustCompile(`^[A-Z]{3}$`)
)

// variants returns other ways of writing name: "&" spelt out with the
// language's conjunction, English "St." as "Saint", and a parenthesized
// part dropped ("Myanmar (Burma)" → "Myanmar"). The variants are the
// nearest thing to CLDR's short names, which x/text does not provide.
func variants(name, conj string) []string {
	forms := []string{name}
	if strings.Contains(name, "&") {
		forms = append(forms, strings.ReplaceAll(name, "&", conj))
	}
	if conj == "and" {
		for _, f := range forms {
			if strings.HasPrefix(f, "St. ") {
				forms = append(forms, "Saint "+f[len("St. "):])
			}
		}
	}
	for _, f := range forms {
		if p := parenthesized.ReplaceAllString(f, ""); p != f {
			forms = append(forms, p)
		}
	}
	return forms[1:]
}

// foldCountryKey is the key function the runtime uses too.
func foldCountryKey(s string) string { return countrykey.Fold(s) }

// render returns the gofmt-ed source of countries_gen.go.
func render(codes, alpha3 []string, keys []entry) []byte {
	var b bytes.Buffer
	b.WriteString("// Code generated by gencountries; DO NOT EDIT.\n\n")
	b.WriteString("package validate\n\n")

	fmt.Fprintf(&b, "// countryCodes holds the %d accepted alpha-2 codes (ISO 3166-1 and XK),\n", len(codes))
	b.WriteString("// sorted, two bytes each.\n")
	writeChunks(&b, "countryCodes", codes, 16)

	b.WriteString("// countryAlpha3 holds the alpha-3 code of each code in countryCodes, in the\n")
	b.WriteString("// same order, three bytes each.\n")
	writeChunks(&b, "countryAlpha3", alpha3, 16)

	fmt.Fprintf(&b, "// countryKeys holds %d records \"key\\tCC\\n\", sorted by key in byte order:\n", len(keys))
	b.WriteString("// folded display names, lower-case alpha-3 codes and aliases, each with the\n")
	b.WriteString("// alpha-2 code it stands for.\n")
	b.WriteString("const countryKeys = \"\" +\n")
	for i, e := range keys {
		fmt.Fprintf(&b, "\t%q", e.key+"\t"+e.code+"\n")
		if i < len(keys)-1 {
			b.WriteString(" +")
		}
		b.WriteString("\n")
	}
	src, err := format.Source(b.Bytes())
	if err != nil {
		log.Fatalf("gofmt: %v", err)
	}
	return src
}

// writeChunks writes a string constant that concatenates items, perLine of
// them to a source line.
func writeChunks(b *bytes.Buffer, name string, items []string, perLine int) {
	fmt.Fprintf(b, "const %s = \"\" +\n", name)
	for chunk := range slices.Chunk(items, perLine) {
		fmt.Fprintf(b, "\t%q +\n", strings.Join(chunk, ""))
	}
	b.Truncate(b.Len() - len(" +\n"))
	b.WriteString("\n\n")
}
