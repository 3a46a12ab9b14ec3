package main

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/custnorm/custnorm/convert"
	"github.com/custnorm/custnorm/internal/jsontext"
	"github.com/custnorm/custnorm/validate"
)

// This file is the whole JS API as plain Go: it knows nothing of syscall/js,
// so it builds and is tested on the host. main.go only turns js.Values into
// values and the results into JSON strings.

// The bridge-level codes. They describe the call, not the document, and are
// a set of their own: the validate package never reports them. Their issues
// have path "" and severity error.
const (
	// codeInternal: a panic inside Go was recovered; the call had no
	// result. params: op.
	codeInternal validate.Code = "internal"
	// codeBadRequest: an argument has the wrong JavaScript type or value.
	// params: argument, expected.
	codeBadRequest validate.Code = "bad_request"
	// codeUnknownFormat: a format name the registry does not have. params:
	// format, known.
	codeUnknownFormat validate.Code = "unknown_format"
)

// opNames returns the operations of the JS API, in the order of their
// indices in a request.
func opNames() []string {
	return appendOpNames(nil)
}

// appendOpNames appends the names opNames returns to dst (a caller's array
// on the stack: a request names its operation by index, and looking the
// name up should not allocate).
func appendOpNames(dst []string) []string {
	return append(dst, "formats", "validate", "convert", "normalizePhone", "normalizeCountry", "normalizeNationality")
}

// version and revision name the build: make wasm sets them with
// -ldflags -X (the package version it writes into package.json, and the
// commit). A build without them says "(devel)" and no revision.
var version, revision string

// versionInfo returns what custnorm.mjs's api.version holds: the package
// version ("1.2.0", "0.0.0-dev.g1a2b3c4d5e6"), the VCS revision ("" if
// unknown) and the phone metadata's version. main passes them to the page
// as strings (not as an operation's JSON, which would link another type's
// encoding).
func versionInfo() (custnorm, rev, phoneMetadata string) {
	custnorm = version
	if custnorm == "" {
		custnorm = "(devel)"
	}
	return custnorm, revision, validate.PhoneMetadataVersion
}

// opPanic is the undocumented operation of builds with test hooks: it
// panics, to prove that the panic is recovered and the module lives on.
const opPanic = "__panic"

// maxFormatParam caps the caller's format name echoed in an unknown_format
// issue.
const maxFormatParam = 64

// maxCached caps the pipelines and localizers a bridge keeps; the cache is
// emptied when it is full.
const maxCached = 32

// A kind is the JavaScript type of an argument, as typeof tells it, with
// null and byte arrays told apart.
type kind uint8

// List of values that kind can take.
const (
	kindUndefined kind = iota
	kindNull
	kindBoolean
	kindNumber
	kindString
	// kindObject is an object or array; value.data holds JSON.stringify of
	// it, or is nil when that threw (a cycle, a BigInt member).
	kindObject
	// kindBytes is a Uint8Array (UTF-8 JSON text, for a document).
	kindBytes
	kindFunction
	kindSymbol
	// kindOther is anything else (a BigInt).
	kindOther
	// kindTooLarge is a string, Uint8Array or object the page refused to
	// copy: over maxArgBytes (as UTF-8, or as JSON text). It has no data.
	kindTooLarge
)

// maxArgBytes is the most bytes a string, Uint8Array or object (as JSON
// text) argument may have: a document's limit. custnorm.mjs checks it
// before it copies an argument into the module's memory and sends a larger
// one as kindTooLarge.
const maxArgBytes = convert.MaxDocumentBytes

func (k kind) String() string {
	switch k {
	case kindUndefined:
		return "undefined"
	case kindNull:
		return "null"
	case kindBoolean:
		return "boolean"
	case kindNumber:
		return "number"
	case kindString:
		return "string"
	case kindObject:
		return "object"
	case kindBytes:
		return "Uint8Array"
	case kindFunction:
		return "function"
	case kindSymbol:
		return "symbol"
	case kindTooLarge:
		return "too large"
	}
	return "other"
}

// A value is one argument of an API call, independent of syscall/js: its
// kind, and what the bridge reads of it (numbers and booleans are never
// read, only rejected).
type value struct {
	kind kind
	str  string // kindString
	data []byte // kindObject: JSON text (nil: not serializable); kindBytes: the bytes
}

