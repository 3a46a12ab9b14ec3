package stream

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// readerSlack is what the input buffer holds beyond maxRecordBytes, so that
// Framing can look at a whole record of the maximum size plus its
// surroundings.
const readerSlack = 64 << 10

// Framing is how the records of an input are laid out.
type Framing int

// List of values that Framing can take.
const (
	// Empty: nothing but white space.
	Empty Framing = iota
	// Lines: NDJSON, one record per line; a single document on one
	// line is the one-record case.
	Lines
	// Documents: one JSON document spread over several lines
	// (pretty-printed), or several such documents one after another.
	Documents
	// Array: a JSON array whose elements are the records.
	Array
)

func (f Framing) String() string {
	switch f {
	case Lines:
		return "lines"
	case Documents:
		return "documents"
	case Array:
		return "array"
	}
	return "empty"
}

// A Raw is one record as the framer cut it from the input.
type Raw struct {
	// Num is the 1-based record number.
	Num int
	// Line is the 1-based line of the input where the record starts.
	Line int
	// Data is the record's JSON text, trimmed; nil when TooLarge.
	Data []byte
	// TooLarge: the record is over the framer's maximum; its bytes were
	// skipped.
	TooLarge bool
	// Broken: the input's framing is broken here (an unterminated value,
	// a stray character between array elements); the record is invalid
	// JSON.
	Broken bool
}

// A Framer cuts an input stream into records, holding at most one record of
// at most the maximum size (plus its buffer) in memory at a time. It is used
// by a single goroutine.
type Framer struct {
	r    *bufio.Reader
	max  int
	mode Framing
	n    int // records returned so far

	// Array framing state.
	arrDone  bool // the closing bracket (or a framing error) was seen
	arrFirst bool // no element read yet
	// done: no more records (after a framing error or at the end).
	done bool
	// line counts the newlines consumed so far.
	line int
	// arena is the block that lines are copied into (see copyLine).
	arena []byte
}

// Mode returns the framing of the input.
func (f *Framer) Mode() Framing { return f.mode }

// lineArena is the size of the blocks that lines of NDJSON are copied into:
// one allocation for a couple of hundred records instead of one each. A
// block stays in memory while any of its records is in flight, which the
// flight budget's per-record overhead more than covers.
const lineArena = 64 << 10

// copyLine returns a copy of b that the next reads of the input do not
// overwrite: a short line goes into the current block.
func (f *Framer) copyLine(b []byte) []byte {
	if len(b) > lineArena/8 {
		return append([]byte(nil), b...)
	}
	if cap(f.arena)-len(f.arena) < len(b) {
		f.arena = make([]byte, 0, lineArena)
	}
	start := len(f.arena)
	f.arena = append(f.arena, b...)
	return f.arena[start:len(f.arena):len(f.arena)]
}

const utf8BOM = "\xEF\xBB\xBF"

var newline = []byte{'\n'}

// NewFramer reads the start of in to decide its Framing: a first non-space
// byte '[' is an array of records; '{' starting a complete, valid JSON
// value that spans several lines (within the maximum size) is a document
// (several may follow each other); anything else is NDJSON. Deciding never
// reads more than is needed to tell, so a slow producer on a pipe is not
// waited for beyond its first line.
func NewFramer(in io.Reader, max int) (*Framer, error) {
	f := &Framer{r: bufio.NewReaderSize(in, max+readerSlack), max: max, arrFirst: true}
	// The mark is looked for only after a first byte that starts it: a
	// first line shorter than the mark (a broken record "1") must not wait
	// for more input.
	if b, err := f.r.Peek(1); err == nil && b[0] == utf8BOM[0] {
		if b, err := f.r.Peek(len(utf8BOM)); err == nil && string(b) == utf8BOM {
			if _, err := f.r.Discard(len(utf8BOM)); err != nil {
				return nil, err
			}
		}
	}
	c, err := f.skipSpace()
	switch {
	case errors.Is(err, io.EOF):
		f.mode = Empty
		f.done = true
		return f, nil
	case err != nil:
		return nil, err
	}
	switch c {
	case '[':
		if _, err := f.r.Discard(1); err != nil {
			return nil, err
		}
		f.mode = Array
	case '{':
		mode, err := f.sniff()
		if err != nil {
			return nil, err
		}
		f.mode = mode
	default:
		f.mode = Lines
	}
	return f, nil
}

