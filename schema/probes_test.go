package schema_test

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/custnorm/custnorm/convert"
	"github.com/custnorm/custnorm/schema"
	"github.com/custnorm/custnorm/validate"
)

// A probe is a synthetic edge-case document: one member of a valid document
// set to null, "", another JSON type, or a string at or just over its
// limit, or removed; and whole documents of odd shapes. Probes extend the
// agreement test beyond the corpus.
type probe struct {
	format, name string
	doc          []byte
}

// A probeBase is a valid document of a format and the members to vary,
// with the length limit of each string member (0: none).
type probeBase struct {
	format  string
	doc     string
	members []probeMember
}

type probeMember struct {
	path  validate.Pointer
	limit int // the maximum length, 0 for none
	min   int // the minimum length, 0 for none
}

var probeBases = []probeBase{
	{"canonical", `{"kind":"person","givenName":"Anna","familyName":"Schmidt","email":"anna@example.com","birthDate":"1980-02-29","liveMode":true,"refs":{"merchant":"m-1"},"provider":{"stancer":{"x":1}},"address":{"street":"Hauptstr.","houseNumber":"1","postalCode":"10115","city":"Berlin","country":"DE"}}`,
		[]probeMember{{path: "/kind"}, {path: "/givenName"}, {path: "/birthDate"}, {path: "/liveMode"}, {path: "/refs"}, {path: "/refs/merchant"}, {path: "/provider"}, {path: "/address"}, {path: "/address/city"}}},
	{"secuconnect", `{"object":"payment.customers","id":"PCU_38RG7MHRE2NJTPFMXRYQP3NKW6GVAZ","contract":{"object":"payment.contracts","id":"PCR_2AAAAAAAAAAAAAAAAAAAAAAAAAAAA6"},"created":"2017-12-22T14:59:32+01:00","contact":{"forename":"John","surname":"Doe","email":"john@example.com","dob":"1991-02-03","picture":"DOC_1","address":{"street":"Example Street","street_number":"6a","postal_code":"01234","city":"Examplecity","country":"DE","type":"invoice"}}}`,
		[]probeMember{{path: "/object"}, {path: "/id"}, {path: "/contract"}, {path: "/created"}, {path: "/contact"}, {path: "/contact/forename"}, {path: "/contact/dob"}, {path: "/contact/picture"}, {path: "/contact/address"}, {path: "/contact/address/city"}, {path: "/contact/address/type"}}},
	{"secuconnect", `{"contact":{"surname":"Doe","dob":"1991-02-03T00:00:00+01:00"}}`,
		[]probeMember{{path: "/contact/surname"}, {path: "/contact/dob"}}},
	{"worldline", `{"firstName":"Gustav","surname":"Adolfs","city":"Stockholm","zip":"111 52","country":"SE","fiscalNumber":"196408233234"}`,
		[]probeMember{{path: "/firstName"}, {path: "/city"}, {path: "/zip"}, {path: "/country"}}},
	{"worldline-lookup", `{"countryCode":"SE","values":[{"key":"fiscalNumber","value":"196408233234"},{"key":"other","value":"x"}]}`,
		[]probeMember{{path: "/countryCode"}, {path: "/values"}, {path: "/values/1"}, {path: "/values/1/key"}, {path: "/values/1/value"}}},
	{"stancer", `{"id":"cust_9Cle7TXKkjhwqcWx4Kl5cQYk","name":"David Coaster","email":"david@example.com","mobile":"+33639980102","external_id":"6d378a8b-0849-4ab6-96a7-c107bd613852","created":1538562174,"live_mode":false,"country":"FR","billing_address":"addr_m8H4p4n1Oyf1PbaHGBBPfU4a"}`,
		[]probeMember{{path: "/id"}, {path: "/name", limit: 64, min: 4}, {path: "/email", limit: 64, min: 5}, {path: "/external_id", limit: 36}, {path: "/created"}, {path: "/live_mode"}, {path: "/country"}, {path: "/billing_address"}}},
	{"stancer", `{"name":"David Coaster","email":"david@example.com"}`,
		[]probeMember{{path: "/email"}, {path: "/name"}}},
	{"stancer", `{"mobile":"+33639980102"}`,
		[]probeMember{{path: "/mobile", limit: 16, min: 8}}},
	{"riverty", `{"customerNumber":"c1","firstName":"Ray","lastName":"Doe","companyName":"Acme","email":"ray@example.com","phone":"+49301234567","birthDate":"1984-11-11","customerCategory":"PERSON","identificationNumber":"700XXX651","address":{"street":"Hauptstr.","streetNumber":"1","postalCode":"10115","postalPlace":"Berlin","countryCode":"DE","careOf":"c/o Bloom","addressType":"main address"}}`,
		[]probeMember{{path: "/customerNumber"}, {path: "/firstName", limit: 40}, {path: "/companyName", limit: 140}, {path: "/birthDate"}, {path: "/customerCategory"}, {path: "/identificationNumber", limit: 20},
			{path: "/address"}, {path: "/address/street", limit: 60}, {path: "/address/streetNumber", limit: 10}, {path: "/address/postalPlace", limit: 40}, {path: "/address/careOf", limit: 40}, {path: "/address/addressType"}}},
	{"riverty-create", `{"customer":{"customerNumber":"c1","firstName":"John","lastName":"Doe","email":"john@example.com","address":{"street":"Hauptstr.","streetNumber":"1","postalCode":"10115","postalPlace":"Berlin","countryCode":"DE"}},"paymentRegistration":{"id":"ACVB123455675669","pspCustomerId":"c","pspPaymentMethodId":"m"},"currency":"EUR"}`,
		[]probeMember{{path: "/customer"}, {path: "/customer/firstName", limit: 40}, {path: "/paymentRegistration"}, {path: "/paymentRegistration/id"}, {path: "/currency"}}},
}

