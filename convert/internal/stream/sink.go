package stream

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
)

// A Sink writes documents in the framing of the input they came from: one
// per line for NDJSON (and for an empty input), indented documents for
// indented ones, a JSON array for an array.
type Sink struct {
	w    *bufio.Writer
	mode Framing
	n    int
	buf  bytes.Buffer
}

// NewSink returns a sink writing to w in the framing mode.
func NewSink(mode Framing, w *bufio.Writer) *Sink { return &Sink{w: w, mode: mode} }

// Write writes one document.
func (s *Sink) Write(doc []byte) error {
	s.buf.Reset()
	var err error
	switch s.mode {
	case Array:
		if s.n == 0 {
			s.buf.WriteString("[\n")
		} else {
			s.buf.WriteString(",\n")
		}
		err = compactInto(&s.buf, doc)
	case Documents:
		err = json.Indent(&s.buf, doc, "", "  ")
		s.buf.WriteByte('\n')
	default:
		err = compactInto(&s.buf, doc)
		s.buf.WriteByte('\n')
	}
	if err != nil {
		return fmt.Errorf("the document to write is not JSON: %w", err)
	}
	s.n++
	_, err = s.w.Write(s.buf.Bytes())
	return err
}

// End closes the array of array framing; the other framings need no end.
func (s *Sink) End() error {
	if s.mode != Array {
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