// A bridge serves the API calls of one module instance. It holds the
// registry and caches of pipelines and localizers; it is safe for
// concurrent use (js/wasm has one thread, the host tests have many).
type bridge struct {
	// messages is the caller's catalog (init's messages option), or nil.
	messages *validate.Messages
	reg      *convert.Registry
	// hooks enables opPanic (builds with the custnorm_testhooks tag, and
	// tests).
	hooks bool

	// clockMs is the clock of the request being answered (request.go), in
	// Unix milliseconds; 0 outside a request, or when it has none. One for
	// the bridge: js/wasm answers one request at a time (host tests that
	// send requests from several goroutines send none).
	clockMs atomic.Int64

	mu    sync.Mutex
	pipes map[pipeKey]*convert.Pipeline
	locs  map[string]*validate.Localizer
}

func newBridge(hooks bool) *bridge {
	return newBridgeMessages(hooks, nil)
}

// newBridgeMessages returns a bridge whose messages include the caller's
// catalog m (may be nil): init's messages option.
func newBridgeMessages(hooks bool, m *validate.Messages) *bridge {
	return &bridge{
		reg:      convert.Builtin(),
		hooks:    hooks,
		messages: m,
		pipes:    make(map[pipeKey]*convert.Pipeline),
		locs:     make(map[string]*validate.Localizer),
	}
}

// ops returns the names of the operations the namespace object exports.
func (b *bridge) ops() []string {
	return b.appendOps(nil)
}

// appendOps appends the names ops returns to dst.
func (b *bridge) appendOps(dst []string) []string {
	dst = appendOpNames(dst)
	if b.hooks {
		dst = append(dst, opPanic)
	}
	return dst
}

// call runs op and returns its result as JSON. It never panics.
func (b *bridge) call(op string, args []value) []byte {
	return b.appendCall(nil, op, args)
}

// appendCall runs op and appends its result as JSON to dst. It never
// panics.
func (b *bridge) appendCall(dst []byte, op string, args []value) []byte {
	res := b.handle(op, args...)
	if r, isVerdict := res.(validateResult); isVerdict {
		if out, ok := appendValidateJSON(dst, r); ok {
			return out
		}
	}
	out, err := json.Marshal(res)
	if err != nil {
		out = b.internalJSON(op)
	}
	return append(dst, out...)
}

// internalJSON is the JSON of an internal failure of op, for the glue's own
// recover.
func (b *bridge) internalJSON(op string) []byte {
	out, err := json.Marshal(failure(op, b.internal("en", op)))
	if err != nil {
		return []byte(`{"ok":false,"issues":[{"path":"","code":"internal","severity":"error","message":"internal error","params":{}}]}`)
	}
	return out
}

// handle runs one API call and returns its JSON-able result. A panic is
// recovered into an internal issue in the result shape of op.
func (b *bridge) handle(op string, args ...value) (res any) {
	lang := "en"
	defer func() {
		if r := recover(); r != nil {
			res = failure(op, b.internal(lang, op))
		}
	}()
	switch op {
	case "formats":
		return b.reg.Names()
	case "validate":
		return b.validate(&lang, args)
	case "convert":
		return b.convert(&lang, args)
	case "normalizePhone":
		return b.normalizePhone(&lang, args)
	case "normalizeCountry":
		return b.normalizeCountry(&lang, args, validate.NormalizeCountry)
	case "normalizeNationality":
		return b.normalizeCountry(&lang, args, validate.NormalizeNationality)
	case opPanic:
		if b.hooks {
			panic("custnorm: test panic")
		}
	}
	return failure(op, b.issue(lang, codeBadRequest, validate.Params{"argument": "op", "expected": strings.Join(opNames(), ", ")}))
}

// validateResult is the shape of validate: the CLI's validate --json record
// without its number; for a container document (a secuconnect list), with
// one such result per record in records, in order.
type validateResult struct {
	Valid   bool             `json:"valid"`
	Issues  validate.Issues  `json:"issues"`
	Records []validateResult `json:"records,omitempty"`
}

// verdict is the validate result of a pipeline's result.
func verdict(res convert.Result) validateResult {
	v := validateResult{Valid: res.OK, Issues: res.Issues}
	if res.Records != nil {
		v.Records = make([]validateResult, len(res.Records))
		for k, r := range res.Records {
			v.Records[k] = verdict(r)
		}
	}
	return v
}

