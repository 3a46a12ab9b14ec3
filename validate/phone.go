package validate

import (
	"unicode"
	"unicode/utf8"
)

//go:generate go run ./internal/genphone -o phone_gen.go

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

// maxPhoneInput is the longest phone text, in bytes after format
// characters are removed and white space is trimmed, that NormalizePhone
// parses: phonenumbers' own cap (MAX_INPUT_STRING_LENGTH).
const maxPhoneInput = phoneMaxInputLength

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
	// FormatCharsRemoved reports that the text held format characters
	// (Unicode category Cf: zero-width spaces, the byte-order mark, bidi
	// marks, embeddings and overrides, soft hyphens), which were removed
	// before the number was read. It is set whether or not the number was
	// accepted; [Validator.Normalize] reports an accepted number's removal
	// as a normalized change with rule "phone_format_characters".
	FormatCharsRemoved bool `json:"formatCharsRemoved,omitempty"`
	// Issues are the problems found, at path ""; never nil.
	Issues Issues `json:"issues"`
}

// NormalizePhone parses text as a phone number and returns its E.164 form.
// region (ISO 3166-1 alpha-2, either case, may be "") is the default region
// for numbers written without an international prefix; with no usable
// region only numbers starting with "+" parse. Numbers starting with the
// default region's international prefix ("0049…" for DE, "011…" for US)
// are international.
//
// What a number is, is what libphonenumber's metadata and rules say:
// NormalizePhone gives the answers of github.com/nyaruka/phonenumbers
// (Parse, IsPossibleNumberWithReason, GetRegionCodeForNumber,
// GetNumberType, Format(E164)), from tables generated from its metadata
// (see the package doc, "Phone numbers"), except for the rules below,
// which are custnorm's own.
//
// Format characters (Unicode Cf) are removed wherever they are, and
// leading and trailing white space is ignored. Decimal digits of every
// script (full-width, Arabic-Indic, Devanagari …) are read by their value.
// The number is rejected with an invalid_phone issue whose "reason" param
// is one of:
//
//   - "invalid_encoding": the text is not valid UTF-8 (phonenumbers would
//     read an invalid byte as U+FFFD, and skip it before the number);
//   - "empty": nothing but white space and format characters;
//   - "too_long": more than 250 bytes (phonenumbers' cap), or more digits
//     than the numbering plan of its region allows;
//   - "letters": a letter other than one extension marker ("x", "ext",
//     "extension", ASCII, either case; ";ext=" and "ext." included)
//     directly before the extension digits, as in "871.790.7578 x4882".
//     Masked numbers ("+37258774XXX"), vanity numbers ("1-800-FLOWERS"),
//     words and "tel:" URIs are rejected, not read as phonenumbers reads
//     them (through the telephone keypad, or as RFC 3966);
//   - "not_a_number": not a phone number at all;
//   - "invalid_country_code": an unknown calling code, or a national number
//     without a usable default region;
//   - "too_short", "invalid_length": fewer digits, or a number of digits
//     between the plan's lengths;
//   - "local_only": dialable only within its area (no area code);
//   - "national_prefix": a number in an unassigned range that reaches a
//     possible length only by keeping its national (trunk) prefix, as in
//     "+31 0 01234567": its E.164 form would read back as another number.
//
// A number of a valid length in a range its plan has not assigned is
// accepted (OK true, Type [PhoneUnknown]) with a phone_not_assigned warning.
// Extensions are kept as ";ext=" plus ASCII digits; besides the markers
// above, "#", ",," and ";" before the extension digits are read as
// phonenumbers reads them.
//
// NormalizePhone is idempotent: normalizing the E164 of an accepted result
// with region "" gives the same E164 and Type. It never accesses the
// network, allocates nothing but the E164 string and the issues, and is
// safe for concurrent use.
func NormalizePhone(text, region string) PhoneResult {
	if len(text) <= phoneShortInput {
		// The buffers of a typical number, which the stack clears on each
		// call: small.
		var toks [phoneShortInput]phoneToken
		var digits, scratch [phoneShortInput + phoneRuleSlack]byte
		var ext, marker [phoneShortInput]byte
		var e164 [phoneShortInput + 26]byte
		return normalizeText(text, region, &phoneBuffers{toks: toks[:0], digits: digits[:], scratch: scratch[:], ext: ext[:], marker: marker[:], e164: e164[:]})
	}
	return normalizeLongPhone(text, region)
}

// phoneShortInput is the longest text (in bytes) NormalizePhone parses with
// buffers for short texts.
const phoneShortInput = 48

