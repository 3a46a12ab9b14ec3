package validate

// PostalCountries exposes the postal code table to the external tests: every
// region with its pattern ("" when it uses no postal codes) and its example
// codes, sorted by region code.
var PostalCountries = postalCountries
