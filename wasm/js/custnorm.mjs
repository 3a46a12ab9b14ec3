// custnorm in the browser (and Node): the Go library compiled to WebAssembly.
// See custnorm.d.ts for the API and wasm/doc.go for the contract.
//
//   import { init } from './custnorm.mjs';
//   const cn = await init();                       // fetches ./custnorm.wasm
//   cn.validate('stancer', { name: 'Bob', email: 'bob@example.com' }, { lang: 'de' });
//
// wasm_exec.js must be the one of the Go toolchain that built custnorm.wasm;
// `make wasm` copies both into dist/.
import './wasm_exec.js';

// The operations the Go side exports, and the shape of a failure of each
// (used only if the Go program is gone, which the Go side prevents).
const shapes = {
  formats: null,
  validate: (issues) => ({ valid: false, issues }),
  convert: (issues) => ({ ok: false, issues, changes: [] }),
  normalizePhone: (issues) => ({ ok: false, issues }),
  normalizeCountry: (issues) => ({ ok: false, issues }),
  normalizeNationality: (issues) => ({ ok: false, issues }),
};

let instances = 0;

/**
 * Loads and starts one instance of the module. Each call (each Worker)
 * gets its own instance with its own memory.
 *
 * @param {string|URL|Response|Promise<Response>|ArrayBuffer|ArrayBufferView|WebAssembly.Module} [source]
 *   where custnorm.wasm is; by default the custnorm.wasm next to this module.
 * @returns {Promise<import('./custnorm.d.ts').Custnorm>}
 */
export async function init(source = new URL('custnorm.wasm', import.meta.url)) {
  const GoClass = globalThis.Go;
  if (typeof GoClass !== 'function') {
    throw new Error('custnorm: wasm_exec.js did not define Go; serve it next to custnorm.mjs');
  }
  const go = new GoClass();
  const readyName = `__custnorm_ready_${Date.now().toString(36)}_${instances++}`;
  const ready = new Promise((resolve) => {
    globalThis[readyName] = (ns) => {
      delete globalThis[readyName];
      resolve(ns);
    };
  });
  go.argv = ['custnorm', readyName];
  go.env = {};
  let instance;
  try {
    instance = await instantiate(await source, go.importObject);
  } catch (err) {
    delete globalThis[readyName];
    throw err;
  }
  const exited = go.run(instance).then(() => {
    throw new Error('custnorm: the Go program exited');
  });
  const ns = await Promise.race([ready, exited]);
  exited.catch(() => {}); // the program never exits once ready
  return api(ns);
}

// instantiate compiles and instantiates source with the imports of go.
async function instantiate(source, imports) {
  if (source instanceof WebAssembly.Module) {
    return WebAssembly.instantiate(source, imports);
  }
  if (typeof source === 'string' || source instanceof URL) {
    const url = new URL(source, globalThis.location?.href ?? import.meta.url);
    if (url.protocol === 'file:') {
      // Node: fetch cannot read files. The specifier is computed so that
      // bundlers for the browser leave it alone.
      const fsName = ['node', 'fs/promises'].join(':');
      const { readFile } = await import(fsName);
      return instantiate(await readFile(url), imports);
    }
    source = await fetch(url);
  }
  if (typeof Response !== 'undefined' && source instanceof Response) {
    if (!source.ok) {
      throw new Error(`custnorm: fetching ${source.url}: HTTP ${source.status}`);
    }
    const type = source.headers.get('Content-Type') ?? '';
    if (typeof WebAssembly.instantiateStreaming === 'function' && type.startsWith('application/wasm')) {
      return (await WebAssembly.instantiateStreaming(source, imports)).instance;
    }
    source = await source.arrayBuffer();
  }
  if (source instanceof ArrayBuffer || ArrayBuffer.isView(source)) {
    return (await WebAssembly.instantiate(source, imports)).instance;
  }
  throw new TypeError('custnorm: init(source): source must be a URL, a string, a Response, bytes or a WebAssembly.Module');
}

// api wraps the Go namespace: each function returns a JSON string, which
// becomes a plain object here.
function api(ns) {
  const out = {};
  for (const name of Object.keys(ns)) {
    const fn = ns[name];
    const shape = shapes[name];
    out[name] = (...args) => {
      let text;
      try {
        text = fn(...args);
      } catch (err) {
        // Only a dead Go program throws ("Go program has already exited").
        if (!shape) throw err;
        return shape([{ path: '', code: 'internal', severity: 'error', message: `custnorm: ${err.message}`, params: { op: name } }]);
      }
      return JSON.parse(text);
    };
  }
  return Object.freeze(out);
}
