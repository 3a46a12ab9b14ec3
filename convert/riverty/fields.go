package riverty

import (
	"github.com/custnorm/custnorm/model"
	"github.com/custnorm/custnorm/validate"
)

// field maps one member of the Riverty customer object to a canonical field.
type field struct {
	// member is the member's pointer inside the customer object.
	member validate.Pointer
	// canon is the canonical pointer the value belongs to.
	canon validate.Pointer
	// max is the longest value in code points after NFC; 0 means no
	// documented limit.
	max int
	// soft makes a value over max a warning rather than an error: the limit
	// is not documented for AaaS, only for a sibling API.
	soft bool
}

// Members of the customer object that need more than a copy of the text.
const (
	memberBirthDate      validate.Pointer = "/birthDate"
	memberCategory       validate.Pointer = "/customerCategory"
	memberStreetNumber   validate.Pointer = "/address/streetNumber"
	memberNumberAddition validate.Pointer = "/address/streetNumberAdditional"
	memberIdentification validate.Pointer = "/identificationNumber"
	memberPhone          validate.Pointer = "/phone"
	memberMobilePhone    validate.Pointer = "/mobilePhone"
	memberCustomerNumber validate.Pointer = "/customerNumber"
	memberAddress        validate.Pointer = "/address"
	memberAddressType    validate.Pointer = "/address/addressType"
)

// fields is the mapping table, in the order Encode writes the members.
//
// The limits are those of the create_customer page
// (https://docs.riverty.com/accounting_as_a_service/api_reference/create_customer,
// reference/providers.md 4.3 and fixture R3). mobilePhone has no documented
// AaaS limit: phone's 20 applies as a warning, the limit Riverty's BNPL
// checkout API documents for both phone members (providers.md 4.3, "BNPL
// comparison"). lastName, customerNumber, streetNumberAdditional and
// taxIdentificationNumber have no recovered limit and are not checked.
var fields = [...]field{
	{member: memberCustomerNumber, canon: "/refs/riverty"},
	{member: "/salutation", canon: "/salutation"},
	{member: "/firstName", canon: "/givenName", max: 40}, // create_customer
	{member: "/lastName", canon: "/familyName"},
	{member: "/companyName", canon: "/companyName", max: 140}, // create_customer
	{member: memberBirthDate, canon: "/birthDate"},
	{member: memberCategory, canon: "/kind"},
	{member: "/email", canon: "/email", max: 241},                      // create_customer
	{member: memberPhone, canon: "/phone", max: 20},                    // create_customer
	{member: memberMobilePhone, canon: "/mobile", max: 20, soft: true}, // BNPL API; none for AaaS
	{member: "/language", canon: "/language"},
	{member: memberIdentification, canon: "/identificationNumber", max: 20}, // create_customer
	{member: "/taxIdentificationNumber", canon: "/taxId"},
	{member: "/address/careOf", canon: "/address/careOf", max: 40},       // create_customer
	{member: "/address/street", canon: "/address/street", max: 60},       // create_customer
	{member: memberStreetNumber, canon: "/address/houseNumber", max: 10}, // create_customer
	{member: memberNumberAddition, canon: "/address/houseNumberAddition"},
	{member: "/address/postalCode", canon: "/address/postalCode", max: 10}, // create_customer
	{member: "/address/postalPlace", canon: "/address/city", max: 40},      // create_customer
	{member: "/address/countryCode", canon: "/address/country"},
}

