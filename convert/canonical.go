package convert

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strings"

	"github.com/custnorm/custnorm/convert/internal/fieldmap"
	"github.com/custnorm/custnorm/model"
	"github.com/custnorm/custnorm/validate"
)

// CanonicalName is the registry key of custnorm's own format.
const CanonicalName = "canonical"

// Canonical reads and writes the JSON form of [model.Customer]. Unknown
// members are errors (unknown_field): the canonical format has no place to
// keep them, and dropping them silently would lose data. Its zero value is
// ready to use.
type Canonical struct{}

// Name returns "canonical".
func (Canonical) Name() string { return CanonicalName }

// Decode reads a canonical document strictly.
func (Canonical) Decode(data []byte) (model.Customer, validate.Origins, validate.Report) {
	var rep validate.Report
	origins := *validate.IdentityOrigins()
	r := new(fieldmap.Reader)
	if !r.Parse(data) {
		return model.Customer{}, origins, r.Report
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	var c model.Customer
	err := dec.Decode(&c)
	if err == nil {
		if _, tokErr := dec.Token(); !errors.Is(tokErr, io.EOF) {
			err = errors.New("trailing data")
		}
	}
	if err == nil {
		r.Known = canonicalMembers()
		r.Residue()
		for _, iss := range r.Report.Issues {
			rep.Issues = append(rep.Issues, iss.WithSeverity(validate.SeverityError))
		}
		if rep.Issues.HasError() {
			return model.Customer{}, origins, rep
		}
		return c, origins, rep
	}
	var typeErr *json.UnmarshalTypeError
	switch {
	case errors.As(err, &typeErr):
		rep.Issue(dottedToPointer(typeErr.Field), validate.CodeWrongType, validate.Params{"expected": jsonKind(typeErr.Type.Kind().String())})
	default:
		// A value that failed its own UnmarshalText (a birth date).
		rep.Issue(findBadDate(r), validate.CodeInvalidDate, nil)
	}
	return model.Customer{}, origins, rep
}

// canonicalMembers lists every member of the canonical format: the leaves
// of a record with every field set, their parent objects, and the provider
// section as an opaque subtree.
func canonicalMembers() map[validate.Pointer]bool {
	live := true
	full := model.Customer{
		Kind: "x", Salutation: "x", Title: "x", GivenName: "x", FamilyName: "x", FullName: "x",
		Gender: "x", BirthDate: model.Date{Year: 1, Month: 1, Day: 1}, BirthPlace: "x", Nationality: "x",
		CompanyName: "x", Email: "x", Phone: "x", Mobile: "x", Fax: "x", Website: "x",
		Address: model.Address{Street: "x", HouseNumber: "x", HouseNumberAddition: "x", Extra: "x",
			CareOf: "x", PostalCode: "x", City: "x", Region: "x", Country: "x"},
		Language: "x", NationalID: "x", TaxID: "x", IdentificationNumber: "x",
		Refs:     model.References{Secuconnect: "x", Stancer: "x", Riverty: "x", Merchant: "x"},
		LiveMode: &live, Created: "x", Updated: "x",
	}
	m := map[validate.Pointer]bool{"/address": false, "/refs": false, "/provider": true}
	for _, p := range fieldmap.Leaves(full) {
		m[p] = false
	}
	return m
}

func findBadDate(r *fieldmap.Reader) validate.Pointer {
	if v, ok := r.Get("/birthDate"); ok {
		if s, isStr := v.(string); isStr {
			if _, err := model.ParseDate(s); err != nil && s != "" {
				return "/birthDate"
			}
		}
	}
	return ""
}

func dottedToPointer(field string) validate.Pointer {
	var p validate.Pointer
	if field == "" {
		return p
	}
	for _, tok := range strings.Split(field, ".") {
		p = p.AppendToken(tok)
	}
	return p
}

func jsonKind(goKind string) string {
	switch goKind {
	case "string":
		return "string"
	case "struct", "map":
		return "object"
	case "bool", "ptr":
		return "boolean"
	case "slice", "array":
		return "array"
	}
	return "number"
}

// Encode writes c as canonical JSON.
func (Canonical) Encode(c model.Customer) ([]byte, validate.Report) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(c); err != nil {
		var rep validate.Report
		rep.Issue("/provider", validate.CodeInvalidJSON, nil)
		return nil, rep
	}
	return bytes.TrimRight(buf.Bytes(), "\n"), validate.Report{}
}
