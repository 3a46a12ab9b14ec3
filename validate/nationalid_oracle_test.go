package validate_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/custnorm/custnorm/model"
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
// the numbers of the scheme for which applies reports true differs from
// ours, for the reason given. Each must apply to at least one number.
type oracleException struct {
	oracle  string
	scheme  validate.IDScheme
	applies func(c genCase) bool
	reason  string
}

// Predicates of the exceptions, on the canonical form the oracles read.
func bornAfterToday(c genCase) bool {
	return c.Valid && !c.Birth.IsZero() && c.Birth.Time().After(time.Now())
}

func seBadCentury(c genCase) bool {
	return !c.Valid && len(c.Oracle) == 12 && !slices.Contains([]string{"18", "19", "20"}, c.Oracle[:2])
}

// noNoCentury: an individual number 750–899 with YY 40–99 gives no century.
func noNoCentury(c genCase) bool {
	ind := atoi(c.Oracle[6:9])
	return !c.Valid && 750 <= ind && ind <= 899 && atoi(c.Oracle[4:6]) >= 40
}

func dkDigits(c genCase) string { return strings.ReplaceAll(c.Oracle, "-", "") }

func fiIndividual(c genCase) int { return atoi(c.Oracle[7:10]) }

var oracleExceptions = []oracleException{
	{oracle: "personnummer", scheme: validate.SchemeSEPersonnummer, applies: seBadCentury,
		reason: "personnummer 3.2.1 takes any two century digits in a 12-digit number; Skatteverket (SKV 704) names 18, 19 and 20 only, as CheckNationalID does"},
	{oracle: "stdnum", scheme: validate.SchemeSEPersonnummer, applies: seBadCentury,
		reason: "stdnum 1.12.0 reads only the 10-digit form, into which ids-oracle.js writes a 12-digit number: the century digits are lost"},
	{oracle: "@navikt/fnrvalidator", scheme: validate.SchemeNOFodselsnummer,
		applies: func(c genCase) bool { return !c.Valid && strings.HasPrefix(c.Oracle, "290200") },
		reason:  "@navikt/fnrvalidator 2.2.1 checks 29 February without the century the individual number gives: 000–499 with YY 00 is 1900, no leap year (stdnum and norwegian-national-id-validator agree with us)"},
	{oracle: "@navikt/fnrvalidator", scheme: validate.SchemeNOFodselsnummer, applies: noNoCentury,
		reason: "@navikt/fnrvalidator 2.2.1 does not check that the individual number gives a century: 750–899 with YY 40–99 is never issued (Skatteetaten; stdnum and norwegian-national-id-validator agree with us)"},
	{oracle: "validator.isIdentityCard", scheme: validate.SchemeNOFodselsnummer,
		applies: func(c genCase) bool { return !c.Valid && noRef(c.Oracle) },
		reason:  "validator 13.15.35 checks only the two check digits of a fødselsnummer, not its date nor its individual number's century"},
	{oracle: "danish-ssn", scheme: validate.SchemeDKCPR,
		applies: func(c genCase) bool { return c.Valid && !dkMod11(dkDigits(c)) },
		reason:  "the CPR office has issued numbers without the modulus 11 check since 1 October 2007 and asks that they be accepted; danish-ssn 2.1.1 requires it"},
	{oracle: "validator.isTaxID", scheme: validate.SchemeDKCPR,
		applies: func(c genCase) bool { return c.Valid && !dkMod11(dkDigits(c)) },
		reason:  "as danish-ssn: validator 13.15.35 requires the modulus 11 check the CPR office gave up in 2007"},
	{oracle: "danish-ssn", scheme: validate.SchemeDKCPR,
		applies: func(c genCase) bool { return !c.Valid && dkMod11(dkDigits(c)) },
		reason:  "danish-ssn 2.1.1 checks only modulus 11, not the date (these numbers pass modulus 11 and have no such date)"},
	{oracle: "finnish-ssn", scheme: validate.SchemeFIHETU,
		applies: func(c genCase) bool { return c.Valid && c.Oracle[6] == '+' && c.Birth.Year < 1850 },
		reason:  "finnish-ssn 2.1.2 reads + only with the years 1850–1899 (its pattern: [5-9]\\d\\+), a limit of living people, not of the scheme"},
	{oracle: "finnish-ssn", scheme: validate.SchemeFIHETU, applies: bornAfterToday,
		reason: "finnish-ssn 2.1.2 refuses a birth date after today (131052A308T, DVV's example with the sign of the 2000s); CheckNationalID has no clock"},
	{oracle: "stdnum", scheme: validate.SchemeFIHETU, applies: bornAfterToday,
		reason: "stdnum 1.12.0 refuses a birth date after today (131052A308T, DVV's example with the sign of the 2000s); CheckNationalID has no clock"},
	{oracle: "finnish-ssn", scheme: validate.SchemeFIHETU,
		applies: func(c genCase) bool { return !c.Valid && hetuRef(c.Oracle) && fiIndividual(c) < 2 },
		reason:  "DVV gives individual numbers 002–899; finnish-ssn 2.1.2 also takes 000 and 001"},
	{oracle: "stdnum", scheme: validate.SchemeFIHETU,
		applies: func(c genCase) bool { return !c.Valid && hetuRef(c.Oracle) && fiIndividual(c) < 2 },
		reason:  "DVV gives individual numbers 002–899; stdnum 1.12.0 also takes 000 and 001"},
	{oracle: "finnish-ssn", scheme: validate.SchemeFIHETU,
		applies: func(c genCase) bool { return !c.Valid && hetuRef(c.Oracle) && fiIndividual(c) >= 900 },
		reason:  "900–999 are DVV's temporary numbers, which are not identifiers and which CheckNationalID refuses; finnish-ssn 2.1.2 takes them"},
	{oracle: "stdnum", scheme: validate.SchemeFIHETU,
		applies: func(c genCase) bool { return !c.Valid && hetuRef(c.Oracle) && fiIndividual(c) >= 900 },
		reason:  "900–999 are DVV's temporary numbers, which are not identifiers and which CheckNationalID refuses; stdnum 1.12.0 takes them (python-stdnum refuses them unless allow_temporary)"},
	{oracle: "stdnum", scheme: validate.SchemeNLBSN,
		applies: func(c genCase) bool { return c.Oracle == "000000000" },
		reason:  "000000000 passes the 11-test only arithmetically; CheckNationalID refuses it"},
	{oracle: "validator.isTaxID", scheme: validate.SchemeNLBSN,
		applies: func(c genCase) bool { return c.Oracle == "000000000" },
		reason:  "000000000 passes the 11-test only arithmetically; CheckNationalID refuses it"},
	{oracle: "@marketto/codice-fiscale-utils", scheme: validate.SchemeITCodiceFiscale,
		applies: func(c genCase) bool { return c.Valid && len(c.Oracle) == 11 },
		reason:  "the package checks the 16-character code of a person only, not the 11-digit numeric codice fiscale"},
	{oracle: "stdnum", scheme: validate.SchemeITCodiceFiscale,
		applies: func(c genCase) bool { return c.Valid && len(c.Oracle) == 11 },
		reason:  "stdnum 1.12.0's codicefiscale reads 16 characters only, not the 11-digit numeric codice fiscale (python-stdnum reads both)"},
	{oracle: "stdnum", scheme: validate.SchemeITCodiceFiscale,
		applies: func(c genCase) bool { return !c.Valid && len(c.Oracle) == 16 && cfRef(c.Oracle) },
		reason:  "stdnum 1.12.0 does not check the date of a codice fiscale (31 April, 30 February, day 32 pass); @marketto/codice-fiscale-utils agrees with us"},
	{oracle: "stdnum", scheme: validate.SchemePLPESEL, applies: bornAfterToday,
		reason: "stdnum 1.12.0 refuses a PESEL whose birth date is after today; CheckNationalID has no clock and takes every date of the centuries 1800–2299 the scheme defines"},
	{oracle: "validator.isTaxID", scheme: validate.SchemePLPESEL,
		applies: func(c genCase) bool { return c.Valid && strings.HasSuffix(c.Oracle, "0") },
		reason:  "validator 13.15.35 refuses every PESEL whose check digit is 0: it compares 10 − (sum mod 10) with the digit, without a last mod 10"},
	{oracle: "pesel-check", scheme: validate.SchemePLPESEL,
		applies: func(c genCase) bool { return !c.Valid && c.Oracle[2:4] == "20" },
		reason:  "pesel-check 2.0.2 takes the month 20 (month 0 of the 2000s) as a month"},
	{oracle: "jsvat", scheme: validate.SchemeBEVAT,
		applies: func(c genCase) bool { return c.Valid && (c.Oracle[2] == '1' || c.Oracle[3] == '0') },
		reason:  "jsvat 2.5.4 takes only numbers starting with 0 and then a digit other than 0; stdnum, like CheckVATID, also takes those starting with 1 or 00 that pass the MOD 97 check"},
	{oracle: "jsvat", scheme: validate.SchemeESVAT,
		applies: func(c genCase) bool {
			return c.Valid && strings.ContainsRune("JUV", rune(c.Oracle[2])) && c.Oracle[10] >= 'A'
		},
		reason: "jsvat 2.5.4 takes only a control digit after the CIF letters J, U and V; the rule (Orden EHA/451/2008), stdnum and CheckVATID take a digit or a letter after every letter but A, B, E, H (digit) and K, P, Q, S, N, W (letter)"},
	{oracle: "jsvat", scheme: validate.SchemeFRVAT,
		applies: func(c genCase) bool { return !c.Valid && (c.Oracle[2] > '9' || c.Oracle[3] > '9') },
		reason:  "jsvat 2.5.4 checks nothing past the shape of a number whose key has a letter (the new-style key); stdnum agrees with us"},
	{oracle: "jsvat", scheme: validate.SchemeNLVAT,
		applies: func(c genCase) bool { return !c.Valid && strings.HasSuffix(c.Oracle, "B00") },
		reason:  "the suffix B00 is not issued (python-stdnum's tests list NL009122746B00 as invalid); jsvat 2.5.4 takes it"},
	{oracle: "stdnum", scheme: validate.SchemeNLVAT,
		applies: func(c genCase) bool { return !c.Valid && strings.HasSuffix(c.Oracle, "B00") },
		reason:  "the suffix B00 is not issued (python-stdnum's tests list NL009122746B00 as invalid); stdnum 1.12.0 takes it"},
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
// CheckNationalID and CheckVATID, and with the verdicts of
// testdata/nationalids.json and vatids.json (the public company numbers of
// vatids.json included). Every disagreement must be one of
// oracleExceptions.
func TestIDOracles(t *testing.T) {
	node := needIDOracle(t)
	cases := append(slices.Clip(generatedIDs()), testdataIDs(t)...)
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
				if e.oracle == oracle && e.scheme == c.Scheme && e.applies(c) {
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
			t.Errorf("exception %s %s (%s) never applies: remove it", e.oracle, e.scheme, e.reason)
		}
	}
	var lines []string
	for k, v := range tallies {
		lines = append(lines, fmt.Sprintf("%s: %d agree, %d documented exceptions", k, v.agree, v.excepted))
	}
	sort.Strings(lines)
	t.Logf("%d numbers:\n%s", len(cases), strings.Join(lines, "\n"))
}

