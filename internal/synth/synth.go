// Package synth makes synthetic, realistic customer records, for the CLI's
// gen command, benchmarks and sandboxes: people of a few countries with
// names, e-mail addresses at example.com and example.org, phone numbers of
// assigned ranges, real postal codes of their cities, birth dates and
// national ids that pass their checks. [Write] writes them as documents of
// any format, some spoilt on purpose.
//
// Nothing here is real customer data, and nothing reaches the network.
package synth

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"github.com/custnorm/custnorm/model"
	"github.com/custnorm/custnorm/validate"
)

// A Format is what Write needs of a format: convert.Converter's Name and
// Encode.
type Format interface {
	Name() string
	Encode(c model.Customer) ([]byte, validate.Report)
}

// A SampleCompleter is a Format whose documents need values a synthetic
// person lacks, such as identifiers a merchant or the provider assigns,
// which a converter never invents (convert.SampleCompleter).
type SampleCompleter interface {
	CompleteSample(c *model.Customer, seq int)
}

// Write writes n synthetic records of f's format to w, one compact JSON
// document per line. Each record is generated in canonical form (all
// fields, whatever the format, so that a seed gives the same people in
// every format), given the merchant's reference C00000001, C00000002 … and
// what f's format needs (when f is a [SampleCompleter]), encoded by f and,
// for a share badRate of the records, spoilt by one deliberate error in the
// encoded document: an impossible date, a postal code missing a character,
// an e-mail address without "@", a masked phone number or a country that
// does not exist.
func Write(w io.Writer, f Format, n int, seed uint64, badRate float64) error {
	g := New(seed)
	for k := range n {
		c := g.Customer()
		bad, kind := g.r.Float64() < badRate, g.r.IntN(spoilKinds)
		c.Refs.Merchant = fmt.Sprintf("C%08d", k+1)
		if sc, ok := f.(SampleCompleter); ok {
			sc.CompleteSample(&c, k+1)
		}
		doc, rep := f.Encode(c)
		if rep.Issues.HasError() {
			return fmt.Errorf("generated record %d does not encode as %s: %w", k+1, f.Name(), rep.Issues.Err())
		}
		if bad {
			doc = spoil(doc, c, kind)
		}
		var line bytes.Buffer
		if err := json.Compact(&line, doc); err != nil {
			return fmt.Errorf("generated record %d: %w", k+1, err)
		}
		line.WriteByte('\n')
		if _, err := w.Write(line.Bytes()); err != nil {
			return fmt.Errorf("writing: %w", err)
		}
	}
	return nil
}

// spoilKinds is the number of deliberate errors spoilValue knows.
const spoilKinds = 6

// spoilValue returns, for the deliberate error kind, the good value of c as
// a document would hold it and its spoilt replacement; good is "" when c
// has no such value.
func spoilValue(c model.Customer, kind int) (good, bad string) {
	masked := func(p model.Phone) (string, string) {
		if len(p) < 4 {
			return "", ""
		}
		return string(p), string(p[:len(p)-3]) + "XXX"
	}
	switch kind {
	case 0: // an impossible date: February 30
		if c.BirthDate.IsZero() {
			return "", ""
		}
		return c.BirthDate.String(), fmt.Sprintf("%04d-02-30", c.BirthDate.Year)
	case 1: // a postal code missing its last character
		pc := c.Address.PostalCode
		if len(pc) < 2 {
			return "", ""
		}
		return pc, pc[:len(pc)-1]
	case 2: // an e-mail address without "@"
		return c.Email, strings.Replace(c.Email, "@", "", 1)
	case 3: // a masked mobile number
		return masked(c.Mobile)
	case 4: // a masked landline number
		return masked(c.Phone)
	default: // a country that does not exist, for formats with nothing else
		return string(c.Address.Country), "Atlantis"
	}
}