// sniff tells NDJSON from a multi-line document, for an input whose first
// byte is '{'. It looks at the buffered bytes only, reading more as needed,
// and consumes nothing.
func (f *Framer) sniff() (Framing, error) {
	var sc valueScanner
	firstNL := -1
	n := 0 // bytes of the buffer examined
	for {
		avail := f.r.Buffered()
		if n >= avail {
			if avail > f.max {
				// The first value (or line) is over the limit: whatever it
				// is, it is rejected; line Framing resynchronizes best.
				return Lines, nil
			}
			if _, err := f.r.Peek(avail + 1); err != nil {
				if errors.Is(err, io.EOF) {
					return Lines, nil
				}
				return 0, err
			}
			continue
		}
		win, err := f.r.Peek(avail)
		if err != nil {
			return 0, err
		}
		for ; n < len(win); n++ {
			c := win[n]
			if c == '\n' && firstNL < 0 {
				firstNL = n
				if json.Valid(win[:n]) {
					return Lines, nil
				}
			}
			if end, _ := sc.step(c); end {
				if firstNL >= 0 && json.Valid(win[:n+1]) {
					return Documents, nil
				}
				return Lines, nil
			}
		}
	}
}

// next returns the next record; ok is false at the end of the input. The
// error is an I/O error of the input (never a problem of the data).
func (f *Framer) Next() (rec Raw, ok bool, err error) {
	if f.done {
		return Raw{}, false, nil
	}
	switch f.mode {
	case Lines:
		rec, ok, err = f.nextLine()
	case Documents:
		rec, ok, err = f.nextDocument()
	case Array:
		rec, ok, err = f.nextElement()
	}
	if err != nil || !ok {
		f.done = true
		return Raw{}, false, err
	}
	f.n++
	rec.Num = f.n
	return rec, true, nil
}

// ready reports whether the next record can be cut from the bytes already
// buffered, without waiting for the input: in line Framing, when the buffer
// holds the end of the next line that is not blank. (Other framings say
// no: their records go one by one.)
func (f *Framer) Ready() bool {
	if f.done || f.mode != Lines {
		return false
	}
	win, err := f.r.Peek(f.r.Buffered())
	if err != nil {
		return false
	}
	for {
		end := bytes.IndexByte(win, '\n')
		if end < 0 {
			return false
		}
		if len(bytes.TrimSpace(win[:end])) > 0 {
			return true
		}
		win = win[end+1:]
	}
}

// nextLine reads lines up to the next one that is not blank.
func (f *Framer) nextLine() (Raw, bool, error) {
	for {
		start := f.line + 1
		line, tooLarge, blank, n, err := f.readLine()
		if err != nil && !errors.Is(err, io.EOF) {
			return Raw{}, false, err
		}
		if n == 0 && err != nil {
			return Raw{}, false, nil
		}
		if !blank {
			if tooLarge {
				return Raw{TooLarge: true, Line: start}, true, nil
			}
			return Raw{Data: line, Line: start}, true, nil
		}
		if err != nil {
			return Raw{}, false, nil
		}
	}
}

