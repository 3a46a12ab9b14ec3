// The conformance corpus through the JS API, shared by the Node test, the
// worker and the browser page. Same semantics as checkExpect in
// wasm/bridge_test.go and the corpus's "about".

// runCase runs one case through api. form is 'object' (the document as a
// plain object) or 'string' (as JSON text).
export function runCase(api, tc, form = 'object') {
  const doc = form === 'string' ? JSON.stringify(tc.input) : tc.input;
  const opts = tc.options?.region ? { region: tc.options.region } : undefined;
  switch (tc.op) {
    case 'normalizePhone':
      return api.normalizePhone(tc.input, tc.region);
    case 'normalizeCountry':
      return api.normalizeCountry(tc.input);
    case 'validate':
      return api.validate(tc.as, doc, opts);
    case 'convert':
      return api.convert(tc.from, tc.to, doc, opts);
    case 'roundtrip':
      return api.convert(tc.via, tc.via, doc, opts);
  }
  throw new Error(`unknown op ${tc.op}`);
}

// checkExpect returns the ways result misses the case's expectations.
export function checkExpect(tc, result) {
  const exp = tc.expect ?? {};
  const fails = [];
  const okKey = tc.op === 'validate' ? 'valid' : 'ok';
  if ('ok' in exp && result[okKey] !== exp.ok) {
    fails.push(`${okKey} = ${result[okKey]}, want ${exp.ok}; issues ${JSON.stringify(result.issues)}`);
  }
  for (const key of ['e164', 'type', 'code']) {
    if (exp[key] && result[key] !== exp[key]) fails.push(`${key} = ${result[key]}, want ${exp[key]}`);
  }
  const has = (list, key, val, path) =>
    (list ?? []).some((x) => x[key] === val && (path === null || path === undefined || x.path === path));
  for (const w of exp.issues ?? []) {
    if (!has(result.issues, 'code', w.code, w.path)) fails.push(`no issue ${w.code} at ${JSON.stringify(w.path)}`);
  }
  for (const w of exp.changes ?? []) {
    if (!has(result.changes, 'kind', w.kind, w.path)) fails.push(`no change ${w.kind} at ${JSON.stringify(w.path)}`);
  }
  for (const [ptr, want] of Object.entries(exp.output ?? {})) {
    const [found, got] = lookup(result.output, ptr);
    if (!found || !deepEqual(got, want)) fails.push(`output ${ptr} = ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
  }
  for (const ptr of exp.absent ?? []) {
    if (lookup(result.output, ptr)[0]) fails.push(`output ${ptr} present, want absent`);
  }
  if (tc.op === 'roundtrip' && !deepEqual(result.output, tc.input)) {
    fails.push('round trip output differs from the input');
  }
  return fails;
}

// runAll runs every case in both forms and compares with the Go library's
// results (expected: case name → result). It returns {count, failures}.
export function runAll(api, cases, expected) {
  const failures = [];
  let count = 0;
  for (const tc of cases) {
    for (const form of ['object', 'string']) {
      count++;
      let result;
      try {
        result = runCase(api, tc, form);
      } catch (err) {
        failures.push(`${tc.name} (${form}): threw ${err}`);
        continue;
      }
      if (expected && !deepEqual(result, expected[tc.name])) {
        failures.push(`${tc.name} (${form}): differs from the Go library:\n got  ${JSON.stringify(result)}\n want ${JSON.stringify(expected[tc.name])}`);
      }
      for (const f of checkExpect(tc, result)) failures.push(`${tc.name} (${form}): ${f}`);
    }
  }
  return { count, failures };
}

function lookup(doc, ptr) {
  let cur = doc;
  if (ptr === '') return [cur !== undefined, cur];
  for (const raw of ptr.slice(1).split('/')) {
    const tok = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, tok)) return [false, undefined];
    cur = cur[tok];
  }
  return [true, cur];
}

// deepEqual compares JSON values (key order does not matter).
export function deepEqual(a, b) {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]));
}

// The corpus files under testdata/, as internal/conformance.Files lists
// them: the shared vectors and custnorm's own id and street cases.
export const corpusFiles = ['conformance.json', 'conformance-ids.json'];
