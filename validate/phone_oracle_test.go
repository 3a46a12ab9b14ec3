package validate_test

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/nyaruka/phonenumbers"

	"github.com/custnorm/custnorm/validate"
)

// The oracle: NormalizePhone as phonenumbers answers it. custnorm's own
// rules (format characters removed, digits of every script read by value,
// letters other than one extension marker refused, E.164 forms that read
// back as another number refused) are applied here as NormalizePhone
// documents them, independently of the engine; everything else is
// phonenumbers' Parse, IsPossibleNumberWithReason, GetRegionCodeForNumber,
// GetNumberType and Format(E164). The engine must give the same result for
// every input.

// oraclePhone is NormalizePhone's documented result for text and region,
// computed with phonenumbers.
func oraclePhone(text, region string) validate.PhoneResult {
	cleaned, removed := removeFormatChars(text)
	var res validate.PhoneResult
	if utf8.ValidString(text) {
		res = oracleParsed(strings.TrimSpace(cleaned), region)
	} else {
		res = oracleInvalid("invalid_encoding")
	}
	res.FormatCharsRemoved = removed
	return res
}

// removeFormatChars removes the runes of category Cf, keeping every other
// byte as it is (invalid UTF-8 included).
func removeFormatChars(s string) (string, bool) {
	var b strings.Builder
	removed := false
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		if r != utf8.RuneError && unicode.Is(unicode.Cf, r) {
			removed = true
		} else {
			b.WriteString(s[i : i+w])
		}
		i += w
	}
	return b.String(), removed
}

// asciiDigits replaces every decimal digit (Nd) by its ASCII digit, keeping
// every other byte.
func asciiDigits(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		if w > 1 && unicode.Is(unicode.Nd, r) {
			// Decimal digits come in runs of whole blocks of ten, each
			// starting with its zero.
			lo := r
			for unicode.Is(unicode.Nd, lo-1) {
				lo--
			}
			b.WriteByte(byte('0' + (r-lo)%10))
		} else {
			b.WriteString(s[i : i+w])
		}
		i += w
	}
	return b.String()
}

func oracleInvalid(reason string) validate.PhoneResult {
	return validate.PhoneResult{Issues: validate.Issues{
		validate.NewIssue("", validate.CodeInvalidPhone, validate.Params{"reason": reason}),
	}}
}

func oracleParsed(text, region string) validate.PhoneResult {
	if text == "" {
		return oracleInvalid("empty")
	}
	if len(text) > 250 {
		return oracleInvalid("too_long")
	}
	text = asciiDigits(text)
	ext, hasMarker, ok := oracleLetters(text)
	if !ok {
		return oracleInvalid("letters")
	}
	pnRegion := "ZZ"
	if len(region) == 2 && isASCIILetter(region[0]) && isASCIILetter(region[1]) {
		pnRegion = strings.ToUpper(region)
	}
	num, err := phonenumbers.Parse(text, pnRegion)
	if err != nil {
		switch {
		case errors.Is(err, phonenumbers.ErrInvalidCountryCode):
			return oracleInvalid("invalid_country_code")
		case errors.Is(err, phonenumbers.ErrTooShortNSN), errors.Is(err, phonenumbers.ErrTooShortAfterIDD):
			return oracleInvalid("too_short")
		case errors.Is(err, phonenumbers.ErrNumTooLong):
			return oracleInvalid("too_long")
		}
		return oracleInvalid("not_a_number")
	}
	gotExt := num.GetExtension()
	if hasMarker && gotExt != ext {
		return oracleInvalid("letters")
	}
	switch phonenumbers.IsPossibleNumberWithReason(num) {
	case phonenumbers.IS_POSSIBLE:
	case phonenumbers.IS_POSSIBLE_LOCAL_ONLY:
		return oracleInvalid("local_only")
	case phonenumbers.TOO_SHORT:
		return oracleInvalid("too_short")
	case phonenumbers.TOO_LONG:
		return oracleInvalid("too_long")
	case phonenumbers.INVALID_COUNTRY_CODE:
		return oracleInvalid("invalid_country_code")
	default:
		return oracleInvalid("invalid_length")
	}
	res := validate.PhoneResult{OK: true, Type: validate.PhoneUnknown, Issues: validate.Issues{}}
	numRegion := phonenumbers.GetRegionCodeForNumber(num)
	if len(numRegion) == 2 && numRegion != "ZZ" {
		res.Region = numRegion
	}
	if numRegion != "" {
		res.Type = oracleType(phonenumbers.GetNumberType(num))
		if valid := phonenumbers.IsValidNumber(num); valid != (res.Type != validate.PhoneUnknown) {
			panic("oracle: IsValidNumber disagrees with GetNumberType for " + text)
		}
	}
	res.E164 = phonenumbers.Format(num, phonenumbers.E164)
	if res.Type == validate.PhoneUnknown {
		back, err := phonenumbers.Parse(res.E164, "ZZ")
		if err != nil || phonenumbers.Format(back, phonenumbers.E164) != res.E164 {
			return oracleInvalid("national_prefix")
		}
		res.Issues = validate.Issues{validate.NewIssue("", validate.CodePhoneNotAssigned, nil)}
	}
	if gotExt != "" {
		res.E164 += ";ext=" + gotExt
	}
	return res
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// oracleLetters is the letter rule: the first letter must start an ASCII
// marker "extension", "ext" or "x" (either case), after which come no
// letters and at least one digit: those digits are the extension.
func oracleLetters(s string) (ext string, hasMarker, ok bool) {
	first := strings.IndexFunc(s, unicode.IsLetter)
	if first < 0 {
		return "", false, true
	}
	rest := s[first:]
	var tail string
	for _, m := range []string{"extension", "ext", "x"} {
		if len(rest) >= len(m) && asciiEqualFold(rest[:len(m)], m) {
			tail = rest[len(m):]
			hasMarker = true
			break
		}
	}
	if !hasMarker || strings.IndexFunc(tail, unicode.IsLetter) >= 0 {
		return "", false, false
	}
	for _, r := range tail {
		if '0' <= r && r <= '9' {
			ext += string(r)
		}
	}
	return ext, ext != "", ext != ""
}

func asciiEqualFold(s, ascii string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != ascii[i] {
			return false
		}
	}
	return true
}