// readLine reads one line. It keeps at most max bytes of it (plus a little
// white space); the rest of a longer line is read and dropped. blank reports
// a line of white space only; n is the number of bytes read, the newline
// included.
func (f *Framer) readLine() (line []byte, tooLarge, blank bool, n int64, err error) {
	keep := f.max + 64 // room for white space around a record of the maximum size
	blank = true
	for {
		chunk, rerr := f.r.ReadSlice('\n')
		n += int64(len(chunk))
		if blank && len(bytes.TrimSpace(chunk)) > 0 {
			blank = false
		}
		if !tooLarge {
			if len(line)+len(chunk) > keep {
				tooLarge = true
				line = nil
			} else if line == nil && !errors.Is(rerr, bufio.ErrBufferFull) {
				line = f.copyLine(chunk) // the whole line came in one piece
			} else {
				line = append(line, chunk...)
			}
		}
		if errors.Is(rerr, bufio.ErrBufferFull) {
			continue
		}
		if rerr == nil {
			f.line++ // the chunk ends with the newline
		}
		if !tooLarge {
			line = bytes.TrimSpace(line)
			if len(line) > f.max {
				tooLarge = true
				line = nil
			}
		}
		return line, tooLarge, blank, n, rerr
	}
}

// nextDocument reads the next whole JSON value.
func (f *Framer) nextDocument() (Raw, bool, error) {
	if _, err := f.skipSpace(); err != nil {
		if errors.Is(err, io.EOF) {
			return Raw{}, false, nil
		}
		return Raw{}, false, err
	}
	start := f.line + 1
	v, err := f.readValue()
	if err != nil {
		return Raw{}, false, err
	}
	if !v.complete {
		f.done = true
		return Raw{Data: v.data, TooLarge: v.tooLarge, Broken: !v.tooLarge, Line: start}, true, nil
	}
	return Raw{Data: v.data, TooLarge: v.tooLarge, Line: start}, true, nil
}

// nextElement reads the next element of a top-level array. A break in the
// array's own syntax (a missing comma, an unterminated array, data after
// its end) becomes one broken record that stands for the rest of the
// input, which is then skipped.
func (f *Framer) nextElement() (Raw, bool, error) {
	if f.arrDone {
		return Raw{}, false, nil
	}
	c, err := f.skipSpace()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return f.brokenRest()
		}
		return Raw{}, false, err
	}
	if !f.arrFirst {
		switch c {
		case ']':
			return f.closeArray()
		case ',':
			if _, err := f.r.Discard(1); err != nil {
				return Raw{}, false, err
			}
			c, err = f.skipSpace()
			if err != nil {
				if errors.Is(err, io.EOF) {
					return f.brokenRest()
				}
				return Raw{}, false, err
			}
			if c == ']' {
				return f.brokenRest() // a trailing comma
			}
		default:
			return f.brokenRest()
		}
	} else if c == ']' {
		return f.closeArray()
	}
	f.arrFirst = false
	start := f.line + 1
	v, err := f.readValue()
	if err != nil {
		return Raw{}, false, err
	}
	if !v.complete {
		f.arrDone = true
		return Raw{Data: v.data, TooLarge: v.tooLarge, Broken: !v.tooLarge, Line: start}, true, nil
	}
	return Raw{Data: v.data, TooLarge: v.tooLarge, Line: start}, true, nil
}

// closeArray consumes the closing bracket and checks that only white space
// follows.
func (f *Framer) closeArray() (Raw, bool, error) {
	if _, err := f.r.Discard(1); err != nil {
		return Raw{}, false, err
	}
	f.arrDone = true
	if _, err := f.skipSpace(); err != nil {
		if errors.Is(err, io.EOF) {
			return Raw{}, false, nil
		}
		return Raw{}, false, err
	}
	return f.brokenRest()
}

// brokenRest skips the rest of the input and returns one broken record for
// it.
func (f *Framer) brokenRest() (Raw, bool, error) {
	f.arrDone = true
	start := f.line + 1
	if _, err := io.Copy(io.Discard, f.r); err != nil {
		return Raw{}, false, fmt.Errorf("skipping the rest of the input: %w", err)
	}
	return Raw{Broken: true, Line: start}, true, nil
}

