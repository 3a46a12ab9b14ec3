package worldline

import (
	"encoding/json"

	"github.com/custnorm/custnorm/convert/internal/fieldmap"
	"github.com/custnorm/custnorm/model"
	"github.com/custnorm/custnorm/validate"
)

// Name is the registry key of the GetCustomerDetailsResponse format.
const Name = "worldline"

// Rules of the changes this package reports.
const (
	// ruleStreetJoin: house number (and addition) joined into the street
	// line, which is the only address line Worldline has.
	ruleStreetJoin = "street_join"
	// ruleNotInTarget: a canonical value the document has no member for.
	ruleNotInTarget = "not_in_target"
)

// Length limits, in code points after NFC. Source:
// Worldline-Global-Collect/connect-sdk-java (Release 9.3.0),
// src/main/generated/com/worldline/connect/sdk/java/v1/domain/Address.java:
// "For payments with product 1503 the maximum length is not 40 but 20"
// (city) and "… not 10 but 8" (zip), that is 40 and 10 for every other
// product. They belong to the Connect billingAddress of payments, not to
// getCustomerDetails (which documents no length), so they are warnings.
const (
	maxCity = 40
	maxZip  = 10
)

// Converter reads and writes the GetCustomerDetailsResponse document,
// format "worldline". Its zero value is ready to use; it is immutable and
// safe to share between goroutines.
type Converter struct{}

// Name returns "worldline".
func (Converter) Name() string { return Name }

// responseMembers are the members of GetCustomerDetailsResponse (seed 002;
// country is in its property table though not in its example). The array
// is never modified.
var responseMembers = [...]validate.Pointer{
	"/fiscalNumber", "/city", "/street", "/zip", "/firstName", "/surname",
	"/emailAddress", "/phoneNumber", "/languageCode", "/country",
}

// Decode reads a GetCustomerDetailsResponse. Every member is optional and a
// string; values are taken as written (the pipeline normalizes them), the
// street line whole. An empty string is "absent" in the canonical model, so
// it is not consumed: it stays in the provider section and is written back
// by Encode. Unknown members are unknown_field warnings and are kept too.
func (Converter) Decode(data []byte) (model.Customer, validate.Origins, validate.Report) {
	r := new(fieldmap.Reader)
	ok := r.Parse(data)
	if !ok {
		return model.Customer{}, r.Origins, r.Report
	}
	// Every member is a string. They are marked opaque so that an object
	// sent in place of one is reported once (wrong_type), not once more for
	// each of its members (unknown_field).
	r.Known = make(map[validate.Pointer]bool, len(responseMembers))
	for _, p := range responseMembers {
		r.Known[p] = true
	}

	var c model.Customer
	var phone, country string
	readText(r, "/fiscalNumber", "/nationalId", &c.NationalID)
	readText(r, "/city", "/address/city", &c.Address.City)
	readText(r, "/zip", "/address/postalCode", &c.Address.PostalCode)
	readText(r, "/firstName", "/givenName", &c.GivenName)
	readText(r, "/surname", "/familyName", &c.FamilyName)
	readText(r, "/emailAddress", "/email", &c.Email)
	readText(r, "/phoneNumber", "/phone", &phone)
	readText(r, "/languageCode", "/language", &c.Language)
	readText(r, "/country", "/address/country", &country)
	c.Phone = model.Phone(phone)
	c.Address.Country = model.Country(country)

	// The street line is read whole; normalization may split off the house
	// number, which then also comes from /street.
	readText(r, "/street", "/address/street", &c.Address.Street)
	r.Origins.Set("/address/houseNumber", "/street")
	r.Origins.Set("/address/houseNumberAddition", "/street")

	if iss, bad := checkFiscal(c.NationalID, country, "/fiscalNumber", nil, true); bad {
		r.Report.Issues = append(r.Report.Issues, iss)
	}

	if res := r.Residue(); res != nil {
		c.Provider = map[string]json.RawMessage{Name: res}
		r.Origins.Set(validate.Pointer("/provider").AppendToken(Name), "")
	}
	return c, r.Origins, r.Report
}

