package schema

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/custnorm/custnorm/validate"
	"github.com/santhosh-tekuri/jsonschema/v5"
)

// check validates v with sch and returns the issues, sorted; with warnings
// false, only the errors (enough for a verdict).
func check(sch *jsonschema.Schema, v any, warnings bool) validate.Issues {
	var out validate.Issues
	if err := sch.Validate(v); err != nil {
		var ve *jsonschema.ValidationError
		if !errors.As(err, &ve) {
			// InfiniteLoopError or InvalidJSONTypeError: a defect of a
			// schema or of this package, not of the document.
			iss := validate.NewIssue("", validate.CodeSchema, validate.Params{"keyword": "$ref"})
			iss.Err = err
			return validate.Issues{iss}
		}
		for _, leaf := range leaves(ve, nil) {
			out = append(out, issuesOf(sch, v, leaf)...)
		}
	}
	if warnings {
		unknownMembers(sch, v, "", &out, 0)
	}
	return tidy(out)
}

// leaves returns the errors that say what is wrong: jsonschema wraps them in
// errors for $ref, allOf, then, else and for groups of siblings, which carry
// no rule of their own. anyOf, oneOf and the contains keywords are kept
// whole: their causes are the failures of alternatives, not defects.
func leaves(ve *jsonschema.ValidationError, out []*jsonschema.ValidationError) []*jsonschema.ValidationError {
	switch lastToken(ve.KeywordLocation) {
	case "anyOf", "oneOf", "minContains", "maxContains", "contains":
		return append(out, ve)
	}
	if len(ve.Causes) == 0 {
		return append(out, ve)
	}
	for _, c := range ve.Causes {
		out = leaves(c, out)
	}
	return out
}

func lastToken(loc string) string {
	return validate.Pointer(loc).LastToken()
}

// located is a schema error resolved against the compiled schema.
type located struct {
	keyword string             // the failing keyword ("maxLength"); "false" for a false schema
	node    *jsonschema.Schema // the schema holding the keyword
	// parent and member: the schema whose properties led to node, and the
	// member's name ("" when node was not reached through properties).
	parent *jsonschema.Schema
	member string
	// args are the tokens after the keyword (dependentRequired/name/index).
	args []string
}

// locate walks the keyword location of ve through the compiled schema root.
// It returns false when the location does not resolve (which would be a
// defect of this package: every keyword location jsonschema reports is a
// path through the compiled schema).
func locate(root *jsonschema.Schema, ve *jsonschema.ValidationError) (located, bool) {
	toks := slices.Collect(validate.Pointer(ve.KeywordLocation).Tokens())
	keywordAt := len(toks) - 1
	if len(toks) >= 3 && toks[len(toks)-3] == "dependentRequired" {
		keywordAt = len(toks) - 3
	}
	s := root
	var loc located
	i := 0
	next := func() (string, bool) {
		if i+1 >= len(toks) {
			return "", false
		}
		i++
		return toks[i], true
	}
	index := func(n int) (int, bool) {
		t, ok := next()
		if !ok {
			return 0, false
		}
		k, err := strconv.Atoi(t)
		return k, err == nil && k >= 0 && k < n
	}
	for ; i < len(toks); i++ {
		if i == keywordAt && isKeyword(toks[i]) {
			loc.keyword, loc.node, loc.args = toks[i], s, toks[i+1:]
			return loc, true
		}
		var sub *jsonschema.Schema
		switch toks[i] {
		case "properties":
			name, ok := next()
			if !ok {
				return loc, false
			}
			loc.parent, loc.member = s, name
			sub = s.Properties[name]
		case "patternProperties":
			pat, ok := next()
			if !ok {
				return loc, false
			}
			for re, ps := range s.PatternProperties {
				if re.String() == pat {
					sub = ps
				}
			}
		case "additionalProperties":
			sub, _ = s.AdditionalProperties.(*jsonschema.Schema)
		case "items":
			sub = s.Items2020
			if sub == nil {
				sub, _ = s.Items.(*jsonschema.Schema)
			}
		case "prefixItems":
			if k, ok := index(len(s.PrefixItems)); ok {
				sub = s.PrefixItems[k]
			}
		case "allOf":
			if k, ok := index(len(s.AllOf)); ok {
				sub = s.AllOf[k]
			}
		case "anyOf":
			if k, ok := index(len(s.AnyOf)); ok {
				sub = s.AnyOf[k]
			}
		case "oneOf":
			if k, ok := index(len(s.OneOf)); ok {
				sub = s.OneOf[k]
			}
		case "dependentSchemas":
			if name, ok := next(); ok {
				sub = s.DependentSchemas[name]
			}
		case "$ref":
			sub = s.Ref
		case "$dynamicRef":
			sub = s.DynamicRef
		case "$recursiveRef":
			sub = s.RecursiveRef
		case "not":
			sub = s.Not
		case "if":
			sub = s.If
		case "then":
			sub = s.Then
		case "else":
			sub = s.Else
		case "contains":
			sub = s.Contains
		case "propertyNames":
			sub = s.PropertyNames
		case "unevaluatedProperties":
			sub = s.UnevaluatedProperties
		case "unevaluatedItems":
			sub = s.UnevaluatedItems
		}
		if sub == nil {
			return loc, false
		}
		s = sub
	}
	// The location names a schema, not a keyword: a false schema.
	if s.Always != nil && !*s.Always {
		loc.keyword, loc.node = "false", s
		return loc, true
	}
	return loc, false
}

