// Speed of the browser build in headless Chromium (scripts/wasm-bench.sh):
// `runs` cold page loads of the bench page, each in a fresh browser with a
// fresh profile (no code cache), and as many of an empty Go wasm program
// (testdata/empty, built by wasm-bench.sh into DIST/test/empty.wasm),
// interleaved so that both see the same machine, serving DIST on
// 127.0.0.1. Prints one JSON object: the median of each figure, every run,
// and the ratio of the medians of the time from navigation start to the
// first validation result and to the empty program's start.
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

// load opens page in a fresh browser and returns its window.__bench;
// jsFlags are V8's.
async function load(url, page, jsFlags = '') {
  const profile = mkdtempSync(path.join(tmpdir(), 'custnorm-bench-'));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: jsFlags ? [...ARGS, `--js-flags=${jsFlags}`] : ARGS,
  });
  try {
    const p = await ctx.newPage();
    await p.goto(`${url}/test/${page}`);
    await p.waitForFunction(() => window.__bench, null, { timeout: 120_000 });
    const r = await p.evaluate(() => window.__bench);
    if (r.error) throw new Error(`${page}: ${r.error}`);
    return r;
  } finally {
    await ctx.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

const median = (v) => {
  const s = [...v].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const round = (x) => Math.round(x * 10) / 10;

const server = await serve({ '/dist/': dist, '/test/': here }, { ttlMs: 900_000, isolated: true });
const results = [];
const empty = [];
// The bench page again with V8's baseline compiler only (Liftoff, no
// optimizing tier working beside the page): what the first calls cost
// without that compiler's threads taking the second core.
const liftoff = [];
try {
  for (let i = 0; i < runs; i++) {
    // Alternate which page loads first.
    if (i % 2 === 0) {
      results.push(await load(server.url, 'bench.html'));
      empty.push(await load(server.url, 'empty.html'));
    } else {
      empty.push(await load(server.url, 'empty.html'));
      results.push(await load(server.url, 'bench.html'));
    }
    liftoff.push(await load(server.url, 'bench.html', '--liftoff-only'));
  }
} finally {
  await server.close();
}
const med = {};
for (const key of Object.keys(results[0])) med[key] = round(median(results.map((r) => r[key])));
med.emptyNavToReadyMs = round(median(empty.map((r) => r.navToReadyMs)));
med.controlLostMs = round(median(empty.map((r) => r.controlLostMs)));
med.liftoffValidateEarlyUs = round(median(liftoff.map((r) => r.validateEarlyUs)));
med.liftoffValidateEarlyStallMs = round(median(liftoff.map((r) => r.validateEarlyStallMs)));
med.startRatio = Math.round((median(results.map((r) => r.navToFirstResultMs)) / median(empty.map((r) => r.navToReadyMs))) * 100) / 100;
console.log(JSON.stringify({ runs, median: med, all: results, empty, liftoff }));
