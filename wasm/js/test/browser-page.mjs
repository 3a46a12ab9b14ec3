// The browser side of browser.test.mjs: runs the corpus through
// /dist/custnorm.mjs in the page and in two module Workers, checks the
// boundary, and publishes the outcome as window.__custnorm.
import { init } from '/dist/custnorm.mjs';
import { runAll, corpusFiles } from './conformance.mjs';
import { checkDeep, checkSurrogates } from './hostile.mjs';

async function main() {
  const cases = [];
  for (const f of corpusFiles) {
    cases.push(...(await (await fetch(`/testdata/${f}`)).json()).cases);
  }
  const expected = await (await fetch('/dist/test/expected.json')).json();
  const out = { count: 0, failures: [], timings: {} };

  const t0 = performance.now();
  const api = await init('/dist/custnorm.wasm');
  const t1 = performance.now();
  api.validate('stancer', { name: 'David Coaster', email: 'david@example.net' });
  out.timings.initMs = t1 - t0;
  out.timings.firstValidateMs = performance.now() - t1;

  const res = runAll(api, cases, expected);
  out.count += res.count;
  out.failures.push(...res.failures);

  // Hostile arguments: 1,000 calls nested 9,000 levels deep, lone
  // surrogates; then no new globals.
  const t2 = performance.now();
  out.failures.push(...checkDeep(api, 1000).map((f) => `deep: ${f}`));
  out.timings.deep1000Ms = performance.now() - t2;
  out.failures.push(...checkSurrogates(api).map((f) => `surrogates: ${f}`));
  const before = JSON.parse(document.documentElement.dataset.globals);
  out.newGlobals = Object.keys(globalThis).filter((k) => !before.includes(k));

  // The boundary: no exceptions, issues instead.
  const cyclic = {};
  cyclic.self = cyclic;
  const bad = [
    [() => api.validate('stancer', 1n), 'bad_request'],
    [() => api.validate('stancer', cyclic), 'bad_request'],
    [() => api.validate(undefined, {}), 'bad_request'],
    [() => api.validate('nope', {}), 'unknown_format'],
    [() => api.convert('stancer', 'canonical', '{"name":'), 'invalid_json'],
    [() => api.normalizePhone(null), 'bad_request'],
  ];
  for (const [call, code] of bad) {
    try {
      const r = call();
      if (r.issues?.[0]?.code !== code) out.failures.push(`${call}: got ${JSON.stringify(r)}, want ${code}`);
    } catch (err) {
      out.failures.push(`${call}: threw ${err}`);
    }
  }

  // A panic inside Go (test-hook build) is recovered; the instance lives on.
  const hooked = await init(fetch('/dist/test/custnorm-testhooks.wasm'));
  for (let i = 0; i < 3; i++) {
    const r = hooked.__panic();
    if (r.issues?.[0]?.code !== 'internal') out.failures.push(`__panic: ${JSON.stringify(r)}`);
    if (hooked.normalizeCountry('Österreich').code !== 'AT') out.failures.push('no answer after a panic');
  }
  if ('__panic' in api) out.failures.push('the shipped module exports __panic');

  // Two Workers, each with its own instance, in parallel.
  const rounds = 5;
  // Each worker loads its instance and says ready; then both get "go" at
  // once, so their runs overlap.
  const message = (w) => new Promise((resolve, reject) => {
    w.onmessage = (e) => resolve(e.data);
    w.onerror = (e) => reject(new Error(`worker: ${e.message}`));
  });
  const ws = [0, 1].map(() => new Worker(new URL('./browser-worker.mjs', import.meta.url), { type: 'module' }));
  await Promise.all(ws.map((w) => {
    const ready = message(w);
    w.postMessage({ cases, expected, rounds });
    return ready;
  }));
  const workers = await Promise.all(ws.map((w) => {
    const done = message(w);
    w.postMessage('go');
    return done;
  }));
  ws.forEach((w) => w.terminate());
  for (const [i, w] of workers.entries()) {
    out.count += w.count;
    out.failures.push(...w.failures.map((f) => `worker ${i}: ${f}`));
    if (w.count !== 2 * cases.length * rounds) out.failures.push(`worker ${i} ran ${w.count} cases`);
  }
  const [a, b] = workers;
  out.workersOverlap = a.start < b.end && b.start < a.end;
  out.cases = cases.length;
  return out;
}

main().then(
  (out) => {
    window.__custnorm = out;
    document.getElementById('out').textContent = JSON.stringify(out, null, 1);
  },
  (err) => {
    window.__custnorm = { count: 0, failures: [`page: ${err.stack ?? err}`] };
  },
);