// testdataIDs returns the valid and invalid numbers of
// testdata/nationalids.json and vatids.json as cases of kind "testdata",
// in the canonical form the oracles read: upper case, without the
// separators that carry no meaning (the "-" or "+" of a 10-digit Swedish
// number and the HETU century sign are kept).
func testdataIDs(t *testing.T) []genCase {
	var nat struct {
		Groups []idGroup `json:"groups"`
	}
	loadIDGroups(t, "nationalids.json", &nat)
	var out []genCase
	for _, g := range nat.Groups {
		for _, list := range []struct {
			ids   []string
			valid bool
		}{{g.Valid, true}, {g.Invalid, false}} {
			for _, id := range list.ids {
				o := strings.ToUpper(strings.ReplaceAll(id, " ", ""))
				switch g.Country {
				case "SE":
					if len(o) == 13 {
						o = strings.ReplaceAll(o, "-", "")
					}
				case "FI":
				default:
					o = strings.NewReplacer("-", "", ".", "").Replace(o)
				}
				c := genCase{Country: g.Country, Scheme: g.Scheme, ID: id, Oracle: o, Valid: list.valid, Kind: "testdata"}
				if d, ok := g.BirthDates[id]; ok {
					c.Birth, c.Year2 = model.MustParseDate(d), slices.Contains(g.Year2, id)
				}
				out = append(out, c)
			}
		}
	}
	var vat struct {
		Groups []struct {
			Scheme  validate.IDScheme `json:"scheme"`
			Valid   []string          `json:"valid"`
			Invalid []string          `json:"invalid"`
		} `json:"groups"`
	}
	loadIDGroups(t, "vatids.json", &vat)
	strip := strings.NewReplacer(" ", "", "-", "", ".", "", "/", "", ":", "", "(", "", ")", "")
	canonical := func(id string) string {
		o := strings.ToUpper(strip.Replace(id))
		if b := strings.IndexByte(o, 'B'); strings.HasPrefix(o, "NL") && 2 <= b && b < 11 {
			o = "NL" + strings.Repeat("0", 11-b) + o[2:] // the leading zeros left out
		}
		return o
	}
	for _, g := range vat.Groups {
		for _, id := range g.Valid {
			out = append(out, genCase{Scheme: g.Scheme, ID: id, Oracle: canonical(id), Valid: true, Kind: "testdata"})
		}
		for _, id := range g.Invalid {
			out = append(out, genCase{Scheme: g.Scheme, ID: id, Oracle: canonical(id), Kind: "testdata"})
		}
	}
	return out
}
