package convert_test

import (
	"fmt"

	"github.com/custnorm/custnorm/convert"
)

func ExampleBuiltin() {
	reg := convert.Builtin()
	fmt.Println(reg.Names())
	// Output:
	// [canonical riverty riverty-create secuconnect stancer worldline worldline-lookup]
}

func ExampleRegistry_Convert() {
	reg := convert.Builtin()
	doc := []byte(`{"id":"cust_9Cle7TXKkjhwqcWx4Kl5cQYk","name":"David Coaster","email":"david@example.net","mobile":"+33639980102","created":1538562174,"live_mode":false}`)
	res, err := reg.Convert("stancer", "secuconnect", doc, convert.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(res.OK)
	fmt.Println(string(res.Output))
	for _, ch := range res.Changes {
		if ch.Kind != "dropped" {
			fmt.Println(ch.Kind, ch.Path, ch.Rule)
		}
	}
	// Output:
	// true
	// {"contact":{"forename":"David","surname":"Coaster","email":"david@example.net","mobile":"+33639980102"}}
	// split /name name_split
}

// A rejected record comes back with every issue, each pointing into the
// input document, in the language asked for.
func ExamplePipeline_Validate() {
	p := convert.Builtin().NewPipeline(convert.Options{Lang: "de"})
	res, err := p.Validate("secuconnect", []byte(`{"contact":{"forename":"John","surname":"Doe","email":"john@example.com","dob":"03.03.1905","address":{"street":"Hauptstr.","street_number":"1","postal_code":"6032","city":"Frankfurt","country":"DE"}}}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(res.OK)
	for _, i := range res.Issues {
		fmt.Printf("%s %s %s: %s\n", i.Severity, i.Path, i.Code, i.Message)
	}
	// Output:
	// false
	// error /contact/address/postal_code invalid_postal_code: ist keine gültige Postleitzahl für DE (zum Beispiel 26133)
	// error /contact/dob invalid_date: ist kein gültiges Datum (erwartet JJJJ-MM-TT)
}

func ExampleRegistry_Convert_unknownFormat() {
	_, err := convert.Builtin().Convert("paypal", "stancer", []byte(`{}`), convert.Options{})
	fmt.Println(err)
	// Output:
	// convert: unknown format "paypal" (known: canonical, riverty, riverty-create, secuconnect, stancer, worldline, worldline-lookup)
}