// isKeyword reports whether tok is a keyword that can fail by itself (as
// opposed to one that only leads to a subschema).
func isKeyword(tok string) bool {
	switch tok {
	case "type", "const", "enum", "format", "required", "dependentRequired", "additionalProperties",
		"minProperties", "maxProperties", "minItems", "maxItems", "uniqueItems", "additionalItems",
		"minContains", "maxContains", "minLength", "maxLength", "pattern", "contentEncoding",
		"contentMediaType", "contentSchema", "minimum", "maximum", "exclusiveMinimum",
		"exclusiveMaximum", "multipleOf", "not", "anyOf", "oneOf", "contains":
		return true
	}
	return false
}

// defCode returns the code of a failure under $defs/name, for the
// subschemas whose failure has a more specific code than its keyword's.
func defCode(name string) (validate.Code, bool) {
	switch name {
	case "customerId":
		return validate.CodeInvalidID, true
	case "birthDate":
		return validate.CodeInvalidDate, true
	case "noPayload":
		return validate.CodeRequired, true
	}
	return "", false
}

// defName returns the name of the innermost $defs member the absolute
// keyword location lies in ("" when none).
func defName(absLoc string) string {
	_, frag, ok := strings.Cut(absLoc, "#")
	if !ok {
		return ""
	}
	toks := slices.Collect(validate.Pointer(frag).Tokens())
	for k := len(toks) - 2; k >= 0; k-- {
		if toks[k] == "$defs" {
			return toks[k+1]
		}
	}
	return ""
}

