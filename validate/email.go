package validate

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxEmailLength is the longest address accepted (RFC 5321's 254-octet path
// limit, counted here in code points).
const maxEmailLength = 254

// NormalizeEmail checks an e-mail address with a practical syntax check and
// returns it with the domain lower-cased (the local part is kept as written:
// it may be case-sensitive). The check: exactly one "@", a non-empty local
// part, a domain of at least two non-empty dot-separated labels, valid
// UTF-8 with no white space or control characters anywhere, at most 254
// characters. It does not look the domain up. A failure returns the input
// unchanged and an invalid_email issue at path "".
func NormalizeEmail(s string) (string, *Issue) {
	if ok, domainLower := checkEmail(s); !ok {
		iss := NewIssue("", CodeInvalidEmail, nil)
		return s, &iss
	} else if domainLower {
		return s, nil
	}
	at := strings.LastIndexByte(s, '@')
	return s[:at+1] + strings.ToLower(s[at+1:]), nil
}

// checkEmail reports whether s passes the syntax check, and whether its
// domain is already lower-case.
func checkEmail(s string) (ok, domainLower bool) {
	if s == "" || len(s) > maxEmailLength*4 {
		return false, false
	}
	ascii := visibleASCII(s)
	if ascii {
		if len(s) > maxEmailLength {
			return false, false
		}
	} else if !utf8.ValidString(s) || Length(s) > maxEmailLength || !visibleRunes(s) {
		return false, false
	}
	at := strings.IndexByte(s, '@')
	if at <= 0 || at != strings.LastIndexByte(s, '@') || at == len(s)-1 {
		return false, false
	}
	local, domain := s[:at], s[at+1:]
	if strings.HasPrefix(local, ".") || strings.HasSuffix(local, ".") || hasPair(local, '.') {
		return false, false
	}
	if strings.IndexByte(domain, '.') < 0 {
		return false, false // one label
	}
	if strings.ContainsAny(domain, "()<>[]\\,;:\"") {
		return false, false
	}
	for rest := domain; ; {
		l, after, more := cutByte(rest, '.')
		if l == "" || l[0] == '-' || l[len(l)-1] == '-' {
			return false, false
		}
		if !more {
			break
		}
		rest = after
	}
	if ascii {
		return true, !hasUpperASCII(domain)
	}
	return true, domain == strings.ToLower(domain)
}

// visibleRunes reports whether the valid UTF-8 text s has no white space,
// control or format character.
func visibleRunes(s string) bool {
	for _, r := range s {
		if r < utf8.RuneSelf {
			// ASCII: the only white space, Cc and Cf are at most ' ' and DEL.
			if r <= ' ' || r == 0x7f {
				return false
			}
			continue
		}
		if unicode.IsSpace(r) || unicode.Is(unicode.Cc, r) || unicode.Is(unicode.Cf, r) {
			return false
		}
	}
	return true
}
