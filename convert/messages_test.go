package convert_test

import (
	"testing"

	"github.com/custnorm/custnorm/convert"
	"github.com/custnorm/custnorm/validate"
)

// TestOptionsMessages checks that Options.Lang and Options.Messages reach
// the messages of Registry.Validate and of a pipeline.
func TestOptionsMessages(t *testing.T) {
	m, err := validate.ParseMessages([]byte(`{"pt": {"invalid_date": "não é uma data válida (AAAA-MM-DD)"}}`))
	if err != nil {
		t.Fatal(err)
	}
	doc := []byte(`{"contact":{"forename":"John","surname":"Doe","email":"john@example.com","dob":"03.03.1905"}}`)
	tests := []struct {
		opt  convert.Options
		want string
	}{
		{convert.Options{Lang: "pt-BR", Messages: m}, "não é uma data válida (AAAA-MM-DD)"},
		{convert.Options{Lang: "pt-BR"}, "is not a valid date (expected YYYY-MM-DD)"},
		{convert.Options{Lang: "es-419", Messages: m}, "no es una fecha válida (formato esperado AAAA-MM-DD)"},
		{convert.Options{Lang: "sv-FI"}, "är inte ett giltigt datum (förväntat format ÅÅÅÅ-MM-DD)"},
	}
	reg := convert.Builtin()
	for _, tc := range tests {
		for name, validateFn := range map[string]func() (convert.Result, error){
			"Registry.Validate": func() (convert.Result, error) { return reg.Validate("secuconnect", doc, tc.opt) },
			"Pipeline.Validate": func() (convert.Result, error) { return reg.NewPipeline(tc.opt).Validate("secuconnect", doc) },
		} {
			res, err := validateFn()
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			for _, iss := range res.Issues {
				if iss.Code == validate.CodeInvalidDate {
					got = iss.Message
				}
			}
			if got != tc.want {
				t.Errorf("%s(lang %q, messages %v): invalid_date message = %q, want %q", name, tc.opt.Lang, tc.opt.Messages.Languages(), got, tc.want)
			}
		}
	}
}
