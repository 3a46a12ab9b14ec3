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
