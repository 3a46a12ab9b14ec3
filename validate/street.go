package validate

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// SplitStreet splits a street line that carries its house number into the
// street name and the number. It recognizes the number after the name
// ("Gustav Adolfs torg 22", "Westerberg 25", "Hauptstr. 5a", "Main St 12-14")
// and before it ("12 rue de la Paix", "221B Baker Street", "10, Downing
// Street"). The number is one to six digits, optionally followed by up to
// three letters, "bis", "ter" or "quater", or a range or fraction ("12-14",
// "3/1"). A comma between number and street is dropped.
//
// It is conservative: when the remaining street name holds digits too
// ("Straße des 17. Juni 5") or no letter, when both readings fit, or when
// there is no number, it reports ok == false and the caller keeps the line
// whole.
// numberFirst reports the order found, for joining back.
func SplitStreet(line string) (street, number string, numberFirst, ok bool) {
	line = strings.TrimSpace(line)
	after := strings.LastIndexByte(line, ' ')
	before := strings.IndexByte(line, ' ')
	var afterOK, beforeOK bool
	var aStreet, aNum, bStreet, bNum string
	if after > 0 {
		aStreet, aNum = strings.TrimRight(line[:after], " ,"), line[after+1:]
		afterOK = isHouseNumber(aNum) && isStreetName(aStreet)
	}
	if before > 0 {
		bNum, bStreet = strings.TrimSuffix(line[:before], ","), strings.TrimSpace(line[before+1:])
		beforeOK = isHouseNumber(bNum) && isStreetName(bStreet)
	}
	switch {
	case afterOK && !beforeOK:
		return aStreet, aNum, false, true
	case beforeOK && !afterOK:
		return bStreet, bNum, true, true
	}
	return line, "", false, false
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
	if rest[0] == '-' || rest[0] == '/' {
		j := 1
		for j < len(rest) && rest[j] >= '0' && rest[j] <= '9' {
			j++
		}
		return j > 1 && (j == len(rest) || isAddition(rest[j:]))
	}
	return false
}

func isAddition(s string) bool {
	switch strings.ToLower(s) {
	case "bis", "ter", "quater":
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
