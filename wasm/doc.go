// Command wasm is custnorm's browser build: the Go library compiled with
// GOOS=js GOARCH=wasm, so that a browser (or Node) runs exactly the
// validation and conversion the Go library and the CLI run.
//
// # Building
//
// make wasm writes dist/ (not committed):
//
//	custnorm.wasm    GOOS=js GOARCH=wasm go build -trimpath -ldflags="-s -w" ./wasm
//	wasm_exec.js     $(go env GOROOT)/lib/wasm/wasm_exec.js of the same toolchain
//	custnorm.mjs     the ES module exporting init (source: wasm/js/custnorm.mjs)
//	custnorm.d.ts    its TypeScript declarations (wasm/js/custnorm.d.ts);
//	custnorm.d.mts   the same, the name TypeScript looks for beside a .mjs
//
// Serve the four runtime files from one directory; custnorm.wasm as
// application/wasm, so that it is compiled while it downloads. syscall/js is
// "EXPERIMENTAL … exempt from the Go compatibility promise", and
// wasm_exec.js must come from the toolchain that built custnorm.wasm: after
// a Go upgrade, run make wasm-test (Node and headless Chromium).
//
// # JavaScript API
//
//	import { init } from './custnorm.mjs';
//	const cn = await init();   // or init(url | Response | bytes | WebAssembly.Module)
//
//	cn.formats()                                     → ["canonical", "riverty", …]
//	cn.validate(format, doc, {lang, region, strict}) → {valid, issues}
//	cn.convert(from, to, doc, {lang, region, strict}) → {ok, output, issues, changes}
//	cn.normalizePhone(text, region, {lang})          → {ok, e164, type, region, issues}
//	cn.normalizeCountry(text, {lang})                → {ok, code, issues}
//	cn.normalizeNationality(text, {lang})            → {ok, code, issues}
//
// init(source) loads and starts one instance: source is a URL or string
// (fetched; in Node a file: URL is read from disk), a Response or its
// promise, an ArrayBuffer or typed array with the module's bytes, or a
// compiled WebAssembly.Module; by default the custnorm.wasm next to
// custnorm.mjs. It rejects when the module cannot be fetched or compiled;
// nothing else throws.
//
// doc is one record: a plain object (serialized with JSON.stringify), JSON
// text, or a Uint8Array of UTF-8 JSON text. A container document (a
// secuconnect list) is not split: pass its records one by one, as the CLI
// does. The results are plain objects with the JSON shapes of the Go
// library (convert.Result, validate.PhoneResult, validate.CountryResult)
// and of the CLI (validate gives the CLI's validate --json record without
// its number); convert's output is the converted document as an object,
// present whenever the input could be read. Messages are filled in the
// options' lang (en, de, fr; others get English), default English.
//
// Options: lang, region and strict as the CLI's --lang, --region and
// --strict; region takes an ISO 3166-1 alpha-2 code or a country name and is
// normalized as --region is. normalizePhone's region is passed to
// validate.NormalizePhone unchanged, as the Go function takes it.
//
// # Issues at the boundary
//
// Calls never throw. Wrong argument types and values give an issue in the
// result shape of the call (valid or ok false), and malformed JSON text gives
// the library's own invalid_json. Three codes belong to the bridge, not to
// the document; they are a separate set, never reported by package validate,
// and their issues have path "" and severity error:
//
//	bad_request     an argument has the wrong type or value: a format that is
//	                not a string, a doc that is neither an object, a string
//	                nor a Uint8Array (or that JSON.stringify rejects: a cycle,
//	                a BigInt), options that are not an object, an unknown
//	                option, a region that is not a country.
//	                params: argument ("doc", "options.region", …), expected
//	unknown_format  a format name the registry does not have.
//	                params: format, known (the format names)
//	internal        a panic inside Go, recovered at the boundary; the call has
//	                no result and the instance keeps working.
//	                params: op
//
// A panic never escapes into JavaScript: once a Go program has died, every
// later call throws "Go program has already exited". Every exported function
// recovers (in the bridge, and again in the js glue), and the tests prove
// that the next call works: builds with the custnorm_testhooks tag export an
// undocumented __panic operation for them (make wasm-test builds
// dist/test/custnorm-testhooks.wasm); the shipped module has none.
//
// # Threads and Workers
//
// Every call is synchronous and runs to completion on the calling thread;
// the work is CPU-bound and short (a validation takes well under a
// millisecond once the module is warm), so no call returns a Promise. An
// instance serves one thread. For work in parallel, or to keep the main
// thread free, load one instance per Web Worker (or Node worker thread):
// each init call gets its own instance and memory (a few MB of linear
// memory, besides the compiled code).
// Compile once and post the WebAssembly.Module to the workers to save the
// compile; each worker still pays the Go start (package initialization).
// Instances share nothing, so their results are the same as one
// instance's.
//
// # Phone numbers in the browser
//
// Yes: the browser validates phone numbers with the same engine as the Go
// library and the CLI (validate.NormalizePhone over the tables generated
// from libphonenumber's metadata, validate/phone_gen.go), so a number is
// accepted in the browser exactly when the server accepts it. The module
// links neither github.com/nyaruka/phonenumbers nor
// google.golang.org/protobuf (make wasm-test fails if it does, and so does
// deps_test.go), decodes nothing when it starts, and answers a number in a
// few microseconds. The tables are about 60 KB of the module (gzip).
//
// # Calls
//
// custnorm.mjs calls the operations through two functions the module
// exports (//go:wasmexport: custnorm_request lends a buffer in linear
// memory, custnorm_call answers the request written there; request.go has
// the format): a js.Func call resumes the Go scheduler and turns every
// argument into a js.Value with a finalizer, about 10 µs a call in V8. The
// page classifies its arguments as the js.Func glue does (glue.value; a
// change to one is a change to both), so both paths give the same results;
// the namespace's js.Funcs stay for callers that load the module without
// custnorm.mjs (globalThis.custnorm). Common results (a phone result or a
// validation result with string, int and bool params) are written without
// encoding/json's reflection, byte for byte as json.Marshal writes them.
//
// scripts/wasm-bench.sh (make wasm-bench) prints the figures: size raw,
// gzip and brotli against the budget of 1.6 MB gzip, what is linked, the
// time from navigation start to the first validation result against an
// empty Go wasm program's start in fresh headless Chromiums, the first 200
// validations and warm calls.
//
// # Files
//
// bridge.go holds all the logic as plain Go (handle: one operation, its
// arguments as values, a JSON-able result) and is tested on the host and
// under js/wasm (bridge_test.go); request.go the direct calls' request
// format and json.go the hand-written JSON, both tested on the host;
// main.go (js && wasm) is only the syscall/js glue: one namespace object,
// argument Type checks, recover on every call, select {}; export_js.go the
// two exported functions. main_other.go says how to build it on any other
// platform. wasm/js holds the ES module, its declarations and the Node and
// Chromium tests; wasm/demo the demo page that `custnorm demo` serves.
package main