// failure returns the result of op that carries only the issues.
func failure(op string, issues ...validate.Issue) any {
	switch op {
	case "validate":
		return validateResult{Issues: issues}
	case "convert":
		return convert.Result{Issues: issues, Changes: []validate.Change{}}
	case "normalizePhone":
		return validate.PhoneResult{Issues: issues}
	case "normalizeCountry", "normalizeNationality":
		return validate.CountryResult{Issues: issues}
	}
	return struct {
		OK     bool            `json:"ok"`
		Issues validate.Issues `json:"issues"`
	}{Issues: validate.Issues(issues)}
}

// validate(format, doc, options) → {valid, issues}.
func (b *bridge) validate(lang *string, args []value) any {
	opts, bad := b.options(lang, arg(args, 2), "options", "lang", "region", "strict")
	format, bad := b.format(*lang, arg(args, 0), "format", bad)
	data, bad := b.document(*lang, arg(args, 1), bad)
	if len(bad) > 0 {
		return failure("validate", bad...)
	}
	if arg(args, 1).kind == kindTooLarge {
		return failure("validate", b.tooLarge(*lang))
	}
	opts.OmitChanges = true // a verdict has no changes: spare listing them
	res, err := b.pipeline(opts).Validate(format, data)
	if err != nil {
		return failure("validate", b.unknownFormat(*lang, format))
	}
	return verdict(res)
}

// convert(from, to, doc, options) → {ok, output, issues, changes}.
func (b *bridge) convert(lang *string, args []value) any {
	opts, bad := b.options(lang, arg(args, 3), "options", "lang", "region", "strict")
	from, bad := b.format(*lang, arg(args, 0), "from", bad)
	to, bad := b.format(*lang, arg(args, 1), "to", bad)
	data, bad := b.document(*lang, arg(args, 2), bad)
	if len(bad) > 0 {
		return failure("convert", bad...)
	}
	if arg(args, 2).kind == kindTooLarge {
		return failure("convert", b.tooLarge(*lang))
	}
	res, err := b.pipeline(opts).Convert(from, to, data)
	if err != nil {
		return failure("convert", b.unknownFormat(*lang, from))
	}
	return res
}

// normalizePhone(text, region, options) → {ok, e164, type, region, issues}.
func (b *bridge) normalizePhone(lang *string, args []value) any {
	return b.phone(lang, args)
}

// phone is normalizePhone with its result's type.
func (b *bridge) phone(lang *string, args []value) validate.PhoneResult {
	if _, bad := b.options(lang, arg(args, 2), "options", "lang"); len(bad) > 0 {
		return validate.PhoneResult{Issues: bad}
	}
	text, ok := stringArg(arg(args, 0), false)
	if !ok {
		return validate.PhoneResult{Issues: validate.Issues{b.textIssue(*lang, arg(args, 0))}}
	}
	if !utf8.ValidString(text) {
		return validate.PhoneResult{Issues: validate.Issues{b.invalidEncoding(*lang)}}
	}
	region, ok := stringArg(arg(args, 1), true)
	if !ok {
		expected := "string"
		if arg(args, 1).kind == kindTooLarge {
			expected = tooLargeExpected
		}
		return validate.PhoneResult{Issues: validate.Issues{b.badRequest(*lang, "region", expected)}}
	}
	res := validate.NormalizePhone(text, region)
	if len(res.Issues) > 0 {
		// A localizer is built on first use of its language: not for a
		// result without issues (the first number typed into a form).
		b.localizer(*lang).Fill(res.Issues)
	}
	return res
}

// appendPhone appends the result of normalizePhone(args) for a direct
// call, without the detour through any: the operation a form calls on
// every key stroke. A result without issues is written in its compact
// form, any other as JSON.
func (b *bridge) appendPhone(dst []byte, args []value) []byte {
	lang := "en"
	var res validate.PhoneResult
	func() {
		defer func() {
			if r := recover(); r != nil {
				res = validate.PhoneResult{Issues: validate.Issues{b.internal(lang, "normalizePhone")}}
			}
		}()
		res = b.phone(&lang, args)
	}()
	if out, ok := appendPhoneCompact(dst, res); ok {
		return out
	}
	out, err := json.Marshal(res)
	if err != nil {
		return append(dst, b.internalJSON("normalizePhone")...)
	}
	return append(dst, out...)
}

