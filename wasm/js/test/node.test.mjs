// The conformance corpus and the API contract through dist/custnorm.mjs in
// Node (make wasm-test). CUSTNORM_DIST is the dist directory; the Go
// library's results are in $CUSTNORM_DIST/test/expected.json.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { runAll, corpusFiles } from './conformance.mjs';
import { checkDeep, checkSurrogates } from './hostile.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const dist = path.resolve(process.env.CUSTNORM_DIST ?? path.join(root, 'dist'));
const { init } = await import(new URL('custnorm.mjs', `file://${dist}/`));
const wasm = await readFile(path.join(dist, 'custnorm.wasm'));
const cases = [];
for (const f of corpusFiles) {
  cases.push(...JSON.parse(await readFile(path.join(root, 'testdata', f), 'utf8')).cases);
}
const expected = JSON.parse(await readFile(path.join(dist, 'test/expected.json'), 'utf8'));

// The page's globals before any instance is loaded.
const globalsBefore = Object.keys(globalThis).sort();
const processBefore = globalThis.process;
const fsBefore = Object.getOwnPropertyDescriptor(globalThis, 'fs');

// instantiate returns init(wasm) and the instance's memory (WebAssembly.
// instantiate watched for the one call).
async function instantiate(bytes = wasm) {
  const orig = WebAssembly.instantiate;
  let memory;
  WebAssembly.instantiate = async (...args) => {
    const r = await orig.apply(WebAssembly, args);
    memory = (r.instance ?? r).exports.mem;
    return r;
  };
  try {
    const inst = await init(bytes);
    return { inst, memory };
  } finally {
    WebAssembly.instantiate = orig;
  }
}

const { inst: api, memory } = await instantiate();

test('every conformance case equals the Go library and meets its expectations', () => {
  assert.equal(Object.keys(expected).length, cases.length, 'expected.json covers the corpus');
  const { count, failures } = runAll(api, cases, expected);
  assert.equal(count, 2 * cases.length);
  assert.deepEqual(failures, []);
});

test('formats lists the registry', () => {
  const f = api.formats();
  assert.ok(Array.isArray(f));
  for (const name of ['canonical', 'secuconnect', 'worldline', 'stancer', 'riverty']) assert.ok(f.includes(name), name);
});

test('results are plain objects; convert output is an object', () => {
  const r = api.convert('stancer', 'secuconnect', { name: 'David Coaster', email: 'david@example.net' });
  assert.equal(r.ok, true);
  assert.equal(typeof r.output, 'object');
  assert.equal(r.output.contact.forename, 'David');
  assert.deepEqual(Object.keys(r).sort(), ['changes', 'issues', 'ok', 'output']);
  const v = api.validate('stancer', { name: 'Bob' }, { lang: 'de' });
  assert.deepEqual(Object.keys(v).sort(), ['issues', 'valid']);
  assert.equal(v.valid, false);
  assert.match(v.issues[0].message, /[äöüß]|muss|mindestens|Zeichen/);
  const p = api.normalizePhone('030 12345678', 'DE');
  assert.deepEqual(p, { ok: true, e164: '+493012345678', type: 'fixed_line', region: 'DE', issues: [] });
  assert.deepEqual(api.normalizeCountry('Allemagne'), { ok: true, code: 'DE', issues: [] });
  assert.deepEqual(api.normalizeNationality('german'), { ok: true, code: 'DE', issues: [] });
  const kongo = api.normalizeCountry('Kongo', { lang: 'de' });
  assert.equal(kongo.ok, false);
  assert.deepEqual(kongo.issues[0].params, { candidates: ['CD', 'CG'] });
});

