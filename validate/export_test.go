package validate

// PostalCountries exposes the postal code table to the external tests: every
// region with its pattern ("" when it uses no postal codes) and its example
// codes, sorted by region code.
var PostalCountries = postalCountries

// NormalizePhoneFull is NormalizePhone without its fast path: phonenumbers
// answers every number.
func NormalizePhoneFull(text, region string) PhoneResult { return normalizePhone(text, region, false) }

// PhoneFastCompiled reports whether the fast path is in the build (not
// under GOOS=js).
const PhoneFastCompiled = phoneFastCompiled

// PhoneFastPath returns the fast path's result for text (trimmed, not
// empty, at most 250 bytes), and whether it answered.
func PhoneFastPath(text, region string) (PhoneResult, bool) { return phoneFast(text, region) }
