package validate_test

import (
	"fmt"

	"github.com/custnorm/custnorm/validate"
)

func ExampleNormalizeCountry() {
	for _, in := range []string{"de", "DEU", "Germany", "ÖSTERREICH", "Niemcy", "UK"} {
		r := validate.NormalizeCountry(in)
		fmt.Printf("%s → %s (alpha-3 %s)\n", in, r.Code, validate.Alpha3(r.Code))
	}
	// Output:
	// de → DE (alpha-3 DEU)
	// DEU → DE (alpha-3 DEU)
	// Germany → DE (alpha-3 DEU)
	// ÖSTERREICH → AT (alpha-3 AUT)
	// Niemcy → DE (alpha-3 DEU)
	// UK → GB (alpha-3 GBR)
}

func ExampleNormalizeCountry_invalid() {
	for _, in := range []string{"Atlantis", "DDR", "EU"} {
		r := validate.NormalizeCountry(in)
		for _, issue := range r.Issues {
			fmt.Printf("%q: ok=%v code=%s\n", in, r.OK, issue.Code)
		}
	}
	// Output:
	// "Atlantis": ok=false code=invalid_country
	// "DDR": ok=false code=invalid_country
	// "EU": ok=false code=invalid_country
}
