// A worker_threads worker: loads its own instance of dist/custnorm.mjs,
// says "ready", and on "go" runs the corpus `rounds` times, posting the
// results and when it ran.
import { parentPort, workerData } from 'node:worker_threads';
import { readFile } from 'node:fs/promises';
import { runAll } from './conformance.mjs';

const { dist, cases, expected, rounds } = workerData;
const { init } = await import(new URL('custnorm.mjs', `file://${dist}/`));
const api = await init(await readFile(`${dist}/custnorm.wasm`));
parentPort.once('message', () => {
  const start = performance.timeOrigin + performance.now();
  const failures = [];
  let count = 0;
  for (let r = 0; r < rounds; r++) {
    const res = runAll(api, cases, expected);
    count += res.count;
    failures.push(...res.failures);
  }
  parentPort.postMessage({ count, failures, start, end: performance.timeOrigin + performance.now() });
});
parentPort.postMessage('ready');
