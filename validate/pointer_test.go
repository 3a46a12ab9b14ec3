package validate_test

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/custnorm/custnorm/validate"
)

func TestPointerAppendToken(t *testing.T) {
	tests := []struct {
		name   string
		base   validate.Pointer
		tokens []string
		want   validate.Pointer
	}{
		{name: "plain", tokens: []string{"address", "postalCode"}, want: "/address/postalCode"},
		{name: "slash", tokens: []string{"a/b"}, want: "/a~1b"},
		{name: "tilde", tokens: []string{"m~n"}, want: "/m~0n"},
		{name: "tilde then one", tokens: []string{"~1"}, want: "/~01"},
		{name: "tilde then zero", tokens: []string{"~0"}, want: "/~00"},
		{name: "slash then zero", tokens: []string{"/0"}, want: "/~10"},
		{name: "both", tokens: []string{"~/~/"}, want: "/~0~1~0~1"},
		{name: "empty token", tokens: []string{""}, want: "/"},
		{name: "two empty tokens", tokens: []string{"", ""}, want: "//"},
		{name: "unicode", tokens: []string{"straße"}, want: "/straße"},
		{name: "onto a base", base: "/contact", tokens: []string{"address", "street"}, want: "/contact/address/street"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := tc.base
			for _, tok := range tc.tokens {
				p = p.AppendToken(tok)
			}
			if p != tc.want {
				t.Errorf("%q.AppendToken(%q...) = %q, want %q", tc.base, tc.tokens, p, tc.want)
			}
			if !p.IsValid() {
				t.Errorf("%q.IsValid() = false, want true", p)
			}
			// Round trip: the tokens come back unescaped.
			wantTokens := append(slices.Collect(tc.base.Tokens()), tc.tokens...)
			if diff := cmp.Diff(wantTokens, slices.Collect(p.Tokens())); diff != "" {
				t.Errorf("%q.Tokens() mismatch (-want +got):\n%s", p, diff)
			}
			if got, want := p.LastToken(), tc.tokens[len(tc.tokens)-1]; got != want {
				t.Errorf("%q.LastToken() = %q, want %q", p, got, want)
			}
			if got, want := p.AppendToken("x").Parent(), p; got != want {
				t.Errorf("%q.Parent() = %q, want %q", p.AppendToken("x"), got, want)
			}
		})
	}
}

func TestPointerAppendIndex(t *testing.T) {
	tests := []struct {
		base validate.Pointer
		i    int
		want validate.Pointer
	}{
		{"", 0, "/0"},
		{"/phones", 12, "/phones/12"},
	}
	for _, tc := range tests {
		if got := tc.base.AppendIndex(tc.i); got != tc.want {
			t.Errorf("%q.AppendIndex(%d) = %q, want %q", tc.base, tc.i, got, tc.want)
		}
	}
}

func TestPointerTokens(t *testing.T) {
	tests := []struct {
		name string
		in   validate.Pointer
		want []string
	}{
		{name: "whole document", in: "", want: nil},
		{name: "empty member", in: "/", want: []string{""}},
		{name: "two empty members", in: "//", want: []string{"", ""}},
		{name: "path", in: "/contact/address/street", want: []string{"contact", "address", "street"}},
		{name: "escapes", in: "/a~1b/m~0n", want: []string{"a/b", "m~n"}},
		{name: "~01 is ~1, not /", in: "/~01", want: []string{"~1"}},
		{name: "~10 is /0", in: "/~10", want: []string{"/0"}},
		{name: "index", in: "/phones/0", want: []string{"phones", "0"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, slices.Collect(tc.in.Tokens())); diff != "" {
				t.Errorf("%q.Tokens() mismatch (-want +got):\n%s", tc.in, diff)
			}
		})
	}
}

func TestPointerTokensBreak(t *testing.T) {
	p := validate.Pointer("/a/b/c")
	var got []string
	for tok := range p.Tokens() {
		got = append(got, tok)
		if tok == "b" {
			break
		}
	}
	if diff := cmp.Diff([]string{"a", "b"}, got); diff != "" {
		t.Errorf("%q.Tokens() with break mismatch (-want +got):\n%s", p, diff)
	}
}

func TestPointerParent(t *testing.T) {
	tests := []struct {
		in   validate.Pointer
		want validate.Pointer
	}{
		{"", ""},
		{"/", ""},
		{"/a", ""},
		{"/a/b", "/a"},
		{"/a/b/c", "/a/b"},
		{"//", "/"},
		{"/a~1b/c", "/a~1b"},
		{"/a/b~1c", "/a"},
	}
	for _, tc := range tests {
		t.Run(string(tc.in), func(t *testing.T) {
			if got := tc.in.Parent(); got != tc.want {
				t.Errorf("%q.Parent() = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestPointerLastToken(t *testing.T) {
	tests := []struct {
		in   validate.Pointer
		want string
	}{
		{"", ""},
		{"/", ""},
		{"/a", "a"},
		{"/a/b", "b"},
		{"/a/b~1c", "b/c"},
		{"/a/~0", "~"},
		{"/a/~01", "~1"},
	}
	for _, tc := range tests {
		t.Run(string(tc.in), func(t *testing.T) {
			if got := tc.in.LastToken(); got != tc.want {
				t.Errorf("%q.LastToken() = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestPointerHasPrefix(t *testing.T) {
	tests := []struct {
		p, q validate.Pointer
		want bool
	}{
		{"", "", true},
		{"/a", "", true},
		{"/a", "/a", true},
		{"/a/b", "/a", true},
		{"/a/b/c", "/a", true},
		{"/ab", "/a", false},
		{"/a", "/a/b", false},
		{"", "/a", false},
		{"/a~1b", "/a", false}, // the token "a/b" is not inside "a"
	}
	for _, tc := range tests {
		if got := tc.p.HasPrefix(tc.q); got != tc.want {
			t.Errorf("%q.HasPrefix(%q) = %v, want %v", tc.p, tc.q, got, tc.want)
		}
	}
}

func TestPointerIsValid(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"", true},
		{"/", true},
		{"/a/b", true},
		{"/a~0b", true},
		{"/a~1b", true},
		{"/~01", true},
		{"/0/-", true},
		{"a", false},
		{"a/b", false},
		{"/a~", false},
		{"/a~2", false},
		{"/~/", false},
		{"#/a", false},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			if got := validate.Pointer(tc.in).IsValid(); got != tc.want {
				t.Errorf("Pointer(%q).IsValid() = %v, want %v", tc.in, got, tc.want)
			}
			p, ok := validate.ParsePointer(tc.in)
			if ok != tc.want || string(p) != tc.in {
				t.Errorf("ParsePointer(%q) = %q, %v; want %q, %v", tc.in, p, ok, tc.in, tc.want)
			}
		})
	}
}
