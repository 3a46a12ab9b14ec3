package validate

import (
	"time"

	"github.com/custnorm/custnorm/model"
)

// Validator normalizes and checks canonical customer records. Its zero value
// is ready to use; a Validator is safe for concurrent use once configured.
type Validator struct {
	// Now returns the current time, for birth-date checks; nil means
	// time.Now.
	Now func() time.Time
	// MaxAge is the age in years beyond which a birth date is implausible
	// (a warning); 0 means DefaultMaxAge (130).
	MaxAge int
	// Region is the caller's default region (ISO 3166-1 alpha-2): the
	// region of phone numbers written without an international prefix when
	// the address has no country, and the country of an address that has
	// none (reported as defaulted).
	Region string
	// Rules are the caller's own checks, run by Check after the built-in
	// ones, on the normalized record (see [Rule]).
	Rules []Rule
}

// A Rule is a caller's own check of a canonical record: a merchant's policy
// ("a company needs a VAT id", "no PO boxes") beside custnorm's rules. It
// gets the normalized record and returns its issues, with canonical
// pointers as paths ("/taxId", "" for the whole record) and codes of the
// caller's own; an issue without a severity is an error. Conversions report
// them, like every issue, at the pointer into the input document, and they
// decide whether a record is accepted, as the built-in ones do.
//
// Messages: an issue whose code is one of this package's is localized as
// usual; for a code of the caller's, the message the rule sets is kept (a
// rule that wants it localized does so itself), and the code stands in when
// it sets none. A rule must be safe for concurrent use, and must not put
// the rejected value into its message.
type Rule func(c model.Customer) Issues

func (v *Validator) now() time.Time {
	if v == nil || v.Now == nil {
		return time.Now()
	}
	return v.Now()
}

// Normalize returns c normalized, with a report of every change made and
// every issue found on the way (paths are canonical pointers). It is
// conservative and idempotent: Normalize(Normalize(c)) == Normalize(c), with
// no changes the second time.
//
//   - Text fields: trimmed, NFC, inner white space collapsed (normalized,
//     rule "text"); control and format characters are a forbidden_characters
//     error, and the value is kept.
//   - Email: domain lower-cased (rule "email_domain"); invalid_email when the
//     syntax check fails.
//   - Countries (address, nationality): names and alpha-3 codes to alpha-2
//     (rule "country_code"); an address without a country gets Region
//     (defaulted, rule "default_region"). The nationality is read with
//     [NormalizeNationality]: an adjective ("german") becomes its code too
//     (rule "demonym"). A country or nationality that is not understood, or
//     that several countries share, is an invalid_country error: the
//     canonical fields hold codes. (Provider formats whose nationality is
//     free text keep such a value in their provider section instead, with
//     a warning; see convert/secuconnect.)
//   - Street: a street carrying its house number, with no house number set,
//     is split by the conventions of the address country ([SplitStreetIn];
//     split, rule "street_house_number"); when unsure it is kept whole with
//     a not_split warning.
//   - Phones: E.164 (rule "phone_e164"), region from the address country,
//     then Region; format characters removed from an accepted number are
//     a change of their own (rule "phone_format_characters"; phone_e164
//     too when the number was not already E.164 without them).
//   - Language: canonical BCP 47 (rule "language_tag").
func (v *Validator) Normalize(c model.Customer) (model.Customer, Report) {
	var rep Report
	text := func(p Pointer, s *string) {
		if isNormalASCII(*s) {
			return // empty, or printable ASCII in normal form: nothing to do
		}
		if HasForbiddenCharacters(*s) {
			rep.Issue(p, CodeForbiddenCharacters, nil)
		}
		if n := NormalizeText(*s); n != *s {
			*s = n
			rep.Change(ChangeNormalized, p, "text")
		}
	}
	text("/salutation", &c.Salutation)
	text("/title", &c.Title)
	text("/givenName", &c.GivenName)
	text("/familyName", &c.FamilyName)
	text("/fullName", &c.FullName)
	text("/gender", &c.Gender)
	text("/birthPlace", &c.BirthPlace)
	text("/companyName", &c.CompanyName)
	text("/website", &c.Website)
	a := &c.Address
	text("/address/street", &a.Street)
	text("/address/houseNumber", &a.HouseNumber)
	text("/address/houseNumberAddition", &a.HouseNumberAddition)
	text("/address/extra", &a.Extra)
	text("/address/careOf", &a.CareOf)
	text("/address/postalCode", &a.PostalCode)
	text("/address/city", &a.City)
	text("/address/region", &a.Region)
	text("/nationalId", &c.NationalID)
	text("/taxId", &c.TaxID)
	text("/identificationNumber", &c.IdentificationNumber)

	if c.Email != "" {
		normalizeEmailField(&rep, &c.Email)
	}

	country := func(p Pointer, dst *model.Country, nationality bool) {
		if *dst == "" {
			return
		}
		res, demonym := normalizeCountry(string(*dst), nationality)
		if !res.OK {
			rep.Add(p, res.Issues...)
			return
		}
		if res.Code != string(*dst) {
			*dst = model.Country(res.Code)
			rule := "country_code"
			if demonym {
				rule = "demonym"
			}
			rep.Change(ChangeNormalized, p, rule)
		}
	}
	country("/address/country", &a.Country, false)
	country("/nationality", &c.Nationality, true)
	if a.Country == "" && v != nil && v.Region != "" && hasAddress(*a) {
		if IsCountry(v.Region) {
			a.Country = model.Country(v.Region)
			rep.Change(ChangeDefaulted, "/address/country", "default_region")
		}
	}

	if a.Street != "" && a.HouseNumber == "" {
		splitStreetField(&rep, a)
	}

	region := string(a.Country)
	if region == "" && v != nil {
		region = v.Region
	}
	phone := func(p Pointer, dst *model.Phone) {
		if *dst == "" {
			return
		}
		res := NormalizePhone(string(*dst), region)
		rep.Add(p, res.Issues...)
		if res.OK && res.E164 != string(*dst) {
			if res.FormatCharsRemoved {
				rep.Change(ChangeNormalized, p, "phone_format_characters")
			}
			if !res.FormatCharsRemoved || res.E164 != withoutFormatChars(string(*dst)) {
				rep.Change(ChangeNormalized, p, "phone_e164")
			}
			*dst = model.Phone(res.E164)
		}
	}
	phone("/phone", &c.Phone)
	phone("/mobile", &c.Mobile)
	phone("/fax", &c.Fax)

	if c.Language != "" {
		normalizeLanguageField(&rep, &c.Language)
	}
	return c, rep
}

