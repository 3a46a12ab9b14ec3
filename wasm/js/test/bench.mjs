// Speed of the browser build in headless Chromium (scripts/wasm-bench.sh):
// `runs` cold page loads, each in a fresh browser profile (no code cache),
// serving dist/ on 127.0.0.1. Prints one JSON object: the median of each
// figure and every run.
//
//   node wasm/js/test/bench.mjs DIST [runs]
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { serve } from './serve.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const dist = path.resolve(process.argv[2] ?? path.join(root, 'dist'));
const runs = Number(process.argv[3] ?? 5);
const { chromium } = createRequire(path.join(root, 'tools/js/package.json'))('playwright-core');
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

const server = await serve({ '/dist/': dist, '/test/': here });
const results = [];
try {
  for (let i = 0; i < runs; i++) {
    const profile = mkdtempSync(path.join(tmpdir(), 'custnorm-bench-'));
    const ctx = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: ARGS,
    });
    try {
      const page = await ctx.newPage();
      await page.goto(`${server.url}/test/bench.html`);
      await page.waitForFunction(() => window.__bench, null, { timeout: 120_000 });
      const r = await page.evaluate(() => window.__bench);
      if (r.error) throw new Error(r.error);
      results.push(r);
    } finally {
      await ctx.close();
      rmSync(profile, { recursive: true, force: true });
    }
  }
} finally {
  await server.close();
}
const median = {};
for (const key of Object.keys(results[0])) {
  const v = results.map((r) => r[key]).sort((a, b) => a - b);
  median[key] = Math.round(v[Math.floor(v.length / 2)] * 10) / 10;
}
console.log(JSON.stringify({ runs, median, all: results }));
