package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"

	"github.com/custnorm/custnorm/convert"
	"github.com/custnorm/custnorm/schema"
	"github.com/custnorm/custnorm/validate"
)

func main() {
	stop := tuneGC(os.LookupEnv)
	status := run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(status)
}

// Exit statuses.
const (
	exitOK       = 0 // every record accepted
	exitRejected = 1 // at least one record rejected
	exitUsage    = 2 // usage error, unknown format, unreadable input
)

// autoFormat is the --from (and --as) value that detects each record's
// format.
const autoFormat = "auto"

// run is the whole program: it parses args (without the program name),
// reads stdin when no file is named, and returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	c := &cli{stdin: stdin, stdout: stdout, stderr: stderr, reg: convert.Builtin(), schemas: schema.New()}
	if len(args) == 0 {
		fmt.Fprint(stderr, usageMain)
		return exitUsage
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "convert":
		return c.convert(rest)
	case "validate":
		return c.validate(rest)
	case "detect":
		return c.detect(rest)
	case "schema":
		return c.schema(rest)
	case "formats":
		return c.formats(rest)
	case "gen":
		return c.gen(rest)
	case "demo":
		return c.demo(rest)
	case "help", "-h", "-help", "--help":
		if len(rest) > 0 && rest[0] != "help" && !strings.HasPrefix(rest[0], "-") {
			return run([]string{rest[0], "--help"}, stdin, stdout, stderr)
		}
		fmt.Fprint(stdout, usageMain)
		return exitOK
	}
	fmt.Fprintf(stderr, "custnorm: unknown command %q\n\n%s", cmd, usageMain)
	return exitUsage
}

// cli holds the streams and the registry of one run.
type cli struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	reg            *convert.Registry
	schemas        *schema.Set
}

// parse parses the flags of command name. When it returns ok false, the
// command ends with status code: 0 after --help (usage on stdout), 2 after
// a usage error (message and usage on stderr).
func (c *cli) parse(name string, fs *flag.FlagSet, usage string, args []string) (pos []string, code int, ok bool) {
	pos, err := parseArgs(fs, args)
	if err == nil {
		return pos, 0, true
	}
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(c.stdout, usage+flagDefaults(fs))
		return nil, exitOK, false
	}
	return nil, c.usageFail(name, fs, usage, err), false
}

// usageFail reports a usage error of command name and returns exit status 2.
func (c *cli) usageFail(name string, fs *flag.FlagSet, usage string, err error) int {
	msg := strings.TrimPrefix(err.Error(), errUsage.Error()+": ")
	defaults := ""
	if fs != nil {
		defaults = flagDefaults(fs)
	}
	fmt.Fprintf(c.stderr, "custnorm %s: %s\n\n%s%s", name, msg, usage, defaults)
	return exitUsage
}

// fail reports an error that is not a usage error (an unknown format,
// unreadable input) and returns exit status 2.
func (c *cli) fail(name string, err error) int {
	fmt.Fprintf(c.stderr, "custnorm %s: %v\n", name, err)
	return exitUsage
}

// format resolves a format name (case-insensitive); auto is accepted when
// allowAuto.
func (c *cli) format(name string, allowAuto bool) (string, error) {
	name = strings.ToLower(strings.TrimSpace(name))
	if allowAuto && name == autoFormat {
		return name, nil
	}
	if _, ok := c.reg.Lookup(name); !ok {
		return "", fmt.Errorf("unknown format %q; the formats are: %s", name, strings.Join(c.reg.Names(), ", "))
	}
	return name, nil
}

// options are the flags convert and validate share.
type options struct {
	region string
	lang   string
	strict bool
}

func (o *options) register(fs *flag.FlagSet) {
	fs.StringVar(&o.region, "region", "", "default `CC` (ISO 3166-1 alpha-2 or a country name) for phone numbers without a country prefix and addresses without a country")
	fs.StringVar(&o.lang, "lang", "en", "language `L` of messages and the summary: en, de or fr (others get English)")
	fs.BoolVar(&o.strict, "strict", false, "treat warnings as errors")
}

// pipeline checks the options and returns the pipeline they configure.
// With omitChanges the results list no changes, which spares the work:
// only convert's --report shows them.
func (o *options) pipeline(reg *convert.Registry, omitChanges bool) (*convert.Pipeline, error) {
	if o.region != "" {
		res := validate.NormalizeCountry(o.region)
		if !res.OK {
			return nil, usageError("--region %q is not a country", o.region)
		}
		o.region = res.Code
	}
	return reg.NewPipeline(convert.Options{Region: o.region, Lang: o.lang, Strict: o.strict, OmitChanges: omitChanges}), nil
}

