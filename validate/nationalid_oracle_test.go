package validate_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/custnorm/custnorm/validate"
)

// jsTools is the directory of the Node tooling (package.json,
// package-lock.json, ids-oracle.js).
var jsTools = filepath.Join("..", "tools", "js")

// needIDOracle returns the node binary, or skips the test (fails it on CI)
// when node or the npm packages of tools/js are missing.
func needIDOracle(t *testing.T) string {
	t.Helper()
	const install = "npm ci --prefix tools/js"
	missing := func(what string) {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s; CI must install it: %s", what, install)
		}
		t.Skipf("%s: run `%s` (from the module root) to run the identifier oracle test", what, install)
	}
	node, err := exec.LookPath("node")
	if err != nil {
		missing("node is not installed")
	}
	for _, p := range []string{"stdnum", "validator", "personnummer", "jsvat", "pesel-check"} {
		if _, err := os.Stat(filepath.Join(jsTools, "node_modules", p, "package.json")); err != nil {
			missing("tools/js/node_modules/" + p + " is missing")
		}
	}
	return node
}

// oracleException is a documented disagreement: the oracle's verdict on
// numbers of the scheme and kind (and for which applies, when set, reports
// true) differs from ours, for the reason given. Each must apply to at
// least one number.
type oracleException struct {
	oracle  string
	scheme  validate.IDScheme
	kind    string
	applies func(c genCase) bool
	reason  string
}

var oracleExceptions = []oracleException{
	{oracle: "personnummer", scheme: validate.SchemeSEPersonnummer, kind: "century",
		reason: "personnummer 3.2.1 takes any two century digits in a 12-digit number; Skatteverket (SKV 704) names 18, 19 and 20 only, as CheckNationalID does"},
	{oracle: "stdnum", scheme: validate.SchemeSEPersonnummer, kind: "century",
		reason: "stdnum 1.12.0 reads only the 10-digit form, into which ids-oracle.js writes a 12-digit number: the century digits are lost"},
	{oracle: "@navikt/fnrvalidator", scheme: validate.SchemeNOFodselsnummer, kind: "date",
		applies: func(c genCase) bool { return strings.HasPrefix(c.Oracle, "290200") },
		reason:  "@navikt/fnrvalidator 2.2.1 checks 29 February without the century the individual number gives: 000–499 with YY 00 is 1900, no leap year (stdnum and norwegian-national-id-validator agree with us)"},
	{oracle: "@navikt/fnrvalidator", scheme: validate.SchemeNOFodselsnummer, kind: "century",
		reason: "@navikt/fnrvalidator 2.2.1 does not check that the individual number gives a century: 750–899 with YY 40–99 is never issued (Skatteetaten; stdnum and norwegian-national-id-validator agree with us)"},
	{oracle: "validator.isIdentityCard", scheme: validate.SchemeNOFodselsnummer, kind: "date",
		reason: "validator 13.15.35 checks only the two check digits of a fødselsnummer, not its date"},
	{oracle: "validator.isIdentityCard", scheme: validate.SchemeNOFodselsnummer, kind: "century",
		reason: "validator 13.15.35 checks only the two check digits of a fødselsnummer, not its individual number's century"},
	{oracle: "danish-ssn", scheme: validate.SchemeDKCPR, kind: "no modulus 11",
		reason: "the CPR office has issued numbers without the modulus 11 check since 1 October 2007 and asks that they be accepted; danish-ssn 2.1.1 requires it"},
	{oracle: "validator.isTaxID", scheme: validate.SchemeDKCPR, kind: "no modulus 11",
		reason: "as danish-ssn: validator 13.15.35 requires the modulus 11 check the CPR office gave up in 2007"},
	{oracle: "danish-ssn", scheme: validate.SchemeDKCPR, kind: "date",
		reason: "danish-ssn 2.1.1 checks only modulus 11, not the date (these numbers pass modulus 11 and have no such date)"},
	{oracle: "finnish-ssn", scheme: validate.SchemeFIHETU, kind: "sign +",
		applies: func(c genCase) bool { return c.Birth.Year < 1850 },
		reason:  "finnish-ssn 2.1.2 reads + only with the years 1850–1899 (its pattern: [5-9]\\d\\+), a limit of living people, not of the scheme"},
	{oracle: "finnish-ssn", scheme: validate.SchemeFIHETU, kind: "individual number",
		reason: "DVV gives individual numbers 002–899; finnish-ssn 2.1.2 also takes 000 and 001"},
	{oracle: "stdnum", scheme: validate.SchemeFIHETU, kind: "individual number",
		reason: "DVV gives individual numbers 002–899; stdnum 1.12.0 also takes 000 and 001"},
	{oracle: "finnish-ssn", scheme: validate.SchemeFIHETU, kind: "temporary",
		reason: "900–999 are DVV's temporary numbers, which are not identifiers and which CheckNationalID refuses; finnish-ssn 2.1.2 takes them"},
	{oracle: "stdnum", scheme: validate.SchemeFIHETU, kind: "temporary",
		reason: "900–999 are DVV's temporary numbers, which are not identifiers and which CheckNationalID refuses; stdnum 1.12.0 takes them (python-stdnum refuses them unless allow_temporary)"},
	{oracle: "@marketto/codice-fiscale-utils", scheme: validate.SchemeITCodiceFiscale, kind: "numeric",
		reason: "the package checks the 16-character code of a person only, not the 11-digit numeric codice fiscale"},
	{oracle: "stdnum", scheme: validate.SchemeITCodiceFiscale, kind: "numeric",
		reason: "stdnum 1.12.0's codicefiscale reads 16 characters only, not the 11-digit numeric codice fiscale (python-stdnum reads both)"},
	{oracle: "stdnum", scheme: validate.SchemeITCodiceFiscale, kind: "date",
		reason: "stdnum 1.12.0 does not check the date of a codice fiscale (31 April, 30 February, day 32 pass); @marketto/codice-fiscale-utils agrees with us"},
	{oracle: "stdnum", scheme: validate.SchemePLPESEL,
		applies: func(c genCase) bool { return c.Valid && c.Birth.Time().After(time.Now()) },
		reason:  "stdnum 1.12.0 refuses a PESEL whose birth date is after today; CheckNationalID has no clock and takes every date of the centuries 1800–2299 the scheme defines"},
	{oracle: "validator.isTaxID", scheme: validate.SchemePLPESEL,
		applies: func(c genCase) bool { return c.Valid && strings.HasSuffix(c.Oracle, "0") },
		reason:  "validator 13.15.35 refuses every PESEL whose check digit is 0: it compares 10 − (sum mod 10) with the digit, without a last mod 10"},
	{oracle: "pesel-check", scheme: validate.SchemePLPESEL, kind: "date",
		applies: func(c genCase) bool { return c.Oracle[2:4] == "20" },
		reason:  "pesel-check 2.0.2 takes the month 20 (month 0 of the 2000s) as a month"},
	{oracle: "jsvat", scheme: validate.SchemeBEVAT,
		applies: func(c genCase) bool { return c.Valid && (c.Oracle[2] == '1' || c.Oracle[3] == '0') },
		reason:  "jsvat 2.5.4 takes only numbers starting with 0 and then a digit other than 0; stdnum, like CheckVATID, also takes those starting with 1 or 00 that pass the MOD 97 check"},
	{oracle: "jsvat", scheme: validate.SchemeESVAT,
		applies: func(c genCase) bool {
			return c.Valid && strings.ContainsRune("JUV", rune(c.Oracle[2])) && c.Oracle[10] >= 'A'
		},
		reason: "jsvat 2.5.4 takes only a control digit after the CIF letters J, U and V; the rule (Orden EHA/451/2008), stdnum and CheckVATID take a digit or a letter after every letter but A, B, E, H (digit) and K, P, Q, S, N, W (letter)"},
}

