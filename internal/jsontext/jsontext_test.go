package jsontext_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/custnorm/custnorm/internal/jsontext"
)

// stdlibJSONString is what encoding/json writes for s: json.Marshal with
// escapeHTML, an Encoder with SetEscapeHTML(false) without.
func stdlibJSONString(t testing.TB, s string, escapeHTML bool) string {
	if escapeHTML {
		b, err := json.Marshal(s)
		if err != nil {
			t.Fatalf("json.Marshal(%q): %v", s, err)
		}
		return string(b)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		t.Fatalf("Encode(%q): %v", s, err)
	}
	return strings.TrimSuffix(buf.String(), "\n")
}

var jsonStringCases = []string{
	"", "Max", "Müller", "O'Brien", `a"b\c`, "<b>&amp;</b>", "tab\there\nline\r\b\f",
	"\x00\x01\x1f\x7f", "\u2028\u2029", "\xff\xfe", "a\xc3", "\xed\xa0\x80", "日本語", "😀",
	"/slash", "~tilde",
}

func TestAppendString(t *testing.T) {
	for _, s := range jsonStringCases {
		for _, html := range []bool{true, false} {
			got := string(jsontext.AppendString(nil, s, html))
			if want := stdlibJSONString(t, s, html); got != want {
				t.Errorf("AppendString(%q, %v) = %s, want %s", s, html, got, want)
			}
		}
	}
}

// FuzzAppendString is differential: the hand-written escaper writes
// what encoding/json writes, for any string.
func FuzzAppendString(f *testing.F) {
	for _, s := range jsonStringCases {
		f.Add(s, true)
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, s string, html bool) {
		got := string(jsontext.AppendString([]byte("x"), s, html))
		if want := "x" + stdlibJSONString(t, s, html); got != want {
			t.Errorf("AppendString(%q, %v) = %s, want %s", s, html, got, want)
		}
	})
}

// plainRef is Plain byte by byte.
func plainRef(s string, html bool) int {
	for i := 0; i < len(s); i++ {
		b := s[i]
		if b < 0x20 || b >= 0x80 || b == '"' || b == '\\' || html && strings.IndexByte("<>&", b) >= 0 {
			return i
		}
	}
	return len(s)
}

// TestPlain puts each byte value at each position of a word and its
// neighbours: a word-at-a-time test that misses a byte, or stops at a
// plain one, shows here.
func TestPlain(t *testing.T) {
	base := []byte("abcdefghijklmnopqrstuvwxyz0123456789")
	for c := 0; c < 256; c++ {
		for at := 0; at < 20; at++ {
			for _, html := range []bool{true, false} {
				b := append([]byte(nil), base...)
				b[at] = byte(c)
				s := string(b)
				if got, want := jsontext.Plain(s, html), plainRef(s, html); got != want {
					t.Fatalf("Plain(%q, %v) = %d, want %d", s, html, got, want)
				}
			}
		}
	}
}

func FuzzPlain(f *testing.F) {
	for _, s := range jsonStringCases {
		f.Add(s, true)
	}
	f.Add("0123456789abcdef\x1f", false)
	f.Fuzz(func(t *testing.T, s string, html bool) {
		if got, want := jsontext.Plain(s, html), plainRef(s, html); got != want {
			t.Errorf("Plain(%q, %v) = %d, want %d", s, html, got, want)
		}
	})
}
