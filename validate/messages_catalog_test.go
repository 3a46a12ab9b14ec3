package validate_test

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/custnorm/custnorm/validate"
)

// callerIssues are the issues the caller catalog tests render.
var callerIssues = map[string]validate.Issue{
	"required":   validate.NewIssue("/email", validate.CodeRequired, nil),
	"too_long":   validate.NewIssue("/name", validate.CodeTooLong, validate.Params{"max": 64}),
	"too_large":  validate.NewIssue("", validate.CodeTooLarge, validate.Params{"max": 1048576}),
	"postal":     validate.NewIssue("/address/postalCode", validate.CodeInvalidPostalCode, validate.Params{"country": "DE", "example": "10115"}),
	"postalNone": validate.NewIssue("/address/postalCode", validate.CodeInvalidPostalCode, validate.Params{"country": "AQ", "example": ""}),
	"phone":      validate.NewIssue("/mobile", validate.CodeInvalidPhone, validate.Params{"reason": "too_short"}),
	"made_up":    validate.NewIssue("", validate.Code("made_up"), nil),
}

func TestLocalizerMessages(t *testing.T) {
	texts := map[string]map[validate.Code]string{
		// a language the package does not ship, partly translated
		"pt": {
			validate.CodeTooLong:       "deve ter no máximo {max} caracteres",
			validate.CodeTooLarge:      "é maior que {max} bytes",
			"invalid_postal_code.none": "é um código postal, mas {country} não usa códigos postais",
		},
		// overrides of a shipped language
		"de": {validate.CodeRequired: "muss angegeben werden"},
		// a regional variant of a shipped language
		"fr-CH": {validate.CodeRequired: "doit être indiqué"},
		// a param only callers use; literal braces, % and $ stay literal
		"it": {validate.CodeInvalidPhone: "non è un numero valido ({reason}) {{100% ${reason}}}"},
	}
	m, err := validate.NewMessages(texts)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"de", "fr-CH", "it", "pt"}, m.Languages()); diff != "" {
		t.Errorf("Messages.Languages() mismatch (-want +got):\n%s", diff)
	}
	tests := []struct {
		lang     string
		wantLang string
		want     map[string]string // issue name → text
	}{
		{"pt", "pt", map[string]string{
			"too_long":   "deve ter no máximo 64 caracteres",
			"too_large":  "é maior que 1.048.576 bytes", // Portuguese digit grouping
			"postalNone": "é um código postal, mas AQ não usa códigos postais",
			"required":   "is required", // missing: English
			"postal":     "is not a valid postal code for DE (for example 10115)",
			"made_up":    "made_up", // not a code: the code itself
		}},
		{"pt-BR", "pt", map[string]string{"too_long": "deve ter no máximo 64 caracteres", "required": "is required"}},
		{"pt-PT", "pt", map[string]string{"too_long": "deve ter no máximo 64 caracteres"}},
		{"de-AT", "de", map[string]string{
			"required": "muss angegeben werden",
			"too_long": "darf höchstens 64 Zeichen lang sein", // not overridden: shipped German
		}},
		{"fr-CH", "fr-CH", map[string]string{
			"required": "doit être indiqué",
			"too_long": "doit comporter au plus 64 caractères", // missing: the parent fr
		}},
		{"fr", "fr", map[string]string{"required": "est obligatoire"}},
		{"it", "it", map[string]string{
			"phone":    "non è un numero valido (too_short) {100% $too_short}",
			"required": "è obbligatorio",
		}},
		{"sv", "sv", map[string]string{"required": "är obligatoriskt"}},
		{"ja", "en", map[string]string{"required": "is required", "too_long": "must be at most 64 characters long"}},
	}
	for _, tc := range tests {
		l := validate.NewLocalizer(tc.lang, validate.WithMessages(m))
		if got := l.Lang(); got != tc.wantLang {
			t.Errorf("NewLocalizer(%q, WithMessages).Lang() = %q, want %q", tc.lang, got, tc.wantLang)
		}
		for name, want := range tc.want {
			if got := l.Text(callerIssues[name]); got != want {
				t.Errorf("NewLocalizer(%q, WithMessages).Text(%s) = %q, want %q", tc.lang, name, got, want)
			}
		}
	}

	// The caller's English is the fallback of every language.
	m, err = validate.NewMessages(map[string]map[validate.Code]string{
		"en": {validate.CodeRequired: "must be given"},
		"pt": {validate.CodeTooLong: "deve ter no máximo {max} caracteres"},
	})
	if err != nil {
		t.Fatal(err)
	}
	for lang, want := range map[string]string{"en": "must be given", "pt": "must be given", "xx": "must be given", "de": "ist erforderlich"} {
		if got := validate.NewLocalizer(lang, validate.WithMessages(m)).Text(callerIssues["required"]); got != want {
			t.Errorf("NewLocalizer(%q) with an English override: Text(required) = %q, want %q", lang, got, want)
		}
	}
	// Issue.Error stays the shipped English.
	iss := callerIssues["required"]
	if got, want := iss.Error(), "validate: /email: required: is required"; got != want {
		t.Errorf("Issue.Error() = %q, want %q", got, want)
	}
}

