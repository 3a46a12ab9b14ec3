package validate

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Street lines and house numbers
//
// [SplitStreetIn] splits a street line that carries its house number into
// the street name and the number, by the conventions of the address
// country; [SplitStreet] does the same without a country. The rules are
// data (streetRuleFor); each names its source. Every rule is conservative:
// when the line reads two ways, or a part is left that is not a street name
// (digits, no letter), the line is kept whole and the caller reports
// not_split. A split never guesses.
//
// The house number, in every country, is one token: one to six digits,
// optionally followed by up to three letters or by bis, ter, quater or
// quinquies ("5a", "221B", "7bis"), and optionally by "-" or "/" and a
// second part of digits and letters, or letters ("12-14", "17-19", "3/1",
// "12/3", "12/A", "2455-B"). The street name is what is left: it must hold a
// letter and no digit ("Straße des 17. Juni 5" is kept whole). A comma
// between name and number is dropped ("10, Downing Street", "Calle Mayor,
// 5"). Either order is read (number after the name, "Westerberg 25", or
// before it, "12 rue de la Paix"); a line that reads both ways ("12 Avenue
// 5") is kept whole.
//
// Per country, on top of that (sources after each):
//
//	FR BE LU MC CH  a repetition index written apart after the number, before
//	                or after the name: bis, ter, quater, quinquies, or one
//	                letter: "12 bis rue de la Paix" → "12 bis" + "rue de la
//	                Paix", "12 B rue de la Paix", "Rue de la Loi 16 A".
//	                (Base Adresse Nationale, adresses-csv "rep": "bis, a …";
//	                adresse.data.gouv.fr "Gestion des numéros": suffixes bis,
//	                ter, quater and letters A, B, C, D.) Belgian Dutch lines
//	                also take NL's markers.
//	IT SM VA        the same words and letters after the number ("Via Roma 12
//	                bis", "Via Roma 12 B"); a number marker n. n nº n° n.º
//	                num. numero before the number is dropped ("Via Roma n.
//	                12" → "Via Roma" + "12"); snc, s.n.c. or s/n stand for
//	                "no number" and become the number ("Via Roma snc").
//	                (libpostal resources/dictionaries/it/number.txt and
//	                no_number.txt.)
//	ES AD PT        bis after the number; a marker nº n.º n° no. núm. num.
//	                número nro. before it is dropped ("Calle Mayor, nº 5" →
//	                "Calle Mayor" + "5"); s/n, s/nº, s.n. ("sin número",
//	                "sem número") become the number ("Calle Mayor s/n").
//	                (libpostal resources/dictionaries/es/number.txt and
//	                no_number.txt; test/test_parser.c "C. de Ruiz de Alarcón,
//	                23".) A floor and door after the number ("Calle Mayor 5,
//	                3º B", "Paseo de la Castellana, 185 - 5º") keep the line
//	                whole.
//	NL              an addition written apart after the number: one token of
//	                up to four letters or digits holding a letter ("12 hs",
//	                "12 III", "12 A", "1 A"); "12-3" is one number token. A
//	                marker nr or nr. before the number is dropped. (IMBAG
//	                Nummeraanduiding: huisnummer, huisletter, huisnummer-
//	                toevoeging; libpostal test/test_parser.c "Nieuwe
//	                Binnenweg 17-19", "Olympia 1 A".)
//	DE AT CH LI PL  a marker Nr., Nr or nr before the number is dropped
//	                ("Hauptstraße Nr. 5", "ul. Długa nr 5"); Polish building
//	                and flat "12/3" are one number token; a flat written with
//	                m. or lok. ("ul. Długa 5 m. 3") keeps the line whole.
//	SE NO DK FI IS  one letter written apart after the number ("Storgatan 12
//	                B", "Sars gate 2A" is one token). A flat, floor or door
//	                after the number keeps the line whole: "Storgatan 12 B,
//	                lgh 1102" (lägenhetsnummer), "Valdemarsgade 42, 4. tv",
//	                "Nørregade 12 st", "Hämeenkatu 12 B 34" (staircase and
//	                flat). (libpostal resources/dictionaries/sv/
//	                unit_types_numbered.txt; test/test_parser.c
//	                "Valdemarsgade 42 4 t.v.", "Storgatan 1, 1 trappa upp".)
//	GB US IE CA AU  a letter written apart after a leading number belongs to
//	NZ ZA IN …      the name ("100 B Street" → "100" + "B Street"); letters
//	                are attached to the number ("221B Baker Street").
//	                (NumberFirstCountry's list.)
//
// Without a country (or in a country without a row) the words, markers
// and "no number" forms of every row apply, and the NL addition does not;
// a letter written apart after a leading number ("12 B rue de la Paix",
// "100 B Street") reads two ways and keeps the line whole.
//
// The split takes the number out as written (its addition included, with
// its space) and drops only a comma and a number marker, so
// JoinStreet(street, number, numberFirst) gives the line back but for those.

