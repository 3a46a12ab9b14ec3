// Package model holds custnorm's canonical customer: one record that can carry
// everything the secuconnect, Worldline Connect, Stancer and Riverty customer
// documents can express.
//
// The JSON form of [Customer] is the "canonical" format of the CLI and the JS
// API. Its member names are API: renaming one is a breaking change.
//
// The package has no dependencies outside the standard library and no
// behaviour that needs them: validity of phone numbers, countries and postal
// codes is the concern of package validate. The zero value of every type means
// "absent"; Customer{} is a valid, empty record.
//
// # Invariants after normalization
//
// After validate's Normalize, every text field is trimmed, in Unicode NFC,
// with runs of inner whitespace collapsed to one space; letter case is never
// changed. Phones are E.164 when they could be parsed; a value that could not
// be parsed is kept as written (never lost) and reported as an issue. Lengths
// are counted in Unicode code points after NFC.
//
// # Provider-specific data
//
// Values a provider document carries that the canonical model has no field for
// (secuconnect's picture, Riverty's payment registration, a field custnorm does
// not know) live in [Customer.Provider], keyed by provider name, as a sparse
// JSON object in that provider's own shape. Encoding to the same provider
// writes them back, so provider → canonical → provider loses nothing.
package model
