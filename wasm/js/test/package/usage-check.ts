// Compiled by wasm/js/test/package.test.mjs with tsc --noEmit --strict in
// a scratch project where the packed npm package is installed: the
// declarations must describe how the API is used, and reject what is
// wrong (each @ts-expect-error line must be an error, or tsc fails).
import { init, type Custnorm, type Issue, type ConvertResult, type IssueCode, type Format, type CanonicalCustomer } from 'custnorm';
import { initWorker, type CustnormWorker } from 'custnorm/worker';

async function main(): Promise<void> {
  const cn: Custnorm = await init(new URL('./custnorm.wasm', import.meta.url));
  const formats: Format[] = cn.formats();
  const names: string[] = formats;
  const version: string = cn.version.custnorm;
  const revision: string = cn.version.revision;
  const phoneMetadata: string = cn.version.phoneMetadata;

  const v = cn.validate('stancer', { name: 'Bob', email: 'bob@example.com' }, { lang: 'de', region: 'DE', strict: true });
  const valid: boolean = v.valid;
  const first: Issue | undefined = v.issues[0];
  if (first) {
    const where: string = first.path;
    const text: string = first.message;
    const sev: 'error' | 'warning' = first.severity;
    const code: IssueCode = first.code;
    if (first.code === 'too_deep' || first.code === 'invalid_encoding' || first.code === 'bad_request') {
      console.log(where, text, sev, code, first.params['max']);
    }
  }
  for (const rec of v.records ?? []) {
    const ok: boolean = rec.valid;
    console.log(ok, rec.issues.length);
  }

  interface Stancer { name?: string; email?: string; mobile?: string }
  const c: ConvertResult<Stancer> = cn.convert<Stancer>('secuconnect', 'stancer', '{"contact":{}}');
  const name: string | undefined = c.output?.name;
  for (const ch of c.changes) {
    console.log(ch.kind, ch.path, ch.target ?? '', ch.rule);
  }
  // The canonical record is typed.
  const canon = cn.convert('stancer', 'canonical', { name: 'David Coaster' });
  const record: CanonicalCustomer | undefined = canon.output;
  const given: string | undefined = record?.givenName;
  const country: string | undefined = record?.address?.country;
  const live: boolean | undefined = record?.liveMode;

  // PhoneResult is a discriminated union on ok.
  const p = cn.normalizePhone('030 12345678', 'DE');
  if (p.ok) {
    const e164: string = p.e164;
    const kind: 'mobile' | 'fixed_line' | string = p.type;
    console.log(e164, kind);
  } else {
    // @ts-expect-error a refused number has no E.164 form
    const nothing: string = p.e164;
    console.log(nothing, p.issues[0]?.code);
  }
  cn.normalizePhone('+33 6 84 85 86 87');
  cn.normalizePhone('+33 6 84 85 86 87', null, { lang: 'fr' });
  const de = cn.normalizeCountry('Deutschland');
  const code: string | undefined = de.ok ? de.code : undefined;
  const nationality = cn.normalizeNationality('german');

  const bytes = new Uint8Array([123, 125]);
  cn.validate('canonical', bytes);
  await init(bytes.buffer);
  await init(fetch('custnorm.wasm'));
  await init(await WebAssembly.compile(bytes));
  cn.dispose();

  const w: CustnormWorker = await initWorker();
  const wv = await w.validate('secuconnect', { count: 0, data: [] }, { lang: 'de' });
  const wp = await w.normalizePhone('030 12345678', 'DE');
  const wf: Format[] = await w.formats();
  const wc = await w.convert('stancer', 'canonical', {});
  const wg: string | undefined = wc.output?.familyName;
  w.dispose();
  await initWorker(new URL('./custnorm.wasm', import.meta.url), { worker: new Worker('worker-thread.js', { type: 'module' }) });
  console.log(names, version, revision, phoneMetadata, valid, name, given, country, live, code, nationality.ok, wv.valid, wp.ok, wf, wg);

  // @ts-expect-error a misspelt format
  cn.validate('stancr', {});
  // @ts-expect-error a misspelt format
  cn.convert('stancer', 'secuconect', {});
  // @ts-expect-error a misspelt issue code
  const bad: IssueCode = 'invalid_emial';
  // @ts-expect-error an issue code is one of the list
  if (first?.code === 'not_a_code') console.log(bad);
  // @ts-expect-error options are an object
  cn.validate('stancer', {}, 'de');
  // @ts-expect-error strict is a boolean
  cn.convert('stancer', 'canonical', {}, { strict: 'yes' });
  // @ts-expect-error text is a string
  cn.normalizeCountry(276);
  // @ts-expect-error validate has no output
  console.log(cn.validate('stancer', {}).output);
  // @ts-expect-error version is read-only
  cn.version = { custnorm: '', revision: '', phoneMetadata: '' };
  // @ts-expect-error the canonical record has no such member
  console.log(record?.firstName);
  // @ts-expect-error a worker's results are promises
  const sync: boolean = w.validate('stancer', {}).valid;
  console.log(sync);
}

void main();
