package convert

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"runtime"
	"strings"

	"github.com/custnorm/custnorm/convert/internal/stream"
	"github.com/custnorm/custnorm/validate"
)

// AutoFormat is the [StreamOptions.From] value that detects each record's
// format with [StreamOptions.Detector].
const AutoFormat = "auto"

// A Detector names the format of a document. *schema.Set is one: it tells
// the formats apart by their JSON Schemas. (convert does not import schema
// itself, so that programs that never detect, such as the browser build, do
// not link the schema validator.)
type Detector interface {
	// DetectFormat returns the one format doc fits, or "" when none or
	// several do, and the reason, in English, for people.
	DetectFormat(doc []byte) (format, reason string)
}

// StreamOptions configure [Pipeline.Stream].
type StreamOptions struct {
	// From is the format of the input's records, or [AutoFormat].
	From string
	// Detector detects each record's format when From is [AutoFormat]
	// (required then; schema.New() gives one). It must be safe for
	// concurrent use.
	Detector Detector
	// To is the format the records are converted into; the accepted ones
	// are written to the output. Empty: the records are validated only,
	// and nothing is written to the output.
	To string
	// Workers is how many records are converted at once; 0 means
	// runtime.GOMAXPROCS(0).
	Workers int
	// Record, when not nil, is called with the outcome of every record, in
	// input order, one call at a time, before the record's output is
	// written. The StreamRecord and its Input are valid only during the
	// call. An error ends the stream as a write error does.
	Record func(*StreamRecord) error
	// Flush, when not nil, is called whenever Stream flushes its output:
	// when output was written and nothing more for a short while (10 ms),
	// so that a slow stream is seen record by record, and at the end.
	// Callers whose Record writes to buffered outputs flush them here, so
	// that every output ends at the same record.
	Flush func() error
}

// A StreamRecord is the outcome of one record of a stream.
type StreamRecord struct {
	// Number is the record's 1-based number in the whole input: each
	// record of a container document has its own.
	Number int
	// Line is the 1-based line of the input where the record starts.
	Line int
	// Format is the format the record was read as; with [AutoFormat], ""
	// when no single format fits.
	Format string
	// FormatReason says, with [AutoFormat], why Format was chosen or why
	// none was (the Detector's reason).
	FormatReason string
	// Input is the record's JSON text as read (for a record of a container
	// document, the record's own text); nil for a record over
	// [MaxDocumentBytes], which is not kept.
	Input []byte
	// Result is the record's result. Its pointers point into the input
	// document the record came from: for a record of a container
	// document, into the container ("/data/0/contact/dob"), as
	// [Pipeline.Convert] gives them.
	Result Result
}

// StreamStats count the records of a stream.
type StreamStats struct {
	// Records is the number of records read.
	Records int
	// Accepted is the number of records without error: written to the
	// output when converting.
	Accepted int
	// Rejected is Records - Accepted.
	Rejected int
	// Warned is the number of records with at least one warning.
	Warned int
}

// A StreamError is a failure of the stream itself, not of a record: Op is
// "read" for the input, "write" for the output (or Record, or Flush).
type StreamError struct {
	Op  string
	Err error
}

func (e *StreamError) Error() string {
	if e.Op == "read" {
		return "reading the input: " + e.Err.Error()
	}
	return "writing: " + e.Err.Error()
}

// Unwrap returns the cause.
func (e *StreamError) Unwrap() error { return e.Err }

