package validate_test

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/language"

	"github.com/custnorm/custnorm/validate"
)

// allCountries returns every code IsCountry accepts, in order.
func allCountries() []string {
	var codes []string
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			if c := string([]rune{a, b}); validate.IsCountry(c) {
				codes = append(codes, c)
			}
		}
	}
	return codes
}

func okCountry(code string) validate.CountryResult {
	return validate.CountryResult{OK: true, Code: code, Issues: validate.Issues{}}
}

func badCountry() validate.CountryResult {
	return validate.CountryResult{Issues: validate.Issues{validate.NewIssue("", validate.CodeInvalidCountry, nil)}}
}

// ambiguousCountry is the result for a name the countries codes share.
func ambiguousCountry(codes ...string) validate.CountryResult {
	return validate.CountryResult{Issues: validate.Issues{
		validate.NewIssue("", validate.CodeInvalidCountry, validate.Params{"candidates": codes}),
	}}
}

// wantCountry is the result a test table's want stands for: one code is
// that country, several are the candidates of an ambiguous name, none is a
// rejection.
func wantCountry(codes string) validate.CountryResult {
	switch c := strings.Fields(codes); len(c) {
	case 0:
		return badCountry()
	case 1:
		return okCountry(c[0])
	default:
		return ambiguousCountry(c...)
	}
}

