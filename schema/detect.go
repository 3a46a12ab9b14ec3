package schema

import (
	"fmt"
	"slices"
	"strings"

	"github.com/custnorm/custnorm/validate"
	"github.com/santhosh-tekuri/jsonschema/v5"
)

// Detection is the answer of [Set.Detect].
type Detection struct {
	// Format is the one format the document fits; "" when none or several
	// do.
	Format string `json:"format"`
	// Candidates are the formats that fit, sorted; when none fits, the
	// formats whose schema accepts the document and names one of its
	// members.
	Candidates []string `json:"candidates"`
	// Reason explains the answer in English, for people (the CLI prints
	// it); its wording may change.
	Reason string `json:"reason"`
	// Invalid is true when Format names a format whose schema rejects
	// the document's values although the document has that format's shape
	// (see Detect).
	Invalid bool `json:"invalid,omitempty"`
}

// DetectFormat is Detect's format and reason: a Set is a convert.Detector.
func (s *Set) DetectFormat(doc []byte) (format, reason string) {
	d := s.Detect(doc)
	return d.Format, d.Reason
}

// Detect names the format of doc. A format fits a document when
//
//  1. its schema accepts the document (no error-severity issue: members a
//     format only warns about are accepted);
//  2. the document has a member that this format's schema names and the
//     schema of no other plausible format names (a distinguishing member:
//     contact for secuconnect, name or live_mode for stancer, lastName or
//     customerNumber for riverty, …). A format is plausible unless its
//     schema rejects the document's shape: the wrong JSON type for the
//     document or one of its records, a member it requires missing, or a
//     member it does not allow (canonical, worldline-lookup). So an id
//     tells a Stancer document from a secuconnect one, which would need a
//     contact, while a Stancer document whose name is too short is not
//     taken for a Riverty customer because both have an email;
//  3. the document has no member that another format's schema requires
//     (contact of secuconnect, customer and paymentRegistration of
//     riverty-create, countryCode and values of worldline-lookup).
//
// The members compared are those at the top level of the document; for an
// array (secuconnect's DELETE response) those of its objects. What a schema
// names and requires is computed from the compiled schema: every property
// it names at the top level, in any branch that applies in place ($ref,
// allOf, anyOf, oneOf, then, else; for arrays, items), and every member it
// requires there outside anyOf, oneOf and the conditions of if. Rule 2 is
// needed because most formats have only optional members and accept
// unknown ones, so that {"email": "…"} is a valid canonical, riverty,
// stancer and worldline document alike; rule 3 keeps a document with a
// member another format requires from passing as a format that would only
// warn about it.
//
// When no format fits but exactly one format has the document's shape (its
// schema rejects only values: a too-short name, a malformed date, a wrong
// type below the top level) and names a member no other plausible format
// names, Format names that format and Invalid is true: the CLI's --from
// auto then validates the document as that format and reports what is
// wrong, rather than calling a mistyped document unknown.
//
// When exactly one format fits, Format names it. Otherwise Format is "" and
// Candidates lists the formats that fit (several fit), or, when none fits,
// the formats whose schema accepts the document and names at least one of
// its members. Reason says which case it is and why; when a format has a
// member only it names but its schema rejects the document, Reason names the
// format and its first error, so that a mistyped document is told apart
// from an unknown one. A document that is not JSON, too large or too deep
// fits no format. Detect reads neither the network nor the file system.
func (s *Set) Detect(doc []byte) Detection {
	v, iss := decode(doc)
	if iss != nil {
		return Detection{Reason: fmt.Sprintf("the document cannot be read (%s)", iss.Code)}
	}
	members := topMembers(v)
	type shape struct {
		name              string
		declared, require map[string]bool
		issues            validate.Issues
	}
	var shapes []shape
	for _, name := range s.Names() {
		e := s.lookup(name)
		sch, err := e.compile()
		if err != nil {
			continue
		}
		sh := shape{name: name}
		sh.declared, sh.require = e.members() // shared, never modified
		sh.issues = check(sch, v, false)
		shapes = append(shapes, sh)
	}
	accepts := func(sh shape) bool { return !sh.issues.HasError() }
	// A required member that is present but holds nothing (secuconnect's
	// empty contact) is a value problem, not a shape problem.
	present := func(i validate.Issue) bool {
		return i.Code == validate.CodeRequired && slices.Contains(members, i.Path.LastToken()) && i.Path.Parent() == ""
	}
	plausible := func(sh shape) bool {
		return !slices.ContainsFunc(sh.issues, func(i validate.Issue) bool { return shapeError(i) && !present(i) })
	}
	// own returns the members of the document sh names and no other shape
	// of among names.
	own := func(sh shape, among func(shape) bool) []string {
		var out []string
		for _, m := range members {
			if !sh.declared[m] {
				continue
			}
			unique := true
			for _, o := range shapes {
				if o.name != sh.name && among(o) && o.declared[m] {
					unique = false
					break
				}
			}
			if unique {
				out = append(out, m)
			}
		}
		return out
	}
	var fits, why, named, notes, nearly, nearWhy []string
	for _, sh := range shapes {
		if !accepts(sh) {
			if mine := own(sh, plausible); len(mine) > 0 && plausible(sh) {
				first := firstError(sh.issues)
				note := fmt.Sprintf("only %s names %s, but its schema rejects the document (%s at %q)",
					sh.name, strings.Join(mine, ", "), first.Code, first.Path)
				notes = append(notes, note)
				nearly = append(nearly, sh.name)
				nearWhy = append(nearWhy, note)
			}
			continue
		}
		if slices.ContainsFunc(members, func(m string) bool { return sh.declared[m] }) {
			named = append(named, sh.name)
		}
		mine := own(sh, plausible)
		if len(mine) == 0 {
			continue
		}
		var foreign []string
		for _, m := range members {
			for _, o := range shapes {
				if o.name != sh.name && o.require[m] {
					foreign = append(foreign, fmt.Sprintf("%s, which %s requires", m, o.name))
				}
			}
		}
		if len(foreign) > 0 {
			notes = append(notes, fmt.Sprintf("%s has %s, but the document has %s", sh.name, strings.Join(mine, ", "), strings.Join(foreign, "; ")))
			continue
		}
		fits = append(fits, sh.name)
		why = append(why, fmt.Sprintf("%s has %s", sh.name, strings.Join(mine, ", ")))
	}
	switch len(fits) {
	case 1:
		return Detection{Format: fits[0], Candidates: fits,
			Reason: fmt.Sprintf("the %s schema accepts it, and %s, which no other format it could be names", fits[0], why[0])}
	case 0:
		if len(nearly) == 1 && !slices.ContainsFunc(shapes, func(sh shape) bool { return accepts(sh) && sh.name != nearly[0] && len(own(sh, plausible)) > 0 }) {
			return Detection{Format: nearly[0], Candidates: nearly, Invalid: true,
				Reason: nearWhy[0] + "; it has the shape of a " + nearly[0] + " document, so validation as " + nearly[0] + " reports what is wrong"}
		}
		reason := "no format fits: "
		if slices.ContainsFunc(shapes, accepts) {
			reason += "no member of the document is named by only one of the formats whose schema accepts it"
			if len(named) > 0 {
				reason += " (" + strings.Join(named, ", ") + ")"
			}
		} else {
			reason += "no format's schema accepts it"
		}
		if len(notes) > 0 {
			reason += "; " + strings.Join(notes, "; ")
		}
		return Detection{Candidates: named, Reason: reason}
	}
	return Detection{Candidates: fits, Reason: "several formats fit, each by members only it names: " + strings.Join(why, "; ")}
}