func TestLocalizerNilMessages(t *testing.T) {
	for _, m := range []*validate.Messages{nil, mustMessages(t, nil), mustMessages(t, map[string]map[validate.Code]string{})} {
		l := validate.NewLocalizer("sv-FI", validate.WithMessages(m))
		if got, want := l.Lang(), "sv"; got != want {
			t.Errorf("NewLocalizer(sv-FI, WithMessages(%v)).Lang() = %q, want %q", m, got, want)
		}
		if got, want := l.Text(callerIssues["required"]), "är obligatoriskt"; got != want {
			t.Errorf("NewLocalizer(sv-FI, WithMessages(%v)).Text(required) = %q, want %q", m, got, want)
		}
	}
	if got := (*validate.Messages)(nil).Languages(); got != nil {
		t.Errorf("nil Messages.Languages() = %q, want nil", got)
	}
}

func mustMessages(t *testing.T, texts map[string]map[validate.Code]string) *validate.Messages {
	t.Helper()
	m, err := validate.NewMessages(texts)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestLocalizerZeroValue(t *testing.T) {
	var zero validate.Localizer
	var nilLoc *validate.Localizer
	en := validate.NewLocalizer("en")
	for name, l := range map[string]*validate.Localizer{"zero": &zero, "nil": nilLoc} {
		if got := l.Lang(); got != "en" {
			t.Errorf("%s Localizer.Lang() = %q, want en", name, got)
		}
		for issName, iss := range callerIssues {
			if got, want := l.Text(iss), en.Text(iss); got != want {
				t.Errorf("%s Localizer.Text(%s) = %q, want %q", name, issName, got, want)
			}
		}
		s := validate.Issues{callerIssues["too_large"]}
		l.Fill(s)
		if got, want := s[0].Message, "is larger than 1,048,576 bytes"; got != want {
			t.Errorf("%s Localizer.Fill: Message = %q, want %q", name, got, want)
		}
	}
}

func TestNewMessagesErrors(t *testing.T) {
	texts := map[string]map[validate.Code]string{
		"pt": {
			validate.CodeTooLong:         "deve ter no máximo {maxx} caracteres ({got}, {maxx})",
			validate.CodeRequired:        "é obrigatório",
			validate.CodeTooShort:        "pelo menos {min caracteres",
			validate.CodeInvalidEmail:    "não é válido }",
			validate.CodeRequired + "_x": "?",
			validate.CodeNotMobile:       "",
			validate.CodeInvalidDate:     "linha 1\nlinha 2",
			validate.CodeSchema:          "inválido \xff",
		},
		"not a tag": {validate.CodeRequired: "x"},
		"und":       {validate.CodeRequired: "x"},
		"de-ch":     {validate.CodeRequired: "muss angegeben werden"},
		"de-CH":     {validate.CodeRequired: "muss angegeben werden"},
	}
	_, err := validate.NewMessages(texts)
	var me *validate.MessagesError
	if !errors.As(err, &me) {
		t.Fatalf("NewMessages(bad) error = %v, want a *MessagesError", err)
	}
	want := []validate.MessageProblem{
		{Lang: "de-ch", Err: validate.ErrDuplicate}, // after de-CH, the same tag
		{Lang: "not a tag", Err: validate.ErrInvalidLanguage},
		{Lang: "pt", Key: validate.CodeInvalidDate, Err: validate.ErrInvalidText},
		{Lang: "pt", Key: validate.CodeInvalidEmail, Offset: 16, Err: validate.ErrPlaceholder},
		{Lang: "pt", Key: validate.CodeNotMobile, Err: validate.ErrInvalidText},
		{Lang: "pt", Key: validate.CodeRequired + "_x", Err: validate.ErrUnknownKey},
		{Lang: "pt", Key: validate.CodeSchema, Err: validate.ErrInvalidText},
		{Lang: "pt", Key: validate.CodeTooLong, Param: "maxx", Err: validate.ErrUnknownParam},
		{Lang: "pt", Key: validate.CodeTooLong, Param: "got", Err: validate.ErrUnknownParam},
		{Lang: "pt", Key: validate.CodeTooShort, Offset: 11, Err: validate.ErrPlaceholder},
		{Lang: "und", Err: validate.ErrInvalidLanguage},
	}
	if diff := cmp.Diff(want, me.Problems, cmpopts.EquateErrors()); diff != "" {
		t.Errorf("NewMessages(bad) problems mismatch (-want +got):\n%s", diff)
	}
	for _, sentinel := range []error{validate.ErrDuplicate, validate.ErrInvalidLanguage, validate.ErrInvalidText, validate.ErrPlaceholder, validate.ErrUnknownKey, validate.ErrUnknownParam} {
		if !errors.Is(err, sentinel) {
			t.Errorf("errors.Is(NewMessages(bad), %v) = false", sentinel)
		}
	}
	msg := err.Error()
	for _, part := range []string{`validate: messages: `, `"pt"/too_long: {maxx}: not a param of the message (it has max)`, `"pt"/too_short: at byte 11: `, `"und": not a known BCP 47 language tag`} {
		if !strings.Contains(msg, part) {
			t.Errorf("NewMessages(bad) error %q does not contain %q", msg, part)
		}
	}
}

func TestParseMessages(t *testing.T) {
	m, err := validate.ParseMessages([]byte(`
		{
		  "pt": {"too_long": "deve ter no máximo {max} caracteres", "required": "é obrigatório"},
		  "de": {"required": "muss angegeben werden"},
		  "sv": {}
		}`))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"de", "pt", "sv"}, m.Languages()); diff != "" {
		t.Errorf("Languages() mismatch (-want +got):\n%s", diff)
	}
	pt := validate.NewLocalizer("pt", validate.WithMessages(m))
	if got, want := pt.Text(callerIssues["too_long"]), "deve ter no máximo 64 caracteres"; got != want {
		t.Errorf("Text(too_long) = %q, want %q", got, want)
	}

	tests := []struct {
		name, in string
		wantErr  string                    // a part of the error text
		want     []validate.MessageProblem // for a *MessagesError
	}{
		{name: "empty object", in: `{}`},
		{name: "empty", in: ``, wantErr: "unexpected EOF"},
		{name: "null", in: `null`, wantErr: "want an object of languages"},
		{name: "array", in: `[]`, wantErr: "want an object of languages"},
		{name: "syntax", in: `{"pt": {"required": "x",}}`, wantErr: "at byte"},
		{name: "number text", in: `{"pt": {"required": 1}}`, wantErr: `want a string for "pt"/required`},
		{name: "null text", in: `{"pt": {"required": null}}`, wantErr: `want a string for "pt"/required`},
		{name: "string language", in: `{"pt": "x"}`, wantErr: `want an object of messages for "pt"`},
		{name: "trailing", in: `{} {}`, wantErr: "want the end of the catalog"},
		{name: "truncated", in: `{"pt": {"required": "x"`, wantErr: "unexpected EOF"},
		{name: "invalid UTF-8", in: "{\"pt\": {\"required\": \"\xff\"}}", wantErr: "not valid UTF-8"},
		{name: "lone surrogate", in: `{"pt": {"required": "\ud800"}}`, want: []validate.MessageProblem{
			{Lang: "pt", Key: validate.CodeRequired, Err: validate.ErrInvalidText},
		}},
		{name: "duplicates", in: `{"pt": {"required": "a", "required": "b"}, "de": {}, "de": {}}`, want: []validate.MessageProblem{
			{Lang: "de", Err: validate.ErrDuplicate},
			{Lang: "pt", Key: validate.CodeRequired, Err: validate.ErrDuplicate},
		}},
		{name: "unknown key and param", in: `{"pt": {"requried": "a", "too_short": "{mn}"}}`, want: []validate.MessageProblem{
			{Lang: "pt", Key: "requried", Err: validate.ErrUnknownKey},
			{Lang: "pt", Key: validate.CodeTooShort, Param: "mn", Err: validate.ErrUnknownParam},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, err := validate.ParseMessages([]byte(tc.in))
			var me *validate.MessagesError
			switch {
			case tc.wantErr == "" && tc.want == nil:
				if err != nil || m == nil {
					t.Errorf("ParseMessages(%q) = %v, %v, want messages", tc.in, m, err)
				}
			case tc.want != nil:
				if !errors.As(err, &me) {
					t.Fatalf("ParseMessages(%q) error = %v, want a *MessagesError", tc.in, err)
				}
				if diff := cmp.Diff(tc.want, me.Problems, cmpopts.EquateErrors()); diff != "" {
					t.Errorf("ParseMessages(%q) problems mismatch (-want +got):\n%s", tc.in, diff)
				}
			default:
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) || m != nil {
					t.Errorf("ParseMessages(%q) = %v, %v, want an error with %q", tc.in, m, err, tc.wantErr)
				}
				if errors.As(err, &me) {
					t.Errorf("ParseMessages(%q) error is a *MessagesError, want a syntax error", tc.in)
				}
			}
		})
	}
}

