// The Worker side of worker.mjs: loads one instance of custnorm.mjs and
// answers the calls posted to it with the prepared arguments (args.mjs).
import { init } from './custnorm.mjs';
import { callPrepared } from './args.mjs';

let api = null;

self.addEventListener('message', async (e) => {
  const { id, op, source, args, messages } = e.data;
  try {
    if (op === 'init') {
      api = await init(source, { messages });
      const ops = Object.keys(api).filter((k) => typeof api[k] === 'function' && k !== 'dispose');
      self.postMessage({ id, result: { ops, version: { ...api.version } } });
      return;
    }
    self.postMessage({ id, result: api[callPrepared](op, args) });
  } catch (err) {
    self.postMessage({ id, error: String(err?.message ?? err) });
  }
});
