package validate_test

import (
	"fmt"

	"github.com/custnorm/custnorm/validate"
)

func ExampleNormalizePhone() {
	for _, in := range []struct{ text, region string }{
		{"030 12345678", "DE"},
		{"0049 177 5555555", "DE"},
		{"+33 6 84 85 86 87", ""},
		{"871.790.7578 x4882", "US"},
	} {
		res := validate.NormalizePhone(in.text, in.region)
		fmt.Printf("%t %s %s region %q\n", res.OK, res.E164, res.Type, res.Region)
		for _, iss := range res.Issues {
			fmt.Println("  ", iss.Severity, iss.Code)
		}
	}
	// Output:
	// true +493012345678 fixed_line region "DE"
	// true +491775555555 mobile region "DE"
	// true +33684858687 mobile region "FR"
	// true +18717907578;ext=4882 unknown region ""
	//    warning phone_not_assigned
}

func ExampleNormalizePhone_invalid() {
	for _, in := range []struct{ text, region string }{
		{"+37258774XXX", ""},
		{"030 12345678", ""},
		{"+3368485868700001", "FR"},
	} {
		res := validate.NormalizePhone(in.text, in.region)
		iss := res.Issues[0]
		fmt.Println(res.OK, iss.Severity, iss.Code, iss.Params["reason"])
	}
	// Output:
	// false error invalid_phone letters
	// false error invalid_phone invalid_country_code
	// false error invalid_phone too_long
}

// Text pasted from web pages and documents carries invisible format
// characters; digits may be of any script.
func ExampleNormalizePhone_pasted() {
	for _, in := range []struct{ text, region string }{
		{"\u202e+43 1 234567890\ufeff", "AT"}, // bidi override, byte-order mark
		{"+49\u200b 30 12345678", "DE"},       // zero-width space
		{"+४९ ३० १२३४५६७८", ""},               // Devanagari digits
		{"０３０ １２３４５６７８", "DE"},                // full-width digits
	} {
		res := validate.NormalizePhone(in.text, in.region)
		fmt.Println(res.OK, res.E164, res.FormatCharsRemoved)
	}
	// Output:
	// true +431234567890 true
	// true +493012345678 true
	// true +493012345678 false
	// true +493012345678 false
}
