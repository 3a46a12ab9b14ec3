package convert_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/custnorm/custnorm/convert"
	"github.com/custnorm/custnorm/model"
	"github.com/custnorm/custnorm/validate"
)

// noFreemail is a merchant's own rule: no addresses at example.org.
func noFreemail(c model.Customer) validate.Issues {
	if strings.HasSuffix(c.Email, "@example.org") {
		iss := validate.NewIssue("/email", "merchant_freemail", nil)
		iss.Message = "use a business address"
		return validate.Issues{iss}
	}
	return nil
}

// TestRules: a caller's rule runs in Convert, Validate, Stream and
// ValidateCustomer, its issues point into the input and reject the record,
// and its message is kept.
func TestRules(t *testing.T) {
	reg := convert.Builtin()
	p := reg.NewPipeline(convert.Options{Rules: []validate.Rule{noFreemail}, Lang: "de"})
	doc := []byte(`{"contact":{"forename":"Ada","surname":"Lovelace","email":"ada@example.org"}}`)
	check := func(what string, res convert.Result, path validate.Pointer) {
		t.Helper()
		for _, i := range res.Issues {
			if i.Code == "merchant_freemail" {
				if res.OK || i.Path != path || i.Severity != validate.SeverityError || i.Message != "use a business address" {
					t.Errorf("%s: ok %v, issue %+v", what, res.OK, i)
				}
				return
			}
		}
		t.Errorf("%s: no merchant_freemail issue in %v", what, res.Issues)
	}
	res, err := p.Convert("secuconnect", "stancer", doc)
	if err != nil {
		t.Fatal(err)
	}
	check("Convert", res, "/contact/email")
	if res, err = p.Validate("secuconnect", doc); err != nil {
		t.Fatal(err)
	}
	check("Validate", res, "/contact/email")
	if res, err = p.ValidateCustomer("stancer", model.Customer{GivenName: "Ada", FamilyName: "Lovelace", Email: "ada@example.org"}); err != nil {
		t.Fatal(err)
	}
	check("ValidateCustomer", res, "/email")
	if res, _ = p.Validate("secuconnect", []byte(`{"contact":{"forename":"Ada","surname":"Lovelace","email":"ada@example.com"}}`)); !res.OK {
		t.Errorf("a record the rule accepts is rejected: %v", res.Issues)
	}
}

// TestValidateCustomer: a Go value is checked against a format's limits
// with canonical paths, and targets for what exists only in the format.
func TestValidateCustomer(t *testing.T) {
	reg := convert.Builtin()
	c := model.Customer{GivenName: strings.Repeat("Anna", 10), FamilyName: strings.Repeat("Smith", 10), Email: "anna@Example.COM"}
	res, err := reg.ValidateCustomer("stancer", c, convert.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var tooLong *validate.Issue
	for k := range res.Issues {
		if res.Issues[k].Code == validate.CodeTooLong {
			tooLong = &res.Issues[k]
		}
	}
	if res.OK || tooLong == nil || tooLong.Target == nil || *tooLong.Target != "/name" {
		t.Errorf("ok %v, issues %v", res.OK, res.Issues)
	}
	if c.Email != "anna@Example.COM" {
		t.Errorf("the caller's value was modified")
	}
	if _, err := reg.ValidateCustomer("nope", c, convert.Options{}); err == nil {
		t.Error("unknown format: no error")
	}
}

func ExamplePipeline_ValidateCustomer() {
	p := convert.Builtin().NewPipeline(convert.Options{})
	c := model.Customer{GivenName: "Bo", Email: "bo@example.com"}
	res, _ := p.ValidateCustomer("stancer", c)
	for _, i := range res.Issues {
		target := ""
		if i.Target != nil {
			target = " (stancer " + string(*i.Target) + ")"
		}
		fmt.Printf("%s%s: %s\n", i.Path, target, i.Code)
	}
	fmt.Println(res.OK)
	// Output:
	// /givenName (stancer /name): too_short
	// false
}

func ExampleOptions_rules() {
	companyNeedsTaxID := func(c model.Customer) validate.Issues {
		if c.CompanyName != "" && c.TaxID == "" {
			iss := validate.NewIssue("/taxId", "company_tax_id", nil)
			iss.Message = "a company needs its tax id"
			return validate.Issues{iss}
		}
		return nil
	}
	p := convert.Builtin().NewPipeline(convert.Options{Rules: []validate.Rule{companyNeedsTaxID}})
	res, _ := p.Validate("riverty", []byte(`{"firstName":"Ray","lastName":"Ankunding","companyName":"Ankunding GmbH","email":"ray@example.com"}`))
	for _, i := range res.Issues {
		if i.Severity == validate.SeverityError {
			fmt.Printf("%q %s: %s\n", i.Path, i.Code, i.Message)
		}
	}
	// Output:
	// "/taxIdentificationNumber" company_tax_id: a company needs its tax id
}