// probes returns every probe.
func probes() []probe {
	var out []probe
	for bi, b := range probeBases {
		for _, m := range b.members {
			variants := map[string]any{
				"null": nil, "empty": "", "number": json.Number("42"), "fraction": json.Number("1.5"), "bool": true,
				"array": []any{}, "object": map[string]any{}, "spaces": "    ",
			}
			if m.limit > 0 {
				variants["at-max"] = strings.Repeat("a", m.limit)
				variants["over-max"] = strings.Repeat("a", m.limit+1)
			}
			if m.min > 0 {
				variants["at-min"] = strings.Repeat("a", m.min)
				variants["under-min"] = strings.Repeat("a", m.min-1)
			}
			names := make([]string, 0, len(variants))
			for n := range variants {
				names = append(names, n)
			}
			slices.Sort(names)
			for _, n := range names {
				out = append(out, probe{b.format, fmt.Sprintf("%d%s=%s", bi, m.path, n), withValue(b.doc, m.path, variants[n], true)})
			}
			out = append(out, probe{b.format, fmt.Sprintf("%d%s=absent", bi, m.path), withValue(b.doc, m.path, nil, false)})
		}
	}
	decomposed := func(n int) string { return strings.Repeat("e\u0301", n) }
	for _, x := range []struct{ format, name, doc string }{
		{"canonical", "two-wrong-types", `{"givenName":1,"familyName":2}`},
		{"canonical", "wrong-type-and-unknown", `{"givenName":1,"nickname":"x"}`},
		{"stancer", "mobile-with-spaces", `{"mobile":"+33 6 39 98 01 02"}`},
		{"stancer", "name-decomposed", `{"email":"e@example.com","name":"` + decomposed(33) + `"}`},
		{"stancer", "name-padded", `{"email":"e@example.com","name":"` + strings.Repeat(" ", 60) + `David Coaster"}`},
		{"riverty", "first-name-decomposed", `{"customerNumber":"c1","firstName":"` + decomposed(21) + `"}`},
		{"stancer", "empty-id-no-contact", `{"id":"","name":"David Coaster"}`},
		{"stancer", "null-id-only-mobile", `{"id":null,"mobile":"+33639980102"}`},
		{"stancer", "bad-id-no-contact", `{"id":"cust_1","name":"David Coaster"}`},
		{"stancer", "empty-email-no-mobile", `{"email":""}`},
		{"stancer", "null-email-no-mobile", `{"email":null,"name":"David Coaster"}`},
		{"secuconnect", "contact-only-empty", `{"contact":{"forename":"","surname":null,"email":42}}`},
		{"secuconnect", "contact-only-bad-dob", `{"contact":{"dob":"03.03.1905"}}`},
		{"secuconnect", "contact-only-address-city", `{"contact":{"address":{"city":"Examplecity"}}}`},
		{"secuconnect", "contact-only-empty-address", `{"contact":{"address":{"city":""}}}`},
		{"secuconnect", "contact-only-picture", `{"contact":{"picture":"DOC_1"}}`},
		{"secuconnect", "no-contact-but-id", `{"object":"payment.customers","id":"PCU_38RG7MHRE2NJTPFMXRYQP3NKW6GVAZ"}`},
		{"secuconnect", "contract-object-bad-id", `{"object":"payment.contracts","id":"PCR_1","contact":42}`},
		{"secuconnect", "object-number", `{"object":42,"contact":{"surname":"Doe"}}`},
		{"secuconnect", "list", `{"count":2,"data":[{"contact":{"surname":"Doe"}},{"contact":{}},{"id":"x","contact":{"surname":"Doe"}},1]}`},
		{"secuconnect", "list-null-data", `{"count":0,"data":null}`},
		{"secuconnect", "list-with-contact", `{"data":[],"contact":{"surname":"Doe"}}`},
		{"secuconnect", "delete-array", `[{"object":"payment.customers","contact":{"surname":"Doe","forename":1}},{"contact":null},"x"]`},
		{"secuconnect", "dob-forms", `{"contact":{"surname":"Doe","dob":"19050303"}}`},
		{"secuconnect", "dob-fraction", `{"contact":{"surname":"Doe","dob":"1905-03-03T00:00:00.123+01:00"}}`},
		{"secuconnect", "dob-short", `{"contact":{"surname":"Doe","dob":"1905-3-3"}}`},
		{"riverty", "birth-date-z", `{"lastName":"Doe","birthDate":"1980-09-01T00:00:00Z"}`},
		{"riverty", "birth-date-compact", `{"lastName":"Doe","birthDate":"19800901"}`},
		{"riverty", "birth-date-german", `{"lastName":"Doe","birthDate":"01.09.1980"}`},
		{"riverty-create", "payment-registration-extra", `{"customer":{"lastName":"Doe"},"paymentRegistration":{"id":"A","extra":{"x":1}},"currency":null}`},
		{"riverty-create", "currency-empty", `{"customer":{"lastName":"Doe"},"paymentRegistration":{"id":"A"},"currency":""}`},
		{"worldline-lookup", "item-extra-and-wrong", `{"countryCode":"Sweden","values":[{"key":null,"value":"1","x":1},null]}`},
		{"worldline-lookup", "only-unknown-item", `{"countryCode":"SE","values":[{"x":1}]}`},
		{"worldline-lookup", "empty-item", `{"countryCode":"SE","values":[{}]}`},
		{"canonical", "provider-array", `{"givenName":"Anna","provider":[]}`},
		{"canonical", "nested-unknown", `{"givenName":"Anna","address":{"floor":"3"},"refs":{"paypal":"x"}}`},
		{"canonical", "birth-date-forms", `{"givenName":"Anna","birthDate":"19800901"}`},
	} {
		out = append(out, probe{x.format, x.name, []byte(x.doc)})
	}
	for _, f := range allFormats {
		for n, doc := range map[string]string{
			"empty-object": `{}`, "array": `[]`, "array-of-empty": `[{}]`, "string": `"x"`, "null": `null`, "number": `1`,
			"not-json": `{"a":`, "trailing": `{} {}`, "deep": strings.Repeat(`{"a":`, 33) + `1` + strings.Repeat(`}`, 33),
			"deep-ok": strings.Repeat(`{"a":`, 32) + `1` + strings.Repeat(`}`, 32),
		} {
			out = append(out, probe{f, n, []byte(doc)})
		}
	}
	return out
}