// oracleCase is one number sent to ids-oracle.js.
type oracleCase struct {
	Scheme validate.IDScheme `json:"scheme"`
	ID     string            `json:"id"`
}

// TestIDOracles compares the verdicts of independent npm implementations
// (tools/js/ids-oracle.js: stdnum, validator and a package per country;
// jsvat and stdnum for VAT numbers) with the generated numbers' validity,
// which TestGeneratedNationalIDs and TestGeneratedVATIDs check against
// CheckNationalID and CheckVATID. Every disagreement must be one of
// oracleExceptions.
func TestIDOracles(t *testing.T) {
	node := needIDOracle(t)
	cases := generatedIDs()
	req := make([]oracleCase, len(cases))
	for i, c := range cases {
		req[i] = oracleCase{c.Scheme, c.Oracle}
	}
	body, err := json.Marshal(req)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(node, filepath.Join(jsTools, "ids-oracle.js"))
	cmd.Stdin = bytes.NewReader(body)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node ids-oracle.js: %v\n%s", err, stderr.Bytes())
	}
	var ans struct {
		Packages map[string]string            `json:"packages"`
		Verdicts []map[string]json.RawMessage `json:"verdicts"`
	}
	if err := json.Unmarshal(out, &ans); err != nil || len(ans.Verdicts) != len(cases) {
		t.Fatalf("ids-oracle.js printed no answer for %d cases (%v):\n%.2000s", len(cases), err, out)
	}
	t.Logf("oracle packages: %v", ans.Packages)

	used := make([]int, len(oracleExceptions))
	type tally struct{ agree, excepted int }
	tallies := map[string]*tally{}
	for i, c := range cases {
		if len(ans.Verdicts[i]) == 0 {
			t.Errorf("%s %q: no oracle knows the scheme", c.Scheme, c.Oracle)
		}
		for oracle, raw := range ans.Verdicts[i] {
			key := oracle + " " + string(c.Scheme)
			if tallies[key] == nil {
				tallies[key] = &tally{}
			}
			var got bool
			verdict := string(raw)
			if err := json.Unmarshal(raw, &got); err != nil {
				// A package that throws on the number rejects it.
				got = false
			}
			if got == c.Valid {
				tallies[key].agree++
				continue
			}
			ex := -1
			for j, e := range oracleExceptions {
				if e.oracle == oracle && e.scheme == c.Scheme && (e.kind == "" || e.kind == c.Kind) && (e.applies == nil || e.applies(c)) {
					ex = j
					break
				}
			}
			if ex < 0 {
				t.Errorf("%s: %s %q (%s, as written %q): oracle says %s, we say valid=%v", oracle, c.Scheme, c.Oracle, c.Kind, c.ID, verdict, c.Valid)
				continue
			}
			used[ex]++
			tallies[key].excepted++
		}
	}
	for j, e := range oracleExceptions {
		if used[j] == 0 {
			t.Errorf("exception %s %s %q never applies: remove it", e.oracle, e.scheme, e.kind)
		}
	}
	var lines []string
	for k, v := range tallies {
		lines = append(lines, fmt.Sprintf("%s: %d agree, %d documented exceptions", k, v.agree, v.excepted))
	}
	sort.Strings(lines)
	t.Logf("%d numbers:\n%s", len(cases), strings.Join(lines, "\n"))
}
