package secuconnect_test

import (
	"fmt"

	"github.com/custnorm/custnorm/convert/secuconnect"
	"github.com/custnorm/custnorm/model"
)

func ExampleConverter_Decode() {
	// A response of POST /Payment/Customers: the dob comes back with a
	// time and an offset; the calendar date is the date.
	doc := []byte(`{
		"object": "payment.customers",
		"id": "PCU_38RG7MHRE2NJTPFMXRYQP3NKW6GVAZ",
		"contact": {
			"forename": "Max",
			"surname": "Mustermann",
			"dob": "1905-03-03T00:00:00+01:00",
			"address": {"street": "Max-Muster-Str.", "street_number": "25a", "postal_code": "09555",
				"city": "Musterstadt", "country": "DE"}
		},
		"created": "2017-12-22T14:59:32+01:00"
	}`)
	c, origins, rep := secuconnect.Converter{}.Decode(doc)
	fmt.Println(c.GivenName, c.FamilyName, c.BirthDate, c.Address.HouseNumber, c.Refs.Secuconnect)
	fmt.Println("birthDate from", origins.Of("/birthDate"))
	for _, i := range rep.Issues {
		fmt.Println("issue:", i.Path, i.Code, i.Severity)
	}
	for _, ch := range rep.Changes {
		fmt.Println("change:", ch.Kind, ch.Path, ch.Rule)
	}
	// Output:
	// Max Mustermann 1905-03-03 25a PCU_38RG7MHRE2NJTPFMXRYQP3NKW6GVAZ
	// birthDate from /contact/dob
	// issue: /contact/email required warning
	// change: normalized /contact/dob date_civil
}

func ExampleConverter_Encode() {
	c := model.Customer{
		GivenName:  "John",
		FamilyName: "Doe",
		Email:      "john@example.com",
		BirthDate:  model.MustParseDate("1991-02-03"),
		Mobile:     "+4915123456789",
		Address: model.Address{Street: "Example Street", HouseNumber: "125", HouseNumberAddition: "b",
			PostalCode: "75432", City: "Examplecity", Country: "AT"},
		Refs: model.References{Secuconnect: "PCU_38RG7MHRE2NJTPFMXRYQP3NKW6GVAZ"},
	}
	out, rep := secuconnect.Converter{}.Encode(c)
	fmt.Println(string(out))
	for _, ch := range rep.Changes {
		fmt.Println("change:", ch.Kind, ch.Path, ch.Rule)
	}
	// Output:
	// {"contact":{"forename":"John","surname":"Doe","email":"john@example.com","mobile":"+4915123456789","dob":"1991-02-03","address":{"street":"Example Street","street_number":"125b","postal_code":"75432","city":"Examplecity","country":"AT"}}}
	// change: joined /address/houseNumber house_number_join
	// change: joined /address/houseNumberAddition house_number_join
	// change: dropped /refs/secuconnect read_only
}