// withValue returns doc with the member at p set to v (present) or
// removed.
func withValue(doc string, p validate.Pointer, v any, present bool) []byte {
	dec := json.NewDecoder(strings.NewReader(doc))
	dec.UseNumber()
	var root any
	if err := dec.Decode(&root); err != nil {
		panic(err)
	}
	toks := slices.Collect(p.Tokens())
	var set func(cur any, toks []string) any
	set = func(cur any, toks []string) any {
		switch c := cur.(type) {
		case map[string]any:
			if len(toks) == 1 {
				if present {
					c[toks[0]] = v
				} else {
					delete(c, toks[0])
				}
				return c
			}
			c[toks[0]] = set(c[toks[0]], toks[1:])
			return c
		case []any:
			var k int
			fmt.Sscan(toks[0], &k)
			if len(toks) == 1 {
				if present {
					c[k] = v
					return c
				}
				return slices.Delete(c, k, k+1)
			}
			c[k] = set(c[k], toks[1:])
			return c
		}
		panic("probe path " + string(p) + " not in " + doc)
	}
	b, err := json.Marshal(set(root, toks))
	if err != nil {
		panic(err)
	}
	return b
}

// TestAgreementProbes runs the agreement check over the probes.
func TestAgreementProbes(t *testing.T) {
	set := schema.New()
	p := convert.Builtin().NewPipeline(convert.Options{})
	for _, pr := range probes() {
		label := "probe/" + pr.format + "/" + pr.name
		t.Run(pr.format+"/"+pr.name, func(t *testing.T) {
			agree(t, label, set.Validate(pr.format, pr.doc), goIssues(t, p, pr.format, pr.doc))
		})
	}
}