func oracleType(t phonenumbers.PhoneNumberType) validate.PhoneType {
	switch t {
	case phonenumbers.MOBILE:
		return validate.PhoneMobile
	case phonenumbers.FIXED_LINE:
		return validate.PhoneFixedLine
	case phonenumbers.FIXED_LINE_OR_MOBILE:
		return validate.PhoneFixedLineOrMobile
	case phonenumbers.TOLL_FREE:
		return validate.PhoneTollFree
	case phonenumbers.PREMIUM_RATE:
		return validate.PhonePremiumRate
	case phonenumbers.SHARED_COST:
		return validate.PhoneSharedCost
	case phonenumbers.VOIP:
		return validate.PhoneVoIP
	case phonenumbers.PERSONAL_NUMBER:
		return validate.PhonePersonalNumber
	case phonenumbers.PAGER:
		return validate.PhonePager
	case phonenumbers.UAN:
		return validate.PhoneUAN
	case phonenumbers.VOICEMAIL:
		return validate.PhoneVoicemail
	}
	return validate.PhoneUnknown
}

// phoneTypes are the number types phonenumbers has example numbers for.
var phoneTypes = []phonenumbers.PhoneNumberType{
	phonenumbers.FIXED_LINE, phonenumbers.MOBILE, phonenumbers.TOLL_FREE, phonenumbers.PREMIUM_RATE,
	phonenumbers.SHARED_COST, phonenumbers.VOIP, phonenumbers.PERSONAL_NUMBER, phonenumbers.PAGER,
	phonenumbers.UAN, phonenumbers.VOICEMAIL,
}

// examplePhone is one example number of phonenumbers' metadata.
type examplePhone struct {
	region string // "" for a non-geographical calling code
	typ    phonenumbers.PhoneNumberType
	num    *phonenumbers.PhoneNumber
}

// examplePhones returns phonenumbers.GetExampleNumberForType for every
// supported region and type, and the example of every non-geographical
// calling code, in a fixed order.
func examplePhones() []examplePhone {
	var out []examplePhone
	regions := make([]string, 0, len(phonenumbers.GetSupportedRegions()))
	for r := range phonenumbers.GetSupportedRegions() {
		regions = append(regions, r)
	}
	slices.Sort(regions)
	for _, r := range regions {
		for _, typ := range phoneTypes {
			if num := phonenumbers.GetExampleNumberForType(r, typ); num != nil {
				out = append(out, examplePhone{r, typ, num})
			}
		}
	}
	var codes []int
	for cc := range phonenumbers.GetSupportedGlobalNetworkCallingCodes() {
		codes = append(codes, cc)
	}
	slices.Sort(codes)
	for _, cc := range codes {
		if num := phonenumbers.GetExampleNumberForNonGeoEntity(cc); num != nil {
			out = append(out, examplePhone{"", phonenumbers.UNKNOWN, num})
		}
	}
	return out
}

