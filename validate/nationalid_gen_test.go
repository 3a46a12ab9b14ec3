package validate_test

// A deterministic generator of synthetic national and VAT identifiers, so
// that no test needs a real person's number: the numbers are made here from
// each scheme's published rule (date, serial, check digits) with a fixed
// seed, in every variant the schemes have, together with invalid mutations
// of them. TestGeneratedNationalIDs and TestGeneratedVATIDs check them
// against CheckNationalID and CheckVATID; TestIDOracles (nationalid_oracle_test.go)
// checks them against independent npm implementations, so that the
// generator and the checkers, both written here, do not only agree with
// each other.
//
// The check digits are computed by this file's own code, written from the
// rules (not from nationalid.go or vat.go). A mutation is kept only when the
// scheme's checksum catches it (the reference function of the scheme says
// so): one character changed, two adjacent characters swapped, the check
// character replaced. Numbers whose only fault is the date (or the
// century, or the individual number) are made with correct check digits.

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/custnorm/custnorm/model"
	"github.com/custnorm/custnorm/validate"
)

// genCase is one generated identifier.
type genCase struct {
	// Country is the country whose schemes CheckNationalID is given; "" for
	// a VAT number.
	Country string
	// Scheme is the scheme the checker must report: the valid number's, or
	// the one whose check an invalid number fails.
	Scheme validate.IDScheme
	// ID is the number as written, what the checker reads.
	ID string
	// Oracle is the number as the npm oracles read it: the canonical
	// compact form (formatting is not what they are compared on).
	Oracle string
	Valid  bool
	// Kind is the variant of a valid number ("plus", "d-number",
	// "omocodia-3") or the fault of an invalid one ("substitution",
	// "transposition", "check", "date", …).
	Kind string
	// Birth is the birth date a valid national number encodes; zero when
	// the scheme encodes none. Year2: the number gives only the last two
	// digits of Birth's year.
	Birth model.Date
	Year2 bool
}

// generatedIDs returns the generated cases, national ids first; the same on
// every call and every machine.
var generatedIDs = sync.OnceValue(func() []genCase {
	g := &idGen{r: rand.New(rand.NewPCG(20260101, 0xC057A0))}
	g.se()
	g.no()
	g.dk()
	g.fi()
	g.nl()
	g.es()
	g.it()
	g.pl()
	g.vat()
	return g.out
})

type idGen struct {
	r   *rand.Rand
	out []genCase
}

const (
	digitChars  = "0123456789"
	letterChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
)

func (g *idGen) n(lo, hi int) int { return lo + g.r.IntN(hi-lo+1) } // lo…hi

func (g *idGen) digits(k int) string {
	b := make([]byte, k)
	for i := range b {
		b[i] = digitChars[g.r.IntN(10)]
	}
	return string(b)
}

func (g *idGen) pick(s string) byte { return s[g.r.IntN(len(s))] }

// date returns a random existing date of year.
func (g *idGen) date(year int) model.Date {
	m := time.Month(g.n(1, 12))
	return model.Date{Year: year, Month: m, Day: g.n(1, daysIn(year, m))}
}

