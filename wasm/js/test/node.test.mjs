// The conformance corpus and the API contract through dist/custnorm.mjs in
// Node (make wasm-test). CUSTNORM_DIST is the dist directory; the Go
// library's results are in $CUSTNORM_DIST/test/expected.json.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { runAll, corpusFiles } from './conformance.mjs';

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
const api = await init(wasm);

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
