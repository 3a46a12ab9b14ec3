// The esbuild application: esbuild does not follow new URL(…,
// import.meta.url), so the module is imported as a file (--loader:.wasm=file
// copies it next to the bundle) and the worker's script is an entry point
// of its own (custnorm/worker-thread), as the README says.
import { init } from 'custnorm';
import { initWorker } from 'custnorm/worker';
import wasm from 'custnorm/custnorm.wasm';
import { run } from './page-checks.mjs';

const source = new URL(wasm, import.meta.url);
run({
  init, initWorker, source,
  workerOptions: { worker: new Worker(new URL('./worker-thread.js', import.meta.url), { type: 'module' }) },
});
