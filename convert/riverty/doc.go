// Package riverty converts the customer documents of Riverty's Accounting as
// a Service (AaaS) subscriptions module, API version v1, to and from the
// canonical record. It holds two formats:
//
//   - "riverty" ([Converter]): the customer object, what
//     GET /subscriptions/v1/customers/{customerNumber} returns and the
//     customer member of the create/update request. Encode writes it.
//   - "riverty-create" ([CreateConverter]): the create/update request of
//     POST /subscriptions/v1/customers and
//     PUT /subscriptions/v1/customers/{customerNumber},
//     {customer:{…}, paymentRegistration:{…}, currency}. Encode writes it.
//
// The mapping follows the customer-management use case
// (https://accounting.developer.riverty.com/subscriptions/use-cases/customer-management),
// with the limits and the extra members of the create_customer page
// (https://docs.riverty.com/accounting_as_a_service/api_reference/create_customer).
// No SDK or OpenAPI file for AaaS was found; where the two pages differ,
// this package follows the customer-management page.
//
// # Mapping
//
//	Riverty member                   canonical                     max   source of the limit
//	customerNumber                   refs.riverty                  -
//	salutation                       salutation                    -
//	firstName                        givenName                     40    create_customer
//	lastName                         familyName                    -     (not recovered)
//	companyName                      companyName                   140   create_customer
//	birthDate                        birthDate                     -
//	customerCategory                 kind (PERSON, COMPANY only)   -
//	email                            email                         241   create_customer
//	phone                            phone                         20    create_customer
//	mobilePhone                      mobile                        20*   BNPL API, a warning
//	language                         language                      -
//	identificationNumber             identificationNumber          20    create_customer
//	taxIdentificationNumber          taxId                         -
//	address.careOf                   address.careOf                40    create_customer
//	address.street                   address.street                60    create_customer
//	address.streetNumber             address.houseNumber           10    create_customer
//	address.streetNumberAdditional   address.houseNumberAddition   -     (not recovered)
//	address.postalCode               address.postalCode            10    create_customer
//	address.postalPlace              address.city                  40    create_customer
//	address.countryCode              address.country               -
//	address.addressType              provider section              -
//	paymentRegistration (create)     provider section              -
//	currency (create)                provider section              -
//
// Lengths are Unicode code points after NFC. A value over a limit is a
// too_long error (mobilePhone: a warning, see Divergences). Decode checks
// the limits on the values as written, so validating a document judges
// that document; Encode checks them on what it writes (Path the canonical
// pointer, Target the member).
//
// # Decoding
//
// Members map as written: no trimming, no case change, no phone, country or
// language normalization (package convert's pipeline does that, and reports
// it through the origins Decode returns: every mapped canonical field has an
// origin, present or not). What Decode itself does:
//
//   - birthDate: YYYY-MM-DD and YYYY-MM-DDT00:00:00Z (and the other forms
//     [validate.ParseBirthDate] reads) become the civil date written, never
//     shifted through a zone; any form but YYYY-MM-DD is reported as a
//     normalized change, rule date_civil. An invalid date is an invalid_date
//     error at the member, and the text stays in the provider section.
//   - customerCategory: PERSON and COMPANY set the canonical kind (person,
//     company) and nothing else. Any other value, such as the
//     create_customer page's "categoryABC" (categories look
//     merchant-configured) or "Person", stays in the provider section, and
//     no kind is derived from it. So each value lives in exactly one place
//     and both round trips hold.
//   - Empty strings and null are absent canonically; they are not consumed,
//     so they stay in the provider section and are written back
//     ("companyName": "" of the GET example round-trips).
//   - Members of another JSON type are wrong_type errors and stay in the
//     provider section. Undocumented members are unknown_field warnings and
//     stay there too.
//   - riverty-create: a missing customer is a required error at /customer;
//     a missing (or null) paymentRegistration a required error at
//     /paymentRegistration ("you will also have to provide the related
//     payment registration", the customer-management page); its documented
//     members id, pspCustomerId and pspPaymentMethodId must be strings;
//     currency, when present, must be three upper-case ASCII letters (ISO
//     4217 alphabetic code; whether the code is assigned is not checked), an
//     invalid_format error otherwise.
//
// # The provider section
//
// Both formats share the section Provider["riverty"], in the shape of the
// create request: the customer object's leftovers (addressType, a
// merchant-configured customerCategory, empty members, unknown members)
// under "customer", and the request's own members (paymentRegistration,
// currency, unknown ones) beside it:
//
//	{"customer":{"address":{"addressType":"main address"},"customerCategory":"categoryABC"},
//	 "paymentRegistration":{"id":"ACVB123455675669"},"currency":"EUR"}
//
// So riverty-create → canonical → riverty-create keeps everything, riverty →
// canonical → riverty keeps everything the customer object had, and a record
// decoded from a customer object can be sent as a create request once a
// payment registration is added to its section.
//
// # Encoding
//
//   - birthDate is written YYYY-MM-DD, the form of the customer-management
//     page's GET response and create request (the create_customer page's date-time form
//     "1980-09-01T00:00:00Z" is read, never written).
//   - A house number that holds its addition ("125a") while the record has
//     no separate addition is split into streetNumber "125" and
//     streetNumberAdditional "a" ([validate.SplitHouseNumber]): a split
//     change, Path /address/houseNumber, Target
//     /address/streetNumberAdditional, rule house_number_split.
//   - customerCategory is PERSON or COMPANY from the kind; without a kind,
//     the section's category (if any) is written back.
//   - identificationNumber is the identification number or, when the record
//     has none, the national id (Worldline's fiscalNumber lands there): a
//     derived change, Path /nationalId, rule national_id. With both, the
//     national id is dropped.
//   - A phone number with an extension, canonically "+18717907578;ext=4882"
//     (21 characters, over phone's 20), is written "+18717907578 x4882", the
//     form of Riverty's own example: a normalized change, rule
//     phone_extension. Decoding it gives the text as written, which the
//     pipeline normalizes back to ";ext=".
//   - customerNumber is never invented: without refs.riverty it is a
//     required warning at target /customerNumber.
//   - riverty-create: the payment registration and the currency come from
//     the provider section. Without a payment registration the request is
//     incomplete: a required error, Path
//     /provider/riverty/paymentRegistration, Target /paymentRegistration.
//     An invalid currency is an invalid_format error there too.
//   - The section is merged back after the canonical fields. A section
//     member the record now holds a value for (an empty companyName kept
//     from Riverty, where the record has a company name) is replaced, and
//     reported as a dropped change, rule overridden.
//   - Every canonical value the document has no member for is a dropped
//     change, rule not_in_target.
//
// # Divergences
//
//   - Dropped on encoding (rule not_in_target): title, fullName, gender,
//     birthPlace, nationality, fax, website, address.extra, address.region,
//     refs other than refs.riverty (refs.merchant is not used as a
//     customerNumber: that would guess at the merchant's numbering),
//     liveMode, created, updated, other providers' sections; for the
//     customer object also the section's paymentRegistration and currency.
//     A record with only a fullName gets no name: it is not split here.
//   - Not round-tripped as written: birthDate sent as a date-time (comes
//     back YYYY-MM-DD); a canonical house number with its addition (comes
//     back split); a national id (comes back as identificationNumber); a
//     phone with ";ext=" (comes back as " x", until normalized).
//   - The two doc pages disagree: language "DE" (GET) vs "de" (create
//     examples); birthDate "1984-11-11" vs "1980-09-01T00:00:00Z";
//     customerCategory "PERSON" vs "categoryABC". Language is mapped as
//     written and written as the canonical BCP 47 tag ("de").
//   - Limits not found for AaaS and not checked: lastName, customerNumber,
//     streetNumberAdditional, taxIdentificationNumber, salutation. The
//     mobilePhone limit of 20 is the BNPL checkout API's
//     (https://developer.afterpay.io/api/method/checkout/availablepaymentmethods/availablepaymentmethodsrequest/checkoutcustomer;
//     phone's AaaS limit is 20
//     too), so exceeding it is only a warning.
//   - No enumeration is checked for salutation ("MR"), customerCategory or
//     language: none is published for AaaS.
//   - The businesses variant of the API (POST /businesses/{businessCode}/customers,
//     with per-account accountCategory, dataFromDefault, emailFromDefault)
//     is another schema: its extra members are unknown_field warnings here.
//   - The e-mail addresses of the customer-management page's examples were
//     replaced by example.com addresses in the test corpus.
//
// # Limits
//
// Decode accepts documents up to 1 MiB, nested at most 32 levels
// (package fieldmap); duplicate members: the last wins (encoding/json). No
// function of this package reads the network or the file system.
//
// # Concurrency
//
// [Converter] and [CreateConverter] values are immutable and safe to share
// between goroutines.
package riverty
