package main

import "encoding/binary"

// The direct calls: custnorm.mjs calls the operations through two
// functions the module exports to its host (//go:wasmexport, export_js.go)
// instead of the js.Funcs of the namespace. A js.Func call resumes the Go
// scheduler and turns every argument and the result into js.Values, each
// with a finalizer: about 10 µs a call in V8, more than a phone number
// costs. A direct call passes bytes in linear memory: the page writes a
// request into a buffer the module lends it, and reads the result (the
// same JSON text the namespace returns, after its length in four bytes)
// where the module says it is.
//
// A request is
//
//	op     one byte: the index of the operation in bridge.ops()
//	n      one byte: the number of arguments
//	args   n times: kind (one byte, a kind value), then for kindString,
//	       kindObject and kindBytes a length (four bytes, little-endian)
//	       and that many bytes: the UTF-8 text of the string, the text
//	       JSON.stringify gave the object, the bytes of the Uint8Array; an
//	       object JSON.stringify refused has length 0xFFFFFFFF and no bytes;
//	       kindTooLarge (an argument over maxArgBytes, never copied) has no
//	       length and no bytes
//
// A string is sent as WTF-8: UTF-8, except that a lone UTF-16 surrogate
// (which UTF-8 cannot hold) is written as the three bytes of its code
// point, which are not valid UTF-8, so that the bridge refuses it instead
// of reading U+FFFD.
//
// custnorm.mjs (args.mjs) classifies the arguments and checks their sizes
// before it writes them.

// noData is the length of an object JSON.stringify refused.
const noData = 0xFFFFFFFF

// decodeRequest reads a request, appending its arguments to args. ok is
// false when it is malformed (the page's bug, not the caller's): the
// operation then answers as for a panic.
func decodeRequest(ops []string, req []byte, args []value) (op string, _ []value, ok bool) {
	if len(req) < 2 || int(req[0]) >= len(ops) {
		return "", nil, false
	}
	op = ops[req[0]]
	n := int(req[1])
	req = req[2:]
	for range n {
		if len(req) < 1 {
			return op, nil, false
		}
		v := value{kind: kind(req[0])}
		req = req[1:]
		switch v.kind {
		case kindString, kindObject, kindBytes:
			if len(req) < 4 {
				return op, nil, false
			}
			l := binary.LittleEndian.Uint32(req)
			req = req[4:]
			if l == noData {
				if v.kind != kindObject {
					return op, nil, false
				}
				break
			}
			if uint64(l) > uint64(len(req)) {
				return op, nil, false
			}
			data := req[:l:l]
			req = req[l:]
			if v.kind == kindString {
				v.str = string(data)
			} else {
				// A copy: the request buffer is reused by the next call.
				v.data = append([]byte{}, data...)
			}
		case kindUndefined, kindNull, kindBoolean, kindNumber, kindFunction, kindSymbol, kindOther, kindTooLarge:
		default:
			return op, nil, false
		}
		args = append(args, v)
	}
	if len(req) != 0 {
		return op, nil, false
	}
	return op, args, true
}

// encodeRequest is decodeRequest's inverse, for the tests.
func encodeRequest(opIndex int, args []value) []byte {
	out := []byte{byte(opIndex), byte(len(args))}
	for _, v := range args {
		out = append(out, byte(v.kind))
		switch v.kind {
		case kindString:
			out = binary.LittleEndian.AppendUint32(out, uint32(len(v.str)))
			out = append(out, v.str...)
		case kindObject, kindBytes:
			if v.data == nil && v.kind == kindObject {
				out = binary.LittleEndian.AppendUint32(out, noData)
				continue
			}
			out = binary.LittleEndian.AppendUint32(out, uint32(len(v.data)))
			out = append(out, v.data...)
		}
	}
	return out
}

// callRequest answers a request: it appends to dst the JSON text of the
// operation's result, as the namespace's js.Func returns it.
func (b *bridge) callRequest(dst, req []byte) (out []byte) {
	var (
		argBuf [4]value
		opBuf  [8]string
	)
	op, args, ok := decodeRequest(b.appendOps(opBuf[:0]), req, argBuf[:0])
	defer func() {
		if r := recover(); r != nil {
			out = append(dst, b.internalJSON(op)...)
		}
	}()
	if !ok {
		return append(dst, b.internalJSON(op)...)
	}
	if op == "normalizePhone" {
		return b.phoneJSON(dst, args)
	}
	return b.appendCall(dst, op, args)
}
