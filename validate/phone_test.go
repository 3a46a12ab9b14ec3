package validate_test

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/nyaruka/phonenumbers"

	"github.com/custnorm/custnorm/validate"
)

// phoneOpts compares PhoneResults on Path, Code, Severity and Params of
// their issues (not Message, which the Localizer fills, nor Err, checked in
// TestNormalizePhoneErr).
var phoneOpts = cmpopts.IgnoreFields(validate.Issue{}, "Message", "Err")

// invalidPhone is the expected result of a rejected number.
func invalidPhone(reason string) validate.PhoneResult {
	return validate.PhoneResult{Issues: validate.Issues{
		validate.NewIssue("", validate.CodeInvalidPhone, validate.Params{"reason": reason}),
	}}
}

// notAssigned is the issue list of an accepted number in an unassigned range.
var notAssigned = validate.Issues{validate.NewIssue("", validate.CodePhoneNotAssigned, nil)}

func TestNormalizePhone(t *testing.T) {
	tests := []struct {
		name         string
		text, region string
		want         validate.PhoneResult
	}{
		// The phone cases of the conformance corpus (testdata/conformance.json) and their neighbours.
		{
			name: "IDD 00 with region DE, unassigned range",
			text: "0049-123-456789", region: "DE",
			want: validate.PhoneResult{OK: true, E164: "+49123456789", Type: validate.PhoneUnknown, Region: "DE", Issues: notAssigned},
		},
		{
			name: "international DE mobile",
			text: "+49 177 5555555", region: "DE",
			want: validate.PhoneResult{OK: true, E164: "+491775555555", Type: validate.PhoneMobile, Region: "DE", Issues: validate.Issues{}},
		},
		{
			name: "national NL mobile",
			text: "0612345678", region: "NL",
			want: validate.PhoneResult{OK: true, E164: "+31612345678", Type: validate.PhoneMobile, Region: "NL", Issues: validate.Issues{}},
		},
		{
			name: "national DE fixed line",
			text: "030 12345678", region: "DE",
			want: validate.PhoneResult{OK: true, E164: "+493012345678", Type: validate.PhoneFixedLine, Region: "DE", Issues: validate.Issues{}},
		},
		{
			name: "international FR mobile",
			text: "+33 6 84 85 86 87", region: "FR",
			want: validate.PhoneResult{OK: true, E164: "+33684858687", Type: validate.PhoneMobile, Region: "FR", Issues: validate.Issues{}},
		},
		{
			name: "words",
			text: "call me maybe", region: "DE",
			want: invalidPhone("letters"),
		},
		{
			name: "masked digits",
			text: "+37258774XXX", region: "",
			want: invalidPhone("letters"),
		},
		{
			name: "US extension with x, unassigned area code",
			text: "871.790.7578 x4882", region: "US",
			want: validate.PhoneResult{OK: true, E164: "+18717907578;ext=4882", Type: validate.PhoneUnknown, Issues: notAssigned},
		},
		{
			name: "national SE",
			text: "0123456789", region: "SE",
			want: validate.PhoneResult{OK: true, E164: "+46123456789", Type: validate.PhoneFixedLine, Region: "SE", Issues: validate.Issues{}},
		},
		{
			name: "too many digits for FR",
			text: "+3368485868700001", region: "FR",
			want: invalidPhone("too_long"),
		},

		// Input limits.
		{name: "empty", text: "", region: "DE", want: invalidPhone("empty")},
		{name: "white space only", text: " \t\u00a0\n", region: "DE", want: invalidPhone("empty")},
		{name: "over 250 bytes", text: "+49" + strings.Repeat("1", 248), region: "DE", want: invalidPhone("too_long")},
		{
			name: "surrounding white space is trimmed",
			text: "\t +49 30 12345678 \n", region: "",
			want: validate.PhoneResult{OK: true, E164: "+493012345678", Type: validate.PhoneFixedLine, Region: "DE", Issues: validate.Issues{}},
		},

		// Letters and extensions.
		{name: "vanity number", text: "1-800-FLOWERS", region: "US", want: invalidPhone("letters")},
		{name: "tel URI", text: "tel:+493012345678", region: "", want: invalidPhone("letters")},
		{name: "label before the number", text: "Tel. 030 12345678", region: "DE", want: invalidPhone("letters")},
		{name: "non-ASCII letter", text: "030 1234567ß", region: "DE", want: invalidPhone("letters")},
		{name: "marker without digits", text: "030 12345678 x", region: "DE", want: invalidPhone("letters")},
		{name: "unknown marker", text: "030 12345678 xt 12", region: "DE", want: invalidPhone("letters")},
		{name: "two markers", text: "030 1234 x 5678 x 12", region: "DE", want: invalidPhone("letters")},
		{name: "extension digits split", text: "+49 30 123456 x 12 34", region: "", want: invalidPhone("letters")},
		{
			// phonenumbers caps an "x" extension at 9 digits and would read
			// the x as punctuation, joining the digits to the number.
			name: "x extension too long to be one",
			text: "+4930x1234567890", region: "",
			want: invalidPhone("letters"),
		},
		{
			name: "ext. marker",
			text: "+1 650 253 0000 ext. 12", region: "",
			want: validate.PhoneResult{OK: true, E164: "+16502530000;ext=12", Type: validate.PhoneFixedLineOrMobile, Region: "US", Issues: validate.Issues{}},
		},
		{
			name: "EXTENSION marker, upper case",
			text: "030 12345678 EXTENSION 12", region: "DE",
			want: validate.PhoneResult{OK: true, E164: "+493012345678;ext=12", Type: validate.PhoneFixedLine, Region: "DE", Issues: validate.Issues{}},
		},
		{
			name: "RFC 3966 extension",
			text: "+16502530000;ext=4882", region: "",
			want: validate.PhoneResult{OK: true, E164: "+16502530000;ext=4882", Type: validate.PhoneFixedLineOrMobile, Region: "US", Issues: validate.Issues{}},
		},
		{
			name: "hash marker",
			text: "030 12345678 #12", region: "DE",
			want: validate.PhoneResult{OK: true, E164: "+493012345678;ext=12", Type: validate.PhoneFixedLine, Region: "DE", Issues: validate.Issues{}},
		},
		{
			name: "Arabic-Indic extension digits become ASCII",
			text: "+1 650 253 0000 x٤٨٨٢", region: "",
			want: validate.PhoneResult{OK: true, E164: "+16502530000;ext=4882", Type: validate.PhoneFixedLineOrMobile, Region: "US", Issues: validate.Issues{}},
		},

		// Digits and notations.
		{
			name: "full-width digits",
			text: "０３０ １２３４５６７８", region: "DE",
			want: validate.PhoneResult{OK: true, E164: "+493012345678", Type: validate.PhoneFixedLine, Region: "DE", Issues: validate.Issues{}},
		},
		{
			name: "Devanagari digits are read by value",
			text: "+49 30 १२३४५६७८", region: "",
			want: validate.PhoneResult{OK: true, E164: "+493012345678", Type: validate.PhoneFixedLine, Region: "DE", Issues: validate.Issues{}},
		},
		{
			name: "mathematical bold digits",
			text: "+𝟒𝟗 𝟑𝟎 𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖", region: "",
			want: validate.PhoneResult{OK: true, E164: "+493012345678", Type: validate.PhoneFixedLine, Region: "DE", Issues: validate.Issues{}},
		},
		{
			name: "Eastern Arabic-Indic digits, national",
			text: "۰۳۰ ۱۲۳۴۵۶۷۸", region: "DE",
			want: validate.PhoneResult{OK: true, E164: "+493012345678", Type: validate.PhoneFixedLine, Region: "DE", Issues: validate.Issues{}},
		},

		// Format characters are removed wherever they are.
		{
			name: "zero-width space inside",
			text: "+49\u200b 30 12345678", region: "DE",
			want: validate.PhoneResult{OK: true, E164: "+493012345678", Type: validate.PhoneFixedLine, Region: "DE", FormatCharsRemoved: true, Issues: validate.Issues{}},
		},
		{
			name: "bidi override before, byte-order mark after",
			text: "\u202e+43 1 234567890\ufeff", region: "AT",
			want: validate.PhoneResult{OK: true, E164: "+431234567890", Type: validate.PhoneFixedLine, Region: "AT", FormatCharsRemoved: true, Issues: validate.Issues{}},
		},
		{
			name: "zero-width joiner between digits, soft hyphen",
			text: "+4\u200d9 30 1234\u00ad5678", region: "",
			want: validate.PhoneResult{OK: true, E164: "+493012345678", Type: validate.PhoneFixedLine, Region: "DE", FormatCharsRemoved: true, Issues: validate.Issues{}},
		},
		{
			name: "isolates around a national number",
			text: "\u2066030 12345678\u2069", region: "DE",
			want: validate.PhoneResult{OK: true, E164: "+493012345678", Type: validate.PhoneFixedLine, Region: "DE", FormatCharsRemoved: true, Issues: validate.Issues{}},
		},
		{
			name: "format characters between white space",
			text: " \ufeff +49 30 12345678 \u200e ", region: "",
			want: validate.PhoneResult{OK: true, E164: "+493012345678", Type: validate.PhoneFixedLine, Region: "DE", FormatCharsRemoved: true, Issues: validate.Issues{}},
		},
		{
			name: "format characters only",
			text: "\ufeff\u200b", region: "DE",
			want: validate.PhoneResult{FormatCharsRemoved: true, Issues: invalidPhone("empty").Issues},
		},
		{
			name: "removal reported on a rejected number too",
			text: "+37258774XXX\u200b", region: "",
			want: validate.PhoneResult{FormatCharsRemoved: true, Issues: invalidPhone("letters").Issues},
		},

		// International prefixes and national prefixes with transform rules.
		{
			name: "IDD 011 from the US",
			text: "011 44 20 7946 0958", region: "US",
			want: validate.PhoneResult{OK: true, E164: "+442079460958", Type: validate.PhoneFixedLine, Region: "GB", Issues: validate.Issues{}},
		},
		{
			name: "IDD 810 from Russia",
			text: "810 49 30 12345678", region: "RU",
			want: validate.PhoneResult{OK: true, E164: "+493012345678", Type: validate.PhoneFixedLine, Region: "DE", Issues: validate.Issues{}},
		},
		{
			name: "seven-digit local number of Antigua gets its area code",
			text: "464 1234", region: "AG",
			want: validate.PhoneResult{OK: true, E164: "+12684641234", Type: validate.PhoneMobile, Region: "AG", Issues: validate.Issues{}},
		},
		{
			name: "Argentine mobile: 0, area code, 15 become 9 and the area code",
			text: "0 11 15 2345 6789", region: "AR",
			want: validate.PhoneResult{OK: true, E164: "+5491123456789", Type: validate.PhoneMobile, Region: "AR", Issues: validate.Issues{}},
		},
		{
			name: "Brazilian carrier code dropped",
			text: "0 41 21 98765 4321", region: "BR",
			want: validate.PhoneResult{OK: true, E164: "+5521987654321", Type: validate.PhoneMobile, Region: "BR", Issues: validate.Issues{}},
		},
		{
			name: "national prefix in parentheses",
			text: "+49 (0) 30 12345678", region: "",
			want: validate.PhoneResult{OK: true, E164: "+493012345678", Type: validate.PhoneFixedLine, Region: "DE", Issues: validate.Issues{}},
		},
		{
			name: "national prefix 8 in RU",
			text: "8 912 345 67 89", region: "RU",
			want: validate.PhoneResult{OK: true, E164: "+79123456789", Type: validate.PhoneMobile, Region: "RU", Issues: validate.Issues{}},
		},
		{
			name: "Italian leading zero kept",
			text: "+39 06 1234 5678", region: "",
			want: validate.PhoneResult{OK: true, E164: "+390612345678", Type: validate.PhoneFixedLine, Region: "IT", Issues: validate.Issues{}},
		},
		{
			name: "shared calling code +44 resolves GB",
			text: "+44 20 7946 0958", region: "",
			want: validate.PhoneResult{OK: true, E164: "+442079460958", Type: validate.PhoneFixedLine, Region: "GB", Issues: validate.Issues{}},
		},
		{
			name: "non-geographic number has no region",
			text: "+800 1234 5678", region: "",
			want: validate.PhoneResult{OK: true, E164: "+80012345678", Type: validate.PhoneTollFree, Issues: validate.Issues{}},
		},

		// Regions.
		{
			name: "lower-case region",
			text: "030 12345678", region: "de",
			want: validate.PhoneResult{OK: true, E164: "+493012345678", Type: validate.PhoneFixedLine, Region: "DE", Issues: validate.Issues{}},
		},
		{name: "national number without region", text: "030 12345678", region: "", want: invalidPhone("invalid_country_code")},
		{name: "national number with alpha-3 region", text: "030 12345678", region: "DEU", want: invalidPhone("invalid_country_code")},
		{name: "national number with unknown region", text: "030 12345678", region: "QQ", want: invalidPhone("invalid_country_code")},
		{name: "unknown calling code", text: "+999 123456", region: "", want: invalidPhone("invalid_country_code")},

		// Lengths.
		{name: "subscriber number only", text: "253 0000", region: "US", want: invalidPhone("local_only")},
		{name: "one digit", text: "+49 3", region: "", want: invalidPhone("too_short")},
		{name: "too short for FR", text: "+33 6 84 85", region: "", want: invalidPhone("too_short")},
		{name: "single digit after plus", text: "+4", region: "", want: invalidPhone("not_a_number")},
		{name: "between CH lengths", text: "+41 21 234 56 781", region: "", want: invalidPhone("invalid_length")},
		{name: "local-only length in GB", text: "+44 2079 4609", region: "", want: invalidPhone("local_only")},
		{name: "between FR lengths", text: "+33 6 84 85 86 87 8", region: "", want: invalidPhone("too_long")},
		{
			// Unassigned numbers that keep a national prefix after the
			// calling code, whose E.164 form would read back as another
			// number (+440153436789 reads as +44153436789).
			name: "trunk prefix kept, JE",
			text: "0153436789", region: "JE",
			want: invalidPhone("national_prefix"),
		},
		{name: "trunk prefix kept, NL", text: "+31 0 01234567", region: "", want: invalidPhone("national_prefix")},
		{name: "trunk prefix 8 kept, BY", text: "8 00152 4-097-11", region: "BY", want: invalidPhone("national_prefix")},
		{name: "punctuation only", text: "+-()", region: "DE", want: invalidPhone("not_a_number")},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := validate.NormalizePhone(tc.text, tc.region)
			if diff := cmp.Diff(tc.want, got, phoneOpts); diff != "" {
				t.Errorf("NormalizePhone(%q, %q) mismatch (-want +got):\n%s", tc.text, tc.region, diff)
			}
		})
	}
}

