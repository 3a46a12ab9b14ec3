// The Vite application: nothing but the imports; Vite finds custnorm.wasm
// and the worker's script through new URL(…, import.meta.url).
import { init } from 'custnorm';
import { initWorker } from 'custnorm/worker';
import { run } from './page-checks.mjs';

run({ init, initWorker });
