package secuconnect

import (
	"github.com/custnorm/custnorm/convert/internal/fieldmap"
	"github.com/custnorm/custnorm/model"
	"github.com/custnorm/custnorm/validate"
)

// readNationality reads contact.nationality, which secuconnect keeps as
// free text: its API accepts and echoes "german" (the demo customer of the
// PHP SDK) as well as "DE". What [validate.NormalizeNationality] reads (a
// code, a country name, a nationality adjective) becomes the canonical
// nationality, as written; the pipeline normalizes it to the alpha-2 code
// and reports that. What it cannot read, or what several countries share
// ("Congolese"), stays in the residue, so that it is kept in the canonical
// record's provider section and written back to secuconnect, with an
// invalid_country warning (the candidates in params when there are): a
// format that needs a country code there would reject it, secuconnect does
// not.
func readNationality(r *fieldmap.Reader, p validate.Pointer, c *model.Customer) {
	r.Origins.Set(fieldmap.Nationality.Pointer(), p)
	s, ok := r.PeekString(p)
	if !ok || s == "" {
		return // null, "" or another type: left in the residue (wrong_type reported)
	}
	if res := validate.NormalizeNationality(s); !res.OK {
		for _, iss := range res.Issues {
			r.Report.Add(p, iss.WithSeverity(validate.SeverityWarning))
		}
		return
	}
	r.Consume(p)
	c.Nationality = model.Country(s)
}

// readDOB reads the date of birth. Requests carry YYYY-MM-DD; responses
// carry the date with a time and an offset that has changed over the years
// (+01:00 in the PHP SDK's tests of 2018 to 2021, +00:00 since:
// secuconnect-php-sdk test/Api/PaymentCustomersApiTest.php,
// secuconnect-java-sdk PaymentCustomersApiTest.java): the calendar date
// written is the date. A dob that is no date stays in the residue, so
// nothing is lost.
func readDOB(r *fieldmap.Reader, p validate.Pointer, c *model.Customer) {
	// Text that is no date: "invalid dob format" is a
	// ProductFormatException (the guide "Managing Customers").
	s, ok := r.BirthDate(p, c)
	if !ok {
		return
	}
	if !documentedDOB(s) {
		// Outside the documented pattern
		// /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2})?$/i
		// (secuconnect/secuconnect-js-sdk
		// docs/PaymentCustomersDTOContact.md at v0.1.0): 19050303 or a
		// "Z" zone. The date is clear, so a warning.
		iss := validate.NewIssue(p, validate.CodeInvalidFormat, validate.Params{"format": dobFormat})
		r.Report.Issues = append(r.Report.Issues, iss.WithSeverity(validate.SeverityWarning))
	}
}

// documentedDOB reports whether s matches the documented dob pattern
// (ParseBirthDate has checked the digits and ranges already).
func documentedDOB(s string) bool {
	switch {
	case len(s) == 10:
		return true
	case len(s) == 25 && (s[10] == 'T' || s[10] == 't') && s[13] == ':' && s[16] == ':' &&
		(s[19] == '+' || s[19] == '-') && s[22] == ':':
		return true
	}
	return false
}

// requireMembers reports missing members the documentation asks for.
//
// The API reference says forename, surname, email and the address "must be
// transmitted every time"; the guide "Managing Customers" says they SHOULD
// be, and the server accepted a customer without email (the customer of
// secuconnect/secuconnect-js-sdk test/api/PaymentSecupayDebitsApi.spec.js,
// 2019). So each is a warning. A request without contact is a
// ProductFormatException ("no payload", "Managing Customers"): an error.
// companyname is asked for "only in case of a company", which a secuconnect
// document does not say, so Decode cannot check it.
func requireMembers(r *fieldmap.Reader, hasContact, hasAddress bool) {
	if !hasContact {
		if !r.Has("/contact") {
			r.Report.Issue("/contact", validate.CodeRequired, nil)
		}
		return
	}
	warn := func(p validate.Pointer) {
		if !r.Present(p) {
			iss := validate.NewIssue(p, validate.CodeRequired, nil)
			r.Report.Issues = append(r.Report.Issues, iss.WithSeverity(validate.SeverityWarning))
		}
	}
	for _, p := range requiredContact {
		warn(p)
	}
	if !hasAddress {
		warn("/contact/address")
		return
	}
	for _, m := range requiredAddress {
		warn(m.Member)
	}
}