// normalizeLongPhone is NormalizePhone for a text of more than
// phoneShortInput bytes: what is left of it once format characters are
// removed and white space is trimmed is measured first.
//
//go:noinline
func normalizeLongPhone(text, region string) PhoneResult {
	start, end, n, removed, valid := phoneBounds(text)
	var res PhoneResult
	switch {
	case !valid:
		res = invalidPhone("invalid_encoding")
	case n == 0:
		res = invalidPhone("empty")
	case n > maxPhoneInput:
		res = invalidPhone("too_long")
	case n <= phoneShortInput:
		res = NormalizePhone(withoutFormatChars(text[start:end]), region)
	default:
		var toks [maxPhoneInput]phoneToken
		var digits, scratch [maxPhoneInput + phoneRuleSlack]byte
		var ext, marker [maxPhoneInput]byte
		var e164 [maxPhoneInput + 26]byte
		res = normalizeText(text[start:end], region, &phoneBuffers{toks: toks[:0], digits: digits[:], scratch: scratch[:], ext: ext[:], marker: marker[:], e164: e164[:]})
	}
	res.FormatCharsRemoved = res.FormatCharsRemoved || removed
	return res
}

// normalizeText is NormalizePhone with its buffers, for a text that has at
// most as many runes, format characters aside, as they hold.
func normalizeText(s, region string, bufs *phoneBuffers) PhoneResult {
	toks, info := tokenize(s, bufs.toks)
	i, j := 0, len(toks)
	for i < j && isSpace(toks[i].r) && toks[i].class != phoneDigitClass {
		i++
	}
	for j > i && isSpace(toks[j-1].r) && toks[j-1].class != phoneDigitClass {
		j--
	}
	var res PhoneResult
	switch {
	case info.invalid:
		res = invalidPhone("invalid_encoding")
	case i == j:
		res = invalidPhone("empty")
	default:
		bufs.alpha = info.alpha
		res = normalizeTokens(s, toks[i:j], info, region, bufs)
	}
	res.FormatCharsRemoved = info.removed
	return res
}

// phoneBounds returns the part of text left when format characters are
// removed and white space is trimmed: it lies in text[start:end], and n is
// its length in bytes (text[start:end] without its format characters).
// valid reports that text is valid UTF-8.
func phoneBounds(text string) (start, end, n int, removed, valid bool) {
	start = -1
	valid = true
	total := 0 // bytes of the runes that are not format characters
	totalStart, totalEnd := 0, 0
	for i := 0; i < len(text); {
		r, w := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, w = utf8.DecodeRuneInString(text[i:])
			if w == 1 {
				valid = false
			} else if unicode.Is(unicode.Cf, r) {
				removed = true
				i += w
				continue
			}
		}
		if !isSpace(r) {
			if start < 0 {
				start, totalStart = i, total
			}
			end, totalEnd = i+w, total+w
		}
		total += w
		i += w
	}
	if start < 0 {
		return 0, 0, 0, removed, valid
	}
	return start, end, totalEnd - totalStart, removed, valid
}

// isSpace is unicode.IsSpace with the ASCII cases first.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || '\t' <= r && r <= '\r'
	}
	return unicode.IsSpace(r)
}

// withoutFormatChars returns s without its format characters (Cf).
func withoutFormatChars(s string) string {
	var b []byte
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		if r >= utf8.RuneSelf && unicode.Is(unicode.Cf, r) {
			if b == nil {
				b = append(make([]byte, 0, len(s)), s[:i]...)
			}
		} else if b != nil {
			b = append(b, s[i:i+w]...)
		}
		i += w
	}
	if b == nil {
		return s
	}
	return string(b)
}

// normalizeTokens is NormalizePhone for toks, the runes of text trimmed.
func normalizeTokens(text string, toks []phoneToken, info tokenInfo, region string, bufs *phoneBuffers) PhoneResult {
	var ext []byte
	hasMarker := false
	if info.letter {
		var ok bool
		if ext, hasMarker, ok = scanLetters(toks, bufs.marker[:0]); !ok {
			return invalidPhone("letters")
		}
	}
	cc, nsn, gotExt, fail := phoneParse(toks, phoneRegionPlan(region), bufs, info.plain)
	if fail != phoneOK {
		return invalidPhone(fail.reason())
	}
	if hasMarker && string(gotExt) != string(ext) {
		// The letters were not read as an extension marker: phonenumbers
		// would drop them or dial them on the keypad.
		return invalidPhone("letters")
	}
	if reason := lengthFailure(isPossible(cc, nsn)); reason != "" {
		return invalidPhone(reason)
	}
	return acceptedPhone(text, cc, nsn, gotExt, bufs)
}

// lengthFailure is the invalid_phone reason of a length test's result, ""
// for a possible length.
func lengthFailure(r phoneLengthResult) string {
	switch r {
	case phonePossible:
		return ""
	case phoneLocalOnly:
		return "local_only"
	case phoneTooShort:
		return "too_short"
	case phoneTooLong:
		return "too_long"
	case phoneInvalidCountryCode:
		return "invalid_country_code"
	}
	return "invalid_length"
}

