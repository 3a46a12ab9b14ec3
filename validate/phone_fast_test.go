package validate_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/nyaruka/phonenumbers"

	"github.com/custnorm/custnorm/validate"
)

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

// fastPathSeeds are inputs at the edges of the fast path: prefixes,
// separators, lengths, shared calling codes, national prefixes.
var fastPathSeeds = []phoneSeed{
	{"+49 177 5555555", "DE"}, {"030 12345678", "DE"}, {"0049-123-456789", "DE"}, {"0612345678", "NL"},
	{"+33 6 84 85 86 87", "FR"}, {"(650) 253-0000", "US"}, {"+1 650 253 0000", ""}, {"+44 20 7946 0958", "GB"},
	{"+49 (0) 30 12345678", ""}, {"+39 06 1234 5678", "IT"}, {"8 912 345 67 89", "RU"}, {"+7 912 345 67 89", ""},
	{"+800 1234 5678", ""}, {"253 0000", "US"}, {"+41 21 234 56 781", "ch"}, {"0153436789", "JE"},
	{"+31001234567", "NL"}, {"8 00152 4-097-11", "BY"}, {"4930123456", "DE"}, {"+4930123456", "GG"},
	{"07911 123456", "GG"}, {"+44 1481 256789", ""}, {"123", "DE"}, {"+123", ""}, {"+0049301234567", "DE"},
	{"1 800 123 4567", "US"}, {"+1 (268) 464-1234", ""}, {"0800 123 456", "AT"}, {"01 23 45 67 89", "FR"},
	{"+33 0 1 23 45 67 89", ""}, {"+3912345678901234567", ""}, {"012345678901234567890", "IT"},
	{"+49/30/12345678", ""}, {"-030 1234 567-", "DE"}, {"180020 1234567", "GB"}, {"0 1234", "XK"},
}

func FuzzPhoneFastPath(f *testing.F) {
	for _, ex := range examplePhones() {
		e164 := phonenumbers.Format(ex.num, phonenumbers.E164)
		f.Add(e164, "")
		f.Add(phonenumbers.Format(ex.num, phonenumbers.INTERNATIONAL), ex.region)
		if ex.region != "" {
			f.Add(e164, ex.region)
			f.Add(phonenumbers.Format(ex.num, phonenumbers.NATIONAL), ex.region)
		}
	}
	for _, s := range conformancePhones(f) {
		f.Add(s.text, s.region)
	}
	for _, s := range fastPathSeeds {
		f.Add(s.text, s.region)
	}
	f.Fuzz(func(t *testing.T, text, region string) {
		got := validate.NormalizePhone(text, region)
		want := validate.NormalizePhoneFull(text, region)
		if diff := cmp.Diff(want, got, cmpopts.EquateErrors()); diff != "" {
			t.Errorf("NormalizePhone(%q, %q): fast path differs from phonenumbers (-full +fast):\n%s", text, region, diff)
		}
	})
}

// TestPhoneFastPathMatchesFull compares the fast path with phonenumbers on
// every example number in E.164 and national form, and on near misses of
// the fixed-line and mobile ones: a digit less, a digit more, each possible
// first digit of the national number.
func TestPhoneFastPathMatchesFull(t *testing.T) {
	var inputs []phoneSeed
	for _, ex := range examplePhones() {
		cc := "+" + strconv.Itoa(int(ex.num.GetCountryCode()))
		nsn := phonenumbers.GetNationalSignificantNumber(ex.num)
		variants := []string{nsn}
		if ex.typ == phonenumbers.MOBILE || ex.typ == phonenumbers.FIXED_LINE {
			variants = append(variants, nsn[:len(nsn)-1], nsn+"7")
			for d := '0'; d <= '9'; d++ {
				variants = append(variants, string(d)+nsn[1:])
			}
		}
		for _, v := range variants {
			inputs = append(inputs, phoneSeed{cc + v, ""})
			if ex.region != "" {
				national := phonenumbers.GetNddPrefixForRegion(ex.region, true) + " " + v
				inputs = append(inputs, phoneSeed{national, ex.region})
			}
		}
	}
	inputs = append(inputs, fastPathSeeds...)
	inputs = append(inputs, conformancePhones(t)...)
	answered := 0
	for _, in := range inputs {
		if _, ok := validate.PhoneFastPath(strings.TrimSpace(in.text), in.region); ok {
			answered++
		}
		got := validate.NormalizePhone(in.text, in.region)
		want := validate.NormalizePhoneFull(in.text, in.region)
		if diff := cmp.Diff(want, got, cmpopts.EquateErrors()); diff != "" {
			t.Errorf("NormalizePhone(%q, %q): fast path differs from phonenumbers (-full +fast):\n%s", in.text, in.region, diff)
		}
	}
	t.Logf("%d inputs, %d answered by the fast path", len(inputs), answered)
}

// TestPhoneFastPathAnswers checks that the fast path answers the common
// inputs (E.164, and national numbers of the regions custnorm's users
// have most), so that FuzzPhoneFastPath tests something and the common
// case stays fast.
func TestPhoneFastPathAnswers(t *testing.T) {
	tests := []struct {
		name, text, region string
		want               validate.PhoneResult
	}{
		{"E.164 mobile", "+4915112345678", "", validate.PhoneResult{OK: true, E164: "+4915112345678", Type: validate.PhoneMobile, Region: "DE", Issues: validate.Issues{}}},
		{"E.164 with spaces", "+33 6 84 85 86 87", "DE", validate.PhoneResult{OK: true, E164: "+33684858687", Type: validate.PhoneMobile, Region: "FR", Issues: validate.Issues{}}},
		{"national with trunk prefix", "030 12345678", "DE", validate.PhoneResult{OK: true, E164: "+493012345678", Type: validate.PhoneFixedLine, Region: "DE", Issues: validate.Issues{}}},
		{"national mobile", "0612345678", "NL", validate.PhoneResult{OK: true, E164: "+31612345678", Type: validate.PhoneMobile, Region: "NL", Issues: validate.Issues{}}},
		{"shared calling code", "+1 650 253 0000", "", validate.PhoneResult{OK: true, E164: "+16502530000", Type: validate.PhoneFixedLineOrMobile, Region: "US", Issues: validate.Issues{}}},
		{"British landline", "020 7946 0958", "GB", validate.PhoneResult{OK: true, E164: "+442079460958", Type: validate.PhoneFixedLine, Region: "GB", Issues: validate.Issues{}}},
		{"too short", "+33 6 84", "", validate.PhoneResult{Issues: validate.Issues{validate.NewIssue("", validate.CodeInvalidPhone, validate.Params{"reason": "too_short"})}}},
	}
	if !validate.PhoneFastCompiled {
		t.Skip("the fast path is not part of this build")
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := validate.PhoneFastPath(tc.text, tc.region)
			if !ok {
				t.Fatalf("PhoneFastPath(%q, %q) declined, want an answer", tc.text, tc.region)
			}
			if diff := cmp.Diff(tc.want, got, cmpopts.EquateErrors()); diff != "" {
				t.Errorf("PhoneFastPath(%q, %q) mismatch (-want +got):\n%s", tc.text, tc.region, diff)
			}
		})
	}
}
