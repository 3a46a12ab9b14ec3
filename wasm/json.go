package main

import (
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/custnorm/custnorm/validate"
)

// The bridge's answers are JSON text; encoding/json writes them by
// reflection, which costs a validation's worth of time under js/wasm until
// V8 has optimized it (the first few hundred calls after a page loads). The
// functions here write the common answers byte for byte as json.Marshal
// does, and decline (ok false) whatever they do not handle, which
// json.Marshal then writes.

// appendValidateJSON appends json.Marshal(r).
func appendValidateJSON(dst []byte, r validateResult) (out []byte, ok bool) {
	start := len(dst)
	dst = append(dst, `{"valid":`...)
	dst = strconv.AppendBool(dst, r.Valid)
	dst = append(dst, `,"issues":`...)
	if dst, ok = appendIssues(dst, r.Issues); !ok {
		return dst[:start], false
	}
	if len(r.Records) > 0 { // omitempty
		dst = append(dst, `,"records":[`...)
		for k, rec := range r.Records {
			if k > 0 {
				dst = append(dst, ',')
			}
			if dst, ok = appendValidateJSON(dst, rec); !ok {
				return dst[:start], false
			}
		}
		dst = append(dst, ']')
	}
	return append(dst, '}'), true
}

// appendIssues appends json.Marshal(issues): null for nil.
func appendIssues(dst []byte, issues validate.Issues) ([]byte, bool) {
	if issues == nil {
		return append(dst, "null"...), true
	}
	dst = append(dst, '[')
	for k, iss := range issues {
		if k > 0 {
			dst = append(dst, ',')
		}
		var ok bool
		if dst, ok = appendIssue(dst, iss); !ok {
			return dst, false
		}
	}
	return append(dst, ']'), true
}

// appendIssue appends Issue.MarshalJSON's text.
func appendIssue(dst []byte, iss validate.Issue) ([]byte, bool) {
	dst = append(dst, `{"path":`...)
	dst = appendJSONString(dst, string(iss.Path))
	if iss.Target != nil {
		dst = append(dst, `,"target":`...)
		dst = appendJSONString(dst, string(*iss.Target))
	}
	dst = append(dst, `,"code":`...)
	dst = appendJSONString(dst, string(iss.Code))
	dst = append(dst, `,"severity":`...)
	dst = appendJSONString(dst, string(iss.Severity))
	dst = append(dst, `,"message":`...)
	dst = appendJSONString(dst, iss.Message)
	dst = append(dst, `,"params":{`...)
	var keyBuf [8]string
	keys := keyBuf[:0]
	for k := range iss.Params {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for i, k := range keys {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = appendJSONString(dst, k)
		dst = append(dst, ':')
		switch v := iss.Params[k].(type) {
		case string:
			dst = appendJSONString(dst, v)
		case bool:
			dst = strconv.AppendBool(dst, v)
		case int:
			dst = strconv.AppendInt(dst, int64(v), 10)
		case int64:
			dst = strconv.AppendInt(dst, v, 10)
		case int32:
			dst = strconv.AppendInt(dst, int64(v), 10)
		default:
			return dst, false
		}
	}
	return append(dst, "}}"...), true
}

// appendJSONString appends s as a JSON string as encoding/json writes it
// (HTML characters escaped, invalid UTF-8 as U+FFFD, U+2028 and U+2029
// escaped).
func appendJSONString(dst []byte, s string) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		if b := s[i]; b < utf8.RuneSelf {
			if b >= 0x20 && b != '"' && b != '\\' && b != '<' && b != '>' && b != '&' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch b {
			case '\\', '"':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hex[b>>4], hex[b&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hex[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}