test('wrong arguments and malformed JSON give issues, not exceptions', () => {
  const cyclic = {};
  cyclic.self = cyclic;
  const calls = [
    [() => api.validate(), 'bad_request'],
    [() => api.validate(42, {}), 'bad_request'],
    [() => api.validate('paypal', {}), 'unknown_format'],
    [() => api.validate('stancer', null), 'bad_request'],
    [() => api.validate('stancer', 10n), 'bad_request'],
    [() => api.validate('stancer', { name: 10n }), 'bad_request'],
    [() => api.validate('stancer', cyclic), 'bad_request'],
    [() => api.validate('stancer', Symbol('s')), 'bad_request'],
    [() => api.validate('stancer', () => {}), 'bad_request'],
    [() => api.validate('stancer', '{"name":'), 'invalid_json'],
    [() => api.validate('stancer', new TextEncoder().encode('{')), 'invalid_json'],
    [() => api.validate('stancer', {}, 'de'), 'bad_request'],
    [() => api.validate('stancer', {}, { strict: 'yes' }), 'bad_request'],
    [() => api.validate('stancer', {}, { region: 'Atlantis' }), 'bad_request'],
    [() => api.convert('stancer', 'nope', {}), 'unknown_format'],
    [() => api.convert('stancer', 'canonical', 'not json'), 'invalid_json'],
    [() => api.normalizePhone(4930123456, 'DE'), 'bad_request'],
    [() => api.normalizePhone('030 1234567', 49), 'bad_request'],
    [() => api.normalizeCountry({}), 'bad_request'],
    [() => api.normalizeNationality(49), 'bad_request'],
  ];
  for (const [call, code] of calls) {
    let res;
    assert.doesNotThrow(() => { res = call(); }, String(call));
    assert.equal(res.issues[0].code, code, `${call}: ${JSON.stringify(res.issues)}`);
    assert.equal(res.valid ?? res.ok, false, String(call));
    assert.ok(res.issues[0].message, String(call));
  }
  assert.equal(api.validate('stancer', '{"name":"David Coaster","email":"david@example.net"}').valid, true, 'still working');
});

test('arguments of every length and script pass through the direct calls', () => {
  const long = api.normalizePhone('1'.repeat(1 << 20), 'DE');
  assert.equal(long.ok, false);
  assert.equal(long.issues[0].params.reason, 'too_long');
  assert.deepEqual(api.normalizePhone('\u202e+43 1 234567890\ufeff', 'AT'),
    { ok: true, e164: '+431234567890', type: 'fixed_line', region: 'AT', formatCharsRemoved: true, issues: [] });
  assert.equal(api.normalizePhone('０３０ １２３４５６７８', 'DE').e164, '+493012345678');
  // A lone surrogate is never read as U+FFFD: invalid_encoding.
  assert.equal(api.normalizePhone('+49 30 12345678\ud800', 'DE').issues[0].code, 'invalid_encoding');
  const doc = { name: 'David Coaster', email: 'david@example.net', external_id: 'x'.repeat(200_000) };
  const asText = api.validate('stancer', JSON.stringify(doc));
  assert.deepEqual(api.validate('stancer', new TextEncoder().encode(JSON.stringify(doc))), asText);
  assert.deepEqual(api.validate('stancer', doc), asText);
  assert.equal(api.normalizeCountry('Österreich').code, 'AT');
});

// The page's clock goes with each call (wasm/request.go): a birth date is
// checked against Date.now() as the page has it.
test('birth dates are checked against the page\'s clock', () => {
  const doc = { contact: { forename: 'Bob', surname: 'Roe', email: 'bob@example.com', dob: '2010-01-01' } };
  const inFuture = (r) => r.issues.some((i) => i.code === 'date_in_future');
  assert.equal(inFuture(api.validate('secuconnect', doc)), false);
  const now = Date.now;
  try {
    Date.now = () => Date.UTC(2000, 0, 1);
    assert.equal(inFuture(api.validate('secuconnect', doc)), true);
  } finally {
    Date.now = now;
  }
  assert.equal(inFuture(api.validate('secuconnect', doc)), false);
});

test('a panic inside Go is recovered and the module keeps working', async () => {
  const hooked = await init(await readFile(path.join(dist, 'test/custnorm-testhooks.wasm')));
  assert.equal(typeof api.__panic, 'undefined', 'the shipped module has no test hook');
  for (let i = 0; i < 3; i++) {
    const r = hooked.__panic();
    assert.equal(r.ok, false);
    assert.equal(r.issues[0].code, 'internal');
    assert.equal(r.issues[0].params.op, '__panic');
    assert.equal(hooked.normalizeCountry('Deutschland').code, 'DE');
    assert.equal(hooked.validate('stancer', { name: 'David Coaster', email: 'david@example.net' }).valid, true);
  }
});

