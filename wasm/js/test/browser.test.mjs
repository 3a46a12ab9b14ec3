// The conformance corpus and the demo page in headless Chromium (make
// wasm-test): Debian's chromium driven by playwright-core from
// tools/js/node_modules (no browser download), pages served on 127.0.0.1
// by servers that stop by themselves.
//
// CUSTNORM_DIST is the dist directory (with test/expected.json and
// test/custnorm-testhooks.wasm); CHROMIUM the browser (/usr/bin/chromium).
// The demo's screenshot goes to $CUSTNORM_DIST/test/demo.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { serve } from './serve.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const dist = path.resolve(process.env.CUSTNORM_DIST ?? path.join(root, 'dist'));
import { launch } from './chromium.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

function watch(page) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  return errors;
}

test('the conformance corpus in Chromium equals the Go library, in the page and in two Workers', async () => {
  const server = await serve({
    '/dist/': dist,
    '/test/': here,
    '/testdata/': path.join(root, 'testdata'),
  });
  try {
    const page = await browser.context.newPage();
    const errors = watch(page);
    await page.goto(`${server.url}/test/browser.html`);
    await page.waitForFunction(() => window.__custnorm, null, { timeout: 120_000 });
    const out = await page.evaluate(() => window.__custnorm);
    assert.deepEqual(out.failures, []);
    assert.deepEqual(errors, []);
    assert.ok(out.cases > 0);
    // Page: every case twice (object, JSON text); two workers: 5 rounds each.
    assert.equal(out.count, 2 * out.cases + 2 * 2 * out.cases * 5);
    assert.ok(out.workersOverlap, 'the two workers ran at the same time');
    assert.deepEqual(out.newGlobals, [], 'init and the calls left no globals');
    console.log(`# chromium: ${out.count} case runs; init ${out.timings.initMs.toFixed(0)} ms, first validate ${out.timings.firstValidateMs.toFixed(1)} ms; 1,000 calls 9,000 levels deep ${out.timings.deep1000Ms.toFixed(0)} ms`);
    await page.close();
  } finally {
    await server.close();
  }
});

// startDemo builds the CLI and runs its demo server (`custnorm demo`) on a
// free loopback port; it stops when killed, and after 300 s at the latest.
async function startDemo() {
  const bin = path.join(mkdtempSync(path.join(tmpdir(), 'custnorm-demo-')), 'custnorm');
  await new Promise((resolve, reject) => {
    const build = spawn('go', ['build', '-o', bin, './cmd/custnorm'], { cwd: root, stdio: 'inherit' });
    build.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`go build ./cmd/custnorm: exit ${code}`))));
    build.once('error', reject);
  });
  return new Promise((resolve, reject) => {
    // The CLI names the page's URL on standard error once it listens.
    const child = spawn(bin, ['demo', '--addr', '127.0.0.1:0', '--dist', dist], { stdio: ['ignore', 'inherit', 'pipe'] });
    const ttl = setTimeout(() => child.kill(), 300_000);
    ttl.unref();
    let buf = '';
    child.stderr.on('data', (d) => {
      buf += d;
      const m = buf.match(/http:\/\/127\.0\.0\.1:\d+\//);
      if (m) {
        resolve({
          url: m[0],
          stop: () => {
            clearTimeout(ttl);
            child.kill();
            rmSync(path.dirname(bin), { recursive: true, force: true });
          },
        });
      }
    });
    child.once('exit', (code) => reject(new Error(`demo server exited (${code}) before listening`)));
    child.once('error', reject);
  });
}