// skipSpace discards JSON white space and returns the next byte without
// consuming it.
func (f *Framer) skipSpace() (byte, error) {
	r := f.r
	for {
		if r.Buffered() == 0 {
			if _, err := r.Peek(1); err != nil {
				return 0, err
			}
		}
		win, err := r.Peek(r.Buffered())
		if err != nil {
			return 0, err
		}
		for i, c := range win {
			if !isSpace(c) {
				f.line += bytes.Count(win[:i], newline)
				_, err := r.Discard(i)
				return c, err
			}
		}
		f.line += bytes.Count(win, newline)
		if _, err := r.Discard(len(win)); err != nil {
			return 0, err
		}
	}
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// scannedValue is one JSON value cut from a stream by readValue.
type scannedValue struct {
	data     []byte // nil when tooLarge
	tooLarge bool
	complete bool // false: the input ended inside the value
}

// readValue reads the JSON value that starts at the next byte of r (not
// white space). It finds the value's end without decoding it (see
// valueScanner), keeps at most max bytes and skips the rest.
func (f *Framer) readValue() (scannedValue, error) {
	r, max := f.r, f.max
	var (
		sc   valueScanner
		v    scannedValue
		size int
	)
	keep := func(b []byte) {
		size += len(b)
		if v.tooLarge {
			return
		}
		if size > max {
			v.tooLarge = true
			v.data = nil
			return
		}
		v.data = append(v.data, b...)
	}
	for {
		if r.Buffered() == 0 {
			if _, err := r.Peek(1); err != nil {
				if errors.Is(err, io.EOF) {
					// A scalar ends at the end of the input; a string, an
					// object or an array does not.
					v.complete = sc.kind == kindScalar
					return v, nil
				}
				return v, err
			}
		}
		win, err := r.Peek(r.Buffered())
		if err != nil {
			return v, err
		}
		n, ended := len(win), false
		for i, c := range win {
			if end, incl := sc.step(c); end {
				n, ended = i, true
				if incl {
					n = i + 1
				}
				break
			}
		}
		keep(win[:n])
		f.line += bytes.Count(win[:n], newline)
		if _, err := r.Discard(n); err != nil {
			return v, err
		}
		if ended {
			v.complete = true
			return v, nil
		}
	}
}

// Kinds of value a valueScanner is in.
const (
	kindNone      = 0
	kindContainer = '{'
	kindString    = '"'
	kindScalar    = 's'
)

// A valueScanner finds where a JSON value ends in a byte stream without
// decoding it or remembering its nesting (so its memory is constant):
// objects and arrays end when the count of open brackets outside strings
// drops to zero, strings at their closing quote, anything else (numbers,
// literals, garbage) before white space or a structural character. A
// structural character where a value should start is a value of its own.
// Whether the value is valid JSON is left to the decoder.
type valueScanner struct {
	kind     byte
	depth    int
	inString bool
	escape   bool
}

// step consumes c. end reports that the value has ended: with incl, c is
// its last byte; without, c is the first byte after it.
func (s *valueScanner) step(c byte) (end, incl bool) {
	switch s.kind {
	case kindNone:
		switch c {
		case '{', '[':
			s.kind, s.depth = kindContainer, 1
		case '"':
			s.kind, s.inString = kindString, true
		case '}', ']', ',', ':':
			return true, true
		default:
			s.kind = kindScalar
		}
		return false, false
	case kindScalar:
		switch c {
		case ' ', '\t', '\n', '\r', '{', '}', '[', ']', ',', ':', '"':
			return true, false
		}
		return false, false
	}
	if s.inString {
		switch {
		case s.escape:
			s.escape = false
		case c == '\\':
			s.escape = true
		case c == '"':
			s.inString = false
			if s.kind == kindString {
				return true, true
			}
		}
		return false, false
	}
	switch c {
	case '"':
		s.inString = true
	case '{', '[':
		s.depth++
	case '}', ']':
		s.depth--
		if s.depth == 0 {
			return true, true
		}
	}
	return false, false
}
