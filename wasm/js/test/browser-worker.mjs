// A module Worker: loads its own instance of custnorm, says "ready", and on
// "go" runs the corpus `rounds` times, posting the results and when it ran.
import { init } from '/dist/custnorm.mjs';
import { runAll } from './conformance.mjs';

const api = init('/dist/custnorm.wasm');
let job;

self.onmessage = async (e) => {
  if (e.data !== 'go') {
    job = e.data;
    await api;
    self.postMessage('ready');
    return;
  }
  const { cases, expected, rounds } = job;
  const cn = await api;
  const start = performance.timeOrigin + performance.now();
  let count = 0;
  const failures = [];
  for (let r = 0; r < rounds; r++) {
    const res = runAll(cn, cases, expected);
    count += res.count;
    failures.push(...res.failures);
  }
  self.postMessage({ count, failures, start, end: performance.timeOrigin + performance.now() });
};
