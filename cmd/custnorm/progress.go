package main

import (
	"fmt"
	"io"
	"os"
	"time"
)

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