// The parts of Normalize for the e-mail address, the street and the
// language, in functions of their own to keep Normalize small (see
// "Tier-up" in package wasm's doc).

func normalizeEmailField(rep *Report, email *string) {
	if n, iss := NormalizeEmail(NormalizeText(*email)); iss != nil {
		rep.Add("/email", *iss)
	} else if n != *email {
		*email = n
		rep.Change(ChangeNormalized, "/email", "email_domain")
	}
}

func splitStreetField(rep *Report, a *model.Address) {
	if street, number, _, ok := SplitStreetIn(a.Street, string(a.Country)); ok {
		a.Street, a.HouseNumber = street, number
		rep.Change(ChangeSplit, "/address/street", "street_house_number")
	} else if hasDigit(a.Street) {
		rep.Issue("/address/street", CodeNotSplit, Params{"rule": "street_house_number"})
	}
}

func normalizeLanguageField(rep *Report, lang *string) {
	if n, iss := NormalizeLanguage(*lang); iss != nil {
		rep.Add("/language", *iss)
	} else if n != *lang {
		*lang = n
		rep.Change(ChangeNormalized, "/language", "language_tag")
	}
}

func hasAddress(a model.Address) bool {
	return a.Street != "" || a.HouseNumber != "" || a.PostalCode != "" || a.City != "" || a.Extra != "" || a.CareOf != ""
}

// Check checks a normalized record with the rules every provider shares:
// birth date (not in the future; older than MaxAge is a warning), postal code
// of the address country, country codes, the national id (by the schemes of
// the nationality, then of the address country: [CheckNationalID]; a valid
// id that encodes another birth date than the record's is a
// birth_date_mismatch warning) and the tax id (when it has the prefix of a
// VAT number: [CheckVATID]). Provider limits are checked by the provider
// converters. Paths are canonical pointers.
func (v *Validator) Check(c model.Customer) Report {
	var rep Report
	if !c.BirthDate.IsZero() {
		if !c.BirthDate.IsValid() {
			rep.Issue("/birthDate", CodeInvalidDate, nil)
		} else if iss := CheckBirthDate(c.BirthDate, v.now(), v.maxAge()); iss != nil {
			rep.Add("/birthDate", *iss)
		}
	}
	a := c.Address
	if a.Country != "" && IsCountry(string(a.Country)) && a.PostalCode != "" {
		if iss := CheckPostalCode(string(a.Country), a.PostalCode); iss != nil {
			rep.Add("/address/postalCode", *iss)
		}
	}
	checkIDs(c, &rep)
	for _, rule := range v.Rules {
		for _, i := range rule(c) {
			if i.Severity == "" {
				i.Severity = SeverityError
			}
			if i.Params == nil {
				i.Params = Params{}
			}
			rep.Issues = append(rep.Issues, i)
		}
	}
	return rep
}

func (v *Validator) maxAge() int {
	if v == nil {
		return 0
	}
	return v.MaxAge
}

// Customer normalizes and checks c: the normalized record and one report.
func (v *Validator) Customer(c model.Customer) (model.Customer, Report) {
	n, rep := v.Normalize(c)
	rep.Merge(v.Check(n))
	return n, rep
}
