// What the bundled pages of package.test.mjs check in Chromium, with the
// package as an application imports it: init by package name, a few
// calls, a large document in the page and in the worker entry, dispose,
// and no new globals. The outcome goes to <body data-result>, not to a
// global.

// bigDocument is a secuconnect list of n records (about 250 bytes each).
export function bigDocument(n) {
  const data = [];
  for (let i = 0; i < n; i++) {
    data.push({
      object: 'payment.customers',
      id: `PCU_${String(i).padStart(30, '0')}`,
      contact: {
        forename: 'Erika', surname: `Mustermann ${i}`, email: `erika${i}@example.com`, phone: '030 12345678',
        address: { street: 'Heidestraße', street_number: String(1 + (i % 90)), postal_code: '51147', city: 'Köln', country: 'DE' },
      },
    });
  }
  return { count: n, data };
}

export async function run({ init, initWorker, source, workerOptions }) {
  const before = JSON.parse(document.documentElement.dataset.globals);
  const failures = [];
  const fail = (m) => failures.push(m);
  const out = { failures };
  try {
    const cn = await init(source);
    out.version = cn.version;
    const v = cn.validate('stancer', { name: 'David Coaster', email: 'david@example.net' });
    if (!v.valid) fail(`validate: ${JSON.stringify(v)}`);
    const p = cn.normalizePhone('030 12345678', 'DE');
    if (p.e164 !== '+493012345678') fail(`normalizePhone: ${JSON.stringify(p)}`);
    const lone = cn.normalizeCountry('Deutschl\ud800and');
    if (lone.issues[0]?.code !== 'invalid_encoding') fail(`lone surrogate: ${JSON.stringify(lone)}`);
    const big = bigDocument(3000);
    out.bigBytes = JSON.stringify(big).length;
    let t = performance.now();
    const here = cn.validate('secuconnect', big, { lang: 'de' });
    out.pageMs = performance.now() - t;
    if (here.records?.length !== 3000) fail(`large document in the page: ${JSON.stringify(here).slice(0, 300)}`);

    const w = await initWorker(source, workerOptions);
    if (JSON.stringify(w.version) !== JSON.stringify(cn.version)) fail(`worker version ${JSON.stringify(w.version)}`);
    // The page keeps running while the worker validates.
    let ticks = 0;
    const timer = setInterval(() => ticks++, 4);
    t = performance.now();
    const there = await w.validate('secuconnect', big, { lang: 'de' });
    out.workerMs = performance.now() - t;
    clearInterval(timer);
    out.ticksDuringWorker = ticks;
    if (JSON.stringify(there) !== JSON.stringify(here)) fail('the worker and the page differ on the large document');
    const [wp, wc] = await Promise.all([w.normalizePhone('030 12345678', 'DE'), w.normalizeCountry('\udc00')]);
    if (JSON.stringify(wp) !== JSON.stringify(p)) fail(`worker normalizePhone: ${JSON.stringify(wp)}`);
    if (wc.issues[0]?.code !== 'invalid_encoding') fail(`worker lone surrogate: ${JSON.stringify(wc)}`);
    const wt = await w.validate('stancer', new Uint8Array(2 << 20));
    if (wt.issues[0]?.code !== 'too_large') fail(`worker too large: ${JSON.stringify(wt)}`);
    w.dispose();
    await w.formats().then(() => fail('worker call after dispose resolved'), (e) => {
      if (!/disposed/.test(e.message)) fail(`worker after dispose: ${e.message}`);
    });
    cn.dispose();
    try {
      cn.formats();
      fail('call after dispose did not throw');
    } catch (e) {
      if (!/disposed/.test(e.message)) fail(`after dispose: ${e.message}`);
    }
  } catch (err) {
    fail(`threw: ${err?.stack ?? err}`);
  }
  out.newGlobals = Object.keys(globalThis).filter((k) => !before.includes(k));
  document.body.dataset.result = JSON.stringify(out);
}