// textOf returns the canonical text field at canon ("" for the fields with
// another type: birth date and kind).
func textOf(c *model.Customer, canon validate.Pointer) string {
	switch canon {
	case "/refs/riverty":
		return c.Refs.Riverty
	case "/salutation":
		return c.Salutation
	case "/givenName":
		return c.GivenName
	case "/familyName":
		return c.FamilyName
	case "/companyName":
		return c.CompanyName
	case "/email":
		return c.Email
	case "/phone":
		return string(c.Phone)
	case "/mobile":
		return string(c.Mobile)
	case "/language":
		return c.Language
	case "/identificationNumber":
		return c.IdentificationNumber
	case "/taxId":
		return c.TaxID
	case "/address/careOf":
		return c.Address.CareOf
	case "/address/street":
		return c.Address.Street
	case "/address/houseNumber":
		return c.Address.HouseNumber
	case "/address/houseNumberAddition":
		return c.Address.HouseNumberAddition
	case "/address/postalCode":
		return c.Address.PostalCode
	case "/address/city":
		return c.Address.City
	case "/address/country":
		return string(c.Address.Country)
	}
	return ""
}

// setText sets the canonical text field at canon.
func setText(c *model.Customer, canon validate.Pointer, s string) {
	switch canon {
	case "/refs/riverty":
		c.Refs.Riverty = s
	case "/salutation":
		c.Salutation = s
	case "/givenName":
		c.GivenName = s
	case "/familyName":
		c.FamilyName = s
	case "/companyName":
		c.CompanyName = s
	case "/email":
		c.Email = s
	case "/phone":
		c.Phone = model.Phone(s)
	case "/mobile":
		c.Mobile = model.Phone(s)
	case "/language":
		c.Language = s
	case "/identificationNumber":
		c.IdentificationNumber = s
	case "/taxId":
		c.TaxID = s
	case "/address/careOf":
		c.Address.CareOf = s
	case "/address/street":
		c.Address.Street = s
	case "/address/houseNumber":
		c.Address.HouseNumber = s
	case "/address/houseNumberAddition":
		c.Address.HouseNumberAddition = s
	case "/address/postalCode":
		c.Address.PostalCode = s
	case "/address/city":
		c.Address.City = s
	case "/address/country":
		c.Address.Country = model.Country(s)
	}
}

// categoryKinds are the customerCategory values that say what the canonical
// Kind says. PERSON is documented (seed 004, GET and create examples);
// COMPANY is its counterpart by analogy with Riverty's BNPL API
// (Person/Company), upper-cased as AaaS writes PERSON. Every other value
// (the create_customer page's merchant-configured "categoryABC") stays in
// the provider section.
var categoryKinds = [...]struct {
	category string
	kind     model.Kind
}{
	{"PERSON", model.KindPerson},
	{"COMPANY", model.KindCompany},
}

func kindOf(category string) (model.Kind, bool) {
	for _, ck := range categoryKinds {
		if ck.category == category {
			return ck.kind, true
		}
	}
	return "", false
}

func categoryOf(k model.Kind) (string, bool) {
	for _, ck := range categoryKinds {
		if ck.kind == k {
			return ck.category, true
		}
	}
	return "", false
}

// customerMembers returns the documented members of the customer object
// below base ("" for the customer object, "/customer" inside a create
// request).
func customerMembers(base validate.Pointer, known map[validate.Pointer]bool) {
	known[base+memberAddress] = false
	known[base+memberAddressType] = false
	for _, f := range fields {
		known[base+f.member] = false
	}
}

// Members of the create request beside the customer (seed 004 POST sample;
// create_customer page for pspCustomerId, pspPaymentMethodId and currency).
const (
	memberCustomer            validate.Pointer = "/customer"
	memberPaymentRegistration validate.Pointer = "/paymentRegistration"
	memberCurrency            validate.Pointer = "/currency"
)

var paymentRegistrationMembers = [...]string{"id", "pspCustomerId", "pspPaymentMethodId"}

func requestMembers() map[validate.Pointer]bool {
	known := map[validate.Pointer]bool{
		memberCustomer:            false,
		memberPaymentRegistration: false,
		memberCurrency:            false,
	}
	for _, m := range paymentRegistrationMembers {
		known[memberPaymentRegistration.AppendToken(m)] = false
	}
	customerMembers(memberCustomer, known)
	return known
}
