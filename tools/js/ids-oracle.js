#!/usr/bin/env node
// ids-oracle.js asks independent npm implementations whether national
// identity numbers and VAT numbers are valid: the oracle of
// validate/nationalid_oracle_test.go, which compares their verdicts with
// CheckNationalID and CheckVATID on generated (synthetic) numbers.
//
// Usage: node ids-oracle.js < request.json
//
// The request on standard input is a JSON array of cases {"scheme": "<the
// IDScheme of package validate, e.g. se_personnummer, de_vat>", "id": "<the
// number in its canonical form: no spaces; VAT numbers with their country
// prefix>"}. The answer on standard output is one JSON object:
//
//   {"packages": {"<npm package>": "<version>", …},
//    "verdicts": [{"<oracle>": true | false | {"error": "…"}, …}, …]}
//
// verdicts[i] answers case i: one entry per oracle that knows the scheme
// (an oracle is a package, or a package and one of its functions). A
// package that throws gives {"error": …}. The exit status is 0 when the
// request could be read, whatever the verdicts.
//
// Each adapter below only reformats the number into the form its package
// reads (documented where it does); it never decides validity itself.
"use strict";

const fs = require("fs");

const { stdnum } = require("stdnum");
const validator = require("validator");
const Personnummer = require("personnummer");
const { validateNorwegianIdNumber } = require("norwegian-national-id-validator");
const navikt = require("@navikt/fnrvalidator");
const danishSSN = require("danish-ssn");
const { FinnishSSN } = require("finnish-ssn");
const betterDNI = require("better-dni");
const cfUtils = require("@marketto/codice-fiscale-utils");
const isPeselValid = require("pesel-check");
const jsvat = require("jsvat");

const packages = [
  "stdnum",
  "validator",
  "personnummer",
  "norwegian-national-id-validator",
  "@navikt/fnrvalidator",
  "danish-ssn",
  "finnish-ssn",
  "better-dni",
  "@marketto/codice-fiscale-utils",
  "pesel-check",
  "jsvat",
];

function std(mod) {
  return (id) => mod.validate(id).isValid;
}

// seTen writes a 12-digit Swedish number in the 10-digit form with the
// separator that gives its century ("+" from the year a person turns 100),
// and a 10-digit one without separator with "-": stdnum reads only the
// 10-digit form with its separator.
function seTen(id) {
  if (/^\d{10}$/.test(id)) return id.slice(0, 6) + "-" + id.slice(6);
  if (!/^\d{12}$/.test(id)) return id;
  const year = Number(id.slice(0, 4));
  const sep = new Date().getFullYear() - year >= 100 ? "+" : "-";
  return id.slice(2, 8) + sep + id.slice(8);
}

// The codice fiscale as @marketto/codice-fiscale-utils checks it without a
// place register: its full pattern (name letters, date, place code,
// omocodia) and its check letter.
const cfPattern = new RegExp("^(?:" + cfUtils.VALIDATOR.CODICE_FISCALE + ")$");
function cfMarketto(id) {
  return cfPattern.test(id) && cfUtils.CheckDigitizer.checkDigit(id.slice(0, 15)) === id[15];
}

// jsvat's country objects by prefix.
const jsvatCountry = {
  AT: jsvat.austria, BE: jsvat.belgium, DE: jsvat.germany, DK: jsvat.denmark, ES: jsvat.spain,
  FI: jsvat.finland, FR: jsvat.france, IT: jsvat.italy, NL: jsvat.netherlands, PL: jsvat.poland,
  SE: jsvat.sweden,
};
function jsvatCheck(id) {
  return jsvat.checkVAT(id, [jsvatCountry[id.slice(0, 2)]]).isValid;
}

