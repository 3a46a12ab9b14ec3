package main

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

func TestProgress(t *testing.T) {
	var buf bytes.Buffer
	if p := newProgress(&buf); p.on {
		t.Fatal("progress on for a buffer")
	}
	p := &progress{w: &buf, on: true}
	for n := 1; n <= progressAfter+2048; n++ {
		p.tick(n)
	}
	if got := buf.String(); got != fmt.Sprintf("\rcustnorm: %d records…", 98*1024) {
		t.Errorf("progress wrote %q", got)
	}
	p.done()
	if !strings.HasSuffix(buf.String(), "\r\033[K") {
		t.Errorf("done did not clear the line: %q", buf.String())
	}
}