// writeDOB writes the date of birth as YYYY-MM-DD, the form requests use
// (the guide "Managing Customers": setDob('1905-03-03')).
// It reports whether it wrote one.
func writeDOB(w *fieldmap.Writer, p validate.Pointer, d model.Date) bool {
	if d.IsZero() {
		return false
	}
	canon := fieldmap.BirthDate.Pointer()
	w.Wrote(canon)
	if !d.IsValid() {
		iss := validate.NewIssue(canon, validate.CodeInvalidDate, nil)
		w.Report.Issues = append(w.Report.Issues, iss.WithTarget(p))
		return false
	}
	w.SetDate(p, d)
	return true
}

// writeHouseNumber writes street_number, the "House number incl.
// supplement" (Address.php): the house number and its addition joined. It
// reports whether it wrote one.
func writeHouseNumber(w *fieldmap.Writer, p validate.Pointer, a model.Address) bool {
	number := joinHouseNumber(a.HouseNumber, a.HouseNumberAddition)
	w.Text(p, number, fieldmap.HouseNumber.Pointer(), fieldmap.Limit{})
	if a.HouseNumberAddition == "" {
		return number != ""
	}
	w.Wrote(fieldmap.HouseNumberAddition.Pointer())
	if a.HouseNumber != "" {
		w.ChangeTo(validate.ChangeJoined, fieldmap.HouseNumber.Pointer(), p, ruleHouseNumberJoin)
	}
	w.ChangeTo(validate.ChangeJoined, fieldmap.HouseNumberAddition.Pointer(), p, ruleHouseNumberJoin)
	return true
}

// joinHouseNumber writes number and addition as secuconnect's examples do
// ("6a", "125b"): directly after each other, with a space only where two
// digits would otherwise run together.
func joinHouseNumber(number, addition string) string {
	switch {
	case addition == "":
		return number
	case number == "":
		return addition
	case isDigit(number[len(number)-1]) && isDigit(addition[0]):
		return number + " " + addition
	}
	return number + addition
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// requireOutput reports the members the documentation asks for that the
// output lacks (see requireMembers for the sources and severities). contact
// reports whether any contact member was written.
func requireOutput(w *fieldmap.Writer, c model.Customer, contact bool) {
	if !contact {
		// "no payload" is a ProductFormatException ("Managing Customers").
		iss := validate.NewIssue("", validate.CodeRequired, nil)
		w.Report.Issues = append(w.Report.Issues, iss.WithTarget("/contact"))
		return
	}
	warn := validate.SeverityWarning
	w.Require("/contact/forename", fieldmap.GivenName.Pointer(), warn)
	w.Require("/contact/surname", fieldmap.FamilyName.Pointer(), warn)
	if c.Kind == model.KindCompany {
		// "companyname (only in case of a company)" ("Managing Customers").
		w.Require("/contact/companyname", fieldmap.CompanyName.Pointer(), warn)
	}
	w.Require("/contact/email", fieldmap.Email.Pointer(), warn)
	if !hasAddress(c.Address) {
		w.Require("/contact/address", "/address", warn)
		return
	}
	for _, m := range requiredAddress {
		w.Require(m.Member, m.Field.Pointer(), warn)
	}
}

// hasAddress reports whether a holds a value the DTO's address can hold.
func hasAddress(a model.Address) bool {
	return a.Street != "" || a.HouseNumber != "" || a.HouseNumberAddition != "" || a.Extra != "" ||
		a.PostalCode != "" || a.City != "" || a.Country != ""
}
