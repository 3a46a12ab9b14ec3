package validate_test

import (
	"errors"
	"fmt"

	"github.com/custnorm/custnorm/validate"
)

func ExampleNewLocalizer_messages() {
	// Portuguese, which the package does not ship, and one German text
	// replaced. Params are named in braces.
	m, err := validate.NewMessages(map[string]map[validate.Code]string{
		"pt": {
			validate.CodeTooLong:  "deve ter no máximo {max} caracteres",
			validate.CodeRequired: "é obrigatório",
		},
		"de": {validate.CodeRequired: "muss angegeben werden"},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	issues := validate.Issues{
		validate.NewIssue("/name", validate.CodeTooLong, validate.Params{"max": 64}),
		validate.NewIssue("/email", validate.CodeRequired, nil),
		validate.NewIssue("/contact/dob", validate.CodeInvalidDate, nil), // in no catalog of pt: English
	}
	for _, lang := range []string{"pt-BR", "de-AT"} {
		l := validate.NewLocalizer(lang, validate.WithMessages(m))
		l.Fill(issues)
		fmt.Println(lang, "→", l.Lang())
		for _, iss := range issues {
			fmt.Printf("  %s: %s\n", iss.Path, iss.Message)
		}
	}
	// Output:
	// pt-BR → pt
	//   /name: deve ter no máximo 64 caracteres
	//   /email: é obrigatório
	//   /contact/dob: is not a valid date (expected YYYY-MM-DD)
	// de-AT → de
	//   /name: darf höchstens 64 Zeichen lang sein
	//   /email: muss angegeben werden
	//   /contact/dob: ist kein gültiges Datum (erwartet JJJJ-MM-TT)
}

func ExampleParseMessages() {
	m, err := validate.ParseMessages([]byte(`{
		"sv-FI": {"required": "måste anges"},
		"pt": {"too_large": "tem mais de {max} bytes"}
	}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(m.Languages())
	iss := validate.NewIssue("", validate.CodeTooLarge, validate.Params{"max": 1048576})
	fmt.Println(validate.NewLocalizer("pt", validate.WithMessages(m)).Text(iss))
	// sv-FI's texts are not sv's; Swedish groups digits with no-break spaces.
	fmt.Printf("%q\n", validate.NewLocalizer("sv", validate.WithMessages(m)).Text(iss))

	// A catalog with mistakes: every problem is listed.
	_, err = validate.ParseMessages([]byte(`{
		"pt": {"too_long": "no máximo {maximo} caracteres", "requried": "é obrigatório"}
	}`))
	var me *validate.MessagesError
	if errors.As(err, &me) {
		for _, p := range me.Problems {
			fmt.Println(p)
		}
	}
	fmt.Println(errors.Is(err, validate.ErrUnknownParam))
	// Output:
	// [pt sv-FI]
	// tem mais de 1.048.576 bytes
	// "är större än 1\u00a0048\u00a0576 byte"
	// "pt"/requried: not a message key
	// "pt"/too_long: {maximo}: not a param of the message (it has max)
	// true
}

func ExampleLocalizer_zero() {
	var l validate.Localizer // the zero value renders English
	fmt.Println(l.Lang(), l.Text(validate.NewIssue("", validate.CodeTooDeep, validate.Params{"max": 1000})))
	// Output:
	// en is nested deeper than 1,000 levels
}