// spoil replaces, in the encoded document doc, the good value of the first
// deliberate error from kind on that the document holds (as a whole JSON
// string) with its spoilt version.
func spoil(doc []byte, c model.Customer, kind int) []byte {
	for k := range spoilKinds {
		good, bad := spoilValue(c, (kind+k)%spoilKinds)
		if good == "" {
			continue
		}
		g, err1 := json.Marshal(good)
		b, err2 := json.Marshal(bad)
		if err1 != nil || err2 != nil {
			continue
		}
		if bytes.Contains(doc, g) {
			return bytes.Replace(doc, g, b, 1)
		}
	}
	return doc
}

// A Generator makes synthetic customers from one pseudo-random stream:
// the same seed gives the same customers, in every format. A Generator is
// not safe for concurrent use.
type Generator struct {
	r         *rand.Rand
	countries []genCountry
}

// New returns a Generator seeded with seed.
func New(seed uint64) *Generator {
	return &Generator{r: rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15)), countries: genCountries()}
}

func (g *Generator) pick(list []string) string { return list[g.r.IntN(len(list))] }

func (g *Generator) digits(n int) string {
	b := make([]byte, n)
	for k := range b {
		b[k] = byte('0' + g.r.IntN(10))
	}
	return string(b)
}

// Customer returns one synthetic person: name, e-mail, mobile and (for
// most) landline, address, birth date, language and national id of one of
// the countries of the generator's table.
func (g *Generator) Customer() model.Customer {
	gc := g.countries[g.r.IntN(len(g.countries))]
	given, family := g.pick(gc.given), g.pick(gc.family)
	city := gc.cities[g.r.IntN(len(gc.cities))]
	birth := g.birthDate()

	domain := "example.com"
	if g.r.IntN(3) == 0 {
		domain = "example.org"
	}
	local := asciiFold(given) + "." + asciiFold(family)
	if g.r.IntN(4) == 0 {
		local += strconv.Itoa(g.r.IntN(99) + 1)
	}

	number := strconv.Itoa(g.r.IntN(180) + 1)
	if g.r.IntN(8) == 0 && gc.addition != "" {
		number += gc.addition
	}
	phone := ""
	if g.r.IntN(5) < 3 {
		phone = gc.landline.number(g)
	}
	return model.Customer{
		Kind:       model.KindPerson,
		GivenName:  given,
		FamilyName: family,
		BirthDate:  birth,
		Email:      strings.ToLower(local) + "@" + domain,
		Mobile:     model.Phone(gc.mobile.number(g)),
		Phone:      model.Phone(phone),
		Address: model.Address{
			Street:      g.pick(gc.streets),
			HouseNumber: number,
			PostalCode:  city.postal[g.r.IntN(len(city.postal))],
			City:        city.name,
			Country:     model.Country(gc.code),
		},
		Language:   gc.lang,
		NationalID: gc.nationalID(g, birth),
	}
}

// birthDate returns a date from 1940-01-01 to 2005-12-31.
func (g *Generator) birthDate() model.Date {
	start := time.Date(1940, 1, 1, 0, 0, 0, 0, time.UTC)
	days := int(time.Date(2005, 12, 31, 0, 0, 0, 0, time.UTC).Sub(start).Hours() / 24)
	t := start.AddDate(0, 0, g.r.IntN(days+1))
	return model.Date{Year: t.Year(), Month: t.Month(), Day: t.Day()}
}

// phonePattern makes numbers of one valid range: prefix (E.164, with
// country code) followed by digits random digits.
type phonePattern struct {
	prefix string
	digits int
	// national is how the prefix is written in the country, trunk prefix
	// and usual separator included ("0151 " for "+49151").
	national string
}

func (p phonePattern) number(g *Generator) string { return p.prefix + g.digits(p.digits) }

// NationalForm returns p, a number the Generator makes (E.164), as people
// of its country write it ("+4915123456789" → "0151 23456789"): its range
// in national form and the rest of the digits. ok is false for a number of
// no range of the Generator.
func NationalForm(p model.Phone) (string, bool) {
	for _, gc := range genCountries() {
		for _, pp := range [...]phonePattern{gc.mobile, gc.landline} {
			if rest, ok := strings.CutPrefix(string(p), pp.prefix); ok && len(rest) == pp.digits {
				return pp.national + rest, true
			}
		}
	}
	return "", false
}

