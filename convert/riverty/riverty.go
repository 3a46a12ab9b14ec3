package riverty

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/custnorm/custnorm/convert/internal/fieldmap"
	"github.com/custnorm/custnorm/model"
	"github.com/custnorm/custnorm/validate"
)

// Name is the registry key of the customer object format.
const Name = "riverty"

// CreateName is the registry key of the create/update request format.
const CreateName = "riverty-create"

// Canonical pointers of the provider section both formats share, and of its
// customer part.
const (
	sectionPtr         validate.Pointer = "/provider/" + Name
	sectionCustomerPtr validate.Pointer = sectionPtr + memberCustomer
)

// Change rules this package reports besides validate's own.
const (
	ruleHouseNumberSplit = "house_number_split"
	// ruleOverridden: a provider-section member the canonical record now
	// holds a value for (an empty companyName kept from the input, where
	// the record has a company name).
	ruleOverridden = "overridden"
	// rulePhoneExtension: an E.164 number with ";ext=N" written as "+… xN".
	rulePhoneExtension = "phone_extension"
	// ruleNationalID: identificationNumber written from the national id.
	ruleNationalID = "national_id"
)

// Converter reads and writes the Riverty AaaS customer object: what GET
// /subscriptions/v1/customers/{customerNumber} returns, and the customer
// member of the create/update request. Its zero value is ready to use; it is
// immutable and safe to share.
type Converter struct{}

// Name returns "riverty".
func (Converter) Name() string { return Name }

// Decode reads a customer object. Members map to canonical fields as
// written; what has no canonical field (addressType, a merchant-configured
// customerCategory, empty members) is kept in the provider section under
// "customer". Limits are checked on the values as written.
func (Converter) Decode(data []byte) (model.Customer, validate.Origins, validate.Report) {
	r := new(fieldmap.Reader)
	if !r.Parse(data) {
		return model.Customer{}, validate.Origins{}, r.Report
	}
	r.Known = make(map[validate.Pointer]bool)
	customerMembers("", r.Known)
	c := decodeCustomer(r, "")
	if res := r.Residue(); res != nil {
		wrapped := make([]byte, 0, len(res)+len(`{"customer":}`))
		wrapped = append(wrapped, `{"customer":`...)
		wrapped = append(append(wrapped, res...), '}')
		c.Provider = map[string]json.RawMessage{Name: wrapped}
		r.Origins.Set(sectionCustomerPtr, "")
	}
	r.Report.Normalize()
	return c, r.Origins, r.Report
}

// Encode writes c as a customer object. The provider section's customer
// part is written back; its payment registration and currency, and every
// canonical value the object has no member for, are dropped changes.
func (Converter) Encode(c model.Customer) ([]byte, validate.Report) {
	return encode(c, false, fieldmap.Full)
}

// EncodeOmitChanges is Encode without the changes: the same document and
// the same issues, for less work (the dropped values are not looked for).
func (Converter) EncodeOmitChanges(c model.Customer) ([]byte, validate.Issues) {
	return fieldmap.Issues(encode(c, false, fieldmap.OmitChanges))
}

// EncodeIssues gives the issues EncodeOmitChanges gives, without writing
// the document (what a validation needs).
func (Converter) EncodeIssues(c model.Customer) validate.Issues {
	return fieldmap.IssuesOf(encode(c, false, fieldmap.IssuesOnly))
}

// CompleteSample gives a synthetic record (seq numbers it) what a customer
// object needs beside a person's data: the customerNumber, which the
// merchant assigns, is the merchant's reference. A sample carries no
// identificationNumber (Encode would derive one from the national id).
func (Converter) CompleteSample(c *model.Customer, seq int) {
	c.Refs.Riverty = c.Refs.Merchant
	c.NationalID = ""
}

// CreateConverter reads and writes the Riverty AaaS create/update request
// {customer:{…}, paymentRegistration:{…}, currency}. Its zero value is ready
// to use; it is immutable and safe to share.
type CreateConverter struct{}

// Name returns "riverty-create".
func (CreateConverter) Name() string { return CreateName }