// TestNormalizePhoneErr checks that phone issues carry no cause: callers
// branch on the reason param (phonenumbers' sentinel errors were the
// cause while it parsed at run time).
func TestNormalizePhoneErr(t *testing.T) {
	for _, text := range []string{"+-()", "030 12345678", "+3368485868700001", "+37258774XXX"} {
		got := validate.NormalizePhone(text, "")
		if len(got.Issues) != 1 || got.Issues[0].Err != nil {
			t.Errorf("NormalizePhone(%q, \"\").Issues = %#v, want one issue without Err", text, got.Issues)
		}
	}
}

// TestNormalizePhoneExamples runs phonenumbers' example number of every
// type in every region through NormalizePhone, written in E.164 without a
// region and in international and national format with it: each must be
// accepted, with its type, and a region sharing its calling code (numbers
// such as +1 800 belong to the calling code's main region, US).
func TestNormalizePhoneExamples(t *testing.T) {
	types := []struct {
		pn   phonenumbers.PhoneNumberType
		want validate.PhoneType
	}{
		{phonenumbers.FIXED_LINE, validate.PhoneFixedLine},
		{phonenumbers.MOBILE, validate.PhoneMobile},
		{phonenumbers.TOLL_FREE, validate.PhoneTollFree},
		{phonenumbers.PREMIUM_RATE, validate.PhonePremiumRate},
		{phonenumbers.SHARED_COST, validate.PhoneSharedCost},
		{phonenumbers.VOIP, validate.PhoneVoIP},
		{phonenumbers.PERSONAL_NUMBER, validate.PhonePersonalNumber},
		{phonenumbers.PAGER, validate.PhonePager},
		{phonenumbers.UAN, validate.PhoneUAN},
		{phonenumbers.VOICEMAIL, validate.PhoneVoicemail},
	}
	// Known exceptions, by region and type.
	skip := map[string]string{
		// Canada's 310-xxxx numbers are seven digits, which phonenumbers
		// calls dialable locally only: rejected as local_only.
		"CA uan": "all",
		// The national format of an Argentine mobile ("09 15-2345-6789")
		// does not parse back to the same number in phonenumbers.
		"AR mobile": "national",
	}
	regions := make([]string, 0, 256)
	for r := range phonenumbers.GetSupportedRegions() {
		regions = append(regions, r)
	}
	slices.Sort(regions)
	n := 0
	for _, region := range regions {
		for _, typ := range types {
			num := phonenumbers.GetExampleNumberForType(region, typ.pn)
			skipped := skip[region+" "+string(typ.want)]
			if num == nil || skipped == "all" {
				continue
			}
			n++
			e164 := phonenumbers.Format(num, phonenumbers.E164)
			wantTypes := []validate.PhoneType{typ.want}
			if typ.want == validate.PhoneFixedLine || typ.want == validate.PhoneMobile {
				// Plans that cannot tell them apart say fixed_line_or_mobile.
				wantTypes = append(wantTypes, validate.PhoneFixedLineOrMobile)
			}
			sharing := phonenumbers.GetRegionCodesForCountryCode(int(num.GetCountryCode()))
			inputs := []struct{ text, region string }{
				{e164, ""},
				{phonenumbers.Format(num, phonenumbers.INTERNATIONAL), region},
			}
			if skipped != "national" {
				inputs = append(inputs, struct{ text, region string }{phonenumbers.Format(num, phonenumbers.NATIONAL), region})
			}
			for _, in := range inputs {
				got := validate.NormalizePhone(in.text, in.region)
				if !got.OK || got.E164 != e164 || !slices.Contains(sharing, got.Region) || !slices.Contains(wantTypes, got.Type) || len(got.Issues) != 0 {
					t.Errorf("NormalizePhone(%q, %q) = %+v, want OK %s of type %v in one of %v", in.text, in.region, got, e164, wantTypes, sharing)
				}
			}
		}
	}
	if n < 1000 {
		t.Errorf("only %d example numbers checked, want at least 1000", n)
	}
}