test('init accepts a file URL, bytes, an ArrayBuffer, a Response and a compiled module', async () => {
  const module = await WebAssembly.compile(wasm);
  const ab = wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength);
  const sources = {
    'file URL': new URL(`file://${dist}/custnorm.wasm`),
    default: undefined,
    Uint8Array: new Uint8Array(wasm),
    ArrayBuffer: ab,
    Response: new Response(wasm, { headers: { 'Content-Type': 'application/wasm' } }),
    'Response (no wasm type)': new Response(wasm),
    'WebAssembly.Module': module,
  };
  for (const [name, src] of Object.entries(sources)) {
    const inst = await init(src);
    assert.equal(inst.normalizeCountry('Sverige').code, 'SE', name);
  }
  await assert.rejects(init(new Uint8Array([0, 1, 2])), WebAssembly.CompileError);
  await assert.rejects(init(42), TypeError);
});

test('two instances in one thread are independent', async () => {
  const a = await init(wasm);
  const b = await init(wasm);
  assert.equal(a.validate('stancer', { name: 'Bob' }, { lang: 'fr' }).valid, false);
  assert.equal(b.validate('stancer', { name: 'David Coaster', email: 'd@example.net' }).valid, true);
  assert.equal(a.normalizeCountry('Suisse').code, 'CH');
});

test('two worker threads, each with its own instance, run the corpus in parallel', async () => {
  const rounds = 20;
  // Each worker loads its instance and says ready; then both get "go" at
  // once, so their runs overlap.
  const start = () => new Promise((resolve, reject) => {
    const w = new Worker(new URL('./node-worker.mjs', import.meta.url), { workerData: { dist, cases, expected, rounds } });
    w.once('message', () => resolve(w));
    w.once('error', reject);
  });
  const run = (w) => new Promise((resolve, reject) => {
    w.once('message', (m) => { resolve(m); w.terminate(); });
    w.once('error', reject);
    w.postMessage('go');
  });
  const workers = await Promise.all([start(), start()]);
  const results = await Promise.all(workers.map(run));
  for (const r of results) {
    assert.deepEqual(r.failures, []);
    assert.equal(r.count, 2 * cases.length * rounds);
  }
  // Both ran at the same time: each started before the other ended.
  const [x, y] = results;
  assert.ok(x.start < y.end && y.start < x.end, `runs overlap: ${x.start}-${x.end}, ${y.start}-${y.end}`);
});

test("loading and calling leaves Node's globals alone", async () => {
  const other = await init(wasm);
  other.validate('stancer', { name: 'Bob' });
  other.dispose();
  assert.deepEqual(Object.keys(globalThis).sort(), globalsBefore);
  assert.equal(globalThis.process, processBefore, "process is Node's");
  assert.deepEqual(Object.getOwnPropertyDescriptor(globalThis, 'fs'), fsBefore);
  for (const name of ['Go', 'fs', 'path', 'custnorm']) assert.equal(name in globalThis, false, name);
});

test('api.version is the package version, the revision and the phone metadata', async () => {
  const pkg = JSON.parse(await readFile(path.join(dist, 'package.json'), 'utf8'));
  assert.deepEqual(Object.keys(api.version).sort(), ['custnorm', 'phoneMetadata', 'revision']);
  assert.equal(api.version.custnorm, pkg.version);
  assert.match(api.version.revision, /^([0-9a-f]{40})?$/);
  assert.match(api.version.phoneMetadata, /^phonenumbers v\d/);
  assert.ok(Object.isFrozen(api.version));
  assert.ok(Array.isArray(api.formats()), 'formats() stays a list of names');
});

test('a lone surrogate is invalid_encoding at its pointer, never U+FFFD', () => {
  assert.deepEqual(checkSurrogates(api), []);
});

test('1,000 calls with documents 9,000 levels deep: too_deep as for the text, and the instance lives on', () => {
  const t0 = performance.now();
  assert.deepEqual(checkDeep(api, 1000), []);
  const ms = performance.now() - t0;
  console.log(`# 1,000 calls with documents 9,000 levels deep: ${ms.toFixed(0)} ms`);
  assert.ok(ms < 60_000, `${ms} ms`);
});

