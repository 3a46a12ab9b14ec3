package worldline_test

import (
	"fmt"

	"github.com/custnorm/custnorm/convert/worldline"
	"github.com/custnorm/custnorm/model"
)

func ExampleConverter_Decode() {
	// The response example of getCustomerDetails (the customerDetails page).
	doc := []byte(`{"fiscalNumber":"0123456789012","city":"Stockholm","street":"Gustav Adolfs torg 22",` +
		`"zip":"111 52","firstName":"Gustav","surname":"Adolfs","emailAddress":"gustav.adolfs@example.com",` +
		`"phoneNumber":"0123456789","languageCode":""}`)
	c, origins, rep := worldline.Converter{}.Decode(doc)
	fmt.Println(c.GivenName, c.FamilyName)
	fmt.Printf("street %q, house number from %s\n", c.Address.Street, origins.Of("/address/houseNumber"))
	fmt.Printf("kept: %s\n", c.Provider[worldline.Name])
	fmt.Println("issues:", len(rep.Issues))
	// Output:
	// Gustav Adolfs
	// street "Gustav Adolfs torg 22", house number from /street
	// kept: {"languageCode":""}
	// issues: 0
}

func ExampleConverter_Decode_errors() {
	doc := []byte(`{"fiscalNumber":"121212-1213","country":"SE","zip":11152,"nickname":"Gus"}`)
	_, _, rep := worldline.Converter{}.Decode(doc)
	rep.Normalize()
	for _, i := range rep.Issues {
		fmt.Println(i.Path, i.Code, i.Severity, i.Params)
	}
	// Output:
	// /fiscalNumber invalid_id error map[format:SE personnummer or samordningsnummer: 10 or 12 digits scheme:se_personnummer]
	// /nickname unknown_field warning map[]
	// /zip wrong_type error map[expected:string]
}

func ExampleConverter_Encode() {
	c := model.Customer{
		GivenName: "Marie", FamilyName: "Durand", Mobile: "+33612345678",
		Address: model.Address{Street: "rue de la Paix", HouseNumber: "12", PostalCode: "75002", City: "Paris", Country: "FR"},
	}
	doc, rep := worldline.Converter{}.Encode(c)
	fmt.Println(string(doc))
	for _, ch := range rep.Changes {
		target := ""
		if ch.Target != nil {
			target = " -> " + string(*ch.Target)
		}
		fmt.Printf("%s %s%s (%s)\n", ch.Kind, ch.Path, target, ch.Rule)
	}
	// Output:
	// {"city":"Paris","street":"12 rue de la Paix","zip":"75002","firstName":"Marie","surname":"Durand","country":"FR"}
	// joined /address/houseNumber -> /street (street_join)
	// dropped /mobile (not_in_target)
}

func ExampleLookupConverter_Encode() {
	c := model.Customer{GivenName: "Gustav", NationalID: "198112189876", Address: model.Address{Country: "SE"}}
	doc, rep := worldline.LookupConverter{}.Encode(c)
	fmt.Println(string(doc))
	for _, ch := range rep.Changes {
		fmt.Println(ch.Kind, ch.Path)
	}

	_, rep = worldline.LookupConverter{}.Encode(model.Customer{NationalID: "198112189876"})
	for _, i := range rep.Issues {
		fmt.Println(i.Path, "->", *i.Target, i.Code, i.Severity)
	}
	// Output:
	// {"countryCode":"SE","values":[{"key":"fiscalNumber","value":"198112189876"}]}
	// dropped /givenName
	// /address/country -> /countryCode required error
}