// shapeError reports whether i says that a document does not have a
// format's shape at all: the wrong JSON type for the document or one of its
// records (the items of an array document), or a member of it missing
// although required, or present although not allowed.
func shapeError(i validate.Issue) bool {
	if i.Severity != validate.SeverityError {
		return false
	}
	toks := slices.Collect(i.Path.Tokens())
	if len(toks) > 0 && isIndex(toks[0]) {
		toks = toks[1:] // a record of an array document
	}
	switch i.Code {
	case validate.CodeWrongType:
		return len(toks) == 0 && (i.Path == "" || isIndex(i.Path.LastToken()))
	case validate.CodeRequired, validate.CodeUnknownField:
		return len(toks) == 1
	}
	return false
}

func isIndex(tok string) bool {
	if tok == "" {
		return false
	}
	for _, c := range tok {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// firstError returns the first error-severity issue of iss.
func firstError(iss validate.Issues) validate.Issue {
	for _, i := range iss {
		if i.Severity == validate.SeverityError {
			return i
		}
	}
	return validate.Issue{}
}

// topMembers returns the member names of v at the top level (of its object
// items, for an array), sorted.
func topMembers(v any) []string {
	set := make(map[string]bool)
	add := func(o any) {
		if obj, ok := o.(map[string]any); ok {
			for k := range obj {
				set[k] = true
			}
		}
	}
	if arr, ok := v.([]any); ok {
		for _, item := range arr {
			add(item)
		}
	} else {
		add(v)
	}
	out := make([]string, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// rootMembers collects the member names s names at the instance location it
// applies to (declared) and those it requires there unconditionally
// (require, when must is true). See [Set.Detect].
func rootMembers(s *jsonschema.Schema, declared, require map[string]bool, must bool, steps int) int {
	if s == nil || steps > maxWalk {
		return steps
	}
	steps++
	for name := range s.Properties {
		declared[name] = true
	}
	if must {
		for _, name := range s.Required {
			require[name] = true
		}
	}
	steps = rootMembers(s.Ref, declared, require, must, steps)
	steps = rootMembers(s.Items2020, declared, require, must, steps)
	for _, sub := range s.AllOf {
		steps = rootMembers(sub, declared, require, must, steps)
	}
	for _, sub := range slices.Concat(s.AnyOf, s.OneOf) {
		steps = rootMembers(sub, declared, require, false, steps)
	}
	steps = rootMembers(s.Then, declared, require, must, steps)
	steps = rootMembers(s.Else, declared, require, must, steps)
	return steps
}
