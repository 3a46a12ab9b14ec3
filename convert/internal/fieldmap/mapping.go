package fieldmap

import (
	"encoding/json"

	"github.com/custnorm/custnorm/model"
	"github.com/custnorm/custnorm/validate"
)

// Rules of the changes every provider package reports alike.
const (
	// RuleNotInTarget: the target document has no member for the
	// canonical value (Writer.Dropped).
	RuleNotInTarget = "not_in_target"
	// RuleReadOnly: a member of the provider's response that is not part
	// of the request Encode writes (an id the provider assigns, created).
	RuleReadOnly = "read_only"
	// RuleDateCivil: a date written with a time and an offset was read as
	// the calendar date it names, never shifted through the offset.
	RuleDateCivil = "date_civil"
)

// A Limit is a provider's limit on the length of one member's value, in
// code points after NFC unless the provider package documents another unit.
// Zero Min and Max mean no limit.
type Limit struct {
	Min, Max int
	// Severity is the severity of a value outside the limit: error (the
	// zero value) when the provider documents the limit for the document
	// converted, warning when it documents it only for a sibling API or as
	// a recommendation.
	Severity validate.Severity
	// Source names where the limit is documented: a documentation page's
	// URL or an SDK file (repository and path). Every limit has one.
	Source string
}

// IsZero reports whether l limits nothing.
func (l Limit) IsZero() bool { return l.Min == 0 && l.Max == 0 }

// Check returns the issue of a value v outside l, at path: too_long (param
// max) or too_short (param min), with l's severity. ok is false when v is
// within l.
func (l Limit) Check(path validate.Pointer, v string) (iss validate.Issue, ok bool) {
	if l.IsZero() {
		return iss, false
	}
	n := validate.Length(v)
	switch {
	case l.Max > 0 && n > l.Max:
		iss = validate.NewIssue(path, validate.CodeTooLong, validate.Params{"max": l.Max})
	case n < l.Min:
		iss = validate.NewIssue(path, validate.CodeTooShort, validate.Params{"min": l.Min})
	default:
		return iss, false
	}
	if l.Severity != "" {
		iss.Severity = l.Severity
	}
	return iss, true
}

// A Mapping ties one string member of a provider document to a text
// [Field] of the canonical record, with the provider's limit on its value.
// A provider package's table of Mappings, in the order of the provider's
// model, is its mapping: Encode writes the members in that order.
type Mapping struct {
	// Member is the member's pointer in the provider document (below the
	// base pointer the provider reads the mapping at).
	Member validate.Pointer
	Field  Field
	Limit  Limit
}

// ReadText reads the member m.Member below base into m's field of c with
// [Reader.Text]: an empty string stays in the residue.
func (r *Reader) ReadText(m Mapping, base validate.Pointer, c *model.Customer) bool {
	return r.Text(below(base, m.Member), m.Field.Pointer(), m.Field.Text(c))
}

// WriteText writes m's field of c at m.Member below base with
// [Writer.Text], checking m's limit.
func (w *Writer) WriteText(m Mapping, base validate.Pointer, c *model.Customer) {
	w.Text(below(base, m.Member), m.Field.TextOf(c), m.Field.Pointer(), m.Limit)
}

// below returns the pointer p below base. Most mappings are read at the
// root: then it is p, without a call into the runtime's concatenation.
func below(base, p validate.Pointer) validate.Pointer {
	if base == "" {
		return p
	}
	return base + p
}

// KeepResidue puts the residue of the document (see [Reader.Residue]), when
// there is one, in c's provider section name, and records that the section
// maps onto the whole document.
func (r *Reader) KeepResidue(c *model.Customer, name string) {
	res := r.Residue()
	if res == nil {
		return
	}
	c.Provider = map[string]json.RawMessage{name: res}
	r.Origins.Set(SectionOf(name), "")
}

// SectionOf returns the canonical pointer of the provider section name.
func SectionOf(name string) validate.Pointer {
	return validate.Pointer("/provider").AppendToken(name)
}

// BirthDate reads the date of birth at p into c.BirthDate with
// [validate.ParseBirthDate], recording its origin: YYYY-MM-DD, or a date
// with a time and an offset, read as the calendar date it names (never
// shifted through the offset; a normalized change at p, rule date_civil).
// Text that is no calendar date is an invalid_date issue at p and stays in
// the residue, so nothing is lost; "", null and other JSON types are left
// as [Reader.Text] leaves them. It returns the text it read and whether it
// set the date.
func (r *Reader) BirthDate(p validate.Pointer, c *model.Customer) (string, bool) {
	r.Origins.Set(BirthDate.Pointer(), p)
	s, ok := r.PeekString(p)
	if !ok || s == "" {
		return "", false
	}
	d, civil, iss := validate.ParseBirthDate(s)
	if iss != nil {
		r.Report.Add(p, *iss)
		return s, false
	}
	r.Consume(p)
	c.BirthDate = d
	if civil {
		r.Report.Change(validate.ChangeNormalized, p, RuleDateCivil)
	}
	return s, true
}

// Issues returns out and the issues of rep: a provider Converter's
// EncodeOmitChanges is Issues(encode(c, OmitChanges)), where encode(c,
// mode) writes with NewWriter(mode).
func Issues(out []byte, rep validate.Report) ([]byte, validate.Issues) { return out, rep.Issues }

// IssuesOf returns the issues of rep: a provider Converter's EncodeIssues
// is IssuesOf(encode(c, IssuesOnly)).
func IssuesOf(_ []byte, rep validate.Report) validate.Issues { return rep.Issues }
