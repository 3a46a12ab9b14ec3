package validate_test

import (
	"fmt"

	"github.com/custnorm/custnorm/validate"
)

func ExampleNormalizeCountry() {
	for _, in := range []string{"de", "DEU", "Germany", "ÖSTERREICH", "Oesterreich", "Niemcy", "UK", "Großbritannien"} {
		r := validate.NormalizeCountry(in)
		fmt.Printf("%s → %s (alpha-3 %s)\n", in, r.Code, validate.Alpha3(r.Code))
	}
	// Output:
	// de → DE (alpha-3 DEU)
	// DEU → DE (alpha-3 DEU)
	// Germany → DE (alpha-3 DEU)
	// ÖSTERREICH → AT (alpha-3 AUT)
	// Oesterreich → AT (alpha-3 AUT)
	// Niemcy → DE (alpha-3 DEU)
	// UK → GB (alpha-3 GBR)
	// Großbritannien → GB (alpha-3 GBR)
}

func ExampleNormalizeCountry_invalid() {
	for _, in := range []string{"Atlantis", "DDR", "EU", "Kongo"} {
		r := validate.NormalizeCountry(in)
		for _, issue := range r.Issues {
			fmt.Printf("%q: ok=%v code=%s candidates=%v\n", in, r.OK, issue.Code, issue.Params["candidates"])
		}
	}
	// Output:
	// "Atlantis": ok=false code=invalid_country candidates=<nil>
	// "DDR": ok=false code=invalid_country candidates=<nil>
	// "EU": ok=false code=invalid_country candidates=<nil>
	// "Kongo": ok=false code=invalid_country candidates=[CD CG]
}

func ExampleNormalizeNationality() {
	for _, in := range []string{"german", "Deutsche", "französisch", "Swedish", "polska", "DE", "Congolese"} {
		r := validate.NormalizeNationality(in)
		if r.OK {
			fmt.Printf("%s → %s\n", in, r.Code)
		} else {
			fmt.Printf("%s → refused, candidates %v\n", in, r.Issues[0].Params["candidates"])
		}
	}
	// Output:
	// german → DE
	// Deutsche → DE
	// französisch → FR
	// Swedish → SE
	// polska → PL
	// DE → DE
	// Congolese → refused, candidates [CD CG]
}