// The oracles of each scheme. validator is left out where it does not
// implement the scheme's rule: its sv-SE tax id check computes the Luhn
// digit of a 12-digit number over the wrong digits, its FI identity card
// knows only the century signs - + A (not those of 2023), and its it-IT tax
// id rejects every omocodia code.
const oracles = {
  se_personnummer: {
    personnummer: (id) => Personnummer.valid(id, { allowCoordinationNumber: false }),
    stdnum: (id) => stdnum.SE.personnummer.validate(seTen(id)).isValid,
  },
  se_samordningsnummer: {
    personnummer: (id) => Personnummer.valid(id, { allowCoordinationNumber: true }),
    stdnum: (id) => stdnum.SE.personnummer.validate(seTen(id)).isValid,
  },
  no_fodselsnummer: {
    "norwegian-national-id-validator": validateNorwegianIdNumber,
    "@navikt/fnrvalidator": (id) => navikt.idnr(id).status === "valid",
    stdnum: std(stdnum.NO.fodselsnummer),
    "validator.isIdentityCard": (id) => validator.isIdentityCard(id, "NO"),
  },
  no_d_nummer: {
    "norwegian-national-id-validator": validateNorwegianIdNumber,
    "@navikt/fnrvalidator": (id) => navikt.idnr(id).status === "valid",
    stdnum: std(stdnum.NO.fodselsnummer),
    "validator.isIdentityCard": (id) => validator.isIdentityCard(id, "NO"),
  },
  dk_cpr: {
    "danish-ssn": (id) => danishSSN.isValid(id),
    stdnum: std(stdnum.DK.cpr),
    "validator.isTaxID": (id) => validator.isTaxID(id, "dk-DK"),
  },
  fi_hetu: {
    "finnish-ssn": (id) => FinnishSSN.validate(id),
    stdnum: std(stdnum.FI.hetu),
  },
  nl_bsn: {
    stdnum: std(stdnum.NL.bsn),
    "validator.isTaxID": (id) => validator.isTaxID(id, "nl-NL"),
  },
  es_dni: {
    "better-dni": (id) => betterDNI.isValid(id),
    stdnum: std(stdnum.ES.dni),
    "validator.isIdentityCard": (id) => validator.isIdentityCard(id, "ES"),
  },
  es_nie: {
    "better-dni": (id) => betterDNI.isValid(id),
    stdnum: std(stdnum.ES.nie),
    "validator.isIdentityCard": (id) => validator.isIdentityCard(id, "ES"),
  },
  it_codice_fiscale: {
    "@marketto/codice-fiscale-utils": cfMarketto,
    stdnum: std(stdnum.IT.codicefiscale),
  },
  pl_pesel: {
    "pesel-check": isPeselValid,
    stdnum: std(stdnum.PL.pesel),
    "validator.isTaxID": (id) => validator.isTaxID(id, "pl-PL"),
  },
  at_vat: { jsvat: jsvatCheck, stdnum: std(stdnum.AT.uid) },
  be_vat: { jsvat: jsvatCheck, stdnum: std(stdnum.BE.vat) },
  de_vat: { jsvat: jsvatCheck, stdnum: std(stdnum.DE.vat) },
  dk_vat: { jsvat: jsvatCheck, stdnum: std(stdnum.DK.cvr) },
  es_vat: { jsvat: jsvatCheck, stdnum: std(stdnum.ES.nif) },
  fi_vat: { jsvat: jsvatCheck, stdnum: std(stdnum.FI.alv) },
  fr_vat: { jsvat: jsvatCheck, stdnum: std(stdnum.FR.tva) },
  it_vat: { jsvat: jsvatCheck, stdnum: std(stdnum.IT.iva) },
  nl_vat: { jsvat: jsvatCheck, stdnum: std(stdnum.NL.btw) },
  pl_vat: { jsvat: jsvatCheck, stdnum: std(stdnum.PL.nip) },
  se_vat: { jsvat: jsvatCheck, stdnum: std(stdnum.SE.vat) },
};

function main() {
  const out = { packages: {}, verdicts: [] };
  for (const p of packages) {
    out.packages[p] = require(p + "/package.json").version;
  }
  const cases = JSON.parse(fs.readFileSync(0, "utf8"));
  for (const c of cases) {
    const v = {};
    for (const [name, f] of Object.entries(oracles[c.scheme] || {})) {
      try {
        v[name] = Boolean(f(c.id));
      } catch (e) {
        v[name] = { error: String(e && e.message ? e.message : e) };
      }
    }
    out.verdicts.push(v);
  }
  process.stdout.write(JSON.stringify(out) + "\n");
}

main();
