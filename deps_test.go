package custnorm_test

import (
	"os"
	"os/exec"
	"path"
	"strings"
	"testing"
)

// depsRules is the import policy of the module: which packages of ours and
// which third-party packages each package may import (standard library
// imports are always allowed). It is a statement of policy, after
// go/build/deps_test.go: do not relax it to fix a build; change it in a
// reviewed commit that says why.
//
// A pattern ending in "/..." matches a package and everything below it;
// "<provider>" stands for each provider package: every package directly
// below convert/ (convert/internal excepted), found by go list, so that a
// new provider package needs no line here.
var depsRules = map[string][]string{
	"model": {},
	// validate must not import x/text's message packages (the browser build
	// would link them): validate/xmessage adapts the messages to them.
	"validate":                       {"model", "validate/internal/countrykey", "golang.org/x/text/language", "golang.org/x/text/unicode/norm"},
	"validate/xmessage":              {"validate", "golang.org/x/text/language", "golang.org/x/text/message", "golang.org/x/text/message/catalog"},
	"validate/internal/gencountries": {"validate/internal/countrykey", "golang.org/x/text/language", "golang.org/x/text/unicode/norm"},
	// The phone tables' generator is the only package that imports
	// phonenumbers (besides the tests, which use it as their oracle): the
	// runtime answers from the tables it writes (TestRuntimeDependencies).
	"validate/internal/genphone":   {"validate/internal/automata", "github.com/nyaruka/phonenumbers"},
	"validate/internal/genpostal":  {"validate/internal/automata"},
	"validate/internal/automata":   {},
	"validate/internal/countrykey": {"golang.org/x/text/unicode/norm"},
	"convert/internal/fieldmap":    {"model", "validate", "internal/jsontext"},
	"convert/<provider>":           {"model", "validate", "convert/internal/fieldmap"},
	// fakepay is the test-only provider format (only tests import it); it
	// is held to the rule of the provider packages.
	"convert/internal/fakepay": {"model", "validate", "convert/internal/fieldmap"},
	// convert must not import schema: the browser build imports convert
	// and would link the JSON Schema validator; detection is a
	// convert.Detector the caller passes (schema.Set is one).
	"convert":                 {"model", "validate", "convert/<provider>", "convert/internal/fieldmap", "convert/internal/stream"},
	"convert/internal/stream": {},
	"schema":                  {"validate", "model", "github.com/santhosh-tekuri/jsonschema/v5"},
	"cmd/custnorm":            {"convert", "validate", "model", "schema", "wasm/demo", "internal/synth"},
	"wasm":                    {"convert", "validate", "model", "internal/jsontext"},
	"wasm/demo":               {},
	// gendist writes the browser build's npm package (make wasm): the
	// standard library only.
	"wasm/internal/gendist": {},
	// internal/golden also holds what the provider tests share (the keys
	// they compare issues and changes by, the corpus driver, the converter
	// method set of package convert), so it reads convert, validate and
	// model. Only _test.go files import it (external test packages, so
	// that importing convert makes no cycle).
	"internal/golden":      {"convert", "model", "validate", "github.com/google/go-cmp/cmp"},
	"internal/conformance": {},
	"internal/jsontext":    {},
	// internal/synth makes synthetic records (the CLI's gen, benchmarks).
	"internal/synth": {"model", "validate"},
}

// runtimeBanned are modules no program of custnorm may link: phonenumbers
// is the phone tables' generator input and the tests' oracle, and
// protobuf came with it (it decoded phonenumbers' metadata at start-up).
var runtimeBanned = []string{"github.com/nyaruka/phonenumbers", "google.golang.org/protobuf"}

