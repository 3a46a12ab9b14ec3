package main

import (
	"bytes"
	"encoding/json"
	"strings"
)

// detect guesses the format of one record from its structure alone: which
// members it has, never their values beyond a few fixed markers. It returns
// "" and the reason when no rule matches. The rules, first match wins:
//
//   - secuconnect: a "contact" object, "object" = "payment.customers", or a
//     list {count, data:[…]} whose first element is one of these;
//   - riverty-create: a "customer" object and "paymentRegistration";
//   - worldline-lookup: "countryCode" and "values";
//   - stancer: an "id" starting "cust_", a "live_mode" member, members
//     among name, email, mobile, external_id, created, live_mode and id
//     only, or "name" with one of email, mobile, external_id;
//   - worldline: any of fiscalNumber, surname, emailAddress, zip, phoneNumber
//     (checked before riverty, because Worldline documents also have
//     firstName);
//   - riverty: any of firstName, lastName, customerNumber, address.postalPlace;
//   - canonical: any of givenName, familyName, refs, provider.
//
// This is a stopgap: a detector built on the formats' JSON Schemas
// (package schema) is to replace it behind the same signature.
func detect(doc []byte) (format, reason string) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(doc, &m); err != nil {
		if !json.Valid(doc) {
			return "", "not valid JSON"
		}
		return "", "not a JSON object"
	}
	if len(m) == 0 {
		return "", "an empty object"
	}
	str := func(key string) string { return stringMember(m, key) }
	has := func(keys ...string) (string, bool) {
		for _, k := range keys {
			if _, ok := m[k]; ok {
				return k, true
			}
		}
		return "", false
	}

	if reason, ok := secuconnectCustomer(m); ok {
		return "secuconnect", reason
	}
	if _, ok := m["count"]; ok {
		if raw, ok := m["data"]; ok {
			var elems []map[string]json.RawMessage
			if json.Unmarshal(raw, &elems) == nil && len(elems) > 0 {
				if _, ok := secuconnectCustomer(elems[0]); ok {
					return "secuconnect", "a list {count, data} of secuconnect customers"
				}
			}
		}
	}
	if raw, ok := m["customer"]; ok && isObject(raw) {
		if _, ok := m["paymentRegistration"]; ok {
			return "riverty-create", "has a customer object and paymentRegistration"
		}
	}
	if _, ok := m["countryCode"]; ok {
		if _, ok := m["values"]; ok {
			return "worldline-lookup", "has countryCode and values"
		}
	}
	if id := str("id"); strings.HasPrefix(id, "cust_") {
		return "stancer", `has an id starting "cust_"`
	}
	if _, ok := m["live_mode"]; ok {
		return "stancer", "has live_mode"
	}
	if onlyStancer(m) {
		return "stancer", "has only members of a Stancer customer"
	}
	if _, ok := m["name"]; ok {
		if k, ok := has("email", "mobile", "external_id"); ok {
			return "stancer", "has name and " + k
		}
	}
	if k, ok := has("fiscalNumber", "surname", "emailAddress", "zip", "phoneNumber"); ok {
		return "worldline", "has " + k
	}
	if k, ok := has("firstName", "lastName", "customerNumber"); ok {
		return "riverty", "has " + k
	}
	if raw, ok := m["address"]; ok {
		var addr map[string]json.RawMessage
		if json.Unmarshal(raw, &addr) == nil {
			if _, ok := addr["postalPlace"]; ok {
				return "riverty", "has address.postalPlace"
			}
		}
	}
	if k, ok := has("givenName", "familyName", "refs", "provider"); ok {
		return "canonical", "has " + k
	}
	return "", "no member that tells a known format"
}

// secuconnectCustomer reports whether m is a secuconnect customer: a
// "contact" object, or "object" = "payment.customers".
func secuconnectCustomer(m map[string]json.RawMessage) (reason string, ok bool) {
	if raw, ok := m["contact"]; ok && isObject(raw) {
		return "has a contact object", true
	}
	if stringMember(m, "object") == "payment.customers" {
		return `object is "payment.customers"`, true
	}
	return "", false
}

func isObject(raw json.RawMessage) bool {
	return bytes.HasPrefix(bytes.TrimSpace(raw), []byte("{"))
}

// stringMember returns the member key of m when it is a string, else "".
func stringMember(m map[string]json.RawMessage, key string) string {
	var s string
	if raw, ok := m[key]; ok && json.Unmarshal(raw, &s) == nil {
		return s
	}
	return ""
}

func onlyStancer(m map[string]json.RawMessage) bool {
	for k := range m {
		switch k {
		case "name", "email", "mobile", "external_id", "created", "live_mode", "id":
		default:
			return false
		}
	}
	return true
}
