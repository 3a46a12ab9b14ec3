package convert_test

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/custnorm/custnorm/convert"
	"github.com/custnorm/custnorm/validate"
)

// demoCustomer is secuconnect's demo contact
// (secuconnect/secuconnect-php-sdk-demo src/migrate/create_project.php) with the nationality as its loyalty
// tests write it: free text, which the API accepts and echoes. (Its phone
// is left out: +49123456789 lies in an unassigned range, another warning.)
func demoCustomer(nationality string) []byte {
	return []byte(`{"contact":{"salutation":"Herr","title":"Dr.","forename":"John","surname":"Doe",` +
		`"companyname":"Testfirma","dob":"1971-02-03","birthplace":"MyBirthplace","nationality":` +
		jsonString(nationality) + `,"email":"example@example.com",` +
		`"address":{"street":"Example Street","street_number":"6a",` +
		`"city":"ExampleCity","country":"DE","postal_code":"01234"}}}`)
}

func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// at returns the value at the JSON pointer p of the document doc, and
// whether it exists.
func at(t *testing.T, doc []byte, p validate.Pointer) (any, bool) {
	t.Helper()
	var v any
	if err := json.Unmarshal(doc, &v); err != nil {
		t.Fatalf("output is not JSON: %v", err)
	}
	for tok := range p.Tokens() {
		m, ok := v.(map[string]any)
		if !ok {
			return nil, false
		}
		if v, ok = m[tok]; !ok {
			return nil, false
		}
	}
	return v, true
}

type issueAt struct {
	path     validate.Pointer
	code     validate.Code
	severity validate.Severity
}

func issuesOf(res convert.Result) []issueAt {
	var out []issueAt
	for _, i := range res.Issues {
		out = append(out, issueAt{i.Path, i.Code, i.Severity})
	}
	return out
}

type changeAt struct {
	kind validate.ChangeKind
	path validate.Pointer
	rule string
}

func hasChange(res convert.Result, want changeAt) bool {
	return slices.ContainsFunc(res.Changes, func(c validate.Change) bool {
		return c.Kind == want.kind && c.Path == want.path && c.Rule == want.rule
	})
}

