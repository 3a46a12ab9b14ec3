// The npm package as a user gets it (make wasm-test): npm pack in dist, the
// tarball installed into a fresh scratch project (offline: it has no
// dependencies), then, by package name: Node; tsc --strict over
// package/usage-check.ts; an esbuild bundle and a Vite build, each loaded
// in headless Chromium (the .wasm found without hand copying, the worker
// entry with a large document, dispose, no new globals).
//
// CUSTNORM_DIST is the dist directory; CHROMIUM the browser. esbuild, vite,
// typescript and playwright-core come from tools/js/node_modules.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, readFileSync, writeFileSync, copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { serve } from './serve.mjs';
import { launch } from './chromium.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const dist = path.resolve(process.env.CUSTNORM_DIST ?? path.join(root, 'dist'));
const tools = path.join(root, 'tools/js/node_modules');
const fixtures = path.join(here, 'package');

const run = (cmd, args, cwd, timeout = 240_000) =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', timeout, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });

let scratch;
let tarball;
let pkg;
before(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'custnorm-package-'));
  pkg = JSON.parse(readFileSync(path.join(dist, 'package.json'), 'utf8'));
  const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', scratch], dist));
  tarball = path.join(scratch, packed[0].filename);
  pkg.packedFiles = packed[0].files.map((f) => f.path).sort();
  pkg.packedSize = packed[0].size;
  writeFileSync(path.join(scratch, 'package.json'), JSON.stringify({ name: 'scratch', private: true, type: 'module' }));
  run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], scratch);
  for (const f of readdirSync(fixtures)) copyFileSync(path.join(fixtures, f), path.join(scratch, f));
});
after(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

test('npm pack gives the package: name, version, licence, exports, files, no side effects', () => {
  assert.equal(pkg.name, 'custnorm');
  assert.match(pkg.version, /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/);
  assert.equal(pkg.license, 'MIT');
  assert.equal(pkg.type, 'module');
  assert.equal(pkg.sideEffects, false);
  assert.deepEqual(pkg.exports['.'], { types: './custnorm.d.ts', default: './custnorm.mjs' });
  assert.deepEqual(pkg.exports['./worker'], { types: './worker.d.ts', default: './worker.mjs' });
  assert.equal(pkg.exports['./custnorm.wasm'], './custnorm.wasm');
  assert.deepEqual(pkg.packedFiles, [...pkg.files, 'package.json'].sort(), 'the tarball holds exactly the files');
  for (const f of ['LICENSE', 'LICENSE-go', 'README.md', 'custnorm.wasm', 'wasm_exec.mjs']) assert.ok(pkg.files.includes(f), f);
  console.log(`# ${path.basename(tarball)}: ${pkg.packedSize} bytes, ${pkg.packedFiles.length} files`);
});

test('in Node, by package name', () => {
  const out = JSON.parse(run('node', ['node-check.mjs'], scratch));
  assert.equal(out.version.custnorm, out.packageVersion, 'api.version is package.json\'s version');
  assert.equal(out.validate.valid, true);
  assert.equal(out.phone.e164, '+493012345678');
  assert.ok(out.formats.includes('stancer'));
  assert.equal(out.globalsUnchanged, true);
});

test('tsc --strict: the declarations type a user\'s code and reject misspelt formats and codes', () => {
  const tsc = path.join(tools, 'typescript/bin/tsc');
  for (const resolution of [['--module', 'esnext', '--moduleResolution', 'bundler'], ['--module', 'nodenext', '--moduleResolution', 'nodenext']]) {
    try {
      run('node', [tsc, '--noEmit', '--strict', '--target', 'es2022', ...resolution, '--lib', 'es2022,dom', '--types', '', 'usage-check.ts'], scratch);
    } catch (err) {
      assert.fail(`tsc ${resolution.join(' ')}:\n${err.stdout}${err.stderr}`);
    }
  }
});

let bundles;
before(() => {
  // esbuild: the app and the worker's script as entry points, the module
  // as a file beside them.
  const esbuild = path.join(scratch, 'out-esbuild');
  run(path.join(tools, '.bin/esbuild'), [
    'esbuild-app.mjs', 'custnorm/worker-thread', '--bundle', '--format=esm', '--target=es2022', '--loader:.wasm=file',
    '--entry-names=[name]', '--asset-names=[name]-[hash]', `--outdir=${esbuild}`, '--log-level=warning',
  ], scratch);
  writeFileSync(path.join(esbuild, 'index.html'), readFileSync(path.join(fixtures, 'index.html'), 'utf8').replace('APP', 'esbuild-app.js'));
  // Vite: an index.html and the app; no configuration of custnorm at all.
  const app = path.join(scratch, 'vite');
  mkdirSync(app);
  writeFileSync(path.join(app, 'index.html'), readFileSync(path.join(fixtures, 'index.html'), 'utf8').replace('APP', 'vite-app.mjs'));
  copyFileSync(path.join(fixtures, 'vite-app.mjs'), path.join(app, 'vite-app.mjs'));
  copyFileSync(path.join(fixtures, 'page-checks.mjs'), path.join(app, 'page-checks.mjs'));
  writeFileSync(path.join(app, 'vite.config.mjs'),
    "export default { base: './', logLevel: 'warn', build: { target: 'es2022', outDir: 'dist' }, worker: { format: 'es' } };\n");
  run('node', [path.join(tools, 'vite/bin/vite.js'), 'build', '--config', 'vite.config.mjs'], app);
  bundles = { esbuild, vite: path.join(app, 'dist') };
});

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

for (const bundler of ['esbuild', 'vite']) {
  test(`a ${bundler} bundle in Chromium finds custnorm.wasm, runs the worker entry and leaves no globals`, async () => {
    const files = readdirSync(bundles[bundler], { recursive: true }).map(String);
    assert.ok(files.some((f) => f.endsWith('.wasm')), `${bundler} put the module in its output: ${files.join(', ')}`);
    const server = await serve({ '/': bundles[bundler] });
    try {
      const page = await browser.context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
      page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
      await page.goto(`${server.url}/index.html`);
      await page.waitForSelector('body[data-result]', { timeout: 120_000 });
      const out = JSON.parse(await page.evaluate(() => document.body.dataset.result));
      assert.deepEqual(out.failures, []);
      assert.deepEqual(errors, []);
      assert.deepEqual(out.newGlobals, [], 'no new globals after init, calls, the worker and dispose');
      assert.equal(out.version.custnorm, pkg.version);
      assert.ok(out.ticksDuringWorker > 0, 'the page ran while the worker validated');
      console.log(`# ${bundler}: ${files.length} files; a ${(out.bigBytes / 1e3).toFixed(0)} kB list of 3,000 records: ${out.pageMs.toFixed(0)} ms in the page, ${out.workerMs.toFixed(0)} ms through the worker (the page ticked ${out.ticksDuringWorker} times meanwhile)`);
      await page.close();
    } finally {
      await server.close();
    }
  });
}
