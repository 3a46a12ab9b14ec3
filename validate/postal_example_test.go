package validate_test

import (
	"fmt"

	"github.com/custnorm/custnorm/validate"
)

func ExampleCheckPostalCode() {
	for _, in := range []struct{ country, code string }{
		{"DE", "60326"},
		{"DE", "6032"},
		{"US", "97687-7791"},
		{"DE", "97687-7791"},
		{"SE", "111 52"},
		{"GB", "sw1a 1aa"},
		{"AE", "12345"}, // the UAE use no postal codes
	} {
		issue := validate.CheckPostalCode(in.country, in.code)
		if issue == nil {
			fmt.Printf("%s %q: ok\n", in.country, in.code)
			continue
		}
		fmt.Printf("%s %q: %s, example %q\n", in.country, in.code, issue.Code, issue.Params["example"])
	}
	fmt.Println(validate.CheckPostalCode("DE", "6032"))
	// Output:
	// DE "60326": ok
	// DE "6032": invalid_postal_code, example "26133"
	// US "97687-7791": ok
	// DE "97687-7791": invalid_postal_code, example "26133"
	// SE "111 52": ok
	// GB "sw1a 1aa": ok
	// AE "12345": invalid_postal_code, example ""
	// validate: invalid_postal_code: is not a valid postal code for DE (for example 26133)
}