func TestNormalizeCountry(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string // "" means rejected; "A B" refused with candidates A and B
	}{
		// Alpha-2 codes.
		{"alpha-2", "DE", "DE"},
		{"alpha-2 lower", "de", "DE"},
		{"alpha-2 mixed", "gB", "GB"},
		{"alpha-2 padded", "  fr\t", "FR"},
		{"alpha-2 newest", "SS", "SS"},
		{"alpha-2 Kosovo", "XK", "XK"},
		// Alpha-3 codes.
		{"alpha-3", "POL", "PL"},
		{"alpha-3 lower", "pol", "PL"},
		{"alpha-3 mixed", "Deu", "DE"},
		{"alpha-3 USA", "USA", "US"},
		{"alpha-3 Kosovo CLDR", "XKK", "XK"},
		{"alpha-3 Kosovo EU", "XKX", "XK"},
		// English names.
		{"en", "Germany", "DE"},
		{"en lower", "germany", "DE"},
		{"en upper", "GERMANY", "DE"},
		{"en spaces", "  United   Kingdom ", "GB"},
		{"en ampersand", "Trinidad & Tobago", "TT"},
		{"en and", "Trinidad and Tobago", "TT"},
		{"en saint", "Saint Lucia", "LC"},
		{"en St.", "St. Lucia", "LC"},
		{"en parentheses", "Myanmar (Burma)", "MM"},
		{"en without parentheses", "Myanmar", "MM"},
		{"en accents", "Côte d’Ivoire", "CI"},
		{"en no accents", "Cote d'Ivoire", "CI"},
		{"en Åland", "Åland Islands", "AX"},
		{"en Kosovo", "Kosovo", "XK"},
		// German.
		{"de", "Deutschland", "DE"},
		{"de upper umlaut", "ÖSTERREICH", "AT"},
		{"de umlaut dropped", "Osterreich", "AT"},
		{"de ß", "Weißrussland", "BY"},
		{"de ss", "Weissrussland", "BY"},
		{"de und", "Bosnien und Herzegowina", "BA"},
		{"de", "Vereinigte Staaten", "US"},
		{"de CLDR 48", "Nordmazedonien", "MK"},
		{"de Großbritannien", "Großbritannien", "GB"},
		{"de Grossbritannien", "Grossbritannien", "GB"},
		{"de CLDR variant", "Elfenbeinküste", "CI"},
		{"de official", "Vereinigte Staaten von Amerika", "US"},
		{"de official Germany", "Bundesrepublik Deutschland", "DE"},
		{"de oe", "Oesterreich", "AT"},
		{"de ae", "Daenemark", "DK"},
		{"de ue", "Tuerkei", "TR"},
		{"de ue upper", "TUERKEI", "TR"},
		{"de ae official", "Koenigreich Daenemark", "DK"},
		// French.
		{"fr", "Allemagne", "DE"},
		{"fr accents", "États-Unis", "US"},
		{"fr no accents", "etats unis", "US"},
		{"fr hyphen", "Royaume-Uni", "GB"},
		{"fr CLDR variant", "République tchèque", "CZ"},
		{"fr CLDR short", "R.-U.", "GB"},
		{"fr CLDR short", "É.-U.", "US"},
		// Spanish.
		{"es", "Alemania", "DE"},
		{"es", "España", "ES"},
		{"es no tilde", "espana", "ES"},
		{"es CLDR short", "EE. UU.", "US"},
		{"es usage", "EEUU", "US"},
		// Italian.
		{"it", "Germania", "DE"},
		{"it", "Svizzera", "CH"},
		// Dutch.
		{"nl", "Duitsland", "DE"},
		{"nl", "België", "BE"},
		{"nl official", "Bondsrepubliek Duitsland", "DE"},
		{"nl official", "Koninkrijk der Nederlanden", "NL"},
		{"nl former", "Wit-Rusland", "BY"},
		{"nl Ivoorkust", "Ivoorkust", "CI"},
		// Polish.
		{"pl", "Niemcy", "DE"},
		{"pl ł", "Włochy", "IT"},
		{"pl l", "wlochy", "IT"},
		{"pl", "Korea Południowa", "KR"},
		{"pl CLDR short", "Wlk. Bryt.", "GB"},
		{"pl official", "Rzeczpospolita Polska", "PL"},
		// Swedish.
		{"sv", "Tyskland", "DE"},
		{"sv å", "Österrike", "AT"},
		{"sv S:t", "S:t Lucia", "LC"},
		// Aliases.
		{"alias UK", "UK", "GB"},
		{"alias uk", "uk", "GB"},
		{"alias U.K.", "U.K.", "GB"},
		{"alias England", "England", "GB"},
		{"alias Great Britain", "Great Britain", "GB"},
		{"alias U.S.A.", "U.S.A.", "US"},
		{"alias United States of America", "United States of America", "US"},
		{"alias Holland", "Holland", "NL"},
		{"alias The Netherlands", "The Netherlands", "NL"},
		{"alias Russia", "Russia", "RU"},
		{"alias UAE", "UAE", "AE"},
		{"alias Republic of Korea", "Republic of Korea", "KR"},
		{"alias North Korea", "North Korea", "KP"},
		{"alias Czech Republic", "Czech Republic", "CZ"},
		{"alias Ivory Coast", "Ivory Coast", "CI"},
		{"alias Vatican", "Vatican", "VA"},
		{"alias North Macedonia", "North Macedonia", "MK"},
		{"alias Burma", "Burma", "MM"},
		{"alias Eswatini", "Eswatini", "SZ"},
		{"alias Türkiye", "Türkiye", "TR"},
		{"alias Turkiye", "TURKIYE", "TR"},
		{"alias Cape Verde", "Cape Verde", "CV"},
		{"alias East Timor", "East Timor", "TL"},
		// Normalization of the input.
		{"decomposed", "O\u0308sterreich", "AT"},
		{"nbsp", "\u00a0Germany\u00a0", "DE"},
		// Names countries share: refused with the candidates.
		{"shared de Kongo", "Kongo", "CD CG"},
		{"shared Congo", "congo", "CD CG"},
		{"shared Korea", "Korea", "KP KR"},
		{"shared Corée", "Corée", "KP KR"},
		{"shared Virgin Islands", "Virgin Islands", "VG VI"},
		// The names that say which.
		{"DR Congo", "Demokratische Republik Kongo", "CD"},
		{"Republic of the Congo", "Republik Kongo", "CG"},
		{"CLDR en variant", "Congo (DRC)", "CD"},
		{"CLDR de name", "Kongo-Brazzaville", "CG"},
		// Nationality adjectives are not country names.
		{"demonym", "german", ""},
		{"demonym de", "deutsch", ""},
		// Two letters are read as a code, whatever CLDR's short names say.
		{"CLDR es short RU is Russia", "RU", "RU"},
		{"CLDR nl short VK", "VK", ""},
		{"CLDR nl short VS", "VS", ""},
		// Rejections.
		{"empty", "", ""},
		{"blank", "   ", ""},
		{"one letter", "D", ""},
		{"unknown name", "Atlantis", ""},
		{"private use AA", "AA", ""},
		{"private use QZ", "QZ", ""},
		{"private use XA", "XA", ""},
		{"private use ZZ", "ZZ", ""},
		{"group EU", "EU", ""},
		{"group M.49", "001", ""},
		{"M.49 country", "276", ""},
		{"reserved AC", "AC", ""},
		{"reserved IC", "IC", ""},
		{"deprecated DD", "DD", ""},
		{"deprecated DDR", "DDR", ""},
		{"deprecated BU", "BU", ""},
		{"deprecated YU", "YU", ""},
		{"deprecated ZR", "ZR", ""},
		{"withdrawn SU", "SU", ""},
		{"alpha-3 ZZZ", "ZZZ", ""},
		{"spaced code", "D E", ""},
		{"code with dot", "DE.", ""},
		{"subdivision", "DE-BY", ""},
		{"locale", "de_DE", ""},
		{"non-ASCII letters", "ДЕ", ""},
		{"invalid UTF-8", "\xff\xfe", ""},
		{"only punctuation", "().-", ""},
		{"over 200 bytes", "Germany" + strings.Repeat(" ", 200), ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			want := wantCountry(tc.want)
			got := validate.NormalizeCountry(tc.in)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("NormalizeCountry(%q) mismatch (-want +got):\n%s", tc.in, diff)
			}
		})
	}
}

