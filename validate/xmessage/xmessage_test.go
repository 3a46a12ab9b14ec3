package xmessage_test

import (
	"fmt"
	"testing"

	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"github.com/custnorm/custnorm/validate"
	"github.com/custnorm/custnorm/validate/xmessage"
)

// sample are param values for every param a message uses; numbers stay
// under 1,000, which every language writes without a group separator.
var sample = map[string]any{
	"max": 64, "min": 4, "maxAge": 130, "omitted": 120, "expected": "string",
	"fields": []string{"/email", "/mobile"}, "format": "YYYY-MM-DD", "reason": "letters",
	"country": "DE", "example": "10115", "rule": "street_house_number", "keyword": "multipleOf",
	"scheme": "se_personnummer", "candidates": []string{"CD", "CG"},
}

// TestLocalize: Localize with a printer on Catalog renders what a
// validate.Localizer renders, for every shipped message in every language.
func TestLocalize(t *testing.T) {
	cat := xmessage.Catalog()
	n := 0
	for _, m := range validate.MessageFormats() {
		params := validate.Params{}
		for _, name := range m.Params {
			params[name] = sample[name]
		}
		code := m.Key
		if m.Key == "invalid_postal_code.none" {
			code, params["example"] = validate.CodeInvalidPostalCode, ""
		}
		iss := validate.NewIssue("", code, params)
		if iss.MessageKey() != m.Key {
			t.Fatalf("%s: MessageKey %s", m.Key, iss.MessageKey())
		}
		p := message.NewPrinter(language.MustParse(m.Lang), message.Catalog(cat))
		if got, want := xmessage.Localize(&iss, p), validate.NewLocalizer(m.Lang).Text(iss); got != want {
			t.Errorf("%s %s: Localize = %q, Localizer = %q", m.Lang, m.Key, got, want)
		}
		n++
	}
	if n < 8*25 {
		t.Fatalf("only %d message formats", n)
	}
	iss := validate.NewIssue("", "made_up", nil)
	if got := xmessage.Localize(&iss, message.NewPrinter(language.German, message.Catalog(cat))); got != "made_up" {
		t.Errorf("Localize(made_up) = %q, want the code", got)
	}
}

func ExampleLocalize() {
	p := message.NewPrinter(language.German, message.Catalog(xmessage.Catalog()))
	for _, iss := range []validate.Issue{
		validate.NewIssue("/name", validate.CodeTooLong, validate.Params{"max": 64}),
		validate.NewIssue("/contact/dob", validate.CodeInvalidDate, nil),
		validate.NewIssue("", validate.CodeOneOfRequired, validate.Params{"fields": []string{"/email", "/mobile"}}),
	} {
		fmt.Printf("%s: %s\n", iss.Path, xmessage.Localize(&iss, p))
	}
	// Output:
	// /name: darf höchstens 64 Zeichen lang sein
	// /contact/dob: ist kein gültiges Datum (erwartet JJJJ-MM-TT)
	// : mindestens eines von /email, /mobile ist erforderlich
}
