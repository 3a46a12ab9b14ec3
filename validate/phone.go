package validate

import (
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/nyaruka/phonenumbers"
)

// This file and phone_fast.go are the only non-test files that call
// phonenumbers, so the dependency edge is two files wide.

// PhoneType is the kind of line a number belongs to, as the numbering plan
// of its region says.
type PhoneType string

// List of values that PhoneType can take.
const (
	PhoneMobile PhoneType = "mobile"
	// PhoneFixedLine is a geographic (landline) number.
	PhoneFixedLine PhoneType = "fixed_line"
	// PhoneFixedLineOrMobile is a number of a plan that does not tell the
	// two apart (the United States and the rest of NANPA, among others).
	PhoneFixedLineOrMobile PhoneType = "fixed_line_or_mobile"
	PhoneTollFree          PhoneType = "toll_free"
	PhonePremiumRate       PhoneType = "premium_rate"
	PhoneSharedCost        PhoneType = "shared_cost"
	PhoneVoIP              PhoneType = "voip"
	PhonePersonalNumber    PhoneType = "personal_number"
	PhonePager             PhoneType = "pager"
	// PhoneUAN is a universal access ("company") number.
	PhoneUAN       PhoneType = "uan"
	PhoneVoicemail PhoneType = "voicemail"
	// PhoneUnknown is a number of a valid length that matches none of its
	// plan's ranges: an unassigned range (see [CodePhoneNotAssigned]).
	PhoneUnknown PhoneType = "unknown"
)

// IsMobileType reports whether t may be a mobile line: [PhoneMobile], or
// [PhoneFixedLineOrMobile] for plans that do not tell the two apart.
func IsMobileType(t PhoneType) bool {
	return t == PhoneMobile || t == PhoneFixedLineOrMobile
}

// maxPhoneInput is the longest phone input, in bytes after trimming, that
// NormalizePhone parses: phonenumbers' own cap (MAX_INPUT_STRING_LENGTH,
// 250), which protects its regular expressions from hostile input.
const maxPhoneInput = phonenumbers.MAX_INPUT_STRING_LENGTH

// PhoneResult is the result of normalizing one phone number. Its JSON form is
// the JS API's normalizePhone result.
type PhoneResult struct {
	// OK reports whether the number was accepted; Issues then holds at most
	// warnings.
	OK bool `json:"ok"`
	// E164 is the number in E.164 form ("+4930123456"), with ";ext=4882"
	// appended when the input had an extension. Empty unless OK.
	E164 string `json:"e164,omitempty"`
	// Type is the kind of line; PhoneUnknown for a number in an unassigned
	// range. Empty unless OK.
	Type PhoneType `json:"type,omitempty"`
	// Region is the ISO 3166-1 alpha-2 region of the number. It is empty
	// unless OK, for non-geographic numbers (+800, +882 …), and for a number
	// in an unassigned range of a calling code that several regions share
	// (+1, +7, +44 …), where the region cannot be told.
	Region string `json:"region,omitempty"`
	// Issues are the problems found, at path ""; never nil.
	Issues Issues `json:"issues"`
}

// NormalizePhone parses text as a phone number and returns its E.164 form.
// region (ISO 3166-1 alpha-2, either case, may be "") is the default region
// for numbers written without an international prefix; with no usable
// region only numbers starting with "+" parse. Numbers starting with the
// default region's international prefix ("0049…" for DE) are international.
//
// Leading and trailing white space is ignored. The number is rejected with
// an invalid_phone issue whose "reason" param is one of:
//
//   - "empty": nothing but white space;
//   - "too_long": more than 250 bytes (phonenumbers' cap), or more digits
//     than the numbering plan of its region allows;
//   - "letters": a letter other than one extension marker ("x", "ext",
//     "ext.", "extension", ";ext=", case-insensitive) directly before the
//     extension digits, as in "871.790.7578 x4882". Masked numbers
//     ("+37258774XXX") and vanity numbers ("1-800-FLOWERS") are rejected,
//     not converted through the telephone keypad;
//   - "not_a_number": not a phone number at all, or digits of a script
//     other than ASCII, Arabic-Indic or full-width;
//   - "invalid_country_code": an unknown calling code, or a national number
//     without a usable default region;
//   - "too_short", "invalid_length": fewer digits, or a number of digits
//     between the plan's lengths;
//   - "local_only": dialable only within its area (no area code);
//   - "national_prefix": a number in an unassigned range that reaches a
//     possible length only by keeping its national (trunk) prefix, as in
//     "+31 0 01234567": its E.164 form would read back as another number.
//
// For a parse failure the issue's Err is phonenumbers' sentinel error.
//
// A number of a valid length in a range its plan has not assigned is
// accepted (OK true, Type [PhoneUnknown]) with a phone_not_assigned warning.
// Extensions are kept as ";ext=" plus ASCII digits; besides the markers
// above, phonenumbers also reads "#", ",," and ";" before the extension
// digits.
//
// NormalizePhone is idempotent: normalizing the E164 of an accepted result
// with region "" gives the same E164 and Type. It never accesses the
// network and is safe for concurrent use.
//
// Its results are phonenumbers' answers; the common inputs ("+" and
// digits, national numbers written with digits and separators) are
// answered by a fast path over phonenumbers' metadata that gives the same
// results (see phone_fast.go).
func NormalizePhone(text, region string) PhoneResult {
	return normalizePhone(text, region, true)
}

