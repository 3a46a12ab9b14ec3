package validate

import "strings"

// The VAT identifier schemes [CheckVATID] knows: the VAT numbers of 11 EU
// member states, written with their country prefix. The shape (prefix,
// length, kinds of characters) of each is the European Commission's VIES
// table "VAT identification number structure" (VIES FAQ,
// https://ec.europa.eu/taxation_customs/vies/#/faq); the check digits are
// each state's rule as python-stdnum documents and tests it (the module
// named with each scheme and tests/test_eu_vat.doctest, the source of the
// valid and mangled numbers in testdata/vatids.json). No code was taken
// from python-stdnum.
const (
	// SchemeATVAT: ATU + 8 digits; the last is a check digit, (6 − Luhn
	// sum of the 7 digits before it) mod 10 (Umsatzsteuer-
	// Identifikationsnummer, BMF). python-stdnum stdnum/at/uid.py.
	SchemeATVAT IDScheme = "at_vat"
	// SchemeBEVAT: BE + 10 digits starting with 0 or 1 (the enterprise
	// number; the old 9-digit form gets a leading 0, and "(0)" is read as
	// 0); the last two digits are 97 − (the first eight mod 97).
	// python-stdnum stdnum/be/vat.py.
	SchemeBEVAT IDScheme = "be_vat"
	// SchemeDEVAT: DE + 9 digits, not starting with 0; the last is the
	// ISO 7064 MOD 11,10 check digit (Umsatzsteuer-Identifikationsnummer,
	// BZSt). python-stdnum stdnum/de/vat.py.
	SchemeDEVAT IDScheme = "de_vat"
	// SchemeDKVAT: DK + 8 digits (the CVR number), not starting with 0;
	// Σ w·d with weights 2 7 6 5 4 3 2 1 is a multiple of 11.
	// python-stdnum stdnum/dk/cvr.py.
	SchemeDKVAT IDScheme = "dk_vat"
	// SchemeESVAT: ES + the 9-character NIF: a DNI (8 digits and a
	// letter), an NIE (X, Y or Z, 7 digits, a letter), a K, L or M NIF (7
	// digits and the DNI letter of them), or a CIF (a letter of
	// ABCDEFGHJNPQRSUVW, 7 digits and a control digit or letter of
	// JABCDEFGHI, from the Luhn sum of the 7 digits; either form is
	// accepted). Ministerio del Interior (DNI/NIE letter), Orden EHA/451/2008
	// (CIF). python-stdnum stdnum/es/nif.py, cif.py, dni.py, nie.py.
	SchemeESVAT IDScheme = "es_vat"
	// SchemeFIVAT: FI + 8 digits (the Y-tunnus); Σ w·d with weights 7 9 10
	// 5 8 4 2 1 is a multiple of 11. python-stdnum stdnum/fi/alv.py.
	SchemeFIVAT IDScheme = "fi_vat"
	// SchemeFRVAT: FR + a 2-character key + the 9-digit SIREN (Luhn, except
	// Monaco's numbers starting 000). A numeric key is (SIREN·100 + 12) mod
	// 97; a key with a letter (alphabet 0–9 A–Z without I and O) is checked
	// with the new-style formula python-stdnum stdnum/fr/tva.py documents.
	SchemeFRVAT IDScheme = "fr_vat"
	// SchemeITVAT: IT + 11 digits (the partita IVA): a company number that
	// is not 0000000, a province office code 001–100, 120, 121, 888 or 999,
	// and a Luhn check digit. python-stdnum stdnum/it/iva.py.
	SchemeITVAT IDScheme = "it_vat"
	// SchemeNLVAT: NL + 9 digits (a leading zero or two may be left out),
	// B and 2 digits other than 00. The 9 digits pass the 11-test (an RSIN
	// or an old BSN-based number), or the whole number with NL passes ISO
	// 7064 MOD 97-10 (the btw-identificatienummer issued since 1 January
	// 2020). python-stdnum stdnum/nl/btw.py.
	SchemeNLVAT IDScheme = "nl_vat"
	// SchemePLVAT: PL + 10 digits (the NIP); Σ w·d of the first nine with
	// weights 6 5 7 2 3 4 5 6 7, mod 11, is the tenth. python-stdnum
	// stdnum/pl/nip.py.
	SchemePLVAT IDScheme = "pl_vat"
	// SchemeSEVAT: SE + 12 digits: the 10-digit organisationsnummer (or a
	// sole trader's personnummer), whose last digit is its Luhn digit, and
	// 01. python-stdnum stdnum/se/vat.py, orgnr.py.
	SchemeSEVAT IDScheme = "se_vat"
)

// vatSeparators are the bytes CheckVATID ignores after the country prefix.
const vatSeparators = " -./:()"

// vatRule is one member state's VAT number rule: data, with its check.
type vatRule struct {
	scheme IDScheme
	format string
	// candidate reports whether the number after the prefix (upper-cased,
	// separators removed, not empty) starts as the state's numbers do:
	// otherwise the value is not read as a VAT number.
	candidate func(n string) bool
	// valid checks the upper-cased number after the prefix, separators
	// removed: shape and check digits.
	valid func(n string) bool
}

