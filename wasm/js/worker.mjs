// custnorm off the main thread: initWorker starts an instance in a module
// Web Worker and answers through promises. See worker.d.ts.
//
//   import { initWorker } from 'custnorm/worker';
//   const cn = await initWorker();
//   const res = await cn.validate('secuconnect', bigDocument, { lang: 'de' });
//   cn.dispose();
//
// The arguments are checked (and objects turned into JSON text) on the
// calling thread, exactly as custnorm.mjs checks them, so a call gives
// what the same call to init()'s API gives; the text and byte arrays are
// copied to the worker, which does the work.
import { prepare } from './args.mjs';

/**
 * Starts a Worker running worker-thread.mjs and loads the module there.
 *
 * @param {string|URL|Response|Promise<Response>|ArrayBuffer|ArrayBufferView|WebAssembly.Module} [source]
 *   where custnorm.wasm is; by default the custnorm.wasm next to this module.
 * @param {{worker?: Worker}} [options] a Worker already started from
 *   worker-thread.mjs (for bundlers that do not bundle workers themselves).
 * @returns {Promise<import('./worker.d.ts').CustnormWorker>}
 */
export async function initWorker(source = new URL('./custnorm.wasm', import.meta.url), options = {}) {
  const worker = options.worker ?? new Worker(new URL('./worker-thread.mjs', import.meta.url), { type: 'module' });
  const pending = new Map();
  let next = 0;
  let dead = null;
  const fail = (err) => {
    dead ??= err;
    for (const { reject } of pending.values()) reject(dead);
    pending.clear();
  };
  worker.addEventListener('message', (e) => {
    const { id, result, error } = e.data ?? {};
    const p = pending.get(id);
    if (!p) return;
    pending.delete(id);
    if (error !== undefined) p.reject(new Error(error));
    else p.resolve(result);
  });
  worker.addEventListener('error', (e) => {
    e.preventDefault?.();
    fail(new Error(`custnorm: the worker failed: ${e.message ?? 'could not load worker-thread.mjs'}`));
  });
  worker.addEventListener('messageerror', () => fail(new Error('custnorm: a message from the worker could not be read')));
  const post = (msg, transfer = []) => new Promise((resolve, reject) => {
    if (dead) {
      reject(dead);
      return;
    }
    const id = next++;
    pending.set(id, { resolve, reject });
    try {
      worker.postMessage({ id, ...msg }, transfer);
    } catch (err) {
      pending.delete(id);
      reject(err);
    }
  });

  let info;
  try {
    info = await post({ op: 'init', source: await portable(await source), messages: options.messages ?? null });
  } catch (err) {
    worker.terminate();
    throw err;
  }
  const out = { version: Object.freeze(info.version) };
  for (const name of info.ops) {
    out[name] = (...args) => {
      let prepared;
      try {
        prepared = args.slice(0, 255).map(prepare);
      } catch (err) {
        return Promise.reject(err);
      }
      return post({ op: name, args: prepared });
    };
  }
  out.dispose = () => {
    if (dead?.disposed) return;
    worker.terminate();
    const err = new Error('custnorm: this worker was disposed (dispose() was called)');
    err.disposed = true;
    dead = null;
    fail(err);
  };
  return Object.freeze(out);
}

// portable turns a source into what can be posted to the worker: a URL as
// an absolute URL string (a Worker's base URL is its script's), a Response
// as its bytes; bytes and compiled modules as they are.
async function portable(source) {
  if (typeof source === 'string' || source instanceof URL) {
    return new URL(source, globalThis.location?.href ?? import.meta.url).href;
  }
  if (typeof Response !== 'undefined' && source instanceof Response) {
    if (!source.ok) throw new Error(`custnorm: fetching ${source.url}: HTTP ${source.status}`);
    return new Uint8Array(await source.arrayBuffer());
  }
  return source;
}
