package stancer_test

import (
	"fmt"

	"github.com/custnorm/custnorm/convert/stancer"
	"github.com/custnorm/custnorm/model"
)

func ExampleConverter_Decode() {
	doc := []byte(`{"id":"cust_9Cle7TXKkjhwqcWx4Kl5cQYk","email":"david@example.net","mobile":"+33639980102",` +
		`"name":"David Coaster","created":1538562174,"live_mode":false}`)
	c, origins, rep := stancer.Converter{}.Decode(doc)
	fmt.Println(c.GivenName, "|", c.FamilyName, "|", c.Refs.Stancer, "|", c.Created, "|", *c.LiveMode)
	fmt.Println("givenName comes from", origins.Of("/givenName"))
	for _, ch := range rep.Changes {
		fmt.Println(ch.Kind, ch.Path, ch.Rule)
	}
	// Output:
	// David | Coaster | cust_9Cle7TXKkjhwqcWx4Kl5cQYk | 2018-10-03T10:22:54Z | false
	// givenName comes from /name
	// split /name name_split
}

func ExampleConverter_Encode() {
	c := model.Customer{
		GivenName:  "David",
		FamilyName: "Coaster",
		Email:      "david@example.net",
		Mobile:     "+33639980102",
		BirthDate:  model.Date{Year: 1980, Month: 9, Day: 1},
		Refs:       model.References{Stancer: "cust_9Cle7TXKkjhwqcWx4Kl5cQYk"},
	}
	doc, rep := stancer.Converter{}.Encode(c)
	fmt.Println(string(doc))
	for _, ch := range rep.Changes {
		fmt.Println(ch.Kind, ch.Path, ch.Rule)
	}
	fmt.Println("issues:", len(rep.Issues))
	// Output:
	// {"name":"David Coaster","email":"david@example.net","mobile":"+33639980102"}
	// joined /givenName name_join
	// dropped /refs/stancer read_only
	// dropped /birthDate not_in_target
	// issues: 0
}

// A name under the minimum and a create request without email or mobile: the issues
// carry the canonical pointer as path and the Stancer member as target.
func ExampleConverter_Encode_errors() {
	c := model.Customer{FullName: "Bob"}
	_, rep := stancer.Converter{}.Encode(c)
	for _, i := range rep.Issues {
		target := ""
		if i.Target != nil {
			target = string(*i.Target)
		}
		fmt.Printf("%q %s %s target=%q %v\n", i.Path, i.Code, i.Severity, target, i.Params)
	}
	// Output:
	// "/fullName" too_short error target="/name" map[min:4]
	// "" one_of_required error target="" map[fields:email, mobile]
}

// The same request as Encode writes, and its issues, without the list of
// changes.
func ExampleConverter_EncodeOmitChanges() {
	c := model.Customer{
		GivenName:  "David",
		FamilyName: "Coaster",
		Email:      "david@example.net",
		Mobile:     "+33155667788", // a fixed line
		BirthDate:  model.Date{Year: 1980, Month: 9, Day: 1},
	}
	doc, issues := stancer.Converter{}.EncodeOmitChanges(c)
	fmt.Println(string(doc))
	for _, i := range issues {
		fmt.Println(i.Path, i.Code, i.Severity)
	}
	// Output:
	// {"name":"David Coaster","email":"david@example.net","mobile":"+33155667788"}
	// /mobile not_mobile warning
}