func isDigit(c byte) bool       { return '0' <= c && c <= '9' }
func isUpperLetter(c byte) bool { return 'A' <= c && c <= 'Z' }

// startsWithDigit is the candidate test of most states.
func startsWithDigit(n string) bool { return isDigit(n[0]) }

// vatRuleFor returns the rule of the prefix (upper case), if any.
func vatRuleFor(prefix string) (vatRule, bool) {
	switch prefix {
	case "AT":
		return vatRule{SchemeATVAT, "AT VAT: ATU + 8 digits", func(n string) bool { return n[0] == 'U' }, validATVAT}, true
	case "BE":
		return vatRule{SchemeBEVAT, "BE VAT: BE + 10 digits", startsWithDigit, validBEVAT}, true
	case "DE":
		return vatRule{SchemeDEVAT, "DE VAT: DE + 9 digits", startsWithDigit, validDEVAT}, true
	case "DK":
		return vatRule{SchemeDKVAT, "DK VAT: DK + 8 digits", startsWithDigit, validDKVAT}, true
	case "ES":
		return vatRule{SchemeESVAT, "ES VAT: ES + 9 characters (NIF)", func(n string) bool { return isDigit(n[0]) || isUpperLetter(n[0]) }, validESVAT}, true
	case "FI":
		return vatRule{SchemeFIVAT, "FI VAT: FI + 8 digits", startsWithDigit, validFIVAT}, true
	case "FR":
		return vatRule{SchemeFRVAT, "FR VAT: FR + 2 characters + 9 digits", candidateFRVAT, validFRVAT}, true
	case "IT":
		return vatRule{SchemeITVAT, "IT VAT: IT + 11 digits", startsWithDigit, validITVAT}, true
	case "NL":
		return vatRule{SchemeNLVAT, "NL VAT: NL + 9 digits + B + 2 digits", startsWithDigit, validNLVAT}, true
	case "PL":
		return vatRule{SchemePLVAT, "PL VAT: PL + 10 digits", startsWithDigit, validPLVAT}, true
	case "SE":
		return vatRule{SchemeSEVAT, "SE VAT: SE + 12 digits ending in 01", startsWithDigit, validSEVAT}, true
	}
	return vatRule{}, false
}

// VATCountries lists the country prefixes [CheckVATID] has a rule for,
// sorted.
func VATCountries() []string {
	return []string{"AT", "BE", "DE", "DK", "ES", "FI", "FR", "IT", "NL", "PL", "SE"}
}

// CheckVATID checks id as a VAT identification number when it is written
// with the country prefix of one of the member states [VATCountries] lists
// (either case) and what follows the prefix (separators skipped) starts as
// that state's numbers do: a digit; U for AT; a letter or digit for ES; for
// FR a digit, or a letter followed by a character and a digit. Spaces and the separators - . / : ( ) after the prefix are
// ignored ("DE 136.695.976", "BE (0)403.019.261").
//
//   - Such a value that has its state's length, characters and check
//     digits is OK, with the state's scheme ("de_vat").
//   - One that does not is an invalid_id error, params {"scheme",
//     "format"}: the prefix says it is a VAT number, and no VAT number of
//     the state looks like it.
//   - Any other value (no prefix, another country's prefix, a prefix
//     followed by something no VAT number of the state starts with, such
//     as the DEX… of an Italian codice fiscale) is not checked: the result
//     has no scheme, OK is false and there is no issue. A tax id without a
//     prefix may be a national tax number (a German Steuer-IdNr, an Italian
//     codice fiscale, a Swedish personnummer) whose shape overlaps a VAT
//     number's, so it is never read as one.
//
// The id is never rewritten; the issues never contain it.
func CheckVATID(id string) IDResult {
	id = strings.TrimSpace(id)
	if len(id) < 3 {
		return IDResult{Issues: Issues{}}
	}
	rule, ok := vatRuleFor(upperIDASCII(id[:2]))
	if !ok {
		return IDResult{Issues: Issues{}}
	}
	n, alnum := compactID(id[2:], vatSeparators)
	n = upperIDASCII(n)
	if n == "" || !rule.candidate(n) {
		return IDResult{Issues: Issues{}}
	}
	if alnum && len(id) <= maxIDInput && rule.valid(n) {
		return IDResult{Scheme: rule.scheme, OK: true, Issues: Issues{}}
	}
	return IDResult{Scheme: rule.scheme, Issues: Issues{idIssue(rule.scheme, rule.format, SeverityError)}}
}

// candidateFRVAT: a French number starts with a digit, or with a letter
// of its 2-character key followed by the digits of the SIREN (so that an
// Italian codice fiscale starting FR… is not read as one).
func candidateFRVAT(n string) bool {
	return isDigit(n[0]) || len(n) > 2 && isUpperLetter(n[0]) && isDigit(n[2])
}

