package schema_test

import (
	"testing"

	"github.com/custnorm/custnorm/schema"
)

// BenchmarkValidate validates a Stancer response (the schema is compiled
// before the timer starts).
func BenchmarkValidate(b *testing.B) {
	set := schema.New()
	doc := []byte(`{"id":"cust_9Cle7TXKkjhwqcWx4Kl5cQYk","email":"david@example.net","mobile":"+33639980102","name":"David Coaster","created":1538562174,"live_mode":false}`)
	set.Validate("stancer", doc)
	b.ReportAllocs()
	for b.Loop() {
		set.Validate("stancer", doc)
	}
}

// BenchmarkDetect detects the format of a secuconnect request, which runs
// every schema.
func BenchmarkDetect(b *testing.B) {
	set := schema.New()
	doc := []byte(`{"contact":{"salutation":"Mr.","forename":"John","surname":"Doe","email":"john@example.com","dob":"1991-02-03","address":{"street":"Example Street","street_number":"6a","postal_code":"01234","city":"Examplecity","country":"DE"}}}`)
	set.Detect(doc)
	b.ReportAllocs()
	for b.Loop() {
		set.Detect(doc)
	}
}
