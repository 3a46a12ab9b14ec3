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
// each init call gets its own instance and memory (about 16 MB of linear
// memory once phone metadata is loaded, besides the compiled code).
// Compile once and post the WebAssembly.Module to the workers to save the
// compile; each worker still pays the Go start (package initialization).
// Instances share nothing, so their results are the same as one
// instance's.
//
// # Phone numbers in the browser
//
// Yes: the browser validates phone numbers with the same engine as the Go
// library (phonenumbers and its metadata are compiled in), so a number is
// accepted in the browser exactly when the server accepts it. That is most
// of the size: phonenumbers brings google.golang.org/protobuf (about 2 MB of
// code). Its geocoding fallback would also link the CLDR display-name
// tables of golang.org/x/text/language/display (about 0.8 MB gzip), which
// custnorm never uses: make wasm builds with a module file in which
// phonenumbers' geocoding.go, and only it, is a stub
// (scripts/wasm-modfile.sh), and make wasm-test fails if display is linked.
// The wasm tests check the results against the Go library's, built with
// go.mod as it is, on the whole conformance corpus. (phonenumbers v2 keeps
// geocoding in its own package, which will make the stub unnecessary.) The
// browser build also leaves out NormalizePhone's fast path (see package
// validate): phonenumbers answers every number there, with the same
// results.
// scripts/wasm-bench.sh prints the figures: size raw, gzip and brotli
// against the budget of 3.5 MB gzip, what is linked, and the time from init
// to the first result and per call in headless Chromium.
//
// # Files
//
// bridge.go holds all the logic as plain Go (handle: one operation, its
// arguments as values, a JSON-able result) and is tested on the host and
// under js/wasm (bridge_test.go); main.go (js && wasm) is only the
// syscall/js glue: one namespace object, argument Type checks, recover on
// every call, select {}. main_other.go says how to build it on any other
// platform. wasm/js holds the ES module, its declarations and the Node and
// Chromium tests; wasm/demo the demo page that `custnorm demo` serves.
package main
