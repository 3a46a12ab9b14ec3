package validate_test

import (
	"bufio"
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/custnorm/custnorm/internal/golden"
	"github.com/custnorm/custnorm/validate"
)

// allCodes returns the values of every constant of type Code declared in
// issue.go, in declaration order. Reading the source keeps the list from
// going stale when a code is added.
func allCodes(t testing.TB) []validate.Code {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), "issue.go", nil, parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	var codes []validate.Code
	for _, decl := range f.Decls {
		gd, ok := decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.CONST {
			continue
		}
		for _, spec := range gd.Specs {
			vs := spec.(*ast.ValueSpec)
			if id, ok := vs.Type.(*ast.Ident); !ok || id.Name != "Code" {
				continue
			}
			for _, v := range vs.Values {
				lit, ok := v.(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					t.Fatalf("issue.go: Code constant with a non-literal value %v", v)
				}
				s, err := strconv.Unquote(lit.Value)
				if err != nil {
					t.Fatal(err)
				}
				codes = append(codes, validate.Code(s))
			}
		}
	}
	if len(codes) < 20 {
		t.Fatalf("issue.go: found only %d Code constants: %v", len(codes), codes)
	}
	return codes
}

// messageParams are representative params for every code's message. Codes
// without an entry take none.
var messageParams = map[validate.Code]validate.Params{
	validate.CodeTooLarge:             {"max": 1048576},
	validate.CodeTooDeep:              {"max": 64},
	validate.CodeWrongType:            {"expected": "string"},
	validate.CodeOneOfRequired:        {"fields": []string{"/email", "/mobile"}},
	validate.CodeTooShort:             {"min": 4, "got": 3},
	validate.CodeTooLong:              {"max": 64, "got": 70},
	validate.CodeInvalidFormat:        {"format": "YYYY-MM-DD"},
	validate.CodeInvalidPhone:         {"reason": "letters"},
	validate.CodeImplausibleBirthDate: {"maxAge": 130},
	validate.CodeInvalidPostalCode:    {"country": "DE", "example": "10115"},
	validate.CodeInvalidID:            {"format": "cust_ + 24 letters or digits"},
	validate.CodeNotSplit:             {"rule": "street_house_number"},
	validate.CodeSchema:               {"keyword": "multipleOf"},
	validate.CodeTooManyIssues:        {"omitted": 74900},
	validate.CodeBirthDateMismatch:    {"scheme": "se_personnummer"},
}

// shippedLangs are the languages messages ship in.
var shippedLangs = []string{"en", "de", "fr", "es", "it", "nl", "pl", "sv"}

// goldenVariants are further renderings for the messages golden, beside
// one per code: message variants and number formats.
var goldenVariants = map[string]validate.Issue{
	"invalid_postal_code (no postal codes)": validate.NewIssue("/field", validate.CodeInvalidPostalCode, validate.Params{"country": "AQ", "example": ""}),
	"too_many_issues (four digits)":         validate.NewIssue("/field", validate.CodeTooManyIssues, validate.Params{"omitted": 4096}),
	"too_many_issues (three digits)":        validate.NewIssue("/field", validate.CodeTooManyIssues, validate.Params{"omitted": 120}),
}

// TestMessagesGolden renders every code's message in every shipped language
// into testdata/messages.golden.json. This is the one place where message
// text is compared; run with -update after changing a message and review
// the diff.
func TestMessagesGolden(t *testing.T) {
	type rendered struct {
		Params validate.Params   `json:"params"`
		Error  string            `json:"error"`
		Text   map[string]string `json:"text"`
	}
	locs := make(map[string]*validate.Localizer)
	for _, lang := range shippedLangs {
		locs[lang] = validate.NewLocalizer(lang)
	}
	render := func(iss validate.Issue) rendered {
		r := rendered{Params: iss.Params, Error: iss.Error(), Text: make(map[string]string)}
		for lang, l := range locs {
			s := l.Text(iss)
			if strings.Contains(s, "?") || strings.Contains(s, "%!") || strings.Contains(s, "{") {
				t.Errorf("message of %s in %s with params %v = %q: a param is missing or a verb is bad", iss.Code, lang, iss.Params, s)
			}
			r.Text[lang] = s
		}
		return r
	}
	out := make(map[string]rendered)
	for _, code := range allCodes(t) {
		params := messageParams[code]
		if params == nil {
			params = validate.Params{}
		}
		out[string(code)] = render(validate.NewIssue("/field", code, params))
	}
	for name, iss := range goldenVariants {
		out[name] = render(iss)
	}
	golden.Check(t, filepath.Join("testdata", "messages.golden.json"), golden.JSON(t, out))
}

// TestMessagesComplete checks that every Code constant of issue.go has a
// message in every shipped language: a code without one renders as the
// code itself, and a missing translation falls back to the English text.
func TestMessagesComplete(t *testing.T) {
	en := validate.NewLocalizer("en")
	for _, code := range allCodes(t) {
		iss := validate.NewIssue("", code, messageParams[code])
		e := en.Text(iss)
		if e == string(code) {
			t.Errorf("code %s has no message", code)
			continue
		}
		for _, lang := range shippedLangs[1:] {
			l := validate.NewLocalizer(lang)
			if l.Lang() != lang {
				t.Errorf("NewLocalizer(%q).Lang() = %q", lang, l.Lang())
			}
			if got := l.Text(iss); got == e {
				t.Errorf("code %s has no %s message (got the English %q)", code, lang, e)
			}
		}
	}
}

