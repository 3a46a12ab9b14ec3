// The custnorm demo: the customer form is a canonical record; every change
// converts it to every provider's format with the browser build, shows the
// picked provider's issues next to the fields their paths point at, and the
// converted documents beside the form.
import { init } from './dist/custnorm.mjs';

// Form fields and the canonical paths their values go to.
const FIELDS = {
  givenName: '/givenName',
  familyName: '/familyName',
  birthDate: '/birthDate',
  email: '/email',
  phone: '/phone',
  mobile: '/mobile',
  street: '/address/street',
  houseNumber: '/address/houseNumber',
  postalCode: '/address/postalCode',
  city: '/address/city',
  country: '/address/country',
};

// A synthetic customer to start with (example.com, a documented test range).
const SAMPLE = {
  givenName: 'Erika',
  familyName: 'Mustermann',
  birthDate: '1964-08-12',
  email: 'erika.mustermann@example.com',
  phone: '030 12345678',
  mobile: '0151 23456789',
  street: 'Heidestraße',
  houseNumber: '17',
  postalCode: '51147',
  city: 'Köln',
  country: 'Deutschland',
};

const TEXT = {
  en: {
    subtitle: 'customer data for payment providers', provider: 'Provider', language: 'Language',
    hint: 'Everything runs in your browser: the form is checked by the same Go code as the custnorm CLI, compiled to WebAssembly. Nothing is sent anywhere.',
    person: 'Person', contact: 'Contact', address: 'Address', givenName: 'Given name', familyName: 'Family name',
    birthDate: 'Birth date', email: 'Email', phone: 'Phone', mobile: 'Mobile', street: 'Street',
    houseNumber: 'House number', postalCode: 'Postal code', city: 'City', country: 'Country',
    outputs: 'Converted for each provider', accepted: 'accepted', rejected: (n) => `${n} error${n === 1 ? '' : 's'}`,
    warnings: (n) => `${n} warning${n === 1 ? '' : 's'}`, changes: (n) => `${n} change${n === 1 ? '' : 's'}`,
    ready: (ms) => `ready (${ms} ms)`, loading: 'loading…', failed: 'could not load custnorm.wasm', document: 'Document',
    noOutput: 'no output',
  },
  de: {
    subtitle: 'Kundendaten für Zahlungsanbieter', provider: 'Anbieter', language: 'Sprache',
    hint: 'Alles läuft in Ihrem Browser: Das Formular prüft derselbe Go-Code wie die custnorm-CLI, nach WebAssembly übersetzt. Nichts wird versendet.',
    person: 'Person', contact: 'Kontakt', address: 'Adresse', givenName: 'Vorname', familyName: 'Nachname',
    birthDate: 'Geburtsdatum', email: 'E-Mail', phone: 'Telefon', mobile: 'Mobil', street: 'Straße',
    houseNumber: 'Hausnummer', postalCode: 'Postleitzahl', city: 'Ort', country: 'Land',
    outputs: 'Umgewandelt für jeden Anbieter', accepted: 'angenommen', rejected: (n) => `${n} Fehler`,
    warnings: (n) => `${n} Warnung${n === 1 ? '' : 'en'}`, changes: (n) => `${n} Änderung${n === 1 ? '' : 'en'}`,
    ready: (ms) => `bereit (${ms} ms)`, loading: 'lädt…', failed: 'custnorm.wasm konnte nicht geladen werden', document: 'Dokument',
    noOutput: 'keine Ausgabe',
  },
  fr: {
    subtitle: 'données client pour prestataires de paiement', provider: 'Prestataire', language: 'Langue',
    hint: 'Tout se passe dans votre navigateur : le formulaire est vérifié par le même code Go que la CLI custnorm, compilé en WebAssembly. Rien n’est envoyé.',
    person: 'Personne', contact: 'Contact', address: 'Adresse', givenName: 'Prénom', familyName: 'Nom',
    birthDate: 'Date de naissance', email: 'E-mail', phone: 'Téléphone', mobile: 'Mobile', street: 'Rue',
    houseNumber: 'Numéro', postalCode: 'Code postal', city: 'Ville', country: 'Pays',
    outputs: 'Converti pour chaque prestataire', accepted: 'accepté', rejected: (n) => `${n} erreur${n === 1 ? '' : 's'}`,
    warnings: (n) => `${n} avertissement${n === 1 ? '' : 's'}`, changes: (n) => `${n} modification${n === 1 ? '' : 's'}`,
    ready: (ms) => `prêt (${ms} ms)`, loading: 'chargement…', failed: 'impossible de charger custnorm.wasm', document: 'Document',
    noOutput: 'pas de sortie',
  },
};

const $ = (id) => document.getElementById(id);
const touched = new Set();
let cn;
let formats = [];

function lang() {
  return $('lang').value;
}

function t(key, ...args) {
  const v = TEXT[lang()][key] ?? TEXT.en[key];
  return typeof v === 'function' ? v(...args) : v;
}

// documentFromForm builds the canonical record; empty fields are left out.
function documentFromForm() {
  const doc = {};
  for (const [id, path] of Object.entries(FIELDS)) {
    const value = $(id).value;
    if (value.trim() === '') continue;
    const [, first, second] = path.split('/');
    if (second) {
      doc[first] ??= {};
      doc[first][second] = value;
    } else {
      doc[first] = value;
    }
  }
  return doc;
}