func TestNormalizeCountryIdempotent(t *testing.T) {
	inputs := []string{"Germany", "deu", "uk", "Allemagne", "XKX", "Holland", "Åland", "S:t Lucia"}
	inputs = append(inputs, allCountries()...)
	for _, in := range inputs {
		first := validate.NormalizeCountry(in)
		if !first.OK {
			t.Errorf("NormalizeCountry(%q) rejected, want accepted", in)
			continue
		}
		if again := validate.NormalizeCountry(first.Code); again.Code != first.Code {
			t.Errorf("NormalizeCountry(%q) = %q, want %q (from %q)", first.Code, again.Code, first.Code, in)
		}
		if a3 := validate.Alpha3(first.Code); validate.NormalizeCountry(a3).Code != first.Code {
			t.Errorf("NormalizeCountry(Alpha3(%q) = %q) = %q, want %q", first.Code, a3, validate.NormalizeCountry(a3).Code, first.Code)
		}
	}
}

func TestIsCountry(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want bool
	}{
		{"current", "DE", true},
		{"Kosovo", "XK", true},
		{"lower case", "de", false},
		{"alpha-3", "DEU", false},
		{"alias", "UK", false},
		{"deprecated", "DD", false},
		{"private use", "ZZ", false},
		{"group", "EU", false},
		{"empty", "", false},
		{"one letter", "D", false},
		{"before table", "AA", false},
		{"after table", "ZZ", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := validate.IsCountry(tc.in); got != tc.want {
				t.Errorf("IsCountry(%q) = %v, want %v", tc.in, got, tc.want)
			}
		})
	}
}

// TestIsCountryTable checks the generated code list against x/text and ISO
// 3166-1: 249 codes plus XK, each a country for x/text.
func TestIsCountryTable(t *testing.T) {
	codes := allCountries()
	if got, want := len(codes), 249+1; got != want {
		t.Errorf("IsCountry accepts %d codes, want %d", got, want)
	}
	for _, code := range codes {
		r, err := language.ParseRegion(code)
		if err != nil || !r.IsCountry() {
			t.Errorf("IsCountry(%q) = true, but x/text: IsCountry() = %v, err = %v", code, r.IsCountry(), err)
		}
	}
}

