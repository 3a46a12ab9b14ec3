// Custnorm converts and validates customer records of payment providers.
//
// Usage:
//
//	custnorm convert --from F|auto --to T [--region CC] [--strict] [--lang L] [--report FILE] [FILE]
//	custnorm validate --as F [--region CC] [--strict] [--lang L] [--json] [FILE]
//	custnorm detect [FILE]
//	custnorm schema F
//	custnorm formats
//	custnorm gen --format F [-n N] [--seed S] [--bad-rate R]
//	custnorm demo [--addr 127.0.0.1:8080] [--dist dist]
//
// Run "custnorm COMMAND --help" for a command's flags and an example.
// "custnorm formats" lists the format names.
//
// Input is FILE, or standard input when FILE is absent or "-". Its framing is
// told apart automatically: one JSON document (on one line or pretty-printed
// over many), several documents one after another, NDJSON (one document per
// line), or a JSON array of documents. Output keeps the framing: NDJSON for
// NDJSON and one-line documents, indented documents for indented ones, an
// array for an array. A secuconnect list {count, data:[…]} is split into its
// records. A record larger than 1 MiB is rejected (too_large); a line that is
// not valid JSON is one rejected record (invalid_json) and the stream goes on.
// Records are processed on every core and written in input order, in
// constant memory.
//
// Every record is accounted for: written to standard output, or rejected and
// listed with its 1-based record number in the report (--report, --json) or
// in the summary on standard error.
//
// Exit status:
//
//	0  every record accepted (warnings and changes allowed)
//	1  at least one record rejected
//	2  usage error, unknown format, or unreadable input
//
// # Commands
//
// convert converts records from format F into format T. Accepted records go
// to standard output; a record with an error-severity issue is rejected and
// not written. Without --report, a summary in the --lang language goes to
// standard error: the counts, the first ten issues as "record N: /path:
// code: message", and the numbers of the rejected records. With --report,
// FILE receives one NDJSON object per record instead, accepted or not:
//
//	{"record":1,"ok":true,"issues":[…],"changes":[…]}
//
// Issues and changes have the library's JSON form (package validate); their
// paths point into the input record, and for a record of a secuconnect list
// into the list ("/data/2/contact/dob"), so one input record can have several
// report lines. With --from auto, each record's format is detected.
//
//	custnorm convert --from secuconnect --to stancer --region DE --report report.ndjson customers.ndjson > stancer.ndjson
//
// validate checks records of format F as the provider would. With --json,
// standard output receives one NDJSON object per record; without, a summary
// goes to standard error.
//
//	{"record":1,"valid":false,"issues":[{"path":"/contact/dob","code":"invalid_date","severity":"error","message":"…","params":{}}]}
//
// detect prints the format of each record, one line per record: the format
// name, a tab and the reason, or "unknown", a tab and the reason (exit
// status 1). Detection uses the formats' JSON Schemas (package schema): a
// record is of the one format whose schema accepts it and that names one of
// its members no other candidate names ("contact" for secuconnect,
// "customer" with "paymentRegistration" for riverty-create); a record with
// that shape whose values the schema rejects is still detected, so that
// --from auto reports what is wrong. {"email": …} alone fits several
// formats and is unknown.
//
// schema prints the JSON Schema (draft 2020-12) of a format.
//
// formats lists the format names, one per line.
//
// gen writes synthetic, realistic records as NDJSON for benchmarks and
// sandboxes: names, e-mail addresses at example.com and example.org, valid
// phone numbers, real postal codes, streets with house numbers and birth
// dates of DE, FR, NL, SE and GB. The same flags give the same records. A
// share R of the records carries one deliberate error: an impossible birth
// date, a postal code of the wrong form, an e-mail address without "@", a
// masked phone number or, where the format holds none of these, an unknown
// country.
//
// # Framing, in detail
//
// The first non-space byte decides: "[" is an array; "{" that starts a
// complete, valid JSON value spanning several lines is a document (more may
// follow it); anything else is NDJSON, where blank lines are skipped and a
// single document on one line is the one-record case. A UTF-8 byte order
// mark is skipped. In an array or a sequence of documents, a value's end is
// found by counting brackets outside strings, so a value over the limit is
// skipped without being held; a break in the array's own syntax (a missing
// comma, a trailing comma, no closing bracket, data after it) is one
// rejected record (invalid_json) that stands for the rest of the input.
//
// # Streaming
//
// GOMAXPROCS workers each cut a batch of records from the input in turn,
// convert it and write the results; whichever worker finishes the batch
// that is next in input order writes it and the finished batches after it,
// so the output keeps the input order and a record is mostly read,
// converted and written on one core. Records in flight are limited to
// 64 MiB and 4096 records, so memory stays constant whatever the input
// size; output waiting in buffers is flushed 10 ms after the last record
// was written, so a slow producer on a pipe sees each record soon.
// On a terminal, a progress line on standard error counts records once there
// are more than 100,000.
//
// The Go collector runs when the process's memory reaches 64 MiB or five
// times the live heap, whichever is more; the environment variables GOGC and
// GOMEMLIMIT, when set, replace this with the runtime's own pacing.
package main
