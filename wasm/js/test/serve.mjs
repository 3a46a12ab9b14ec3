// A static file server for the browser tests: 127.0.0.1 only, a fixed set
// of mounted directories, and a deadline after which it closes by itself.
import http from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
};

// serve mounts dirs ({'/dist/': '/abs/dist', …}) and resolves to {url, close}.
// isolated sends the headers that make a page cross-origin isolated, whose
// performance.now() then counts in 5 µs steps instead of 100 µs. routes
// maps exact paths to functions that return a JSON value, answered to a GET
// (bench.mjs's /__sched).
export async function serve(mounts, { ttlMs = 180_000, isolated = false, routes = {} } = {}) {
  const isolation = isolated ? { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' } : {};
  const server = http.createServer(async (req, res) => {
    try {
      const { pathname } = new URL(req.url, 'http://127.0.0.1');
      if (Object.hasOwn(routes, pathname) && req.method === 'GET') {
        const body = JSON.stringify(routes[pathname]());
        res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...isolation }).end(body);
        return;
      }
      const prefix = Object.keys(mounts).find((p) => pathname.startsWith(p));
      if (!prefix || (req.method !== 'GET' && req.method !== 'HEAD')) {
        res.writeHead(404).end();
        return;
      }
      const root = path.resolve(mounts[prefix]);
      const file = path.resolve(root, decodeURIComponent(pathname.slice(prefix.length)));
      if (file !== root && !file.startsWith(root + path.sep)) {
        res.writeHead(404).end();
        return;
      }
      const body = await readFile(file);
      res.writeHead(200, {
        'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        'Content-Length': body.length,
        'Cache-Control': 'no-store',
        ...isolation,
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const close = () => {
    clearTimeout(timer);
    server.closeAllConnections();
    return new Promise((resolve) => server.close(() => resolve()));
  };
  const timer = setTimeout(close, ttlMs);
  timer.unref();
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}`, close };
}
