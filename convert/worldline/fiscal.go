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
// not to getCustomerDetails, which documents no shape at all (seed 002):
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
//
// Two deliberate readings of the Javadoc: it says "digits" for the Chilean
// RUT and the Mexican RFC, but a RUT's check digit may be K and an RFC
// starts with letters, so CL allows a final K and MX counts characters.
// Finnish HETU ("131052-308T") counts its century sign, so FI counts every
// character as written.
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
	case "DK": // CPR-nummer 10 digits
		return fiscalRule{lengths: []int{10}, digits: true, format: "DK CPR-nummer 10 digits"}, true
	case "DO": // RNC 11 digits
		return fiscalRule{lengths: []int{11}, digits: true, format: "DO RNC 11 digits"}, true
	case "FI": // HETU 11 characters
		return fiscalRule{lengths: []int{11}, format: "FI HETU 11 characters"}, true
	case "IN": // PAN 10 characters
		return fiscalRule{lengths: []int{10}, format: "IN PAN 10 characters"}, true
	case "MX": // RFC 13 (consumer) or 12 (company)
		return fiscalRule{lengths: []int{12, 13}, format: "MX RFC 13 characters (company 12)"}, true
	case "NO": // fødselsnummer 11 digits
		return fiscalRule{lengths: []int{11}, digits: true, format: "NO fødselsnummer 11 digits"}, true
	case "PE": // RUC 11 digits
		return fiscalRule{lengths: []int{11}, digits: true, format: "PE RUC 11 digits"}, true
	case "SE": // personnummer 10 or 12 digits
		return fiscalRule{lengths: []int{10, 12}, digits: true, format: "SE personnummer 10 or 12 digits"}, true
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

// checkFiscal returns an invalid_id warning at path (with target, when
// target is not nil) when id does not have the shape documented for country
// (any spelling [validate.NormalizeCountry] reads). Countries without a
// documented shape, and empty ids, pass.
func checkFiscal(id, country string, path validate.Pointer, target *validate.Pointer) (validate.Issue, bool) {
	if id == "" {
		return validate.Issue{}, false
	}
	code := countryCode(country)
	rule, ok := fiscalRuleFor(code)
	if !ok || rule.match(id) {
		return validate.Issue{}, false
	}
	iss := validate.NewIssue(path, validate.CodeInvalidID, validate.Params{"format": rule.format}).
		WithSeverity(validate.SeverityWarning)
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