// acceptedPhone is the result of normalizeTokens for a number of a possible
// length: calling code cc, national significant number nsn, extension ext.
// (A function of its own, as lengthFailure: each keeps normalizeTokens
// small, see "Tier-up" in package wasm's doc.)
func acceptedPhone(text string, cc int, nsn, ext []byte, bufs *phoneBuffers) PhoneResult {
	res := PhoneResult{OK: true, Type: PhoneUnknown, Issues: Issues{}}
	// GetRegionCodeForNumber: the only region of the calling code, or the
	// first of a shared one whose leading digits or ranges claim the
	// number; GetNumberType then matches the ranges of that region's plan.
	// The type is unknown exactly when IsValidNumber is false.
	if k := phoneRegionOf(cc, nsn); k >= 0 {
		p := &phonePlans[k]
		if len(p.id) == 2 {
			res.Region = p.id
		}
		res.Type = phoneTypeOf(p, nsn)
	}
	e164 := append(appendUint(append(bufs.e164[:0], '+'), cc), nsn...)
	if res.Type == PhoneUnknown {
		// Read after a calling code, a leading national (trunk) prefix or
		// carrier code is stripped when what remains has a possible
		// length. Parse keeps it when stripping leaves an impossible
		// length for the default region, so an unassigned number can start
		// with it, and its E.164 form would read back as another number
		// ("0153436789" in JE is +440153436789, which reads as
		// +44153436789). Valid numbers do not start with it (the
		// differential tests check every region's example numbers and
		// their mutations), so the second parse stays off the common path.
		if !phoneE164Stable(e164) {
			return invalidPhone("national_prefix")
		}
		res.Issues = Issues{NewIssue("", CodePhoneNotAssigned, nil)}
	}
	if len(ext) > 0 {
		e164 = append(append(e164, ";ext="...), ext...)
	}
	if string(e164) == text {
		res.E164 = text // the text was the E.164 form: no allocation
	} else {
		res.E164 = string(e164)
	}
	return res
}

// phoneE164Stable reports whether e164 (without extension) parses back to
// itself.
func phoneE164Stable(e164 []byte) bool {
	const n = 1 + phoneMaxCCLength + phoneMaxNSN
	var toks [n]phoneToken
	var digits, scratch [n + phoneRuleSlack]byte
	var ext [n]byte
	bufs := phoneBuffers{toks: toks[:0], digits: digits[:], scratch: scratch[:], ext: ext[:]}
	for _, c := range e164 {
		class, _ := phoneRuneClass(rune(c))
		bufs.toks = append(bufs.toks, phoneToken{r: rune(c), class: class, width: 1})
	}
	cc, nsn, gotExt, fail := phoneParse(bufs.toks, -1, &bufs, false)
	if fail != phoneOK || len(gotExt) > 0 {
		return false
	}
	var again [n]byte
	return string(append(appendUint(append(again[:0], '+'), cc), nsn...)) == string(e164)
}

// reason is the invalid_phone reason for a parse failure.
func (f phoneFailure) reason() string {
	switch f {
	case phoneInvalidCountry:
		return "invalid_country_code"
	case phoneTooShortNSN, phoneTooShortAfterIDD:
		return "too_short"
	case phoneTooLongNSN:
		return "too_long"
	}
	return "not_a_number"
}

// invalidPhone is the rejected result with an invalid_phone issue for
// reason.
func invalidPhone(reason string) PhoneResult {
	return PhoneResult{Issues: Issues{NewIssue("", CodeInvalidPhone, Params{"reason": reason})}}
}

// scanLetters checks the letters of toks before they are parsed. Letters
// may only form one extension marker ("extension", "ext" or "x", ASCII,
// either case) followed by the extension digits and no further letter;
// then hasMarker is true and ext holds those digits in ASCII (appended to
// dst), which the parse must find as the extension. ok is false when toks
// hold another letter.
func scanLetters(toks []phoneToken, dst []byte) (ext []byte, hasMarker, ok bool) {
	first := -1
	for i, t := range toks {
		if isLetter(t.r) {
			first = i
			break
		}
	}
	if first < 0 {
		return nil, false, true
	}
	rest := toks[first:]
	marker := 0
	for _, m := range [...]string{"extension", "ext", "x"} {
		if len(rest) >= len(m) && foldsTo(rest[:len(m)], m) {
			marker = len(m)
			break
		}
	}
	if marker == 0 {
		return nil, false, false
	}
	for _, t := range rest[marker:] {
		if isLetter(t.r) {
			return nil, false, false
		}
		if t.isDigit() {
			dst = append(dst, byte(t.r))
		}
	}
	if len(dst) == 0 {
		return nil, false, false
	}
	return dst, true, true
}

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r|0x20 && r|0x20 <= 'z'
	}
	return unicode.IsLetter(r)
}

// foldsTo reports whether toks spell the lower-case ASCII word m in ASCII
// letters of either case.
func foldsTo(toks []phoneToken, m string) bool {
	for i, t := range toks {
		if t.r >= utf8.RuneSelf || t.r|0x20 != rune(m[i]) {
			return false
		}
	}
	return true
}
