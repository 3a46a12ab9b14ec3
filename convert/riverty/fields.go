package riverty

import (
	"github.com/custnorm/custnorm/convert/internal/fieldmap"
	"github.com/custnorm/custnorm/model"
	"github.com/custnorm/custnorm/validate"
)

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

// Sources of the limits. No SDK or OpenAPI file for AaaS was found.
const (
	// createCustomerPage documents the members and their maximum lengths.
	createCustomerPage = "https://docs.riverty.com/accounting_as_a_service/api_reference/create_customer"
	// bnplCheckoutCustomer is Riverty's BNPL checkout API, which documents
	// 20 for both phone members; AaaS documents none for mobilePhone, so
	// that limit is a warning there.
	bnplCheckoutCustomer = "https://developer.afterpay.io/api/method/checkout/availablepaymentmethods/availablepaymentmethodsrequest/checkoutcustomer"
)

// maxLen returns the limit of at most n code points documented on
// createCustomerPage.
func maxLen(n int) fieldmap.Limit { return fieldmap.Limit{Max: n, Source: createCustomerPage} }

// fields is the mapping table, in the order Encode writes the members.
// lastName, customerNumber, streetNumberAdditional and
// taxIdentificationNumber have no documented limit and are not checked.
var fields = [...]fieldmap.Mapping{
	{Member: memberCustomerNumber, Field: fieldmap.RefRiverty},
	{Member: "/salutation", Field: fieldmap.Salutation},
	{Member: "/firstName", Field: fieldmap.GivenName, Limit: maxLen(40)},
	{Member: "/lastName", Field: fieldmap.FamilyName},
	{Member: "/companyName", Field: fieldmap.CompanyName, Limit: maxLen(140)},
	{Member: memberBirthDate, Field: fieldmap.BirthDate},
	{Member: memberCategory, Field: fieldmap.Kind},
	{Member: "/email", Field: fieldmap.Email, Limit: maxLen(241)},
	{Member: memberPhone, Field: fieldmap.Phone, Limit: maxLen(20)},
	{Member: memberMobilePhone, Field: fieldmap.Mobile,
		Limit: fieldmap.Limit{Max: 20, Severity: validate.SeverityWarning, Source: bnplCheckoutCustomer}},
	{Member: "/language", Field: fieldmap.Language},
	{Member: memberIdentification, Field: fieldmap.IdentificationNumber, Limit: maxLen(20)},
	{Member: "/taxIdentificationNumber", Field: fieldmap.TaxID},
	{Member: "/address/careOf", Field: fieldmap.CareOf, Limit: maxLen(40)},
	{Member: "/address/street", Field: fieldmap.Street, Limit: maxLen(60)},
	{Member: memberStreetNumber, Field: fieldmap.HouseNumber, Limit: maxLen(10)},
	{Member: memberNumberAddition, Field: fieldmap.HouseNumberAddition},
	{Member: "/address/postalCode", Field: fieldmap.PostalCode, Limit: maxLen(10)},
	{Member: "/address/postalPlace", Field: fieldmap.City, Limit: maxLen(40)},
	{Member: "/address/countryCode", Field: fieldmap.Country},
}

// categoryKinds are the customerCategory values that say what the canonical
// Kind says. PERSON is documented (the GET and create examples of
// https://accounting.developer.riverty.com/subscriptions/use-cases/customer-management);
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
		known[base+f.Member] = false
	}
}

// Members of the create request beside the customer (the POST sample of
// https://accounting.developer.riverty.com/subscriptions/use-cases/customer-management;
// createCustomerPage for pspCustomerId, pspPaymentMethodId and currency).
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
