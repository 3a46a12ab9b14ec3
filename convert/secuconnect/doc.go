// Package secuconnect converts secuconnect (secupay) payment customers, the
// payment.customers resource of the secuconnect API v2, to and from the
// canonical customer record.
//
// The mapping follows the API as its SDKs and guides describe it:
// secuconnect/secuconnect-php-sdk (Release 2.63.0: lib/Model/Contact.php,
// lib/Model/Address.php, lib/Model/PaymentCustomersProductModel.php,
// test/Api/PaymentCustomersApiTest.php), secuconnect/secuconnect-java-sdk
// 4.3.0, the guide "Managing Customers"
// (https://developer.secuconnect.com/integration/Managing_Customers.html),
// the JS SDK guide
// (https://developer.secuconnect.com/NodeJS/Sample_application_JS.html),
// and the API reference at
// https://developer.secuconnect.com/API-Reference/API-Services/Payment/Payment_Customer.html
// and https://developer.secuconnect.com/integration/Create_a_Payment_Customer.html.
//
// # Documents
//
// [Converter.Decode] reads one payment customer:
//
//	PaymentCustomersDTO           {"contact":{…}}   the body of POST and PUT /api/v2/Payment/Customers
//	PaymentCustomersProductModel  {"object":"payment.customers","id":"PCU_…","contract":{…},
//	                               "merchant":{…},"contact":{…},"created":"…","updated":"…"}
//
// [Converter.Records] splits the two container responses into their
// records: the list of GET /Payment/Customers, {"count":2,"data":[…]}
// (records at /data/0, /data/1, …), and the response of DELETE, a JSON array
// of product models (records at /0, /1, …).
//
// Decode rejects a container with invalid_format at "" (a list) or
// wrong_type at "" (an array).
//
// [Converter.Encode] writes the PaymentCustomersDTO {"contact":{…}}, what
// one sends to create or update a customer.
//
// # Field mapping
//
//	secuconnect                               canonical                  notes
//	contact.name                              fullName                   "First and last name"; never synthesized
//	contact.forename                          givenName
//	contact.surname                           familyName                 case kept ("DOe" is echoed)
//	contact.companyname                       companyName
//	contact.salutation                        salutation                 no enumeration ("Mr.", "Herr")
//	contact.gender                            gender                     no enumeration ("m")
//	contact.title                             title
//	contact.email                             email
//	contact.phone                             phone                      read as written; written E.164
//	contact.mobile                            mobile                     read as written; written E.164
//	contact.fax                               fax                        read as written; written E.164
//	contact.dob                               birthDate                  see Dates of birth
//	contact.picture                           provider.secuconnect       a document id or URL
//	contact.url_website                       website
//	contact.birthplace                        birthPlace
//	contact.nationality                       nationality                free text ("german", "DE"); written alpha-2; see below
//	contact.address.type                      provider.secuconnect       "invoice"
//	contact.address.street                    address.street             "Street name without house number"
//	contact.address.street_number             address.houseNumber        "House number incl. supplement", kept whole ("6a")
//	                                          address.houseNumberAddition  joined into street_number on Encode
//	contact.address.additional_address_data   address.extra
//	contact.address.postal_code               address.postalCode         leading zeros kept
//	contact.address.city                      address.city
//	contact.address.country                   address.country            read as written ("Germany"); written alpha-2
//	id                                        refs.secuconnect           read only
//	created, updated                          created, updated           read only, kept as written
//	object, contract, merchant,
//	l, k, ks, c, s, t                         provider.secuconnect       read only
//
// Decode maps values as written: it neither trims nor normalizes phone
// numbers, countries or e-mail addresses. The pipeline in package convert
// normalizes and checks the canonical record afterwards, and maps its paths
// back to the input through the origins Decode returns. Decode's own checks
// are the format's: JSON types (wrong_type), the dob, the id's shape, the
// object member, unknown members and the members the documentation asks for.
//
// Members the canonical model has no field for (picture, address.type, the
// response members, unknown members) are kept in the record's provider
// section, provider.secuconnect, in secuconnect's own shape, and written back
// by Encode. Members holding "" are kept there too (the canonical record has
// no "present but empty"), so a request document comes back from
// Encode(Decode(doc)) as it was.
//
// # Dates of birth
//
// Requests carry YYYY-MM-DD. Responses carry the date with a time and an
// offset that has changed over the years: 1991-02-03T00:00:00+01:00 until
// 2021, 1991-02-03T00:00:00+00:00 since (the PHP SDK's
// test/Api/PaymentCustomersApiTest.php over its releases, the Java SDK's
// PaymentCustomersApiTest.java). The calendar date
// written is the date; no offset is ever applied, so no date shifts by a day.
// A dob with a time is reported as a normalized change, rule date_civil.
// Text that is no calendar date ("03.03.1905", "1905-02-30") is an
// invalid_date error: secuconnect answers "invalid dob format" with a
// ProductFormatException ("Managing Customers"); the text stays in
// provider.secuconnect.
// Forms outside the pattern the 2018 documentation gives,
// /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2})?$/i, but whose date
// is clear (19050303, 1905-03-03T00:00:00Z), are read with an invalid_format
// warning. Encode always writes YYYY-MM-DD.
//
// # Limits
//
// secuconnect publishes no length limit for any member: the SDK models have
// no constraints (listInvalidProperties returns nothing) and neither the API
// reference nor the guides name one. Encode therefore checks no length.
//
// Required members. The API reference calls forename, surname, email and
// the address members (street, street_number, postal_code, city, country)
// "mandatory" and says they "must be transmitted every time"; the PHP guide
// ("Managing Customers") says they SHOULD be, and the server accepted a
// customer without email (secuconnect/secuconnect-js-sdk
// test/api/PaymentSecupayDebitsApi.spec.js, 2019). This package follows the
// guide: a missing one is a required warning. companyname is asked for "only
// in case of a company": Encode warns when a record of kind company has no
// company name (a secuconnect document does not say whether it is a
// company, so Decode cannot). A document without contact is an error
// (required): the API rejects a request without payload with a
// ProductFormatException ("Managing Customers"). Encode reports the same
// error (path "", target /contact) for a record with nothing the contact
// can hold.
//
// The id of a payment customer is "PCU_" and 30 upper-case letters or digits
// (PCU_38RG7MHRE2NJTPFMXRYQP3NKW6GVAZ in Create_a_Payment_Customer; the JS
// SDK guide: "(3 letters)_(30 alphanumeric signs)"); any other id is an
// invalid_id error.
//
// Decode accepts documents of up to 1 MiB, nested at most 32 levels (the
// limits of the shared reader). Records has no size limit of its own; each
// record it returns has Decode's. Of duplicate members the last one wins.
//
// # Divergences
//
//   - Encode drops what a request cannot carry: refs.secuconnect (the id
//     goes in the URL of PUT and DELETE), created, updated, and the response
//     members object, contract, merchant and the aggregation helpers kept
//     in provider.secuconnect. Each is a dropped change, rule read_only.
//   - Encode drops every canonical value the contact has no member for:
//     kind, address.careOf, address.region, language, nationalId, taxId,
//     identificationNumber, the other providers' references, liveMode and
//     other providers' sections (dropped, rule not_in_target). A c/o line
//     is not moved into additional_address_data.
//   - street_number holds the house number with its addition: Encode joins
//     address.houseNumber and address.houseNumberAddition ("125" and "b"
//     give "125b"; a space only between two digits) and reports a joined
//     change, rule house_number_join, for each of the two. Decoding the
//     result gives houseNumber "125b" and no addition.
//   - contact.name is read into fullName and written from it; it is not
//     derived from givenName and familyName.
//   - Phone numbers, countries and nationality are written as the canonical
//     record holds them (E.164, ISO 3166-1 alpha-2). secuconnect stores
//     phone numbers as sent (it strips dashes since 2020) and its SDK tests
//     sent country names until 2020 ("Germany"); its current examples use
//     alpha-2 codes ("DE"), which we follow.
//   - contact.nationality is free text to secuconnect: its API accepts
//     and echoes "german" (the loyalty tests and demo customer of its PHP
//     SDK) as well as "DE". What [validate.NormalizeNationality] reads (a
//     code, a country name, a nationality adjective in en, de, fr, es, it,
//     nl, pl or sv) becomes the canonical nationality, normalized to
//     alpha-2 by the pipeline (a normalized change, rule demonym or
//     country_code). A value it cannot read, or one that several countries
//     share ("Congolese"), is not an error here: it stays in
//     provider.secuconnect, is written back unchanged, and is reported as an
//     invalid_country warning (with the candidates in params, if any).
//     Targets without a nationality drop it like any other residue.
//   - A response whose dob has a time comes back from
//     Encode(Decode(doc)) as YYYY-MM-DD (a normalized change on Decode).
//   - A document whose object member is not "payment.customers" ("Managing
//     Customers" shows a payment.contracts object as the response of PUT and DELETE,
//     most likely an error of the guide) is rejected with invalid_format at
//     /object rather than read as an empty customer.
//   - The API reference and the PHP guide disagree on whether the contact
//     members are mandatory; we follow the guide (warnings), as above.
//
// Converter values are immutable and safe to share between goroutines.
// Nothing in this package reaches the network or the file system.
package secuconnect