// appendPhoneCompact appends the compact form of a phone result without
// issues (request.go): a zero byte, the flags (1 ok, 2 format characters
// removed), then E164, Type and Region, each as its length in one byte and
// its bytes. custnorm.mjs builds the result object from it without a JSON
// text to decode and parse, which was a quarter of a normalizePhone call.
// ok is false for a result it does not write: one with issues, or a
// string that is not plain ASCII or is longer than 255 bytes.
func appendPhoneCompact(dst []byte, p validate.PhoneResult) (out []byte, ok bool) {
	if len(p.Issues) != 0 || p.Issues == nil {
		return dst, false
	}
	fields := [...]string{p.E164, string(p.Type), p.Region}
	for _, s := range fields {
		if len(s) > 255 || jsontext.Plain(s, true) != len(s) {
			return dst, false
		}
	}
	var flags byte
	if p.OK {
		flags |= 1
	}
	if p.FormatCharsRemoved {
		flags |= 2
	}
	dst = append(dst, 0, flags)
	for _, s := range fields {
		dst = append(append(dst, byte(len(s))), s...)
	}
	return dst, true
}

// normalizeCountry(text, options) → {ok, code, issues} with normalize
// validate.NormalizeCountry; normalizeNationality(text, options), of the
// same shape, with validate.NormalizeNationality.
func (b *bridge) normalizeCountry(lang *string, args []value, normalize func(string) validate.CountryResult) any {
	if _, bad := b.options(lang, arg(args, 1), "options", "lang"); len(bad) > 0 {
		return failure("normalizeCountry", bad...)
	}
	text, ok := stringArg(arg(args, 0), false)
	if !ok {
		return failure("normalizeCountry", b.textIssue(*lang, arg(args, 0)))
	}
	if !utf8.ValidString(text) {
		return failure("normalizeCountry", b.invalidEncoding(*lang))
	}
	res := normalize(text)
	b.localizer(*lang).Fill(res.Issues)
	return res
}

// arg returns args[i], or undefined when the caller passed fewer.
func arg(args []value, i int) value {
	if i < len(args) {
		return args[i]
	}
	return value{kind: kindUndefined}
}

// stringArg returns the string of v; with optional, undefined and null are
// "".
func stringArg(v value, optional bool) (string, bool) {
	switch {
	case v.kind == kindString:
		return v.str, true
	case optional && (v.kind == kindUndefined || v.kind == kindNull):
		return "", true
	}
	return "", false
}

// format checks a format-name argument and appends what is wrong with it to
// bad.
func (b *bridge) format(lang string, v value, name string, bad validate.Issues) (string, validate.Issues) {
	if v.kind == kindTooLarge {
		return "", append(bad, b.badRequest(lang, name, tooLargeExpected))
	}
	s, ok := stringArg(v, false)
	if !ok {
		return "", append(bad, b.badRequest(lang, name, "string"))
	}
	if _, ok := b.reg.Lookup(s); !ok {
		return "", append(bad, b.unknownFormat(lang, s))
	}
	return s, bad
}

// document returns the JSON text of a doc argument: a string as it is, an
// object as JSON.stringify wrote it, a Uint8Array's bytes. Malformed JSON
// text is the pipeline's business (invalid_json at "").
func (b *bridge) document(lang string, v value, bad validate.Issues) ([]byte, validate.Issues) {
	switch {
	case v.kind == kindString:
		return []byte(v.str), bad
	case v.kind == kindBytes:
		return v.data, bad
	case v.kind == kindObject && v.data != nil:
		return v.data, bad
	case v.kind == kindObject:
		return nil, append(bad, b.badRequest(lang, "doc", "an object JSON.stringify accepts (no cycles, no BigInt)"))
	case v.kind == kindTooLarge:
		// too_large, as the pipeline says it, once the other arguments
		// are right (validate, convert).
		return nil, bad
	}
	return nil, append(bad, b.badRequest(lang, "doc", "object, JSON string or Uint8Array"))
}

// options reads an options argument (undefined, null or an object) with
// the members allowed. lang is read first and set, so that every issue is
// in the caller's language. The region is normalized as the CLI's --region
// is: a code or a country name.
func (b *bridge) options(lang *string, v value, name string, allowed ...string) (convert.Options, validate.Issues) {
	var opts convert.Options
	switch v.kind {
	case kindUndefined, kindNull:
		return opts, nil
	case kindObject:
	case kindTooLarge:
		return opts, validate.Issues{b.badRequest(*lang, name, tooLargeExpected)}
	default:
		return opts, validate.Issues{b.badRequest(*lang, name, "object")}
	}
	return b.objectOptions(lang, v, name, allowed)
}