// TestMessagesShippedRoundTrip checks that the shipped texts of a language,
// given back as a caller catalog, render what the package renders: the
// shipped texts are in the caller syntax.
func TestMessagesShippedRoundTrip(t *testing.T) {
	issues := []validate.Issue{callerIssues["postalNone"]}
	for _, code := range allCodes(t) {
		issues = append(issues, validate.NewIssue("", code, messageParams[code]))
	}
	for _, lang := range shippedLangs {
		shipped := validate.NewLocalizer(lang)
		texts := map[validate.Code]string{}
		// Render with params named after themselves to recover the text.
		for _, iss := range issues {
			key := iss.Code
			if iss.Code == validate.CodeInvalidPostalCode && iss.Params["example"] == "" {
				key = "invalid_postal_code.none"
			}
			named := validate.Params{}
			for name := range iss.Params {
				named[name] = "{" + name + "}"
			}
			if key == "invalid_postal_code.none" {
				named["example"] = ""
			}
			texts[key] = shipped.Text(validate.NewIssue("", iss.Code, named))
		}
		m, err := validate.NewMessages(map[string]map[validate.Code]string{"pt": texts})
		if err != nil {
			t.Fatalf("%s texts as a caller catalog: %v", lang, err)
		}
		l := validate.NewLocalizer("pt", validate.WithMessages(m))
		for _, iss := range issues {
			got, want := l.Text(iss), shipped.Text(iss)
			if lang != "pt" && strings.ContainsAny(want, "0123456789") {
				continue // numbers are formatted for pt
			}
			if got != want {
				t.Errorf("%s text of %s as a caller catalog renders %q, want %q", lang, iss.Code, got, want)
			}
		}
	}
}