// TestNormalizePhoneIdempotent re-normalizes the E.164 form of the accepted
// table inputs.
func TestNormalizePhoneIdempotent(t *testing.T) {
	inputs := []struct{ text, region string }{
		{"0049-123-456789", "DE"},
		{"871.790.7578 x4882", "US"},
		{"+39 06 1234 5678", ""},
		{"8 912 345 67 89", "RU"},
		{"+800 1234 5678", ""},
		{"030 12345678 #12", "DE"},
		{"+263 10123", ""},
		{"+1 650 253 0000 ext. 12", ""},
	}
	for _, in := range inputs {
		first := validate.NormalizePhone(in.text, in.region)
		if !first.OK {
			t.Errorf("NormalizePhone(%q, %q) rejected: %v", in.text, in.region, first.Issues)
			continue
		}
		again := validate.NormalizePhone(first.E164, "")
		if diff := cmp.Diff(first, again, phoneOpts); diff != "" {
			t.Errorf("NormalizePhone(%q, \"\") of NormalizePhone(%q, %q) mismatch (-first +again):\n%s", first.E164, in.text, in.region, diff)
		}
	}
}

func TestPhoneResultJSON(t *testing.T) {
	tests := []struct {
		name string
		in   validate.PhoneResult
		want string
	}{
		{
			name: "accepted",
			in:   validate.NormalizePhone("+49 177 5555555", ""),
			want: `{"ok":true,"e164":"+491775555555","type":"mobile","region":"DE","issues":[]}`,
		},
		{
			name: "rejected",
			in:   validate.NormalizePhone("+37258774XXX", ""),
			want: `{"ok":false,"issues":[{"path":"","code":"invalid_phone","severity":"error","message":"","params":{"reason":"letters"}}]}`,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := json.Marshal(tc.in)
			if err != nil {
				t.Fatalf("json.Marshal(%+v): %v", tc.in, err)
			}
			if string(got) != tc.want {
				t.Errorf("json.Marshal(%+v) = %s, want %s", tc.in, got, tc.want)
			}
		})
	}
}

