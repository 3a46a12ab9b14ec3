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
  return api(ns, instance.exports);
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
// becomes a plain object here. When the module exports custnorm_call, the
// operations are called directly through linear memory (see direct), which
// costs far less per call than a js.Func; the results are the same.
function api(ns, exports) {
  const out = {};
  const call = typeof exports?.custnorm_call === 'function' ? direct(exports) : null;
  Object.keys(ns).forEach((name, index) => {
    const fn = ns[name];
    const shape = shapes[name];
    out[name] = (...args) => {
      let text;
      try {
        text = call ? call(index, args) : fn(...args);
      } catch (err) {
        // Only a dead Go program throws ("Go program has already exited").
        if (!shape) throw err;
        return shape([{ path: '', code: 'internal', severity: 'error', message: `custnorm: ${err.message}`, params: { op: name } }]);
      }
      return JSON.parse(text);
    };
  });
  return Object.freeze(out);
}

// The kinds of arguments, as wasm/bridge.go numbers them.
const KIND = { undefined: 0, null: 1, boolean: 2, number: 3, string: 4, object: 5, bytes: 6, function: 7, symbol: 8, other: 9 };
const NO_DATA = 0xffffffff;

// classify sets kinds[i] and data[i] for one argument as the js.Func glue
// (wasm/main.go, glue.value) reads it: a Uint8Array is bytes; another
// object is the text JSON.stringify gives it, or null when that throws or
// gives no string; a BigInt is "other". It returns the most bytes the
// argument takes in a request.
function classify(v, i, kinds, data) {
  data[i] = undefined;
  switch (typeof v) {
    case 'undefined': kinds[i] = KIND.undefined; return 1;
    case 'boolean': kinds[i] = KIND.boolean; return 1;
    case 'number': kinds[i] = KIND.number; return 1;
    case 'string': kinds[i] = KIND.string; data[i] = v; return 5 + 3 * v.length;
    case 'symbol': kinds[i] = KIND.symbol; return 1;
    case 'function': kinds[i] = KIND.function; return 1;
    case 'bigint': kinds[i] = KIND.other; return 1;
  }
  if (v === null) {
    kinds[i] = KIND.null;
    return 1;
  }
  if (typeof v !== 'object') {
    kinds[i] = KIND.other;
    return 1;
  }
  if (v instanceof Uint8Array) {
    kinds[i] = KIND.bytes;
    data[i] = v;
    return 5 + v.length;
  }
  let text;
  try {
    text = JSON.stringify(v);
  } catch {
    text = undefined;
  }
  kinds[i] = KIND.object;
  data[i] = typeof text === 'string' ? text : null;
  return 5 + (typeof text === 'string' ? 3 * text.length : 0);
}

// direct returns call(opIndex, args) → JSON text over the module's exports
// custnorm_request and custnorm_call (wasm/request.go has the format).
function direct(exports) {
  const enc = new TextEncoder();
  const dec = new TextDecoder();
  const mem = exports.mem;
  const kinds = [];
  const data = [];
  let buffer = null;
  let bytes = null;
  // view returns the bytes of the module's memory, anew when it has grown.
  const view = () => {
    if (mem.buffer !== buffer) {
      buffer = mem.buffer;
      bytes = new Uint8Array(buffer);
    }
    return bytes;
  };
  const u32 = (b, at, v) => {
    b[at] = v & 0xff;
    b[at + 1] = (v >>> 8) & 0xff;
    b[at + 2] = (v >>> 16) & 0xff;
    b[at + 3] = v >>> 24;
  };
  // ascii writes s at b[at…] when it is ASCII (the common short text: a
  // format name, a phone number) and returns its length, -1 otherwise
  // (TextEncoder then writes it, as it writes everything else).
  const ascii = (s, b, at) => {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) return -1;
      b[at + i] = c;
    }
    return s.length;
  };
  return (opIndex, args) => {
    const n = Math.min(args.length, 255);
    let size = 2;
    for (let i = 0; i < n; i++) size += classify(args[i], i, kinds, data);
    const addr = exports.custnorm_request(size);
    const b = view(); // after the call: the memory may have grown
    b[addr] = opIndex;
    b[addr + 1] = n;
    let pos = addr + 2;
    for (let i = 0; i < n; i++) {
      const d = data[i];
      b[pos++] = kinds[i];
      if (d === undefined) continue;
      if (d === null) {
        u32(b, pos, NO_DATA);
        pos += 4;
      } else if (typeof d === 'string') {
        const written = d.length <= 64 ? ascii(d, b, pos + 4) : -1;
        const w = written >= 0 ? written : enc.encodeInto(d, b.subarray(pos + 4, addr + size)).written;
        u32(b, pos, w);
        pos += 4 + w;
      } else {
        u32(b, pos, d.length);
        b.set(d, pos + 4);
        pos += 4 + d.length;
      }
      data[i] = undefined; // keep nothing of the caller's
    }
    const at = exports.custnorm_call(pos - addr) >>> 0;
    const m = view();
    const len = (m[at] | (m[at + 1] << 8) | (m[at + 2] << 16) | (m[at + 3] << 24)) >>> 0;
    return decode(m, at + 4, at + 4 + len);
  };

  // decode is TextDecoder's decode, by hand for a short ASCII text (the
  // common result), where a call to TextDecoder costs more than the loop.
  function decode(m, from, to) {
    if (to - from > 256) return dec.decode(m.subarray(from, to));
    let s = '';
    for (let i = from; i < to; i++) {
      const c = m[i];
      if (c >= 0x80) return dec.decode(m.subarray(from, to));
      s += String.fromCharCode(c);
    }
    return s;
  }
}
