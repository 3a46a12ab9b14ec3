package validate_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/custnorm/custnorm/model"
	"github.com/custnorm/custnorm/validate"
)

func TestIssueError(t *testing.T) {
	tests := []struct {
		name string
		in   validate.Issue
		want string
	}{
		{name: "with path", in: validate.NewIssue("/contact/dob", validate.CodeInvalidDate, nil),
			want: "validate: /contact/dob: invalid_date: is not a valid date (expected YYYY-MM-DD)"},
		{name: "whole document", in: validate.NewIssue("", validate.CodeInvalidJSON, nil),
			want: "validate: invalid_json: is not valid JSON"},
		{name: "params", in: validate.NewIssue("/name", validate.CodeTooLong, validate.Params{"max": 64, "got": 70}),
			want: "validate: /name: too_long: must be at most 64 characters long"},
		{name: "list param", in: validate.NewIssue("", validate.CodeOneOfRequired, validate.Params{"fields": []string{"/email", "/mobile"}}),
			want: "validate: one_of_required: at least one of /email, /mobile is required"},
		{name: "missing param", in: validate.NewIssue("/name", validate.CodeTooLong, nil),
			want: "validate: /name: too_long: must be at most ? characters long"},
		{name: "unknown code", in: validate.NewIssue("/x", validate.Code("made_up"), nil),
			want: "validate: /x: made_up: made_up"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.in.Error(); got != tc.want {
				t.Errorf("(%+v).Error() = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// TestIssueErrorHasNoValue checks that neither the issue text nor the
// message contains the rejected value, even when the cause's text does.
func TestIssueErrorHasNoValue(t *testing.T) {
	const dob = "1905-02-30"
	_, _, dateIssue := validate.ParseBirthDate(dob)
	const email = "john.doe.example.com"
	_, emailIssue := validate.NormalizeEmail(email)
	withCause := validate.NewIssue("/mobile", validate.CodeInvalidPhone, validate.Params{"reason": "letters"})
	withCause.Err = errors.New("cannot parse +37258774XXX")

	tests := []struct {
		name  string
		issue *validate.Issue
		value string
	}{
		{name: "birth date", issue: dateIssue, value: dob},
		{name: "email", issue: emailIssue, value: email},
		{name: "cause with value", issue: &withCause, value: "+37258774XXX"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.issue == nil {
				t.Fatalf("no issue for %q", tc.value)
			}
			texts := map[string]string{
				"Error":   tc.issue.Error(),
				"wrapped": (&validate.Error{Issues: validate.Issues{*tc.issue}}).Error(),
			}
			for _, lang := range []string{"en", "de", "fr"} {
				texts["Text "+lang] = validate.NewLocalizer(lang).Text(*tc.issue)
			}
			for what, text := range texts {
				if strings.Contains(text, tc.value) {
					t.Errorf("%s of the issue for %q = %q, contains the value", what, tc.value, text)
				}
			}
		})
	}
}

func TestIssuesErr(t *testing.T) {
	warning := validate.NewIssue("/mobile", validate.CodeNotMobile, nil)
	failure := validate.NewIssue("/email", validate.CodeInvalidEmail, nil)
	tests := []struct {
		name    string
		in      validate.Issues
		wantErr bool
	}{
		{name: "nil", in: nil},
		{name: "empty", in: validate.Issues{}},
		{name: "warnings only", in: validate.Issues{warning}},
		{name: "one error", in: validate.Issues{failure}, wantErr: true},
		{name: "warning and error", in: validate.Issues{warning, failure}, wantErr: true},
		{name: "strict warning", in: validate.Issues{warning}.Strict(), wantErr: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.in.Err()
			if !tc.wantErr {
				// An untyped nil: a typed nil *Error would compare non-nil.
				if err != nil {
					t.Errorf("Issues(%v).Err() = %#v, want untyped nil", tc.in, err)
				}
				if tc.in.HasError() {
					t.Errorf("Issues(%v).HasError() = true, want false", tc.in)
				}
				return
			}
			var e *validate.Error
			if !errors.As(err, &e) {
				t.Fatalf("Issues(%v).Err() = %#v, want *validate.Error", tc.in, err)
			}
			if diff := cmp.Diff(tc.in, e.Issues); diff != "" {
				t.Errorf("Issues(%v).Err().Issues mismatch (-want +got):\n%s", tc.in, diff)
			}
			if !tc.in.HasError() {
				t.Errorf("Issues(%v).HasError() = false, want true", tc.in)
			}
		})
	}
}

func TestIssuesErrCopies(t *testing.T) {
	s := validate.Issues{validate.NewIssue("/email", validate.CodeInvalidEmail, nil)}
	err := s.Err()
	s[0].Code = validate.CodeRequired
	var e *validate.Error
	if !errors.As(err, &e) || e.Issues[0].Code != validate.CodeInvalidEmail {
		t.Errorf("Issues.Err() shares its slice with the receiver: got %v", err)
	}
}

func TestErrorUnwrap(t *testing.T) {
	dateIssue := validate.NewIssue("/birthDate", validate.CodeInvalidDate, nil)
	dateIssue.Err = &model.DateError{Err: model.ErrInvalidDate}
	err := validate.Issues{
		validate.NewIssue("/mobile", validate.CodeNotMobile, nil),
		dateIssue,
		validate.NewIssue("/email", validate.CodeInvalidEmail, nil),
	}.Err()

	// errors.As finds the first issue.
	var iss *validate.Issue
	if !errors.As(err, &iss) {
		t.Fatalf("errors.As(%v, *Issue) = false, want true", err)
	}
	if iss.Path != "/mobile" || iss.Code != validate.CodeNotMobile {
		t.Errorf("errors.As(%v, *Issue) = %s %s, want /mobile not_mobile", err, iss.Path, iss.Code)
	}
	// ... and sees through an issue to its cause.
	var de *model.DateError
	if !errors.As(err, &de) {
		t.Errorf("errors.As(%v, *model.DateError) = false, want true", err)
	}
	if !errors.Is(err, model.ErrInvalidDate) {
		t.Errorf("errors.Is(%v, model.ErrInvalidDate) = false, want true", err)
	}
	// Through a wrapping error too.
	wrapped := errorsJoinWrap(err)
	if !errors.As(wrapped, &iss) {
		t.Errorf("errors.As(%v, *Issue) = false through fmt wrapping", wrapped)
	}

	var e *validate.Error
	if !errors.As(err, &e) {
		t.Fatalf("errors.As(%v, *Error) = false", err)
	}
	unwrapped := e.Unwrap()
	if len(unwrapped) != 3 {
		t.Fatalf("(*Error).Unwrap() returned %d errors, want 3", len(unwrapped))
	}
	type pc struct {
		Path validate.Pointer
		Code validate.Code
	}
	var got []pc
	for _, u := range unwrapped {
		i, ok := u.(*validate.Issue)
		if !ok {
			t.Fatalf("(*Error).Unwrap() element is %T, want *validate.Issue", u)
		}
		got = append(got, pc{i.Path, i.Code})
	}
	want := []pc{{"/mobile", validate.CodeNotMobile}, {"/birthDate", validate.CodeInvalidDate}, {"/email", validate.CodeInvalidEmail}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(*Error).Unwrap() mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(model.ErrInvalidDate, errors.Unwrap(unwrapped[1]), cmpopts.EquateErrors()); diff != "" {
		t.Errorf("errors.Unwrap(issue) mismatch (-want +got):\n%s", diff)
	}
}

func errorsJoinWrap(err error) error { return errors.Join(errors.New("convert"), err) }

func TestErrorError(t *testing.T) {
	warn := validate.NewIssue("/mobile", validate.CodeNotMobile, nil)
	tests := []struct {
		name string
		in   validate.Issues
		want string
	}{
		{name: "one", in: validate.Issues{validate.NewIssue("/email", validate.CodeInvalidEmail, nil)},
			want: "validate: /email: invalid_email: is not a valid e-mail address"},
		{name: "first error after a warning", in: validate.Issues{warn, validate.NewIssue("/email", validate.CodeInvalidEmail, nil)},
			want: "validate: /email: invalid_email: is not a valid e-mail address (and 1 more)"},
		{name: "three", in: validate.Issues{
			validate.NewIssue("", validate.CodeOneOfRequired, validate.Params{"fields": []string{"/email", "/mobile"}}),
			validate.NewIssue("/id", validate.CodeInvalidID, validate.Params{"format": "cust_ + 24 letters or digits"}),
			warn,
		}, want: "validate: one_of_required: at least one of /email, /mobile is required (and 2 more)"},
		{name: "warnings only", in: validate.Issues{warn}, want: "validate: no error"},
		{name: "empty", in: nil, want: "validate: no error"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := &validate.Error{Issues: tc.in}
			if got := e.Error(); got != tc.want {
				t.Errorf("(&Error{%v}).Error() = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestIssuesSortAndStrict(t *testing.T) {
	s := validate.Issues{
		validate.NewIssue("/mobile", validate.CodeNotMobile, nil),
		validate.NewIssue("/email", validate.CodeTooLong, validate.Params{"max": 64}),
		validate.NewIssue("/email", validate.CodeInvalidEmail, nil),
		validate.NewIssue("/email", validate.CodeTooLong, validate.Params{"max": 50}),
	}
	strict := s.Strict()
	s.Sort()
	type psv struct {
		Path     validate.Pointer
		Code     validate.Code
		Severity validate.Severity
		Max      any
	}
	collect := func(s validate.Issues) []psv {
		var out []psv
		for _, i := range s {
			out = append(out, psv{i.Path, i.Code, i.Severity, i.Params["max"]})
		}
		return out
	}
	wantSorted := []psv{
		{"/email", validate.CodeInvalidEmail, validate.SeverityError, nil},
		{"/email", validate.CodeTooLong, validate.SeverityError, 64},
		{"/email", validate.CodeTooLong, validate.SeverityError, 50},
		{"/mobile", validate.CodeNotMobile, validate.SeverityWarning, nil},
	}
	if diff := cmp.Diff(wantSorted, collect(s)); diff != "" {
		t.Errorf("Issues.Sort() mismatch (-want +got):\n%s", diff)
	}
	for _, i := range strict {
		if i.Severity != validate.SeverityError {
			t.Errorf("Issues.Strict() left %s %s with severity %s", i.Path, i.Code, i.Severity)
		}
	}
	if strict[0].Code != validate.CodeNotMobile {
		t.Errorf("Issues.Strict() reordered or shared the receiver: first = %s", strict[0].Code)
	}
}

func TestCodeDefaultSeverity(t *testing.T) {
	warnings := map[validate.Code]bool{
		validate.CodePhoneNotAssigned:     true,
		validate.CodeImplausibleBirthDate: true,
		validate.CodeNotMobile:            true,
		validate.CodeUnknownField:         true,
		validate.CodeNotSplit:             true,
		validate.CodeBirthDateMismatch:    true,
	}
	for _, c := range allCodes(t) {
		want := validate.SeverityError
		if warnings[c] {
			want = validate.SeverityWarning
		}
		if got := c.DefaultSeverity(); got != want {
			t.Errorf("Code(%q).DefaultSeverity() = %q, want %q", c, got, want)
		}
	}
}

func TestIssueJSON(t *testing.T) {
	tests := []struct {
		name string
		in   validate.Issue
		want string
	}{
		{name: "no params", in: validate.NewIssue("/contact/dob", validate.CodeInvalidDate, nil),
			want: `{"path":"/contact/dob","code":"invalid_date","severity":"error","message":"","params":{}}`},
		{name: "params and target", in: withTarget(validate.NewIssue("/givenName", validate.CodeTooLong, validate.Params{"max": 64}), "/name"),
			want: `{"path":"/givenName","target":"/name","code":"too_long","severity":"error","message":"","params":{"max":64}}`},
		{name: "cause not written", in: func() validate.Issue {
			i := validate.NewIssue("", validate.CodeInvalidDate, nil)
			i.Err = errors.New("1905-02-30")
			return i
		}(), want: `{"path":"","code":"invalid_date","severity":"error","message":"","params":{}}`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b, err := json.Marshal(tc.in)
			if err != nil {
				t.Fatalf("json.Marshal(%+v) error = %v", tc.in, err)
			}
			if string(b) != tc.want {
				t.Errorf("json.Marshal(%+v) = %s, want %s", tc.in, b, tc.want)
			}
			var back validate.Issue
			if err := json.Unmarshal(b, &back); err != nil {
				t.Fatalf("json.Unmarshal(%s) error = %v", b, err)
			}
			if back.Code != tc.in.Code || back.Path != tc.in.Path {
				t.Errorf("json.Unmarshal(%s) = %+v, want path %q code %q", b, back, tc.in.Path, tc.in.Code)
			}
			if max, ok := back.ParamInt("max"); tc.in.Params["max"] != nil && (!ok || max != tc.in.Params["max"]) {
				t.Errorf("json.Unmarshal(%s).ParamInt(%q) = %d, %v; want %v", b, "max", max, ok, tc.in.Params["max"])
			}
		})
	}
}

func TestIssueParamInt(t *testing.T) {
	tests := []struct {
		name   string
		params validate.Params
		want   int
		wantOK bool
	}{
		{name: "int", params: validate.Params{"max": 64}, want: 64, wantOK: true},
		{name: "float64 from JSON", params: validate.Params{"max": float64(64)}, want: 64, wantOK: true},
		{name: "json.Number", params: validate.Params{"max": json.Number("64")}, want: 64, wantOK: true},
		{name: "bad json.Number", params: validate.Params{"max": json.Number("6.4")}, wantOK: false},
		{name: "string", params: validate.Params{"max": "64"}, wantOK: false},
		{name: "absent", params: nil, wantOK: false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			i := validate.NewIssue("", validate.CodeTooLong, tc.params)
			got, ok := i.ParamInt("max")
			if got != tc.want || ok != tc.wantOK {
				t.Errorf("Issue{Params: %v}.ParamInt(%q) = %d, %v; want %d, %v", tc.params, "max", got, ok, tc.want, tc.wantOK)
			}
		})
	}
}

// TestIssueJSONParams: params are {} when there are none, whether the
// issue is encoded through its pointer (an element of Issues) or as a value
// that is not addressable.
func TestIssueJSONParams(t *testing.T) {
	iss := validate.NewIssue("/a", validate.CodeRequired, nil)
	for _, v := range []any{validate.Issues{iss}, struct{ I validate.Issue }{iss}, &iss} {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), `"params":{}`) {
			t.Errorf("json.Marshal(%T) = %s, want params {}", v, b)
		}
	}
}

func TestWithTargetCopies(t *testing.T) {
	i := validate.NewIssue("/a", validate.CodeRequired, nil)
	j := i.WithTarget("/b")
	if i.Target != nil {
		t.Errorf("Issue.WithTarget changed the receiver: Target = %q", *i.Target)
	}
	if j.Target == nil || *j.Target != "/b" {
		t.Errorf("Issue.WithTarget(%q).Target = %v, want %q", "/b", j.Target, "/b")
	}
	c := validate.Change{Kind: validate.ChangeJoined, Path: "/givenName", Rule: "name_join"}
	d := c.WithTarget("/name")
	if c.Target != nil || d.Target == nil || *d.Target != "/name" {
		t.Errorf("Change.WithTarget(%q) = %+v from %+v, want a copy with the target", "/name", d, c)
	}
}

func TestIssuesCap(t *testing.T) {
	warn := func(p validate.Pointer) validate.Issue { return validate.NewIssue(p, validate.CodeUnknownField, nil) }
	errAt := func(p validate.Pointer) validate.Issue { return validate.NewIssue(p, validate.CodeTooLong, nil) }
	capped := func(n int) validate.Issue {
		return validate.NewIssue("", validate.CodeTooManyIssues, validate.Params{"omitted": n})
	}
	type pc struct {
		Path   validate.Pointer
		Code   validate.Code
		Params validate.Params
	}
	tests := []struct {
		name string
		in   validate.Issues
		max  int
		want []pc
	}{
		{"within the cap", validate.Issues{warn("/b"), errAt("/a")}, 2,
			[]pc{{"/b", validate.CodeUnknownField, nil}, {"/a", validate.CodeTooLong, nil}}},
		{"errors before warnings", validate.Issues{warn("/a"), warn("/b"), errAt("/c"), warn("/d")}, 2,
			[]pc{{"", validate.CodeTooManyIssues, validate.Params{"omitted": 2}}, {"/a", validate.CodeUnknownField, nil}, {"/c", validate.CodeTooLong, nil}}},
		{"a producer's own count is added", validate.Issues{warn("/a"), capped(7), warn("/b")}, 1,
			[]pc{{"", validate.CodeTooManyIssues, validate.Params{"omitted": 8}}, {"/a", validate.CodeUnknownField, nil}}},
		{"a producer's count within the cap stays", validate.Issues{warn("/a"), capped(7)}, 5,
			[]pc{{"", validate.CodeTooManyIssues, validate.Params{"omitted": 7}}, {"/a", validate.CodeUnknownField, nil}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []pc
			for _, i := range tc.in.Cap(tc.max) {
				got = append(got, pc{i.Path, i.Code, i.Params})
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Cap(%d) mismatch (-want +got):\n%s", tc.max, diff)
			}
		})
	}
	many := make(validate.Issues, 75000)
	for k := range many {
		many[k] = warn(validate.Pointer("/m").AppendIndex(k))
	}
	out := many.Cap(0)
	if len(out) != validate.MaxIssues+1 || !out.HasError() {
		t.Fatalf("Cap(0) of 75,000 warnings: %d issues, HasError %v; want %d and an error", len(out), out.HasError(), validate.MaxIssues+1)
	}
	if got := out[0]; got.Code != validate.CodeTooManyIssues || got.Params["omitted"] != 75000-validate.MaxIssues {
		t.Errorf("Cap(0): first issue %+v, want too_many_issues omitted %d", got, 75000-validate.MaxIssues)
	}
}