// issuesOf maps one schema error to issues.
func issuesOf(root *jsonschema.Schema, doc any, ve *jsonschema.ValidationError) validate.Issues {
	path := validate.Pointer(ve.InstanceLocation)
	loc, ok := locate(root, ve)
	if !ok {
		return validate.Issues{validate.NewIssue(path, validate.CodeSchema, validate.Params{"keyword": lastToken(ve.KeywordLocation)})}
	}
	n := loc.node
	v, _ := valueAt(doc, path)
	one := func(code validate.Code, params validate.Params) validate.Issues {
		return validate.Issues{validate.NewIssue(path, code, params)}
	}
	// A required member that is null or "" is absent, as custnorm's
	// decoders read it.
	requiredMember := loc.parent != nil && loc.member == path.LastToken() && slices.Contains(loc.parent.Required, loc.member)

	if loc.keyword != "type" {
		if code, ok := defCode(defName(ve.AbsoluteKeywordLocation)); ok {
			var params validate.Params
			if code == validate.CodeInvalidID {
				params = validate.Params{"format": formatOf(n)}
			}
			return one(code, params)
		}
	}
	switch loc.keyword {
	case "type":
		if v == nil && requiredMember {
			return one(validate.CodeRequired, nil)
		}
		if num, isNum := v.(json.Number); isNum && slices.Contains(n.Types, "integer") && !slices.Contains(n.Types, "number") && !isInteger(num) {
			return one(validate.CodeInvalidFormat, validate.Params{"format": formatOf(n)})
		}
		return one(validate.CodeWrongType, validate.Params{"expected": expected(n.Types)})
	case "required":
		obj, _ := v.(map[string]any)
		var out validate.Issues
		for _, name := range n.Required {
			if _, has := obj[name]; !has {
				out = append(out, validate.NewIssue(path.AppendToken(name), validate.CodeRequired, nil))
			}
		}
		return out
	case "dependentRequired":
		if len(loc.args) == 2 {
			if k, err := strconv.Atoi(loc.args[1]); err == nil {
				if names := n.DependentRequired[loc.args[0]]; k >= 0 && k < len(names) {
					return validate.Issues{validate.NewIssue(path.AppendToken(names[k]), validate.CodeRequired, nil)}
				}
			}
		}
	case "additionalProperties":
		obj, _ := v.(map[string]any)
		var out validate.Issues
		for _, name := range sortedKeys(obj) {
			if !declares(n, name) {
				iss := validate.NewIssue(path.AppendToken(name), validate.CodeUnknownField, nil)
				out = append(out, iss.WithSeverity(validate.SeverityError)) // a warning by default
			}
		}
		return out
	case "maxLength":
		return one(validate.CodeTooLong, validate.Params{"max": n.MaxLength})
	case "minLength":
		if v == "" && requiredMember {
			return one(validate.CodeRequired, nil)
		}
		return one(validate.CodeTooShort, validate.Params{"min": n.MinLength})
	case "maxItems":
		return one(validate.CodeTooLong, validate.Params{"max": n.MaxItems})
	case "minItems":
		return one(validate.CodeTooShort, validate.Params{"min": n.MinItems})
	case "pattern", "const", "enum", "format", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf":
		return one(validate.CodeInvalidFormat, validate.Params{"format": formatOf(n)})
	case "anyOf":
		if fields, ok := alternatives(n.AnyOf); ok {
			return one(validate.CodeOneOfRequired, validate.Params{"fields": fields})
		}
	}
	return one(validate.CodeSchema, validate.Params{"keyword": loc.keyword})
}

// alternatives returns the member names of an anyOf whose every branch
// requires members ("email, mobile"): a one_of_required rule.
func alternatives(branches []*jsonschema.Schema) (string, bool) {
	if len(branches) == 0 {
		return "", false
	}
	var names []string
	for _, b := range branches {
		if len(b.Required) == 0 {
			return "", false
		}
		for _, r := range b.Required {
			if !slices.Contains(names, r) {
				names = append(names, r)
			}
		}
	}
	return strings.Join(names, ", "), true
}

// formatOf describes the form a schema expects, for the params of
// invalid_format and invalid_id: its title, else its constant, enumeration
// or pattern.
func formatOf(s *jsonschema.Schema) string {
	switch {
	case s.Title != "":
		return s.Title
	case len(s.Constant) > 0:
		return scalarText(s.Constant[0])
	case len(s.Enum) > 0:
		var parts []string
		for _, e := range s.Enum {
			if e != nil {
				parts = append(parts, scalarText(e))
			}
		}
		return strings.Join(parts, ", ")
	case s.Pattern != nil:
		return s.Pattern.String()
	}
	return ""
}

func scalarText(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}

// expected names the JSON types a type keyword allows, null aside (null
// means absent in custnorm): "string", "object", "boolean or integer".
func expected(types []string) string {
	var ts []string
	for _, t := range types {
		if t != "null" {
			ts = append(ts, t)
		}
	}
	if len(ts) == 0 {
		return "null"
	}
	return strings.Join(ts, " or ")
}

func isInteger(n json.Number) bool {
	if _, err := n.Int64(); err == nil {
		return true
	}
	f, err := n.Float64()
	return err == nil && f == float64(int64(f))
}

