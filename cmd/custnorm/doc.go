// custnorm converts and validates customer records of payment providers.
//
// Usage:
//
//	custnorm convert --from F|auto --to T [flags] [FILE]
//	custnorm validate --as F|auto [--json] [flags] [FILE]
//	custnorm detect [FILE]
//	custnorm schema F
//	custnorm formats
//	custnorm gen --format F [-n N] [--seed S] [--bad-rate R]
//	custnorm demo [--addr 127.0.0.1:8080] [--dist dist]
//	custnorm --version
//
// The flags of convert and validate: [--region CC] [--strict] [--lang L]
// [--messages FILE] [-o FILE] [--rejects FILE] [--report FILE]
// [--summary text|json] [--quiet] [-j N].
//
// Run "custnorm COMMAND --help" for a command's flags and an example.
// "custnorm formats" lists the format names.
//
// Input is FILE, or standard input when FILE is absent or "-", gzip-compressed
// or not (told by its first bytes). Its framing is told apart automatically:
// one JSON document (on one line or pretty-printed over many), several
// documents one after another, NDJSON (one document per line), or a JSON
// array of documents. Output keeps the framing: NDJSON for
// NDJSON and one-line documents, indented documents for indented ones, an
// array for an array. A secuconnect list {count, data:[…]} is split into its
// records, each numbered on its own. A record larger than 1 MiB is rejected
// (too_large); a line that is not valid JSON is one rejected record
// (invalid_json) and the stream goes on. Records are processed on every core
// (-j) and written in input order, in constant memory.
//
// Every record is accounted for: written to the output (standard output, or
// -o FILE), or rejected and listed with its 1-based record number and input
// line in the report (--report, --json) or in the summary on standard error;
// --rejects FILE receives the rejected records themselves. No output may be
// the input or another output (a usage error before anything is written).
// On SIGINT or SIGTERM custnorm stops reading, finishes the records already
// read, ends every output at a whole record and prints its summary; so does a
// broken pipe on an output.
//
// Exit status:
//
//	0    every record accepted (warnings and changes allowed)
//	1    at least one record rejected
//	2    usage error, unknown format, unreadable input, or a failed write
//	130  stopped by SIGINT (Ctrl-C); 143 by SIGTERM
//	141  an output's reader went away (broken pipe)
//
// # Commands
//
// convert converts records from format F into format T. Accepted records go
// to standard output (or -o FILE); a record with an error-severity issue is
// rejected and not written. Without --report, a summary in the --lang
// language goes to standard error: the counts, the first ten issues as
// "record N: /path: code: message", and the numbers of the rejected
// records. With --report, FILE receives one NDJSON object per record
// instead, accepted or not, with the 1-based input line where it starts:
//
//	{"record":1,"line":1,"ok":true,"issues":[…],"changes":[…]}
//
// Issues and changes have the library's JSON form (package validate); their
// paths point into the input record, and for a record of a secuconnect list
// into the list ("/data/2/contact/dob"). Each record of a list is a record of
// its own, with its own number and the line where its text starts. With
// --from auto, each record's format is detected.
//
// The flags convert and validate share:
//
//   - -o FILE writes the output (converted records, or validate's --json
//     verdicts) to FILE instead of standard output.
//   - --rejects FILE writes every rejected input record verbatim, one NDJSON
//     line each (a pretty-printed record compacted onto its line), so that
//     a pipeline can fix and replay them. A record over 1 MiB is never held
//     in memory, so it cannot be written there; the report and the summary
//     list it.
//   - --summary json prints, instead of the text summary, one JSON object on
//     standard error: {"command","read","written" (convert) or "valid"
//     (validate),"rejected","warnings" (records with a warning),"codes" (the
//     count of each issue code),"status" (the exit status)}.
//   - --quiet prints only the error lines of the summary.
//   - -j N converts N records at once (default GOMAXPROCS).
//   - --lang L picks the language of messages and summary by BCP 47 tag
//     (en, de, fr, es, it, nl, pl, sv; "de-AT" is de); any other is a usage
//     error that lists them.
//   - --messages FILE reads a JSON catalog of messages ({"pt": {"too_long":
//     "… {max} …"}}, see validate.ParseMessages) that adds a language or
//     overrides messages of one; a code it lacks gets English.
//
// A misspelt command or format name is answered with the closest one ("did
// you mean \"worldline-lookup\"?").
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
// The stream engine is the library's (convert.Pipeline.Stream): -j workers
// (GOMAXPROCS by default) each cut a batch of records from the input in
// turn, convert it and write the results; whichever worker finishes the
// batch that is next in input order writes it and the finished batches
// after it, so the output keeps the input order and a record is mostly
// read, converted and written on one core. Records in flight are limited by
// bytes (about 64 MiB of records, results and outputs), so memory stays
// constant whatever the input size; output waiting in buffers is flushed
// 10 ms after the last record was written, so a slow producer on a pipe sees
// each record soon.
//
// # Signals and broken pipes
//
// On the first SIGINT or SIGTERM, custnorm stops reading, finishes and
// writes the records it has read, flushes every output at that record (so
// every line of the output, the report and the rejects is a whole JSON
// document, and they end at the same record), prints a notice with the
// counts and its summary, and exits 130 or 143. A second signal ends it at
// once. A broken pipe on any output (standard output, or a FIFO named by
// --report) ends the run the same way, with status 141. Outputs are opened
// write-only, so custnorm never holds the read end of a FIFO itself.
// On a terminal, a progress line on standard error counts records once there
// are more than 100,000.
//
// The Go collector lets the heap grow to five times the live heap between
// collections (GOGC=400): the live heap is small and bounded, and the
// default pacing would collect every few milliseconds. In a cgroup with a
// memory limit, the runtime gets a soft limit of nine tenths of it. The
// environment variables GOGC and GOMEMLIMIT, when set, replace both.
package main