// Decode reads a create/update request. The customer member maps as
// [Converter.Decode] maps the customer object; the payment registration,
// the currency and the other leftovers are kept in the provider section in
// the request's shape. A missing payment registration is a required error.
func (CreateConverter) Decode(data []byte) (model.Customer, validate.Origins, validate.Report) {
	r := new(fieldmap.Reader)
	if !r.Parse(data) {
		return model.Customer{}, validate.Origins{}, r.Report
	}
	r.Known = requestMembers()
	if !r.Has(memberCustomer) {
		r.Report.Issue(memberCustomer, validate.CodeRequired, nil)
	}
	r.Object(memberCustomer)
	c := decodeCustomer(r, memberCustomer)
	checkRequest(r.Root(), func(iss validate.Issue) { r.Report.Issues = append(r.Report.Issues, iss) })
	if res := dropEmptyCustomer(r.Residue()); res != nil {
		c.Provider = map[string]json.RawMessage{Name: res}
		r.Origins.Set(sectionPtr, "")
	}
	r.Report.Normalize()
	return c, r.Origins, r.Report
}

// Encode writes c as a create/update request. The payment registration and
// the currency come from the provider section; without a payment
// registration the request is incomplete (a required error at target
// /paymentRegistration).
func (CreateConverter) Encode(c model.Customer) ([]byte, validate.Report) {
	return encode(c, true, fieldmap.Full)
}

// EncodeOmitChanges is Encode without the changes: the same document and
// the same issues, for less work (the dropped values are not looked for).
func (CreateConverter) EncodeOmitChanges(c model.Customer) ([]byte, validate.Issues) {
	return fieldmap.Issues(encode(c, true, fieldmap.OmitChanges))
}

// EncodeIssues gives the issues EncodeOmitChanges gives, without writing
// the document (what a validation needs).
func (CreateConverter) EncodeIssues(c model.Customer) validate.Issues {
	return fieldmap.IssuesOf(encode(c, true, fieldmap.IssuesOnly))
}

// CompleteSample is [Converter.CompleteSample] plus what the request
// needs: a payment registration (id "PR" and seq in 14 digits) and the
// currency EUR.
func (CreateConverter) CompleteSample(c *model.Customer, seq int) {
	Converter{}.CompleteSample(c, seq)
	c.Provider = map[string]json.RawMessage{
		Name: json.RawMessage(fmt.Sprintf(`{"paymentRegistration":{"id":"PR%014d"},"currency":"EUR"}`, seq)),
	}
}

// dropEmptyCustomer removes an empty customer object from a request's
// residue: Encode always writes the customer member, so keeping it would
// make canonical → riverty-create → canonical add a provider section.
func dropEmptyCustomer(res json.RawMessage) json.RawMessage {
	if res == nil {
		return nil
	}
	v, err := fieldmap.DecodeJSON(res)
	if err != nil {
		return res
	}
	obj, _ := v.(map[string]any)
	if cust, isObj := obj["customer"].(map[string]any); !isObj || len(cust) > 0 {
		return res
	}
	delete(obj, "customer")
	if len(obj) == 0 {
		return nil
	}
	b, err := json.Marshal(obj)
	if err != nil {
		return res
	}
	return b
}

// decodeCustomer maps the customer object at base into a canonical record.
// Empty strings and null are "absent": they are not consumed, so they stay
// in the residue and are written back. Values over their limit are
// reported at their pointer in the input.
func decodeCustomer(r *fieldmap.Reader, base validate.Pointer) model.Customer {
	var c model.Customer
	r.Object(base + memberAddress)
	for _, m := range fields {
		p := base + m.Member
		switch m.Member {
		case memberBirthDate:
			// Kept in the residue when it is no date, so nothing is lost.
			r.BirthDate(p, &c)
		case memberCategory:
			r.Origins.Set(m.Field.Pointer(), p)
			if s, ok := r.PeekString(p); ok {
				if k, known := kindOf(s); known {
					c.Kind = k
					r.Consume(p)
				} // else merchant-configured: kept in the residue
			}
		default:
			if r.ReadText(m, base, &c) {
				if iss, over := m.Limit.Check(p, m.Field.TextOf(&c)); over {
					r.Report.Issues = append(r.Report.Issues, iss)
				}
			}
		}
	}
	return c
}