func TestIsMobileType(t *testing.T) {
	tests := []struct {
		typ  validate.PhoneType
		want bool
	}{
		{validate.PhoneMobile, true},
		{validate.PhoneFixedLineOrMobile, true},
		{validate.PhoneFixedLine, false},
		{validate.PhoneVoIP, false},
		{validate.PhoneUnknown, false},
		{"", false},
	}
	for _, tc := range tests {
		if got := validate.IsMobileType(tc.typ); got != tc.want {
			t.Errorf("IsMobileType(%q) = %v, want %v", tc.typ, got, tc.want)
		}
	}
}

// TestNormalizePhoneBadInput gives NormalizePhone texts of every length
// and content: each gets a result or an issue, never a panic.
func TestNormalizePhoneBadInput(t *testing.T) {
	type input struct {
		name, text string
		want       validate.PhoneResult
	}
	e164 := validate.PhoneResult{OK: true, E164: "+493012345678", Type: validate.PhoneFixedLine, Region: "DE", Issues: validate.Issues{}}
	inputs := []input{
		{"1 MB of digits", strings.Repeat("1", 1<<20), invalidPhone("too_long")},
		{"1 MB of format characters around a number", strings.Repeat("\u200b", 1<<18) + "+49 30 12345678" + strings.Repeat("\ufeff", 1<<18),
			validate.PhoneResult{OK: true, E164: "+493012345678", Type: validate.PhoneFixedLine, Region: "DE", FormatCharsRemoved: true, Issues: validate.Issues{}}},
		{"1 MB of white space around a number", strings.Repeat(" ", 1<<20) + "+49 30 12345678" + strings.Repeat("\t", 1<<20), e164},
		{"250 bytes", "+49 30 12345678" + strings.Repeat(" ", 235), e164},
		{"251 bytes", "+49 30 12345678" + strings.Repeat(" ", 235) + "-", invalidPhone("too_long")},
		{"invalid UTF-8 inside", "+49 30 \xff12345678", invalidPhone("invalid_encoding")},
		{"invalid UTF-8 before", "\xff\xfe+49 30 12345678", invalidPhone("invalid_encoding")},
		{"invalid UTF-8 in white space", "+49 30 12345678 \xc0 ", invalidPhone("invalid_encoding")},
		{"truncated UTF-8 at the end", "+49 30 12345678\xe2\x80", invalidPhone("invalid_encoding")},
		{"lone surrogate as WTF-8", "+49 30 12345678\xed\xa0\x80", invalidPhone("invalid_encoding")},
		{"U+FFFD itself", "+49 30 12345678\ufffd", invalidPhone("not_a_number")},
		{"NUL bytes", "+49\x0030 12345678", invalidPhone("not_a_number")},
	}
	// Every block of decimal digits.
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !unicode.Is(unicode.Nd, r) || unicode.Is(unicode.Nd, r-1) && (r-firstDigit(r))%10 != 0 {
			continue
		}
		digits := func(s string) string {
			return strings.Map(func(c rune) rune { return r + c - '0' }, s)
		}
		inputs = append(inputs, input{fmt.Sprintf("digits from %U", r), "+" + digits("49") + " " + digits("30") + " " + digits("12345678"), e164})
	}
	for _, in := range inputs {
		got := validate.NormalizePhone(in.text, "DE")
		if diff := cmp.Diff(in.want, got, phoneOpts); diff != "" {
			t.Errorf("%s: NormalizePhone mismatch (-want +got):\n%s", in.name, diff)
		}
	}
}

// firstDigit returns the first rune of the run of decimal digits r is in.
func firstDigit(r rune) rune {
	for unicode.Is(unicode.Nd, r-1) {
		r--
	}
	return r
}