// TestRuntimeDependencies checks that neither the CLI nor the browser build
// links a banned module, test-only imports aside.
func TestRuntimeDependencies(t *testing.T) {
	for _, build := range []struct {
		pkg string
		env []string
	}{
		{"./cmd/custnorm", nil},
		{"./wasm", []string{"GOOS=js", "GOARCH=wasm"}},
	} {
		cmd := exec.Command("go", "list", "-deps", build.pkg)
		cmd.Env = append(os.Environ(), build.env...)
		var stderr strings.Builder
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("%s go list -deps %s: %v\n%s", strings.Join(build.env, " "), build.pkg, err, stderr.String())
		}
		n := 0
		for line := range strings.Lines(string(out)) {
			n++
			dep := strings.TrimSpace(line)
			for _, m := range runtimeBanned {
				if dep == m || strings.HasPrefix(dep, m+"/") {
					t.Errorf("%s go list -deps %s lists %s", strings.Join(build.env, " "), build.pkg, dep)
				}
			}
		}
		if n < 10 {
			t.Errorf("%s go list -deps %s listed %d packages, too few to be right", strings.Join(build.env, " "), build.pkg, n)
		}
	}
}

var providers = []string{"secuconnect", "worldline", "stancer", "riverty"}

const module = "github.com/custnorm/custnorm"

// providerOf returns the name of the provider package pkg (a path relative
// to the module): a package directly below convert/, other than
// convert/internal.
func providerOf(pkg string) (string, bool) {
	name, ok := strings.CutPrefix(pkg, "convert/")
	if !ok || name == "internal" || strings.Contains(name, "/") {
		return "", false
	}
	return name, true
}

func TestDependencies(t *testing.T) {
	cmd := exec.Command("go", "list", "-e", "-f", "{{.ImportPath}} {{join .Imports \" \"}}", "./...")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, stderr.String())
	}
	type listed struct {
		pkg     string
		imports []string
	}
	var pkgs []listed
	var providers []string
	for line := range strings.Lines(string(out)) {
		fields := strings.Fields(line)
		if len(fields) == 0 {
			continue
		}
		pkg := strings.TrimPrefix(strings.TrimPrefix(fields[0], module), "/")
		if pkg == module || pkg == "" {
			continue
		}
		pkgs = append(pkgs, listed{pkg, fields[1:]})
		if name, ok := providerOf(pkg); ok {
			providers = append(providers, name)
		}
	}
	if len(providers) < 4 {
		t.Fatalf("go list found the provider packages %v; expected secuconnect, worldline, stancer, riverty and any newer", providers)
	}
	seen := 0
	for _, lp := range pkgs {
		pkg := lp.pkg
		rule, ok := ruleFor(pkg)
		if !ok {
			t.Errorf("package %s has no entry in depsRules: add one (a reviewed policy change)", pkg)
			continue
		}
		seen++
		for _, imp := range lp.imports {
			if isStdlib(imp) {
				continue
			}
			if !allowed(rule, imp, providers) {
				t.Errorf("import %s -> %s is not allowed by depsRules", pkg, imp)
			}
		}
	}
	if seen == 0 {
		t.Fatal("go list listed no package of the module")
	}
}

func ruleFor(pkg string) ([]string, bool) {
	if r, ok := depsRules[pkg]; ok {
		return r, true
	}
	if _, ok := providerOf(pkg); ok {
		return depsRules["convert/<provider>"], true
	}
	return nil, false
}

func allowed(rule []string, imp string, providers []string) bool {
	for _, pat := range rule {
		var pats []string
		if pat == "convert/<provider>" {
			for _, p := range providers {
				pats = append(pats, "convert/"+p)
			}
		} else {
			pats = []string{pat}
		}
		for _, p := range pats {
			full := p
			if !strings.Contains(strings.Split(p, "/")[0], ".") {
				full = path.Join(module, p)
			}
			if base, ok := strings.CutSuffix(full, "/..."); ok {
				if imp == base || strings.HasPrefix(imp, base+"/") {
					return true
				}
			} else if imp == full {
				return true
			}
		}
	}
	return false
}

// isStdlib reports whether imp is a standard-library path (no dot in its
// first element).
func isStdlib(imp string) bool {
	return !strings.Contains(strings.Split(imp, "/")[0], ".")
}
