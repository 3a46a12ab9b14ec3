// Run with node in the scratch project: the package by name in Node.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { init } from 'custnorm';

const pkg = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('custnorm/package.json'), 'utf8'));
const keys = Object.keys(globalThis).sort().join();
const cn = await init();
const out = {
  version: cn.version,
  packageVersion: pkg.version,
  formats: cn.formats(),
  validate: cn.validate('stancer', { name: 'David Coaster', email: 'david@example.net' }),
  phone: cn.normalizePhone('030 12345678', 'DE'),
  globalsUnchanged: keys === Object.keys(globalThis).sort().join() && !('fs' in globalThis) && !('Go' in globalThis),
};
cn.dispose();
console.log(JSON.stringify(out));
