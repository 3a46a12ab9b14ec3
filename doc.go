// Package custnorm is the module root of custnorm: one canonical customer
// model for payment providers, converters both ways between it and the
// customer documents of secuconnect, Worldline Connect, Stancer and Riverty,
// normalizers (phones to E.164, country names to ISO codes, dates of birth,
// names, streets) and validators with structured, localized issues.
//
// The packages:
//
//   - model: the canonical customer ([model.Customer]), the "canonical"
//     format.
//   - validate: normalizers, the shared rules, the issue and change
//     vocabulary and its messages (en, de, fr).
//   - convert: the format registry and the pipeline decode → normalize →
//     check → encode; convert/secuconnect, convert/worldline,
//     convert/stancer and convert/riverty hold one provider each.
//   - cmd/custnorm: the command-line tool.
//
// This package itself holds no code; it carries the module's import-policy
// test.
package custnorm
