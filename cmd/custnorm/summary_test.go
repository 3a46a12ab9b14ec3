package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/custnorm/custnorm/internal/golden"
)

// checkText compares got with the golden text file path; with -update it
// rewrites the file.
func checkText(t *testing.T, path, got string) {
	t.Helper()
	if golden.Updating() {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("golden %s: %v (run the test with -update to create it)", path, err)
	}
	if got != string(want) {
		t.Errorf("%s mismatch:\n--- got\n%s--- want\n%s", path, got, want)
	}
}

// summaryInput has accepted records, warnings, rejected records of several
// kinds and an issue that exists only in the output.
var summaryInput = strings.Join([]string{
	`{"contact":{"forename":"John","surname":"Doe","email":"john@example.com","dob":"1980-09-01"}}`,
	`{"contact":{"forename":"John","surname":"Doe","email":"john@example.com","dob":"03.03.1905"}}`,
	`{"contact":{"forename":"Jane","surname":"Doe","email":"jane.example.com"}}`,
	`{"contact":`,
	`{"contact":{"forename":"Max","surname":"Muster","email":"max@example.com","phone":"+37258774XXX"}}`,
	`{"contact":{"forename":"Erika","surname":"Muster","email":"erika@example.com","address":{"street":"Hauptstr.","street_number":"1","postal_code":"6032","city":"Frankfurt am Main","country":"DE"}}}`,
}, "\n") + "\n"

func TestSummaryGolden(t *testing.T) {
	for _, lang := range []string{"en", "de", "fr"} {
		for _, cmd := range [][]string{
			{"convert", "--from", "secuconnect", "--to", "riverty"},
			{"validate", "--as", "secuconnect"},
		} {
			args := append(cmd, "--lang", lang)
			r := runCLI(t, summaryInput, args...)
			if r.code != 1 {
				t.Errorf("%v: exit %d", args, r.code)
			}
			checkText(t, filepath.Join("testdata", fmt.Sprintf("summary_%s_%s.golden", cmd[0], lang)), r.stderr)
		}
	}
}

// TestSummaryLimits checks the summary of many bad records: ten issue
// lines, then a count, and the rejected records as capped ranges.
func TestSummaryLimits(t *testing.T) {
	var in strings.Builder
	for k := range 100 {
		if k%3 == 0 {
			in.WriteString(`{"name":"David Coaster","email":"david@example.net"}` + "\n")
		} else {
			in.WriteString("{broken\n")
		}
	}
	r := runCLI(t, in.String(), "convert", "--from", "stancer", "--to", "canonical")
	checkText(t, filepath.Join("testdata", "summary_limits.golden"), r.stderr)
}

func TestSummaryLanguage(t *testing.T) {
	for _, lang := range []string{"de-AT", "DE", "fr-CA"} {
		r := runCLI(t, "", "validate", "--as", "stancer", "--lang", lang)
		if strings.Contains(r.stderr, "holds no records") {
			t.Errorf("--lang %s gives English: %s", lang, r.stderr)
		}
	}
	// A language the catalog does not have is a usage error that lists
	// the languages, not a silent fall-back to English.
	for _, lang := range []string{"xx", "", "ja", "!!"} {
		r := runCLI(t, "", "validate", "--as", "stancer", "--lang", lang)
		if r.code != exitUsage || !strings.Contains(r.stderr, "is not a supported language; the languages are: en, de") {
			t.Errorf("--lang %q: exit %d, stderr %s", lang, r.code, r.stderr)
		}
	}
}

func TestAddRejectedRanges(t *testing.T) {
	var s stats
	for _, n := range []int{2, 3, 3, 4, 7, 9, 10} {
		s.addRejected(n)
	}
	want := [][2]int{{2, 4}, {7, 7}, {9, 10}}
	if fmt.Sprint(s.ranges) != fmt.Sprint(want) || s.moreRanges != 0 {
		t.Errorf("ranges %v (+%d), want %v", s.ranges, s.moreRanges, want)
	}
}
