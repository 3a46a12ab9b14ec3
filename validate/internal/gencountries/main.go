// Command gencountries writes countries_gen.go, the country tables of package
// validate, and testdata/countrynames.tsv, the source names its tests check
// the tables against.
//
// The tables are the current ISO 3166-1 alpha-2 codes (from x/text's
// language package), their alpha-3 codes, a sorted table of folded country
// names, each with the code or codes it stands for, and a table of the
// nationality adjectives (demonyms) and of the keys whose meaning as a
// nationality differs from their meaning as a country.
//
// The names come from npm data packages, read as JSON files from a
// node_modules directory (no JavaScript runs), pinned in tools/js and
// installed with `npm ci --prefix tools/js`:
//
//   - cldr-localenames-full (Unicode CLDR 48): the territory names of en,
//     de, fr, es, it, nl, pl and sv, with CLDR's short and variant forms;
//   - i18n-iso-countries: names and common alternatives in the same
//     languages;
//   - i18n-nationality: nationality adjectives in en, de, fr, es, it, nl;
//
// and from custnorm's curated list (curated.go): aliases, official names,
// Polish and Swedish adjectives, corrections of the packages' errors and
// names refused as ambiguous. Rules derive further spellings
// (variants.go): "&" spelt out, a part in parentheses dropped, German ä ö ü
// as ae oe ue, feminine adjectives.
//
// Each key (a name folded by countrykey.Fold) stands for the countries that
// claim it at its highest level: an alpha-3 code, then a name or adjective a
// source lists, then a derived spelling. When two or more countries claim a
// key at that level, in one language or across languages, the key stands
// for all of them and the runtime refuses it, naming the candidates: a name
// is never guessed. Keys of two ASCII letters are read as alpha-2 codes at
// run time; only curated aliases (UK) may add one.
//
// Run it through go generate in the validate directory:
//
//	go generate ./validate
//
// or directly:
//
//	go run ./internal/gencountries -data ../tools/js/node_modules -o countries_gen.go -names testdata/countrynames.tsv
//
// -v logs every decision (ambiguous keys, shadowed claims, dropped keys) on
// stderr. The program fails when a sanity check does not hold, so that a new
// package version cannot silently change what validate accepts.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"go/format"
	"log"
	"maps"
	"os"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"

	"github.com/custnorm/custnorm/validate/internal/countrykey"
)

// languages are the languages whose names become keys.
var languages = []string{"en", "de", "fr", "es", "it", "nl", "pl", "sv"}

// nationalityLanguages are the languages i18n-nationality covers.
var nationalityLanguages = []string{"en", "de", "fr", "es", "it", "nl"}

// kosovo is accepted although ISO 3166-1 has only user-assigned it: CLDR,
// the European Commission and the payment providers we convert for use XK.
// Its alpha-3 is x/text's (CLDR) XKK; the other alpha-3 in use, XKX, is an
// alias.
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

// Levels of a claim on a key: a lower one wins over a higher one.
const (
	levelCode    = iota // lower-case alpha-3 code
	levelName           // a name or adjective a source lists
	levelDerived        // derived by a rule of variants.go
)

var verbose = flag.Bool("v", false, "log every decision on stderr")

