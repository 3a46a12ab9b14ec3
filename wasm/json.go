package main

import (
	"slices"
	"strconv"

	"github.com/custnorm/custnorm/internal/jsontext"
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
	dst = jsontext.AppendString(dst, string(iss.Path), true)
	if iss.Target != nil {
		dst = append(dst, `,"target":`...)
		dst = jsontext.AppendString(dst, string(*iss.Target), true)
	}
	dst = append(dst, `,"code":`...)
	dst = jsontext.AppendString(dst, string(iss.Code), true)
	dst = append(dst, `,"severity":`...)
	dst = jsontext.AppendString(dst, string(iss.Severity), true)
	dst = append(dst, `,"message":`...)
	dst = jsontext.AppendString(dst, iss.Message, true)
	dst = append(dst, `,"params":{`...)
	if len(iss.Params) == 0 {
		return append(dst, "}}"...), true
	}
	return appendParams(dst, iss.Params)
}

// appendParams appends the members of an issue's params, sorted by key,
// and closes the params and the issue; false for a value of a type
// Issue.MarshalJSON would write otherwise.
func appendParams(dst []byte, params validate.Params) ([]byte, bool) {
	var keyBuf [8]string
	keys := keyBuf[:0]
	for k := range params {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for i, k := range keys {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = jsontext.AppendString(dst, k, true)
		dst = append(dst, ':')
		switch v := params[k].(type) {
		case string:
			dst = jsontext.AppendString(dst, v, true)
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