type genCity struct {
	name   string
	postal []string
}

// genCountry is the data of one country the generator draws from. Phone
// ranges are valid and assigned ones (tested with validate.NormalizePhone);
// postal codes are real ones of their cities.
type genCountry struct {
	code, lang       string
	given, family    []string
	streets          []string
	cities           []genCity
	addition         string // a house number addition ("a"), "" for none
	mobile, landline phonePattern
}

// nationalID returns an identifier of the country's usual shape: a Swedish
// personnummer (with its Luhn check digit) from the birth date, otherwise
// digits (a British National Insurance number has letters).
func (gc genCountry) nationalID(g *Generator, birth model.Date) string {
	switch gc.code {
	case "SE":
		s := fmt.Sprintf("%02d%02d%02d", birth.Year%100, int(birth.Month), birth.Day) + g.digits(3)
		return s + strconv.Itoa(luhnDigit(s))
	case "GB":
		return "QQ" + g.digits(6) + "C"
	case "FR":
		return g.digits(13)
	case "NL":
		return bsn(g.digits(8))
	}
	return g.digits(11)
}

// bsn completes eight digits to a burgerservicenummer that passes the
// 11-test (validate.SchemeNLBSN): the ninth digit d9 makes 9·d1 + … + 2·d8
// − d9 a multiple of 11. Where that would take 10, the eighth digit is
// changed; an all-zero number becomes 1 first.
func bsn(s string) string {
	b := []byte(s)
	if s == "00000000" {
		b[7] = '1'
	}
	for {
		sum := 0
		for k := range 8 {
			sum += (9 - k) * int(b[k]-'0')
		}
		if c := sum % 11; c < 10 {
			return string(b) + strconv.Itoa(c)
		}
		b[7] = '0' + (b[7]-'0'+1)%10
	}
}