func main() {
	log.SetFlags(0)
	log.SetPrefix("gencountries: ")
	out := flag.String("o", "countries_gen.go", "output file")
	namesOut := flag.String("names", "testdata/countrynames.tsv", "test data file of the source names (\"\" for none)")
	data := flag.String("data", "../tools/js/node_modules", "node_modules directory holding the data packages")
	flag.Parse()

	src, err := newSource(*data)
	if err != nil {
		log.Fatal(err)
	}
	codes, alpha3 := countries()
	entries, err := loadEntries(src, codes)
	if err != nil {
		log.Fatal(err)
	}
	t := build(codes, alpha3, entries)
	gen := render(src, codes, alpha3, t)
	if err := os.WriteFile(*out, gen, 0o666); err != nil {
		log.Fatal(err)
	}
	if *namesOut != "" {
		if err := os.WriteFile(*namesOut, renderNames(src, entries), 0o666); err != nil {
			log.Fatal(err)
		}
	}
	log.Printf("wrote %s: %d codes, %d name keys (%d ambiguous), %d nationality keys, %d bytes",
		*out, len(codes), len(t.names), countAmbiguous(t.names), len(t.nationality), len(gen))
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

var threeLetters = regexp.MustCompile(`^[A-Z]{3}$`)

// loadEntries returns every name of every source, in NFC, the curated
// aliases and demonyms included, in a fixed order.
func loadEntries(src *source, codes []string) ([]entry, error) {
	known := func(c string) bool { _, ok := slices.BinarySearch(codes, c); return ok }
	var all []entry
	for _, lang := range languages {
		e, err := src.cldr(lang, known)
		if err != nil {
			return nil, err
		}
		all = append(all, e...)
	}
	for _, lang := range languages {
		e, err := src.countries(lang, known)
		if err != nil {
			return nil, err
		}
		all = append(all, e...)
	}
	for _, lang := range nationalityLanguages {
		e, err := src.nationalities(lang, known)
		if err != nil {
			return nil, err
		}
		all = append(all, e...)
	}
	for _, a := range aliases {
		all = append(all, entry{"custnorm", a.lang, kindAlias, a.code, a.name})
	}
	for _, d := range demonyms {
		all = append(all, entry{"custnorm", d.lang, kindDemonym, d.code, d.name})
	}
	for i := range all {
		e := &all[i]
		e.name = norm.NFC.String(strings.TrimSpace(e.name))
		if !known(e.code) {
			return nil, fmt.Errorf("%s %s %q: unknown code %s", e.source, e.lang, e.name, e.code)
		}
		if e.name == "" || strings.ContainsAny(e.name, "\t\n") {
			return nil, fmt.Errorf("%s %s %s: name %q is empty or has a tab or newline", e.source, e.lang, e.code, e.name)
		}
	}
	return all, nil
}

// corrected reports whether e is an entry the curated corrections drop.
func corrected(e entry) bool {
	for _, c := range corrections {
		if c.source == e.source && c.lang == e.lang && c.code == e.code && c.name == e.name {
			return true
		}
	}
	return false
}

// A claim says that a key stands for code.
type claim struct {
	code  string
	level int
	alias bool   // a curated alias (the only claims two-letter keys keep)
	from  string // where the claim comes from, for the log
}

// claims collects the claims on each key.
type claims map[string][]claim

func (c claims) add(name string, cl claim) {
	key := countrykey.Fold(name)
	if key == "" {
		log.Fatalf("%s: %q folds to nothing", cl.from, name)
	}
	c[key] = append(c[key], cl)
}

// tables are the resolved keys: each key with its sorted codes (two or more
// for an ambiguous key).
type tables struct {
	names       map[string][]string
	nationality map[string][]string
}

func build(codes, alpha3 []string, entries []entry) tables {
	for _, c := range corrections {
		if !slices.ContainsFunc(entries, func(e entry) bool {
			return c.source == e.source && c.lang == e.lang && c.code == e.code && c.name == e.name
		}) {
			log.Fatalf("correction %s %s %s %q matches no entry: the data changed; review the correction", c.source, c.lang, c.code, c.name)
		}
	}

	names, nat := claims{}, claims{}
	for i, a3 := range alpha3 {
		cl := claim{code: codes[i], level: levelCode, from: "alpha-3"}
		names.add(a3, cl)
		nat.add(a3, cl)
	}
	// bare reports whether a source gives a language's demonym list the
	// name as a country's own adjective (see demonymVariants).
	bareDemonyms := map[string]bool{}
	for _, e := range entries {
		if e.kind == kindDemonym && !corrected(e) {
			bareDemonyms[e.source+"\t"+e.lang+"\t"+e.name] = true
		}
	}
	for _, e := range entries {
		if corrected(e) {
			continue
		}
		from := fmt.Sprintf("%s %s %s %q", e.source, e.lang, e.kind, e.name)
		cl := claim{code: e.code, level: levelName, alias: e.kind == kindAlias, from: from}
		if e.kind == kindDemonym {
			nat.add(e.name, cl)
			bare := func(s string) bool { return bareDemonyms[e.source+"\t"+e.lang+"\t"+s] }
			for _, v := range demonymVariants(e.lang, e.name, bare) {
				nat.add(v, claim{code: e.code, level: levelDerived, from: from + " → " + v})
			}
			continue
		}
		names.add(e.name, cl)
		nat.add(e.name, cl)
		for _, v := range nameVariants(e.lang, e.name) {
			d := claim{code: e.code, level: levelDerived, from: from + " → " + v}
			names.add(v, d)
			nat.add(v, d)
		}
	}

	refused := map[string]refusal{}
	for _, r := range refusals {
		key := countrykey.Fold(r.name)
		if !slices.IsSorted(r.codes) || len(r.codes) < 2 {
			log.Fatalf("refusal %q: codes %v are not two or more sorted codes", r.name, r.codes)
		}
		for _, c := range r.codes {
			if _, ok := slices.BinarySearch(codes, c); !ok {
				log.Fatalf("refusal %q: unknown code %s", r.name, c)
			}
		}
		if _, dup := refused[key]; dup {
			log.Fatalf("refusal %q listed twice", r.name)
		}
		refused[key] = r
	}

	t := tables{names: resolve(names, codes, refused), nationality: map[string][]string{}}
	for key, cs := range resolve(nat, codes, refused) {
		if n, ok := t.names[key]; !ok || !slices.Equal(n, cs) {
			t.nationality[key] = cs
		}
	}
	// Every refusal must be a key of the tables (a refused name that no
	// source lists is still refused, with its candidates).
	for key, r := range refused {
		if _, ok := t.names[key]; !ok {
			t.names[key] = r.codes
		}
	}
	return t
}

// resolve returns each key with the codes that claim it at its highest
// level, applying the refusals and the two-letter rule.
func resolve(c claims, codes []string, refused map[string]refusal) map[string][]string {
	out := make(map[string][]string, len(c))
	for _, key := range slices.Sorted(maps.Keys(c)) {
		cls := c[key]
		if strings.ContainsAny(key, "\t\n") || countrykey.Fold(key) != key {
			log.Fatalf("key %q is not a folded key", key)
		}
		if isTwoLetters(key) {
			var kept []claim
			for _, cl := range cls {
				if cl.alias {
					kept = append(kept, cl)
				} else if *verbose {
					log.Printf("two-letter key %q (%s) dropped: two letters are read as an alpha-2 code", key, cl.from)
				}
			}
			if len(kept) == 0 {
				continue
			}
			if _, ok := slices.BinarySearch(codes, strings.ToUpper(key)); ok {
				log.Fatalf("alias %q is a country code", key)
			}
			cls = kept
		}
		if r, ok := refused[key]; ok {
			for _, cl := range cls {
				if !slices.Contains(r.codes, cl.code) {
					log.Fatalf("refused key %q: %s claims %s, which the refusal does not list", key, cl.from, cl.code)
				}
			}
			out[key] = r.codes
			continue
		}
		best := levelDerived + 1
		for _, cl := range cls {
			best = min(best, cl.level)
		}
		var win []string
		for _, cl := range cls {
			if cl.level == best && !slices.Contains(win, cl.code) {
				win = append(win, cl.code)
			}
		}
		slices.Sort(win)
		for _, cl := range cls {
			if cl.level != best && !slices.Contains(win, cl.code) {
				if cl.alias {
					log.Fatalf("alias %s is shadowed by %v on key %q", cl.from, win, key)
				}
				if *verbose {
					log.Printf("key %q: %s (%s) shadowed by %v", key, cl.from, cl.code, win)
				}
			}
		}
		if len(win) > 1 {
			for _, cl := range cls {
				if cl.alias {
					log.Fatalf("alias %s is ambiguous: key %q claimed by %v", cl.from, key, win)
				}
			}
			if *verbose {
				var from []string
				for _, cl := range cls {
					if cl.level == best {
						from = append(from, cl.code+" "+cl.from)
					}
				}
				log.Printf("key %q is ambiguous %v: %s", key, win, strings.Join(from, "; "))
			}
		}
		out[key] = win
	}
	return out
}

func isTwoLetters(s string) bool {
	return len(s) == 2 && 'a' <= s[0] && s[0] <= 'z' && 'a' <= s[1] && s[1] <= 'z'
}

func countAmbiguous(m map[string][]string) int {
	n := 0
	for _, cs := range m {
		if len(cs) > 1 {
			n++
		}
	}
	return n
}

// render returns the gofmt-ed source of countries_gen.go.
func render(src *source, codes, alpha3 []string, t tables) []byte {
	var b bytes.Buffer
	b.WriteString("// Code generated by gencountries; DO NOT EDIT.\n\n")
	b.WriteString("package validate\n\n")

	fmt.Fprintf(&b, "// countryData names the data the tables were generated from.\n")
	fmt.Fprintf(&b, "const countryData = %q\n\n", dataDescription(src))

	fmt.Fprintf(&b, "// countryCodes holds the %d accepted alpha-2 codes (ISO 3166-1 and XK),\n", len(codes))
	b.WriteString("// sorted, two bytes each.\n")
	writeChunks(&b, "countryCodes", codes, 16)

	b.WriteString("// countryAlpha3 holds the alpha-3 code of each code in countryCodes, in the\n")
	b.WriteString("// same order, three bytes each.\n")
	writeChunks(&b, "countryAlpha3", alpha3, 16)

	fmt.Fprintf(&b, "// countryKeys holds %d records \"key\\tCC\\n\", sorted by key in byte order:\n", len(t.names))
	b.WriteString("// folded country names, lower-case alpha-3 codes and aliases, each with the\n")
	b.WriteString("// alpha-2 code it stands for, or, for a name several countries share,\n")
	b.WriteString("// their codes separated by spaces (\"kongo\\tCD CG\\n\").\n")
	writeRecords(&b, "countryKeys", t.names)

	fmt.Fprintf(&b, "// nationalityKeys holds %d records in the form of countryKeys: the folded\n", len(t.nationality))
	b.WriteString("// nationality adjectives, and the keys whose meaning as a nationality differs\n")
	b.WriteString("// from their meaning in countryKeys. A nationality is looked up here first.\n")
	writeRecords(&b, "nationalityKeys", t.nationality)

	out, err := format.Source(b.Bytes())
	if err != nil {
		log.Fatalf("gofmt: %v", err)
	}
	return out
}

func dataDescription(src *source) string {
	return fmt.Sprintf("Unicode CLDR %s (npm %s %s), npm %s %s, npm %s %s, custnorm's curated list",
		strings.SplitN(src.versions[pkgCLDR], ".", 2)[0], pkgCLDR, src.versions[pkgCLDR],
		pkgCountries, src.versions[pkgCountries], pkgNationality, src.versions[pkgNationality])
}

// writeRecords writes a string constant of the sorted records of m, several
// to a source line.
func writeRecords(b *bytes.Buffer, name string, m map[string][]string) {
	fmt.Fprintf(b, "const %s = \"\" +\n", name)
	keys := slices.Sorted(maps.Keys(m))
	var line strings.Builder
	flush := func(last bool) {
		fmt.Fprintf(b, "\t%q", line.String())
		if !last {
			b.WriteString(" +")
		}
		b.WriteString("\n")
		line.Reset()
	}
	for i, k := range keys {
		line.WriteString(k + "\t" + strings.Join(m[k], " ") + "\n")
		if line.Len() >= 80 || i == len(keys)-1 {
			flush(i == len(keys)-1)
		}
	}
	if len(keys) == 0 {
		b.WriteString("\t\"\"\n")
	}
	b.WriteString("\n")
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

// renderNames returns testdata/countrynames.tsv: every entry of every
// source as it stands in the source, the entries the curated corrections
// drop included (the tests list them as refused).
func renderNames(src *source, entries []entry) []byte {
	var b bytes.Buffer
	b.WriteString("# Generated by validate/internal/gencountries; DO NOT EDIT.\n")
	fmt.Fprintf(&b, "# The country names and nationality adjectives of %s.\n", dataDescription(src))
	b.WriteString("# Columns: source, language, kind (name, short, variant, alias, demonym; refused: a name\n")
	b.WriteString("# countries share, with their codes), ISO 3166-1 alpha-2 code, name.\n")
	for _, e := range entries {
		fmt.Fprintf(&b, "%s\t%s\t%s\t%s\t%s\n", e.source, e.lang, e.kind, e.code, e.name)
	}
	for _, r := range refusals {
		fmt.Fprintf(&b, "custnorm\t%s\trefused\t%s\t%s\n", r.lang, strings.Join(r.codes, " "), r.name)
	}
	return b.Bytes()
}
