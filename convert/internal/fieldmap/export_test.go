package fieldmap

// DecodeJSONStd is DecodeJSON through encoding/json's Decoder only.
var DecodeJSONStd = decodeJSONStd

// DecodeJSONFast is DecodeJSON's own decoder: ok false when it does not
// read data.
func DecodeJSONFast(data []byte) (v any, ok bool) {
	var st memberStack
	d := jsonDecoder{data: data}
	return d.document(&st)
}

// DecodeJSONOrdered is the Reader's decoding: objects are Objects.
func DecodeJSONOrdered(data []byte) (v any, ok bool) {
	var st memberStack
	d := jsonDecoder{data: data, ordered: true}
	return d.document(&st)
}

// Plain returns v with every Object made a map[string]any, as
// encoding/json would have decoded it.
func Plain(v any) any {
	switch t := v.(type) {
	case Object:
		m := make(map[string]any, len(t))
		for _, mb := range t {
			m[mb.Key] = Plain(mb.Value())
		}
		return m
	case []any:
		out := make([]any, len(t))
		for i, e := range t {
			out[i] = Plain(e)
		}
		return out
	}
	return v
}
