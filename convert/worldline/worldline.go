package worldline

import (
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
)

// addressJava is the SDK file of the Connect address limits: "For payments
// with product 1503 the maximum length is not 40 but 20" (city) and "… not
// 10 but 8" (zip), that is 40 and 10 for every other product. They belong
// to the Connect billingAddress of payments, not to getCustomerDetails
// (which documents no length), so they are warnings.
const addressJava = "Worldline-Global-Collect/connect-sdk-java (Release 9.3.0) " +
	"src/main/generated/com/worldline/connect/sdk/java/v1/domain/Address.java"

// responseFields maps the members of GetCustomerDetailsResponse (the
// property table of
// https://apireference.connect.worldline-solutions.com/c2sapi/v1/en_US/javascript/products/customerDetails.html;
// country is in it though not in its example),
// in the order Encode writes them. Every member is optional and a string.
// street has code of its own: it holds the house number too.
var responseFields = [...]fieldmap.Mapping{
	{Member: "/fiscalNumber", Field: fieldmap.NationalID},
	{Member: "/city", Field: fieldmap.City,
		Limit: fieldmap.Limit{Max: 40, Severity: validate.SeverityWarning, Source: addressJava}},
	{Member: "/street", Field: fieldmap.Street},
	{Member: "/zip", Field: fieldmap.PostalCode,
		Limit: fieldmap.Limit{Max: 10, Severity: validate.SeverityWarning, Source: addressJava}},
	{Member: "/firstName", Field: fieldmap.GivenName},
	{Member: "/surname", Field: fieldmap.FamilyName},
	{Member: "/emailAddress", Field: fieldmap.Email},
	{Member: "/phoneNumber", Field: fieldmap.Phone},
	{Member: "/languageCode", Field: fieldmap.Language},
	{Member: "/country", Field: fieldmap.Country},
}

// Converter reads and writes the GetCustomerDetailsResponse document,
// format "worldline". Its zero value is ready to use; it is immutable and
// safe to share between goroutines.
type Converter struct{}

// Name returns "worldline".
func (Converter) Name() string { return Name }

// Decode reads a GetCustomerDetailsResponse. Every member is optional and a
// string; values are taken as written (the pipeline normalizes them), the
// street line whole. An empty string is "absent" in the canonical model, so
// it is not consumed: it stays in the provider section and is written back
// by Encode. Unknown members are unknown_field warnings and are kept too.
func (Converter) Decode(data []byte) (model.Customer, validate.Origins, validate.Report) {
	r := new(fieldmap.Reader)
	if !r.Parse(data) {
		return model.Customer{}, r.Origins, r.Report
	}
	// Every member is a string. They are marked opaque so that an object
	// sent in place of one is reported once (wrong_type), not once more for
	// each of its members (unknown_field).
	r.Known = make(map[validate.Pointer]bool, len(responseFields))
	for _, m := range responseFields {
		r.Known[m.Member] = true
	}

	var c model.Customer
	for _, m := range responseFields {
		r.ReadText(m, "", &c)
	}
	// The street line is read whole; normalization may split off the house
	// number, which then also comes from /street.
	r.Origins.Set(fieldmap.HouseNumber.Pointer(), "/street")
	r.Origins.Set(fieldmap.HouseNumberAddition.Pointer(), "/street")
	country := string(c.Address.Country)

	if iss, bad := checkFiscal(c.NationalID, country, "/fiscalNumber", nil, true); bad {
		r.Report.Issues = append(r.Report.Issues, iss)
	}

	r.KeepResidue(&c, Name)
	return c, r.Origins, r.Report
}

// Encode writes c as a GetCustomerDetailsResponse: the same shape Decode
// reads. The street line is the street with the house number and its
// addition joined in (before the name in the countries
// [validate.NumberFirstCountry] lists, after it elsewhere), reported as a
// joined change. city over 40 and zip over 10 characters are too_long
// warnings. The provider section is written back; every other canonical
// value is a dropped change.
func (Converter) Encode(c model.Customer) ([]byte, validate.Report) {
	return encodeResponse(c, fieldmap.Full)
}

// EncodeOmitChanges is Encode without the changes: the same document and
// the same issues, for less work (the dropped values are not looked for).
func (Converter) EncodeOmitChanges(c model.Customer) ([]byte, validate.Issues) {
	return fieldmap.Issues(encodeResponse(c, fieldmap.OmitChanges))
}

// EncodeIssues gives the issues EncodeOmitChanges gives, without writing
// the document (what a validation needs).
func (Converter) EncodeIssues(c model.Customer) validate.Issues {
	return fieldmap.IssuesOf(encodeResponse(c, fieldmap.IssuesOnly))
}

// encodeResponse is Encode, writing with a Writer of mode.
func encodeResponse(c model.Customer, mode fieldmap.Mode) ([]byte, validate.Report) {
	w := fieldmap.NewWriter(mode)
	a := c.Address
	country := string(a.Country)

	for _, m := range responseFields {
		switch m.Field {
		case fieldmap.Street:
			writeStreet(w, m.Member, a)
		case fieldmap.NationalID:
			w.WriteText(m, "", &c)
			if iss, bad := checkFiscal(c.NationalID, country, m.Field.Pointer(), validate.Ptr(m.Member), false); bad {
				w.Report.Issues = append(w.Report.Issues, iss)
			}
		default:
			w.WriteText(m, "", &c)
		}
	}

	w.Residue(c.Provider[Name], fieldmap.SectionOf(Name))
	w.Dropped(c, fieldmap.RuleNotInTarget)
	return w.Bytes(), w.Report
}

// writeStreet writes the street line at p: street, house number and
// addition joined.
func writeStreet(w *fieldmap.Writer, p validate.Pointer, a model.Address) {
	number := a.HouseNumber + a.HouseNumberAddition
	line := validate.JoinStreet(a.Street, number, validate.NumberFirstCountry(string(a.Country)))
	w.Text(p, line, fieldmap.Street.Pointer(), fieldmap.Limit{})
	for _, part := range []struct {
		canon validate.Pointer
		v     string
	}{{"/address/houseNumber", a.HouseNumber}, {"/address/houseNumberAddition", a.HouseNumberAddition}} {
		if part.v == "" {
			continue
		}
		w.Wrote(part.canon)
		w.ChangeTo(validate.ChangeJoined, part.canon, p, ruleStreetJoin)
	}
}