test('arguments over 1 MiB are refused before they are copied: wasm memory does not grow', () => {
  const r0 = api.validate('stancer', { name: 'David Coaster', email: 'david@example.net' });
  assert.equal(r0.valid, true);
  const before = memory.buffer.byteLength;
  const mb = (n) => n << 20;
  const big = 'x'.repeat(mb(256));
  const bytes = new Uint8Array(mb(256));
  const numbers = new Array(mb(16)).fill(1);
  const holes = new Array(mb(64));
  const members = Object.fromEntries(Array.from({ length: mb(1) }, (_, i) => [`k${i}`, 1]));
  const nested = { name: new Uint8Array(mb(64)) };
  const s64 = big.slice(0, mb(64)); // flattens big's rope here, not in a call
  const twoByte = `{"name":"${'é'.repeat(mb(1) / 2 + 8)}"}`;
  const t0 = performance.now();
  let slowest = 0;
  const tooLarge = (r) => r.issues.length === 1 && r.issues[0].code === 'too_large' && r.issues[0].params.max === 1048576;
  const cases = [
    ['string doc 256 MB', () => api.validate('stancer', big), tooLarge],
    ['Uint8Array doc 256 MB', () => api.validate('stancer', bytes), tooLarge],
    ['convert, Uint8Array 256 MB', () => api.convert('stancer', 'canonical', bytes), (r) => tooLarge(r) && r.changes.length === 0],
    ['object with a 64 MB member', () => api.validate('stancer', { name: s64 }), tooLarge],
    ['array of 16 M numbers', () => api.validate('secuconnect', numbers), tooLarge],
    ['array of 64 M holes', () => api.validate('secuconnect', holes), tooLarge],
    ['object nesting a 64 MB Uint8Array', () => api.validate('stancer', nested), tooLarge],
    ['1 M members', () => api.validate('stancer', members), tooLarge],
    ['2 MiB of two-byte characters', () => api.validate('stancer', twoByte), tooLarge],
    ['phone text 64 MB', () => api.normalizePhone(s64, 'DE'), tooLarge],
    ['country text 64 MB', () => api.normalizeCountry(s64), tooLarge],
    ['format name 64 MB', () => api.validate(s64, {}), (r) => r.issues[0].code === 'bad_request' && r.issues[0].params.argument === 'format'],
    ['options 64 MB', () => api.validate('stancer', {}, { lang: s64 }), (r) => r.issues[0].code === 'bad_request' && r.issues[0].params.argument === 'options'],
  ];
  for (const [name, call, ok] of cases) {
    const t = performance.now();
    const r = call();
    const ms = performance.now() - t;
    assert.ok(ok(r), `${name}: ${JSON.stringify(r).slice(0, 300)}`);
    assert.equal(r.valid ?? r.ok, false, name);
    // One walk of a million members takes a few hundred ms; a GC pause on
    // a loaded machine may add to any call.
    assert.ok(ms < 3000, `${name}: ${ms} ms`);
    slowest = Math.max(slowest, ms);
  }
  console.log(`# ${cases.length} calls with arguments of 64–256 MB in ${(performance.now() - t0).toFixed(0)} ms, the slowest call ${slowest.toFixed(1)} ms; wasm memory ${before} → ${memory.buffer.byteLength} bytes`);
  assert.equal(memory.buffer.byteLength, before, 'wasm memory grew');
  // Just under the limit is read; just over is too_large, as for the Go library.
  const under = JSON.stringify({ name: 'David Coaster', email: 'david@example.net', external_id: 'x'.repeat(mb(1) - 200) });
  assert.notEqual(api.validate('stancer', under).issues[0]?.code, 'too_large');
  const over = JSON.stringify({ name: 'David Coaster', email: 'david@example.net', external_id: 'x'.repeat(mb(1)) });
  for (const doc of [over, JSON.parse(over), new TextEncoder().encode(over)]) {
    assert.ok(tooLarge(api.validate('stancer', doc)), typeof doc);
  }
  assert.equal(api.validate('stancer', { name: 'David Coaster', email: 'david@example.net' }).valid, true);
});

