package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"syscall"

	"github.com/custnorm/custnorm/convert"
	"github.com/custnorm/custnorm/validate"
)

// streamFlags are the flags convert and validate share.
type streamFlags struct {
	region, lang string
	strict       bool
	output       string // -o
	rejects      string
	report       string
	summary      string // text or json
	quiet        bool
	jobs         int
	messagesFile string
	// messages is the catalog read from messagesFile (check reads it).
	messages *validate.Messages
}

func (o *streamFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&o.region, "region", "", "default `CC` (ISO 3166-1 alpha-2 or a country name) for phone numbers without a country prefix and addresses without a country")
	fs.StringVar(&o.lang, "lang", "en", "language `L` of messages and the summary (BCP 47): "+languageList(nil))
	fs.BoolVar(&o.strict, "strict", false, "treat warnings as errors")
	fs.StringVar(&o.output, "o", "", "write the output to `FILE` instead of standard output")
	fs.StringVar(&o.rejects, "rejects", "", "write every rejected input record verbatim to `FILE`, one NDJSON line each, to fix and replay")
	fs.StringVar(&o.report, "report", "", "write one NDJSON object per record (its number, input line, issues and changes) to `FILE` instead of the summary")
	fs.StringVar(&o.summary, "summary", "text", "`form` of the summary on standard error: text, or json (one object: the counts and the count per issue code)")
	fs.BoolVar(&o.quiet, "quiet", false, "print nothing on standard error but errors: the issues of rejected records and failures")
	fs.IntVar(&o.jobs, "j", 0, "number `N` of records converted at once (default: the number of CPUs custnorm may use)")
	fs.StringVar(&o.messagesFile, "messages", "", "read messages from the JSON catalog `FILE` that add a language or override messages of one, as {\"pt\": {\"too_long\": \"deve ter no máximo {max} caracteres\"}}; a code it lacks gets the English message")
}

// check checks the flags' values; the error is a usage error.
func (o *streamFlags) check() error {
	switch {
	case o.summary != "text" && o.summary != "json":
		return usageError("--summary must be text or json, not %q", o.summary)
	case o.jobs < 0:
		return usageError("-j must not be negative")
	}
	if o.messagesFile != "" {
		data, err := os.ReadFile(o.messagesFile)
		if err != nil {
			return usageError("--messages: %v", err)
		}
		if o.messages, err = validate.ParseMessages(data); err != nil {
			return usageError("--messages %s: %v", o.messagesFile, err)
		}
	}
	if !supportedLanguage(o.lang, o.messages) {
		return usageError("--lang %q is not a supported language; the languages are: %s", o.lang, languageList(o.messages))
	}
	if o.region != "" {
		res := validate.NormalizeCountry(o.region)
		if !res.OK {
			return usageError("--region %q is not a country", o.region)
		}
		o.region = res.Code
	}
	return nil
}

// A job is one run of convert, validate or detect over a stream.
type job struct {
	name  string
	flags *streamFlags
	// from and to name the formats (to "" validates); verdicts makes
	// validate print one NDJSON verdict per record (--json); detect
	// prints each record's format instead.
	from, to string
	verdicts bool
	detect   bool
}

