// Package schema holds the JSON Schemas of custnorm's formats (canonical,
// secuconnect, worldline, worldline-lookup, stancer, riverty,
// riverty-create), embedded in the binary, validates documents with them and
// detects a document's format.
//
// Each schema is a JSON Schema draft 2020-12 document ($schema pinned) with
// the stable $id [BaseURL] + format + ".schema.json", for example
// https://github.com/custnorm/custnorm/schema/stancer.schema.json. It states
// the provider's documented structure and limits (types, lengths, patterns,
// enumerations, required members, Stancer's email-or-mobile rule,
// secuconnect's dob pattern, id shapes), each with a description that names
// its source; its $comment says what it leaves to Go. The schemas are for
// other tools too (browsers, other languages): their patterns stay in the
// common subset of RE2 and ECMAScript regular expressions, and every schema
// compiles in ajv's strict mode (a test proves it).
//
// # Verdicts
//
// A schema accepts exactly what custnorm's Go decoders and validators accept
// structurally (a test proves it on the shared corpus):
//
//   - Unknown members. Where custnorm's decoders keep an undocumented member
//     with an unknown_field warning (secuconnect, worldline, stancer,
//     riverty, riverty-create), the schema allows it
//     ("additionalProperties": true, stated explicitly) and [Set.Validate]
//     reports it as a warning; warnings do not reject. Where custnorm
//     rejects it (canonical, worldline-lookup, whose provider schema says
//     additionalProperties false), the schema says false and it is an
//     error.
//   - null and "". custnorm reads null as absent, so optional members allow
//     null; "" is absent too unless a limit says otherwise (Stancer's name
//     minimum, an id pattern). A required member that is null or "" is
//     reported as required.
//   - Warnings. Rules custnorm reports only as warnings (secuconnect's
//     mandatory-but-SHOULD members, Worldline's city and zip lengths,
//     Riverty's mobilePhone length, secuconnect dob forms outside the
//     documented pattern whose date is clear) are described, not asserted.
//   - Rules that need code stay in Go and are named in each schema's
//     $comment: calendar validity of dates, phone numbers, e-mail syntax,
//     country and language codes, postal code per country, lengths of the
//     normalized values custnorm would send.
//
// Known differences, each pinned by the agreement test (agreement_test.go),
// which fails when one goes away:
//
//   - Lengths. A schema counts the code points of a value as written;
//     custnorm counts them after Unicode NFC and, for what it would send,
//     after its normalization (trimmed, white space collapsed, phones in
//     E.164). A decomposed or padded value near a limit, or a Stancer mobile
//     written with spaces, can fail the schema and pass custnorm.
//   - The canonical decoder reports only the first value of a wrong JSON
//     type (encoding/json), and then no unknown member; the schema reports
//     each.
//   - custnorm reports some defects a second time, as required, where its
//     encoder finds nothing to write (a worldline-lookup countryCode of the
//     wrong type, a values array with no usable item); the schema reports
//     them once.
//   - convert/riverty does not check the JSON type of address.addressType;
//     the schema says string.
//
// # Issues
//
// [Set.Validate] returns issues in the model of package validate: the path
// is the error's instance location (an RFC 6901 pointer into the
// document), and the code is computed from the error's keyword location and
// the compiled schema, never from jsonschema's English message:
//
//	type                       wrong_type (params expected); null in a required member: required;
//	                           a non-integral number where an integer is expected: invalid_format
//	required, dependentRequired  required, one issue per missing member, at its own path
//	additionalProperties false unknown_field (error), one per member, at its own path
//	maxLength, maxItems        too_long (params max)
//	minLength, minItems        too_short (params min); "" in a required member: required
//	pattern, const, enum,      invalid_format (params format: the subschema's title, else
//	format, minimum, maximum   its constant, enumeration or pattern)
//	anyOf of required members  one_of_required (params fields: "email, mobile")
//	anything else              schema (params keyword)
//
// A failure inside a subschema the schemas name in $defs has the code of
// that subschema, whatever its keyword (type aside): $defs/customerId is
// invalid_id (params format), $defs/birthDate is invalid_date,
// $defs/noPayload is required. Errors that only wrap others ($ref, allOf,
// then, else) are not reported; at a path with a wrong_type error nothing
// else is. Issues are sorted by path and code.
//
// # Limits
//
// Validate and Detect read documents of at most [MaxDocumentBytes] (1 MiB;
// too_large) nested at most [MaxDepth] (32) levels deep (too_deep), the
// limits of package convert's decoders; duplicate members: the last one
// wins (encoding/json). Numbers are decoded as json.Number, so no precision
// is lost.
//
// # Security and concurrency
//
// Nothing in this package reaches the network or the file system: each
// schema is compiled (lazily, on first use, once) by a compiler of its own
// whose LoadURL refuses every URL, and no package-level loader or format
// registry of the jsonschema library is used. A [Set] is safe for
// concurrent use.
package schema
