package main

import (
	"encoding/binary"
	"math"
)

// The direct calls: custnorm.mjs calls the operations through two
// functions the module exports to its host (//go:wasmexport, export_js.go)
// instead of the js.Funcs of the namespace. A js.Func call resumes the Go
// scheduler and turns every argument and the result into js.Values, each
// with a finalizer: about 10 µs a call in V8, more than a phone number
// costs. A direct call passes bytes in linear memory: the page writes a
// request into a buffer the module lends it, and reads the result where the
// module says it is: its length in four bytes (little-endian), then the
// JSON text of the result; or, for a normalizePhone result without issues,
// its compact form (appendPhoneCompact), which starts with a zero byte
// where a JSON text starts with '{'.
//
// A request is
//
//	op     one byte: the index of the operation in bridge.ops()
//	n      one byte: the number of arguments
//	clock  eight bytes: the page's Date.now() (milliseconds since the Unix
//	       epoch) as a little-endian float64; 0 (or anything that is not
//	       a positive number) and the module reads its own clock. The page
//	       sends it with the operations that check birth dates (validate,
//	       convert), 0 with the others
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
//
// The clock is the time a birth date is checked against. The module's own
// clock (time.Now) asks the page twice, through the runtime's imports,
// which costs more than the page writing Date.now() into the request; the
// page's Date.now() is what those imports read anyway.

// noData is the length of an object JSON.stringify refused.
const noData = 0xFFFFFFFF

// requestHeader is the length of a request's op, n and clock.
const requestHeader = 10

// decodeRequest reads a request, appending its arguments to args; clock is
// its clock field. ok is false when it is malformed (the page's bug, not
// the caller's): the operation then answers as for a panic.
func decodeRequest(ops []string, req []byte, args []value) (op string, clock float64, _ []value, ok bool) {
	if len(req) < requestHeader || int(req[0]) >= len(ops) {
		return "", 0, nil, false
	}
	op = ops[req[0]]
	n := int(req[1])
	clock = math.Float64frombits(binary.LittleEndian.Uint64(req[2:]))
	req = req[requestHeader:]
	for range n {
		if len(req) < 1 {
			return op, 0, nil, false
		}
		v := value{kind: kind(req[0])}
		req = req[1:]
		switch v.kind {
		case kindString, kindObject, kindBytes:
			if len(req) < 4 {
				return op, 0, nil, false
			}
			l := binary.LittleEndian.Uint32(req)
			req = req[4:]
			if l == noData {
				if v.kind != kindObject {
					return op, 0, nil, false
				}
				break
			}
			if uint64(l) > uint64(len(req)) {
				return op, 0, nil, false
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
			return op, 0, nil, false
		}
		args = append(args, v)
	}
	if len(req) != 0 {
		return op, 0, nil, false
	}
	return op, clock, args, true
}

// encodeRequest is decodeRequest's inverse, for the tests, with clock 0.
func encodeRequest(opIndex int, args []value) []byte {
	return encodeRequestAt(opIndex, 0, args)
}

// encodeRequestAt is encodeRequest with the clock field clock.
func encodeRequestAt(opIndex int, clock float64, args []value) []byte {
	out := []byte{byte(opIndex), byte(len(args))}
	out = binary.LittleEndian.AppendUint64(out, math.Float64bits(clock))
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
	op, clock, args, ok := decodeRequest(b.appendOps(opBuf[:0]), req, argBuf[:0])
	clocked := ok && clock >= 1 && clock < 1e15 // a time since 1970, before the year 33658
	if clocked {
		b.clockMs.Store(int64(clock))
	}
	defer func() {
		if clocked {
			b.clockMs.Store(0)
		}
		if r := recover(); r != nil {
			out = append(dst, b.internalJSON(op)...)
		}
	}()
	if !ok {
		return append(dst, b.internalJSON(op)...)
	}
	if op == "normalizePhone" {
		return b.appendPhone(dst, args)
	}
	return b.appendCall(dst, op, args)
}
