package validate

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestWordScans puts each byte value at each position of a text and its
// neighbours: a word-at-a-time scan that misses a byte, or stops at the
// wrong one, shows here.
func TestWordScans(t *testing.T) {
	base := []byte("abcdefghijklmnopqrstuvwxyz0123456789")
	for c := 0; c < 256; c++ {
		for at := 0; at < 20; at++ {
			b := append([]byte(nil), base...)
			b[at] = byte(c)
			s := string(b)
			visible := true
			upper := false
			for _, x := range b {
				visible = visible && x > ' ' && x < 0x7f
				upper = upper || 'A' <= x && x <= 'Z'
			}
			if got := visibleASCII(s); got != visible {
				t.Fatalf("visibleASCII(%q) = %v", s, got)
			}
			if c < 0x80 {
				if got := hasUpperASCII(s); got != upper {
					t.Fatalf("hasUpperASCII(%q) = %v", s, got)
				}
			}
		}
	}
}

// checkEmailRef is checkEmail rune by rune, as it was before its ASCII
// fast path.
func checkEmailRef(s string) (ok, domainLower bool) {
	if s == "" || len(s) > maxEmailLength*4 || !utf8.ValidString(s) || Length(s) > maxEmailLength {
		return false, false
	}
	at := strings.IndexByte(s, '@')
	if at <= 0 || at != strings.LastIndexByte(s, '@') || at == len(s)-1 {
		return false, false
	}
	for _, r := range s {
		if r < utf8.RuneSelf {
			if r <= ' ' || r == 0x7f {
				return false, false
			}
			continue
		}
		if unicode.IsSpace(r) || unicode.Is(unicode.Cc, r) || unicode.Is(unicode.Cf, r) {
			return false, false
		}
	}
	local, domain := s[:at], s[at+1:]
	if strings.HasPrefix(local, ".") || strings.HasSuffix(local, ".") || strings.Contains(local, "..") {
		return false, false
	}
	if strings.IndexByte(domain, '.') < 0 {
		return false, false
	}
	for l := range strings.SplitSeq(domain, ".") {
		if l == "" || strings.HasPrefix(l, "-") || strings.HasSuffix(l, "-") {
			return false, false
		}
		if strings.ContainsAny(l, "()<>[]\\,;:\"") {
			return false, false
		}
	}
	return true, domain == strings.ToLower(domain)
}

func FuzzCheckEmail(f *testing.F) {
	for _, s := range []string{
		"erika.mustermann@example.com", "David.Coaster@Example.NET", "a@BÜCHER.example", "jörg@example.com",
		"a@b", "a@b.", "a@.b", "a@b..c", "a@-b.c", "a@b-.c", "a@b.c-", "a@(b).c", "a@b\".c", "a@b;c.d",
		"jo..hn@example.com", ".a@b.c", "a.@b.c", "a b@c.d", "a\x7f@b.c", "a@\xff.example", "\u200b@example.com",
		strings.Repeat("a", 250) + "@e.com", strings.Repeat("é", 250) + "@e.com", "a@EXAMPLE.COM", "a@exa\u212amle.com",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ok, lower := checkEmail(s)
		wantOK, wantLower := checkEmailRef(s)
		if ok != wantOK || ok && lower != wantLower {
			t.Errorf("checkEmail(%q) = %v, %v; want %v, %v", s, ok, lower, wantOK, wantLower)
		}
	})
}

// TestCutBytes: cutByte is strings.Cut, hasPair strings.Contains with the
// byte twice.
func TestCutBytes(t *testing.T) {
	for _, s := range []string{"", ".", "..", "a.b", "a..b", ".a.", "a.b.c", "ab..", "a. .b", "...", "a"} {
		b, a, ok := cutByte(s, '.')
		wb, wa, wok := strings.Cut(s, ".")
		if b != wb || a != wa || ok != wok {
			t.Errorf("cutByte(%q) = %q, %q, %v; want %q, %q, %v", s, b, a, ok, wb, wa, wok)
		}
		if got, want := hasPair(s, '.'), strings.Contains(s, ".."); got != want {
			t.Errorf("hasPair(%q) = %v, want %v", s, got, want)
		}
	}
}