// TestErrorCodesDocumented checks that validate/doc.go's "# Error codes"
// section lists exactly the Code constants, each with the params its
// message uses.
func TestErrorCodesDocumented(t *testing.T) {
	doc := docErrorCodes(t)
	codes := allCodes(t)
	for _, code := range codes {
		entry, ok := doc[code]
		if !ok {
			t.Errorf("doc.go # Error codes: %s is not listed", code)
			continue
		}
		words := strings.Fields(entry)
		for name := range messageParams[code] {
			if name == "got" { // informational, not part of any message
				continue
			}
			if !slices.Contains(words, name) && !slices.Contains(words, name+",") {
				t.Errorf("doc.go # Error codes: %s does not list its param %q: %q", code, name, entry)
			}
		}
	}
	for code := range doc {
		if !slices.Contains(codes, code) {
			t.Errorf("doc.go # Error codes: %s is not a Code constant in issue.go", code)
		}
	}
}

// docErrorCodes reads the code list of doc.go's "# Error codes" section:
// code → the text of its entry (continuation lines included).
func docErrorCodes(t *testing.T) map[validate.Code]string {
	t.Helper()
	src, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	entryStart := regexp.MustCompile(`^//\t([a-z][a-z0-9_]*)\s+(.*)$`)
	entries := make(map[validate.Code]string)
	var last validate.Code
	in := false
	sc := bufio.NewScanner(bytes.NewReader(src))
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "// # ") {
			in = line == "// # Error codes"
			last = ""
			continue
		}
		if !in {
			continue
		}
		if m := entryStart.FindStringSubmatch(line); m != nil {
			last = validate.Code(m[1])
			if _, dup := entries[last]; dup {
				t.Errorf("doc.go # Error codes: %s listed twice", last)
			}
			entries[last] = m[2]
		} else if strings.HasPrefix(line, "//\t ") && last != "" {
			entries[last] += " " + strings.TrimSpace(strings.TrimPrefix(line, "//"))
		} else {
			last = ""
		}
	}
	if len(entries) == 0 {
		t.Fatal(`doc.go: no "# Error codes" list found`)
	}
	return entries
}

func TestNewLocalizer(t *testing.T) {
	tests := []struct {
		in       string
		wantLang string
		wantText string
	}{
		{"en", "en", "is required"},
		{"en-US", "en", "is required"},
		{"de", "de", "ist erforderlich"},
		{"de-AT", "de", "ist erforderlich"},
		{"de-CH", "de", "ist erforderlich"},
		{"gsw", "de", "ist erforderlich"}, // Swiss German is understood by German readers
		{"DE", "de", "ist erforderlich"},
		{"fr", "fr", "est obligatoire"},
		{"fr-CA", "fr", "est obligatoire"},
		{"fr-BE", "fr", "est obligatoire"},
		{"es", "es", "es obligatorio"},
		{"es-ES", "es", "es obligatorio"},
		{"es-419", "es", "es obligatorio"},
		{"es-MX", "es", "es obligatorio"},
		{"it", "it", "è obbligatorio"},
		{"it-CH", "it", "è obbligatorio"},
		{"nl", "nl", "is verplicht"},
		{"nl-BE", "nl", "is verplicht"},
		{"pl", "pl", "jest wymagane"},
		{"pl-PL", "pl", "jest wymagane"},
		{"sv", "sv", "är obligatoriskt"},
		{"sv-FI", "sv", "är obligatoriskt"},
		{"sv-SE", "sv", "är obligatoriskt"},
		{"en-GB", "en", "is required"},
		{"pt", "en", "is required"},
		{"pt-BR", "en", "is required"},
		{"da", "en", "is required"},
		{"fi", "en", "is required"},
		{"nb", "en", "is required"},
		{"xx", "en", "is required"},
		{"ja", "en", "is required"},
		{"", "en", "is required"},
		{"not a tag", "en", "is required"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			l := validate.NewLocalizer(tc.in)
			if got := l.Lang(); got != tc.wantLang {
				t.Errorf("NewLocalizer(%q).Lang() = %q, want %q", tc.in, got, tc.wantLang)
			}
			if got := l.Text(validate.NewIssue("/email", validate.CodeRequired, nil)); got != tc.wantText {
				t.Errorf("NewLocalizer(%q).Text(required) = %q, want %q", tc.in, got, tc.wantText)
			}
		})
	}
}

func TestLocalizerFill(t *testing.T) {
	s := validate.Issues{
		validate.NewIssue("/email", validate.CodeInvalidEmail, nil),
		validate.NewIssue("/name", validate.CodeTooShort, validate.Params{"min": 4}),
	}
	validate.NewLocalizer("fr").Fill(s)
	got := []string{s[0].Message, s[1].Message}
	want := []string{"n'est pas une adresse e-mail valide", "doit comporter au moins 4 caractères"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Localizer(fr).Fill mismatch (-want +got):\n%s", diff)
	}
}

func TestLocalizerConcurrent(t *testing.T) {
	l := validate.NewLocalizer("de")
	iss := validate.NewIssue("", validate.CodeTooLong, validate.Params{"max": 64})
	want := l.Text(iss)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 100 {
				if got := l.Text(iss); got != want {
					t.Errorf("Localizer.Text concurrently = %q, want %q", got, want)
					return
				}
			}
		})
	}
	wg.Wait()
}
