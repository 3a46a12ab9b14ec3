package model

import "encoding/json"

// Kind says whether a customer is a natural person or a company.
type Kind string

// List of values that Kind can take. The empty Kind means "not known".
const (
	KindPerson  Kind = "person"
	KindCompany Kind = "company"
)

// Customer is the canonical customer record.
//
// Every string field is optional; "" means absent. Field comments name the
// provider fields each one is read from and written to.
type Customer struct {
	// Kind is person or company, when a provider says so (Riverty
	// customerCategory PERSON) or it follows from the data.
	Kind Kind `json:"kind,omitempty"`

	// Salutation as written ("Mr.", "Herr", "MR"); no enumeration is imposed
	// because no provider publishes one.
	Salutation string `json:"salutation,omitempty"`
	// Title is an academic or honorific title ("Dr.", "Prof.").
	Title string `json:"title,omitempty"`
	// GivenName is the first name (secuconnect forename, Worldline firstName,
	// Riverty firstName).
	GivenName string `json:"givenName,omitempty"`
	// FamilyName is the last name (secuconnect surname, Worldline surname,
	// Riverty lastName).
	FamilyName string `json:"familyName,omitempty"`
	// FullName is the name as one string, set only where that is all a
	// provider holds (Stancer name, secuconnect contact.name) and it could not
	// be split unambiguously, or where the provider sent it beside the parts.
	FullName string `json:"fullName,omitempty"`
	// Gender as the provider wrote it ("m", "male"); not interpreted.
	Gender string `json:"gender,omitempty"`
	// BirthDate is the civil date of birth, never shifted through a time zone.
	BirthDate Date `json:"birthDate,omitzero"`
	// BirthPlace is the place of birth, free text.
	BirthPlace string `json:"birthPlace,omitempty"`
	// Nationality is an ISO 3166-1 alpha-2 code.
	Nationality Country `json:"nationality,omitempty"`

	// CompanyName is the company's name (secuconnect companyname, Riverty
	// companyName).
	CompanyName string `json:"companyName,omitempty"`

	// Email is the e-mail address; its domain is lower-cased by
	// normalization, its local part kept as written.
	Email string `json:"email,omitempty"`
	// Phone is the landline number, E.164 with an optional extension
	// ("+18717907578;ext=4882").
	Phone Phone `json:"phone,omitempty"`
	// Mobile is the mobile number, E.164.
	Mobile Phone `json:"mobile,omitempty"`
	// Fax is the fax number, E.164.
	Fax Phone `json:"fax,omitempty"`
	// Website is the customer's web site URL, as written.
	Website string `json:"website,omitempty"`

	// Address is the postal (billing) address.
	Address Address `json:"address,omitzero"`

	// Language is a BCP 47 tag ("de", "en-GB").
	Language string `json:"language,omitempty"`

	// NationalID is a national identity or fiscal number (Worldline
	// fiscalNumber, a personnummer or SSN).
	NationalID string `json:"nationalId,omitempty"`
	// TaxID is a tax identification number (Riverty taxIdentificationNumber).
	TaxID string `json:"taxId,omitempty"`
	// IdentificationNumber is an identification document or registry number
	// (Riverty identificationNumber).
	IdentificationNumber string `json:"identificationNumber,omitempty"`

	// Refs are the identifiers providers and the merchant gave this customer.
	Refs References `json:"refs,omitzero"`

	// LiveMode is true for a live record, false for a test-mode record, nil
	// when unknown (Stancer live_mode).
	LiveMode *bool `json:"liveMode,omitempty"`
	// Created is when the provider created the record, RFC 3339. Text a
	// provider sends is kept as written; Stancer's Unix seconds become UTC.
	Created string `json:"created,omitempty"`
	// Updated is when the provider last changed the record, RFC 3339.
	Updated string `json:"updated,omitempty"`

	// Provider holds, per provider name, the values of that provider's
	// document that no canonical field holds: a sparse JSON object in the
	// provider's own shape, merged back when encoding to that provider.
	Provider map[string]json.RawMessage `json:"provider,omitempty"`
}

// IsZero reports whether c holds no data at all.
func (c Customer) IsZero() bool {
	return c.Kind == "" && c.Salutation == "" && c.Title == "" && c.GivenName == "" &&
		c.FamilyName == "" && c.FullName == "" && c.Gender == "" && c.BirthDate.IsZero() &&
		c.BirthPlace == "" && c.Nationality == "" && c.CompanyName == "" && c.Email == "" &&
		c.Phone == "" && c.Mobile == "" && c.Fax == "" && c.Website == "" && c.Address.IsZero() &&
		c.Language == "" && c.NationalID == "" && c.TaxID == "" && c.IdentificationNumber == "" &&
		c.Refs.IsZero() && c.LiveMode == nil && c.Created == "" && c.Updated == "" && len(c.Provider) == 0
}

// References are the identifiers of one customer at the providers and at the
// merchant. custnorm never invents one: they are carried over from the
// documents that hold them.
type References struct {
	// Secuconnect is the payment customer id, "PCU_" + 30 × [A-Z0-9].
	Secuconnect string `json:"secuconnect,omitempty"`
	// Stancer is the customer id, "cust_" + 24 × [A-Za-z0-9].
	Stancer string `json:"stancer,omitempty"`
	// Riverty is the customerNumber, assigned by the merchant.
	Riverty string `json:"riverty,omitempty"`
	// Merchant is the merchant's own reference (Stancer external_id).
	Merchant string `json:"merchant,omitempty"`
}

// IsZero reports whether r holds no identifier.
func (r References) IsZero() bool { return r == References{} }

// Address is a postal address.
type Address struct {
	// Street is the street name. It holds the house number too only when
	// normalization could not tell the two apart.
	Street string `json:"street,omitempty"`
	// HouseNumber is the house number. When a provider holds number and
	// addition in one field (secuconnect street_number "6a"), it is kept here
	// whole; providers with a separate addition field split it on encoding.
	HouseNumber string `json:"houseNumber,omitempty"`
	// HouseNumberAddition is the addition to the house number ("a", "bis"),
	// when a provider sent it separately.
	HouseNumberAddition string `json:"houseNumberAddition,omitempty"`
	// Extra is an additional address line (apartment, floor, building).
	Extra string `json:"extra,omitempty"`
	// CareOf is a c/o line.
	CareOf string `json:"careOf,omitempty"`
	// PostalCode is the postal code, as written (leading zeros kept).
	PostalCode string `json:"postalCode,omitempty"`
	// City is the city or postal place.
	City string `json:"city,omitempty"`
	// Region is the state, province or region, free text or ISO 3166-2.
	Region string `json:"region,omitempty"`
	// Country is an ISO 3166-1 alpha-2 code.
	Country Country `json:"country,omitempty"`
}

// IsZero reports whether a holds no data.
func (a Address) IsZero() bool { return a == Address{} }

// Country is an upper-case ISO 3166-1 alpha-2 code ("DE"). Whether a value
// is a current code is checked by package validate.
type Country string

// Phone is a phone number in E.164 form ("+4930123456"), optionally followed
// by ";ext=" and an extension.
type Phone string
