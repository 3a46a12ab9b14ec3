// Package worldline converts between the canonical customer record and the
// documents of Worldline Connect's getCustomerDetails call (server API
// POST /v1/{merchantId}/products/{paymentProductId}/customerDetails, client
// API POST /client/v1/{customerId}/products/{paymentProductId}/customerDetails),
// API version v1, as described at
// https://apireference.connect.worldline-solutions.com/c2sapi/v1/en_US/javascript/products/customerDetails.html
// (cited below as the customerDetails page) and in the SDKs named below.
//
// The package holds two formats:
//
//   - "worldline" ([Converter], [Name]): the GetCustomerDetailsResponse, the
//     partial customer the provider returns. Decode reads it; Encode writes
//     the same shape.
//   - "worldline-lookup" ([LookupConverter], [LookupName]): the
//     GetCustomerDetailsRequest {countryCode, values:[{key, value}]} one sends
//     to look a customer up. Encode builds it from the address country and
//     the national id.
//
// getCustomerDetails is a lookup, not a customer resource: there is no
// customer id, so the canonical Refs are never read nor written.
//
// # Field mapping
//
// worldline (GetCustomerDetailsResponse; every member optional, a string):
//
//	fiscalNumber   nationalId
//	city           address.city
//	street         address.street as written; address.houseNumber and
//	               address.houseNumberAddition have /street as origin
//	zip            address.postalCode
//	firstName      givenName
//	surname        familyName
//	emailAddress   email
//	phoneNumber    phone
//	languageCode   language
//	country        address.country (code or name as written)
//
// worldline-lookup (GetCustomerDetailsRequest):
//
//	countryCode                         address.country
//	values[i] {key:"fiscalNumber",      nationalId (the first such item)
//	           value}
//	values[j], other keys               provider section, in place
//
// Decode maps values as written: no trimming, NFC, phone, e-mail, country
// or language normalization, and no street split. The pipeline in package
// convert does that afterwards, reporting through the origins Decode
// returns: an origin is recorded for every canonical field of the mapping,
// present or not, so that a split street reports at /street and a country
// defaulted from the caller's region at /country (/countryCode).
//
// On Encode (worldline), street is [validate.JoinStreet] of address.street
// and address.houseNumber + address.houseNumberAddition, the number first
// in the countries [validate.NumberFirstCountry] lists: a joined change
// (Path /address/houseNumber or /address/houseNumberAddition, Target
// /street, rule "street_join"). country is written as held, the canonical
// alpha-2 code.
//
// # Limits
//
// No limit is documented for getCustomerDetails. The Connect billingAddress
// of payments documents city ≤ 40 and zip ≤ 10 (product 1503: 20 and 8)
// (Worldline-Global-Collect/connect-sdk-java Release 9.3.0,
// src/main/generated/com/worldline/connect/sdk/java/v1/domain/Address.java).
// Encode (worldline) reports a longer address.city or address.postalCode as
// a too_long warning with target /city or /zip: the record would not fit a
// Connect payment. Decode does not check lengths.
//
// Fiscal numbers are checked against the document's own country (Decode)
// or the address country (Encode):
//
//   - In the countries package validate has a checksum scheme for
//     ([validate.NationalIDCountries]: DK CPR, FI HETU, NO fødselsnummer
//     and D-number, SE personnummer and samordningsnummer of the Connect
//     list, and ES, IT, NL, PL), with [validate.CheckNationalID]: a number
//     that has the scheme's shape and fails its check digits or encodes no
//     date is an invalid_id error, params {"scheme": "se_personnummer",
//     "format": "…"}; one of another shape a warning. Decode reports it at
//     /fiscalNumber or /values/i/value. Encode does not report it again:
//     the Validator checks the canonical nationalId of every record the
//     pipeline converts, at /nationalId.
//   - In the other countries of the Connect Customer model's list
//     (connect-sdk-java, v1/domain/Customer.java, getFiscalNumber) the shape
//     is checked: AR 7, 8 or 11 digits; BR 11 or 14; CL 9 (the last may be
//     K); CO 8 to 10; DO 11; IN 10 characters; MX 12 or 13 characters; PE
//     11; UY 8, 9 or 12 digits. White space and the separators . - / + are
//     not counted in digit rules. A mismatch is an invalid_id warning,
//     params {"format": "AR DNI 7 or 8 digits, CUIT 11 digits"}: at
//     /fiscalNumber or /values/i/value on Decode, at /nationalId with the
//     output target on Encode. It is a warning because the rule is
//     documented for payments, not for getCustomerDetails, and the
//     provider's own examples break it (the customerDetails page's response
//     "0123456789012" has 13 digits, the SDK example request "01234567890"
//     11).
//
// The customerDetails page's request example "012345678901" is not a valid personnummer
// (its century would be 01 and its check digit is wrong): it is an
// invalid_id error, and the corpus keeps it under
// testdata/worldline-lookup/invalid.
//
// Decode accepts documents up to 1 MiB,
// nested at most 32 deep; duplicate members: the last wins.
//
// # Lookup checks
//
// worldline-lookup Decode checks the request as the provider does (seed
// 002; Ingenico-ePayments/connect-sdk-nodejs
// schemas/product/GetCustomerDetailsRequest.json): countryCode and values
// are required (required error when absent, null or ""), values has at
// least one item (too_short error, params {"min":1}), items are objects
// with string key and value (wrong_type error), and any other member, top
// level or in an item, is an unknown_field error, because the schema says
// additionalProperties false. (In the worldline format unknown members are
// unknown_field warnings.)
//
// # Divergences
//
//   - Empty strings ("languageCode": "" in the customerDetails page's example) are absent in
//     the canonical model. Decode does not consume them: they stay in the
//     provider section and Encode writes them back, so a document round
//     trips exactly. Converted to another provider they are dropped changes
//     at their member. null members are kept the same way.
//   - The response's street is one line. Decode keeps it whole; the split
//     into street and house number is the pipeline's, and Encode joins them
//     back. The canonical model does not record whether the number came
//     first, so the join follows the country (FR: "12 rue de la Paix"; SE:
//     "Gustav Adolfs torg 22"); without a country the number goes after the
//     street. Decode(Encode(c)) therefore has the joined line in
//     address.street and no house number until normalization splits it
//     again. What the split drops is not written back: a comma between
//     name and number ("Calle Mayor, 5" → "Calle Mayor 5") and a number
//     marker ("Via Roma n. 12" → "Via Roma 12"; [validate.SplitStreetIn]),
//     both reported by the split and joined changes.
//   - Only phone is written to phoneNumber. mobile, fax and every other
//     canonical field without a member (names other than given and family,
//     company, birth data, tax ids, references, …) are dropped changes with
//     rule "not_in_target".
//   - worldline-lookup Encode writes only countryCode and values, so what a
//     request cannot hold is dropped: every canonical field but the country
//     and the national id, members of the provider section other than
//     values, non-object items and item members other than key and value.
//   - The national id is required by worldline-lookup Encode only when no
//     other lookup value is left: which keys a country needs is discovered
//     with getPaymentProduct (usedForLookup), and a decoded request with
//     other keys must round trip.
//   - The country of a response is not documented as code or name; any form
//     [validate.NormalizeCountry] reads is accepted (by the pipeline).
//   - The fiscal number rules read "digits" for the Chilean RUT and the
//     Mexican RFC; a RUT's check digit may be K and an RFC holds letters, so
//     CL accepts a final K and MX counts characters.
//
// Converter and LookupConverter values are immutable and safe to share
// between goroutines. Nothing in this package reaches the network or the
// file system.
package worldline