// objectOptions reads options given as an object. It is apart from
// options, which every call runs, so that the function the browser's
// engine optimizes for the calls without options stays small.
func (b *bridge) objectOptions(lang *string, v value, name string, allowed []string) (convert.Options, validate.Issues) {
	var opts convert.Options
	if l, ok := onlyLang(v.data); ok && slices.Contains(allowed, "lang") {
		// {"lang":"de"}, as JSON.stringify writes it: what the general
		// case below gives, without decoding a map.
		opts.Lang = l
		*lang = b.localizer(opts.Lang).Lang()
		return opts, nil
	}
	var members map[string]json.RawMessage
	if v.data == nil || json.Unmarshal(v.data, &members) != nil || members == nil {
		return opts, validate.Issues{b.badRequest(*lang, name, "object")}
	}
	langErr := false
	if raw, ok := members["lang"]; ok {
		langErr = json.Unmarshal(raw, &opts.Lang) != nil
		*lang = b.localizer(opts.Lang).Lang()
	}
	var bad validate.Issues
	if langErr {
		bad = append(bad, b.badRequest(*lang, name+".lang", "string"))
	}
	for _, m := range slices.Sorted(maps.Keys(members)) {
		raw := members[m]
		switch {
		case !slices.Contains(allowed, m):
			bad = append(bad, b.badRequest(*lang, name+"."+opParam(m), "one of "+strings.Join(allowed, ", ")))
		case m == "region":
			if err := json.Unmarshal(raw, &opts.Region); err != nil {
				bad = append(bad, b.badRequest(*lang, name+".region", "string"))
			} else if opts.Region != "" {
				res := validate.NormalizeCountry(opts.Region)
				if !res.OK {
					bad = append(bad, b.badRequest(*lang, name+".region", "country code or name"))
				}
				opts.Region = res.Code
			}
		case m == "strict":
			if err := json.Unmarshal(raw, &opts.Strict); err != nil {
				bad = append(bad, b.badRequest(*lang, name+".strict", "boolean"))
			}
		}
	}
	return opts, bad
}

// onlyLang returns L when data is exactly {"lang":"L"} with L made of
// ASCII letters, digits, '-' and '_' (nothing JSON would escape).
func onlyLang(data []byte) (string, bool) {
	const pre, post = `{"lang":"`, `"}`
	if len(data) < len(pre)+len(post) || string(data[:len(pre)]) != pre || string(data[len(data)-len(post):]) != post {
		return "", false
	}
	l := data[len(pre) : len(data)-len(post)]
	for _, c := range l {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '_') {
			return "", false
		}
	}
	return string(l), true
}

// pipeKey is what a cached pipeline is looked up by: the options a caller
// can set, and whether the results leave the changes out (validate's
// never carry them).
type pipeKey struct {
	lang, region string
	strict, omit bool
}

// pipeline returns the (cached) pipeline of opts.
func (b *bridge) pipeline(opts convert.Options) *convert.Pipeline {
	key := pipeKey{lang: opts.Lang, region: opts.Region, strict: opts.Strict, omit: opts.OmitChanges}
	b.mu.Lock()
	defer b.mu.Unlock()
	if p, ok := b.pipes[key]; ok {
		return p
	}
	if len(b.pipes) >= maxCached {
		clear(b.pipes)
	}
	opts.Messages = b.messages
	opts.Now = b.now
	p := b.reg.NewPipeline(opts)
	b.pipes[key] = p
	return p
}

// now is the pipelines' clock: the page's, given with the request being
// answered, else the module's own.
func (b *bridge) now() time.Time {
	if ms := b.clockMs.Load(); ms != 0 {
		return time.UnixMilli(ms)
	}
	return time.Now()
}

// localizer returns the (cached) localizer of lang.
func (b *bridge) localizer(lang string) *validate.Localizer {
	b.mu.Lock()
	defer b.mu.Unlock()
	if l, ok := b.locs[lang]; ok {
		return l
	}
	if len(b.locs) >= maxCached {
		clear(b.locs)
	}
	l := validate.NewLocalizer(lang, validate.WithMessages(b.messages))
	b.locs[lang] = l
	return l
}