// runJob runs j over the input named by pos and returns the exit status.
func (c *cli) runJob(ctx context.Context, j job, fs *flag.FlagSet, usage string, pos []string) int {
	f := j.flags
	if len(pos) > 1 {
		return c.usageFail(j.name, fs, usage, usageError("one FILE at most, got %d", len(pos)))
	}
	inPath := ""
	if len(pos) == 1 && pos[0] != "-" {
		inPath = pos[0]
	}
	// Every file the run touches, checked before anything is opened for
	// writing.
	eps := []endpoint{{name: "the input", path: inPath, std: c.stdin}}
	if f.output == "" {
		eps = append(eps, endpoint{name: "standard output", std: c.stdout})
	}
	for _, o := range []struct{ flag, path string }{{"-o", f.output}, {"--report", f.report}, {"--rejects", f.rejects}} {
		if o.path != "" {
			eps = append(eps, endpoint{name: o.flag + " " + o.path, path: o.path})
		}
	}
	if err := checkDistinct(eps); err != nil {
		return c.usageFail(j.name, fs, usage, err)
	}
	in, closeIn, err := openInput(inPath, c.stdin)
	if err != nil {
		return c.fail(j.name, err)
	}
	defer closeIn()

	outs := &outputs{}
	defer outs.closeAll()
	stdout := c.stdout
	if f.output != "" {
		if stdout, err = outs.create(f.output); err != nil {
			return c.fail(j.name, err)
		}
	}
	var report, rejects *bufio.Writer
	if f.report != "" {
		w, err := outs.create(f.report)
		if err != nil {
			return c.fail(j.name, err)
		}
		report = outs.buffer(w)
	}
	if f.rejects != "" {
		w, err := outs.create(f.rejects)
		if err != nil {
			return c.fail(j.name, err)
		}
		rejects = outs.buffer(w)
	}

	// The library's output: converted records for convert; for validate
	// and detect, standard output carries lines the Record callback writes.
	var libOut io.Writer
	var lines *bufio.Writer
	if j.to != "" {
		libOut = stdout
	} else {
		lines = outs.buffer(stdout)
	}

	pipe := c.pipeline(convert.Options{Region: f.region, Lang: f.lang, Messages: f.messages, Strict: f.strict, OmitChanges: report == nil})
	lang := validate.NewLocalizer(f.lang, validate.WithMessages(f.messages)).Lang()
	st := &stats{codes: map[validate.Code]int{}}
	prog := newProgress(c.stderr)
	unknown := 0
	var repEnc, lineEnc *json.Encoder
	if report != nil {
		repEnc = json.NewEncoder(report)
		repEnc.SetEscapeHTML(false)
	}
	if lines != nil {
		lineEnc = json.NewEncoder(lines)
		lineEnc.SetEscapeHTML(false)
	}
	record := func(r *convert.StreamRecord) error {
		st.add(r)
		prog.tick(st.read)
		if repEnc != nil {
			if err := repEnc.Encode(reportLine{Record: r.Number, Line: r.Line, OK: r.Result.OK, Issues: r.Result.Issues, Changes: r.Result.Changes}); err != nil {
				return fmt.Errorf("--report: %w", err)
			}
		}
		if rejects != nil && !r.Result.OK {
			if err := writeReject(rejects, r.Input); err != nil {
				return fmt.Errorf("--rejects: %w", err)
			}
		}
		switch {
		case j.detect:
			format := r.Format
			if format == "" {
				format = "unknown"
				unknown++
			}
			_, err := fmt.Fprintf(lines, "%s\t%s\n", format, r.FormatReason)
			return err
		case j.verdicts:
			return lineEnc.Encode(verdictLine{Record: r.Number, Line: r.Line, Valid: r.Result.OK, Issues: r.Result.Issues})
		}
		return nil
	}
	_, err = pipe.Stream(ctx, in, libOut, convert.StreamOptions{
		From: j.from, To: j.to, Detector: c.schemas, Workers: f.jobs, Record: record, Flush: outs.flush,
	})
	prog.done()
	if err == nil {
		err = outs.closeAll()
	} else {
		outs.closeAll() // what was written stays, up to the last whole record
	}

	status := exitOK
	switch {
	case err == nil && j.detect && unknown > 0, err == nil && !j.detect && st.rejected > 0:
		status = exitRejected
	case err == nil:
	case errors.As(err, new(signalCause)):
		var sc signalCause
		errors.As(err, &sc)
		status = sc.status()
		fmt.Fprintf(c.stderr, "custnorm %s: stopped by %v after %d records (%d accepted, %d rejected); every output ends at a whole record\n", j.name, sc.sig, st.read, st.ok, st.rejected)
	case errors.Is(err, syscall.EPIPE):
		status = exitBrokenPipe
		fmt.Fprintf(c.stderr, "custnorm %s: an output was closed by its reader (broken pipe) after %d records; the other outputs end at a whole record\n", j.name, st.read)
	default:
		return c.fail(j.name, err)
	}
	if j.detect {
		return status
	}
	all := "--report FILE"
	if j.verdicts {
		all = "--json"
	}
	var serr error
	switch {
	case f.summary == "json":
		serr = writeSummaryJSON(c.stderr, j.name, st, status)
	case f.quiet:
		serr = writeErrors(c.stderr, lang, st)
	case report == nil && !j.verdicts:
		serr = writeSummary(c.stderr, j.name, lang, st, all)
	}
	if serr != nil && status < exitUsage {
		return c.fail(j.name, serr)
	}
	return status
}

// reportLine is one line of --report.
type reportLine struct {
	Record  int               `json:"record"`
	Line    int               `json:"line"`
	OK      bool              `json:"ok"`
	Issues  validate.Issues   `json:"issues"`
	Changes []validate.Change `json:"changes"`
}

// verdictLine is one line of validate --json.
type verdictLine struct {
	Record int             `json:"record"`
	Line   int             `json:"line"`
	Valid  bool            `json:"valid"`
	Issues validate.Issues `json:"issues"`
}

