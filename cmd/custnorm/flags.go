package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// errUsage marks errors in how the command was called (exit status 2 with
// the usage text).
var errUsage = errors.New("usage")

// usageError returns an error wrapping errUsage with a message.
func usageError(format string, args ...any) error {
	return fmt.Errorf("%w: %s", errUsage, fmt.Sprintf(format, args...))
}

// parseArgs parses args with fs, allowing flags after positional arguments
// ("custnorm validate --as stancer file.json --json"): Go's flag package
// stops at the first non-flag, so parsing resumes after each one. An
// argument "--" ends the flags; everything after it is positional. It
// returns the positional arguments in order.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		// fs.Parse consumed a "--" terminator if it saw one: then all of
		// rest is positional.
		if consumed := len(args) - len(rest); consumed > 0 && args[consumed-1] == "--" {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// newFlagSet returns a flag set that reports errors to the caller rather
// than printing or exiting, with usage as its help text.
func newFlagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs
}

// flagDefaults returns the flag descriptions of fs as flag.PrintDefaults
// writes them, but with the double dash the usage texts use for long
// names ("--from F", "-n N").
func flagDefaults(fs *flag.FlagSet) string {
	var b strings.Builder
	fs.VisitAll(func(f *flag.Flag) {
		dash := "--"
		if len(f.Name) == 1 {
			dash = "-"
		}
		arg, usage := flag.UnquoteUsage(f)
		b.WriteString("  " + dash + f.Name)
		if arg != "" {
			b.WriteString(" " + arg)
		}
		b.WriteString("\n    \t" + strings.ReplaceAll(usage, "\n", "\n    \t"))
		switch _, numErr := strconv.ParseFloat(f.DefValue, 64); {
		case f.DefValue == "" || f.DefValue == "false" || f.DefValue == "0":
		case numErr == nil:
			b.WriteString(" (default " + f.DefValue + ")")
		default:
			fmt.Fprintf(&b, " (default %q)", f.DefValue)
		}
		b.WriteByte('\n')
	})
	return b.String()
}
