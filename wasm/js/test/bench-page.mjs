// The browser side of bench.mjs: time from navigation start and from
// init() to the first validation result, the mean of the first validate
// calls after it, then the time per call of warm validate, convert and
// normalizePhone calls. Publishes window.__bench.
import { init } from '/dist/custnorm.mjs';

// A realistic secuconnect record: names, e-mail, two phones, birth date,
// address with a street to split (synthetic data).
const DOC = {
  contact: {
    salutation: 'Mrs.', forename: 'Erika', surname: 'Mustermann', email: 'erika.mustermann@example.com',
    phone: '030 12345678', mobile: '0151 23456789', dob: '1964-08-12',
    address: { street: 'Heidestraße 17', postal_code: '51147', city: 'Köln', country: 'DE' },
  },
};

// perCall is the median time of one call over 5 batches of n calls, µs.
function perCall(fn, n) {
  const batches = [];
  for (let b = 0; b < 5; b++) {
    const t = performance.now();
    for (let i = 0; i < n; i++) fn();
    batches.push(((performance.now() - t) * 1000) / n);
  }
  batches.sort((x, y) => x - y);
  return batches[2];
}

// sched returns what the kernel counted for the threads of the browser's
// renderer processes ({pid: [ns on a CPU, ns waiting for one]}), read by
// bench.mjs's server from /proc: a synchronous request, so that the page's
// thread stops right where it asks (null where /proc cannot tell).
function sched() {
  const xhr = new XMLHttpRequest();
  xhr.open('GET', '/__sched', false);
  xhr.send();
  return xhr.status === 200 ? JSON.parse(xhr.responseText) : null;
}

// schedSplit returns the on-CPU and waiting milliseconds of the renderer
// main thread that ran most between the snapshots a and b.
function schedSplit(a, b) {
  let best = null;
  for (const pid of Object.keys(b ?? {})) {
    if (!a?.[pid]) continue;
    const run = (b[pid][0] - a[pid][0]) / 1e6;
    const wait = (b[pid][1] - a[pid][1]) / 1e6;
    if (best === null || run > best.run) best = { run, wait };
  }
  return best;
}

// V8 compiles the module with its baseline compiler first and optimizes hot
// functions in the background, so the first calls are slower than later
// ones: "early" is the mean of the first n validate calls after the first
// result (what someone typing right after the page loaded gets), "warm" is
// measured after warmMs of calls.
async function main() {
  const params = new URLSearchParams(location.search);
  const n = Number(params.get('n') ?? 200);
  // With sched=1 the kernel's count of the first calls is taken too: where
  // the time of a stall goes (bench.mjs loads such a page apart, as the
  // two requests around the calls change what they measure a little).
  const withSched = params.get('sched') === '1';
  const warmMs = Number(params.get('warm') ?? 3000);
  const t0 = performance.now();
  const api = await init('/dist/custnorm.wasm');
  const t1 = performance.now();
  const first = api.validate('secuconnect', DOC);
  const t2 = performance.now();
  if (!first.valid) throw new Error(`the bench record is not valid: ${JSON.stringify(first.issues)}`);
  const each = [];
  const s0 = withSched ? sched() : null;
  const start = performance.now(); // after the kernel's count, if taken
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    api.validate('secuconnect', DOC);
    each.push((performance.now() - t) * 1000);
  }
  const early = ((performance.now() - start) * 1000) / n;
  const split = withSched ? schedSplit(s0, sched()) : null;
  const calls = [
    () => api.validate('secuconnect', DOC),
    () => api.validate('secuconnect', JSON.stringify(DOC)),
    () => api.convert('secuconnect', 'riverty', DOC),
    () => api.normalizePhone('+49 151 23456789', 'DE'),
    () => api.normalizeCountry('Deutschland'),
  ];
  for (const end = performance.now() + warmMs; performance.now() < end;) {
    for (const c of calls) c();
    await new Promise((r) => setTimeout(r, 0)); // let background compilation finish
  }
  return {
    // performance.now() counts from the navigation start (timeOrigin).
    navToFirstResultMs: t2,
    navToInitMs: t0,
    initMs: t1 - t0,
    firstValidateMs: t2 - t1,
    initToFirstResultMs: t2 - t0,
    validateEarlyUs: early,
    // The median call of those and the time lost in calls over 1 ms: the
    // mean is the median plus such stalls, which come from V8's optimizing
    // compiler working beside the page on a 2-core machine (bench.mjs's
    // liftoff run) and from the machine (empty-page.mjs's control).
    validateEarlyMedianUs: [...each].sort((a, b) => a - b)[each.length >> 1],
    validateEarlyStallMs: each.filter((x) => x > 1000).reduce((a, x) => a + x, 0) / 1000,
    // sched=1: of the first calls' time, what the page's thread spent on
    // a CPU and waiting for one (another thread had it), per call, µs.
    ...(split ? { schedRunUs: (split.run * 1000) / n, schedWaitUs: (split.wait * 1000) / n } : {}),
    validateUs: perCall(calls[0], n),
    validateJSONTextUs: perCall(calls[1], n),
    convertUs: perCall(calls[2], n),
    normalizePhoneUs: perCall(calls[3], n),
    normalizeCountryUs: perCall(calls[4], n),
  };
}

main().then(
  (r) => { window.__bench = r; document.getElementById('out').textContent = JSON.stringify(r, null, 1); },
  (err) => { window.__bench = { error: String(err.stack ?? err) }; },
);