// streetRule is one row of the per-country street conventions. Word lists
// are lower case, separated by spaces.
type streetRule struct {
	// words are additions written apart after the number.
	words string
	// leadingLetter: one letter written apart after a leading number is
	// the number's addition ("12 B rue"); otherwise, with nameLetter, it
	// belongs to the name ("100 B Street"), and with neither the line
	// reads two ways.
	leadingLetter, nameLetter bool
	// toevoeging: a token of up to four letters or digits holding a letter
	// after the number is an addition (NL).
	toevoeging bool
	// markers stand before the number and are dropped.
	markers string
	// noNumber are the forms of "no number", which stand in its place.
	noNumber string
}

// Vocabulary of the street rules (see the table above).
const (
	streetLatinWords = "bis ter quater quinquies"
	streetMarkersIT  = "n. n nº n° n.º num. numero"
	streetMarkersES  = "nº n.º n° no. núm. num. número nro."
	streetMarkersNr  = "nr nr."
	streetNoNumberIT = "snc s.n.c. s/n"
	streetNoNumberES = "s/n s/nº s/n° s.n."
)

// streetRuleFor returns the rule of the ISO 3166-1 alpha-2 code country;
// the rule of no country for "" and countries without a row.
func streetRuleFor(country string) streetRule {
	switch country {
	case "FR", "LU", "MC", "CH":
		return streetRule{words: streetLatinWords, leadingLetter: true}
	case "BE":
		return streetRule{words: streetLatinWords, leadingLetter: true, markers: streetMarkersNr}
	case "IT", "SM", "VA":
		return streetRule{words: streetLatinWords, leadingLetter: true, markers: streetMarkersIT, noNumber: streetNoNumberIT}
	case "ES", "AD", "PT":
		return streetRule{words: "bis", markers: streetMarkersES, noNumber: streetNoNumberES}
	case "NL":
		return streetRule{toevoeging: true, markers: streetMarkersNr}
	case "DE", "AT", "LI", "PL":
		return streetRule{markers: streetMarkersNr}
	case "SE", "NO", "DK", "FI", "IS":
		return streetRule{}
	}
	if NumberFirstCountry(country) {
		return streetRule{nameLetter: true}
	}
	return streetRule{
		words:    streetLatinWords,
		markers:  streetMarkersIT + " " + streetMarkersES + " " + streetMarkersNr,
		noNumber: streetNoNumberIT + " " + streetNoNumberES,
	}
}

// hasWord reports whether the token t is one of the space-separated words,
// ignoring case.
func hasWord(words, t string) bool {
	if t == "" {
		return false
	}
	for words != "" {
		var w string
		w, words, _ = cutByte(words, ' ')
		if strings.EqualFold(w, t) {
			return true
		}
	}
	return false
}

// SplitStreet splits a street line that carries its house number into the
// street name and the number, with the rules that need no country (see
// [SplitStreetIn], which this is with country ""). numberFirst reports the
// order found, for joining back; ok is false when the line is kept whole
// (street is then the trimmed line).
func SplitStreet(line string) (street, number string, numberFirst, ok bool) {
	return SplitStreetIn(line, "")
}

// SplitStreetIn splits a street line that carries its house number into the
// street name and the number, by the conventions of country (an ISO 3166-1
// alpha-2 code, "" for none): "Gustav Adolfs torg 22" → "Gustav Adolfs
// torg" + "22"; "12 bis rue de la Paix" (FR) → "rue de la Paix" + "12 bis";
// "Calle Mayor, nº 5" (ES) → "Calle Mayor" + "5". The rules, per country
// and with their sources, are in the comment at the top of street.go and
// in the package doc.
//
// It is conservative: when the remaining street name holds digits or no
// letter, when both readings fit, or when there is no number, it reports
// ok == false and returns the trimmed line whole, for the caller to keep
// and report. numberFirst reports the order found, for [JoinStreet].
func SplitStreetIn(line, country string) (street, number string, numberFirst, ok bool) {
	line = strings.TrimSpace(line)
	rule := streetRuleFor(country)
	aStreet, aNum, afterOK := splitNumberAfter(line, rule)
	bStreet, bNum, beforeOK, twoWays := splitNumberBefore(line, rule)
	switch {
	case twoWays:
	case afterOK && !beforeOK:
		return aStreet, aNum, false, true
	case beforeOK && !afterOK:
		return bStreet, bNum, true, true
	}
	return line, "", false, false
}

// splitNumberAfter reads the number at the end of line.
func splitNumberAfter(line string, rule streetRule) (street, number string, ok bool) {
	i := strings.LastIndexByte(line, ' ')
	if i <= 0 {
		return "", "", false
	}
	rest, last := line[:i], line[i+1:]
	switch {
	case isHouseNumber(last):
		number = last
	case hasWord(rule.noNumber, last):
		street = strings.TrimRight(rest, " ,")
		return street, last, isStreetName(street)
	case isSeparateAddition(last, rule):
		j := strings.LastIndexByte(rest, ' ')
		if j <= 0 || !isHouseNumber(rest[j+1:]) {
			return "", "", false
		}
		number = line[j+1:]
		rest = rest[:j]
	default:
		return "", "", false
	}
	rest = strings.TrimRight(rest, " ")
	if j := strings.LastIndexByte(rest, ' '); j > 0 && hasWord(rule.markers, rest[j+1:]) {
		rest = rest[:j]
	}
	street = strings.TrimRight(rest, " ,")
	if k := strings.LastIndexByte(street, ' '); hasWord(rule.markers, street[k+1:]) {
		// "nº 5", "n n. 5": the name would end in a marker, and its join
		// would read otherwise.
		return "", "", false
	}
	return street, number, isStreetName(street)
}

