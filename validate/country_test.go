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
	"golang.org/x/text/language/display"

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

func TestNormalizeCountry(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string // "" means rejected
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
		// French.
		{"fr", "Allemagne", "DE"},
		{"fr accents", "États-Unis", "US"},
		{"fr no accents", "etats unis", "US"},
		{"fr hyphen", "Royaume-Uni", "GB"},
		// Spanish.
		{"es", "Alemania", "DE"},
		{"es", "España", "ES"},
		{"es no tilde", "espana", "ES"},
		// Italian.
		{"it", "Germania", "DE"},
		{"it", "Svizzera", "CH"},
		// Dutch.
		{"nl", "Duitsland", "DE"},
		{"nl", "België", "BE"},
		// Polish.
		{"pl", "Niemcy", "DE"},
		{"pl ł", "Włochy", "IT"},
		{"pl l", "wlochy", "IT"},
		{"pl", "Korea Południowa", "KR"},
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
		{"alias Korea", "Korea", "KR"},
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
			want := badCountry()
			if tc.want != "" {
				want = okCountry(tc.want)
			}
			got := validate.NormalizeCountry(tc.in)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("NormalizeCountry(%q) mismatch (-want +got):\n%s", tc.in, diff)
			}
		})
	}
}

// TestNormalizeCountryDisplayNames checks every display name in the eight
// languages against the runtime: it resolves to its country. This also
// checks that foldCountryKey in country.go agrees with the generator's copy.
func TestNormalizeCountryDisplayNames(t *testing.T) {
	codes := allCountries()
	for _, lang := range []string{"en", "de", "fr", "es", "it", "nl", "pl", "sv"} {
		t.Run(lang, func(t *testing.T) {
			namer := display.Regions(language.MustParse(lang))
			for _, code := range codes {
				name := namer.Name(language.MustParseRegion(code))
				for _, in := range []string{name, strings.ToUpper(name), strings.ToLower(name)} {
					if got := validate.NormalizeCountry(in); got.Code != code {
						t.Errorf("NormalizeCountry(%q) = %q, want %q", in, got.Code, code)
					}
				}
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

// TestCountriesGenerated fails when countries_gen.go is not what the
// generator writes from the current x/text: run go generate ./validate.
func TestCountriesGenerated(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the generator")
	}
	gotool, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("go tool not found: %v", err)
	}
	out := filepath.Join(t.TempDir(), "countries_gen.go")
	cmd := exec.Command(gotool, "run", "./internal/gencountries", "-o", out)
	if log, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go run ./internal/gencountries: %v\n%s", err, log)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("countries_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("countries_gen.go is stale; run go generate ./validate\n%s", cmp.Diff(string(want), string(got)))
	}
}

func BenchmarkNormalizeCountry(b *testing.B) {
	for _, in := range []string{"DE", "deu", "Germany", "ÖSTERREICH", "Atlantis"} {
		b.Run(in, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				validate.NormalizeCountry(in)
			}
		})
	}
}
