package secuconnect

import (
	"bytes"
	"encoding/json"

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

// Rules named in the changes this package reports.
const (
	// ruleDateCivil: a dob written with a time and offset was read as the
	// calendar date it names.
	ruleDateCivil = "date_civil"
	// ruleHouseNumberJoin: house number and addition were written as one
	// street_number.
	ruleHouseNumberJoin = "house_number_join"
	// ruleReadOnly: a member of the response model is not part of the
	// request.
	ruleReadOnly = "read_only"
	// ruleNotInTarget: the DTO has no member for the canonical value.
	ruleNotInTarget = "not_in_target"
)

// objectCustomers is the object member of every payment customer
// (PaymentCustomersProductModel; seed 001, providers.md 1.4).
const objectCustomers = "payment.customers"

// idFormat describes the payment customer id in invalid_id issues.
const idFormat = "PCU_ + 30 upper-case letters or digits"

// dobFormat describes the dob forms secuconnect documents.
const dobFormat = "YYYY-MM-DD or YYYY-MM-DDThh:mm:ss±hh:mm"

// provider is the canonical pointer of this format's residue.
const provider = validate.Pointer("/provider/" + Name)

// noLimit: secuconnect publishes no length limit for any contact member
// (providers.md 1.3: "No max lengths are published anywhere found"; the
// PHP, Java and JS SDK models have no constraints).
var noLimit = fieldmap.Limit{}

// A field maps one string member of the contact to a canonical field.
type field struct {
	member validate.Pointer
	canon  validate.Pointer
	// text: the member is read into (and written from) the canonical
	// string field textField returns; false for the members handled on
	// their own (dob, street_number). nationality is written as text but
	// read on its own (readNationality).
	text bool
}

// contactFields lists the contact members in the order of the SDK model
// (secuconnect-php-sdk lib/Model/Contact.php, lib/Model/Address.php), which
// is the order Encode writes them in. picture and address.type have no
// canonical place and live in the residue.
var contactFields = []field{
	{"/contact/name", "/fullName", true},
	{"/contact/forename", "/givenName", true},
	{"/contact/surname", "/familyName", true},
	{"/contact/companyname", "/companyName", true},
	{"/contact/salutation", "/salutation", true},
	{"/contact/gender", "/gender", true},
	{"/contact/title", "/title", true},
	{"/contact/email", "/email", true},
	{"/contact/phone", "/phone", true},
	{"/contact/mobile", "/mobile", true},
	{"/contact/fax", "/fax", true},
	{"/contact/dob", "/birthDate", false},
	{"/contact/url_website", "/website", true},
	{"/contact/birthplace", "/birthPlace", true},
	{"/contact/nationality", "/nationality", true},
	{"/contact/address/street", "/address/street", true},
	{"/contact/address/street_number", "/address/houseNumber", false},
	{"/contact/address/additional_address_data", "/address/extra", true},
	{"/contact/address/postal_code", "/address/postalCode", true},
	{"/contact/address/city", "/address/city", true},
	{"/contact/address/country", "/address/country", true},
}

// textField returns the canonical string field of c at canon, a text field
// of contactFields. (A switch, not a function per field: through a function
// value c would escape to the heap, one allocation per record.)
func textField(c *model.Customer, canon validate.Pointer) *string {
	switch canon {
	case "/fullName":
		return &c.FullName
	case "/givenName":
		return &c.GivenName
	case "/familyName":
		return &c.FamilyName
	case "/companyName":
		return &c.CompanyName
	case "/salutation":
		return &c.Salutation
	case "/gender":
		return &c.Gender
	case "/title":
		return &c.Title
	case "/email":
		return &c.Email
	case "/phone":
		return (*string)(&c.Phone)
	case "/mobile":
		return (*string)(&c.Mobile)
	case "/fax":
		return (*string)(&c.Fax)
	case "/website":
		return &c.Website
	case "/birthPlace":
		return &c.BirthPlace
	case "/nationality":
		return (*string)(&c.Nationality)
	case "/address/street":
		return &c.Address.Street
	case "/address/extra":
		return &c.Address.Extra
	case "/address/postalCode":
		return &c.Address.PostalCode
	case "/address/city":
		return &c.Address.City
	case "/address/country":
		return (*string)(&c.Address.Country)
	}
	panic("secuconnect: no text field at " + string(canon))
}

// known lists every documented member of the request and response models.
// true marks an opaque subtree.
//
// Sources: secuconnect-php-sdk lib/Model/Contact.php, lib/Model/Address.php,
// lib/Model/PaymentCustomersProductModel.php (object, id from
// BaseProductModel; contract, contact, created, updated);
// secuconnect-java-sdk PaymentCustomersProductModel.java (the aggregation
// helpers l, k, ks, c, s, t); Create_a_Payment_Customer.html (merchant);
// java-sdk CommonObjectsProvider.java (address.type).
var known = map[validate.Pointer]bool{
	"/object":   false,
	"/id":       false,
	"/contract": true,
	"/merchant": true,
	"/created":  false,
	"/updated":  false,
	"/l":        false,
	"/k":        false,
	"/ks":       false,
	"/c":        false,
	"/s":        false,
	"/t":        true,
	"/contact":  false,

	"/contact/name":        false,
	"/contact/forename":    false,
	"/contact/surname":     false,
	"/contact/companyname": false,
	"/contact/salutation":  false,
	"/contact/gender":      false,
	"/contact/title":       false,
	"/contact/email":       false,
	"/contact/phone":       false,
	"/contact/mobile":      false,
	"/contact/fax":         false,
	"/contact/dob":         false,
	"/contact/picture":     false,
	"/contact/url_website": false,
	"/contact/birthplace":  false,
	"/contact/nationality": false,
	"/contact/address":     false,

	"/contact/address/type":                    false,
	"/contact/address/street":                  false,
	"/contact/address/street_number":           false,
	"/contact/address/additional_address_data": false,
	"/contact/address/postal_code":             false,
	"/contact/address/city":                    false,
	"/contact/address/country":                 false,
}

// readOnly lists the top-level members of the response model that are not
// part of the PaymentCustomersDTO request (seed 001 "Data models": the DTO
// "contains only necessary information to perform create and update", that
// is contact). Encode drops them from the residue with rule read_only.
var readOnly = []string{"object", "id", "contract", "merchant", "created", "updated", "l", "k", "ks", "c", "s", "t"}

// Decode reads one payment customer: a PaymentCustomersDTO {contact:{…}} or
// a PaymentCustomersProductModel (a response). Values are mapped as written;
// the pipeline in package convert normalizes and checks them afterwards.
// A list or DELETE array is not one record: split it with
// [Converter.Records] first.
func (Converter) Decode(data []byte) (model.Customer, validate.Origins, validate.Report) {
	var c model.Customer
	r := new(fieldmap.Reader)
	ok := r.Parse(data)
	if !ok {
		return c, r.Origins, r.Report
	}
	if isList(r.Root()) {
		r.Report.Issue("", validate.CodeInvalidFormat, validate.Params{"format": "one payment customer (split a list with Records)"})
		return c, r.Origins, r.Report
	}
	r.Known = known

	// Response members.
	if s, isStr := peekString(r, "/object"); isStr && s != objectCustomers {
		// A payment.contracts object (seed 000 shows one as the PUT and
		// DELETE response) is not a customer: nothing else in it is read.
		r.Report.Issue("/object", validate.CodeInvalidFormat, validate.Params{"format": objectCustomers})
		return c, r.Origins, r.Report
	}
	r.Origins.Set("/refs/secuconnect", "/id")
	if id, isStr := peekString(r, "/id"); isStr && id != "" {
		r.Consume("/id")
		c.Refs.Secuconnect = id
		if !validID(id) {
			// "PCU_" + 30 × [A-Z0-9] (providers.md 1.4, S10; seed 001
			// "(3 letters)_(30 alphanumeric signs)").
			r.Report.Issue("/id", validate.CodeInvalidID, validate.Params{"format": idFormat})
		}
	}
	readText(r, "/created", "/created", &c.Created)
	readText(r, "/updated", "/updated", &c.Updated)
	r.Object("/contract")
	r.Object("/merchant")

	// The contact.
	_, hasContact := r.Object("/contact")
	_, hasAddress := r.Object("/contact/address")
	for _, f := range contactFields {
		switch {
		case f.canon == "/nationality":
			readNationality(r, f.member, &c)
		case f.text:
			readText(r, f.member, f.canon, textField(&c, f.canon))
		case f.canon == "/birthDate":
			readDOB(r, f.member, &c)
		case f.canon == "/address/houseNumber":
			// "House number incl. supplement" (Address.php): kept whole.
			readText(r, f.member, f.canon, &c.Address.HouseNumber)
		}
	}
	checkString(r, "/contact/picture")
	checkString(r, "/contact/address/type")
	requireMembers(r, hasContact, hasAddress)

	if res := r.Residue(); res != nil {
		c.Provider = map[string]json.RawMessage{Name: res}
		r.Origins.Set(provider, "")
	}
	return c, r.Origins, r.Report
}

// readText reads the string member p into *dst, recording canon's origin.
// An empty string is left in the residue, so that it is written back as it
// was: "" means absent in the canonical record.
func readText(r *fieldmap.Reader, p, canon validate.Pointer, dst *string) {
	if v, ok := r.Get(p); ok && v == "" {
		r.Origins.Set(canon, p)
		return
	}
	r.Text(p, canon, dst)
}

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
	r.Origins.Set("/nationality", p)
	s, ok := peekString(r, p)
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

// peekString returns the string at p without consuming it; another JSON type
// is reported as wrong_type.
func peekString(r *fieldmap.Reader, p validate.Pointer) (string, bool) {
	v, ok := r.Get(p)
	if !ok || v == nil {
		return "", false
	}
	s, isStr := v.(string)
	if !isStr {
		r.String(p) // reports wrong_type; consumes nothing
		return "", false
	}
	return s, true
}

// checkString reports a documented string member of the residue that holds
// another JSON type.
func checkString(r *fieldmap.Reader, p validate.Pointer) { peekString(r, p) }

// readDOB reads the date of birth. Requests carry YYYY-MM-DD; responses
// carry the date with a time and an offset that has changed over the years
// (+01:00, +00:00; providers.md 1.6): the calendar date written is the date.
// A dob that is no date stays in the residue, so nothing is lost.
func readDOB(r *fieldmap.Reader, p validate.Pointer, c *model.Customer) {
	r.Origins.Set("/birthDate", p)
	s, ok := peekString(r, p)
	if !ok || s == "" {
		return
	}
	d, civil, iss := validate.ParseBirthDate(s)
	if iss != nil {
		// "invalid dob format" is a ProductFormatException (seed 000).
		r.Report.Add(p, *iss)
		return
	}
	r.Consume(p)
	c.BirthDate = d
	if civil {
		r.Report.Change(validate.ChangeNormalized, p, ruleDateCivil)
	}
	if !documentedDOB(s) {
		// Outside the documented pattern
		// /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2})?$/i
		// (js-sdk docs/PaymentCustomersDTOContact.md at v0.1.0; S8):
		// 19050303 or a "Z" zone. The date is clear, so a warning.
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

// requireMembers reports missing members the documentation asks for.
//
// The API reference says forename, surname, email and the address "must be
// transmitted every time"; the PHP guide (seed 000) says they SHOULD be, and
// the server accepted a customer without email (providers.md S5). So each is
// a warning. A request without contact is a ProductFormatException ("no
// payload", seed 000): an error. companyname is asked for "only in case of a
// company", which a secuconnect document does not say, so Decode cannot
// check it.
func requireMembers(r *fieldmap.Reader, hasContact, hasAddress bool) {
	if !hasContact {
		if !r.Has("/contact") {
			r.Report.Issue("/contact", validate.CodeRequired, nil)
		}
		return
	}
	warn := func(p validate.Pointer) {
		if !present(r, p) {
			iss := validate.NewIssue(p, validate.CodeRequired, nil)
			r.Report.Issues = append(r.Report.Issues, iss.WithSeverity(validate.SeverityWarning))
		}
	}
	warn("/contact/forename")
	warn("/contact/surname")
	warn("/contact/email")
	if !hasAddress {
		warn("/contact/address")
		return
	}
	for _, p := range [...]validate.Pointer{
		"/contact/address/street", "/contact/address/street_number", "/contact/address/postal_code",
		"/contact/address/city", "/contact/address/country",
	} {
		warn(p)
	}
}

// present reports whether p holds a value: not absent, null or "".
func present(r *fieldmap.Reader, p validate.Pointer) bool {
	v, ok := r.Get(p)
	return ok && v != nil && v != ""
}

// isList reports whether root is the list response {count, data:[…]}.
func isList(root fieldmap.Object) bool {
	if _, hasContact := root.Get("contact"); hasContact {
		return false
	}
	data, _ := root.Get("data")
	_, isArr := data.([]any)
	return isArr
}

// Records splits the two container documents of the API into their
// records: the list response {count, data:[…]} (records at /data/0,
// /data/1, …) and the DELETE response, a JSON array of product models
// (records at /0, /1, …). ok is false for anything else, which is one
// record (or not JSON, which Decode reports). The records are the bytes of
// the input, not re-encoded.
func (Converter) Records(data []byte) (records [][]byte, at []validate.Pointer, ok bool) {
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	if len(trimmed) == 0 {
		return nil, nil, false
	}
	var (
		items []json.RawMessage
		base  validate.Pointer
	)
	switch trimmed[0] {
	case '[':
		if items, ok = rawItems(data); !ok {
			return nil, nil, false
		}
	case '{':
		if !mayHaveData(data) {
			return nil, nil, false
		}
		var obj map[string]json.RawMessage
		if json.Unmarshal(data, &obj) != nil {
			return nil, nil, false
		}
		raw, hasData := obj["data"]
		if _, hasContact := obj["contact"]; hasContact || !hasData {
			return nil, nil, false
		}
		if d := bytes.TrimLeft(raw, " \t\r\n"); len(d) == 0 || d[0] != '[' {
			return nil, nil, false
		}
		if items, ok = rawItems(raw); !ok {
			return nil, nil, false
		}
		base = "/data"
	default:
		return nil, nil, false
	}
	records = make([][]byte, len(items))
	at = make([]validate.Pointer, len(items))
	for i, item := range items {
		records[i] = item
		at[i] = base.AppendIndex(i)
	}
	return records, at, true
}

// rawItems decodes data as a JSON array. (Its own function so that the
// slice it decodes into is allocated only for documents that may be lists,
// not for every record.)
func rawItems(data []byte) ([]json.RawMessage, bool) {
	var items []json.RawMessage
	if json.Unmarshal(data, &items) != nil {
		return nil, false
	}
	return items, true
}

// mayHaveData reports whether the JSON text data may hold a member named
// "data": false when `"data"` is nowhere in it and no string in it is
// escaped (with an escape, the name could be written "\u0064ata"). It
// spares decoding every single record just to tell it from a list.
func mayHaveData(data []byte) bool {
	return bytes.IndexByte(data, '\\') >= 0 || bytes.Contains(data, []byte(`"data"`))
}

// Encode writes c as a PaymentCustomersDTO {contact:{…}}, the body of
// POST /Payment/Customers and PUT /Payment/Customers/{id}. The id, created
// and updated, and the response members kept in the residue, are not part of
// the request: they are reported as dropped with rule read_only. Every other
// value the DTO cannot hold is dropped with rule not_in_target.
func (Converter) Encode(c model.Customer) ([]byte, validate.Report) {
	return encode(c, false)
}

// EncodeOmitChanges is Encode without the changes: the same document and
// the same issues, for less work (the dropped values are not looked for).
func (Converter) EncodeOmitChanges(c model.Customer) ([]byte, validate.Issues) {
	out, rep := encode(c, true)
	return out, rep.Issues
}

// encode is Encode; with omitChanges it lists no changes.
func encode(c model.Customer, omitChanges bool) ([]byte, validate.Report) {
	w := fieldmap.NewWriter()
	w.OmitChanges = omitChanges
	contact := false
	for _, f := range contactFields {
		switch {
		case f.text:
			v := *textField(&c, f.canon)
			w.Text(f.member, v, f.canon, noLimit)
			contact = contact || v != ""
		case f.canon == "/birthDate":
			contact = writeDOB(w, f.member, c.BirthDate) || contact
		case f.canon == "/address/houseNumber":
			contact = writeHouseNumber(w, f.member, c.Address) || contact
		}
	}
	requireOutput(w, c, contact)

	// Read-only members: the id goes in the URL of a PUT, never in the body.
	for _, ro := range []struct {
		canon validate.Pointer
		value string
	}{{"/refs/secuconnect", c.Refs.Secuconnect}, {"/created", c.Created}, {"/updated", c.Updated}} {
		if ro.value != "" {
			w.Change(validate.ChangeDropped, ro.canon, ruleReadOnly)
		}
		w.Wrote(ro.canon) // accounted for: not dropped a second time below
	}
	writeResidue(w, c.Provider[Name])
	w.Dropped(c, ruleNotInTarget)
	return w.Bytes(), w.Report
}

// writeDOB writes the date of birth as YYYY-MM-DD, the form requests use
// (seed 000: setDob('1905-03-03')).
// It reports whether it wrote one.
func writeDOB(w *fieldmap.Writer, p validate.Pointer, d model.Date) bool {
	if d.IsZero() {
		return false
	}
	w.Wrote("/birthDate")
	if !d.IsValid() {
		w.Report.Issues = append(w.Report.Issues,
			validate.NewIssue("/birthDate", validate.CodeInvalidDate, nil).WithTarget(p))
		return false
	}
	w.Set(p, d.String())
	return true
}

// writeHouseNumber writes street_number, the "House number incl.
// supplement" (Address.php): the house number and its addition joined. It
// reports whether it wrote one.
func writeHouseNumber(w *fieldmap.Writer, p validate.Pointer, a model.Address) bool {
	number := joinHouseNumber(a.HouseNumber, a.HouseNumberAddition)
	w.Text(p, number, "/address/houseNumber", noLimit)
	if a.HouseNumberAddition == "" {
		return number != ""
	}
	w.Wrote("/address/houseNumberAddition")
	joined := func(canon validate.Pointer) {
		w.ChangeTo(validate.ChangeJoined, canon, p, ruleHouseNumberJoin)
	}
	if a.HouseNumber != "" {
		joined("/address/houseNumber")
	}
	joined("/address/houseNumberAddition")
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
		// "no payload" is a ProductFormatException (seed 000).
		w.Report.Issues = append(w.Report.Issues,
			validate.NewIssue("", validate.CodeRequired, nil).WithTarget("/contact"))
		return
	}
	warn := validate.SeverityWarning
	w.Require("/contact/forename", "/givenName", warn)
	w.Require("/contact/surname", "/familyName", warn)
	if c.Kind == model.KindCompany {
		// "companyname (only in case of a company)" (seed 000).
		w.Require("/contact/companyname", "/companyName", warn)
	}
	w.Require("/contact/email", "/email", warn)
	if !hasAddress(c.Address) {
		w.Require("/contact/address", "/address", warn)
		return
	}
	w.Require("/contact/address/street", "/address/street", warn)
	w.Require("/contact/address/street_number", "/address/houseNumber", warn)
	w.Require("/contact/address/postal_code", "/address/postalCode", warn)
	w.Require("/contact/address/city", "/address/city", warn)
	w.Require("/contact/address/country", "/address/country", warn)
}

// hasAddress reports whether a holds a value the DTO's address can hold.
func hasAddress(a model.Address) bool {
	return a.Street != "" || a.HouseNumber != "" || a.HouseNumberAddition != "" || a.Extra != "" ||
		a.PostalCode != "" || a.City != "" || a.Country != ""
}

// writeResidue merges the record's secuconnect residue into the output,
// without the response-only members, which are dropped (rule read_only).
func writeResidue(w *fieldmap.Writer, raw json.RawMessage) {
	if len(raw) == 0 {
		return
	}
	w.Wrote(provider)
	v, err := fieldmap.DecodeJSON(raw)
	if err != nil {
		w.Report.Issue(provider, validate.CodeInvalidJSON, nil)
		return
	}
	obj, isObj := v.(map[string]any)
	if !isObj {
		w.Report.Issue(provider, validate.CodeWrongType, validate.Params{"expected": "object"})
		return
	}
	stripped := make(map[string]any)
	for _, k := range readOnly {
		if sub, has := obj[k]; has {
			stripped[k] = sub
			delete(obj, k)
		}
	}
	if len(stripped) > 0 {
		gone, err := json.Marshal(stripped)
		if err == nil {
			for _, p := range fieldmap.Leaves(model.Customer{Provider: map[string]json.RawMessage{Name: gone}}) {
				w.Change(validate.ChangeDropped, p, ruleReadOnly)
			}
		}
	}
	if len(obj) == 0 {
		return
	}
	rest, err := json.Marshal(obj)
	if err != nil {
		w.Report.Issue(provider, validate.CodeInvalidJSON, nil)
		return
	}
	w.Residue(rest, provider)
}
