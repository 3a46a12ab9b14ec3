package main

// The usage texts. The package documentation (doc.go) carries the same
// text; a test keeps the two in step.

const usageMain = `custnorm converts and validates customer records of payment providers.

Usage:

	custnorm convert --from F|auto --to T [flags] [FILE]
	custnorm validate --as F|auto [--json] [flags] [FILE]
	custnorm detect [FILE]
	custnorm schema F
	custnorm formats
	custnorm gen --format F [-n N] [--seed S] [--bad-rate R]
	custnorm demo [--addr 127.0.0.1:8080] [--dist dist]
	custnorm --version

The flags of convert and validate: [--region CC] [--strict] [--lang L]
[--messages FILE] [-o FILE] [--rejects FILE] [--report FILE]
[--summary text|json] [--quiet] [-j N].

Run "custnorm COMMAND --help" for a command's flags and an example.
"custnorm formats" lists the format names.

Input is FILE, or standard input when FILE is absent or "-", gzip-compressed
or not (told by its first bytes). Its framing is told apart automatically:
one JSON document (on one line or pretty-printed over many), several
documents one after another, NDJSON (one document per line), or a JSON
array of documents. Output keeps the framing: NDJSON for
NDJSON and one-line documents, indented documents for indented ones, an
array for an array. A secuconnect list {count, data:[…]} is split into its
records, each numbered on its own. A record larger than 1 MiB is rejected
(too_large); a line that is not valid JSON is one rejected record
(invalid_json) and the stream goes on. Records are processed on every core
(-j) and written in input order, in constant memory.

Every record is accounted for: written to the output (standard output, or
-o FILE), or rejected and listed with its 1-based record number and input
line in the report (--report, --json) or in the summary on standard error;
--rejects FILE receives the rejected records themselves. No output may be
the input or another output (a usage error before anything is written).
On SIGINT or SIGTERM custnorm stops reading, finishes the records already
read, ends every output at a whole record and prints its summary; so does a
broken pipe on an output.

Exit status:

	0    every record accepted (warnings and changes allowed)
	1    at least one record rejected
	2    usage error, unknown format, unreadable input, or a failed write
	130  stopped by SIGINT (Ctrl-C); 143 by SIGTERM
	141  an output's reader went away (broken pipe)
`

const usageConvert = `usage: custnorm convert --from F|auto --to T [flags] [FILE]

Convert records from format F into format T. Accepted records go to standard
output (or -o FILE); a record with an error-severity issue is rejected and
not written (--rejects FILE keeps it, verbatim, to fix and replay). Without
--report, a summary in the --lang language goes to standard error: the
counts, the first issues as "record N: /path: code: message", and the
numbers of the rejected records (--summary json: one JSON object with the
counts and the count per issue code; --quiet: only the errors). With
--report, FILE receives one NDJSON object per record instead, accepted or
not, with the input line where the record starts:

	{"record":1,"line":1,"ok":true,"issues":[…],"changes":[…]}

With --from auto, each record's format is detected from its members (see
"custnorm detect").

Example:

	custnorm convert --from secuconnect --to stancer --region DE --report report.ndjson customers.ndjson > stancer.ndjson

Flags:
`

const usageValidate = `usage: custnorm validate --as F|auto [--json] [flags] [FILE]

Validate records of format F as the provider would. Without --json, a summary
in the --lang language goes to standard error. With --json, standard output
(or -o FILE) receives one NDJSON object per record:

	{"record":1,"line":1,"valid":false,"issues":[{"path":"/contact/dob","code":"invalid_date","severity":"error","message":"…","params":{}}]}

Example:

	custnorm validate --as stancer --lang de customers.ndjson

Flags:
`

const usageDetect = `usage: custnorm detect [FILE]

Print the format of each record, one line per record: the format name, a tab
and the reason, or "unknown", a tab and the reason.
Exit status 1 when a record's format is unknown.

Example:

	custnorm detect customer.json
`

const usageSchema = `usage: custnorm schema F

Print the JSON Schema of format F.

Example:

	custnorm schema stancer > stancer.schema.json
`

const usageFormats = `usage: custnorm formats

List the format names, one per line.

Example:

	custnorm formats
`

const usageGen = `usage: custnorm gen --format F [-n N] [--seed S] [--bad-rate R]

Write N synthetic, realistic customer records of format F as NDJSON, for
benchmarks and sandboxes: names, e-mail addresses at example.com and
example.org, valid phone numbers, postal codes, streets with house numbers
and birth dates of DE, FR, NL, SE and GB. The output depends only on the
flags: the same seed gives the same records. A share R of the records (0 to
1) carries one deliberate error: an impossible birth date, a postal code of
the wrong form, an e-mail address without "@", or a masked phone number.

Example:

	custnorm gen --format secuconnect -n 100000 --seed 7 --bad-rate 0.01 > sample.ndjson

Flags:
`
