// The baseline of bench.mjs: an empty Go program for js/wasm
// (testdata/empty), loaded as custnorm.mjs loads custnorm.wasm (the same
// wasm_exec.js, instantiateStreaming, go.run). Publishes window.__bench
// with the time from navigation start until its main function ran.
import '/dist/wasm_exec.js';

async function main() {
  const go = new globalThis.Go();
  const ready = new Promise((resolve) => { globalThis.__emptyReady = resolve; });
  const { instance } = await WebAssembly.instantiateStreaming(fetch('/dist/test/empty.wasm'), go.importObject);
  go.run(instance);
  await ready;
  return { navToReadyMs: performance.now() };
}

main().then(
  (r) => { window.__bench = r; document.getElementById('out').textContent = JSON.stringify(r, null, 1); },
  (err) => { window.__bench = { error: String(err.stack ?? err) }; },
);
