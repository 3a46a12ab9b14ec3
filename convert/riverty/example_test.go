package riverty_test

import (
	"fmt"

	"github.com/custnorm/custnorm/convert/riverty"
	"github.com/custnorm/custnorm/model"
)

func ExampleConverter_Decode() {
	doc := []byte(`{
		"customerNumber": "c1631704458",
		"firstName": "Ray",
		"lastName": "Ankunding",
		"companyName": "",
		"birthDate": "1984-11-11T00:00:00Z",
		"customerCategory": "PERSON",
		"address": {"street": "Bergnaum Mountains", "streetNumber": "1", "postalCode": "10115",
			"postalPlace": "Berlin", "countryCode": "DE", "addressType": "main address"}
	}`)
	c, origins, rep := riverty.Converter{}.Decode(doc)
	fmt.Println(c.Kind, c.GivenName, c.FamilyName, c.BirthDate, c.Refs.Riverty)
	fmt.Println(c.Address.City, "comes from", origins.Of("/address/city"))
	fmt.Println("kept for Riverty:", string(c.Provider[riverty.Name]))
	for _, ch := range rep.Changes {
		fmt.Println(ch.Kind, ch.Path, ch.Rule)
	}
	// Output:
	// person Ray Ankunding 1984-11-11 c1631704458
	// Berlin comes from /address/postalPlace
	// kept for Riverty: {"customer":{"address":{"addressType":"main address"},"companyName":""}}
	// normalized /birthDate date_civil
}

func ExampleConverter_Encode() {
	c := model.Customer{
		GivenName: "John", FamilyName: "Doe", BirthDate: model.MustParseDate("1905-03-03"),
		Title:   "Dr.",
		Address: model.Address{Street: "Frankfurter Str.", HouseNumber: "125a", PostalCode: "60326", City: "Frankfurt am Main", Country: "DE"},
	}
	out, rep := riverty.Converter{}.Encode(c)
	fmt.Println(string(out))
	for _, i := range rep.Issues {
		fmt.Println(i.Severity, i.Code, i.Path, "→", *i.Target)
	}
	for _, ch := range rep.Changes {
		fmt.Println(ch.Kind, ch.Path, ch.Rule)
	}
	// Output:
	// {"firstName":"John","lastName":"Doe","birthDate":"1905-03-03","address":{"street":"Frankfurter Str.","streetNumber":"125","streetNumberAdditional":"a","postalCode":"60326","postalPlace":"Frankfurt am Main","countryCode":"DE"}}
	// warning required /refs/riverty → /customerNumber
	// split /address/houseNumber house_number_split
	// dropped /title not_in_target
}

func ExampleCreateConverter_Encode() {
	c := model.Customer{GivenName: "John", FamilyName: "Doe", Refs: model.References{Riverty: "cust1234"}}
	out, rep := riverty.CreateConverter{}.Encode(c)
	fmt.Println(string(out))
	for _, i := range rep.Issues {
		fmt.Println(i.Severity, i.Code, i.Path, "→", *i.Target)
	}
	// Output:
	// {"customer":{"customerNumber":"cust1234","firstName":"John","lastName":"Doe"}}
	// error required /provider/riverty/paymentRegistration → /paymentRegistration
}
