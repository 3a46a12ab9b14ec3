package validate_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/custnorm/custnorm/model"
	"github.com/custnorm/custnorm/validate"
)

func ExampleParseBirthDate() {
	for _, in := range []string{
		"1905-03-03",
		"1905-03-03T00:00:00+01:00", // the offset is not applied
		"1980-09-01T00:00:00Z",
		"19490917",
		"03.03.1905",
		"1905-02-30",
	} {
		d, other, iss := validate.ParseBirthDate(in)
		if iss != nil {
			fmt.Printf("%-26s %s\n", in, iss.Code)
			continue
		}
		fmt.Printf("%-26s %s (other form: %v)\n", in, d, other)
	}

	now := time.Date(2025, time.June, 15, 0, 0, 0, 0, time.UTC)
	d, _, _ := validate.ParseBirthDate("1890-01-01")
	if iss := validate.CheckBirthDate(d, now, 0); iss != nil {
		fmt.Println(iss.Severity, iss.Code, iss.Params["maxAge"])
	}
	// Output:
	// 1905-03-03                 1905-03-03 (other form: false)
	// 1905-03-03T00:00:00+01:00  1905-03-03 (other form: true)
	// 1980-09-01T00:00:00Z       1980-09-01 (other form: true)
	// 19490917                   1949-09-17 (other form: true)
	// 03.03.1905                 invalid_date
	// 1905-02-30                 invalid_date
	// warning implausible_birth_date 130
}

func ExampleNormalizeText() {
	fmt.Printf("%q\n", validate.NormalizeText("  Gustav\tAdolfs \n torg  "))
	fmt.Printf("%q\n", validate.NormalizeText("Le\u0301o O'Brian")) // NFC, case kept
	fmt.Println(validate.Length("Le\u0301o"))
	fmt.Println(validate.HasForbiddenCharacters("Jo\u202ehn"))
	// Output:
	// "Gustav Adolfs torg"
	// "Léo O'Brian"
	// 3
	// true
}

func ExampleSplitStreet() {
	for _, in := range []string{
		"Gustav Adolfs torg 22",
		"12 rue de la Paix",
		"Hauptstr. 5a",
		"Straße des 17. Juni 5",
	} {
		street, number, numberFirst, ok := validate.SplitStreet(in)
		if !ok {
			fmt.Printf("%q kept whole\n", street)
			continue
		}
		fmt.Printf("%q + %q → %q\n", street, number, validate.JoinStreet(street, number, numberFirst))
	}
	// Output:
	// "Gustav Adolfs torg" + "22" → "Gustav Adolfs torg 22"
	// "rue de la Paix" + "12" → "12 rue de la Paix"
	// "Hauptstr." + "5a" → "Hauptstr. 5a"
	// "Straße des 17. Juni 5" kept whole
}

func ExampleSplitName() {
	for _, in := range []string{"David Coaster", "Coaster, David", "Anna Maria Schmidt", "van Gogh"} {
		given, family, ok := validate.SplitName(in)
		if !ok {
			fmt.Printf("%q: ambiguous, kept whole\n", in)
			continue
		}
		fmt.Printf("%q: given %q, family %q\n", in, given, family)
	}
	// Output:
	// "David Coaster": given "David", family "Coaster"
	// "Coaster, David": given "David", family "Coaster"
	// "Anna Maria Schmidt": ambiguous, kept whole
	// "van Gogh": ambiguous, kept whole
}

func ExampleError() {
	var r validate.Report
	if _, iss := validate.NormalizeEmail("john.example.com"); iss != nil {
		r.Add("/contact/email", *iss)
	}
	if _, _, iss := validate.ParseBirthDate("03.03.1905"); iss != nil {
		r.Add("/contact/dob", *iss)
	}
	r.Issue("/contact/mobile", validate.CodeNotMobile, nil)
	r.Normalize()

	err := r.Issues.Err()
	fmt.Println(err)
	var e *validate.Error
	if errors.As(err, &e) {
		for _, iss := range e.Issues {
			fmt.Println(iss.Path, iss.Code, iss.Severity)
		}
	}
	// Output:
	// validate: /contact/dob: invalid_date: is not a valid date (expected YYYY-MM-DD) (and 2 more)
	// /contact/dob invalid_date error
	// /contact/email invalid_email error
	// /contact/mobile not_mobile warning
}

func ExampleNewLocalizer() {
	issues := validate.Issues{
		validate.NewIssue("/email", validate.CodeInvalidEmail, nil),
		validate.NewIssue("/birthDate", validate.CodeDateInFuture, nil),
	}
	for _, lang := range []string{"de-AT", "fr", "xx"} {
		l := validate.NewLocalizer(lang)
		l.Fill(issues)
		fmt.Printf("%s → %s: %s; %s\n", lang, l.Lang(), issues[0].Message, issues[1].Message)
	}
	// Output:
	// de-AT → de: ist keine gültige E-Mail-Adresse; liegt in der Zukunft
	// fr → fr: n'est pas une adresse e-mail valide; est dans le futur
	// xx → en: is not a valid e-mail address; lies in the future
}

func ExampleValidator_Customer() {
	v := validate.Validator{Region: "DE"}
	c, rep := v.Customer(model.Customer{
		GivenName: "Max ",
		Mobile:    "0177 5555555",
		Address:   model.Address{Street: "Hauptstr. 5", PostalCode: "1011", Country: "Deutschland"},
	})
	fmt.Println(c.GivenName, c.Mobile, c.Address.Street, c.Address.HouseNumber, c.Address.Country)
	for _, ch := range rep.Changes {
		fmt.Println(ch.Kind, ch.Path, ch.Rule)
	}
	for _, i := range rep.Issues {
		fmt.Println(i.Severity, i.Path, i.Code)
	}
	// Output:
	// Max +491775555555 Hauptstr. 5 DE
	// normalized /givenName text
	// normalized /address/country country_code
	// split /address/street street_house_number
	// normalized /mobile phone_e164
	// error /address/postalCode invalid_postal_code
}

func ExampleSplitStreetIn() {
	for _, tc := range []struct{ line, country string }{
		{"12 bis rue de la Paix", "FR"},
		{"Calle Mayor, nº 5", "ES"},
		{"Calle Mayor s/n", "ES"},
		{"Kerkstraat 12 hs", "NL"},
		{"100 B Street", "US"},
		{"12 B rue de la Paix", ""}, // without a country it reads two ways
		{"Storgatan 12 B, lgh 1102", "SE"},
	} {
		street, number, numberFirst, ok := validate.SplitStreetIn(tc.line, tc.country)
		if !ok {
			fmt.Printf("%-2s %q kept whole\n", tc.country, street)
			continue
		}
		fmt.Printf("%-2s %q + %q → %q\n", tc.country, street, number, validate.JoinStreet(street, number, numberFirst))
	}
	// Output:
	// FR "rue de la Paix" + "12 bis" → "12 bis rue de la Paix"
	// ES "Calle Mayor" + "5" → "Calle Mayor 5"
	// ES "Calle Mayor" + "s/n" → "Calle Mayor s/n"
	// NL "Kerkstraat" + "12 hs" → "Kerkstraat 12 hs"
	// US "B Street" + "100" → "100 B Street"
	//    "12 B rue de la Paix" kept whole
	// SE "Storgatan 12 B, lgh 1102" kept whole
}