// TestMessagesCallerParams checks that a caller's text may use every param
// the tests give a code (the ones doc.go lists, see
// TestErrorCodesDocumented), and renders it.
func TestMessagesCallerParams(t *testing.T) {
	for _, code := range allCodes(t) {
		for name, v := range messageParams[code] {
			if name == "got" { // informational, not part of any message
				continue
			}
			m, err := validate.NewMessages(map[string]map[validate.Code]string{"pt": {code: "<{" + name + "}>"}})
			if err != nil {
				t.Errorf("a caller text of %s with {%s}: %v", code, name, err)
				continue
			}
			got := validate.NewLocalizer("pt", validate.WithMessages(m)).Text(validate.NewIssue("", code, messageParams[code]))
			if s, ok := v.(string); ok && got != "<"+s+">" {
				t.Errorf("a caller text of %s with {%s} renders %q, want %q", code, name, got, "<"+s+">")
			}
		}
	}
}

// FuzzParseMessages checks that no catalog makes ParseMessages panic, and
// that an accepted one renders every code in every language it matches,
// as valid UTF-8 that is never the bare code.
func FuzzParseMessages(f *testing.F) {
	for _, seed := range []string{
		`{}`,
		`{"pt": {"too_long": "deve ter no máximo {max} caracteres"}}`,
		`{"de-CH": {"required": "{{x}} %d %!v ${max}"}, "en": {"required": "must be given"}}`,
		`{"pt": {"invalid_postal_code": "{country}{example}{country}", "invalid_postal_code.none": "{country}"}}`,
		`{"pt": {"too_long": "{max"}}`,
		`{"pt": {"too_long": "a"}, "pt": {}}`,
		`{"und": {}, "x-foo": {}, "zh-Hant-TW": {"required": "必填"}}`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := validate.ParseMessages(data)
		if err != nil {
			if m != nil {
				t.Fatalf("ParseMessages(%q) = %v, %v: messages with an error", data, m, err)
			}
			return
		}
		for _, lang := range append(m.Languages(), "en", "pl", "xx") {
			l := validate.NewLocalizer(lang, validate.WithMessages(m))
			for _, code := range allCodes(t) {
				for _, params := range []validate.Params{messageParams[code], nil} {
					got := l.Text(validate.NewIssue("", code, params))
					if got == string(code) || !utf8.ValidString(got) {
						t.Fatalf("NewLocalizer(%q) with %q: Text(%s) = %q", lang, data, code, got)
					}
				}
			}
		}
	})
}