// TestNationalityAsWritten converts secuconnect's demo customer with the
// nationalities people write: an adjective is read as its country and the
// reading reported as normalized; what cannot be read (or names two
// countries) is kept in the provider section with a warning, in every
// target; it is an error only in the canonical format's nationality, which
// holds a code.
func TestNationalityAsWritten(t *testing.T) {
	p := convert.Builtin().NewPipeline(convert.Options{Now: fixedNow})
	const nat = validate.Pointer("/contact/nationality")

	t.Run("german to stancer", func(t *testing.T) {
		res, err := p.Convert("secuconnect", "stancer", demoCustomer("german"))
		if err != nil {
			t.Fatal(err)
		}
		if !res.OK || len(issuesOf(res)) != 0 {
			t.Fatalf("Convert = ok %v, issues %v; want accepted without issues", res.OK, issuesOf(res))
		}
		if !hasChange(res, changeAt{validate.ChangeNormalized, nat, "demonym"}) {
			t.Errorf("changes %v lack normalized %s (demonym)", res.Changes, nat)
		}
		if !hasChange(res, changeAt{validate.ChangeDropped, nat, "not_in_target"}) {
			t.Errorf("changes %v lack dropped %s (stancer has no nationality)", res.Changes, nat)
		}
	})

	t.Run("german to canonical and back", func(t *testing.T) {
		res, err := p.Convert("secuconnect", "canonical", demoCustomer("german"))
		if err != nil {
			t.Fatal(err)
		}
		if !res.OK || len(issuesOf(res)) != 0 {
			t.Fatalf("Convert = ok %v, issues %v; want accepted without issues", res.OK, issuesOf(res))
		}
		if v, _ := at(t, res.Output, "/nationality"); v != "DE" {
			t.Errorf("canonical /nationality = %v, want DE", v)
		}
		if _, ok := at(t, res.Output, "/provider"); ok {
			t.Errorf("canonical output has a provider section: %s", res.Output)
		}
		back, err := p.Convert("canonical", "secuconnect", res.Output)
		if err != nil {
			t.Fatal(err)
		}
		if !back.OK {
			t.Fatalf("back to secuconnect: issues %v", issuesOf(back))
		}
		if v, _ := at(t, back.Output, nat); v != "DE" {
			t.Errorf("secuconnect %s = %v, want DE", nat, v)
		}
	})

	t.Run("secuconnect to itself", func(t *testing.T) {
		res, err := p.Convert("secuconnect", "secuconnect", demoCustomer("Deutsch"))
		if err != nil {
			t.Fatal(err)
		}
		if v, _ := at(t, res.Output, nat); !res.OK || v != "DE" {
			t.Errorf("Convert = ok %v, %s = %v; want accepted, DE", res.OK, nat, v)
		}
		if !hasChange(res, changeAt{validate.ChangeNormalized, nat, "demonym"}) {
			t.Errorf("changes %v lack normalized %s (demonym)", res.Changes, nat)
		}
	})

	for _, tc := range []struct {
		name, value string
		candidates  []string
	}{
		{"unknown", "Martian", nil},
		{"shared", "Congolese", []string{"CD", "CG"}},
	} {
		warning := []issueAt{{nat, validate.CodeInvalidCountry, validate.SeverityWarning}}
		checkWarning := func(t *testing.T, res convert.Result) {
			t.Helper()
			if !res.OK || !slices.Equal(issuesOf(res), warning) {
				t.Fatalf("Convert = ok %v, issues %v; want accepted with %v", res.OK, issuesOf(res), warning)
			}
			got, _ := res.Issues[0].Params["candidates"].([]string)
			if !slices.Equal(got, tc.candidates) {
				t.Errorf("candidates = %v, want %v", got, tc.candidates)
			}
			if msg := res.Issues[0].Message; strings.Contains(msg, tc.value) {
				t.Errorf("message %q contains the rejected value", msg)
			}
		}
		t.Run(tc.name+" to stancer", func(t *testing.T) {
			res, err := p.Convert("secuconnect", "stancer", demoCustomer(tc.value))
			if err != nil {
				t.Fatal(err)
			}
			checkWarning(t, res)
			if !hasChange(res, changeAt{validate.ChangeDropped, nat, "not_in_target"}) {
				t.Errorf("changes %v lack dropped %s", res.Changes, nat)
			}
		})
		t.Run(tc.name+" to canonical and back", func(t *testing.T) {
			res, err := p.Convert("secuconnect", "canonical", demoCustomer(tc.value))
			if err != nil {
				t.Fatal(err)
			}
			checkWarning(t, res)
			if _, ok := at(t, res.Output, "/nationality"); ok {
				t.Errorf("canonical output has a nationality: %s", res.Output)
			}
			if v, _ := at(t, res.Output, "/provider/secuconnect/contact/nationality"); v != tc.value {
				t.Errorf("canonical provider section nationality = %v, want it kept", v)
			}
			back, err := p.Convert("canonical", "secuconnect", res.Output)
			if err != nil {
				t.Fatal(err)
			}
			if v, _ := at(t, back.Output, nat); !back.OK || v != tc.value {
				t.Errorf("back to secuconnect: ok %v, %s = %v; want accepted, kept", back.OK, nat, v)
			}
		})
		t.Run(tc.name+" to itself", func(t *testing.T) {
			res, err := p.Convert("secuconnect", "secuconnect", demoCustomer(tc.value))
			if err != nil {
				t.Fatal(err)
			}
			checkWarning(t, res)
			if v, _ := at(t, res.Output, nat); v != tc.value {
				t.Errorf("%s = %v, want it kept", nat, v)
			}
		})
		t.Run(tc.name+" in the canonical format", func(t *testing.T) {
			res, err := p.Validate("canonical", []byte(`{"givenName":"John","nationality":`+jsonString(tc.value)+`}`))
			if err != nil {
				t.Fatal(err)
			}
			want := []issueAt{{"/nationality", validate.CodeInvalidCountry, validate.SeverityError}}
			if res.OK || !slices.Equal(issuesOf(res), want) {
				t.Errorf("Validate(canonical) = ok %v, issues %v; want rejected with %v", res.OK, issuesOf(res), want)
			}
		})
	}

	t.Run("adjective in the canonical format", func(t *testing.T) {
		res, err := p.Convert("canonical", "canonical", []byte(`{"givenName":"John","nationality":"svensk"}`))
		if err != nil {
			t.Fatal(err)
		}
		if v, _ := at(t, res.Output, "/nationality"); !res.OK || v != "SE" {
			t.Errorf("Convert = ok %v, nationality %v; want accepted, SE", res.OK, v)
		}
		if !hasChange(res, changeAt{validate.ChangeNormalized, "/nationality", "demonym"}) {
			t.Errorf("changes %v lack normalized /nationality (demonym)", res.Changes)
		}
	})
}
