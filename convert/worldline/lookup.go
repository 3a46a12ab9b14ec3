package worldline

import (
	"encoding/json"
	"slices"

	"github.com/custnorm/custnorm/convert/internal/fieldmap"
	"github.com/custnorm/custnorm/model"
	"github.com/custnorm/custnorm/validate"
)

// LookupName is the registry key of the GetCustomerDetailsRequest format.
const LookupName = "worldline-lookup"

// fiscalKey is the lookup key of the fiscal number (the request example
// of the customerDetails page, see the package doc;
// Worldline-Global-Collect/connect-sdk-go
// examples/apiv1/merchant/products/GetCustomerDetailsExample.go).
const fiscalKey = "fiscalNumber"

// LookupConverter reads and writes the GetCustomerDetailsRequest document
// {countryCode, values:[{key, value}]}, format "worldline-lookup". Its zero
// value is ready to use; it is immutable and safe to share between
// goroutines.
type LookupConverter struct{}

// Name returns "worldline-lookup".
func (LookupConverter) Name() string { return LookupName }

// Decode reads a GetCustomerDetailsRequest: countryCode becomes the address
// country, the value of the first values item with key "fiscalNumber" the
// national id. The other items stay in the provider section, in their
// places. The document is checked as the provider does (the customerDetails page;
// Ingenico-ePayments/connect-sdk-nodejs
// schemas/product/GetCustomerDetailsRequest.json):
//
//   - countryCode and values are required (required error when absent,
//     null or "");
//   - values has at least one item (too_short error, params {"min":1});
//   - every item is an object whose key and value are strings (wrong_type);
//   - any other member, at the top level or in an item, is an unknown_field
//     error: the schema says additionalProperties false.
//
// The fiscal number is checked against countryCode as the package doc
// describes: an invalid_id error at its value when it fails its country's
// checksum scheme, a warning when it does not have the country's shape.
func (LookupConverter) Decode(data []byte) (model.Customer, validate.Origins, validate.Report) {
	r := new(fieldmap.Reader)
	if !r.Parse(data) {
		return model.Customer{}, r.Origins, r.Report
	}
	// values is read here, item by item (fieldmap's residue keeps arrays
	// whole); both members are opaque so that a wrong type is reported
	// once, as wrong_type.
	r.Known = map[validate.Pointer]bool{"/countryCode": true, "/values": true}

	var c model.Customer
	var country string
	r.Text("/countryCode", fieldmap.Country.Pointer(), &country)
	c.Address.Country = model.Country(country)
	if v, _ := r.Get("/countryCode"); v == nil || v == "" {
		r.Report.Issue("/countryCode", validate.CodeRequired, nil) // customerDetails page: Required yes
	}

	r.Origins.Set("/nationalId", "/values")
	values, keep := readValues(r, &c, country)

	res := r.Residue()
	for k := range r.Report.Issues {
		if r.Report.Issues[k].Code == validate.CodeUnknownField {
			r.Report.Issues[k].Severity = validate.SeverityError // additionalProperties false
		}
	}
	if keep {
		res = withMember(res, "values", values)
	}
	if res != nil {
		c.Provider = map[string]json.RawMessage{LookupName: res}
		r.Origins.Set(fieldmap.SectionOf(LookupName), "")
	}
	return c, r.Origins, r.Report
}

// readValues reads the values array. It returns the array as it goes into
// the provider section, with the item the national id came from reduced to
// a placeholder {"key":"fiscalNumber"} (so Encode puts it back in its
// place), and whether to keep it: not when the placeholder is all there is.
func readValues(r *fieldmap.Reader, c *model.Customer, country string) ([]any, bool) {
	v, _ := r.Get("/values")
	if v == nil {
		r.Report.Issue("/values", validate.CodeRequired, nil) // customerDetails page: Required yes
		return nil, false
	}
	items, isArr := v.([]any)
	if !isArr {
		// Left in the residue (a known member), so nothing is lost.
		r.Report.Issue("/values", validate.CodeWrongType, validate.Params{"expected": "array"})
		return nil, false
	}
	r.Consume("/values")
	if len(items) == 0 {
		r.Report.Issue("/values", validate.CodeTooShort, validate.Params{"min": 1}) // nodejs schema minItems 1
		return []any{}, true
	}
	kept := make([]any, len(items))
	copy(kept, items)
	fiscalSeen, placeholderOnly := false, false
	for i, it := range items {
		at := validate.Pointer("/values").AppendIndex(i)
		obj, isObj := it.(fieldmap.Object)
		if !isObj {
			r.Report.Issue(at, validate.CodeWrongType, validate.Params{"expected": "object"})
			continue
		}
		for _, m := range obj {
			switch m.Key {
			case "key", "value":
				if _, isStr := m.Text(); !isStr {
					r.Report.Issue(at.AppendToken(m.Key), validate.CodeWrongType, validate.Params{"expected": "string"})
				}
			default:
				r.Report.Issue(at.AppendToken(m.Key), validate.CodeUnknownField, nil)
			}
		}
		if getString(obj, "key") != fiscalKey || fiscalSeen {
			continue
		}
		fiscalSeen = true
		id := getString(obj, "value")
		if id == "" {
			continue // kept as it is: nothing to map
		}
		c.NationalID = id
		r.Origins.Set("/nationalId", at.AppendToken("value"))
		if iss, bad := checkFiscal(id, country, at.AppendToken("value"), nil, true); bad {
			r.Report.Issues = append(r.Report.Issues, iss)
		}
		placeholder := make(fieldmap.Object, 0, len(obj)-1)
		for _, m := range obj {
			if m.Key != "value" {
				placeholder = append(placeholder, m)
			}
		}
		kept[i] = placeholder
		placeholderOnly = i == 0 && len(items) == 1 && len(placeholder) == 1
	}
	return kept, !placeholderOnly
}