// readText reads the string member p into *dst like [fieldmap.Reader.Text]
// (recording the origin of canon even when p is absent), except that an
// empty string is left unconsumed, so that it stays in the residue.
func readText(r *fieldmap.Reader, p, canon validate.Pointer, dst *string) {
	if v, ok := r.Get(p); ok && v == "" {
		r.Origins.Set(canon, p)
		return
	}
	r.Text(p, canon, dst)
}

// Encode writes c as a GetCustomerDetailsResponse: the same shape Decode
// reads. The street line is the street with the house number and its
// addition joined in (before the name in the countries
// [validate.NumberFirstCountry] lists, after it elsewhere), reported as a
// joined change. city over 40 and zip over 10 characters are too_long
// warnings. The provider section is written back; every other canonical
// value is a dropped change.
func (Converter) Encode(c model.Customer) ([]byte, validate.Report) {
	return encodeResponse(c, false)
}

// EncodeOmitChanges is Encode without the changes: the same document and
// the same issues, for less work (the dropped values are not looked for).
func (Converter) EncodeOmitChanges(c model.Customer) ([]byte, validate.Issues) {
	out, rep := encodeResponse(c, true)
	return out, rep.Issues
}

// encodeResponse is Encode; with omitChanges it lists no changes.
func encodeResponse(c model.Customer, omitChanges bool) ([]byte, validate.Report) {
	w := fieldmap.NewWriter()
	w.OmitChanges = omitChanges
	a := c.Address
	country := string(a.Country)

	w.Text("/fiscalNumber", c.NationalID, "/nationalId", fieldmap.Limit{})
	if iss, bad := checkFiscal(c.NationalID, country, "/nationalId", validate.Ptr("/fiscalNumber"), false); bad {
		w.Report.Issues = append(w.Report.Issues, iss)
	}
	w.Text("/city", a.City, "/address/city", fieldmap.Limit{})
	softLimit(w, "/city", a.City, "/address/city", maxCity)
	writeStreet(w, a)
	w.Text("/zip", a.PostalCode, "/address/postalCode", fieldmap.Limit{})
	softLimit(w, "/zip", a.PostalCode, "/address/postalCode", maxZip)
	w.Text("/firstName", c.GivenName, "/givenName", fieldmap.Limit{})
	w.Text("/surname", c.FamilyName, "/familyName", fieldmap.Limit{})
	w.Text("/emailAddress", c.Email, "/email", fieldmap.Limit{})
	w.Text("/phoneNumber", string(c.Phone), "/phone", fieldmap.Limit{})
	w.Text("/languageCode", c.Language, "/language", fieldmap.Limit{})
	w.Text("/country", country, "/address/country", fieldmap.Limit{})

	w.Residue(c.Provider[Name], validate.Pointer("/provider").AppendToken(Name))
	w.Dropped(c, ruleNotInTarget)
	return w.Bytes(), w.Report
}

// writeStreet writes the street line: street, house number and addition
// joined.
func writeStreet(w *fieldmap.Writer, a model.Address) {
	number := a.HouseNumber + a.HouseNumberAddition
	line := validate.JoinStreet(a.Street, number, validate.NumberFirstCountry(string(a.Country)))
	w.Text("/street", line, "/address/street", fieldmap.Limit{})
	for _, part := range []struct {
		canon validate.Pointer
		v     string
	}{{"/address/houseNumber", a.HouseNumber}, {"/address/houseNumberAddition", a.HouseNumberAddition}} {
		if part.v == "" {
			continue
		}
		w.Wrote(part.canon)
		w.ChangeTo(validate.ChangeJoined, part.canon, "/street", ruleStreetJoin)
	}
}

// softLimit checks v against max like [fieldmap.Writer.Check] and makes the
// issue a warning: the limits this package knows are not documented for the
// document it writes (see maxCity).
func softLimit(w *fieldmap.Writer, p validate.Pointer, v string, canon validate.Pointer, max int) {
	n := len(w.Report.Issues)
	w.Check(p, v, canon, fieldmap.Limit{Max: max})
	for k := n; k < len(w.Report.Issues); k++ {
		w.Report.Issues[k].Severity = validate.SeverityWarning
	}
}