func validATVAT(n string) bool {
	if len(n) != 9 || n[0] != 'U' || !allDigits(n[1:]) {
		return false
	}
	sum := 0
	for i := 1; i <= 7; i++ {
		d := int(n[i] - '0')
		if i%2 == 0 { // the 2nd, 4th and 6th digit are doubled
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return (6-sum%10+10)%10 == int(n[8]-'0')
}

func validBEVAT(n string) bool {
	if len(n) == 9 {
		n = "0" + n
	}
	if len(n) != 10 || !allDigits(n) || (n[0] != '0' && n[0] != '1') || num(n) == 0 {
		return false
	}
	return (num(n[:8])+num(n[8:]))%97 == 0
}

func validDEVAT(n string) bool {
	if len(n) != 9 || !allDigits(n) || n[0] == '0' {
		return false
	}
	p := 10
	for i := 0; i < 8; i++ {
		s := (int(n[i]-'0') + p) % 10
		if s == 0 {
			s = 10
		}
		p = 2 * s % 11
	}
	return (11-p)%10 == int(n[8]-'0')
}

func validDKVAT(n string) bool {
	if len(n) != 8 || !allDigits(n) || n[0] == '0' {
		return false
	}
	return weightedSum(n, []int{2, 7, 6, 5, 4, 3, 2, 1})%11 == 0
}

func validFIVAT(n string) bool {
	if len(n) != 8 || !allDigits(n) {
		return false
	}
	return weightedSum(n, []int{7, 9, 10, 5, 8, 4, 2, 1})%11 == 0
}

func validPLVAT(n string) bool {
	if len(n) != 10 || !allDigits(n) {
		return false
	}
	return weightedSum(n, []int{6, 5, 7, 2, 3, 4, 5, 6, 7})%11 == int(n[9]-'0')
}

func validSEVAT(n string) bool {
	return len(n) == 12 && allDigits(n) && n[10:] == "01" && luhnValid(n[:10])
}

func validITVAT(n string) bool {
	if len(n) != 11 || !allDigits(n) || num(n[:7]) == 0 {
		return false
	}
	office := num(n[7:10])
	if !(1 <= office && office <= 100 || office == 120 || office == 121 || office == 888 || office == 999) {
		return false
	}
	return luhnValid(n)
}

func validESVAT(n string) bool {
	if len(n) != 9 || !allDigits(n[1:8]) {
		return false
	}
	first, last := n[0], n[8]
	switch {
	case isDigit(first):
		r, _ := checkESDNI(n)
		return r.ok
	case first == 'X' || first == 'Y' || first == 'Z':
		r, _ := checkESNIE(n)
		return r.ok
	case first == 'K' || first == 'L' || first == 'M':
		return dniLetters[num(n[1:8])%23] == last
	case strings.IndexByte("ABCDEFGHJNPQRSUVW", first) >= 0:
		sum := 0
		for i := 1; i <= 7; i++ {
			d := int(n[i] - '0')
			if i%2 == 1 { // the 1st, 3rd, 5th and 7th digit are doubled
				d *= 2
				if d > 9 {
					d -= 9
				}
			}
			sum += d
		}
		c := (10 - sum%10) % 10
		return last == byte('0'+c) || last == "JABCDEFGHI"[c]
	}
	return false
}

// frVATAlphabet are the characters of a French VAT key, without I and O.
const frVATAlphabet = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ"

func validFRVAT(n string) bool {
	if len(n) != 11 || !allDigits(n[2:]) {
		return false
	}
	k0, k1 := strings.IndexByte(frVATAlphabet, n[0]), strings.IndexByte(frVATAlphabet, n[1])
	if k0 < 0 || k1 < 0 {
		return false
	}
	siren := n[2:]
	if siren[:3] != "000" && !luhnValid(siren) { // 000…: Monaco
		return false
	}
	if k0 < 10 && k1 < 10 {
		return num(n[:2]) == (num(siren)*100+12)%97
	}
	var check int
	if k0 < 10 {
		check = k0*24 + k1 - 10
	} else {
		check = k0*34 + k1 - 100
	}
	return (num(siren)+1+check/11)%11 == check%11
}

func validNLVAT(n string) bool {
	b := strings.IndexByte(n, 'B')
	if b < 7 || b > 9 || len(n) != b+3 || !allDigits(n[:b]) || !allDigits(n[b+1:]) || n[b+1:] == "00" {
		return false
	}
	n = strings.Repeat("0", 9-b) + n
	if num(n[:9]) == 0 {
		return false
	}
	return elevenTest(n[:9]) || mod97("NL"+n) == 1
}

// mod97 returns the ISO 7064 MOD 97-10 remainder of s, letters read as
// 10 (A) to 35 (Z).
func mod97(s string) int {
	r := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if isDigit(c) {
			r = (r*10 + int(c-'0')) % 97
		} else {
			r = (r*100 + int(c-'A') + 10) % 97
		}
	}
	return r
}

// weightedSum returns Σ w·d over the digits of s and weights.
func weightedSum(s string, weights []int) int {
	sum := 0
	for i, w := range weights {
		sum += w * int(s[i]-'0')
	}
	return sum
}
