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
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
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

// rendererSched returns, for each renderer process of the browsers
// running, what the kernel counted for its main thread: [ns on a CPU, ns
// waiting for one] (/proc/PID/schedstat; {} where there is no /proc).
function rendererSched() {
  const out = {};
  let pids = [];
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return out;
  }
  for (const pid of pids) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) continue;
      const [run, wait] = readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').trim().split(' ').map(Number);
      out[pid] = [run, wait];
    } catch {
      // the process ended, or the kernel keeps no such count
    }
  }
  return out;
}

const server = await serve({ '/dist/': dist, '/test/': here }, { ttlMs: 900_000, isolated: true, routes: { '/__sched': rendererSched } });
const results = [];
const empty = [];
// The bench page again with V8's baseline compiler only (Liftoff, no
// optimizing tier working beside the page): what the first calls cost
// without that compiler's threads taking the second core.
const liftoff = [];
// The bench page once more, with the kernel's count of its thread around
// the first calls (sched=1): their time split into running and waiting for
// a core.
const sched = [];
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
    sched.push(await load(server.url, 'bench.html?sched=1&warm=0'));
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
const withSched = sched.filter((r) => r.schedRunUs !== undefined);
med.schedRunUs = withSched.length ? round(median(withSched.map((r) => r.schedRunUs))) : null;
med.schedWaitUs = withSched.length ? round(median(withSched.map((r) => r.schedWaitUs))) : null;
med.schedValidateEarlyUs = withSched.length ? round(median(withSched.map((r) => r.validateEarlyUs))) : null;
med.startRatio = Math.round((median(results.map((r) => r.navToFirstResultMs)) / median(empty.map((r) => r.navToReadyMs))) * 100) / 100;
console.log(JSON.stringify({ runs, median: med, all: results, empty, liftoff, sched }));