func TestCountryAlpha3(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"Germany", "DE", "DEU"},
		{"United Kingdom", "GB", "GBR"},
		{"Kosovo", "XK", "XKK"},
		{"lower case", "de", ""},
		{"alias", "UK", ""},
		{"unknown", "ZZ", ""},
		{"empty", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := validate.Alpha3(tc.in); got != tc.want {
				t.Errorf("Alpha3(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
	// Cross-check the generated table against x/text.
	for _, code := range allCountries() {
		if got, want := validate.Alpha3(code), language.MustParseRegion(code).ISO3(); got != want {
			t.Errorf("Alpha3(%q) = %q, want %q (x/text ISO3)", code, got, want)
		}
	}
}

func TestCountryResultJSON(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"ok", "Germany", `{"ok":true,"code":"DE","issues":[]}`},
		{"invalid", "Atlantis", `{"ok":false,"issues":[{"path":"","code":"invalid_country","severity":"error","message":"","params":{}}]}`},
		{"shared", "Kongo", `{"ok":false,"issues":[{"path":"","code":"invalid_country","severity":"error","message":"","params":{"candidates":["CD","CG"]}}]}`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := json.Marshal(validate.NormalizeCountry(tc.in))
			if err != nil {
				t.Fatalf("json.Marshal(NormalizeCountry(%q)): %v", tc.in, err)
			}
			if string(got) != tc.want {
				t.Errorf("json.Marshal(NormalizeCountry(%q)) = %s, want %s", tc.in, got, tc.want)
			}
		})
	}
}

// TestCountriesGenerated fails when countries_gen.go or
// testdata/countrynames.tsv is not what the generator writes from the data
// packages of tools/js: run go generate ./validate. It needs those packages
// (npm ci --prefix tools/js); without them it is skipped, except on CI
// (CI=true), where it fails.
func TestCountriesGenerated(t *testing.T) {
	dir := t.TempDir()
	out, names := filepath.Join(dir, "countries_gen.go"), filepath.Join(dir, "countrynames.tsv")
	checkGenerated(t, "cldr-localenames-full",
		[]string{"run", "./internal/gencountries", "-data", npmModules, "-o", out, "-names", names},
		map[string]string{out: "countries_gen.go", names: filepath.Join("testdata", "countrynames.tsv")})
}

// npmModules is where npm ci --prefix tools/js installs the data packages
// the generators read.
var npmModules = filepath.Join("..", "tools", "js", "node_modules")

// checkGenerated runs a generator (go with args) that reads the npm
// package pkg, and checks that each file it writes (a key of files) is the
// committed one (its value). Without the data packages it is skipped, or
// fails when CI=true.
func checkGenerated(t *testing.T, pkg string, args []string, files map[string]string) {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and runs the generator")
	}
	const install = "npm ci --prefix tools/js"
	if _, err := os.Stat(filepath.Join(npmModules, pkg, "package.json")); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("the data package %s is missing (%v); CI must install it: %s", pkg, err, install)
		}
		t.Skipf("the data package %s is missing; install it with %s", pkg, install)
	}
	gotool, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("go tool not found: %v", err)
	}
	if log, err := exec.Command(gotool, args...).CombinedOutput(); err != nil {
		t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, log)
	}
	for got, want := range files {
		g, err := os.ReadFile(got)
		if err != nil {
			t.Fatal(err)
		}
		w, err := os.ReadFile(want)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(g, w) {
			t.Errorf("%s is stale; run go generate ./validate\n%s", want, cmp.Diff(string(w), string(g)))
		}
	}
}

func BenchmarkNormalizeCountry(b *testing.B) {
	for _, in := range []string{"DE", "deu", "Germany", "ÖSTERREICH", "Oesterreich", "Kongo", "Atlantis"} {
		b.Run(in, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				validate.NormalizeCountry(in)
			}
		})
	}
}