// phoneSeed is an input of NormalizePhone.
type phoneSeed struct{ text, region string }

// conformancePhones returns the inputs of the normalizePhone cases of the
// shared conformance corpus.
func conformancePhones(t testing.TB) []phoneSeed {
	data, err := os.ReadFile(filepath.Join("..", "testdata", "conformance.json"))
	if err != nil {
		t.Fatal(err)
	}
	var corpus struct {
		Cases []struct {
			Op     string `json:"op"`
			Input  any    `json:"input"`
			Region string `json:"region"`
		} `json:"cases"`
	}
	if err := json.Unmarshal(data, &corpus); err != nil {
		t.Fatal(err)
	}
	var out []phoneSeed
	for _, c := range corpus.Cases {
		if s, ok := c.Input.(string); ok && c.Op == "normalizePhone" {
			out = append(out, phoneSeed{s, c.Region})
		}
	}
	return out
}

// edgePhones are inputs at the edges of the engine: prefixes, separators,
// lengths, shared calling codes, national prefixes and their transform
// rules, extensions, scripts, format characters, the patterns' oddities.
var edgePhones = []phoneSeed{
	{"+49 177 5555555", "DE"}, {"030 12345678", "DE"}, {"0049-123-456789", "DE"}, {"0612345678", "NL"},
	{"+33 6 84 85 86 87", "FR"}, {"(650) 253-0000", "US"}, {"+1 650 253 0000", ""}, {"+44 20 7946 0958", "GB"},
	{"+49 (0) 30 12345678", ""}, {"+39 06 1234 5678", "IT"}, {"8 912 345 67 89", "RU"}, {"+7 912 345 67 89", ""},
	{"+800 1234 5678", ""}, {"253 0000", "US"}, {"+41 21 234 56 781", "ch"}, {"0153436789", "JE"},
	{"+31001234567", "NL"}, {"8 00152 4-097-11", "BY"}, {"4930123456", "DE"}, {"+4930123456", "GG"},
	{"07911 123456", "GG"}, {"+44 1481 256789", ""}, {"123", "DE"}, {"+123", ""}, {"+0049301234567", "DE"},
	{"1 800 123 4567", "US"}, {"+1 (268) 464-1234", ""}, {"0800 123 456", "AT"}, {"01 23 45 67 89", "FR"},
	{"+33 0 1 23 45 67 89", ""}, {"+3912345678901234567", ""}, {"012345678901234567890", "IT"},
	{"+49/30/12345678", ""}, {"-030 1234 567-", "DE"}, {"180020 1234567", "GB"}, {"0 1234", "XK"},
	// International prefixes of many forms.
	{"011 44 20 7946 0958", "US"}, {"00 1 650 253 0000", "DE"}, {"810 7 912 345 67 89", "RU"},
	{"0011 61 2 9374 4000", "AU"}, {"1 650 253 0000", "US"}, {"011 0 44", "US"}, {"00", "DE"}, {"000", "DE"},
	{"0019 1 650 253 0000", "HK"}, {"00 0 1234567", "DE"}, {"++49 30 12345678", ""}, {"+＋49 30 12345678", ""},
	{"12+49 30 12345678", ""}, {"0+49 30 12345678", "DE"}, {"+999 +49 30 12345678", ""},
	// National prefixes with transform rules (NANPA islands, AR, BR, JP, MG, SM …).
	{"464 1234", "AG"}, {"1 268 464 1234", "AG"}, {"011 15 2345 6789", "AR"}, {"0 11 15 2345 6789", "AR"},
	{"0 343 15 555 1212", "AR"}, {"0 (12) 3456 7890", "BR"}, {"0 21 98765 4321", "BR"}, {"90 21 98765 4321", "BR"},
	{"0 41 21 98765 4321", "BR"}, {"00037680 1234", "JP"}, {"0003768 0 1234 5678", "JP"}, {"0002 1234 5678", "JP"},
	{"20 21 234 56", "MG"}, {"0549 123456", "SM"}, {"123456", "SM"}, {"0 06 12345678", "GA"},
	{"012345", "NF"}, {"55 123456", "CX"}, {"0 8 9164 1234", "CC"}, {"1481 456789", "GG"}, {"456789", "GG"},
	{"1 1001 12345", "LI"}, {"1001 123456", "LI"}, {"15 44 1234 5678", "LU"}, {"1012 12345", "FO"},
	{"0 85 1234 5678", "KR"}, {"08 51 1234 5678", "KR"}, {"0 3 123 4567", "CO"}, {"04 44 1 234 5678", "CO"},
	{"1833 1 2345 6789", "AU"}, {"06 30 123 4567", "HU"}, {"80 29 123 45 67", "BY"}, {"8 029 123 45 67", "BY"},
	// Extensions in the forms phonenumbers reads.
	{"+16502530000;ext=4882", ""}, {"+1 650 253 0000 ext. 12", ""}, {"030 12345678 EXTENSION 12", "DE"},
	{"030 12345678 #12", "DE"}, {"030 12345678,,12", "DE"}, {"030 12345678;12", "DE"}, {"030 12345678, 12", "DE"},
	{"030 12345678 - 123#", "DE"}, {"030 12345678 ~ 12", "DE"}, {"030 12345678 ～12", "DE"}, {"030 12345678 ＃12", "DE"},
	{"030 12345678 x12#", "DE"}, {"030 12345678 ext:12", "DE"}, {"030 12345678 ext.: 12", "DE"},
	{"030 12345678 x 123456789", "DE"}, {"030 12345678 x 1234567890", "DE"}, {"+4930x1234567890", ""},
	{"(530) 583-6985 x302/x2303", "US"}, {"(530) 583-6985 x302 / x2303", "US"}, {"030 12345678 x", "DE"},
	{"871.790.7578 x4882", "US"}, {"+1 650 253 0000 x٤٨٨٢", ""}, {"030 1234 x 5678 x 12", "DE"},
	// Letters.
	{"call me maybe", "DE"}, {"+37258774XXX", ""}, {"1-800-FLOWERS", "US"}, {"tel:+1-650-253-0000", ""},
	{"tel:+1-650-253-0000;phone-context=example.com", ""}, {";phone-context=+49tel:", "DE"},
	{"030 12345678 extenſion 12", "DE"}, {"030 12345678 EXT 12", "DE"}, {"Tel. 030 12345678", "DE"},
	// Digits of other scripts.
	{"０３０ １２３４５６７８", "DE"}, {"+49 30 १२३४५६७८", ""}, {"٠٣٠ ١٢٣٤٥٦٧٨", "DE"}, {"۰۳۰ ۱۲۳۴۵۶۷۸", "DE"},
	{"+𝟒𝟗 𝟑𝟎 𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖", ""}, {"+৪৯ ৩০ ১২৩৪৫৬৭৮", ""}, {"+49 30 1234567８", ""},
	// Format characters anywhere.
	{"+49\u200b 30 12345678", "DE"}, {"\u202e+43 1 234567890\ufeff", "AT"}, {"+4\u200d9 30 1234\u00ad5678", ""},
	{"\u2066030 12345678\u2069", "DE"}, {"\ufeff\ufeff", "DE"}, {"+49 30 12345678 x\u200b12", ""},
	// Punctuation and oddities of phonenumbers' patterns.
	{"+49 30 12345678&&5]", ""}, {"0301234567&&5]]", "DE"}, {"+49 30 12345678 &&#]", ""}, {"+49 30 1234 \\ x 5678", ""},
	{"+49 30 12345678!", ""}, {"!+49 30 12345678", ""}, {"[030] 12345678", "DE"}, {"030～12345678", "DE"},
	{"+", ""}, {"++--()..", "ZZ"}, {"+-()", "DE"}, {"12", "DE"}, {"1", "DE"}, {"+4", ""}, {"+49 3", ""},
	{"\xff+49 30 12345678", ""}, {"+49 30 \xff 12345678", ""}, {"+49 30\n12345678", ""}, {"+49 30\t12345678", ""},
	{strings.Repeat("9", 251), "DE"}, {strings.Repeat("9", 250), "DE"}, {"+" + strings.Repeat("1", 30), ""},
	{"030 12345678", ""}, {"030 12345678", "DEU"}, {"030 12345678", "QQ"}, {"030 12345678", "de"}, {"+999 123456", ""},
	{"+263 10123", ""}, {"+33 6 84 85 86 87 8", ""}, {"+44 2079 4609", ""}, {"+3368485868700001", "FR"},
}