// tooLargeExpected is the expected param of a bad_request for a format
// name or options argument over maxArgBytes.
const tooLargeExpected = "at most 1048576 bytes"

// textIssue is the issue of a text argument (normalizePhone's, normalize
// Country's) that is not a string of at most maxArgBytes.
func (b *bridge) textIssue(lang string, v value) validate.Issue {
	if v.kind == kindTooLarge {
		return b.tooLarge(lang)
	}
	return b.badRequest(lang, "text", "string")
}

// tooLarge is the library's too_large issue of a document (or text) over
// maxArgBytes, as the pipeline reports it.
func (b *bridge) tooLarge(lang string) validate.Issue {
	return b.libraryIssue(lang, validate.CodeTooLarge, validate.Params{"max": maxArgBytes})
}

// invalidEncoding is the issue of a text argument that is not valid UTF-8:
// custnorm.mjs sends a lone UTF-16 surrogate as the three bytes WTF-8
// gives it, which are not UTF-8.
func (b *bridge) invalidEncoding(lang string) validate.Issue {
	return b.libraryIssue(lang, validate.CodeInvalidEncoding, nil)
}

// libraryIssue is an issue of a validate code at path "", its message from
// the validate package's catalog in lang.
func (b *bridge) libraryIssue(lang string, code validate.Code, params validate.Params) validate.Issue {
	issues := validate.Issues{validate.NewIssue("", code, params)}
	b.localizer(lang).Fill(issues)
	return issues[0]
}

func (b *bridge) badRequest(lang, argument, expected string) validate.Issue {
	return b.issue(lang, codeBadRequest, validate.Params{"argument": argument, "expected": expected})
}

func (b *bridge) internal(lang, op string) validate.Issue {
	return b.issue(lang, codeInternal, validate.Params{"op": opParam(op)})
}

func (b *bridge) unknownFormat(lang, format string) validate.Issue {
	return b.issue(lang, codeUnknownFormat, validate.Params{"format": opParam(format), "known": b.reg.Names()})
}

// issue returns a bridge-level issue at path "" with its message in lang
// (en, de or fr).
func (b *bridge) issue(lang string, code validate.Code, params validate.Params) validate.Issue {
	iss := validate.NewIssue("", code, params)
	iss.Message = b.text(lang, iss)
	return iss
}

// text renders the message of a bridge-level issue. Like validate's
// messages, it never contains a document value.
func (b *bridge) text(lang string, iss validate.Issue) string {
	p := func(name string) string {
		switch v := iss.Params[name].(type) {
		case string:
			return v
		case []string:
			return strings.Join(v, ", ")
		}
		return "?"
	}
	switch iss.Code {
	case codeBadRequest:
		switch lang {
		case "de":
			return fmt.Sprintf("ungültiges Argument %s: erwartet %s", p("argument"), p("expected"))
		case "fr":
			return fmt.Sprintf("argument %s invalide : attendu %s", p("argument"), p("expected"))
		}
		return fmt.Sprintf("invalid argument %s: expected %s", p("argument"), p("expected"))
	case codeUnknownFormat:
		switch lang {
		case "de":
			return fmt.Sprintf("unbekanntes Format %q; die Formate sind: %s", p("format"), p("known"))
		case "fr":
			return fmt.Sprintf("format inconnu %q ; les formats sont : %s", p("format"), p("known"))
		}
		return fmt.Sprintf("unknown format %q; the formats are: %s", p("format"), p("known"))
	case codeInternal:
		switch lang {
		case "de":
			return fmt.Sprintf("interner Fehler in %s; der Aufruf hat kein Ergebnis, das Modul arbeitet weiter", p("op"))
		case "fr":
			return fmt.Sprintf("erreur interne dans %s ; l'appel n'a pas de résultat, le module continue de fonctionner", p("op"))
		}
		return fmt.Sprintf("internal error in %s; the call has no result, the module keeps working", p("op"))
	}
	return string(iss.Code)
}

// opParam caps a caller-chosen name echoed in a param at maxFormatParam
// bytes (at a rune boundary).
func opParam(s string) string {
	if len(s) <= maxFormatParam {
		return s
	}
	cut := maxFormatParam
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}
