package validate

import (
	"cmp"
	"encoding/json"
	"slices"
	"strconv"
	"strings"
)

// Code names what is wrong with a value. Codes are snake_case and stable: they
// are the API that callers branch on and the key of the message catalog.
// Adding a code is a minor change; renaming or removing one is breaking. The
// list, with the params of each, is in the package doc.
type Code string

// The codes custnorm reports.
const (
	CodeInvalidJSON          Code = "invalid_json"
	CodeTooLarge             Code = "too_large"
	CodeTooDeep              Code = "too_deep"
	CodeWrongType            Code = "wrong_type"
	CodeUnknownField         Code = "unknown_field"
	CodeRequired             Code = "required"
	CodeOneOfRequired        Code = "one_of_required"
	CodeTooShort             Code = "too_short"
	CodeTooLong              Code = "too_long"
	CodeInvalidFormat        Code = "invalid_format"
	CodeInvalidEmail         Code = "invalid_email"
	CodeInvalidPhone         Code = "invalid_phone"
	CodeNotMobile            Code = "not_mobile"
	CodeInvalidCountry       Code = "invalid_country"
	CodeInvalidLanguage      Code = "invalid_language"
	CodeInvalidDate          Code = "invalid_date"
	CodeDateInFuture         Code = "date_in_future"
	CodeImplausibleBirthDate Code = "implausible_birth_date"
	CodeInvalidPostalCode    Code = "invalid_postal_code"
	CodeInvalidID            Code = "invalid_id"
	CodeForbiddenCharacters  Code = "forbidden_characters"
	CodePhoneNotAssigned     Code = "phone_not_assigned"
	CodeNotSplit             Code = "not_split"
	CodeSchema               Code = "schema"
	CodeInvalidEncoding      Code = "invalid_encoding"
	CodeTooManyIssues        Code = "too_many_issues"
	CodeBirthDateMismatch    Code = "birth_date_mismatch"
)

// Severity says whether an issue rejects the record.
type Severity string

// List of values that Severity can take.
const (
	// SeverityError: the provider would reject the value (a MUST of its
	// documentation), or the data is wrong for any provider.
	SeverityError Severity = "error"
	// SeverityWarning: a SHOULD, or accepted but suspicious.
	SeverityWarning Severity = "warning"
)

// Params are the named arguments of an issue's message: JSON scalars only
// (string, int, bool).
type Params map[string]any

// An Issue is one thing wrong with the input.
//
// *Issue implements error (every method of Issue has a pointer receiver);
// its text is English and never contains the rejected value, which may be
// personal data.
type Issue struct {
	// Path points into the document the caller passed in; "" is the whole
	// document.
	Path Pointer `json:"path"`
	// Target points into the output document, for issues that exist only in
	// a conversion's target (a joined name over the target's limit).
	Target *Pointer `json:"target,omitempty"`
	// Code is the stable kind of the issue.
	Code Code `json:"code"`
	// Severity is error or warning.
	Severity Severity `json:"severity"`
	// Message is the localized text, filled by [Localizer.Fill]; empty until
	// then.
	Message string `json:"message"`
	// Params are the message's named arguments.
	Params Params `json:"params"`
	// Err is an optional cause (a *model.DateError); never part of the
	// text.
	Err error `json:"-"`
}

// NewIssue returns an issue with the code's default severity.
func NewIssue(path Pointer, code Code, params Params) Issue {
	return Issue{Path: path, Code: code, Severity: code.DefaultSeverity(), Params: params}
}

// WithTarget returns a copy of i with Target set to t.
func (i *Issue) WithTarget(t Pointer) Issue {
	c := *i
	c.Target = &t
	return c
}

// WithSeverity returns a copy of i with severity s.
func (i *Issue) WithSeverity(s Severity) Issue {
	c := *i
	c.Severity = s
	return c
}

// Error renders the issue in English, without the rejected value:
// "validate: /contact/dob: invalid_date: is not a valid date …".
func (i *Issue) Error() string {
	var b strings.Builder
	b.WriteString("validate: ")
	if i.Path != "" {
		b.WriteString(string(i.Path))
		b.WriteString(": ")
	}
	b.WriteString(string(i.Code))
	b.WriteString(": ")
	b.WriteString(englishText(*i))
	return b.String()
}

// Unwrap returns the cause.
func (i *Issue) Unwrap() error { return i.Err }

// MarshalJSON writes the issue as encoding/json writes its fields, with
// params {} rather than null when there are none (see [Params.MarshalJSON],
// which also covers an Issue that is not addressable).
func (i *Issue) MarshalJSON() ([]byte, error) {
	type plain Issue
	return json.Marshal((*plain)(i))
}

// MarshalJSON writes no params as {} rather than null, so that an issue's
// params are always an object.
func (p Params) MarshalJSON() ([]byte, error) {
	if p == nil {
		return []byte("{}"), nil
	}
	return json.Marshal(map[string]any(p))
}

// ParamInt returns the integer param name (JSON numbers decode as float64).
func (i *Issue) ParamInt(name string) (int, bool) {
	switch v := i.Params[name].(type) {
	case int:
		return v, true
	case float64:
		return int(v), true
	case json.Number:
		n, err := strconv.Atoi(string(v))
		return n, err == nil
	}
	return 0, false
}

