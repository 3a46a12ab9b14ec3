package secuconnect

import (
	"github.com/custnorm/custnorm/convert/internal/fieldmap"
	"github.com/custnorm/custnorm/validate"
)

// Sources of the mapping (cited below by name):
//
//   - the SDK models: secuconnect/secuconnect-php-sdk lib/Model/Contact.php,
//     lib/Model/Address.php, lib/Model/PaymentCustomersProductModel.php;
//     secuconnect/secuconnect-java-sdk
//     src/main/java/com/secuconnect/client/model/PaymentCustomersProductModel.java
//     and src/test/java/com/secuconnect/client/CommonObjectsProvider.java;
//   - the guide "Managing Customers",
//     https://developer.secuconnect.com/integration/Managing_Customers.html;
//   - the JS SDK guide,
//     https://developer.secuconnect.com/NodeJS/Sample_application_JS.html;
//   - the API reference,
//     https://developer.secuconnect.com/API-Reference/API-Services/Payment/Payment_Customer.html,
//     and https://developer.secuconnect.com/integration/Create_a_Payment_Customer.html.
//
// secuconnect publishes no length limit for any contact member: the SDK
// models have no constraints (Contact.php listInvalidProperties returns
// nothing), and neither the reference nor the guides name one. So no
// Mapping has a Limit.

// contactFields maps the contact members in the order of the SDK model
// (Contact.php, Address.php), which is the order Encode writes them in.
// picture and address.type have no canonical place and live in the
// residue. dob and street_number (on Encode) have code of their own;
// nationality is read on its own (readNationality) and written as text.
var contactFields = [...]fieldmap.Mapping{
	{Member: "/contact/name", Field: fieldmap.FullName},
	{Member: "/contact/forename", Field: fieldmap.GivenName},
	{Member: "/contact/surname", Field: fieldmap.FamilyName},
	{Member: "/contact/companyname", Field: fieldmap.CompanyName},
	{Member: "/contact/salutation", Field: fieldmap.Salutation},
	{Member: "/contact/gender", Field: fieldmap.Gender},
	{Member: "/contact/title", Field: fieldmap.Title},
	{Member: "/contact/email", Field: fieldmap.Email},
	{Member: "/contact/phone", Field: fieldmap.Phone},
	{Member: "/contact/mobile", Field: fieldmap.Mobile},
	{Member: "/contact/fax", Field: fieldmap.Fax},
	{Member: "/contact/dob", Field: fieldmap.BirthDate},
	{Member: "/contact/url_website", Field: fieldmap.Website},
	{Member: "/contact/birthplace", Field: fieldmap.BirthPlace},
	{Member: "/contact/nationality", Field: fieldmap.Nationality},
	{Member: "/contact/address/street", Field: fieldmap.Street},
	// "House number incl. supplement" (Address.php): read whole; Encode
	// joins the canonical number and addition.
	{Member: "/contact/address/street_number", Field: fieldmap.HouseNumber},
	{Member: "/contact/address/additional_address_data", Field: fieldmap.Extra},
	{Member: "/contact/address/postal_code", Field: fieldmap.PostalCode},
	{Member: "/contact/address/city", Field: fieldmap.City},
	{Member: "/contact/address/country", Field: fieldmap.Country},
}

// objectCustomers is the object member of every payment customer
// (PaymentCustomersProductModel; the responses of Create_a_Payment_Customer).
const objectCustomers = "payment.customers"

// known lists every documented member of the request and response models.
// true marks an opaque subtree.
//
// Sources: Contact.php, Address.php, PaymentCustomersProductModel.php
// (object, id from BaseProductModel; contract, contact, created, updated);
// PaymentCustomersProductModel.java (the aggregation helpers l, k, ks, c,
// s, t); Create_a_Payment_Customer (merchant); CommonObjectsProvider.java
// (address.type).
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

// readOnly lists, sorted, the top-level members of the response model that
// are not part of the PaymentCustomersDTO request (the JS SDK guide, "Data
// models": the DTO "contains only necessary information to perform create
// and update", that is contact). Encode drops them from the residue with
// rule read_only.
var readOnly = []string{"c", "contract", "created", "id", "k", "ks", "l", "merchant", "object", "s", "t", "updated"}

// requiredContact and requiredAddress are the members the guide says
// SHOULD be sent on every create and update (see requireMembers);
// companyname is asked for only for a company.
// requiredAddress holds each member's field as contactFields maps it
// (TestRequiredAddress), which requireOutput names in its issues.
var (
	requiredContact = [...]validate.Pointer{"/contact/forename", "/contact/surname", "/contact/email"}
	requiredAddress = [...]fieldmap.Mapping{
		{Member: "/contact/address/street", Field: fieldmap.Street},
		{Member: "/contact/address/street_number", Field: fieldmap.HouseNumber},
		{Member: "/contact/address/postal_code", Field: fieldmap.PostalCode},
		{Member: "/contact/address/city", Field: fieldmap.City},
		{Member: "/contact/address/country", Field: fieldmap.Country},
	}
)
