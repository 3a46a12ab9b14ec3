package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/custnorm/custnorm/convert"
	"github.com/custnorm/custnorm/schema"
	"github.com/custnorm/custnorm/validate"
)

func main() {
	ctx, stopSignals := notifySignals()
	stop := tuneGC(os.LookupEnv, rootFS())
	status := runContext(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	stopSignals()
	os.Exit(status)
}

// Exit statuses.
const (
	exitOK         = 0   // every record accepted
	exitRejected   = 1   // at least one record rejected
	exitUsage      = 2   // usage error, unknown format, unreadable input, a failed write
	exitBrokenPipe = 141 // an output's reader went away (128 + SIGPIPE)
	// SIGINT and SIGTERM end a run with 128 + the signal's number: 130
	// and 143 (see signalCause).
)

// notifySignals returns a context that is canceled, with a signalCause,
// on the first SIGINT or SIGTERM; a second one ends the process at once.
// It also takes SIGPIPE, so that a write to a standard output whose reader
// has gone returns an error (EPIPE) that ends the run like any broken
// output, instead of killing the process mid-record.
func notifySignals() (context.Context, func()) {
	ctx, cancel := context.WithCancelCause(context.Background())
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	signal.Notify(make(chan os.Signal, 1), syscall.SIGPIPE)
	done := make(chan struct{})
	go func() {
		first := true
		for {
			select {
			case sig := <-sigs:
				if !first {
					os.Exit(signalCause{sig}.status())
				}
				first = false
				cancel(signalCause{sig})
			case <-done:
				return
			}
		}
	}()
	return ctx, func() {
		signal.Stop(sigs)
		close(done)
		cancel(nil)
	}
}

// signalCause is the cause of a run's context canceled by a signal.
type signalCause struct{ sig os.Signal }

func (s signalCause) Error() string { return "stopped by " + s.sig.String() }

// status is the exit status for the signal: 128 + its number.
func (s signalCause) status() int {
	if n, ok := s.sig.(syscall.Signal); ok {
		return 128 + int(n)
	}
	return 128 + int(syscall.SIGINT)
}

// run is the whole program: it parses args (without the program name),
// reads stdin when no file is named, and returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return runContext(context.Background(), args, stdin, stdout, stderr)
}

// runContext is run with a context that a signal cancels.
func runContext(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return newCLI(stdin, stdout, stderr).run(ctx, args)
}

// newCLI returns a cli over the streams.
func newCLI(stdin io.Reader, stdout, stderr io.Writer) *cli {
	return &cli{stdin: stdin, stdout: stdout, stderr: stderr, reg: convert.Builtin(), schemas: schema.New()}
}

// run runs one command line (without the program name).
func (c *cli) run(ctx context.Context, args []string) int {
	stderr := c.stderr
	if len(args) == 0 {
		fmt.Fprint(stderr, usageMain)
		return exitUsage
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "convert":
		return c.convert(ctx, rest)
	case "validate":
		return c.validate(ctx, rest)
	case "detect":
		return c.detect(ctx, rest)
	case "schema":
		return c.schema(rest)
	case "formats":
		return c.formats(rest)
	case "gen":
		return c.gen(rest)
	case "demo":
		return c.demo(ctx, rest)
	case "--version", "-version", "version":
		return c.version(rest)
	case "help", "-h", "-help", "--help":
		if len(rest) > 0 && rest[0] != "help" && !strings.HasPrefix(rest[0], "-") {
			return c.run(ctx, []string{rest[0], "--help"})
		}
		return c.write("help", usageMain)
	}
	hint := ""
	if near := closest(cmd, commands); near != "" {
		hint = fmt.Sprintf(" (did you mean %q?)", near)
	}
	fmt.Fprintf(stderr, "custnorm: unknown command %q%s\n\n%s", cmd, hint, usageMain)
	return exitUsage
}

// commands are the command names, for suggestions.
var commands = []string{"convert", "validate", "detect", "schema", "formats", "gen", "demo", "help"}

// cli holds the streams and the registry of one run, and the pipeline of
// the last stream command (a cli that runs several command lines, as the
// fuzz target does, reuses it while the options stay the same: its schemas
// are compiled once).
type cli struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	reg            *convert.Registry
	schemas        *schema.Set
	lastKey        pipeKey
	lastPipe       *convert.Pipeline
}

// pipeKey is what makes two pipelines of the CLI differ.
type pipeKey struct {
	region, lang        string
	strict, omitChanges bool
	messages            *validate.Messages
}

// pipeline returns the pipeline of opt, reusing the last one when it has
// the same options.
func (c *cli) pipeline(opt convert.Options) *convert.Pipeline {
	key := pipeKey{opt.Region, opt.Lang, opt.Strict, opt.OmitChanges, opt.Messages}
	if c.lastPipe == nil || key != c.lastKey {
		c.lastKey, c.lastPipe = key, c.reg.NewPipeline(opt)
	}
	return c.lastPipe
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
		return nil, c.write(name, usage+flagDefaults(fs)), false
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
	if allowAuto && name == convert.AutoFormat {
		return name, nil
	}
	if _, ok := c.reg.Lookup(name); !ok {
		hint := ""
		if near := closest(name, c.reg.Names()); near != "" {
			hint = fmt.Sprintf(" (did you mean %q?)", near)
		}
		return "", fmt.Errorf("unknown format %q%s; the formats are: %s", name, hint, strings.Join(c.reg.Names(), ", "))
	}
	return name, nil
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
		return c.fail(name, fmt.Errorf("writing: %w", err))
	}
	return exitOK
}

func (c *cli) formats(args []string) int {
	return c.print("formats", usageFormats, args, func() string { return strings.Join(c.reg.Names(), "\n") + "\n" })
}

// print runs a command that takes no arguments but --help and writes the
// text text returns.
func (c *cli) print(name, usage string, args []string, text func() string) int {
	fs := newFlagSet(name)
	pos, code, ok := c.parse(name, fs, usage, args)
	if !ok {
		return code
	}
	if len(pos) > 0 {
		return c.usageFail(name, fs, usage, usageError("no arguments expected"))
	}
	return c.write(name, text())
}

// write writes text to standard output; a failed write (a full disk,
// /dev/full, a closed pipe) is reported, exit status 2.
func (c *cli) write(name, text string) int {
	if _, err := io.WriteString(c.stdout, text); err != nil {
		return c.fail(name, fmt.Errorf("writing: %w", err))
	}
	return exitOK
}