// input returns the reader of the one FILE argument, or stdin.
func (c *cli) input(pos []string) (io.Reader, func(), error) {
	switch {
	case len(pos) > 1:
		return nil, nil, usageError("one FILE at most, got %d", len(pos))
	case len(pos) == 0 || pos[0] == "-":
		return c.stdin, func() {}, nil
	}
	f, err := os.Open(pos[0])
	if err != nil {
		return nil, nil, err
	}
	return f, func() { f.Close() }, nil
}

// stream holds what convert, validate and detect share: the framed input
// and the buffered outputs.
type stream struct {
	name  string
	fr    *framer
	close func()
	out   *bufio.Writer
	prog  *progress
	stats stats
}

// openStream opens the input named by pos and decides its framing. The exit
// status is set when it fails.
func (c *cli) openStream(name string, fs *flag.FlagSet, usage string, pos []string) (*stream, int, bool) {
	in, closeIn, err := c.input(pos)
	if err != nil {
		if errors.Is(err, errUsage) {
			return nil, c.usageFail(name, fs, usage, err), false
		}
		return nil, c.fail(name, err), false
	}
	fr, err := newFramer(in, maxRecordBytes)
	if err != nil {
		closeIn()
		return nil, c.fail(name, fmt.Errorf("reading the input: %w", err)), false
	}
	return &stream{
		name:  name,
		fr:    fr,
		close: closeIn,
		out:   bufio.NewWriterSize(c.stdout, 64<<10),
		prog:  newProgress(c.stderr),
	}, 0, true
}

// pump runs the stream's records through process, counting every unit
// before handing it to emit, and returns the exit status, 0 or 1 when all
// went well, 2 after an I/O error (reported).
func (c *cli) pump(s *stream, process func([]unit, rawRecord) []unit, emit func(unit) error, flush ...*bufio.Writer) (int, bool) {
	defer s.close()
	flushAll := func() error {
		for _, w := range append([]*bufio.Writer{s.out}, flush...) {
			if err := w.Flush(); err != nil {
				return err
			}
		}
		return nil
	}
	readErr, writeErr := pump(s.fr, runtime.GOMAXPROCS(0), process, func(u unit) error {
		s.stats.add(u)
		s.prog.tick(s.stats.read)
		return emit(u)
	}, flushAll)
	s.prog.done()
	if writeErr == nil {
		writeErr = flushAll()
	}
	switch {
	case readErr != nil:
		return c.fail(s.name, fmt.Errorf("reading the input: %w", readErr)), false
	case writeErr != nil:
		return c.fail(s.name, fmt.Errorf("writing: %w", writeErr)), false
	case s.stats.rejected > 0:
		return exitRejected, true
	}
	return exitOK, true
}

func (c *cli) convert(args []string) int {
	const name = "convert"
	fs := newFlagSet(name)
	from := fs.String("from", autoFormat, "format `F` of the input, or auto to detect it per record")
	to := fs.String("to", "", "format `T` of the output (required)")
	reportPath := fs.String("report", "", "write one NDJSON object per record (its issues and changes) to `FILE` instead of the summary")
	var o options
	o.register(fs)
	pos, code, ok := c.parse(name, fs, usageConvert, args)
	if !ok {
		return code
	}
	if *to == "" {
		return c.usageFail(name, fs, usageConvert, usageError("--to is required"))
	}
	fromFmt, err := c.format(*from, true)
	if err != nil {
		return c.fail(name, err)
	}
	toFmt, err := c.format(*to, false)
	if err != nil {
		return c.fail(name, err)
	}
	pipe, err := o.pipeline(c.reg, *reportPath == "")
	if err != nil {
		return c.usageFail(name, fs, usageConvert, err)
	}
	s, code, ok := c.openStream(name, fs, usageConvert, pos)
	if !ok {
		return code
	}
	var (
		report     *bufio.Writer
		reportFile *os.File
	)
	if *reportPath != "" {
		reportFile, err = os.Create(*reportPath)
		if err != nil {
			s.close()
			return c.fail(name, err)
		}
		defer reportFile.Close() // for the early returns; closed and checked below
		report = bufio.NewWriterSize(reportFile, 64<<10)
	}
	p := c.processor(pipe, o.lang, fromFmt)
	p.to = toFmt
	out := newSink(s.fr.mode, s.out)
	var repEnc *json.Encoder
	if report != nil {
		repEnc = json.NewEncoder(report)
		repEnc.SetEscapeHTML(false)
	}
	emit := func(u unit) error {
		if repEnc != nil {
			if err := repEnc.Encode(reportLine{Record: u.record, OK: u.res.OK, Issues: u.res.Issues, Changes: u.res.Changes}); err != nil {
				return fmt.Errorf("report: %w", err)
			}
		}
		if u.res.OK {
			return out.write(u.res.Output)
		}
		return nil
	}
	var flush []*bufio.Writer
	if report != nil {
		flush = append(flush, report)
	}
	status, ok := c.pump(s, p.convertRecord, emit, flush...)
	if !ok {
		return status
	}
	err = out.end()
	if err == nil {
		err = s.out.Flush()
	}
	if err == nil && reportFile != nil {
		err = reportFile.Close()
	}
	if err != nil {
		return c.fail(name, fmt.Errorf("writing: %w", err))
	}
	if report == nil {
		if err := writeSummary(c.stderr, name, validate.NewLocalizer(o.lang).Lang(), &s.stats, "--report FILE"); err != nil {
			return c.fail(name, err)
		}
	}
	return status
}

