package secuconnect

import (
	"bytes"
	"encoding/json"

	"github.com/custnorm/custnorm/convert/internal/fieldmap"
	"github.com/custnorm/custnorm/validate"
)

// isList reports whether root is the list response {count, data:[…]}.
func isList(root fieldmap.Object) bool {
	if _, hasContact := root.Get("contact"); hasContact {
		return false
	}
	data, _ := root.Get("data")
	_, isArr := data.([]any)
	return isArr
}

// Records splits the two container documents of the API into their
// records: the list response {count, data:[…]} (records at /data/0,
// /data/1, …) and the DELETE response, a JSON array of product models
// (records at /0, /1, …). ok is false for anything else, which is one
// record (or not JSON, which Decode reports). The records are the bytes of
// the input, not re-encoded.
func (Converter) Records(data []byte) (records [][]byte, at []validate.Pointer, ok bool) {
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	if len(trimmed) == 0 {
		return nil, nil, false
	}
	var (
		items []json.RawMessage
		base  validate.Pointer
	)
	switch trimmed[0] {
	case '[':
		if items, ok = rawItems(data); !ok {
			return nil, nil, false
		}
	case '{':
		if !mayHaveData(data) {
			return nil, nil, false
		}
		var obj map[string]json.RawMessage
		if json.Unmarshal(data, &obj) != nil {
			return nil, nil, false
		}
		raw, hasData := obj["data"]
		if _, hasContact := obj["contact"]; hasContact || !hasData {
			return nil, nil, false
		}
		if d := bytes.TrimLeft(raw, " \t\r\n"); len(d) == 0 || d[0] != '[' {
			return nil, nil, false
		}
		if items, ok = rawItems(raw); !ok {
			return nil, nil, false
		}
		base = "/data"
	default:
		return nil, nil, false
	}
	records = make([][]byte, len(items))
	at = make([]validate.Pointer, len(items))
	for i, item := range items {
		records[i] = item
		at[i] = base.AppendIndex(i)
	}
	return records, at, true
}

// rawItems decodes data as a JSON array. (Its own function so that the
// slice it decodes into is allocated only for documents that may be lists,
// not for every record.)
func rawItems(data []byte) ([]json.RawMessage, bool) {
	var items []json.RawMessage
	if json.Unmarshal(data, &items) != nil {
		return nil, false
	}
	return items, true
}

// mayHaveData reports whether the JSON text data may hold a member named
// "data" whose value is an array: false when it has no "[" at all (an
// array is always written with one: escapes exist only inside strings), or
// when `"data"` is nowhere in it and no string in it is escaped (with an
// escape, the name could be written "\u0064ata"). It spares decoding every
// single record just to tell it from a list; a record has no array, mostly,
// and one scan for "[" costs less than looking for the name (in the
// browser build, where bytes.Index has no vector instructions, noticeably).
func mayHaveData(data []byte) bool {
	if bytes.IndexByte(data, '[') < 0 {
		return false
	}
	return bytes.IndexByte(data, '\\') >= 0 || bytes.Contains(data, []byte(`"data"`))
}