func daysIn(year int, m time.Month) int {
	return time.Date(year, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

func dd(n int) string { return fmt.Sprintf("%02d", n%100) }

func (g *idGen) add(c genCase) { g.out = append(g.out, c) }

// valid adds a valid national number.
func (g *idGen) valid(country string, scheme validate.IDScheme, kind, id, oracle string, birth model.Date, year2 bool) {
	g.add(genCase{Country: country, Scheme: scheme, ID: id, Oracle: oracle, Valid: true, Kind: kind, Birth: birth, Year2: year2})
}

// invalid adds an invalid number, read by the checker and the oracles as
// written.
func (g *idGen) invalid(country string, scheme validate.IDScheme, kind, id string) {
	g.add(genCase{Country: country, Scheme: scheme, ID: id, Oracle: id, Kind: kind})
}

// mutate adds the mutations of the valid compact number s that ref (the
// scheme's checksum, true when it holds) rejects: a character at one of the
// positions pos replaced by another of the same class (digits, letters or
// the class given for the position by class), two adjacent ones among pos
// swapped, and the character at checkPos replaced by another of checkClass.
// Each kind is tried a few times with random choices; a kind the checksum
// never catches is left out. prefix (a VAT country prefix) is written
// before each mutation.
func (g *idGen) mutate(country string, scheme validate.IDScheme, prefix, s string, pos []int, checkPos int, checkClass string, ref func(string) bool) {
	classOf := func(c byte) string {
		if '0' <= c && c <= '9' {
			return digitChars
		}
		return letterChars
	}
	try := func(kind string, f func() (string, bool)) {
		for range 12 {
			m, ok := f()
			if ok && m != s && !ref(m) {
				g.invalid(country, variantScheme(scheme, m), kind, prefix+m)
				return
			}
		}
	}
	try("substitution", func() (string, bool) {
		i := pos[g.r.IntN(len(pos))]
		b := []byte(s)
		b[i] = g.pick(classOf(s[i]))
		return string(b), true
	})
	try("transposition", func() (string, bool) {
		k := g.r.IntN(len(pos) - 1)
		i, j := pos[k], pos[k+1]
		if j != i+1 || s[i] == s[j] {
			return "", false
		}
		b := []byte(s)
		b[i], b[j] = b[j], b[i]
		return string(b), true
	})
	try("check", func() (string, bool) {
		b := []byte(s)
		b[checkPos] = g.pick(checkClass)
		return string(b), true
	})
}

// variantScheme returns the scheme the checker reads in the compact
// number s of scheme (a mutation may have changed the day that tells a
// samordningsnummer or a D-number).
func variantScheme(scheme validate.IDScheme, s string) validate.IDScheme {
	switch scheme {
	case validate.SchemeSEPersonnummer, validate.SchemeSESamordningsnummer:
		if atoi(s[6:8]) > 60 {
			return validate.SchemeSESamordningsnummer
		}
		return validate.SchemeSEPersonnummer
	case validate.SchemeNOFodselsnummer, validate.SchemeNODNummer:
		if d := atoi(s[0:2]); 40 < d && d <= 71 {
			return validate.SchemeNODNummer
		}
		return validate.SchemeNOFodselsnummer
	}
	return scheme
}

func span(from, to int) []int { // from…to-1
	var p []int
	for i := from; i < to; i++ {
		p = append(p, i)
	}
	return p
}

// luhnCheck returns the digit that makes body+digit pass the Luhn test:
// from the right of the completed number, every second digit is doubled
// (its digits summed) and the total is a multiple of 10.
func luhnCheck(body string) byte {
	sum := 0
	for i := 0; i < len(body); i++ {
		d := int(body[len(body)-1-i] - '0')
		if i%2 == 0 { // the rightmost digit of body is next to the check digit: doubled
			d = d*2/10 + d*2%10
		}
		sum += d
	}
	return byte('0' + (10-sum%10)%10)
}

func luhnOK(s string) bool { return luhnCheck(s[:len(s)-1]) == s[len(s)-1] }

// mod11Weighted returns Σ w·d of digits and weights.
func mod11Weighted(digits string, w []int) int {
	s := 0
	for i, x := range w {
		s += x * int(digits[i]-'0')
	}
	return s
}

// ---- Sweden: personnummer and samordningsnummer (Skatteverket SKV 704, 707).

// seNumber returns the 12-digit number (century, YYMMDD, birth number,
// Luhn digit of the last ten but one) of date d, its day increased by
// dayAdd (60 for a samordningsnummer).
func seNumber(d model.Date, dayAdd, birthNo int) string {
	body := fmt.Sprintf("%04d%02d%02d%03d", d.Year, int(d.Month), d.Day+dayAdd, birthNo)
	return body + string(luhnCheck(body[2:]))
}

func seRef(s12 string) bool { return luhnOK(s12[2:]) }

func (g *idGen) se() {
	for i := range 48 {
		year := g.n(1880, 2024)
		if i%12 == 0 {
			year = g.n(1840, 1899)
		}
		d := g.date(year)
		if d.Year%100 == 0 && d.Month == 2 && d.Day == 29 {
			d.Day = 28 // the 10-digit forms cannot tell 1900 from 2000
		}
		scheme, dayAdd, kind := validate.SchemeSEPersonnummer, 0, ""
		if i%3 == 2 {
			scheme, dayAdd, kind = validate.SchemeSESamordningsnummer, 60, "samordningsnummer "
		}
		s := seNumber(d, dayAdd, g.n(1, 999))
		sep := "-"
		if year <= 1925 {
			sep = "+" // 100 years old or more
		}
		ten := s[2:8] + sep + s[8:]
		switch i % 4 {
		case 0:
			g.valid("SE", scheme, kind+"10 digits "+sep, ten, s, d, true)
		case 1:
			g.valid("SE", scheme, kind+"10 digits", s[2:], s, d, true)
		case 2:
			g.valid("SE", scheme, kind+"12 digits", s, s, d, false)
		case 3:
			g.valid("SE", scheme, kind+"12 digits -", s[:8]+"-"+s[8:], s, d, false)
		}
		g.mutate("SE", scheme, "", s, span(2, 12), 11, digitChars, seRef)
	}
	// Dates that do not exist, with a correct Luhn digit.
	for _, d := range []string{"19000229", "19990230", "20241301", "20240100", "20240431", "18990632"} {
		body := d + fmt.Sprintf("%03d", g.n(1, 999))
		g.invalid("SE", validate.SchemeSEPersonnummer, "date", body+string(luhnCheck(body[2:])))
	}
	for _, d := range []string{"19700290", "19700192"} { // samordningsnummer of 30 February and of day 32
		body := d + fmt.Sprintf("%03d", g.n(1, 999))
		g.invalid("SE", validate.SchemeSESamordningsnummer, "date", body+string(luhnCheck(body[2:])))
	}
	// A 12-digit number of a century no one living was born in.
	for _, c := range []string{"17", "21"} {
		body := c + "880320" + fmt.Sprintf("%03d", g.n(1, 999))
		g.invalid("SE", validate.SchemeSEPersonnummer, "century", body+string(luhnCheck(body[2:])))
	}
	// 29 February of a year 00 with "+": 1900 (or 1800), not a leap year.
	body := "000229" + fmt.Sprintf("%03d", g.n(1, 999))
	s := body + string(luhnCheck(body))
	g.invalid("SE", validate.SchemeSEPersonnummer, "plus leap day", s[:6]+"+"+s[6:])
	g.valid("SE", validate.SchemeSEPersonnummer, "10 digits - leap day", s[:6]+"-"+s[6:], "20"+s, model.Date{Year: 2000, Month: 2, Day: 29}, true)
}

// ---- Norway: fødselsnummer, D-number, H-number (Skatteetaten).

// noChecks returns the two check digits of the nine digits, and false when
// either would be 10 (such numbers are never issued).
func noChecks(nine string) (string, bool) {
	k1 := (11 - mod11Weighted(nine, []int{3, 7, 6, 1, 8, 9, 4, 5, 2})%11) % 11
	if k1 == 10 {
		return "", false
	}
	ten := nine + string(byte('0'+k1))
	k2 := (11 - mod11Weighted(ten, []int{5, 4, 3, 2, 7, 6, 5, 4, 3, 2})%11) % 11
	if k2 == 10 {
		return "", false
	}
	return ten[9:] + string(byte('0'+k2)), true
}

func noRef(s string) bool {
	k, ok := noChecks(s[:9])
	return ok && k == s[9:]
}

// noIndividual returns an individual number that gives year's century.
func (g *idGen) noIndividual(year int) int {
	switch {
	case year < 1900:
		return g.n(500, 749)
	case year >= 2000:
		return g.n(500, 999)
	case year >= 1940 && g.r.IntN(3) == 0:
		return g.n(900, 999)
	}
	return g.n(0, 499)
}

// noNumber returns a complete number for the date (its day increased by
// dayAdd, its month by monthAdd) with a random individual number of the
// century.
func (g *idGen) noNumber(d model.Date, dayAdd, monthAdd int) string {
	for {
		nine := dd(d.Day+dayAdd) + dd(int(d.Month)+monthAdd) + dd(d.Year) + fmt.Sprintf("%03d", g.noIndividual(d.Year))
		if k, ok := noChecks(nine); ok {
			return nine + k
		}
	}
}

func (g *idGen) no() {
	forms := []func(s string) string{
		func(s string) string { return s },
		func(s string) string { return s[:6] + " " + s[6:] },
		func(s string) string { return s[:6] + "-" + s[6:] },
	}
	for i := range 45 {
		year := g.n(1900, 2024)
		if i%9 == 0 {
			year = g.n(1855, 1899)
		}
		d := g.date(year)
		scheme, kind, dayAdd, monthAdd := validate.SchemeNOFodselsnummer, "fødselsnummer", 0, 0
		switch i % 3 {
		case 1:
			scheme, kind, dayAdd = validate.SchemeNODNummer, "d-number", 40
		case 2:
			if i%2 == 0 {
				kind, monthAdd = "h-number", 40
			}
		}
		s := g.noNumber(d, dayAdd, monthAdd)
		g.valid("NO", scheme, kind, forms[i%3](s), s, d, false)
		g.mutate("NO", scheme, "", s, span(0, 11), 10, digitChars, noRef)
	}
	// 29 February 2000 (individual number 500–999) and 1900 (000–499).
	for _, ind := range []int{g.n(0, 499), g.n(500, 999)} {
		nine := "290200" + fmt.Sprintf("%03d", ind)
		k, ok := noChecks(nine)
		for !ok {
			ind++
			nine = "290200" + fmt.Sprintf("%03d", ind)
			k, ok = noChecks(nine)
		}
		if ind >= 500 {
			g.valid("NO", validate.SchemeNOFodselsnummer, "leap day 2000", nine+k, nine+k, model.Date{Year: 2000, Month: 2, Day: 29}, false)
		} else {
			g.invalid("NO", validate.SchemeNOFodselsnummer, "date", nine+k)
		}
	}
	// Dates that do not exist; individual numbers that give no century.
	for _, c := range []struct{ kind, head string }{
		{"date", "320170"}, {"date", "011370"}, {"date", "310470"}, {"date", "300270"},
		{"century", "010150"}, {"century", "010199"},
	} {
		for ind := 0; ; ind++ {
			n := ind
			if c.kind == "century" {
				n = 750 + ind // 750–899 with YY 40–99: no century
			}
			nine := c.head + fmt.Sprintf("%03d", n)
			if k, ok := noChecks(nine); ok {
				g.invalid("NO", validate.SchemeNOFodselsnummer, c.kind, nine+k)
				break
			}
		}
	}
}

// ---- Denmark: CPR-nummer (CPR-kontoret, "Opbygning af CPR-nummeret").

// dkSeventh returns a 7th digit that, with YY, gives year's century.
func (g *idGen) dkSeventh(year int) byte {
	yy := year % 100
	var opts string
	switch {
	case year < 1900: // 1858–1899
		opts = "5678"
	case year < 2000:
		opts = "0123" // and not 5–8: with YY ≥ 58 they are of the 1800s
		if yy >= 37 {
			opts += "49"
		}
	default:
		opts = ""
		if yy <= 36 {
			opts += "49"
		}
		if yy <= 57 {
			opts += "5678"
		}
	}
	return g.pick(opts)
}

// dkMod11 reports whether the old modulus 11 check holds: Σ w·d with
// weights 4 3 2 7 6 5 4 3 2 1 is a multiple of 11.
func dkMod11(s string) bool {
	return mod11Weighted(s, []int{4, 3, 2, 7, 6, 5, 4, 3, 2, 1})%11 == 0
}

// dkNumber returns a number for the date whose 7th digit is seventh, with
// or without the modulus 11 check.
func (g *idGen) dkNumber(d model.Date, seventh byte, mod11 bool) string {
	for {
		s := dd(d.Day) + dd(int(d.Month)) + dd(d.Year) + string(seventh) + g.digits(3)
		if dkMod11(s) == mod11 {
			return s
		}
	}
}

func (g *idGen) dk() {
	for i := range 40 {
		year := g.n(1900, 2024)
		if i%8 == 0 {
			year = g.n(1858, 1899)
		}
		d := g.date(year)
		mod11 := i%2 == 0
		kind := "modulus 11"
		if !mod11 {
			kind = "no modulus 11"
		}
		s := g.dkNumber(d, g.dkSeventh(year), mod11)
		id := s
		if i%4 < 2 {
			id = s[:6] + "-" + s[6:]
		}
		g.valid("DK", validate.SchemeDKCPR, kind, id, s[:6]+"-"+s[6:], d, false)
	}
	// 29 February 2000 (7th digit 4–9) and 1900 (0–3); dates that do not
	// exist; all with the modulus 11 check, so that only the date is wrong.
	feb2000 := g.dkNumber(model.Date{Year: 2000, Month: 2, Day: 29}, '4', true)
	g.valid("DK", validate.SchemeDKCPR, "leap day 2000", feb2000, feb2000[:6]+"-"+feb2000[6:], model.Date{Year: 2000, Month: 2, Day: 29}, false)
	for _, c := range []struct {
		head    string
		seventh byte
	}{{"290200", '2'}, {"320170", '1'}, {"011370", '1'}, {"310470", '1'}, {"300270", '1'}, {"000170", '1'}} {
		for {
			s := c.head + string(c.seventh) + g.digits(3)
			if dkMod11(s) {
				g.invalid("DK", validate.SchemeDKCPR, "date", s[:6]+"-"+s[6:])
				break
			}
		}
	}
}

// ---- Finland: henkilötunnus (DVV).

const hetuChars = "0123456789ABCDEFHJKLMNPRSTUVWXY"

// hetuCheck returns the check character of DDMMYY and the individual number.
func hetuCheck(date6, ind3 string) byte {
	n := 0
	for _, c := range date6 + ind3 {
		n = (n*10 + int(c-'0')) % 31
	}
	return hetuChars[n]
}

func hetuRef(s string) bool { return hetuCheck(s[:6], s[7:10]) == s[10] }

func (g *idGen) fi() {
	type century struct {
		base  int
		signs string
	}
	centuries := []century{{1800, "+"}, {1900, "-YXWVU"}, {2000, "ABCDEF"}}
	i := 0
	for _, c := range centuries {
		for _, sign := range []byte(c.signs) {
			for range 4 {
				year := c.base + g.n(0, 99)
				if year > 2024 {
					year = c.base + g.n(0, 24)
				}
				d := g.date(year)
				date6 := dd(d.Day) + dd(int(d.Month)) + dd(d.Year)
				ind := fmt.Sprintf("%03d", g.n(2, 899))
				s := date6 + string(sign) + ind + string(hetuCheck(date6, ind))
				id := s
				if i%5 == 4 {
					id = strings.ToLower(s) // the century letter and check character in lower case
				}
				g.valid("FI", validate.SchemeFIHETU, "sign "+string(sign), id, s, d, false)
				g.mutate("FI", validate.SchemeFIHETU, "", s, []int{0, 1, 2, 3, 4, 5, 7, 8, 9}, 10, hetuChars, hetuRef)
				i++
			}
		}
	}
	mk := func(date6 string, sign byte, ind string) string {
		return date6 + string(sign) + ind + string(hetuCheck(date6, ind))
	}
	g.valid("FI", validate.SchemeFIHETU, "leap day 2000", mk("290200", 'A', "123"), mk("290200", 'A', "123"), model.Date{Year: 2000, Month: 2, Day: 29}, false)
	for _, c := range []struct {
		kind, id string
	}{
		{"date", mk("290200", '-', "123")},                          // 1900 is no leap year
		{"date", mk("320170", '-', "123")},                          // day 32
		{"date", mk("011370", '-', "123")},                          // month 13
		{"individual number", mk("010170", '-', "000")},             // 000 and 001 are not issued
		{"individual number", mk("010170", '-', "001")},             //
		{"temporary", mk("010170", '-', fmt.Sprint(g.n(900, 999)))}, // 900–999: temporary numbers
		{"temporary", mk("010105", 'A', fmt.Sprint(g.n(900, 999)))},
		{"sign", mk("010170", 'G', "123")}, // no century sign
		{"sign", mk("010170", 'Z', "123")},
	} {
		g.invalid("FI", validate.SchemeFIHETU, c.kind, c.id)
	}
}

// ---- Netherlands: burgerservicenummer (11-test).

// bsnCheck returns the ninth digit of eight, and false when the 11-test
// allows none (9·d1 + 8·d2 + … + 2·d8 − d9 ≡ 0 mod 11 needs d9 = 10).
func bsnCheck(eight string) (byte, bool) {
	c := mod11Weighted(eight, []int{9, 8, 7, 6, 5, 4, 3, 2}) % 11
	return byte('0' + c), c < 10
}

func bsnRef(s string) bool {
	c, ok := bsnCheck(s[:8])
	return ok && c == s[8]
}

func (g *idGen) nl() {
	for i := range 24 {
		var s string
		for {
			eight := g.digits(8)
			if i%6 == 5 {
				eight = "0" + eight[1:] // 8 digits when the leading zero is left out
			} else if eight[0] == '0' {
				continue
			}
			if c, ok := bsnCheck(eight); ok {
				s = eight + string(c)
				break
			}
		}
		id, kind := s, "9 digits"
		switch {
		case i%6 == 5:
			id, kind = s[1:], "8 digits"
		case i%3 == 1:
			id, kind = s[:4]+"."+s[4:6]+"."+s[6:], "dotted"
		}
		g.valid("NL", validate.SchemeNLBSN, kind, id, s, model.Date{}, false)
		g.mutate("NL", validate.SchemeNLBSN, "", s, span(0, 9), 8, digitChars, bsnRef)
	}
}

// ---- Spain: DNI and NIE (Ministerio del Interior).

const dniLetters = "TRWAGMYFPDXBNJZSQVHLCKE"

func dniLetter(n string) byte {
	r := 0
	for _, c := range n {
		r = (r*10 + int(c-'0')) % 23
	}
	return dniLetters[r]
}

// nieDigits is the number an NIE's letter is computed from: X, Y, Z read
// as 0, 1, 2.
func nieDigits(s string) string { return string(byte('0'+strings.IndexByte("XYZ", s[0]))) + s[1:8] }

func dniRef(s string) bool { return dniLetter(s[:8]) == s[8] }
func nieRef(s string) bool {
	return strings.IndexByte("XYZ", s[0]) >= 0 && dniLetter(nieDigits(s)) == s[8]
}

func (g *idGen) es() {
	for i := range 24 {
		n := g.digits(8)
		s := n + string(dniLetter(n))
		id, kind := s, "dni"
		switch i % 3 {
		case 1:
			id, kind = n+"-"+s[8:], "dni hyphen"
		case 2:
			id, kind = strings.ToLower(s), "dni lower case"
		}
		g.valid("ES", validate.SchemeESDNI, kind, id, s, model.Date{}, false)
		g.mutate("ES", validate.SchemeESDNI, "", s, span(0, 8), 8, letterChars, dniRef)
	}
	for i := range 24 {
		p := "XYZ"[i%3]
		s := string(p) + g.digits(7)
		s += string(dniLetter(nieDigits(s)))
		id := s
		if i%4 == 1 {
			id = s[:1] + "-" + s[1:8] + "-" + s[8:]
		} else if i%4 == 2 {
			id = strings.ToLower(s)
		}
		g.valid("ES", validate.SchemeESNIE, "nie "+string(p), id, s, model.Date{}, false)
		g.mutate("ES", validate.SchemeESNIE, "", s, span(1, 8), 8, letterChars, nieRef)
		// The X, Y or Z changed: it counts in the letter.
		b := []byte(s)
		b[0] = "XYZ"[(i+1)%3]
		g.invalid("ES", validate.SchemeESNIE, "prefix", string(b))
	}
}

// ---- Italy: codice fiscale (DM 23 dicembre 1976).

const (
	cfMonthLetters = "ABCDEHLMPRST"
	cfOmocodes     = "LMNPQRSTUV" // replace 0–9
	cfConsonants   = "BCDFGHJKLMNPQRSTVWXYZ"
	cfVowels       = "AEIOU"
)

// cfOddValues are the values of 0–9 and A–Z in odd positions (1st, 3rd, …),
// from the decree's table.
var cfOddValues = map[byte]int{}

func init() {
	odd := []int{1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23}
	for i := 0; i < 10; i++ {
		cfOddValues['0'+byte(i)] = odd[i]
	}
	for i := 0; i < 26; i++ {
		cfOddValues['A'+byte(i)] = odd[i]
	}
}

// cfCheck returns the check letter of the first 15 characters.
func cfCheck(s string) byte {
	sum := 0
	for i := 0; i < 15; i++ {
		c := s[i]
		if i%2 == 0 {
			sum += cfOddValues[c]
		} else if c <= '9' {
			sum += int(c - '0')
		} else {
			sum += int(c - 'A')
		}
	}
	return byte('A' + sum%26)
}

func cfRef(s string) bool {
	if len(s) == 11 {
		return luhnOK(s)
	}
	return cfCheck(s) == s[15]
}

// cfNamePart returns three letters of the shape a surname or name code has:
// consonants first, then vowels, then X.
func (g *idGen) cfNamePart() string {
	switch g.r.IntN(4) {
	case 0:
		return string([]byte{g.pick(cfConsonants), g.pick(cfVowels), g.pick(cfVowels)})
	case 1:
		return string([]byte{g.pick(cfVowels), 'X', 'X'})
	case 2:
		return string([]byte{g.pick(cfConsonants), g.pick(cfVowels), 'X'})
	}
	return string([]byte{g.pick(cfConsonants), g.pick(cfConsonants), g.pick(cfConsonants)})
}

// cfPlace returns a place code: a letter A–M and a municipality number, or
// Z and a country number.
func (g *idGen) cfPlace() string {
	if g.r.IntN(4) == 0 {
		return "Z" + fmt.Sprintf("%03d", g.n(100, 399))
	}
	return string(g.pick("ABCDEFGHIJKLM")) + fmt.Sprintf("%03d", g.n(1, 999))
}

// cfOmocodia replaces the last k digits of the date and place (positions
// 14, 13, 12, 10, 9, 7, 6, in this order) with their letters and
// recomputes the check letter.
func cfOmocodia(s string, k int) string {
	b := []byte(s)
	for _, i := range []int{14, 13, 12, 10, 9, 7, 6}[:k] {
		b[i] = cfOmocodes[b[i]-'0']
	}
	b[15] = cfCheck(string(b))
	return string(b)
}

func (g *idGen) it() {
	for i := range 40 {
		year := g.n(1920, 2024)
		d := g.date(year)
		day := d.Day
		if i%2 == 1 {
			day += 40 // a woman
		}
		s := g.cfNamePart() + g.cfNamePart() + dd(year) + string(cfMonthLetters[d.Month-1]) + dd(day) + g.cfPlace()
		s += string(cfCheck(s))
		kind := "plain"
		if k := i % 8; k > 0 {
			s = cfOmocodia(s, k%8)
			kind = fmt.Sprintf("omocodia %d", k)
		}
		id := s
		if i%5 == 4 {
			id = strings.ToLower(s)
		}
		g.valid("IT", validate.SchemeITCodiceFiscale, kind, id, s, d, true)
		g.mutate("IT", validate.SchemeITCodiceFiscale, "", s, span(0, 15), 15, letterChars, cfRef)
	}
	// The numeric code (of a company, or a provisional one): 7 digits, an
	// office code and the Luhn digit.
	for range 6 {
		body := fmt.Sprintf("%07d%03d", g.n(1, 9999999), g.n(1, 100))
		s := body + string(luhnCheck(body))
		g.valid("IT", validate.SchemeITCodiceFiscale, "numeric", s, s, model.Date{}, false)
		g.mutate("IT", validate.SchemeITCodiceFiscale, "", s, span(0, 11), 10, digitChars, cfRef)
	}
	// Dates that do not exist, with a correct check letter.
	for _, md := range []string{"D31", "B30", "B29", "A32", "A72", "F10"} { // 31 April, 30 and 29 February 1970, day 32 (a man, a woman), no month F
		s := "RSSMRA70" + md + "H501"
		g.invalid("IT", validate.SchemeITCodiceFiscale, "date", s+string(cfCheck(s)))
	}
	leap := "RSSMRA72B69H501"
	g.valid("IT", validate.SchemeITCodiceFiscale, "leap day", leap+string(cfCheck(leap)), leap+string(cfCheck(leap)), model.Date{Year: 1972, Month: 2, Day: 29}, true)
}

// ---- Poland: PESEL (ustawa o ewidencji ludności).

func peselCheck(ten string) byte {
	return byte('0' + (10-mod11Weighted(ten, []int{1, 3, 7, 9, 1, 3, 7, 9, 1, 3})%10)%10)
}

func peselRef(s string) bool { return peselCheck(s[:10]) == s[10] }

// peselMonth adds the century to the month: +80 1800s, +0 1900s, +20
// 2000s, +40 2100s, +60 2200s.
func peselMonth(year int, m time.Month) int {
	return int(m) + map[int]int{18: 80, 19: 0, 20: 20, 21: 40, 22: 60}[year/100]
}

func (g *idGen) pl() {
	for i := range 40 {
		year := 1800 + 100*(i%5) + g.n(0, 99)
		d := g.date(year)
		ten := dd(year) + dd(peselMonth(year, d.Month)) + dd(d.Day) + g.digits(4)
		s := ten + string(peselCheck(ten))
		g.valid("PL", validate.SchemePLPESEL, fmt.Sprintf("%ds", year/100*100), s, s, d, false)
		g.mutate("PL", validate.SchemePLPESEL, "", s, span(0, 11), 10, digitChars, peselRef)
	}
	leap := "0022291234"
	g.valid("PL", validate.SchemePLPESEL, "leap day 2000", leap+string(peselCheck(leap)), leap+string(peselCheck(leap)), model.Date{Year: 2000, Month: 2, Day: 29}, false)
	for _, ten := range []string{"0002291234", "7013011234", "7033011234", "7001321234", "7002301234", "7000011234", "7020011234"} { // 29.02.1900, month 13, 33, day 32, 30 February, month 0, 20
		g.invalid("PL", validate.SchemePLPESEL, "date", ten+string(peselCheck(ten)))
	}
}

// ---- VAT numbers (VIES structure; each state's check digits).

func (g *idGen) vatValid(scheme validate.IDScheme, kind, prefix, n, id string) {
	g.add(genCase{Scheme: scheme, ID: id, Oracle: prefix + n, Valid: true, Kind: kind})
}

func atRef(n string) bool { // U + 8 digits
	sum := 0
	for i := 1; i <= 7; i++ {
		d := int(n[i] - '0')
		if i%2 == 0 {
			d = d*2/10 + d*2%10
		}
		sum += d
	}
	return byte('0'+(96-sum)%10) == n[8]
}

func beRef(n string) bool { return 97-atoi(n[:8])%97 == atoi(n[8:]) }

// deCheck is ISO 7064 MOD 11,10.
func deCheck(body string) byte {
	p := 10
	for _, c := range body {
		s := (int(c-'0') + p) % 10
		if s == 0 {
			s = 10
		}
		p = s * 2 % 11
	}
	return byte('0' + (11-p)%10)
}

func deRef(n string) bool { return n[0] != '0' && deCheck(n[:8]) == n[8] }
func dkVATRef(n string) bool {
	return n[0] != '0' && mod11Weighted(n, []int{2, 7, 6, 5, 4, 3, 2, 1})%11 == 0
}
func fiVATRef(n string) bool { return mod11Weighted(n, []int{7, 9, 10, 5, 8, 4, 2, 1})%11 == 0 }
func plVATRef(n string) bool {
	return mod11Weighted(n, []int{6, 5, 7, 2, 3, 4, 5, 6, 7})%11 == int(n[9]-'0')
}
func seVATRef(n string) bool { return luhnOK(n[:10]) && n[10:] == "01" }
func itVATRef(n string) bool { return luhnOK(n) }

func frKey(siren string) string { return dd((12 + 3*(atoi(siren)%97)) % 97) }
func frRef(n string) bool       { return luhnOK(n[2:]) && frKey(n[2:]) == n[:2] }

// nlMod97 is ISO 7064 MOD 97-10 of NL and the number, letters read as
// 10 (A) to 35 (Z).
func nlMod97(n string) int {
	r := 0
	for _, c := range "NL" + n {
		if c >= 'A' {
			r = (r*100 + int(c-'A'+10)) % 97
		} else {
			r = (r*10 + int(c-'0')) % 97
		}
	}
	return r
}

func nlVATRef(n string) bool { return bsnRef(n[:9]) || nlMod97(n) == 1 }

// esCIFControl returns the control character(s) a CIF of the letter
// accepts: a digit, a letter of JABCDEFGHI, or either.
func esCIFControl(body string) (digit, letter byte) {
	sum := 0
	for i := 1; i <= 7; i++ {
		d := int(body[i] - '0')
		if i%2 == 1 {
			d = d*2/10 + d*2%10
		}
		sum += d
	}
	c := (10 - sum%10) % 10
	return byte('0' + c), "JABCDEFGHI"[c]
}

func esVATRef(n string) bool {
	switch {
	case n[0] >= '0' && n[0] <= '9':
		return dniRef(n)
	case strings.IndexByte("XYZ", n[0]) >= 0:
		return nieRef(n)
	case strings.IndexByte("KLM", n[0]) >= 0:
		return dniLetter(n[1:8]) == n[8]
	}
	dg, lt := esCIFControl(n[:8])
	return n[8] == dg || n[8] == lt
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

func (g *idGen) vat() {
	add := func(scheme validate.IDScheme, kind, prefix, n string, pos []int, checkPos int, ref func(string) bool) {
		id := prefix + n
		switch g.r.IntN(3) {
		case 1:
			id = prefix + " " + n
		case 2:
			id = strings.ToLower(prefix) + "-" + n
		}
		if !ref(n) {
			panic(fmt.Sprintf("generated %s%s fails its own check", prefix, n))
		}
		g.vatValid(scheme, kind, prefix, n, id)
		g.mutate("", scheme, prefix, n, pos, checkPos, digitChars, ref)
	}
	for range 12 {
		body := "U" + g.digits(7)
		for d := byte('0'); d <= '9'; d++ {
			if atRef(body + string(d)) {
				add(validate.SchemeATVAT, "uid", "AT", body+string(d), span(1, 9), 8, atRef)
			}
		}
	}
	for i := range 12 {
		body := string("01"[i%2]) + g.digits(7)
		add(validate.SchemeBEVAT, "enterprise number", "BE", body+dd(97-atoi(body)%97), span(0, 10), 9, beRef)
	}
	for range 12 {
		body := string(g.pick("123456789")) + g.digits(7)
		add(validate.SchemeDEVAT, "ust-idnr", "DE", body+string(deCheck(body)), span(0, 9), 8, deRef)
	}
	for range 12 {
		for {
			body := string(g.pick("123456789")) + g.digits(6)
			c := (11 - mod11Weighted(body, []int{2, 7, 6, 5, 4, 3, 2})%11) % 11
			if c < 10 {
				add(validate.SchemeDKVAT, "cvr", "DK", body+string(byte('0'+c)), span(0, 8), 7, dkVATRef)
				break
			}
		}
	}
	for range 12 {
		for {
			body := g.digits(7)
			r := mod11Weighted(body, []int{7, 9, 10, 5, 8, 4, 2}) % 11
			if r != 1 {
				add(validate.SchemeFIVAT, "y-tunnus", "FI", body+string(byte('0'+(11-r)%11)), span(0, 8), 7, fiVATRef)
				break
			}
		}
	}
	for range 12 {
		body := g.digits(8)
		siren := body + string(luhnCheck(body))
		add(validate.SchemeFRVAT, "numeric key", "FR", frKey(siren)+siren, span(0, 11), 10, frRef)
	}
	for range 12 {
		body := fmt.Sprintf("%07d%03d", g.n(1, 9999999), []int{g.n(1, 100), 120, 121, 888, 999}[g.r.IntN(5)])
		add(validate.SchemeITVAT, "partita iva", "IT", body+string(luhnCheck(body)), span(0, 11), 10, itVATRef)
	}
	for i := 0; i < 12; {
		nine := g.digits(9)
		if i%2 == 0 { // an RSIN-style number: the 11-test
			c, ok := bsnCheck(nine[:8])
			if !ok || nine[0] == '0' && nine[1] == '0' && nine[2] == '0' {
				continue
			}
			add(validate.SchemeNLVAT, "11-test", "NL", nine[:8]+string(c)+"B"+dd(g.n(1, 99)), span(0, 9), 8, nlVATRef)
			i++
			continue
		}
		// A btw-identificatienummer (since 2020): MOD 97-10 of the whole.
		for suffix := 1; suffix <= 99; suffix++ {
			n := nine + "B" + dd(suffix)
			if nlMod97(n) == 1 && !bsnRef(nine) {
				add(validate.SchemeNLVAT, "mod 97", "NL", n, span(0, 9), 8, nlVATRef)
				i++
				break
			}
		}
	}
	for range 12 {
		for {
			body := string(g.pick("123456789")) + g.digits(8)
			c := mod11Weighted(body, []int{6, 5, 7, 2, 3, 4, 5, 6, 7}) % 11
			if c < 10 {
				add(validate.SchemePLVAT, "nip", "PL", body+string(byte('0'+c)), span(0, 10), 9, plVATRef)
				break
			}
		}
	}
	for range 12 {
		body := string(g.pick("25789")) + g.digits(1) + string(g.pick("23456789")) + g.digits(6) // an organisationsnummer: third digit ≥ 2
		add(validate.SchemeSEVAT, "organisationsnummer", "SE", body+string(luhnCheck(body))+"01", span(0, 10), 9, seVATRef)
	}
	// Spain: a CIF of each kind, and the NIF of a person (a DNI, an NIE, a
	// K, L or M number), all synthetic.
	for i, letter := range []byte("ABCDEFGHJNPQRSUVW") {
		body := string(letter) + g.digits(7)
		dg, lt := esCIFControl(body)
		c := dg
		if strings.IndexByte("KPQSNW", letter) >= 0 || strings.IndexByte("CDFGJRUV", letter) >= 0 && i%2 == 0 {
			c = lt
		}
		add(validate.SchemeESVAT, "cif "+string(letter), "ES", body+string(c), span(1, 9), 8, esVATRef)
	}
	for _, p := range []string{"", "X", "Y", "Z", "K", "L", "M"} {
		n := g.digits(8 - len(p))
		var c byte
		switch p {
		case "":
			c = dniLetter(n)
		case "X", "Y", "Z":
			c = dniLetter(nieDigits(p + n + "?"))
		default:
			c = dniLetter(n)
		}
		add(validate.SchemeESVAT, "nif "+p, "ES", p+n+string(c), span(len(p), 8), 8, esVATRef)
	}
}

// TestGeneratedNationalIDs checks CheckNationalID on the generated national
// numbers: the valid ones are OK with their scheme and birth date, the
// invalid ones are invalid_id errors of the scheme.
func TestGeneratedNationalIDs(t *testing.T) {
	n := 0
	for _, c := range generatedIDs() {
		if c.Country == "" {
			continue
		}
		n++
		res := validate.CheckNationalID(c.ID, c.Country)
		if !c.Valid {
			checkIDIssue(t, c.ID, c.Country, c.Scheme, validate.SeverityError)
			continue
		}
		if !res.OK || res.Scheme != c.Scheme {
			t.Errorf("%s %s %q: CheckNationalID = %+v, want OK with scheme %s", c.Country, c.Kind, c.ID, res, c.Scheme)
			continue
		}
		if c.Birth.IsZero() {
			if _, known := res.MatchesBirthDate(model.MustParseDate("1970-01-01")); known || !res.BirthDate.IsZero() {
				t.Errorf("%s %s %q: a birth date is known (%v), want none", c.Country, c.Kind, c.ID, res.BirthDate)
			}
			continue
		}
		if match, known := res.MatchesBirthDate(c.Birth); !match || !known {
			t.Errorf("%s %s %q: MatchesBirthDate(%v) = %v, %v, want true, true", c.Country, c.Kind, c.ID, c.Birth, match, known)
		}
		want := c.Birth
		if c.Year2 {
			want = model.Date{}
		}
		if res.BirthDate != want {
			t.Errorf("%s %s %q: BirthDate = %v, want %v", c.Country, c.Kind, c.ID, res.BirthDate, want)
		}
	}
	t.Logf("%d generated national numbers", n)
}

// TestGeneratedVATIDs checks CheckVATID on the generated VAT numbers.
func TestGeneratedVATIDs(t *testing.T) {
	n := 0
	for _, c := range generatedIDs() {
		if c.Country != "" {
			continue
		}
		n++
		res := validate.CheckVATID(c.ID)
		if res.OK != c.Valid || res.Scheme != c.Scheme || len(res.Issues) != map[bool]int{true: 0, false: 1}[c.Valid] {
			t.Errorf("%s %q (%s): CheckVATID = %+v, want OK %v with scheme %s", c.Scheme, c.ID, c.Kind, res, c.Valid, c.Scheme)
		}
	}
	t.Logf("%d generated VAT numbers", n)
}

// TestGeneratedIDsCoverage checks that the generator covers the variants
// of every scheme and that each scheme has invalid numbers of every kind of
// fault its checksum catches.
func TestGeneratedIDsCoverage(t *testing.T) {
	kinds := map[validate.IDScheme]map[string]int{}
	for _, c := range generatedIDs() {
		if kinds[c.Scheme] == nil {
			kinds[c.Scheme] = map[string]int{}
		}
		k := c.Kind
		if !c.Valid {
			k = "invalid " + k
		}
		kinds[c.Scheme][k]++
	}
	want := map[validate.IDScheme][]string{
		validate.SchemeSEPersonnummer:      {"10 digits -", "10 digits +", "10 digits", "12 digits", "12 digits -", "invalid substitution", "invalid transposition", "invalid check", "invalid date", "invalid century", "invalid plus leap day"},
		validate.SchemeSESamordningsnummer: {"samordningsnummer 10 digits -", "samordningsnummer 12 digits", "invalid substitution", "invalid date"},
		validate.SchemeNOFodselsnummer:     {"fødselsnummer", "h-number", "leap day 2000", "invalid substitution", "invalid transposition", "invalid check", "invalid date", "invalid century"},
		validate.SchemeNODNummer:           {"d-number", "invalid substitution", "invalid transposition"},
		validate.SchemeDKCPR:               {"modulus 11", "no modulus 11", "leap day 2000", "invalid date"},
		validate.SchemeFIHETU:              {"sign +", "sign -", "sign Y", "sign X", "sign W", "sign V", "sign U", "sign A", "sign B", "sign C", "sign D", "sign E", "sign F", "invalid substitution", "invalid transposition", "invalid check", "invalid date", "invalid temporary", "invalid individual number", "invalid sign"},
		validate.SchemeNLBSN:               {"9 digits", "8 digits", "dotted", "invalid substitution", "invalid transposition", "invalid check"},
		validate.SchemeESDNI:               {"dni", "dni hyphen", "dni lower case", "invalid substitution", "invalid transposition", "invalid check"},
		validate.SchemeESNIE:               {"nie X", "nie Y", "nie Z", "invalid substitution", "invalid check", "invalid prefix"},
		validate.SchemeITCodiceFiscale:     {"plain", "omocodia 1", "omocodia 2", "omocodia 3", "omocodia 4", "omocodia 5", "omocodia 6", "omocodia 7", "numeric", "leap day", "invalid substitution", "invalid transposition", "invalid check", "invalid date"},
		validate.SchemePLPESEL:             {"1800s", "1900s", "2000s", "2100s", "2200s", "leap day 2000", "invalid substitution", "invalid transposition", "invalid check", "invalid date"},
	}
	for _, s := range []validate.IDScheme{validate.SchemeATVAT, validate.SchemeBEVAT, validate.SchemeDEVAT, validate.SchemeDKVAT, validate.SchemeESVAT,
		validate.SchemeFIVAT, validate.SchemeFRVAT, validate.SchemeITVAT, validate.SchemeNLVAT, validate.SchemePLVAT, validate.SchemeSEVAT} {
		want[s] = []string{"invalid substitution", "invalid check"}
	}
	want[validate.SchemeNLVAT] = append(want[validate.SchemeNLVAT], "11-test", "mod 97")
	want[validate.SchemeESVAT] = append(want[validate.SchemeESVAT], "cif A", "cif P", "nif ", "nif X", "nif Y", "nif Z", "nif K", "nif L", "nif M")
	for scheme, ks := range want {
		for _, k := range ks {
			if kinds[scheme][k] == 0 {
				t.Errorf("%s: no generated number of kind %q (have %v)", scheme, k, kinds[scheme])
			}
		}
	}
}
