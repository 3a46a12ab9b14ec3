// Code size by Go package of an unstripped js/wasm build (built without
// -s, so it has a "name" section): the body size of every function in the
// code section, summed by package. Data (tables, strings) has no names in
// a Go wasm; see the linux symbol table in scripts/wasm-bench.sh for that.
//
//   node wasm/js/test/wasm-size.mjs FILE.wasm [top]
import { readFileSync } from 'node:fs';

const buf = readFileSync(process.argv[2]);
const top = Number(process.argv[3] ?? 25);
let pos = 8;
function uleb() {
  let result = 0;
  let shift = 0;
  for (;;) {
    const b = buf[pos++];
    result += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (b < 0x80) return result;
  }
}
let imported = 0;
const bodies = [];
const names = new Map();
const sections = {};
while (pos < buf.length) {
  const id = buf[pos++];
  const size = uleb();
  const end = pos + size;
  sections[id] = (sections[id] ?? 0) + size;
  if (id === 2) { // imports: count functions
    for (let n = uleb(), i = 0; i < n; i++) {
      pos += uleb(); pos += uleb(); // module, field
      const kind = buf[pos++];
      if (kind === 0) { uleb(); imported++; } else if (kind === 1) { pos++; const f = uleb(); uleb(); if (f & 1) uleb(); } else if (kind === 2) { const f = uleb(); uleb(); if (f & 1) uleb(); } else { pos += 2; }
    }
  } else if (id === 10) {
    for (let n = uleb(), i = 0; i < n; i++) {
      const len = uleb();
      bodies.push(len);
      pos += len;
    }
  } else if (id === 0) {
    const nameLen = uleb();
    const name = buf.toString('utf8', pos, pos + nameLen);
    pos += nameLen;
    if (name === 'name') {
      while (pos < end) {
        const sub = buf[pos++];
        const subLen = uleb();
        const subEnd = pos + subLen;
        if (sub === 1) {
          for (let n = uleb(), i = 0; i < n; i++) {
            const idx = uleb();
            const l = uleb();
            names.set(idx, buf.toString('utf8', pos, pos + l));
            pos += l;
          }
        }
        pos = subEnd;
      }
    }
  }
  pos = end;
}
if (names.size === 0) {
  console.error('no name section: build without -ldflags="-s -w"');
  process.exit(1);
}
const byPkg = new Map();
bodies.forEach((len, i) => {
  const name = names.get(imported + i) ?? '?';
  // The linker writes "/" as "_": "golang.org_x_text_language_display.init"
  // is package golang.org/x/text/language/display.
  const domain = name.match(/^[a-z0-9-]+(\.[a-z0-9-]+)+_/);
  const from = domain ? domain[0].length : 0;
  const dot = name.indexOf('.', from);
  const pkg = name.startsWith('type_.') ? '(generated type functions)' : (dot > 0 ? name.slice(0, dot) : name).replaceAll('_', '/');
  byPkg.set(pkg, (byPkg.get(pkg) ?? 0) + len);
});
const code = bodies.reduce((a, b) => a + b, 0);
console.log(`code section ${(sections[10] / 1e6).toFixed(2)} MB, data section ${((sections[11] ?? 0) / 1e6).toFixed(2)} MB, ${bodies.length} functions`);
const MODULES = ['google.golang.org/protobuf', 'golang.org/x/text', 'github.com/nyaruka/phonenumbers', 'github.com/custnorm/custnorm'];
const byModule = new Map();
for (const [pkg, size] of byPkg) {
  const mod = MODULES.find((m) => pkg === m || pkg.startsWith(`${m}/`)) ?? (pkg === 'main' ? 'main (wasm/)' : 'standard library and runtime');
  byModule.set(mod, (byModule.get(mod) ?? 0) + size);
}
console.log('code by module:');
for (const [mod, size] of [...byModule].sort((a, b) => b[1] - a[1])) {
  console.log(`  ${(size / 1e3).toFixed(0).padStart(7)} kB  ${(100 * size / code).toFixed(1).padStart(5)} %  ${mod}`);
}
const display = byPkg.get('golang.org/x/text/language/display') ?? 0;
console.log(display
  ? `golang.org/x/text/language/display (CLDR display-name tables) is linked: ${(display / 1e3).toFixed(0)} kB of code, its tables in the data section`
  : 'golang.org/x/text/language/display is not linked');
console.log(`top ${top} packages by code size:`);
for (const [pkg, size] of [...byPkg].sort((a, b) => b[1] - a[1]).slice(0, top)) {
  console.log(`  ${(size / 1e3).toFixed(0).padStart(7)} kB  ${(100 * size / code).toFixed(1).padStart(5)} %  ${pkg}`);
}