// normalizePhone is NormalizePhone; with fast false it never takes the
// fast path (for the differential tests).
func normalizePhone(text, region string, fast bool) PhoneResult {
	text = strings.TrimSpace(text)
	if text == "" {
		return invalidPhone("empty", nil)
	}
	if len(text) > maxPhoneInput {
		return invalidPhone("too_long", nil)
	}
	if fast {
		if res, ok := phoneFast(text, region); ok {
			return res
		}
	}
	ext, hasMarker, reason := scanPhone(text)
	if reason != "" {
		return invalidPhone(reason, nil)
	}

	num, err := phonenumbers.Parse(text, phoneRegion(region))
	if err != nil {
		return invalidPhone(parseErrorReason(err), err)
	}
	gotExt := num.GetExtension()
	if gotExt != "" {
		gotExt = phonenumbers.NormalizeDigitsOnly(gotExt)
	}
	if hasMarker && gotExt != ext {
		// The letters were not read as an extension marker: phonenumbers
		// dropped them or dialled them on the keypad.
		return invalidPhone("letters", nil)
	}

	switch phonenumbers.IsPossibleNumberWithReason(num) {
	case phonenumbers.IS_POSSIBLE:
	case phonenumbers.IS_POSSIBLE_LOCAL_ONLY:
		return invalidPhone("local_only", nil)
	case phonenumbers.TOO_SHORT:
		return invalidPhone("too_short", nil)
	case phonenumbers.TOO_LONG:
		return invalidPhone("too_long", nil)
	case phonenumbers.INVALID_COUNTRY_CODE:
		return invalidPhone("invalid_country_code", nil)
	default: // INVALID_LENGTH
		return invalidPhone("invalid_length", nil)
	}

	res := PhoneResult{OK: true, Type: PhoneUnknown, Issues: Issues{}}
	// GetRegionCodeForNumber is a map look-up for a calling code of one
	// region; for a shared one (+1, +7, +44 …) it runs the range matcher
	// region by region until one claims the number, and returns "" when
	// none does.
	numRegion := phonenumbers.GetRegionCodeForNumber(num)
	if len(numRegion) == 2 && numRegion != phonenumbers.UNKNOWN_REGION {
		res.Region = numRegion
	}
	// GetNumberType finds the region the same way, then matches the number
	// against each range of the region's plan. It is UNKNOWN exactly when
	// IsValidNumber is false (same region, same matcher), so one call
	// answers both, and it is UNKNOWN without matching when there is no
	// region.
	if numRegion != "" {
		res.Type = phoneType(phonenumbers.GetNumberType(num))
	}
	res.E164 = phonenumbers.Format(num, phonenumbers.E164)
	if res.Type == PhoneUnknown {
		// Read after a calling code, a leading national (trunk) prefix or
		// carrier code is stripped when what remains has a possible
		// length. Parse keeps it when stripping leaves an impossible
		// length for the default region, so an unassigned number can start
		// with it, and its E.164 form would read back as another number
		// ("0153436789" in JE is +440153436789, which reads as
		// +44153436789). Valid numbers do not start with it (checked on
		// mutations of every region's example numbers, and by the fuzz
		// target), so the second Parse stays off the common path.
		if !phoneE164Stable(res.E164) {
			return invalidPhone("national_prefix", nil)
		}
		res.Issues = Issues{NewIssue("", CodePhoneNotAssigned, nil)}
	}
	if gotExt != "" {
		res.E164 += ";ext=" + gotExt
	}
	return res
}

// phoneE164Stable reports whether e164 (without extension) parses back to
// itself.
func phoneE164Stable(e164 string) bool {
	num, err := phonenumbers.Parse(e164, phonenumbers.UNKNOWN_REGION)
	return err == nil && phonenumbers.Format(num, phonenumbers.E164) == e164
}

