package validate_test

import (
	"fmt"

	"github.com/custnorm/custnorm/model"
	"github.com/custnorm/custnorm/validate"
)

func ExampleCheckNationalID() {
	for _, tc := range []struct {
		id        string
		countries []string // nationality, then address country
	}{
		{"121212-1212", []string{"SE"}},
		{"121212-1213", []string{"SE"}},       // the check digit is wrong
		{"P1234567", []string{"SE"}},          // not a Swedish number at all
		{"12345678Z", []string{"DE", "ES"}},   // DE has no scheme; a Spanish DNI
		{"0123456789012", []string{"US", ""}}, // no scheme: not checked
	} {
		res := validate.CheckNationalID(tc.id, tc.countries...)
		fmt.Printf("%-14s ok=%v scheme=%q", tc.id, res.OK, res.Scheme)
		for _, i := range res.Issues {
			fmt.Printf(" %s %s %v", i.Code, i.Severity, i.Params["format"])
		}
		fmt.Println()
	}
	// Output:
	// 121212-1212    ok=true scheme="se_personnummer"
	// 121212-1213    ok=false scheme="se_personnummer" invalid_id error SE personnummer or samordningsnummer: 10 or 12 digits
	// P1234567       ok=false scheme="se_personnummer" invalid_id warning SE personnummer or samordningsnummer: 10 or 12 digits
	// 12345678Z      ok=true scheme="es_dni"
	// 0123456789012  ok=false scheme=""
}

func ExampleIDResult_MatchesBirthDate() {
	res := validate.CheckNationalID("131052-308T", "FI") // DVV's example HETU
	fmt.Println(res.Scheme, res.BirthDate)
	fmt.Println(res.MatchesBirthDate(model.MustParseDate("1952-10-13")))
	fmt.Println(res.MatchesBirthDate(model.MustParseDate("1952-10-14")))

	// A 10-digit personnummer gives only the last two digits of the year.
	res = validate.CheckNationalID("121212-1212", "SE")
	fmt.Println(res.BirthDate.IsZero())
	fmt.Println(res.MatchesBirthDate(model.MustParseDate("2012-12-12")))
	// Output:
	// fi_hetu 1952-10-13
	// true true
	// false true
	// true
	// true true
}

func ExampleCheckVATID() {
	for _, id := range []string{
		"DE 136 695 976",
		"DE136695978",      // the check digit is wrong
		"NL002455799B11",   // a btw-identificatienummer (MOD 97-10)
		"FR K 7399859412",  // a new-style French key
		"136695976",        // no prefix: not read as a VAT number
		"RSSMRA45C12F205C", // an Italian codice fiscale: not checked
	} {
		res := validate.CheckVATID(id)
		fmt.Printf("%-17s ok=%v scheme=%q issues=%d\n", id, res.OK, res.Scheme, len(res.Issues))
	}
	// Output:
	// DE 136 695 976    ok=true scheme="de_vat" issues=0
	// DE136695978       ok=false scheme="de_vat" issues=1
	// NL002455799B11    ok=true scheme="nl_vat" issues=0
	// FR K 7399859412   ok=true scheme="fr_vat" issues=0
	// 136695976         ok=false scheme="" issues=0
	// RSSMRA45C12F205C  ok=false scheme="" issues=0
}

func ExampleNationalIDCountries() {
	fmt.Println(validate.NationalIDCountries())
	fmt.Println(validate.VATCountries())
	// Output:
	// [DK ES FI IT NL NO PL SE]
	// [AT BE DE DK ES FI FR IT NL PL SE]
}