// splitNumberBefore reads the number at the start of line. twoWays reports
// a letter written apart after the number that may belong to either part.
func splitNumberBefore(line string, rule streetRule) (street, number string, ok, twoWays bool) {
	i := strings.IndexByte(line, ' ')
	if i <= 0 {
		return "", "", false, false
	}
	first, rest := strings.TrimSuffix(line[:i], ","), strings.TrimLeft(line[i+1:], " ")
	if !isHouseNumber(first) {
		return "", "", false, false
	}
	number = first
	if strings.HasSuffix(line[:i], ",") {
		// "10, Downing Street": nothing else belongs to the number.
	} else if next, after, _ := cutByte(rest, ' '); after != "" {
		bare := strings.TrimSuffix(next, ",")
		switch {
		case hasWord(rule.words, bare):
			number, rest = line[:i]+" "+bare, after
		case isOneLetter(bare):
			switch {
			case rule.leadingLetter:
				number, rest = line[:i]+" "+bare, after
			case !rule.nameLetter:
				return "", "", false, true
			}
		}
	}
	street = strings.TrimLeft(rest, " ,")
	if isOneLetter(street) || isLatinWord(street) {
		return "", "", false, false // "12 bis", "12 B": an addition, no name
	}
	return street, number, isStreetName(street), false
}

// isSeparateAddition reports whether the token t, written apart after a
// number, is its addition under rule.
func isSeparateAddition(t string, rule streetRule) bool {
	switch {
	case isOneLetter(t), hasWord(rule.words, t):
		return true
	case rule.toevoeging:
		n, letter := 0, false
		for _, r := range t {
			switch {
			case unicode.IsLetter(r):
				letter = true
			case r < '0' || r > '9':
				return false
			}
			n++
		}
		return letter && n <= 4
	}
	return false
}

// isOneLetter reports whether t is a single letter.
func isOneLetter(t string) bool {
	r, size := utf8.DecodeRuneInString(t)
	return size == len(t) && size > 0 && unicode.IsLetter(r)
}

// JoinStreet writes street and house number as one line: the number after
// the name, or before it when numberFirst.
func JoinStreet(street, number string, numberFirst bool) string {
	switch {
	case number == "":
		return street
	case street == "":
		return number
	case numberFirst:
		return number + " " + street
	}
	return street + " " + number
}

// NumberFirstCountry reports whether house numbers are conventionally
// written before the street name in country (FR, GB, US, …).
func NumberFirstCountry(country string) bool {
	switch country {
	case "AU", "CA", "FR", "GB", "IE", "IL", "IN", "LU", "MC", "MY", "NZ", "PH", "SG", "US", "ZA":
		return true
	}
	return false
}

// SplitHouseNumber splits a house number with an addition written in one
// field ("125a", "12 B", "7bis") into the number and the addition. ok is
// false when there is no addition or the form is not recognized ("12-14").
func SplitHouseNumber(s string) (number, addition string, ok bool) {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 || i == len(s) {
		return s, "", false
	}
	rest := strings.TrimLeft(s[i:], " ")
	if !isAddition(rest) {
		return s, "", false
	}
	return s[:i], rest, true
}

// isHouseNumber reports whether s is one house number token: digits with an
// attached addition, and an optional second part after "-" or "/".
func isHouseNumber(s string) bool {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 || i > 6 {
		return false
	}
	rest := s[i:]
	if rest == "" || isAddition(rest) {
		return true
	}
	if k := strings.IndexAny(rest, "-/"); k >= 0 && (k == 0 || isAddition(rest[:k])) {
		second := rest[k+1:]
		j := 0
		for j < len(second) && second[j] >= '0' && second[j] <= '9' {
			j++
		}
		switch {
		case j == 0:
			return isAddition(second)
		case j > 6:
			return false
		}
		return j == len(second) || isAddition(second[j:])
	}
	return false
}

func isLatinWord(s string) bool { return hasWord(streetLatinWords, s) }

// isAddition reports whether s is an addition attached to a number: bis,
// ter, quater, quinquies, or one to three letters.
func isAddition(s string) bool {
	if isLatinWord(s) {
		return true
	}
	if s == "" || utf8.RuneCountInString(s) > 3 {
		return false
	}
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// isStreetName reports whether s can be the street name left over by a
// split: it holds a letter and no digit.
func isStreetName(s string) bool {
	return strings.IndexFunc(s, unicode.IsLetter) >= 0 && !hasDigit(s)
}

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}
