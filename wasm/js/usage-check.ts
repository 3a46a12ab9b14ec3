// Compiled by make wasm-test with tsc --noEmit --strict (module resolution
// "bundler") beside copies of dist/custnorm.d.ts and custnorm.d.mts, the
// declarations TypeScript reads for './custnorm.mjs': they must describe how
// the API is used, and reject what is wrong (the @ts-expect-error lines).
import { init, type Custnorm, type Issue, type ConvertResult } from './custnorm.mjs';

async function main(): Promise<void> {
  const cn: Custnorm = await init(new URL('./custnorm.wasm', import.meta.url));
  const formats: string[] = cn.formats();

  const v = cn.validate('stancer', { name: 'Bob', email: 'bob@example.com' }, { lang: 'de', region: 'DE', strict: true });
  const valid: boolean = v.valid;
  const first: Issue | undefined = v.issues[0];
  if (first) {
    const where: string = first.path;
    const text: string = first.message;
    const sev: 'error' | 'warning' = first.severity;
    console.log(where, text, sev, first.code, first.params['max']);
  }

  interface Stancer { name?: string; email?: string; mobile?: string }
  const c: ConvertResult<Stancer> = cn.convert<Stancer>('secuconnect', 'stancer', '{"contact":{}}');
  const name: string | undefined = c.output?.name;
  for (const ch of c.changes) {
    console.log(ch.kind, ch.path, ch.target ?? '', ch.rule);
  }

  const p = cn.normalizePhone('030 12345678', 'DE');
  const e164: string | undefined = p.ok ? p.e164 : undefined;
  cn.normalizePhone('+33 6 84 85 86 87');
  cn.normalizePhone('+33 6 84 85 86 87', null, { lang: 'fr' });
  const country: string | undefined = cn.normalizeCountry('Deutschland').code;
  const nationality: string | undefined = cn.normalizeNationality('german').code;

  const bytes = new Uint8Array([123, 125]);
  cn.validate('canonical', bytes);
  await init(bytes.buffer);
  await init(fetch('custnorm.wasm'));
  await init(await WebAssembly.compile(bytes));
  console.log(formats, valid, name, e164, country, nationality);

  // @ts-expect-error options are an object
  cn.validate('stancer', {}, 'de');
  // @ts-expect-error strict is a boolean
  cn.convert('stancer', 'canonical', {}, { strict: 'yes' });
  // @ts-expect-error text is a string
  cn.normalizeCountry(276);
  // @ts-expect-error validate has no output
  console.log(cn.validate('stancer', {}).output);
}

void main();