// reportLine is one line of convert's --report.
type reportLine struct {
	Record  int               `json:"record"`
	OK      bool              `json:"ok"`
	Issues  validate.Issues   `json:"issues"`
	Changes []validate.Change `json:"changes"`
}

// verdictLine is one line of validate --json.
type verdictLine struct {
	Record int             `json:"record"`
	Valid  bool            `json:"valid"`
	Issues validate.Issues `json:"issues"`
}

func (c *cli) validate(args []string) int {
	const name = "validate"
	fs := newFlagSet(name)
	as := fs.String("as", "", "format `F` of the records (required), or auto to detect it per record")
	jsonOut := fs.Bool("json", false, "print one NDJSON verdict per record to standard output instead of the summary")
	var o options
	o.register(fs)
	pos, code, ok := c.parse(name, fs, usageValidate, args)
	if !ok {
		return code
	}
	if *as == "" {
		return c.usageFail(name, fs, usageValidate, usageError("--as is required"))
	}
	format, err := c.format(*as, true)
	if err != nil {
		return c.fail(name, err)
	}
	pipe, err := o.pipeline(c.reg, true)
	if err != nil {
		return c.usageFail(name, fs, usageValidate, err)
	}
	s, code, ok := c.openStream(name, fs, usageValidate, pos)
	if !ok {
		return code
	}
	p := c.processor(pipe, o.lang, format)
	enc := json.NewEncoder(s.out)
	enc.SetEscapeHTML(false)
	emit := func(u unit) error {
		if *jsonOut {
			return enc.Encode(verdictLine{Record: u.record, Valid: u.res.OK, Issues: u.res.Issues})
		}
		return nil
	}
	status, ok := c.pump(s, p.validateRecord, emit)
	if !ok {
		return status
	}
	if !*jsonOut {
		if err := writeSummary(c.stderr, name, validate.NewLocalizer(o.lang).Lang(), &s.stats, "--json"); err != nil {
			return c.fail(name, err)
		}
	}
	return status
}

func (c *cli) detect(args []string) int {
	const name = "detect"
	fs := newFlagSet(name)
	pos, code, ok := c.parse(name, fs, usageDetect, args)
	if !ok {
		return code
	}
	s, code, ok := c.openStream(name, fs, usageDetect, pos)
	if !ok {
		return code
	}
	p := c.processor(nil, "", autoFormat)
	emit := func(u unit) error {
		f := u.format
		if f == "" {
			f = "unknown"
		}
		_, err := fmt.Fprintf(s.out, "%s\t%s\n", f, u.reason)
		return err
	}
	status, _ := c.pump(s, p.detectRecord, emit)
	return status
}

func (c *cli) schema(args []string) int {
	const name = "schema"
	fs := newFlagSet(name)
	pos, code, ok := c.parse(name, fs, usageSchema, args)
	if !ok {
		return code
	}
	if len(pos) != 1 {
		return c.usageFail(name, fs, usageSchema, usageError("one format name expected"))
	}
	format, err := c.format(pos[0], false)
	if err != nil {
		return c.fail(name, err)
	}
	text, ok := c.schemas.Schema(format)
	if !ok {
		return c.fail(name, fmt.Errorf("no schema for format %q", format))
	}
	if _, err := c.stdout.Write(text); err != nil {
		return c.fail(name, err)
	}
	return 0
}

func (c *cli) formats(args []string) int {
	const name = "formats"
	fs := newFlagSet(name)
	pos, code, ok := c.parse(name, fs, usageFormats, args)
	if !ok {
		return code
	}
	if len(pos) > 0 {
		return c.usageFail(name, fs, usageFormats, usageError("no arguments expected"))
	}
	for _, n := range c.reg.Names() {
		fmt.Fprintln(c.stdout, n)
	}
	return exitOK
}
