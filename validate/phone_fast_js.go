//go:build js

package validate

// phoneFastCompiled reports that the fast path of NormalizePhone is part of
// the build. The browser build leaves it out (see phone_fast.go): there,
// phonenumbers answers every number, with the same results.
const phoneFastCompiled = false

// phoneFast never answers in the browser build.
func phoneFast(text, region string) (PhoneResult, bool) { return PhoneResult{}, false }