// fieldOf returns the form field an issue path points at (or into).
function fieldOf(path) {
  for (const [id, p] of Object.entries(FIELDS)) {
    if (path === p || path.startsWith(`${p}/`)) return id;
  }
  return null;
}

function sentence(message) {
  return message ? message[0].toUpperCase() + message.slice(1) : '';
}

function labelOf(path) {
  const id = fieldOf(path);
  if (id) return t(id);
  return path === '' ? t('document') : path;
}

function render() {
  if (!cn) return;
  const doc = documentFromForm();
  const picked = $('provider').value;
  const results = {};
  for (const f of formats) {
    results[f] = cn.convert('canonical', f, doc, { lang: lang() });
  }

  // The picked provider's issues, next to their fields.
  const byField = {};
  const general = [];
  for (const iss of results[picked].issues) {
    const id = fieldOf(iss.path);
    if (id && (touched.has(id) || $(id).value !== '')) {
      (byField[id] ??= []).push(iss);
    } else if (!id) {
      general.push(iss);
    }
  }
  for (const id of Object.keys(FIELDS)) {
    const issues = byField[id] ?? [];
    const msg = $(`msg-${id}`);
    const input = $(id);
    const severity = issues.some((i) => i.severity === 'error') ? 'error' : issues.length ? 'warning' : '';
    msg.textContent = issues.map((i) => sentence(i.message)).join(' · ');
    msg.dataset.severity = severity;
    msg.dataset.codes = issues.map((i) => i.code).join(' ');
    input.classList.toggle('error', severity === 'error');
    input.classList.toggle('warning', severity === 'warning');
    input.setAttribute('aria-invalid', severity === 'error' ? 'true' : 'false');
  }
  const box = $('form-issues');
  box.replaceChildren(...general.map((iss) => {
    const p = document.createElement('p');
    p.className = iss.severity;
    p.textContent = `${labelOf(iss.path)}: ${iss.message}`;
    return p;
  }));

  // Every provider's document.
  const cards = formats.map((f) => {
    const res = results[f];
    const errors = res.issues.filter((i) => i.severity === 'error').length;
    const warnings = res.issues.length - errors;
    const card = document.createElement('article');
    card.className = `out${f === picked ? ' picked' : ''}`;
    card.dataset.format = f;
    card.dataset.ok = String(res.ok);
    const h = document.createElement('h3');
    const name = document.createElement('button');
    name.type = 'button';
    name.textContent = f;
    name.addEventListener('click', () => {
      $('provider').value = f;
      render();
    });
    const badge = document.createElement('span');
    badge.className = `badge ${res.ok ? 'ok' : 'bad'}`;
    badge.textContent = res.ok ? t('accepted') : t('rejected', errors);
    h.append(name, badge);
    const meta = document.createElement('p');
    meta.className = 'meta';
    meta.textContent = [warnings ? t('warnings', warnings) : '', res.changes.length ? t('changes', res.changes.length) : '']
      .filter(Boolean).join(' · ');
    const pre = document.createElement('pre');
    pre.textContent = res.output ? JSON.stringify(res.output, null, 2) : t('noOutput');
    card.append(h, meta, pre);
    return card;
  });
  $('outputs').replaceChildren(...cards);

  const res = results[picked];
  const status = $('status');
  status.dataset.state = res.ok ? 'valid' : 'invalid';
  status.textContent = `${picked}: ${res.ok ? t('accepted') : t('rejected', res.issues.filter((i) => i.severity === 'error').length)}`;
}

function translate() {
  document.documentElement.lang = lang();
  for (const el of document.querySelectorAll('[data-i18n]')) {
    el.textContent = t(el.dataset.i18n);
  }
}

async function main() {
  for (const [id, value] of Object.entries(SAMPLE)) $(id).value = value;
  const remembered = new URLSearchParams(location.search);
  if (TEXT[remembered.get('lang')]) $('lang').value = remembered.get('lang');
  translate();
  $('status').textContent = t('loading');

  const start = performance.now();
  try {
    cn = await init(new URL('./dist/custnorm.wasm', import.meta.url));
  } catch (err) {
    $('status').dataset.state = 'failed';
    $('status').textContent = `${t('failed')}: ${err.message}`;
    return;
  }
  formats = cn.formats().filter((f) => f !== 'canonical');
  const select = $('provider');
  select.replaceChildren(...formats.map((f) => new Option(f, f)));
  select.value = formats.includes(remembered.get('provider')) ? remembered.get('provider') : formats.includes('stancer') ? 'stancer' : formats[0];
  select.disabled = false;

  for (const id of Object.keys(FIELDS)) {
    $(id).addEventListener('input', () => {
      touched.add(id);
      render();
    });
    $(id).addEventListener('blur', () => {
      touched.add(id);
      render();
    });
  }
  select.addEventListener('change', render);
  $('lang').addEventListener('change', () => {
    translate();
    render();
  });
  $('customer').addEventListener('submit', (e) => e.preventDefault());

  render();
  const ms = Math.round(performance.now() - start);
  document.body.dataset.ready = 'true';
  $('status').title = t('ready', ms);
}

main();
