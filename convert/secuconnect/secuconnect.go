package secuconnect

import (
	"github.com/custnorm/custnorm/convert/internal/fieldmap"
	"github.com/custnorm/custnorm/model"
	"github.com/custnorm/custnorm/validate"
)

// Name is the registry key of the secuconnect format.
const Name = "secuconnect"

// Converter reads secuconnect payment customer documents and writes the
// PaymentCustomersDTO request. Its zero value is ready to use; it holds no
// state, so values are immutable and safe to share between goroutines.
type Converter struct{}

// Name returns "secuconnect".
func (Converter) Name() string { return Name }

// ruleHouseNumberJoin: house number and addition were written as one
// street_number.
const ruleHouseNumberJoin = "house_number_join"

// idFormat describes the payment customer id in invalid_id issues.
const idFormat = "PCU_ + 30 upper-case letters or digits"

// dobFormat describes the dob forms secuconnect documents.
const dobFormat = "YYYY-MM-DD or YYYY-MM-DDThh:mm:ss±hh:mm"

// provider is the canonical pointer of this format's residue.
const provider validate.Pointer = "/provider/" + Name

// Decode reads one payment customer: a PaymentCustomersDTO {contact:{…}} or
// a PaymentCustomersProductModel (a response). Values are mapped as written;
// the pipeline in package convert normalizes and checks them afterwards.
// A list or DELETE array is not one record: split it with
// [Converter.Records] first.
func (Converter) Decode(data []byte) (model.Customer, validate.Origins, validate.Report) {
	var c model.Customer
	r := new(fieldmap.Reader)
	if !r.Parse(data) {
		return c, r.Origins, r.Report
	}
	if isList(r.Root()) {
		r.Report.Issue("", validate.CodeInvalidFormat, validate.Params{"format": "one payment customer (split a list with Records)"})
		return c, r.Origins, r.Report
	}
	r.Known = known

	// Response members.
	if s, isStr := r.PeekString("/object"); isStr && s != objectCustomers {
		// A payment.contracts object (the "Managing Customers" guide shows
		// one as the PUT and DELETE response) is not a customer: nothing
		// else in it is read.
		r.Report.Issue("/object", validate.CodeInvalidFormat, validate.Params{"format": objectCustomers})
		return c, r.Origins, r.Report
	}
	if r.Text("/id", fieldmap.RefSecuconnect.Pointer(), &c.Refs.Secuconnect) && !validID(c.Refs.Secuconnect) {
		// "PCU_" + 30 × [A-Z0-9]: PCU_38RG7MHRE2NJTPFMXRYQP3NKW6GVAZ in
		// Create_a_Payment_Customer; the JS SDK guide: "(3
		// letters)_(30 alphanumeric signs)".
		r.Report.Issue("/id", validate.CodeInvalidID, validate.Params{"format": idFormat})
	}
	r.Text("/created", fieldmap.Created.Pointer(), &c.Created)
	r.Text("/updated", fieldmap.Updated.Pointer(), &c.Updated)
	r.Object("/contract")
	r.Object("/merchant")

	// The contact.
	_, hasContact := r.Object("/contact")
	_, hasAddress := r.Object("/contact/address")
	readContact(r, &c)
	r.PeekString("/contact/picture")      // a string, kept in the residue
	r.PeekString("/contact/address/type") // likewise
	requireMembers(r, hasContact, hasAddress)

	r.KeepResidue(&c, Name)
	return c, r.Origins, r.Report
}

// readContact reads the members of contactFields into c. (A loop in a
// small function of its own: see "Tier-up" in package wasm's doc.)
func readContact(r *fieldmap.Reader, c *model.Customer) {
	for _, m := range contactFields {
		switch m.Field {
		case fieldmap.Nationality:
			readNationality(r, m.Member, c)
		case fieldmap.BirthDate:
			readDOB(r, m.Member, c)
		default:
			r.ReadText(m, "", c)
		}
	}
}

// validID reports whether id has the shape of a payment customer id.
func validID(id string) bool {
	if len(id) != 34 || id[:4] != "PCU_" {
		return false
	}
	for i := 4; i < len(id); i++ {
		if c := id[i]; (c < 'A' || c > 'Z') && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

// Encode writes c as a PaymentCustomersDTO {contact:{…}}, the body of
// POST /Payment/Customers and PUT /Payment/Customers/{id}. The id, created
// and updated, and the response members kept in the residue, are not part of
// the request: they are reported as dropped with rule read_only. Every other
// value the DTO cannot hold is dropped with rule not_in_target.
func (Converter) Encode(c model.Customer) ([]byte, validate.Report) { return encode(c, fieldmap.Full) }

// EncodeOmitChanges is Encode without the changes: the same document and
// the same issues, for less work (the dropped values are not looked for).
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
	contact := false
	for _, m := range contactFields {
		switch m.Field {
		case fieldmap.BirthDate:
			contact = writeDOB(w, m.Member, c.BirthDate) || contact
		case fieldmap.HouseNumber:
			contact = writeHouseNumber(w, m.Member, c.Address) || contact
		default:
			w.WriteText(m, "", &c)
			contact = contact || m.Field.IsSet(&c)
		}
	}
	requireOutput(w, c, contact)

	// Read-only members: the id goes in the URL of a PUT, never in the body.
	for _, f := range [...]fieldmap.Field{fieldmap.RefSecuconnect, fieldmap.Created, fieldmap.Updated} {
		if f.IsSet(&c) {
			w.Change(validate.ChangeDropped, f.Pointer(), fieldmap.RuleReadOnly)
		}
		w.Wrote(f.Pointer()) // accounted for: not dropped a second time below
	}
	w.ResidueWithout(c.Provider[Name], provider, readOnly)
	w.Dropped(c, fieldmap.RuleNotInTarget)
	return w.Bytes(), w.Report
}
