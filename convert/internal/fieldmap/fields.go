package fieldmap

import (
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
// countries are text of their own string types. (A switch, not a table of
// functions: through a function value c would escape to the heap, one
// allocation per record.)
func (f Field) Text(c *model.Customer) *string {
	switch f {
	case Kind:
		return (*string)(&c.Kind)
	case Salutation:
		return &c.Salutation
	case Title:
		return &c.Title
	case GivenName:
		return &c.GivenName
	case FamilyName:
		return &c.FamilyName
	case FullName:
		return &c.FullName
	case Gender:
		return &c.Gender
	case BirthPlace:
		return &c.BirthPlace
	case Nationality:
		return (*string)(&c.Nationality)
	case CompanyName:
		return &c.CompanyName
	case Email:
		return &c.Email
	case Phone:
		return (*string)(&c.Phone)
	case Mobile:
		return (*string)(&c.Mobile)
	case Fax:
		return (*string)(&c.Fax)
	case Website:
		return &c.Website
	case Street:
		return &c.Address.Street
	case HouseNumber:
		return &c.Address.HouseNumber
	case HouseNumberAddition:
		return &c.Address.HouseNumberAddition
	case Extra:
		return &c.Address.Extra
	case CareOf:
		return &c.Address.CareOf
	case PostalCode:
		return &c.Address.PostalCode
	case City:
		return &c.Address.City
	case Region:
		return &c.Address.Region
	case Country:
		return (*string)(&c.Address.Country)
	case Language:
		return &c.Language
	case NationalID:
		return &c.NationalID
	case TaxID:
		return &c.TaxID
	case IdentificationNumber:
		return &c.IdentificationNumber
	case RefSecuconnect:
		return &c.Refs.Secuconnect
	case RefStancer:
		return &c.Refs.Stancer
	case RefRiverty:
		return &c.Refs.Riverty
	case RefMerchant:
		return &c.Refs.Merchant
	case Created:
		return &c.Created
	case Updated:
		return &c.Updated
	}
	return nil
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