// invalidPhone is the rejected result with an invalid_phone issue for
// reason, caused by err (a phonenumbers sentinel, or nil).
func invalidPhone(reason string, err error) PhoneResult {
	iss := NewIssue("", CodeInvalidPhone, Params{"reason": reason})
	iss.Err = err
	return PhoneResult{Issues: Issues{iss}}
}

// phoneRegion maps a caller's region to phonenumbers' region codes: two
// ASCII letters are upper-cased, anything else is the unknown region, with
// which only numbers starting with "+" parse.
func phoneRegion(region string) string {
	if len(region) != 2 || !isASCIILetter(region[0]) || !isASCIILetter(region[1]) {
		return phonenumbers.UNKNOWN_REGION
	}
	return strings.ToUpper(region)
}

func isASCIILetter(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// parseErrorReason is the invalid_phone reason for an error of
// phonenumbers.Parse.
func parseErrorReason(err error) string {
	switch {
	case errors.Is(err, phonenumbers.ErrInvalidCountryCode):
		return "invalid_country_code"
	case errors.Is(err, phonenumbers.ErrTooShortNSN), errors.Is(err, phonenumbers.ErrTooShortAfterIDD):
		return "too_short"
	case errors.Is(err, phonenumbers.ErrNumTooLong):
		return "too_long"
	}
	return "not_a_number"
}

// scanPhone checks the letters and digits of s before it is parsed. Letters
// may only form one extension marker followed by the extension digits and no
// further letter; then hasMarker is true and ext holds those digits in
// ASCII, which phonenumbers must find as the extension. Decimal digits must
// be ASCII or of a script phonenumbers maps to ASCII (Arabic-Indic, Eastern
// Arabic-Indic, full-width): others it would misread. reason is "" when s
// may be parsed, and the invalid_phone reason otherwise.
func scanPhone(s string) (ext string, hasMarker bool, reason string) {
	letter := -1
	for i, r := range s {
		if r < utf8.RuneSelf {
			if letter < 0 && isASCIILetter(byte(r)) {
				letter = i
			}
			continue
		}
		if unicode.IsDigit(r) && !isMappedDigit(r) {
			return "", false, "not_a_number"
		}
		if letter < 0 && unicode.IsLetter(r) {
			letter = i
		}
	}
	if letter < 0 {
		return "", false, ""
	}
	rest := s[letter:]
	marker := 0
	// The markers, longest first. ";ext=", "ext." and "ext:" start with
	// "ext": the punctuation around it is phonenumbers' to read.
	for _, m := range [...]string{"extension", "ext", "x"} {
		if len(rest) >= len(m) && strings.EqualFold(rest[:len(m)], m) {
			marker = len(m)
			break
		}
	}
	if marker == 0 {
		return "", false, "letters"
	}
	tail := rest[marker:]
	for _, r := range tail {
		if unicode.IsLetter(r) {
			return "", false, "letters"
		}
	}
	ext = phonenumbers.NormalizeDigitsOnly(tail)
	if ext == "" {
		return "", false, "letters"
	}
	return ext, true, ""
}

// isMappedDigit reports whether r is a non-ASCII decimal digit that
// phonenumbers converts to ASCII.
func isMappedDigit(r rune) bool {
	return '\u0660' <= r && r <= '\u0669' || // Arabic-Indic
		'\u06F0' <= r && r <= '\u06F9' || // Eastern Arabic-Indic
		'\uFF10' <= r && r <= '\uFF19' // full-width
}

// phoneType converts phonenumbers' number type.
func phoneType(t phonenumbers.PhoneNumberType) PhoneType {
	switch t {
	case phonenumbers.MOBILE:
		return PhoneMobile
	case phonenumbers.FIXED_LINE:
		return PhoneFixedLine
	case phonenumbers.FIXED_LINE_OR_MOBILE:
		return PhoneFixedLineOrMobile
	case phonenumbers.TOLL_FREE:
		return PhoneTollFree
	case phonenumbers.PREMIUM_RATE:
		return PhonePremiumRate
	case phonenumbers.SHARED_COST:
		return PhoneSharedCost
	case phonenumbers.VOIP:
		return PhoneVoIP
	case phonenumbers.PERSONAL_NUMBER:
		return PhonePersonalNumber
	case phonenumbers.PAGER:
		return PhonePager
	case phonenumbers.UAN:
		return PhoneUAN
	case phonenumbers.VOICEMAIL:
		return PhoneVoicemail
	}
	return PhoneUnknown
}