test('the bounded serializer writes what JSON.stringify writes', async () => {
  const { serialize } = await import(new URL('args.mjs', `file://${dist}/`));
  const date = new Date(Date.UTC(2020, 1, 3));
  const withToJSON = { toJSON: (key) => ({ key, deep: [[1, { x: 'y' }]] }) };
  const getter = Object.defineProperty({}, 'g', { enumerable: true, get: () => 'got' });
  const proxy = new Proxy({ a: 1, b: [2] }, {});
  const sym = { [Symbol('s')]: 1, s: Symbol('v'), f() {}, u: undefined, n: null };
  const values = [
    {}, [], 'str', 1, -0, NaN, Infinity, true, null, undefined, () => {}, Symbol('x'),
    { a: 'é😀\ud800"\\\n\u2028', b: [1, 2.5, -3e21, 1e-7], c: { d: [null, undefined, () => {}] } },
    [undefined, Symbol('y'), function f() {}], new Array(3), [, 1, , 2],
    date, { date }, new String('boxed'), [new Number(4), new Boolean(false), Object(5)],
    withToJSON, { nested: withToJSON }, getter, proxy, sym,
    new Uint8Array([1, 2, 3]), new Map([[1, 2]]), new Set([1]), new ArrayBuffer(2),
    { 2: 'b', 1: 'a', z: 1, y: 2 }, Object.create({ inherited: 1 }, { own: { value: 2, enumerable: true } }),
    ...cases.slice(0, 40).map((c) => c.input),
  ];
  for (const v of values) {
    assert.equal(serialize(v), JSON.stringify(v), String(JSON.stringify(v)).slice(0, 100));
  }
  const cyclic = { a: [] };
  cyclic.a.push(cyclic);
  assert.throws(() => serialize(cyclic), TypeError);
  assert.throws(() => serialize({ n: 1n }), TypeError);
  // Deep values, without recursion; over the limit, refused.
  let deep = {};
  for (let i = 0; i < 300_000; i++) deep = { a: deep };
  assert.throws(() => serialize(deep), (e) => typeof e === 'symbol');
  let d = [];
  for (let i = 0; i < 9000; i++) d = [d];
  assert.equal(serialize(d), '['.repeat(9001) + ']'.repeat(9001));
});

test('dispose ends the instance: later calls throw, its memory is freed', async () => {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc');
  let { inst, memory: mem } = await instantiate();
  const ref = new WeakRef(mem);
  mem = null;
  assert.equal(inst.normalizeCountry('Sverige').code, 'SE');
  inst.dispose();
  inst.dispose(); // twice is fine
  assert.throws(() => inst.validate('stancer', {}), /disposed/);
  assert.throws(() => inst.formats(), /disposed/);
  assert.equal(inst.version.phoneMetadata, api.version.phoneMetadata, 'version stays readable');
  for (let i = 0; i < 20 && ref.deref() !== undefined; i++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    gc();
  }
  assert.equal(ref.deref(), undefined, 'the disposed instance\'s memory was not collected');
  assert.equal(api.normalizeCountry('Sverige').code, 'SE', 'other instances live on');
});

test("init's messages option adds a language and overrides messages; a bad catalog rejects", async () => {
  const catalog = { pt: { too_short: 'deve ter pelo menos {min} caracteres' }, de: { invalid_email: 'ist keine E-Mail-Adresse' } };
  for (const messages of [catalog, JSON.stringify(catalog)]) {
    const cn = await init(wasm, { messages });
    const pt = cn.validate('stancer', { name: 'Bob', email: 'bob.example.com' }, { lang: 'pt-BR' });
    assert.deepEqual(pt.issues.map((i) => i.message), ['is not a valid e-mail address', 'deve ter pelo menos 4 caracteres']);
    const de = cn.validate('stancer', { name: 'Bob', email: 'bob.example.com' }, { lang: 'de' });
    assert.deepEqual(de.issues.map((i) => i.message), ['ist keine E-Mail-Adresse', 'muss mindestens 4 Zeichen lang sein']);
    cn.dispose();
  }
  await assert.rejects(init(wasm, { messages: { pt: { too_short: 'no mínimo {maximum}' } } }), /custnorm: init: messages: .*maximum/);
  await assert.rejects(init(wasm, { messages: '{"pt":' }), /custnorm: init: messages:/);
  await assert.rejects(init(wasm, { messages: 42 }), TypeError);
});
