package worldline

import (
	"strings"
	"unicode"

	"github.com/custnorm/custnorm/validate"
)

// fiscalRule is the documented shape of a fiscal number in one country.
//
// Source: Worldline-Global-Collect/connect-sdk-java (Release 9.3.0),
// src/main/generated/com/worldline/connect/sdk/java/v1/domain/Customer.java,
// the Javadoc of getFiscalNumber ("Please find below specifics per
// country"). That list belongs to the Connect Customer model of payments,
// not to getCustomerDetails, which documents no shape at all (the customerDetails page):
// a mismatch is therefore a warning, never an error.
type fiscalRule struct {
	// lengths are the accepted lengths.
	lengths []int
	// digits: only ASCII digits are allowed (the last one may be K when
	// lastK), and the separators " .-/+" are not counted. Otherwise every
	// character but white space counts.
	digits bool
	lastK  bool
	// format is the issue's "format" param.
	format string
}

// fiscalRuleFor returns the rule of the ISO 3166-1 alpha-2 code country.
// The countries of the list that package validate has a checksum scheme for
// (DK, FI, NO, SE) are not here: [checkFiscal] checks them with
// [validate.CheckNationalID].
//
// Two deliberate readings of the Javadoc: it says "digits" for the Chilean
// RUT and the Mexican RFC, but a RUT's check digit may be K and an RFC
// starts with letters, so CL allows a final K and MX counts characters.
func fiscalRuleFor(country string) (fiscalRule, bool) {
	switch country {
	case "AR": // DNI 7 or 8 digits, CUIT 11 digits
		return fiscalRule{lengths: []int{7, 8, 11}, digits: true, format: "AR DNI 7 or 8 digits, CUIT 11 digits"}, true
	case "BR": // CPF 11 digits, CNPJ 14 digits
		return fiscalRule{lengths: []int{11, 14}, digits: true, format: "BR CPF 11 digits, CNPJ 14 digits"}, true
	case "CL": // RUT 9 digits
		return fiscalRule{lengths: []int{9}, digits: true, lastK: true, format: "CL RUT 9 digits"}, true
	case "CO": // NIT 8, 9 or 10 digits
		return fiscalRule{lengths: []int{8, 9, 10}, digits: true, format: "CO NIT 8, 9 or 10 digits"}, true
	case "DO": // RNC 11 digits
		return fiscalRule{lengths: []int{11}, digits: true, format: "DO RNC 11 digits"}, true
	case "IN": // PAN 10 characters
		return fiscalRule{lengths: []int{10}, format: "IN PAN 10 characters"}, true
	case "MX": // RFC 13 (consumer) or 12 (company)
		return fiscalRule{lengths: []int{12, 13}, format: "MX RFC 13 characters (company 12)"}, true
	case "PE": // RUC 11 digits
		return fiscalRule{lengths: []int{11}, digits: true, format: "PE RUC 11 digits"}, true
	case "UY": // CI 8, NIE 9, RUT 12 digits
		return fiscalRule{lengths: []int{8, 9, 12}, digits: true, format: "UY CI 8, NIE 9 or RUT 12 digits"}, true
	}
	return fiscalRule{}, false
}

// maxFiscalInput bounds the work on a fiscal number; no documented shape is
// anywhere near it.
const maxFiscalInput = 64

// match reports whether id has the rule's shape.
func (r fiscalRule) match(id string) bool {
	if len(id) > maxFiscalInput {
		return false
	}
	n := 0
	for i, c := range id {
		if unicode.IsSpace(c) {
			continue
		}
		if r.digits {
			switch {
			case c == '.' || c == '-' || c == '/' || c == '+':
				continue
			case c >= '0' && c <= '9':
			case r.lastK && (c == 'K' || c == 'k') && strings.TrimRight(id[i+1:], " ") == "":
			default:
				return false
			}
		}
		n++
	}
	for _, l := range r.lengths {
		if n == l {
			return true
		}
	}
	return false
}

// checkFiscal returns the issue of the fiscal number id at path (with
// target, when target is not nil) in country (any spelling
// [validate.NormalizeCountry] reads), if any. Countries without a rule, and
// empty ids, pass.
//
//   - In a country package validate has a scheme for
//     ([validate.NationalIDCountries]: DK, FI, NO, SE of the Connect list,
//     and ES, IT, NL, PL), the number is checked with
//     [validate.CheckNationalID], only when withSchemes is set: an
//     invalid_id error, params {"scheme", "format"}, when it has the
//     scheme's shape and fails its checks, a warning when it has none of
//     its shapes. Encode leaves these to the Validator, which checks the
//     canonical nationalId of every record the pipeline converts.
//   - In the other countries of the Connect list the shape is checked: an
//     invalid_id warning, params {"format"}.
func checkFiscal(id, country string, path validate.Pointer, target *validate.Pointer, withSchemes bool) (validate.Issue, bool) {
	if id == "" {
		return validate.Issue{}, false
	}
	code := countryCode(country)
	var iss validate.Issue
	if rule, ok := fiscalRuleFor(code); ok {
		if rule.match(id) {
			return validate.Issue{}, false
		}
		iss = validate.NewIssue(path, validate.CodeInvalidID, validate.Params{"format": rule.format})
		iss.Severity = validate.SeverityWarning
	} else {
		if !withSchemes {
			return validate.Issue{}, false
		}
		res := validate.CheckNationalID(id, code)
		if len(res.Issues) == 0 {
			return validate.Issue{}, false
		}
		iss = res.Issues[0]
		iss.Path = path
	}
	if target != nil {
		iss = iss.WithTarget(*target)
	}
	return iss, true
}

// countryCode returns the alpha-2 code country stands for, or "".
func countryCode(country string) string {
	if country == "" {
		return ""
	}
	if r := validate.NormalizeCountry(country); r.OK {
		return r.Code
	}
	return ""
}