// luhnDigit returns the Luhn check digit of the digits s.
func luhnDigit(s string) int {
	sum := 0
	for k := range len(s) {
		d := int(s[len(s)-1-k] - '0')
		if k%2 == 0 {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return (10 - sum%10) % 10
}

// asciiFold spells a name for an e-mail local part: lower case, accents and
// umlauts transcribed, spaces and apostrophes dropped.
func asciiFold(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch r {
		case 'ä', 'æ':
			b.WriteString("ae")
		case 'ö', 'ø':
			b.WriteString("oe")
		case 'ü':
			b.WriteString("ue")
		case 'ß':
			b.WriteString("ss")
		case 'à', 'á', 'â', 'å':
			b.WriteByte('a')
		case 'é', 'è', 'ê', 'ë':
			b.WriteByte('e')
		case 'ï', 'î':
			b.WriteByte('i')
		case 'ô':
			b.WriteByte('o')
		case 'ç':
			b.WriteByte('c')
		case ' ', '\'', '-':
		default:
			if r < 0x80 {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

// genCountries returns the generator's data.
func genCountries() []genCountry {
	return []genCountry{
		{
			code: "DE", lang: "de", addition: "a",
			given:   []string{"Anna", "Lena", "Sophie", "Marie", "Jürgen", "Lukas", "Jonas", "Felix", "Maximilian", "Katharina", "Günter", "Ursula"},
			family:  []string{"Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann", "Koch", "Schäfer"},
			streets: []string{"Hauptstraße", "Bahnhofstraße", "Gartenweg", "Schillerstraße", "Goethestraße", "Lindenallee", "Bergstraße", "Am Markt"},
			cities: []genCity{
				{"Berlin", []string{"10115", "10117", "10119", "10178", "12043"}},
				{"Hamburg", []string{"20095", "20097", "22765"}},
				{"München", []string{"80331", "80333", "81667"}},
				{"Köln", []string{"50667", "50668", "50823"}},
				{"Frankfurt am Main", []string{"60311", "60313", "60326"}},
				{"Leipzig", []string{"04109", "04103"}},
				{"Dresden", []string{"01067", "01099"}},
			},
			mobile:   phonePattern{"+49151", 8, "0151 "},
			landline: phonePattern{"+4930", 8, "030 "},
		},
		{
			code: "FR", lang: "fr", addition: " bis",
			given:   []string{"Camille", "Léa", "Manon", "Chloé", "Hélène", "Louis", "Hugo", "Théo", "Jérôme", "François", "Nicolas", "Élodie"},
			family:  []string{"Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Lefèvre", "Girard"},
			streets: []string{"rue de la Paix", "avenue Victor Hugo", "boulevard Saint-Michel", "rue du Moulin", "place de la République", "rue des Lilas"},
			cities: []genCity{
				{"Paris", []string{"75001", "75005", "75011", "75015", "75018"}},
				{"Lyon", []string{"69001", "69003", "69007"}},
				{"Marseille", []string{"13001", "13006", "13008"}},
				{"Toulouse", []string{"31000", "31400"}},
				{"Nantes", []string{"44000", "44100"}},
				{"Strasbourg", []string{"67000", "67100"}},
			},
			mobile:   phonePattern{"+3361", 7, "06 1"},
			landline: phonePattern{"+331", 8, "01 "},
		},
		{
			code: "NL", lang: "nl", addition: "A",
			given:   []string{"Daan", "Sem", "Lucas", "Bram", "Emma", "Julia", "Tess", "Sanne", "Fleur", "Thijs", "Maarten", "Anouk"},
			family:  []string{"de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "Bos"},
			streets: []string{"Kerkstraat", "Dorpsstraat", "Stationsweg", "Molenweg", "Prinsengracht", "Schoolstraat"},
			cities: []genCity{
				{"Amsterdam", []string{"1012 JS", "1017 CE", "1071 XX"}},
				{"Rotterdam", []string{"3011 AD", "3012 KK"}},
				{"Den Haag", []string{"2511 BT", "2514 EA"}},
				{"Utrecht", []string{"3511 AX", "3512 JE"}},
				{"Eindhoven", []string{"5611 AZ"}},
			},
			mobile:   phonePattern{"+3162", 7, "06-2"},
			landline: phonePattern{"+3120", 7, "020-"},
		},
		{
			code: "SE", lang: "sv",
			given:   []string{"Erik", "Lars", "Karl", "Anders", "Johan", "Maria", "Elisabeth", "Anna", "Kristina", "Åsa", "Björn", "Ingrid"},
			family:  []string{"Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson", "Svensson", "Gustafsson", "Lindström", "Åberg"},
			streets: []string{"Storgatan", "Drottninggatan", "Kungsgatan", "Vasagatan", "Skolgatan", "Sveavägen"},
			cities: []genCity{
				{"Stockholm", []string{"111 52", "113 21", "114 35"}},
				{"Göteborg", []string{"411 05", "413 01"}},
				{"Malmö", []string{"211 20", "214 21"}},
				{"Uppsala", []string{"753 20"}},
			},
			mobile:   phonePattern{"+4670", 7, "070-"},
			landline: phonePattern{"+468", 7, "08-"},
		},
		{
			code: "GB", lang: "en",
			given:   []string{"Oliver", "George", "Harry", "Jack", "Charlotte", "Amelia", "Olivia", "Emily", "Thomas", "James", "Sophie", "Grace"},
			family:  []string{"Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright", "Evans", "O'Brien"},
			streets: []string{"High Street", "Station Road", "Church Lane", "Victoria Road", "Park Avenue", "Green Lane"},
			cities: []genCity{
				{"London", []string{"SW1A 1AA", "EC1A 1BB", "W1A 0AX", "N1 9GU"}},
				{"Manchester", []string{"M1 1AE", "M2 5DB"}},
				{"Leeds", []string{"LS1 4AP"}},
				{"Glasgow", []string{"G1 1XQ"}},
				{"Edinburgh", []string{"EH1 1YZ"}},
			},
			mobile:   phonePattern{"+44771", 7, "0771 "},
			landline: phonePattern{"+44207946", 4, "020 7946 "},
		},
	}
}
