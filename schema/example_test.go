package schema_test

import (
	"fmt"

	"github.com/custnorm/custnorm/schema"
)

func ExampleSet_Validate() {
	set := schema.New()
	doc := []byte(`{"id":"cust_123","name":"Bob","email":"bob@example.com","nickname":"B"}`)
	for _, iss := range set.Validate("stancer", doc) {
		fmt.Println(iss.Path, iss.Code, iss.Severity, iss.Params)
	}
	// Output:
	// /id invalid_id error map[format:cust_ + 24 letters or digits]
	// /name too_short error map[min:4]
	// /nickname unknown_field warning map[]
}

func ExampleSet_Detect() {
	set := schema.New()
	for _, doc := range []string{
		`{"contact":{"forename":"Max","surname":"Mustermann"}}`,
		`{"id":"cust_9Cle7TXKkjhwqcWx4Kl5cQYk","email":"david@example.net","created":1538562174}`,
		`{"customer":{"lastName":"Doe"},"paymentRegistration":{"id":"ACVB123455675669"}}`,
		`{"email":"anna@example.com"}`,
	} {
		d := set.Detect([]byte(doc))
		fmt.Printf("%q %v\n", d.Format, d.Candidates)
	}
	// Output:
	// "secuconnect" [secuconnect]
	// "stancer" [stancer]
	// "riverty-create" [riverty-create]
	// "" [canonical riverty stancer]
}

func ExampleSet_Schema() {
	text, ok := schema.New().Schema("worldline-lookup")
	fmt.Println(ok, len(text) > 0)
	// Output:
	// true true
}