// writeReject writes a rejected record's text as one NDJSON line: compacted
// onto one line when it is JSON (only white space between tokens is
// removed), else with its line breaks made spaces (in text that is not JSON,
// a raw line break cannot be inside a valid string). A record over the size
// limit was never held, so it has no text: it is not written, and the report
// and the summary list it.
func writeReject(w *bufio.Writer, text []byte) error {
	if text == nil {
		return nil
	}
	if bytes.IndexByte(text, '\n') < 0 && bytes.IndexByte(text, '\r') < 0 {
		w.Write(text)
		return w.WriteByte('\n')
	}
	var b bytes.Buffer
	if json.Compact(&b, text) != nil {
		b.Reset()
		b.Write(bytes.Map(func(r rune) rune {
			if r == '\n' || r == '\r' {
				return ' '
			}
			return r
		}, text))
	}
	w.Write(b.Bytes())
	return w.WriteByte('\n')
}

// outputs are the files and buffers a job writes.
type outputs struct {
	files   []*os.File
	buffers []*bufio.Writer
	closed  bool
}

func (o *outputs) create(path string) (*os.File, error) {
	f, err := createOutput(path)
	if err != nil {
		return nil, err
	}
	o.files = append(o.files, f)
	return f, nil
}

func (o *outputs) buffer(w io.Writer) *bufio.Writer {
	b := bufio.NewWriterSize(w, 64<<10)
	o.buffers = append(o.buffers, b)
	return b
}

// flush flushes every buffer; it is the stream's Flush, so the outputs end
// at the same record.
func (o *outputs) flush() error {
	var first error
	for _, b := range o.buffers {
		if err := b.Flush(); err != nil && first == nil {
			first = err
		}
	}
	return first
}

// closeAll flushes the buffers and closes the files, once; the error is
// the first.
func (o *outputs) closeAll() error {
	if o.closed {
		return nil
	}
	o.closed = true
	first := o.flush()
	for _, f := range o.files {
		if err := f.Close(); err != nil && first == nil {
			first = err
		}
	}
	if first != nil {
		return &convert.StreamError{Op: "write", Err: first}
	}
	return nil
}

func (c *cli) convert(ctx context.Context, args []string) int {
	const name = "convert"
	fs := newFlagSet(name)
	from := fs.String("from", convert.AutoFormat, "format `F` of the input, or auto to detect it per record")
	to := fs.String("to", "", "format `T` of the output (required)")
	var f streamFlags
	f.register(fs)
	pos, code, ok := c.parse(name, fs, usageConvert, args)
	if !ok {
		return code
	}
	if *to == "" {
		return c.usageFail(name, fs, usageConvert, usageError("--to is required"))
	}
	if err := f.check(); err != nil {
		return c.usageFail(name, fs, usageConvert, err)
	}
	fromFmt, err := c.format(*from, true)
	if err != nil {
		return c.fail(name, err)
	}
	toFmt, err := c.format(*to, false)
	if err != nil {
		return c.fail(name, err)
	}
	return c.runJob(ctx, job{name: name, flags: &f, from: fromFmt, to: toFmt}, fs, usageConvert, pos)
}

func (c *cli) validate(ctx context.Context, args []string) int {
	const name = "validate"
	fs := newFlagSet(name)
	as := fs.String("as", "", "format `F` of the records (required), or auto to detect it per record")
	jsonOut := fs.Bool("json", false, "print one NDJSON verdict per record to the output instead of the summary")
	var f streamFlags
	f.register(fs)
	pos, code, ok := c.parse(name, fs, usageValidate, args)
	if !ok {
		return code
	}
	if *as == "" {
		return c.usageFail(name, fs, usageValidate, usageError("--as is required"))
	}
	if err := f.check(); err != nil {
		return c.usageFail(name, fs, usageValidate, err)
	}
	format, err := c.format(*as, true)
	if err != nil {
		return c.fail(name, err)
	}
	return c.runJob(ctx, job{name: name, flags: &f, from: format, verdicts: *jsonOut}, fs, usageValidate, pos)
}

func (c *cli) detect(ctx context.Context, args []string) int {
	const name = "detect"
	fs := newFlagSet(name)
	pos, code, ok := c.parse(name, fs, usageDetect, args)
	if !ok {
		return code
	}
	f := streamFlags{lang: "en", summary: "text"}
	return c.runJob(ctx, job{name: name, flags: &f, from: convert.AutoFormat, detect: true}, fs, usageDetect, pos)
}
