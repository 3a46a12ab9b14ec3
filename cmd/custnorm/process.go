package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/custnorm/custnorm/convert"
	"github.com/custnorm/custnorm/schema"
	"github.com/custnorm/custnorm/validate"
)

// A processor turns one raw record into its units. It is shared by the
// workers; everything in it is safe for concurrent use.
type processor struct {
	pipe     *convert.Pipeline
	reg      *convert.Registry
	loc      *validate.Localizer
	from, to string // from may be auto
	known    string // the format names, for invalid_format
	schemas  *schema.Set
}

func (c *cli) processor(pipe *convert.Pipeline, lang, from string) *processor {
	return &processor{
		pipe:    pipe,
		reg:     c.reg,
		loc:     validate.NewLocalizer(lang),
		from:    from,
		known:   strings.Join(c.reg.Names(), ", "),
		schemas: c.schemas,
	}
}

// failed is the unit of a record rejected before the library saw it, with
// one issue at the whole document.
func (p *processor) failed(num int, code validate.Code, params validate.Params) unit {
	iss := validate.NewIssue("", code, params)
	iss.Message = p.loc.Text(iss)
	return unit{record: num, res: convert.Result{Issues: validate.Issues{iss}, Changes: []validate.Change{}}}
}

// prepare rejects records the framer could not cut (too large, broken) and
// resolves the format of auto records. When rejected is true, u is the
// record's outcome.
func (p *processor) prepare(rec rawRecord) (format string, u unit, rejected bool) {
	switch {
	case rec.tooLarge:
		return "", p.failed(rec.num, validate.CodeTooLarge, validate.Params{"max": maxRecordBytes}), true
	case rec.broken:
		return "", p.failed(rec.num, validate.CodeInvalidJSON, nil), true
	case p.from != autoFormat:
		return p.from, unit{}, false
	}
	format, _ = p.detect(rec.data)
	if format != "" {
		return format, unit{}, false
	}
	if !json.Valid(rec.data) {
		return "", p.failed(rec.num, validate.CodeInvalidJSON, nil), true
	}
	return "", p.failed(rec.num, validate.CodeInvalidFormat, validate.Params{"format": p.known}), true
}

// convertRecord appends to dst the units of one record converted into the
// target format: one, or one per record of a container document.
func (p *processor) convertRecord(dst []unit, rec rawRecord) []unit {
	return p.each(dst, rec, func(format string, data []byte) (convert.Result, error) {
		return p.pipe.Convert(format, p.to, data)
	})
}

// validateRecord appends to dst the units of one record validated: one, or
// one per record of a container document.
func (p *processor) validateRecord(dst []unit, rec rawRecord) []unit {
	return p.each(dst, rec, p.pipe.Validate)
}

func (p *processor) each(dst []unit, rec rawRecord, do func(format string, data []byte) (convert.Result, error)) []unit {
	format, u, rejected := p.prepare(rec)
	if rejected {
		return append(dst, u)
	}
	recs, at, container := p.records(format, rec.data)
	if !container {
		recs, at = [][]byte{rec.data}, nil
	}
	for k, data := range recs {
		res, err := do(format, data)
		if err != nil {
			// Only an unknown format name fails, and names are checked
			// before any record is read.
			dst = append(dst, p.failed(rec.num, validate.CodeInvalidFormat, validate.Params{"format": p.known}))
			continue
		}
		if at != nil {
			res = res.Prefix(at[k])
		}
		dst = append(dst, unit{record: rec.num, res: res})
	}
	return dst
}

// records splits a container document of format into its records, as
// Pipeline.Records does; container is false for a single record.
func (p *processor) records(format string, data []byte) (recs [][]byte, at []validate.Pointer, container bool) {
	if conv, ok := p.reg.Lookup(format); ok {
		if l, ok := conv.(convert.Lister); ok {
			return l.Records(data)
		}
	}
	return nil, nil, false
}

// detectRecord appends to dst the unit of one record with its detected
// format.
func (p *processor) detectRecord(dst []unit, rec rawRecord) []unit {
	u := unit{record: rec.num}
	switch {
	case rec.tooLarge:
		u.reason = fmt.Sprintf("larger than %d bytes", maxRecordBytes)
	case rec.broken:
		u.reason = "not valid JSON"
	default:
		u.format, u.reason = p.detect(rec.data)
	}
	u.res.OK = u.format != ""
	return append(dst, u)
}

// A sink writes accepted records in the framing of the input: one per line
// for NDJSON, indented documents for indented ones, a JSON array for an
// array.
type sink struct {
	w    *bufio.Writer
	mode framing
	n    int
	buf  bytes.Buffer
}

func newSink(mode framing, w *bufio.Writer) *sink { return &sink{w: w, mode: mode} }

func (s *sink) write(doc []byte) error {
	s.buf.Reset()
	var err error
	switch s.mode {
	case framingArray:
		if s.n == 0 {
			s.buf.WriteString("[\n")
		} else {
			s.buf.WriteString(",\n")
		}
		err = compactInto(&s.buf, doc)
	case framingDocuments:
		err = json.Indent(&s.buf, doc, "", "  ")
		s.buf.WriteByte('\n')
	default:
		err = compactInto(&s.buf, doc)
		s.buf.WriteByte('\n')
	}
	if err != nil {
		return fmt.Errorf("output of the library is not JSON: %w", err)
	}
	s.n++
	_, err = s.w.Write(s.buf.Bytes())
	return err
}

// end closes the array of array framing.
func (s *sink) end() error {
	if s.mode != framingArray {
		return nil
	}
	var err error
	if s.n == 0 {
		_, err = s.w.WriteString("[]\n")
	} else {
		_, err = s.w.WriteString("\n]\n")
	}
	return err
}

// compactInto appends doc to b on one line.
func compactInto(b *bytes.Buffer, doc []byte) error {
	if bytes.IndexByte(doc, '\n') < 0 {
		b.Write(doc)
		return nil
	}
	return json.Compact(b, doc)
}

// Progress line on a terminal.
const (
	progressAfter = 100_000     // records before the first progress line
	progressEvery = time.Second // between refreshes
)

// progress shows a progress line on standard error when that is a terminal
// and the input is large.
type progress struct {
	w     io.Writer
	on    bool
	last  time.Time
	shown bool
}

func newProgress(w io.Writer) *progress {
	p := &progress{w: w}
	if f, ok := w.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
			p.on = true
			p.last = time.Now()
		}
	}
	return p
}

// tick notes that n records are done.
func (p *progress) tick(n int) {
	if !p.on || n < progressAfter || n%1024 != 0 {
		return
	}
	if now := time.Now(); now.Sub(p.last) >= progressEvery {
		p.last = now
		p.shown = true
		fmt.Fprintf(p.w, "\rcustnorm: %d records…", n)
	}
}

// done clears the progress line.
func (p *progress) done() {
	if p.shown {
		fmt.Fprint(p.w, "\r\033[K")
	}
}
