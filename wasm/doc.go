// Command wasm is custnorm's browser build: the Go library compiled with
// GOOS=js GOARCH=wasm, so that a browser (or Node) runs exactly the
// validation and conversion the Go library and the CLI run.
//
// # Building: the npm package
//
// make wasm writes dist/ (not committed), an npm package named custnorm:
//
//	custnorm.wasm      GOOS=js GOARCH=wasm go build -trimpath -gcflags='github.com/custnorm/custnorm/...=-l' -ldflags="-s -w -X …" ./wasm
//	custnorm.mjs       the ES module exporting init (source: wasm/js)
//	args.mjs           its argument checks (internal)
//	wasm_exec.mjs      the toolchain's wasm_exec.js as a module that sets no globals
//	worker.mjs         the worker entry, custnorm/worker (initWorker)
//	worker-thread.mjs  the script the worker runs
//	custnorm.d.ts, worker.d.ts (and .d.mts copies)   the TypeScript declarations
//	package.json, README.md, LICENSE (MIT), LICENSE-go (Go's, for the runtime)
//
// package.json has name custnorm, the version (below), licence MIT, type
// module, sideEffects false, files (exactly the files above), and exports:
// "." (types custnorm.d.ts, default custnorm.mjs), "./worker" (worker.d.ts,
// worker.mjs), "./worker-thread" (the worker's script, for esbuild),
// "./custnorm.wasm" (the module as an asset) and "./package.json".
// wasm/internal/gendist writes it and wasm_exec.mjs, and copies the rest;
// `npm pack` in dist/ makes the tarball.
//
// The version is X.Y.Z when HEAD is tagged vX.Y.Z, else
// 0.0.0-dev.g<12 hex digits of HEAD>, with .dirty appended when the work
// tree has changes; `make wasm WASM_VERSION=…` overrides it. make wasm
// puts it into package.json and, with the full revision, into the module
// (-X main.version, main.revision), which hands them to the page with the
// phone metadata's version: api.version is {custnorm, revision,
// phoneMetadata}, custnorm equal to package.json's version. formats()
// stays the list of format names. A build without make says "(devel)".
//
// The module's own packages are compiled without inlining
// (-gcflags='github.com/custnorm/custnorm/...=-l'; the standard library and
// the runtime keep it): see Tier-up below.
//
// wasm_exec.mjs must come from the toolchain that built custnorm.wasm
// (make wasm takes both from the same one; syscall/js is "EXPERIMENTAL …
// exempt from the Go compatibility promise"): after a Go upgrade, run make
// wasm-test. gendist refuses a wasm_exec.js that no longer looks as it
// expects.
//
// # JavaScript API
//
//	import { init } from 'custnorm';   // or './custnorm.mjs' served from dist/
//	const cn = await init();   // or init(url | Response | bytes | WebAssembly.Module)
//
//	cn.version                                       → {custnorm, revision, phoneMetadata}
//	cn.formats()                                     → ["canonical", "riverty", …]
//	cn.validate(format, doc, {lang, region, strict}) → {valid, issues[, records]}
//	cn.convert(from, to, doc, {lang, region, strict}) → {ok, output, issues, changes[, records]}
//	cn.normalizePhone(text, region, {lang})          → {ok, e164, type, region, issues}
//	cn.normalizeCountry(text, {lang})                → {ok, code, issues}
//	cn.normalizeNationality(text, {lang})            → {ok, code, issues}
//	cn.dispose()
//
// init(source) loads and starts one instance: source is a URL or string
// (fetched; in Node a file: URL is read from disk), a Response or its
// promise, an ArrayBuffer or typed array with the module's bytes, or a
// compiled WebAssembly.Module; by default new URL('./custnorm.wasm',
// import.meta.url), which Vite and webpack follow when they bundle (with
// esbuild, import 'custnorm/custnorm.wasm' with --loader:.wasm=file and
// pass new URL(it, import.meta.url)). It rejects when the module cannot be
// fetched or compiled; nothing else throws, except a call after dispose.
//
// Loading sets no globals: wasm_exec.js defines globalThis.Go and, where
// they are missing, globalThis.fs, process and path, which break other
// libraries' "am I in Node?" checks. wasm_exec.mjs evaluates it with every
// globalThis replaced by a scope of its own per instance (a Proxy that
// reads the page's globals and keeps every write, the stand-ins for fs,
// process and path included); the Go program gets that scope as its
// js.Global(), and main hands the page its ready call there.
//
// doc is a document: a plain object (as JSON.stringify writes it), JSON
// text, or a Uint8Array of UTF-8 JSON text. A container document (a
// secuconnect list or DELETE array) gives one result per record in
// records, in order, and all the issues with pointers into the whole
// document, as the CLI does. The results are plain objects with the JSON
// shapes of the Go library (convert.Result, validate.PhoneResult,
// validate.CountryResult) and of the CLI (validate gives the CLI's
// validate --json record without its number); convert's output is the
// converted document as an object, present whenever the input could be
// read. Messages are in the options' lang (the validate package's
// languages; others get English), default English.
//
// Options: lang, region and strict as the CLI's --lang, --region and
// --strict; region takes an ISO 3166-1 alpha-2 code or a country name and is
// normalized as --region is. normalizePhone's region is passed to
// validate.NormalizePhone unchanged, as the Go function takes it.
//
// dispose() ends the instance: the Go program exits (custnorm_exit) and the
// page drops the module, so its memory can be collected. Every later call
// throws an Error ("this instance was disposed"); version stays readable;
// a second dispose does nothing.
//
// # Hostile arguments
//
// Nothing is copied into the module before it is checked, and nothing
// recurses (args.mjs):
//
//   - Size: a string, a Uint8Array or an object's JSON text over 1 MiB
//     (convert.MaxDocumentBytes, counted in bytes of UTF-8) is never
//     copied: a document or a text argument (normalizePhone's,
//     normalizeCountry's) is too_large (params max), the library's issue
//     for a document over the limit; a format name or options over it is
//     bad_request. An object is measured first by an iterative walk that
//     stops once a lower bound of its JSON text's length passes the limit,
//     before JSON.stringify runs; so a 256 MB argument costs no copy and
//     no memory (the module's memory never shrinks).
//   - Depth: an object nested deeper than convert.MaxDepth (32) levels is
//     not given to JSON.stringify (which recurses) but to a serializer of
//     the same text that does not recurse and stops at the size limit; the
//     Go decoder checks depth while it decodes and stops at the first level
//     too deep (too_deep, params max), however deep the document, so an
//     object gives exactly what its JSON text gives, records of a
//     container included, and a thousand calls 9,000 levels deep leave the
//     instance as it was.
//   - Encoding: a string reaches Go as WTF-8: a lone UTF-16 surrogate
//     becomes the three bytes of its code point, not U+FFFD. In a
//     document (JSON text, or an object, whose JSON.stringify escapes it
//     as \udXXX) it is invalid_encoding at that string's pointer, as in
//     the Go library and the CLI; a text argument with one is refused with
//     invalid_encoding at "" (normalizePhone, normalizeCountry,
//     normalizeNationality; the Go functions, given bytes that are not
//     UTF-8, answer invalid_phone with reason invalid_encoding and
//     invalid_country).
//
// # Issues at the boundary
//
// Calls never throw (but after dispose). Wrong argument types and values
// give an issue in the result shape of the call (valid or ok false), and
// malformed JSON text gives the library's own invalid_json. Three codes
// belong to the bridge, not to the document; they are a separate set,
// never reported by package validate, and their issues have path "" and
// severity error:
//
//	bad_request     an argument has the wrong type or value: a format that is
//	                not a string, a doc that is neither an object, a string
//	                nor a Uint8Array (or that JSON.stringify rejects: a cycle,
//	                a BigInt), options that are not an object, an unknown
//	                option, a region that is not a country, a format name or
//	                options over 1 MiB.
//	                params: argument ("doc", "options.region", …), expected
//	unknown_format  a format name the registry does not have.
//	                params: format, known (the format names)
//	internal        a panic inside Go, recovered at the boundary; the call has
//	                no result and the instance keeps working.
//	                params: op
//
// A panic never escapes into JavaScript: once a Go program has died, every
// later call fails. Every exported function recovers, and the tests prove
// that the next call works: builds with the custnorm_testhooks tag export
// an undocumented __panic operation for them (make wasm-test builds
// dist/test/custnorm-testhooks.wasm); the shipped module has none.
//
// # Types
//
// custnorm.d.ts is exact: Format is the union of the format names,
// IssueCode the closed union of validate's codes and the bridge's,
// Severity, ChangeKind and PhoneType theirs, CanonicalCustomer the
// canonical record (model.Customer's JSON members with their doc
// comments), all generated from the Go lists by TestGenerated
// (go generate ./wasm), which fails while the committed file is stale;
// PhoneResult and CountryResult are unions discriminated on ok, and
// container results have records. A misspelt format or code is a tsc
// --strict error (make wasm-test compiles wasm/js/test/package/usage-check.ts
// against the packed package).
//
// # Threads and Workers
//
// Every call of init's API is synchronous and runs to completion on the
// calling thread; a validation takes well under a millisecond once the
// module is warm. An instance serves one thread; each init call gets its
// own instance and memory (a few MB of linear memory, besides the compiled
// code), and instances share nothing.
//
// For pages that validate large documents, custnorm/worker runs an
// instance in a module Web Worker behind promises:
//
//	import { initWorker } from 'custnorm/worker';
//	const cn = await initWorker();            // same sources as init
//	const res = await cn.validate('secuconnect', list, { lang: 'de' });
//	cn.dispose();                             // terminates the worker
//
// The arguments are checked, and objects turned into JSON text, on the
// calling thread exactly as init's API does it (so the results are the
// same), then copied to the worker; promises reject only once the worker
// is gone (it failed, or dispose was called). Vite bundles the worker from
// new URL('./worker-thread.mjs', import.meta.url); with esbuild, make
// custnorm/worker-thread an entry point and pass
// {worker: new Worker(new URL('./worker-thread.js', import.meta.url), {type: 'module'})}.
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
// memory, which the page keeps for every request that fits, custnorm_call
// answers the request written there; request.go has the format), not
// through js.Funcs: a js.Func call resumes the Go
// scheduler and turns every argument into a js.Value with a finalizer,
// about 10 µs a call in V8. There is no other way in: the module publishes
// no namespace object (it did, as globalThis.custnorm for pages without
// custnorm.mjs; that path skipped the checks above, and dropping it saved
// 5 KB of gzip). A phone result without issues comes back in a compact
// form custnorm.mjs builds the object from (request.go); a validation
// result with string, int and bool params is written without
// encoding/json's reflection, byte for byte as json.Marshal writes it.
//
// Each request carries the page's clock, Date.now(), and birth dates are
// checked against it (date_in_future, implausible_birth_date): what
// time.Now would read, without the module asking the page for it twice per
// validation. A test that fakes Date.now (fake timers) so fakes the date
// the checks use.
//
// scripts/wasm-bench.sh (make wasm-bench) prints the figures: size raw,
// gzip and brotli against the budget of 1.6 MB gzip, what is linked, the
// time from navigation start to the first validation result against an
// empty Go wasm program's start in fresh headless Chromiums, the first 200
// validations (with the kernel's split of their time into the page's
// thread running and waiting for a core) and warm calls.
//
// # Tier-up
//
// V8 runs a module first in baseline code (Liftoff) and recompiles a
// function with its optimizing compiler (TurboFan) once the function has
// used up a budget. Liftoff charges each return, and each branch back to a
// loop, by the size of the function's code before it. Go's wasm code makes
// every jump inside a function such a branch (to the top of the function,
// which dispatches on the block to go to). So a large function with loops
// or many branches is optimized after few calls, and its compile takes
// longer. Those compiles run on threads that, on a machine with few cores,
// compete with the page's: they are what made the page's first validate
// calls slow (make wasm-bench; README, "Browser build").
//
// Hence, for the code a validation runs:
//   - the module's own packages are built without inlining (make wasm),
//     which keeps functions small: the compiles during the first 200
//     validate calls took about half as long, for about a tenth more time
//     per call in baseline code;
//   - text is scanned eight bytes at a step where it can be (jsontext.Plain)
//     and phone texts through a small table-driven loop;
//   - switches over many cases are table look-ups (Go's wasm code has no
//     jump tables), and loops sit in small functions of their own;
//   - quick checks come before searches (a key set before the members of
//     an object, a bit set before the origins of a record).
//
// The CLI and the library keep the compiler's defaults; these choices cost
// them nothing measurable (BenchmarkPipelineConvert).
//
// # Files
//
// bridge.go holds all the logic as plain Go (handle: one operation, its
// arguments as values, a JSON-able result) and is tested on the host and
// under js/wasm (bridge_test.go); request.go the direct calls' request
// format and json.go the hand-written JSON, both tested on the host;
// main.go (js && wasm) starts the bridge and calls the page's ready
// function; export_js.go the exported functions. main_other.go says how to
// build it on any other platform. generated_test.go keeps the generated
// parts of wasm/js current. wasm/js holds the ES modules, their
// declarations, the package README and the tests (Node, Chromium, the
// packed package with esbuild and Vite); wasm/demo the demo page that
// `custnorm demo` serves; wasm/internal/gendist writes the package.
package main