// DefaultSeverity is the severity an issue of code c has unless its producer
// says otherwise.
func (c Code) DefaultSeverity() Severity {
	switch c {
	case CodePhoneNotAssigned, CodeImplausibleBirthDate, CodeUnknownField, CodeNotSplit, CodeNotMobile, CodeBirthDateMismatch:
		return SeverityWarning
	}
	return SeverityError
}

// Issues is a list of issues with helpers for verdicts.
type Issues []Issue

// HasError reports whether any issue has severity error.
func (s Issues) HasError() bool {
	for _, i := range s {
		if i.Severity == SeverityError {
			return true
		}
	}
	return false
}

// Strict returns the issues with every warning made an error (the CLI's
// --strict).
func (s Issues) Strict() Issues {
	out := slices.Clone(s)
	for k := range out {
		out[k].Severity = SeverityError
	}
	return out
}

// Sort orders issues by path, then code, keeping the relative order of equal
// ones, so output is deterministic.
func (s Issues) Sort() {
	slices.SortStableFunc(s, func(a, b Issue) int {
		return cmp.Or(strings.Compare(string(a.Path), string(b.Path)), strings.Compare(string(a.Code), string(b.Code)))
	})
}

// MaxIssues is how many issues one record keeps: [Issues.Cap] replaces the
// rest by one too_many_issues error.
const MaxIssues = 100

// Cap returns s with at most max issues (max < 1 means [MaxIssues]) and one
// too_many_issues error at path "" standing for the others, params
// {"omitted": count}. Errors are kept before warnings, each in the order
// of s; too_many_issues issues already in s (from a producer that capped
// its own) are not kept but counted, with their omitted counts. A list
// within the cap is returned as it is; a capped one is sorted as
// [Issues.Sort] sorts.
//
// The cap is an error, so a record with more issues than that is rejected
// even if they are all warnings: seventy thousand unknown members are not a
// record to pass on.
func (s Issues) Cap(max int) Issues {
	if max < 1 {
		max = MaxIssues
	}
	omitted, n := 0, 0
	for _, i := range s {
		if i.Code == CodeTooManyIssues {
			omitted += tooManyCount(i)
			continue
		}
		n++
	}
	if n <= max && omitted == 0 {
		return s
	}
	out := make(Issues, 0, min(n, max)+1)
	for _, sev := range [...]Severity{SeverityError, SeverityWarning} {
		for _, i := range s {
			if i.Code != CodeTooManyIssues && i.Severity == sev && len(out) < max {
				out = append(out, i)
			}
		}
	}
	omitted += n - len(out)
	out = append(out, NewIssue("", CodeTooManyIssues, Params{"omitted": omitted}))
	out.Sort()
	return out
}

// tooManyCount is the omitted param of a too_many_issues issue, or 1 when
// it has none a count can be read from.
func tooManyCount(i Issue) int {
	switch n := i.Params["omitted"].(type) {
	case int:
		return n
	case int64:
		return int(n)
	case float64:
		return int(n)
	}
	return 1
}

// Err returns nil when there is no error-severity issue, and an *Error
// holding all issues otherwise (never a typed nil).
func (s Issues) Err() error {
	if !s.HasError() {
		return nil
	}
	return &Error{Issues: slices.Clone(s)}
}

// Error reports a rejected document: every issue found in it.
type Error struct {
	Issues Issues
}

// Error renders the first error-severity issue, plus how many more there are.
func (e *Error) Error() string {
	first := -1
	for k, i := range e.Issues {
		if i.Severity == SeverityError {
			first = k
			break
		}
	}
	if first < 0 {
		return "validate: no error"
	}
	s := e.Issues[first].Error()
	if n := len(e.Issues) - 1; n > 0 {
		s += " (and " + strconv.Itoa(n) + " more)"
	}
	return s
}

// Unwrap returns each issue as an error, so errors.As and errors.Is see
// through.
func (e *Error) Unwrap() []error {
	errs := make([]error, len(e.Issues))
	for k := range e.Issues {
		errs[k] = &e.Issues[k]
	}
	return errs
}

// ChangeKind says what custnorm did to a value.
type ChangeKind string

// List of values that ChangeKind can take.
const (
	ChangeNormalized ChangeKind = "normalized"
	ChangeSplit      ChangeKind = "split"
	ChangeJoined     ChangeKind = "joined"
	ChangeDerived    ChangeKind = "derived"
	ChangeDropped    ChangeKind = "dropped"
	ChangeTruncated  ChangeKind = "truncated"
	ChangeDefaulted  ChangeKind = "defaulted"
)

// A Change is something custnorm did to the data. Changes never carry the
// values themselves.
type Change struct {
	Kind ChangeKind `json:"kind"`
	// Path points into the input document ("" when the change concerns a
	// value the input did not have, such as a defaulted country).
	Path Pointer `json:"path"`
	// Target points into the output document, when there is one.
	Target *Pointer `json:"target,omitempty"`
	// Rule names the rule that fired ("phone_e164", "street_house_number").
	Rule string `json:"rule"`
}

// WithTarget returns a copy of c with Target set to t.
func (c Change) WithTarget(t Pointer) Change {
	c.Target = &t
	return c
}

// Ptr returns a pointer to p, for Issue.Target and Change.Target.
func Ptr(p Pointer) *Pointer { return &p }