// Stream converts (or validates) every record of in, in order, on several
// goroutines, and writes the accepted records, converted, to out in the
// framing of the input.
//
// The input is one JSON document, several (pretty-printed ones one after
// another), a JSON array whose elements are the records, or NDJSON (one
// record per line), told apart by its first bytes; a byte-order mark is
// skipped. Output keeps the framing: one document per line for NDJSON,
// indented documents for documents, one array for an array (closed even
// when the stream ends early). A record of a container document (a
// secuconnect list) is a record of its own, numbered in the whole input.
//
// Guarantees:
//
//   - Order: records are passed to opt.Record and written in input order.
//   - Every record is accounted for: passed to opt.Record with its
//     Result, whether accepted or rejected; one broken record (not JSON,
//     too large, too deep) never stops the stream. A break in the input's
//     own framing (an unterminated array) is one rejected record that
//     stands for the rest of the input.
//   - Bounded memory: a record larger than [MaxDocumentBytes] is skipped
//     while reading (too_large), not held; the records read but not yet
//     written are capped in bytes (about 64 MiB of records, results and
//     outputs together), however many workers and however slow the output.
//   - Cancellation: when ctx is done, Stream stops reading, finishes and
//     writes every record it has already read (so every output ends at a
//     record boundary), flushes, and returns ctx's error. It does not wait
//     for a read of in that is blocked: that read's goroutine returns when
//     the read does (close in to end it).
//
// The error is nil, ctx's error, or a *[StreamError] (reading the input, or
// writing the output, opt.Record or opt.Flush), after which the stream has
// stopped; an unknown format name is an error before anything is read. The
// stats count the records handled, also when the stream ended early.
func (p *Pipeline) Stream(ctx context.Context, in io.Reader, out io.Writer, opt StreamOptions) (StreamStats, error) {
	var stats StreamStats
	s := &streamer{p: p}
	if opt.From != AutoFormat {
		conv, err := p.reg.lookup(opt.From)
		if err != nil {
			return stats, err
		}
		s.from = conv
	} else {
		if opt.Detector == nil {
			return stats, errors.New("convert: Stream: From is auto but there is no Detector")
		}
		s.detector = opt.Detector
		s.known = strings.Join(p.reg.Names(), ", ")
	}
	if opt.To != "" {
		conv, err := p.reg.lookup(opt.To)
		if err != nil {
			return stats, err
		}
		s.dst = conv
	}
	if out == nil {
		out = io.Discard
	}
	fr, err := stream.NewFramer(in, MaxDocumentBytes)
	if err != nil {
		return stats, &StreamError{Op: "read", Err: err}
	}
	w := bufio.NewWriterSize(out, 64<<10)
	sink := stream.NewSink(fr.Mode(), w)
	var rec StreamRecord
	emit := func(u streamUnit) error {
		stats.Records++
		if u.res.OK {
			stats.Accepted++
		} else {
			stats.Rejected++
		}
		for _, i := range u.res.Issues {
			if i.Severity == validate.SeverityWarning {
				stats.Warned++
				break
			}
		}
		if opt.Record != nil {
			rec = StreamRecord{Number: stats.Records, Line: u.line, Format: u.format, FormatReason: u.reason, Input: u.input, Result: u.res}
			if err := opt.Record(&rec); err != nil {
				return err
			}
		}
		if u.res.OK && s.dst != nil {
			return sink.Write(u.res.Output)
		}
		return nil
	}
	flush := func() error {
		if err := w.Flush(); err != nil {
			return err
		}
		if opt.Flush != nil {
			return opt.Flush()
		}
		return nil
	}
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	readErr, writeErr, canceled := stream.Pump(ctx, fr, workers, s.process, emit, flush)
	if writeErr == nil && s.dst != nil {
		writeErr = sink.End()
	}
	if writeErr == nil {
		writeErr = flush()
	}
	switch {
	case writeErr != nil:
		return stats, &StreamError{Op: "write", Err: writeErr}
	case readErr != nil:
		return stats, &StreamError{Op: "read", Err: readErr}
	case canceled:
		return stats, context.Cause(ctx)
	}
	return stats, nil
}

// A streamUnit is the outcome of one record of a stream, before it gets
// its number.
type streamUnit struct {
	line           int
	format, reason string
	input          []byte
	res            Result
}

// A streamer turns the raw records of one stream into units; it is shared
// by the workers and safe for concurrent use.
type streamer struct {
	p        *Pipeline
	from     Converter // nil with AutoFormat
	dst      Converter // nil when validating
	detector Detector  // with AutoFormat
	known    string    // the format names, for invalid_format
}

// process appends to dst the units of one raw record: one, or one per
// record of a container document.
func (s *streamer) process(dst []streamUnit, raw stream.Raw) []streamUnit {
	u := streamUnit{line: raw.Line, input: raw.Data}
	switch {
	case raw.TooLarge:
		u.res = s.failed(validate.CodeTooLarge, validate.Params{"max": MaxDocumentBytes})
		return append(dst, u)
	case raw.Broken:
		u.res = s.failed(validate.CodeInvalidJSON, nil)
		return append(dst, u)
	}
	conv := s.from
	if conv == nil {
		u.format, u.reason = s.detector.DetectFormat(raw.Data)
		if u.format == "" {
			if !json.Valid(raw.Data) {
				u.res = s.failed(validate.CodeInvalidJSON, nil)
			} else {
				u.res = s.failed(validate.CodeInvalidFormat, validate.Params{"format": s.known})
			}
			return append(dst, u)
		}
		var err error
		if conv, err = s.p.reg.lookup(u.format); err != nil {
			// A schema of a format the registry does not have.
			u.res = s.failed(validate.CodeInvalidFormat, validate.Params{"format": s.known})
			return append(dst, u)
		}
	} else {
		u.format = conv.Name()
	}
	one := func(data []byte) Result {
		if s.dst != nil {
			return s.p.convert(conv, s.dst, data)
		}
		return s.p.validate(conv, data)
	}
	recs, at, ok := split(conv, raw.Data)
	if !ok {
		u.res = one(raw.Data)
		return append(dst, u)
	}
	// A container: each record is a unit of its own, with the line where
	// its text starts (found in order: the records are the input's bytes).
	line, rest, off := raw.Line, raw.Data, 0
	for k, rec := range recs {
		if i := bytes.Index(rest[off:], rec); i >= 0 {
			line += bytes.Count(rest[off:off+i], []byte{'\n'})
			off += i
		}
		dst = append(dst, streamUnit{line: line, format: u.format, reason: u.reason, input: rec, res: one(rec).Prefix(at[k])})
	}
	return dst
}

// failed is the result of a record rejected before a converter saw it,
// with one issue at the whole document.
func (s *streamer) failed(code validate.Code, params validate.Params) Result {
	iss := validate.NewIssue("", code, params)
	iss.Message = s.p.loc.Text(iss)
	res := Result{Issues: validate.Issues{iss}}
	if !s.p.opt.OmitChanges {
		res.Changes = []validate.Change{}
	}
	return res
}
