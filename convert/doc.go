// Package convert converts customer documents between custnorm's formats and
// validates them as the providers would.
//
// # Formats
//
// [Builtin] returns a [Registry] of every format custnorm ships: canonical,
// custnorm's own JSON (model.Customer), and the formats of the provider
// packages below convert (secuconnect, worldline, stancer, riverty), each
// of which documents its documents, its field mapping, its limits with
// their sources and its divergences. [Registry.Names] lists the format
// names (the CLI's `custnorm formats` prints them).
//
// Decode reads what one sends to a provider and what it returns; Encode
// writes what one sends. Identifiers a merchant or a provider assigns are
// never invented.
//
// A provider format is a package below convert whose Converter satisfies
// [Converter] (and [ChangeOmitter] and [IssueEncoder]), and one line in the list Builtin
// registers; a caller can add a format of its own with [Registry.Register].
// A format whose documents need identifiers custnorm never invents can say
// how a synthetic record gets them ([SampleCompleter]), for generated test
// data.
//
// # The pipeline
//
// A [Pipeline] runs decode → normalize → check → encode:
//
//  1. the source format's Decode reads the document (wrong JSON types,
//     unknown members, provider-specific formats such as dates and
//     identifiers) and says where each canonical value came from;
//  2. validate's Normalize and Check run on the canonical record;
//  3. the target format's Encode writes the output and checks the target's
//     limits.
//
// Every issue and change points into the INPUT document (an RFC 6901
// pointer); issues and changes that exist only in the output also carry a
// target pointer into it. A record is accepted (Result.OK) when it has no
// error-severity issue; with Options.Strict every warning is an error.
// Values the target cannot hold are "dropped" changes, never silently lost.
// Converting a format to itself (decode, normalize, encode) gives back the
// input document, apart from the values normalization changed, each of
// which is reported.
//
// Validate runs the same steps, encodes to the same format to apply its
// limits, and returns no output.
//
// Listing the changes is a good part of the work: finding what the target
// cannot hold means comparing the whole record with what was written. A
// caller that does not show them sets Options.OmitChanges (the CLI does,
// unless --report asks for them): the output and the issues are the same,
// the results carry no changes, and converting a record takes about a
// tenth less time and a third less memory. Validate never lists the changes
// of its encoding step (only those of reading and normalizing the input),
// so it encodes without them in any case, and without writing the
// document out, which it does not return. Converters do this through
// [ChangeOmitter] and [IssueEncoder]; every provider converter is both.
//
// # Limits and security considerations
//
//   - One record is at most 1 MiB of JSON (too_large) and nested at most 32
//     levels (too_deep); larger input is rejected, never truncated.
//   - Duplicate member names: the last one wins (encoding/json).
//   - Members a provider does not document are kept in the canonical
//     record's provider section and reported as unknown_field warnings, so
//     nothing is lost; in the canonical format, which has no place to keep
//     them, they are errors. worldline-lookup rejects them, as the provider
//     does.
//   - Invalid UTF-8 in strings is replaced by U+FFFD when the JSON is read.
//   - Nothing in this package reads the network or the file system.
//
// # Concurrency
//
// A Registry and a Pipeline are safe for concurrent use; the provider
// Converter values are immutable.
package convert