// checkRequest checks the members of a create request beside the customer
// and reports each issue with its pointer into the request:
//
//   - paymentRegistration is required, an object (the customer-management
//     page: "you will also have to provide the related payment
//     registration"); its documented members are strings
//     (createCustomerPage);
//   - currency, when present, is an ISO 4217 alphabetic code: three
//     upper-case ASCII letters (createCustomerPage). Whether the code is
//     currently assigned is not checked.
func checkRequest(req any, report func(validate.Issue)) {
	get, _ := members(req)
	pr, ok := get("paymentRegistration")
	switch getPR, isObj := members(pr); {
	case !ok || pr == nil:
		report(validate.NewIssue(memberPaymentRegistration, validate.CodeRequired, nil))
	case !isObj:
		report(validate.NewIssue(memberPaymentRegistration, validate.CodeWrongType, validate.Params{"expected": "object"}))
	default:
		for _, m := range paymentRegistrationMembers {
			if v, has := getPR(m); has && v != nil {
				if _, isStr := v.(string); !isStr {
					report(validate.NewIssue(memberPaymentRegistration.AppendToken(m), validate.CodeWrongType, validate.Params{"expected": "string"}))
				}
			}
		}
	}
	cur, ok := get("currency")
	if !ok || cur == nil {
		return
	}
	s, isStr := cur.(string)
	switch {
	case !isStr:
		report(validate.NewIssue(memberCurrency, validate.CodeWrongType, validate.Params{"expected": "string"}))
	case !isCurrencyCode(s):
		report(validate.NewIssue(memberCurrency, validate.CodeInvalidFormat, validate.Params{"format": "ISO 4217 code: 3 upper-case letters"}))
	}
}

// members returns the look-up of v's members when v is a decoded JSON
// object: an Object a Reader read, or a map decoded from the provider
// section. For anything else isObj is false and get finds nothing.
func members(v any) (get func(key string) (any, bool), isObj bool) {
	switch o := v.(type) {
	case fieldmap.Object:
		return o.Get, true
	case map[string]any:
		return func(key string) (any, bool) {
			m, has := o[key]
			return m, has
		}, true
	}
	return func(string) (any, bool) { return nil, false }, false
}