// phoneVariants returns inputs made from an example number: the number
// and near misses of it (a digit less, a digit more, each digit changed),
// each written in E.164 without a region, and with the example's region
// in international form, with the national prefix, with the region's
// international prefix and with separators.
func phoneVariants(ex examplePhone) []phoneSeed {
	cc := strconv.Itoa(int(ex.num.GetCountryCode()))
	nsn := phonenumbers.GetNationalSignificantNumber(ex.num)
	nsns := []string{nsn, nsn[:len(nsn)-1], nsn + "5"}
	for i := range nsn {
		d := byte('0' + (nsn[i]-'0'+3)%10)
		nsns = append(nsns, nsn[:i]+string(d)+nsn[i+1:])
	}
	var out []phoneSeed
	idd := ""
	if ex.region != "" {
		idd = oracleIDD(ex.region)
	}
	for _, n := range nsns {
		out = append(out, phoneSeed{"+" + cc + n, ""})
		if ex.region == "" {
			continue
		}
		out = append(out,
			phoneSeed{"+" + cc + " " + n, ex.region},
			phoneSeed{phonenumbers.GetNddPrefixForRegion(ex.region, true) + n, ex.region},
			phoneSeed{n, ex.region},
			phoneSeed{grouped(n), ex.region},
		)
		if idd != "" {
			out = append(out, phoneSeed{idd + " " + cc + " " + n, ex.region})
		}
	}
	return out
}

