#!/usr/bin/env node
// verdicts.js compiles custnorm's JSON Schemas with ajv (draft 2020-12,
// strict mode) and prints, for each document, whether the schema accepts it.
//
// Usage: node verdicts.js SCHEMA.schema.json ... < request.json
//
// The request on standard input is a JSON array of cases
// {"schema": "<file name of a schema given as argument>", "document": "<the
// document as JSON text>"}. The answer on standard output is one JSON object:
//
//   {"ajv": "<version>",
//    "schemas": {"<file name>": {"ok": true} | {"ok": false, "error": "…"}},
//    "verdicts": [{"valid": true} |
//                 {"valid": false, "errors": [{"instancePath": "…", "keyword": "…"}]} |
//                 {"valid": false, "invalidJSON": true} | {"error": "…"}]}
//
// verdicts[i] answers case i. Every schema is added to one ajv instance first,
// so a schema may refer to another by its $id; none is fetched from anywhere.
// The exit status is 0 when the request could be read, whatever the verdicts.
"use strict";

const fs = require("fs");
const path = require("path");
const Ajv2020 = require("ajv/dist/2020").default;

function main() {
  const files = process.argv.slice(2);
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  const out = { ajv: require("ajv/package.json").version, schemas: {}, verdicts: [] };
  const byName = new Map();
  for (const file of files) {
    const name = path.basename(file);
    try {
      const schema = JSON.parse(fs.readFileSync(file, "utf8"));
      ajv.addSchema(schema);
      byName.set(name, schema.$id);
      out.schemas[name] = { ok: true };
    } catch (e) {
      out.schemas[name] = { ok: false, error: String(e && e.message ? e.message : e) };
    }
  }
  const validators = new Map();
  for (const [name, id] of byName) {
    try {
      validators.set(name, ajv.getSchema(id));
    } catch (e) {
      out.schemas[name] = { ok: false, error: String(e && e.message ? e.message : e) };
    }
  }
  const cases = JSON.parse(fs.readFileSync(0, "utf8"));
  for (const c of cases) {
    const validate = validators.get(c.schema);
    if (!validate) {
      out.verdicts.push({ error: "no compiled schema " + c.schema });
      continue;
    }
    let doc;
    try {
      doc = JSON.parse(c.document);
    } catch (e) {
      out.verdicts.push({ valid: false, invalidJSON: true });
      continue;
    }
    if (validate(doc)) {
      out.verdicts.push({ valid: true });
    } else {
      out.verdicts.push({
        valid: false,
        errors: validate.errors.map((e) => ({ instancePath: e.instancePath, keyword: e.keyword })),
      });
    }
  }
  process.stdout.write(JSON.stringify(out) + "\n");
}

main();
