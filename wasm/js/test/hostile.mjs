// Hostile arguments, shared by the Node test and the browser page: deep
// nesting, lone surrogates. Each check returns a list of failures.

// deepText is n nested arrays as JSON text.
export const deepText = (n) => '['.repeat(n) + ']'.repeat(n);

// deepArray is n nested arrays; deepObject n nested {"a": …}.
export function deepArray(n) {
  let v = [];
  for (let i = 1; i < n; i++) v = [v];
  return v;
}
export function deepObject(n) {
  let v = {};
  for (let i = 1; i < n; i++) v = { a: v };
  return v;
}

// deepObjectText is deepObject(n)'s JSON text, built without recursion.
export const deepObjectText = (n) => '{"a":'.repeat(n - 1) + '{}' + '}'.repeat(n - 1);

const eq = (a, b) => JSON.stringify(a) === JSON.stringify(b);

// checkDeep makes `calls` calls with documents nested 9,000 levels deep
// (JSON text, an array, an object, an array inside a container, in turn)
// and checks that each gives what its JSON text gives (too_deep), and
// that the instance answers correctly afterwards.
export function checkDeep(api, calls) {
  const fails = [];
  const text = deepText(9000);
  const want = api.validate('stancer', text);
  if (want.issues[0]?.code !== 'too_deep' || want.issues[0].path !== '') fails.push(`text: ${JSON.stringify(want)}`);
  const wantContainer = api.validate('secuconnect', `[{"contact":{"forename":"A"}},${text}]`);
  if (wantContainer.records?.[1]?.issues?.[0]?.code !== 'too_deep') fails.push(`container: ${JSON.stringify(wantContainer)}`);
  const kinds = [
    ['array text', () => api.validate('stancer', text), want],
    ['array', () => api.validate('stancer', deepArray(9000)), want],
    ['object', () => api.validate('stancer', deepObject(9000)), api.validate('stancer', deepObjectText(9000))],
    ['container', () => api.validate('secuconnect', [{ contact: { forename: 'A' } }, deepArray(9000)]), wantContainer],
  ];
  for (let i = 0; i < calls && fails.length < 5; i++) {
    const [name, call, w] = kinds[i % kinds.length];
    const g = call();
    if (!eq(g, w)) fails.push(`call ${i} (${name}): ${JSON.stringify(g)}`);
  }
  const ok = api.validate('stancer', { name: 'David Coaster', email: 'david@example.net' });
  if (!ok.valid) fails.push(`afterwards: ${JSON.stringify(ok)}`);
  if (api.normalizeCountry('Österreich').code !== 'AT') fails.push('afterwards: normalizeCountry');
  // Around the limit, an array or object gives what its text gives.
  for (let n = 30; n <= 36; n++) {
    const a = api.validate('stancer', deepArray(n));
    if (!eq(a, api.validate('stancer', deepText(n)))) fails.push(`${n} levels (array): ${JSON.stringify(a)}`);
    const o = api.validate('stancer', deepObject(n));
    if (!eq(o, api.validate('stancer', deepObjectText(n)))) fails.push(`${n} levels (object): ${JSON.stringify(o)}`);
  }
  if (api.validate('stancer', deepText(40)).issues[0]?.code !== 'too_deep') fails.push('40 levels are not too_deep');
  return fails;
}

// checkSurrogates checks that a lone surrogate is invalid_encoding at its
// string's pointer in every form of a document, and for text arguments.
export function checkSurrogates(api) {
  const fails = [];
  const docs = {
    object: { name: 'Dav\ud800id Coaster', email: 'david@example.net' },
    'JSON text': '{"name":"Dav\ud800id Coaster","email":"david@example.net"}',
    'JSON text, escaped': '{"name":"Dav\\ud800id Coaster","email":"david@example.net"}',
    'low surrogate': { name: 'David \udc00Coaster', email: 'david@example.net' },
  };
  for (const [name, doc] of Object.entries(docs)) {
    const r = api.validate('stancer', doc);
    if (r.valid || !r.issues.some((i) => i.code === 'invalid_encoding' && i.path === '/name')) fails.push(`${name}: ${JSON.stringify(r)}`);
  }
  // A lone surrogate outside a string, or after a backslash, is not JSON.
  for (const text of ['{"name":"David"}\ud800', '{"name":"Dav\\\ud800"}']) {
    const r = api.validate('stancer', text);
    if (r.issues[0]?.code !== 'invalid_json') fails.push(`${JSON.stringify(text)}: ${JSON.stringify(r)}`);
  }
  // A well-formed pair is a character.
  const pair = api.validate('stancer', { name: 'David 😀 Coaster', email: 'david@example.net' });
  if (pair.issues.some((i) => i.code === 'invalid_encoding')) fails.push(`pair: ${JSON.stringify(pair)}`);
  for (const [name, r] of [
    ['normalizePhone', api.normalizePhone('+49 30 12345678\ud800', 'DE')],
    ['normalizePhone (long)', api.normalizePhone(`${' '.repeat(100)}+49 30 12345678\udfff`, 'DE')],
    ['normalizeCountry', api.normalizeCountry('Deutschl\ud800and')],
    ['normalizeNationality', api.normalizeNationality('\udbffgerman')],
  ]) {
    if (r.ok || r.issues[0]?.code !== 'invalid_encoding' || r.issues[0].path !== '') fails.push(`${name}: ${JSON.stringify(r)}`);
  }
  const de = api.normalizeCountry('\ud800', { lang: 'de' });
  const en = api.normalizeCountry('\ud800');
  if (de.issues[0].message === en.issues[0].message) fails.push('invalid_encoding is not localized');
  return fails;
}