// declares reports whether the object schema s names member (in properties
// or by one of its patternProperties).
func declares(s *jsonschema.Schema, member string) bool {
	if _, ok := s.Properties[member]; ok {
		return true
	}
	for re := range s.PatternProperties {
		if re.MatchString(member) {
			return true
		}
	}
	return false
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// valueAt returns the value at p in doc.
func valueAt(doc any, p validate.Pointer) (any, bool) {
	cur := doc
	for tok := range p.Tokens() {
		switch t := cur.(type) {
		case map[string]any:
			v, ok := t[tok]
			if !ok {
				return nil, false
			}
			cur = v
		case []any:
			k, err := strconv.Atoi(tok)
			if err != nil || k < 0 || k >= len(t) {
				return nil, false
			}
			cur = t[k]
		default:
			return nil, false
		}
	}
	return cur, true
}

// maxWalk bounds the recursion of unknownMembers through subschemas, so a
// schema that refers to itself cannot make it loop.
const maxWalk = 256

// unknownMembers reports, as unknown_field warnings, the members of v that a
// schema applying to it allows without naming them: an object schema with
// properties and "additionalProperties": true, which is how the schemas say
// "custnorm keeps this member and warns". It follows the subschemas that
// apply to v in place ($ref, allOf, the branch of if/then/else that
// applies) and descends into declared members and array items.
func unknownMembers(s *jsonschema.Schema, v any, p validate.Pointer, out *validate.Issues, steps int) int {
	if s == nil || steps > maxWalk {
		return steps
	}
	steps++
	switch t := v.(type) {
	case map[string]any:
		if open, isBool := s.AdditionalProperties.(bool); isBool && open && len(s.Properties) > 0 {
			for _, name := range sortedKeys(t) {
				if !declares(s, name) {
					iss := validate.NewIssue(p.AppendToken(name), validate.CodeUnknownField, nil)
					*out = append(*out, iss.WithSeverity(validate.SeverityWarning))
				}
			}
		}
		for _, name := range sortedKeys(t) {
			if sub, ok := s.Properties[name]; ok {
				steps = unknownMembers(sub, t[name], p.AppendToken(name), out, steps)
			}
		}
	case []any:
		for k, item := range t {
			sub := s.Items2020
			if k < len(s.PrefixItems) {
				sub = s.PrefixItems[k]
			}
			steps = unknownMembers(sub, item, p.AppendIndex(k), out, steps)
		}
	}
	steps = unknownMembers(s.Ref, v, p, out, steps)
	for _, sub := range s.AllOf {
		steps = unknownMembers(sub, v, p, out, steps)
	}
	if s.If != nil {
		if s.If.Validate(v) == nil {
			steps = unknownMembers(s.Then, v, p, out, steps)
		} else {
			steps = unknownMembers(s.Else, v, p, out, steps)
		}
	}
	return steps
}

// tidy drops what repeats another issue and sorts: at a path with a
// wrong_type error, no other issue about the value's form is reported
// (jsonschema may check a value of the wrong type against several
// subschemas); of equal issues (path, code, severity) one is kept; a
// warning at the path and code of an error is dropped.
func tidy(in validate.Issues) validate.Issues {
	wrongType := make(map[validate.Pointer]bool)
	for _, iss := range in {
		if iss.Code == validate.CodeWrongType {
			wrongType[iss.Path] = true
		}
	}
	type key struct {
		path validate.Pointer
		code validate.Code
	}
	errs := make(map[key]bool)
	for _, iss := range in {
		if iss.Severity == validate.SeverityError {
			errs[key{iss.Path, iss.Code}] = true
		}
	}
	seen := make(map[key]validate.Severity)
	out := make(validate.Issues, 0, len(in))
	for _, iss := range in {
		k := key{iss.Path, iss.Code}
		if wrongType[iss.Path] && formCode(iss.Code) {
			continue
		}
		if iss.Severity == validate.SeverityWarning && errs[k] {
			continue
		}
		if sev, dup := seen[k]; dup && sev == iss.Severity {
			continue
		}
		seen[k] = iss.Severity
		out = append(out, iss)
	}
	out.Sort()
	return out
}

// formCode reports whether c is about the form of a value (which a value of
// the wrong type cannot have) rather than its presence.
func formCode(c validate.Code) bool {
	switch c {
	case validate.CodeInvalidFormat, validate.CodeInvalidID, validate.CodeInvalidDate, validate.CodeTooLong, validate.CodeTooShort, validate.CodeSchema, validate.CodeOneOfRequired:
		return true
	}
	return false
}
