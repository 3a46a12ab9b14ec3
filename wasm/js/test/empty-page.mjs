// The baseline of bench.mjs: an empty Go program for js/wasm
// (testdata/empty), loaded as custnorm.mjs loads custnorm.wasm (the same
// wasm_exec.mjs, instantiateStreaming, go.run). Publishes window.__bench
// with the time from navigation start until its main function ran, and a
// control for the bench page's first calls: right after that start, 200
// busy waits of 100 µs each, and how much longer than 20 ms they took in
// all (time the page's thread did not run: the machine and the browser
// beside it, which the first validate calls on the bench page suffer too).
import { goRuntime } from '/dist/wasm_exec.mjs';

async function main() {
  const { Go, globals } = goRuntime();
  const go = new Go();
  const ready = new Promise((resolve) => { globals.__emptyReady = resolve; });
  const { instance } = await WebAssembly.instantiateStreaming(fetch('/dist/test/empty.wasm'), go.importObject);
  go.run(instance);
  await ready;
  const navToReadyMs = performance.now();
  const t0 = performance.now();
  for (let i = 0; i < 200; i++) {
    const t = performance.now();
    while (performance.now() - t < 0.1);
  }
  return { navToReadyMs, controlLostMs: performance.now() - t0 - 20 };
}

main().then(
  (r) => { window.__bench = r; document.getElementById('out').textContent = JSON.stringify(r, null, 1); },
  (err) => { window.__bench = { error: String(err.stack ?? err) }; },
);
