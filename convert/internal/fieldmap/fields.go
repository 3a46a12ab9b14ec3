package fieldmap

import (
	"unsafe"

	"github.com/custnorm/custnorm/model"
	"github.com/custnorm/custnorm/validate"
)

// A Field is one value of the canonical record, [model.Customer], other than
// its provider sections. It is the one place that ties a canonical pointer
// ("/address/city") to the Go field that holds its value (c.Address.City):
// provider packages map their members to Fields, and the writer finds the
// values a target cannot hold through them. TestFields fails when a field
// of the model has no Field.
type Field uint8

// The fields of model.Customer, in its order (the order of Leaves and of
// dropped changes).
const (
	Kind Field = iota + 1
	Salutation
	Title
	GivenName
	FamilyName
	FullName
	Gender
	BirthDate
	BirthPlace
	Nationality
	CompanyName
	Email
	Phone
	Mobile
	Fax
	Website
	Street
	HouseNumber
	HouseNumberAddition
	Extra
	CareOf
	PostalCode
	City
	Region
	Country // of the address; Nationality is the other country
	Language
	NationalID
	TaxID
	IdentificationNumber
	RefSecuconnect
	RefStancer
	RefRiverty
	RefMerchant
	LiveMode
	Created
	Updated

	numFields
)

// pointers are the canonical pointers of the fields, by Field.
var pointers = [numFields]validate.Pointer{
	Kind:                 "/kind",
	Salutation:           "/salutation",
	Title:                "/title",
	GivenName:            "/givenName",
	FamilyName:           "/familyName",
	FullName:             "/fullName",
	Gender:               "/gender",
	BirthDate:            "/birthDate",
	BirthPlace:           "/birthPlace",
	Nationality:          "/nationality",
	CompanyName:          "/companyName",
	Email:                "/email",
	Phone:                "/phone",
	Mobile:               "/mobile",
	Fax:                  "/fax",
	Website:              "/website",
	Street:               "/address/street",
	HouseNumber:          "/address/houseNumber",
	HouseNumberAddition:  "/address/houseNumberAddition",
	Extra:                "/address/extra",
	CareOf:               "/address/careOf",
	PostalCode:           "/address/postalCode",
	City:                 "/address/city",
	Region:               "/address/region",
	Country:              "/address/country",
	Language:             "/language",
	NationalID:           "/nationalId",
	TaxID:                "/taxId",
	IdentificationNumber: "/identificationNumber",
	RefSecuconnect:       "/refs/secuconnect",
	RefStancer:           "/refs/stancer",
	RefRiverty:           "/refs/riverty",
	RefMerchant:          "/refs/merchant",
	LiveMode:             "/liveMode",
	Created:              "/created",
	Updated:              "/updated",
}

// Fields returns every Field, in the order of model.Customer.
func Fields() []Field {
	out := make([]Field, 0, numFields-1)
	for f := Kind; f < numFields; f++ {
		out = append(out, f)
	}
	return out
}

// FieldAt returns the Field whose canonical pointer is p.
func FieldAt(p validate.Pointer) (Field, bool) {
	for f := Kind; f < numFields; f++ {
		if pointers[f] == p {
			return f, true
		}
	}
	return 0, false
}

// Pointer returns the canonical pointer of f ("" for a value that is not a
// Field).
func (f Field) Pointer() validate.Pointer {
	if f >= numFields {
		return ""
	}
	return pointers[f]
}

// String returns the canonical pointer of f.
func (f Field) String() string { return string(f.Pointer()) }

// Text returns the string field f of c, to read or write; nil for the fields
// that are not text (BirthDate and LiveMode). Kind, the phones and the
// countries are text of their own string types.
//
// It looks the field up in textOffsets rather than switching on f: Go's
// browser build has no jump tables, so a switch over the fields is a
// search of several branches, each charged to the function's tier-up
// budget in V8 (see "Tier-up" in package wasm's doc). A table of
// functions would send c to the heap, one allocation per record.
func (f Field) Text(c *model.Customer) *string {
	if f >= numFields || textOffsets[f] == 0 {
		return nil
	}
	return (*string)(unsafe.Add(unsafe.Pointer(c), textOffsets[f]-1))
}

