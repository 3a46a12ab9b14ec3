package fieldmap

// AppendJSONString exposes appendJSONString to the external tests.
var AppendJSONString = appendJSONString

// DecodeJSONStd is DecodeJSON through encoding/json's Decoder only.
var DecodeJSONStd = decodeJSONStd

// DecodeJSONFast is DecodeJSON's own decoder: ok false when it does not
// read data.
func DecodeJSONFast(data []byte) (v any, ok bool) {
	d := jsonDecoder{data: data}
	return d.document()
}
