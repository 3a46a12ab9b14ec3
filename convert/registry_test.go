package convert_test

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/custnorm/custnorm/convert"
	"github.com/custnorm/custnorm/convert/internal/fakepay"
)

// testRegistry returns the registry the shared tests run on: every format
// custnorm ships and the test-only provider format fakepay, which is added
// as a provider format is, with one line.
func testRegistry(t testing.TB) *convert.Registry {
	t.Helper()
	reg := convert.Builtin()
	if err := reg.Register(fakepay.Converter{}); err != nil {
		t.Fatal(err)
	}
	return reg
}

// corpusDir returns the directory of format's corpus: the shared corpus
// testdata/<format> at the module root, or the testdata of the test-only
// provider's own package.
func corpusDir(format string) string {
	if format == fakepay.Name {
		return filepath.Join("internal", "fakepay", "testdata")
	}
	return filepath.Join("..", "testdata", format)
}

// TestTestOnlyProvider: a provider format is its package and one line that
// registers it. fakepay, registered so, is listed, converts to and from
// every other format, and takes part in every shared test of this package
// that runs over testRegistry (the round trips, OmitChanges); its corpus
// passes internal/golden.RunCorpus in its own package.
func TestTestOnlyProvider(t *testing.T) {
	reg := testRegistry(t)
	if !slices.Contains(reg.Names(), fakepay.Name) {
		t.Fatalf("Names() = %v, want fakepay among them", reg.Names())
	}
	doc, err := os.ReadFile(filepath.Join(corpusDir(fakepay.Name), "full.json"))
	if err != nil {
		t.Fatal(err)
	}
	p := reg.NewPipeline(convert.Options{Now: fixedNow})
	for _, to := range reg.Names() {
		res, err := p.Convert(fakepay.Name, to, doc)
		if err != nil {
			t.Fatal(err)
		}
		if to == "worldline-lookup" || to == "riverty-create" {
			continue // they need a national id, a payment registration
		}
		if !res.OK {
			t.Errorf("Convert(fakepay → %s) rejected: %v", to, res.Issues)
			continue
		}
		back, err := p.Convert(to, fakepay.Name, res.Output)
		if err != nil {
			t.Fatal(err)
		}
		if !back.OK {
			t.Errorf("Convert(%s → fakepay) rejected: %v\n%s", to, back.Issues, res.Output)
		}
	}
	if err := reg.Register(fakepay.Converter{}); err == nil {
		t.Error("registering fakepay twice succeeded")
	}
}
