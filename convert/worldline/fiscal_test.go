package worldline_test

import (
	"encoding/json"
	"testing"

	"github.com/custnorm/custnorm/convert/worldline"
	"github.com/custnorm/custnorm/internal/golden"
	"github.com/custnorm/custnorm/validate"
)

// TestFiscalNumberShapes checks the fiscal number rules through Decode: the
// per-country shapes of the Connect Customer model (connect-sdk-java
// v1/domain/Customer.java, getFiscalNumber), a mismatch being an invalid_id
// warning at /fiscalNumber; and, for the countries package validate has a
// checksum scheme for, validate.CheckNationalID: an error when the number has
// the scheme's shape and fails its checks (the valid and failing numbers are
// from python-stdnum, see validate/testdata/nationalids.json).
func TestFiscalNumberShapes(t *testing.T) {
	const (
		valid   = ""
		warning = validate.SeverityWarning
		errSev  = validate.SeverityError
	)
	tests := []struct {
		country, id string
		want        validate.Severity
	}{
		{"AR", "1234567", valid},
		{"AR", "12345678", valid},
		{"AR", "20-12345678-3", valid},
		{"AR", "123456789", warning},
		{"BR", "123.456.789-09", valid},
		{"BR", "12.345.678/0001-95", valid},
		{"BR", "1234567890", warning},
		{"CL", "12.345.678-5", valid},
		{"CL", "12.345.678-K", valid},
		{"CL", "1234567K9", warning},
		{"CO", "12345678", valid},
		{"CO", "1234567890", valid},
		{"CO", "1234567", warning},
		{"DK", "010203-1234", valid},
		{"DK", "511062-5629", errSev}, // no 51st day
		{"DK", "01020312345", warning},
		{"DO", "12345678901", valid},
		{"FI", "131052-308T", valid},
		{"FI", "131052-308U", errSev},
		{"FI", "131052308T", warning},
		{"IN", "ABCDE1234F", valid},
		{"IN", "ABCDE1234", warning},
		{"MX", "GODE561231GR8", valid},
		{"MX", "ABC561231GR8", valid},
		{"MX", "GODE561231", warning},
		{"NO", "010190 10046", valid},
		{"NO", "01019010047", errSev},
		{"NO", "0102031234", warning},
		{"PE", "20123456789", valid},
		{"SE", "121212-1212", valid},
		{"SE", "1212121212", valid},
		{"SE", "811228+9874", valid},
		{"SE", "19121212-1212", valid},
		{"SE", "121212-1213", errSev},
		{"SE", "01234567890", warning},
		{"SE", "0123456789012", warning},
		{"SE", "81121898A6", warning},
		{"se", "01234567890", warning},
		{"Schweden", "01234567890", warning},
		{"ES", "12345678Z", valid}, // not in the Connect list, but a scheme of package validate
		{"ES", "12345678L", errSev},
		{"UY", "12345678", valid},
		{"UY", "123456789", valid},
		{"UY", "123456789012", valid},
		{"UY", "1234567890", warning},
		{"DE", "anything", valid},
		{"XX", "anything", valid},
		{"", "anything", valid},
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
		case tc.want == valid && len(got) > 0:
			t.Errorf("Decode(%s) issues = %v, want none", doc, got)
		case tc.want != valid && (len(got) != 1 || got[0] != (golden.Issue{Path: "/fiscalNumber", Code: validate.CodeInvalidID, Severity: tc.want})):
			t.Errorf("Decode(%s) issues = %v, want an invalid_id %s at /fiscalNumber", doc, got, tc.want)
		}
	}
}
