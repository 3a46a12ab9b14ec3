package main

import (
	"bufio"
	"fmt"

	"github.com/custnorm/custnorm/internal/synth"
)

func (c *cli) gen(args []string) int {
	const name = "gen"
	fs := newFlagSet(name)
	format := fs.String("format", "", "format `F` of the records (required)")
	n := fs.Int("n", 10, "number `N` of records")
	seed := fs.Uint64("seed", 1, "seed `S` of the pseudo-random generator; the same seed gives the same records")
	badRate := fs.Float64("bad-rate", 0, "share `R` (0 to 1) of records with a deliberate error")
	pos, code, ok := c.parse(name, fs, usageGen, args)
	if !ok {
		return code
	}
	switch {
	case len(pos) > 0:
		return c.usageFail(name, fs, usageGen, usageError("no arguments expected"))
	case *format == "":
		return c.usageFail(name, fs, usageGen, usageError("--format is required"))
	case *n < 0:
		return c.usageFail(name, fs, usageGen, usageError("-n must not be negative"))
	case !(*badRate >= 0 && *badRate <= 1):
		return c.usageFail(name, fs, usageGen, usageError("--bad-rate must be between 0 and 1"))
	}
	f, err := c.format(*format, false)
	if err != nil {
		return c.fail(name, err)
	}
	conv, _ := c.reg.Lookup(f)
	out := bufio.NewWriterSize(c.stdout, 64<<10)
	if err := synth.Write(out, conv, *n, *seed, *badRate); err != nil {
		return c.fail(name, err)
	}
	if err := out.Flush(); err != nil {
		return c.fail(name, fmt.Errorf("writing: %w", err))
	}
	return exitOK
}