// getString returns the member key of obj when it is a string, else "".
func getString(obj fieldmap.Object, key string) string {
	v, _ := obj.Get(key)
	s, _ := v.(string)
	return s
}

// withMember returns the JSON object res with member name set to v.
func withMember(res json.RawMessage, name string, v any) json.RawMessage {
	obj := map[string]any{}
	if res != nil {
		if dec, err := fieldmap.DecodeJSON(res); err == nil {
			if m, ok := dec.(map[string]any); ok {
				obj = m
			}
		}
	}
	obj[name] = v
	b, err := json.Marshal(obj)
	if err != nil {
		return res
	}
	return b
}

// Encode builds a GetCustomerDetailsRequest from the address country and
// the national id: {"countryCode":"SE","values":[{"key":"fiscalNumber",
// "value":"…"}]}. Lookup values kept from a decoded request are written
// back in their places (the national id fills its placeholder, or comes
// first). A missing country is a required error at /address/country; a
// missing national id is a required error at /nationalId when no other
// lookup value is left, since the provider cannot look anything up then.
// Everything else is dropped, including members of the provider section
// the request cannot hold (it allows no other member).
func (LookupConverter) Encode(c model.Customer) ([]byte, validate.Report) {
	return encodeLookup(c, fieldmap.Full)
}

// EncodeOmitChanges is Encode without the changes: the same document and
// the same issues, for less work (the dropped values are not looked for).
func (LookupConverter) EncodeOmitChanges(c model.Customer) ([]byte, validate.Issues) {
	return fieldmap.Issues(encodeLookup(c, fieldmap.OmitChanges))
}

// EncodeIssues gives the issues EncodeOmitChanges gives, without writing
// the document (what a validation needs).
func (LookupConverter) EncodeIssues(c model.Customer) validate.Issues {
	return fieldmap.IssuesOf(encodeLookup(c, fieldmap.IssuesOnly))
}

// encodeLookup is Encode, writing with a Writer of mode.
func encodeLookup(c model.Customer, mode fieldmap.Mode) ([]byte, validate.Report) {
	w := fieldmap.NewWriter(mode)
	country := string(c.Address.Country)
	w.Text("/countryCode", country, "/address/country", fieldmap.Limit{})
	w.Require("/countryCode", "/address/country", validate.SeverityError)

	section := fieldmap.SectionOf(LookupName)
	var stored []any
	if raw := c.Provider[LookupName]; len(raw) > 0 {
		if v, err := fieldmap.DecodeJSON(raw); err == nil {
			if obj, ok := v.(map[string]any); ok {
				stored, _ = obj["values"].([]any)
			}
		}
	}

	values := make([]any, 0, len(stored)+1)
	fiscalAt, idWritten := -1, false
	for i, it := range stored {
		obj, ok := it.(map[string]any)
		if !ok {
			continue // dropped: the provider takes objects only
		}
		from := section.AppendToken("values").AppendIndex(i)
		item := make(map[string]any, 2)
		for _, m := range [...]string{"key", "value"} {
			if s, isStr := obj[m].(string); isStr {
				item[m] = s
				w.Wrote(from.AppendToken(m))
			}
		}
		if len(obj) == 0 {
			w.Wrote(from)
		}
		_, hasValue := item["value"]
		if fiscalAt < 0 && item["key"] == fiscalKey {
			fiscalAt = len(values)
			if !hasValue && c.NationalID != "" {
				item["value"] = c.NationalID
				idWritten = true
			}
		}
		if len(item) > 0 || len(obj) == 0 {
			values = append(values, item)
		}
	}
	if c.NationalID != "" && !idWritten {
		values = slices.Insert(values, 0, any(map[string]any{"key": fiscalKey, "value": c.NationalID}))
		fiscalAt = 0
	}
	if c.NationalID != "" {
		w.Wrote("/nationalId")
	}
	if len(values) > 0 {
		w.Set("/values", values)
	} else {
		w.Require("/values", "/nationalId", validate.SeverityError)
	}
	if c.NationalID != "" {
		target := validate.Pointer("/values").AppendIndex(fiscalAt).AppendToken("value")
		if iss, bad := checkFiscal(c.NationalID, country, "/nationalId", &target, false); bad {
			w.Report.Issues = append(w.Report.Issues, iss)
		}
	}
	w.Dropped(c, fieldmap.RuleNotInTarget)
	return w.Bytes(), w.Report
}
