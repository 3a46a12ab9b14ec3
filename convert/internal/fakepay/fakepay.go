// Package fakepay is a provider format that exists only for tests: the
// customer of a payment provider that does not exist. It shows what a
// provider format is in custnorm, and the tests prove that this is all it
// takes: this one package, and one line that registers its Converter (see
// convert's TestTestOnlyProvider), after which it passes the checks every
// format passes (internal/golden.RunCorpus on its corpus in testdata/, and
// convert's round trips).
//
// The document, {"ref", "first", "last", "email", "phone", "born",
// "address":{"line", "zip", "town", "country"}}, maps as the table fields
// says. ref is the provider's id of the customer: the canonical record has
// no field for it, so it stays in the record's provider section, which is
// written back. Encode writes the same shape.
package fakepay

import (
	"github.com/custnorm/custnorm/convert/internal/fieldmap"
	"github.com/custnorm/custnorm/model"
	"github.com/custnorm/custnorm/validate"
)

// Name is the registry key of the format.
const Name = "fakepay"

// Converter reads and writes the format. Its zero value is ready to use.
type Converter struct{}

// Name returns "fakepay".
func (Converter) Name() string { return Name }

// nameLimit is the limit of both name members.
var nameLimit = fieldmap.Limit{Max: 50, Source: "convert/internal/fakepay (made up for the tests)"}

// fields maps the members, in the order Encode writes them; born has code
// of its own.
var fields = [...]fieldmap.Mapping{
	{Member: "/first", Field: fieldmap.GivenName, Limit: nameLimit},
	{Member: "/last", Field: fieldmap.FamilyName, Limit: nameLimit},
	{Member: "/email", Field: fieldmap.Email},
	{Member: "/phone", Field: fieldmap.Phone},
	{Member: "/born", Field: fieldmap.BirthDate},
	{Member: "/address/line", Field: fieldmap.Street},
	{Member: "/address/zip", Field: fieldmap.PostalCode},
	{Member: "/address/town", Field: fieldmap.City},
	{Member: "/address/country", Field: fieldmap.Country},
}

// known lists the documented members: the mapped ones, address and ref.
func known() map[validate.Pointer]bool {
	k := map[validate.Pointer]bool{"/ref": false, "/address": false}
	for _, m := range fields {
		k[m.Member] = false
	}
	return k
}

// Decode reads one customer document.
func (Converter) Decode(data []byte) (model.Customer, validate.Origins, validate.Report) {
	var c model.Customer
	r := new(fieldmap.Reader)
	if !r.Parse(data) {
		return c, r.Origins, r.Report
	}
	r.Known = known()
	r.Object("/address")
	for _, m := range fields {
		if m.Field == fieldmap.BirthDate {
			r.BirthDate(m.Member, &c)
			continue
		}
		r.ReadText(m, "", &c)
	}
	r.PeekString("/ref") // a string, kept in the provider section
	r.KeepResidue(&c, Name)
	return c, r.Origins, r.Report
}

// Encode writes c in the same shape; a name over 50 characters is too_long.
func (Converter) Encode(c model.Customer) ([]byte, validate.Report) { return encode(c, fieldmap.Full) }

// EncodeOmitChanges is Encode without the changes.
func (Converter) EncodeOmitChanges(c model.Customer) ([]byte, validate.Issues) {
	return fieldmap.Issues(encode(c, fieldmap.OmitChanges))
}

// EncodeIssues gives the issues EncodeOmitChanges gives, without writing
// the document (what a validation needs).
func (Converter) EncodeIssues(c model.Customer) validate.Issues {
	return fieldmap.IssuesOf(encode(c, fieldmap.IssuesOnly))
}

// encode is Encode, writing with a Writer of mode.
func encode(c model.Customer, mode fieldmap.Mode) ([]byte, validate.Report) {
	w := fieldmap.NewWriter(mode)
	for _, m := range fields {
		if m.Field == fieldmap.BirthDate {
			if c.BirthDate.IsValid() {
				w.Text(m.Member, c.BirthDate.String(), m.Field.Pointer(), m.Limit)
			}
			continue
		}
		w.WriteText(m, "", &c)
	}
	w.Residue(c.Provider[Name], fieldmap.SectionOf(Name))
	w.Dropped(c, fieldmap.RuleNotInTarget)
	return w.Bytes(), w.Report
}
