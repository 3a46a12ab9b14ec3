package main

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// An endpoint is one file a run reads or writes: the input, standard
// output, or an output named by a flag.
type endpoint struct {
	// name says which it is in messages: "the input", "-o", "--report" …
	name string
	// path is the file's name as given; "" for a standard stream.
	path string
	// std is the standard stream, when path is "" (it may be something
	// other than a file: the tests pass buffers).
	std any
}

// stat returns the file's info, or nil when there is none (a path that
// does not exist yet, a stream that is not a file).
func (e endpoint) stat() os.FileInfo {
	if e.path != "" {
		fi, err := os.Stat(e.path)
		if err != nil {
			return nil
		}
		return fi
	}
	if f, ok := e.std.(*os.File); ok {
		if fi, err := f.Stat(); err == nil {
			return fi
		}
	}
	return nil
}

// checkDistinct fails with a usage error when two endpoints are the same
// file: the same path (after making it absolute and cleaning it), or the
// same device and inode. Writing an output over the input would destroy the
// input (and, with the input growing as it is read, fill the disk); two
// outputs in one file would interleave. Character devices (/dev/null, a
// terminal) may be named more than once. It runs before anything is opened
// for writing.
func checkDistinct(eps []endpoint) error {
	type resolved struct {
		endpoint
		abs string
		fi  os.FileInfo
	}
	rs := make([]resolved, 0, len(eps))
	for _, e := range eps {
		r := resolved{endpoint: e, fi: e.stat()}
		if e.path != "" {
			if abs, err := filepath.Abs(e.path); err == nil {
				r.abs = abs
			}
		}
		rs = append(rs, r)
	}
	for i, a := range rs {
		for _, b := range rs[i+1:] {
			same := a.abs != "" && a.abs == b.abs || a.fi != nil && b.fi != nil && os.SameFile(a.fi, b.fi)
			charDevice := a.fi != nil && a.fi.Mode()&os.ModeCharDevice != 0
			if same && !charDevice {
				return usageError("%s and %s are the same file: an output must not be the input or another output", a.name, b.name)
			}
		}
	}
	return nil
}

// createOutput opens the output file path for writing only (a FIFO or
// process substitution then sees its reader leave as a broken pipe, which
// ends the run, instead of custnorm holding a read end of its own),
// creating or truncating it.
func createOutput(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o666)
}

// gzipMagic starts every gzip stream (RFC 1952).
var gzipMagic = [2]byte{0x1f, 0x8b}

// openInput returns the reader of the input: the file path, or stdin when
// path is "" or "-", decompressed when it starts with gzip's magic bytes.
// close releases it.
func openInput(path string, stdin io.Reader) (r io.Reader, close func(), err error) {
	close = func() {}
	r = stdin
	if path != "" && path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return nil, nil, err
		}
		r, close = f, func() { f.Close() }
	}
	br := bufio.NewReaderSize(r, 64<<10)
	if head, err := br.Peek(2); err == nil && head[0] == gzipMagic[0] && head[1] == gzipMagic[1] {
		zr, err := gzip.NewReader(br)
		if err != nil {
			close()
			return nil, nil, fmt.Errorf("reading the gzip input: %w", err)
		}
		inner := close
		return zr, func() { zr.Close(); inner() }, nil
	}
	return br, close, nil
}