// oracleIDD returns a region's international prefix when it is a plain
// string of digits, "" otherwise.
func oracleIDD(region string) string {
	return regionIDDs()[region]
}

var regionIDDs = sync.OnceValue(func() map[string]string {
	coll, err := phonenumbers.MetadataCollection()
	if err != nil {
		panic(err)
	}
	m := map[string]string{}
	for _, md := range coll.GetMetadata() {
		idd := md.GetInternationalPrefix()
		if idd != "" && strings.Trim(idd, "0123456789") == "" {
			m[md.GetId()] = idd
		}
	}
	return m
})

// grouped writes digits in groups with separators: "(030) 1234-567".
func grouped(n string) string {
	if len(n) < 7 {
		return n[:1] + "-" + n[1:]
	}
	return "(" + n[:3] + ") " + n[3:len(n)-3] + "-" + n[len(n)-3:]
}

func comparePhone(t *testing.T, in phoneSeed) bool {
	t.Helper()
	want := oraclePhone(in.text, in.region)
	got := validate.NormalizePhone(in.text, in.region)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("NormalizePhone(%q, %q) differs from phonenumbers (-phonenumbers +engine):\n%s", in.text, in.region, diff)
		return false
	}
	return true
}

// TestPhoneMatchesPhonenumbers compares the engine with the oracle on every
// example number of every region and type and their near misses, on the
// conformance corpus's numbers and on the edge cases.
func TestPhoneMatchesPhonenumbers(t *testing.T) {
	var inputs []phoneSeed
	for _, ex := range examplePhones() {
		inputs = append(inputs, phoneVariants(ex)...)
	}
	inputs = append(inputs, edgePhones...)
	inputs = append(inputs, conformancePhones(t)...)
	failed := 0
	accepted := 0
	for _, in := range inputs {
		if !comparePhone(t, in) {
			failed++
			if failed == 50 {
				t.Fatal("too many differences")
			}
		} else if validate.NormalizePhone(in.text, in.region).OK {
			accepted++
		}
	}
	t.Logf("%d inputs, %d accepted", len(inputs), accepted)
}

// FuzzPhoneOracle is the differential fuzz target: for any text and
// region, NormalizePhone must give the oracle's result. Its seeds are the
// edge cases, the conformance corpus's numbers and every example number
// in three forms.
func FuzzPhoneOracle(f *testing.F) {
	for _, s := range edgePhones {
		f.Add(s.text, s.region)
	}
	for _, s := range conformancePhones(f) {
		f.Add(s.text, s.region)
	}
	for _, ex := range examplePhones() {
		f.Add(phonenumbers.Format(ex.num, phonenumbers.E164), "")
		if ex.region != "" {
			f.Add(phonenumbers.Format(ex.num, phonenumbers.INTERNATIONAL), ex.region)
			f.Add(phonenumbers.Format(ex.num, phonenumbers.NATIONAL), ex.region)
		}
	}
	f.Fuzz(func(t *testing.T, text, region string) {
		comparePhone(t, phoneSeed{text, region})
	})
}
