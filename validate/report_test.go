package validate_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/custnorm/custnorm/validate"
)

// stancerOrigins maps canonical pointers of a customer decoded from a
// Stancer document back to that document.
func stancerOrigins() *validate.Origins {
	o := &validate.Origins{}
	o.Set("/fullName", "/name")
	o.Set("/givenName", "/name")
	o.Set("/familyName", "/name")
	o.Set("/mobile", "/mobile")
	o.Set("/refs/merchant", "/external_id")
	o.Set("/provider/stancer", "")
	o.Set("/address", "/contact/address")
	o.Set("/address/postalCode", "/contact/address/postal_code")
	return o
}

func TestOriginsOf(t *testing.T) {
	tests := []struct {
		name string
		o    *validate.Origins
		in   validate.Pointer
		want validate.Pointer
	}{
		{name: "exact", o: stancerOrigins(), in: "/givenName", want: "/name"},
		{name: "exact renamed", o: stancerOrigins(), in: "/refs/merchant", want: "/external_id"},
		{name: "exact beats prefix", o: stancerOrigins(), in: "/address/postalCode", want: "/contact/address/postal_code"},
		{name: "prefix", o: stancerOrigins(), in: "/address/city", want: "/contact/address/city"},
		{name: "prefix below an exact entry", o: stancerOrigins(), in: "/address/postalCode/x", want: "/contact/address/postal_code/x"},
		{name: "prefix mapped to the root", o: stancerOrigins(), in: "/provider/stancer/live_mode", want: "/live_mode"},
		{name: "prefix keeps escapes", o: stancerOrigins(), in: "/provider/stancer/a~1b", want: "/a~1b"},
		{name: "prefix root itself", o: stancerOrigins(), in: "/provider/stancer", want: ""},
		{name: "no prefix maps to the whole document", o: stancerOrigins(), in: "/email", want: ""},
		{name: "not a token prefix", o: stancerOrigins(), in: "/addressee", want: ""},
		{name: "whole document", o: stancerOrigins(), in: "", want: ""},
		{name: "root entry", o: originsWith("", "/customer"), in: "/email", want: "/customer/email"},
		{name: "identity", o: validate.IdentityOrigins(), in: "/address/postalCode", want: "/address/postalCode"},
		{name: "identity root", o: validate.IdentityOrigins(), in: "", want: ""},
		{name: "nil is identity", o: nil, in: "/email", want: "/email"},
		{name: "empty maps to root", o: &validate.Origins{}, in: "/email", want: ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.o.Of(tc.in); got != tc.want {
				t.Errorf("Origins.Of(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func originsWith(canon, src validate.Pointer) *validate.Origins {
	o := &validate.Origins{}
	o.Set(canon, src)
	return o
}

func TestOriginsLookupAndInverse(t *testing.T) {
	o := stancerOrigins()
	tests := []struct {
		name string
		call func() (validate.Pointer, bool)
		want validate.Pointer
		ok   bool
	}{
		{name: "Lookup exact", call: func() (validate.Pointer, bool) { return o.Lookup("/mobile") }, want: "/mobile", ok: true},
		{name: "Lookup does not follow prefixes", call: func() (validate.Pointer, bool) { return o.Lookup("/address/city") }, want: "", ok: false},
		{name: "Lookup identity", call: func() (validate.Pointer, bool) { return validate.IdentityOrigins().Lookup("/x") }, want: "/x", ok: true},
		{name: "Inverse first in pointer order", call: func() (validate.Pointer, bool) { return o.Inverse("/name") }, want: "/familyName", ok: true},
		{name: "Inverse unknown", call: func() (validate.Pointer, bool) { return o.Inverse("/nope") }, want: "", ok: false},
		{name: "Inverse identity", call: func() (validate.Pointer, bool) { return validate.IdentityOrigins().Inverse("/x") }, want: "/x", ok: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := tc.call()
			if got != tc.want || ok != tc.ok {
				t.Errorf("%s = %q, %v; want %q, %v", tc.name, got, ok, tc.want, tc.ok)
			}
		})
	}
}

func TestOriginsAll(t *testing.T) {
	o := stancerOrigins()
	for i := range 30 { // past the entries the struct holds without a map
		o.Set(validate.Pointer("/provider/x").AppendIndex(i), "/x")
	}
	got := map[validate.Pointer]validate.Pointer{}
	var order []validate.Pointer
	for canon, src := range o.All() {
		got[canon] = src
		order = append(order, canon)
	}
	if len(got) != 38 || got["/refs/merchant"] != "/external_id" || got["/provider/x/29"] != "/x" {
		t.Errorf("All() = %v", got)
	}
	for k := 1; k < len(order); k++ {
		if order[k-1] >= order[k] {
			t.Errorf("All() not sorted: %s before %s", order[k-1], order[k])
		}
	}
	for range validate.IdentityOrigins().All() {
		t.Error("All() of the identity Origins yields an entry")
	}
}

func TestReportAddAndMerge(t *testing.T) {
	var r validate.Report
	r.Issue("/email", validate.CodeInvalidEmail, nil)
	r.Add("/address/street", validate.NewIssue("", validate.CodeNotSplit, validate.Params{"rule": "street_house_number"}))
	r.Add("/contact", validate.NewIssue("/dob", validate.CodeInvalidDate, nil))
	r.Add("/none") // no issues: nothing added
	r.Change(validate.ChangeNormalized, "/email", "email_domain")
	var o validate.Report
	o.Issue("/mobile", validate.CodeNotMobile, nil)
	o.Change(validate.ChangeSplit, "/name", "name_split")
	r.Merge(o)

	want := validate.Report{
		Issues: validate.Issues{
			{Path: "/email", Code: validate.CodeInvalidEmail, Severity: validate.SeverityError},
			{Path: "/address/street", Code: validate.CodeNotSplit, Severity: validate.SeverityWarning, Params: validate.Params{"rule": "street_house_number"}},
			{Path: "/contact/dob", Code: validate.CodeInvalidDate, Severity: validate.SeverityError},
			{Path: "/mobile", Code: validate.CodeNotMobile, Severity: validate.SeverityWarning},
		},
		Changes: []validate.Change{
			{Kind: validate.ChangeNormalized, Path: "/email", Rule: "email_domain"},
			{Kind: validate.ChangeSplit, Path: "/name", Rule: "name_split"},
		},
	}
	if diff := cmp.Diff(want, r); diff != "" {
		t.Errorf("Report after Issue, Add, Change, Merge mismatch (-want +got):\n%s", diff)
	}
}

func TestReportRemap(t *testing.T) {
	r := validate.Report{
		Issues: validate.Issues{
			withTarget(validate.NewIssue("/givenName", validate.CodeTooLong, validate.Params{"max": 40}), "/firstName"),
			validate.NewIssue("/address/city", validate.CodeRequired, nil),
			validate.NewIssue("/email", validate.CodeInvalidEmail, nil),
		},
		Changes: []validate.Change{
			{Kind: validate.ChangeSplit, Path: "/givenName", Rule: "name_split", Target: validate.Ptr("/forename")},
			{Kind: validate.ChangeDefaulted, Path: "", Rule: "default_region"},
		},
	}
	r.Remap(stancerOrigins())
	want := validate.Report{
		Issues: validate.Issues{
			withTarget(validate.NewIssue("/name", validate.CodeTooLong, validate.Params{"max": 40}), "/firstName"),
			validate.NewIssue("/contact/address/city", validate.CodeRequired, nil),
			validate.NewIssue("", validate.CodeInvalidEmail, nil),
		},
		Changes: []validate.Change{
			{Kind: validate.ChangeSplit, Path: "/name", Rule: "name_split", Target: validate.Ptr("/forename")},
			{Kind: validate.ChangeDefaulted, Path: "", Rule: "default_region"},
		},
	}
	if diff := cmp.Diff(want, r); diff != "" {
		t.Errorf("Report.Remap mismatch (-want +got):\n%s", diff)
	}

	// The identity leaves everything as it is.
	before := r
	before.Issues = append(validate.Issues(nil), r.Issues...)
	r.Remap(validate.IdentityOrigins())
	if diff := cmp.Diff(before, r); diff != "" {
		t.Errorf("Report.Remap(identity) mismatch (-want +got):\n%s", diff)
	}
}

func TestReportNormalize(t *testing.T) {
	iss := func(p validate.Pointer, c validate.Code) validate.Issue { return validate.NewIssue(p, c, nil) }
	tests := []struct {
		name string
		in   validate.Report
		want validate.Report
	}{
		{
			name: "nil slices become empty",
			in:   validate.Report{},
			want: validate.Report{Issues: validate.Issues{}, Changes: []validate.Change{}},
		},
		{
			name: "sorted by path then code, stable",
			in: validate.Report{Issues: validate.Issues{
				iss("/mobile", validate.CodeInvalidPhone),
				iss("/email", validate.CodeTooLong),
				iss("", validate.CodeOneOfRequired),
				iss("/email", validate.CodeInvalidEmail),
				iss("/address/postalCode", validate.CodeInvalidPostalCode),
			}},
			want: validate.Report{Issues: validate.Issues{
				iss("", validate.CodeOneOfRequired),
				iss("/address/postalCode", validate.CodeInvalidPostalCode),
				iss("/email", validate.CodeInvalidEmail),
				iss("/email", validate.CodeTooLong),
				iss("/mobile", validate.CodeInvalidPhone),
			}, Changes: []validate.Change{}},
		},
		{
			name: "adjacent duplicates removed",
			in: validate.Report{Issues: validate.Issues{
				iss("/email", validate.CodeInvalidEmail),
				iss("/email", validate.CodeInvalidEmail),
			}},
			want: validate.Report{Issues: validate.Issues{iss("/email", validate.CodeInvalidEmail)}, Changes: []validate.Change{}},
		},
		{
			name: "duplicates separated by another severity removed",
			in: validate.Report{Issues: validate.Issues{
				iss("/name", validate.CodeRequired),
				withSeverity(iss("/name", validate.CodeRequired), validate.SeverityWarning),
				iss("/name", validate.CodeRequired),
			}},
			want: validate.Report{Issues: validate.Issues{
				iss("/name", validate.CodeRequired),
				withSeverity(iss("/name", validate.CodeRequired), validate.SeverityWarning),
			}, Changes: []validate.Change{}},
		},
		{
			name: "different targets kept, equal targets merged",
			in: validate.Report{Issues: validate.Issues{
				withTarget(iss("/givenName", validate.CodeTooLong), "/name"),
				iss("/givenName", validate.CodeTooLong),
				withTarget(iss("/givenName", validate.CodeTooLong), "/name"),
				withTarget(iss("/givenName", validate.CodeTooLong), "/firstName"),
			}},
			want: validate.Report{Issues: validate.Issues{
				withTarget(iss("/givenName", validate.CodeTooLong), "/name"),
				iss("/givenName", validate.CodeTooLong),
				withTarget(iss("/givenName", validate.CodeTooLong), "/firstName"),
			}, Changes: []validate.Change{}},
		},
		{
			name: "changes deduplicated in place, order kept",
			in: validate.Report{Changes: []validate.Change{
				{Kind: validate.ChangeNormalized, Path: "/phone", Rule: "phone_e164"},
				{Kind: validate.ChangeSplit, Path: "/name", Rule: "name_split"},
				{Kind: validate.ChangeNormalized, Path: "/phone", Rule: "phone_e164"},
				{Kind: validate.ChangeNormalized, Path: "/phone", Rule: "phone_e164", Target: validate.Ptr("/contact/phone")},
				{Kind: validate.ChangeNormalized, Path: "/phone", Rule: "phone_e164", Target: validate.Ptr("/contact/phone")},
				{Kind: validate.ChangeNormalized, Path: "/email", Rule: "email_domain"},
			}},
			want: validate.Report{Issues: validate.Issues{}, Changes: []validate.Change{
				{Kind: validate.ChangeNormalized, Path: "/phone", Rule: "phone_e164"},
				{Kind: validate.ChangeSplit, Path: "/name", Rule: "name_split"},
				{Kind: validate.ChangeNormalized, Path: "/phone", Rule: "phone_e164", Target: validate.Ptr("/contact/phone")},
				{Kind: validate.ChangeNormalized, Path: "/email", Rule: "email_domain"},
			}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := tc.in
			got.Normalize()
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Report.Normalize() mismatch (-want +got):\n%s", diff)
			}
			again := got
			again.Normalize()
			if diff := cmp.Diff(got, again); diff != "" {
				t.Errorf("Report.Normalize() not idempotent (-first +second):\n%s", diff)
			}
		})
	}
}

func TestReportJSON(t *testing.T) {
	r := validate.Report{}
	r.Issue("/contact/dob", validate.CodeInvalidDate, nil)
	r.Change(validate.ChangeNormalized, "/email", "email_domain")
	r.Changes[0] = r.Changes[0].WithTarget("/contact/email")
	r.Normalize()
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatalf("json.Marshal(%+v) error = %v", r, err)
	}
	want := `{"issues":[{"path":"/contact/dob","code":"invalid_date","severity":"error","message":"","params":{}}],` +
		`"changes":[{"kind":"normalized","path":"/email","target":"/contact/email","rule":"email_domain"}]}`
	if string(b) != want {
		t.Errorf("json.Marshal(report) = %s, want %s", b, want)
	}
	empty, err := json.Marshal(func() validate.Report { var r validate.Report; r.Normalize(); return r }())
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(empty), `{"issues":[],"changes":[]}`; got != want {
		t.Errorf("json.Marshal(empty normalized report) = %s, want %s", got, want)
	}
}

// withTarget and withSeverity are Issue.WithTarget and Issue.WithSeverity
// of a value that is not addressable (a call's result).
func withTarget(i validate.Issue, t validate.Pointer) validate.Issue { return i.WithTarget(t) }

func withSeverity(i validate.Issue, s validate.Severity) validate.Issue { return i.WithSeverity(s) }

// TestOriginsManyEntries records more pointers than Origins keeps without
// a map, and more than its 64 quick-search bits tell apart, each twice
// (the second source replaces the first), and reads every one back.
func TestOriginsManyEntries(t *testing.T) {
	var o validate.Origins
	want := map[validate.Pointer]validate.Pointer{}
	for round := range 2 {
		for i := range 150 {
			canon := validate.Pointer(fmt.Sprintf("/f%d", i))
			src := validate.Pointer(fmt.Sprintf("/src%d/%d", round, i))
			o.Set(canon, src)
			want[canon] = src
		}
	}
	for canon, src := range want {
		if got, ok := o.Lookup(canon); !ok || got != src {
			t.Errorf("Lookup(%s) = %q, %v; want %q", canon, got, ok, src)
		}
	}
	if got, ok := o.Lookup("/f150"); ok {
		t.Errorf("Lookup(/f150) = %q, found", got)
	}
}