test('the demo validates as you type: an error appears next to the field and goes away', async () => {
  const demo = await startDemo();
  try {
    const page = await browser.context.newPage();
    const errors = watch(page);
    await page.goto(demo.url);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
    assert.equal(await page.locator('#provider').inputValue(), 'stancer');
    assert.equal(await page.locator('#status').getAttribute('data-state'), 'valid', 'the sample customer is accepted');
    const cards = await page.locator('#outputs article').evaluateAll((els) => els.map((e) => e.dataset.format));
    assert.ok(cards.includes('secuconnect') && cards.includes('riverty') && cards.includes('worldline'), cards.join());

    // Type a broken e-mail address: the message appears next to the field.
    const email = page.locator('#email');
    const msg = page.locator('#msg-email');
    await email.fill('');
    await email.pressSequentially('erika.example.com', { delay: 5 });
    await page.waitForFunction(() => document.getElementById('msg-email').textContent !== '');
    assert.equal(await msg.getAttribute('data-severity'), 'error');
    assert.match(await msg.getAttribute('data-codes'), /invalid_email/);
    assert.equal(await email.getAttribute('aria-invalid'), 'true');
    assert.equal(await page.locator('#status').getAttribute('data-state'), 'invalid');
    const english = await msg.textContent();

    // The language picker: the same issue in German.
    await page.locator('#lang').selectOption('de');
    await page.waitForFunction((en) => document.getElementById('msg-email').textContent !== en, english);
    assert.notEqual(await msg.textContent(), english);
    assert.equal(await page.locator('label[for="email"]').textContent(), 'E-Mail');
    await page.locator('#lang').selectOption('en');

    // Correct it: the message goes away.
    await email.press('End');
    await email.fill('erika@example.com');
    await page.waitForFunction(() => document.getElementById('msg-email').textContent === '');
    assert.equal(await email.getAttribute('aria-invalid'), 'false');
    assert.equal(await page.locator('#status').getAttribute('data-state'), 'valid');

    // A German postal code with four digits: its message appears at the
    // field; then the provider picker moves the highlight to riverty (the
    // screenshot shows this state).
    const postal = page.locator('#postalCode');
    await postal.fill('');
    await postal.pressSequentially('5114');
    await page.waitForFunction(() => document.getElementById('msg-postalCode').textContent !== '');
    assert.match(await page.locator('#msg-postalCode').getAttribute('data-codes'), /invalid_postal_code/);
    await page.locator('#provider').selectOption('riverty');
    assert.equal(await page.locator('#outputs article.picked').getAttribute('data-format'), 'riverty');

    const shot = path.join(dist, 'test', 'demo.png');
    await page.screenshot({ path: shot, fullPage: true });
    console.log(`# demo screenshot: ${shot}`);
    await postal.fill('51147');
    await page.waitForFunction(() => document.getElementById('msg-postalCode').textContent === '');
    assert.deepEqual(errors, []);
    await page.close();
  } finally {
    demo.stop();
  }
});

// make wasm-bench's pages (bench.mjs) load and publish their figures: a
// short run of each, so that a change to the package's files cannot break
// the benchmark unnoticed. Needs DIST/test/empty.wasm (make wasm-test
// builds it). The kernel's counts (sched=1) come from a stand-in for
// bench.mjs's /__sched here: one renderer whose thread ran 3 ms and waited
// 1 ms more at each snapshot.
test('the benchmark pages run', async () => {
  let snapshots = 0;
  const fakeSched = () => {
    snapshots++;
    return { 4242: [snapshots * 3e6, snapshots * 1e6] };
  };
  const server = await serve({ '/dist/': dist, '/test/': here }, { isolated: true, routes: { '/__sched': fakeSched } });
  try {
    const pages = [['empty.html', 'navToReadyMs'], ['bench.html?n=5&warm=0', 'validateEarlyMedianUs'], ['bench.html?n=5&warm=0&sched=1', 'schedRunUs']];
    for (const [name, key] of pages) {
      const page = await browser.context.newPage();
      const errors = watch(page);
      await page.goto(`${server.url}/test/${name}`);
      await page.waitForFunction(() => window.__bench, null, { timeout: 60_000 });
      const out = await page.evaluate(() => window.__bench);
      assert.equal(out.error, undefined, name);
      assert.equal(typeof out[key], 'number', `${name}: ${key}`);
      if (key === 'schedRunUs') {
        assert.equal(snapshots, 2, 'one snapshot before the first calls, one after');
        assert.equal(out.schedRunUs, 600, 'schedRunUs: 3 ms over 5 calls');
        assert.equal(out.schedWaitUs, 200, 'schedWaitUs: 1 ms over 5 calls');
      }
      assert.deepEqual(errors, [], name);
      await page.close();
    }
  } finally {
    await server.close();
  }
});
