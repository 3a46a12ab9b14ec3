// Package stancer converts between the canonical customer record and the
// customer object of Stancer's API v1 (https://stancer.com/documentation/api,
// the customers part:
// https://stancer.com/documentation/fr/api/.parts/customers), with the
// facts its official SDKs add: wearestancer/lib-python
// (stancer/customer.py, tests/test_customer.py), wearestancer/lib-php
// (v2.1.2: src/Customer.php, tests/unit/Customer.php, CHANGELOG.md) and
// wearestancer/lib-perl (lib/Stancer/Customer.pm).
//
// [Converter.Decode] reads the customer object as one sends it (create or
// update request) and as the API returns it (create, read response).
// [Converter.Encode] writes the create/update request.
//
// Converter values are immutable and safe to share between goroutines. The
// package never accesses the network.
//
// # Field mapping
//
//	Stancer member     canonical field     direction
//	id                 refs.stancer        read only (checked: "cust_" + 24 × [A-Za-z0-9])
//	name               givenName +         both; split on Decode when unambiguous,
//	                   familyName, or      joined with one space on Encode
//	                   fullName
//	email              email               both
//	mobile             mobile              both
//	external_id        refs.merchant       both
//	created            created             read only; Unix seconds → RFC 3339 UTC
//	                                       (1538562174 → "2018-10-03T10:22:54Z")
//	live_mode          liveMode            read only
//	country            address.country     read only (Python SDK: the customer's
//	                                       country, ISO 3166-1 alpha-2)
//	billing_address,   provider.stancer    both, as the residue (address ids)
//	shipping_address
//	anything else      provider.stancer    both, as the residue, with an
//	                                       unknown_field warning
//
// The name: "David Coaster" decodes to givenName "David", familyName
// "Coaster" (a split change, rule "name_split"); "Coaster, David" decodes to
// the same parts and keeps fullName "Coaster, David" as well, because the
// join would not give it back. A name [validate.SplitName] finds ambiguous
// ("Anna Maria Schmidt", "J. Smith", one word) stays whole in fullName, with
// no issue (it is a valid Stancer name; a target that needs given and family
// name separately reports fullName as dropped). Encode writes fullName when the record has one, and
// otherwise givenName + " " + familyName (a joined change, path /givenName,
// target /name, rule "name_join"). So Stancer → canonical → Stancer gives
// the name back unchanged.
//
// Decode maps values as written: no trimming, Unicode normalization, phone
// or country normalization (the pipeline in package convert does that
// afterwards, and maps its paths back through the returned origins).
//
// # Limits
//
// Lengths are counted in Unicode code points after NFC ([validate.Length]),
// as the Python SDK (len) and the Perl SDK (length of the decoded string)
// count. Encode checks them on what it writes: a value outside its limit is
// a too_short or too_long error with the canonical pointer as path and the
// Stancer member as target.
//
//	name         4..64   documentation; Python InvalidNameError; Perl Varchar[4, 64]
//	email        5..64   documentation; Python, PHP and Perl SDKs
//	mobile       8..16   documentation; Python, PHP and Perl SDKs
//	external_id  ..36    lib-php Customer dataModel; Python, Perl (not documented)
//	id           29      documentation "fixed size = 29"; lib-perl ^cust_\w{24}
//
// A create request (the record has no Stancer id) needs an email or a mobile:
// otherwise one_of_required, an error at path "" with params
// {"fields": "email, mobile"} (lib-php and lib-perl Customer send: "You must
// provide an email or a phone number to create a customer."; Python
// is_complete). An update request (the record has a Stancer id) is not
// checked, as the SDKs do not check it.
//
// A mobile that is a valid number of another type than mobile (fixed line,
// toll-free, VoIP …) is a not_mobile warning with param "type" (a
// [validate.PhoneType]); the address country is the default region for a
// number not in E.164 form. Numbers of plans that do not tell fixed lines
// and mobiles apart (+1) pass.
//
// An empty string for name, email or mobile is a too_short error on Decode
// (every SDK refuses ""; the canonical record cannot hold an empty value, so
// Encode could not see it). Documents larger than 1 MiB or nested deeper
// than 32 levels are rejected (too_large, too_deep); of duplicate members
// the last one wins.
//
// # Divergences
//
//   - Name minimum: the documentation, the Python and Perl SDKs say 4;
//     lib-php since 1.1.2 says 3 ("matches the API real behaviour"). We
//     follow the documentation: a 3-character name is too_short.
//   - Length unit: lib-php counts UTF-8 bytes (strlen), so "Léo" is 4 for it
//     and 3 for us; we count code points like Python and Perl.
//   - Read-only members are never written: id, created, live_mode and country
//     (and refs.stancer, created, liveMode and address.country of the
//     canonical record) are dropped changes with rule "read_only", also when
//     they linger in the residue (an id of the wrong type). The
//     documentation lists live_mode among the create data parameters, but
//     not among the update parameters, and no SDK sends it; Encode writes
//     the request {name, email, mobile, external_id} and not live_mode.
//   - created: the documentation calls it "the Unix timestamp … in local
//     time"; a Unix timestamp has no zone, and we write it in UTC. A
//     created that is not a whole number of seconds between years 1 and
//     9999 is an invalid_format error and stays in the residue.
//   - country is modelled only by the Python SDK (read-only, alpha-2); we
//     read it as the customer's address country. Stancer's Address objects
//     (API v2: billing_address, shipping_address) are referenced by id and
//     kept in the residue, not mapped to the canonical address.
//   - Canonical → Stancer → canonical: a fullName that splits unambiguously
//     comes back as givenName and familyName ("David Coaster"), and a
//     fullName that equals the join of the parts comes back without it; a
//     lone givenName or familyName comes back as fullName. The values are the
//     same; Decode's split change says so. Everything
//     else Stancer cannot hold (addresses, phone, birth date, other
//     providers' data …) is a dropped change with rule "not_in_target".
//   - An empty string member is not read into the canonical record (which
//     has no "present but empty"); it stays in the residue so that it is
//     written back. An empty external_id is not an issue (the SDKs only
//     check its maximum).
package stancer