func isCurrencyCode(s string) bool {
	if len(s) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// encoder writes one customer object and remembers which output pointers it
// wrote, so that provider-section members the record overrides can be told
// apart.
type encoder struct {
	w     *fieldmap.Writer
	wrote map[validate.Pointer]bool
}

// text writes v at p (nothing for ""), marks canon written and checks lim
// on what is written.
func (e *encoder) text(p validate.Pointer, v string, canon validate.Pointer, lim fieldmap.Limit) {
	if v == "" {
		return
	}
	e.wrote[p] = true
	e.w.Text(p, v, canon, lim)
}

func (e *encoder) change(kind validate.ChangeKind, canon, target validate.Pointer, rule string) {
	e.w.ChangeTo(kind, canon, target, rule)
}

// wroteUnder reports whether a member below p was written.
func (e *encoder) wroteUnder(p validate.Pointer) bool {
	for q := range e.wrote {
		if q != p && q.HasPrefix(p) {
			return true
		}
	}
	return false
}

// encode writes c as a customer object, or as a create request when create
// is set; with omitChanges it lists no changes.
func encode(c model.Customer, create bool, mode fieldmap.Mode) ([]byte, validate.Report) {
	e := &encoder{w: fieldmap.NewWriter(mode), wrote: make(map[validate.Pointer]bool)}
	base := validate.Pointer("")
	if create {
		base = memberCustomer
	}
	e.customer(c, base)
	// The merchant assigns customerNumber; it is never invented, and its
	// absence is a warning: identifiers a merchant or a provider assigns
	// are never invented.
	e.w.Require(base+memberCustomerNumber, "/refs/riverty", validate.SeverityWarning)

	section := e.section(c.Provider[Name])
	residue, residuePtr := section, sectionPtr
	if create {
		checkRequest(section, func(iss validate.Issue) {
			target := iss.Path
			iss.Path = sectionPtr + iss.Path
			e.w.Report.Issues = append(e.w.Report.Issues, iss.WithTarget(target))
		})
	} else {
		residue, residuePtr = nil, sectionCustomerPtr
		switch cust := section["customer"].(type) {
		case nil:
		case map[string]any:
			residue = cust
		default:
			e.w.Report.Issue(sectionCustomerPtr, validate.CodeWrongType, validate.Params{"expected": "object"})
		}
	}
	if len(residue) > 0 {
		e.stripOverridden(residue, "", residuePtr)
		if b, err := json.Marshal(residue); err == nil {
			e.w.Residue(b, residuePtr)
		}
	}
	if create {
		if _, has := residue["customer"]; !has && !e.wroteUnder(memberCustomer) {
			e.w.Set(memberCustomer, map[string]any{})
		}
	}
	e.w.Dropped(c, fieldmap.RuleNotInTarget)
	e.w.Report.Normalize()
	return e.w.Bytes(), e.w.Report
}

// section decodes the provider section; a section that is not a JSON
// object is reported and ignored (it is then dropped).
func (e *encoder) section(raw json.RawMessage) map[string]any {
	if len(raw) == 0 {
		return nil
	}
	v, err := fieldmap.DecodeJSON(raw)
	if err != nil {
		e.w.Report.Issue(sectionPtr, validate.CodeInvalidJSON, nil)
		return nil
	}
	obj, ok := v.(map[string]any)
	if !ok {
		e.w.Report.Issue(sectionPtr, validate.CodeWrongType, validate.Params{"expected": "object"})
		return nil
	}
	return obj
}

// customer writes the canonical fields into the customer object at base.
func (e *encoder) customer(c model.Customer, base validate.Pointer) {
	for _, m := range fields {
		p, canon := base+m.Member, m.Field.Pointer()
		switch m.Member {
		case memberBirthDate:
			if !c.BirthDate.IsZero() {
				// Written as YYYY-MM-DD, as the GET response and create
				// request of the customer-management page do.
				e.text(p, c.BirthDate.String(), canon, m.Limit)
			}
		case memberCategory:
			if cat, ok := categoryOf(c.Kind); ok {
				e.text(p, cat, canon, m.Limit)
			}
		case memberStreetNumber:
			num, add := c.Address.HouseNumber, c.Address.HouseNumberAddition
			if add == "" {
				if n, a, ok := validate.SplitHouseNumber(num); ok {
					e.text(p, n, canon, m.Limit)
					addPtr := base + memberNumberAddition
					e.text(addPtr, a, canon, fieldmap.Limit{})
					e.change(validate.ChangeSplit, canon, addPtr, ruleHouseNumberSplit)
					continue
				}
			}
			e.text(p, num, canon, m.Limit)
		case memberNumberAddition:
			if e.wrote[p] {
				continue // written by the split above
			}
			e.text(p, m.Field.TextOf(&c), canon, m.Limit)
		case memberIdentification:
			if c.IdentificationNumber == "" && c.NationalID != "" {
				national := fieldmap.NationalID.Pointer()
				e.text(p, c.NationalID, national, m.Limit)
				e.change(validate.ChangeDerived, national, p, ruleNationalID)
				continue
			}
			e.text(p, c.IdentificationNumber, canon, m.Limit)
		case memberPhone, memberMobilePhone:
			v := m.Field.TextOf(&c)
			if x, ok := extensionForm(v); ok {
				v = x
				e.change(validate.ChangeNormalized, canon, p, rulePhoneExtension)
			}
			e.text(p, v, canon, m.Limit)
		default:
			e.text(p, m.Field.TextOf(&c), canon, m.Limit)
		}
	}
}

// extensionForm rewrites the canonical "+18717907578;ext=4882" as
// "+18717907578 x4882", the form Riverty's own example uses; ok is false
// for anything else.
func extensionForm(s string) (string, bool) {
	num, ext, found := strings.Cut(s, ";ext=")
	if !found || len(num) < 2 || num[0] != '+' || !allDigits(num[1:]) || ext == "" || !allDigits(ext) {
		return s, false
	}
	return num + " x" + ext, true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// stripOverridden removes from res (provider-section members whose output
// pointers are at + key) every member the output already holds a value
// for, and reports each as dropped at its canonical pointer (canonBase +
// output pointer). Without this the writer would keep the written value and
// lose the member silently.
func (e *encoder) stripOverridden(res map[string]any, at, canonBase validate.Pointer) {
	keys := make([]string, 0, len(res))
	for k := range res {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		p := at.AppendToken(k)
		sub, isObj := res[k].(map[string]any)
		switch {
		case e.wrote[p] || (!isObj && e.wroteUnder(p)):
			delete(res, k)
			e.w.Change(validate.ChangeDropped, canonBase+p, ruleOverridden)
		case isObj:
			e.stripOverridden(sub, p, canonBase)
		}
	}
}