// textOffsets holds, for each text field, 1 + the offset of its string in
// model.Customer; 0 for the other fields. TestFields checks each entry
// against the field of its pointer.
var textOffsets = [numFields]uintptr{
	Kind:                 1 + unsafe.Offsetof(model.Customer{}.Kind),
	Salutation:           1 + unsafe.Offsetof(model.Customer{}.Salutation),
	Title:                1 + unsafe.Offsetof(model.Customer{}.Title),
	GivenName:            1 + unsafe.Offsetof(model.Customer{}.GivenName),
	FamilyName:           1 + unsafe.Offsetof(model.Customer{}.FamilyName),
	FullName:             1 + unsafe.Offsetof(model.Customer{}.FullName),
	Gender:               1 + unsafe.Offsetof(model.Customer{}.Gender),
	BirthPlace:           1 + unsafe.Offsetof(model.Customer{}.BirthPlace),
	Nationality:          1 + unsafe.Offsetof(model.Customer{}.Nationality),
	CompanyName:          1 + unsafe.Offsetof(model.Customer{}.CompanyName),
	Email:                1 + unsafe.Offsetof(model.Customer{}.Email),
	Phone:                1 + unsafe.Offsetof(model.Customer{}.Phone),
	Mobile:               1 + unsafe.Offsetof(model.Customer{}.Mobile),
	Fax:                  1 + unsafe.Offsetof(model.Customer{}.Fax),
	Website:              1 + unsafe.Offsetof(model.Customer{}.Website),
	Street:               1 + unsafe.Offsetof(model.Customer{}.Address) + unsafe.Offsetof(model.Customer{}.Address.Street),
	HouseNumber:          1 + unsafe.Offsetof(model.Customer{}.Address) + unsafe.Offsetof(model.Customer{}.Address.HouseNumber),
	HouseNumberAddition:  1 + unsafe.Offsetof(model.Customer{}.Address) + unsafe.Offsetof(model.Customer{}.Address.HouseNumberAddition),
	Extra:                1 + unsafe.Offsetof(model.Customer{}.Address) + unsafe.Offsetof(model.Customer{}.Address.Extra),
	CareOf:               1 + unsafe.Offsetof(model.Customer{}.Address) + unsafe.Offsetof(model.Customer{}.Address.CareOf),
	PostalCode:           1 + unsafe.Offsetof(model.Customer{}.Address) + unsafe.Offsetof(model.Customer{}.Address.PostalCode),
	City:                 1 + unsafe.Offsetof(model.Customer{}.Address) + unsafe.Offsetof(model.Customer{}.Address.City),
	Region:               1 + unsafe.Offsetof(model.Customer{}.Address) + unsafe.Offsetof(model.Customer{}.Address.Region),
	Country:              1 + unsafe.Offsetof(model.Customer{}.Address) + unsafe.Offsetof(model.Customer{}.Address.Country),
	Language:             1 + unsafe.Offsetof(model.Customer{}.Language),
	NationalID:           1 + unsafe.Offsetof(model.Customer{}.NationalID),
	TaxID:                1 + unsafe.Offsetof(model.Customer{}.TaxID),
	IdentificationNumber: 1 + unsafe.Offsetof(model.Customer{}.IdentificationNumber),
	RefSecuconnect:       1 + unsafe.Offsetof(model.Customer{}.Refs) + unsafe.Offsetof(model.Customer{}.Refs.Secuconnect),
	RefStancer:           1 + unsafe.Offsetof(model.Customer{}.Refs) + unsafe.Offsetof(model.Customer{}.Refs.Stancer),
	RefRiverty:           1 + unsafe.Offsetof(model.Customer{}.Refs) + unsafe.Offsetof(model.Customer{}.Refs.Riverty),
	RefMerchant:          1 + unsafe.Offsetof(model.Customer{}.Refs) + unsafe.Offsetof(model.Customer{}.Refs.Merchant),
	Created:              1 + unsafe.Offsetof(model.Customer{}.Created),
	Updated:              1 + unsafe.Offsetof(model.Customer{}.Updated),
}

// TextOf returns the value of the text field f of c ("" for the fields that
// are not text).
func (f Field) TextOf(c *model.Customer) string {
	if p := f.Text(c); p != nil {
		return *p
	}
	return ""
}

// IsSet reports whether c holds a value in f.
func (f Field) IsSet(c *model.Customer) bool {
	switch f {
	case BirthDate:
		return !c.BirthDate.IsZero()
	case LiveMode:
		return c.LiveMode != nil
	}
	return f.TextOf(c) != ""
}