func TestNormalizeNationality(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string // "" means rejected; "A B" refused with candidates A and B
	}{
		// What NormalizeCountry reads.
		{"alpha-2", "DE", "DE"},
		{"alpha-2 lower", "de", "DE"},
		{"alpha-3", "DEU", "DE"},
		{"name", "Germany", "DE"},
		{"name de", "Deutschland", "DE"},
		{"alias", "UK", "GB"},
		{"name shared", "Kongo", "CD CG"},
		// Adjectives: secuconnect's demo customer writes "german".
		{"en lower", "german", "DE"},
		{"en", "German", "DE"},
		{"en upper", "GERMAN", "DE"},
		{"en Swedish", "Swedish", "SE"},
		{"en British", "British", "GB"},
		{"en American", "American", "US"},
		{"en Dutch", "Dutch", "NL"},
		{"en French", "French", "FR"},
		{"en Welsh", "Welsh", "GB"},
		{"en Emirati", "Emirati", "AE"},
		{"de", "deutsch", "DE"},
		{"de -e", "Deutsche", "DE"},
		{"de -er", "deutscher", "DE"},
		{"de umlaut", "französisch", "FR"},
		{"de oe", "franzoesisch", "FR"},
		{"de ö", "österreichisch", "AT"},
		{"de Oe", "Oesterreichisch", "AT"},
		{"de ue", "tuerkisch", "TR"},
		{"de Schweizer", "Schweizer", "CH"},
		{"de US-amerikanisch", "US-amerikanisch", "US"},
		{"fr", "allemand", "DE"},
		{"fr feminine", "Allemande", "DE"},
		{"fr -enne", "italienne", "IT"},
		{"fr", "Français", "FR"},
		{"fr feminine", "française", "FR"},
		{"es", "alemán", "DE"},
		{"es feminine", "alemana", "DE"},
		{"es feminine -l", "española", "ES"},
		{"it", "tedesco", "DE"},
		{"it feminine", "tedesca", "DE"},
		{"it", "statunitense", "US"},
		{"nl", "Duits", "DE"},
		{"nl adjective", "Nederlands", "NL"},
		{"pl", "niemiecki", "DE"},
		{"pl feminine", "niemiecka", "DE"},
		{"pl feminine", "polska", "PL"},
		{"sv", "tysk", "DE"},
		{"sv -a", "svenska", "SE"},
		{"sv", "svensk", "SE"},
		// Adjectives countries share.
		{"shared Congolese", "Congolese", "CD CG"},
		{"shared kongolesisch", "kongolesisch", "CD CG"},
		{"shared Dominican", "Dominican", "DM DO"},
		{"shared Korean", "Korean", "KP KR"},
		{"shared coreano", "coreano", "KP KR"},
		{"qualified", "Congolese (Democratic Republic of the Congo)", "CD"},
		// Corrections of i18n-nationality.
		{"Islandés is Icelandic", "Islandés", "IS"},
		{"Soedanees is Sudanese", "Soedanees", "SD"},
		// Rejections.
		{"empty", "", ""},
		{"unknown", "martian", ""},
		{"two letters not a code", "VK", ""},
		{"over 200 bytes", "german" + strings.Repeat(" ", 200), ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			want := wantCountry(tc.want)
			got := validate.NormalizeNationality(tc.in)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("NormalizeNationality(%q) mismatch (-want +got):\n%s", tc.in, diff)
			}
		})
	}
}

// TestNormalizeNationalityIdempotent checks that the code of an accepted
// nationality is accepted again as itself, by both functions.
func TestNormalizeNationalityIdempotent(t *testing.T) {
	for _, in := range []string{"german", "Deutsche", "svenska", "niemiecka", "Emirati", "Oesterreichisch"} {
		first := validate.NormalizeNationality(in)
		if !first.OK {
			t.Fatalf("NormalizeNationality(%q) rejected, want accepted", in)
		}
		for _, f := range []func(string) validate.CountryResult{validate.NormalizeNationality, validate.NormalizeCountry} {
			if again := f(first.Code); again.Code != first.Code {
				t.Errorf("normalizing %q again = %q, want %q (from %q)", first.Code, again.Code, first.Code, in)
			}
		}
	}
}

// TestCountryDataDocumented keeps the package doc true: it names every data
// package and version the tables were generated from.
func TestCountryDataDocumented(t *testing.T) {
	doc, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, pkg := range []string{"cldr-localenames-full", "i18n-iso-countries", "i18n-nationality"} {
		_, rest, ok := strings.Cut(validate.CountryData, "npm "+pkg+" ")
		if !ok {
			t.Fatalf("CountryData %q does not name %s", validate.CountryData, pkg)
		}
		version, _, _ := strings.Cut(rest, ")")
		version, _, _ = strings.Cut(version, ",")
		if want := pkg + " " + version; !strings.Contains(strings.Join(strings.Fields(string(doc)), " "), want) {
			t.Errorf("doc.go does not name %q, the data the tables come from (%s)", want, validate.CountryData)
		}
	}
}
