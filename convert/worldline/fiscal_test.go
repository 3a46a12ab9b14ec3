package worldline_test

import (
	"encoding/json"
	"testing"

	"github.com/custnorm/custnorm/convert/worldline"
	"github.com/custnorm/custnorm/internal/golden"
	"github.com/custnorm/custnorm/validate"
)

// TestFiscalNumberShapes checks the per-country shapes of the Connect
// Customer model (connect-sdk-java v1/domain/Customer.java, getFiscalNumber)
// through Decode: a mismatch is an invalid_id warning at /fiscalNumber.
func TestFiscalNumberShapes(t *testing.T) {
	tests := []struct {
		country, id string
		valid       bool
	}{
		{"AR", "1234567", true},
		{"AR", "12345678", true},
		{"AR", "20-12345678-3", true},
		{"AR", "123456789", false},
		{"BR", "123.456.789-09", true},
		{"BR", "12.345.678/0001-95", true},
		{"BR", "1234567890", false},
		{"CL", "12.345.678-5", true},
		{"CL", "12.345.678-K", true},
		{"CL", "1234567K9", false},
		{"CO", "12345678", true},
		{"CO", "1234567890", true},
		{"CO", "1234567", false},
		{"DK", "010203-1234", true},
		{"DK", "01020312345", false},
		{"DO", "12345678901", true},
		{"FI", "131052-308T", true},
		{"FI", "131052308T", false},
		{"IN", "ABCDE1234F", true},
		{"IN", "ABCDE1234", false},
		{"MX", "GODE561231GR8", true},
		{"MX", "ABC561231GR8", true},
		{"MX", "GODE561231", false},
		{"NO", "01020312345", true},
		{"NO", "0102031234", false},
		{"PE", "20123456789", true},
		{"SE", "8112189876", true},
		{"SE", "811218-9876", true},
		{"SE", "811218+9876", true},
		{"SE", "19811218-9876", true},
		{"SE", "01234567890", false},
		{"SE", "0123456789012", false},
		{"SE", "81121898A6", false},
		{"se", "01234567890", false},
		{"Schweden", "01234567890", false},
		{"UY", "12345678", true},
		{"UY", "123456789", true},
		{"UY", "123456789012", true},
		{"UY", "1234567890", false},
		{"DE", "anything", true},
		{"XX", "anything", true},
		{"", "anything", true},
	}
	for _, tc := range tests {
		doc, err := json.Marshal(map[string]string{"country": tc.country, "fiscalNumber": tc.id})
		if err != nil {
			t.Fatal(err)
		}
		_, _, rep := worldline.Converter{}.Decode(doc)
		var got []golden.Issue
		for _, i := range issuesOf(rep) {
			if i.Code == validate.CodeInvalidID {
				got = append(got, i)
			}
		}
		switch {
		case tc.valid && len(got) > 0:
			t.Errorf("Decode(%s) issues = %v, want none", doc, got)
		case !tc.valid && (len(got) != 1 || got[0] != warn("/fiscalNumber", validate.CodeInvalidID)):
			t.Errorf("Decode(%s) issues = %v, want an invalid_id warning at /fiscalNumber", doc, got)
		}
	}
}
