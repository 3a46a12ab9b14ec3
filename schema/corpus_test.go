package schema_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/custnorm/custnorm/convert"
)

// corpusRoot is the shared corpus of the module, testdata/<format>.
var corpusRoot = filepath.Join("..", "testdata")

// A corpusDoc is one provider document of the shared corpus.
type corpusDoc struct {
	format string // the directory name: the format
	name   string // "s1-create" or "invalid/id-short"
	file   string
	data   []byte
}

// corpus returns every document under testdata/<format>/ and
// testdata/<format>/invalid/ (golden files excluded) of the formats given.
func corpus(t testing.TB, formats []string) []corpusDoc {
	t.Helper()
	var docs []corpusDoc
	for _, format := range formats {
		for _, sub := range []string{"", "invalid"} {
			files, err := filepath.Glob(filepath.Join(corpusRoot, format, sub, "*.json"))
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range files {
				if strings.HasSuffix(f, ".golden.json") {
					continue
				}
				data, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				name := strings.TrimSuffix(filepath.Base(f), ".json")
				if sub != "" {
					name = sub + "/" + name
				}
				docs = append(docs, corpusDoc{format: format, name: name, file: f, data: data})
			}
		}
	}
	if len(docs) == 0 {
		t.Fatalf("no corpus documents under %s", corpusRoot)
	}
	return docs
}

// A conformanceCase is a validate, convert or roundtrip case of
// testdata/conformance.json, as the input of one format.
type conformanceCase struct {
	name   string
	format string // as, from or via
	op     string
	region string
	input  []byte
}

// conformanceCases returns the inputs of the validate, convert and
// roundtrip cases of the shared vector corpus, each with the format it is
// read as.
func conformanceCases(t testing.TB) []conformanceCase {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(corpusRoot, "conformance.json"))
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Cases []struct {
			Name    string `json:"name"`
			Op      string `json:"op"`
			As      string `json:"as"`
			From    string `json:"from"`
			Via     string `json:"via"`
			Options struct{ Region string }
			Input   json.RawMessage `json:"input"`
		} `json:"cases"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	var out []conformanceCase
	for _, c := range doc.Cases {
		format := ""
		switch c.Op {
		case "validate":
			format = c.As
		case "convert":
			format = c.From
		case "roundtrip":
			format = c.Via
		default:
			continue
		}
		out = append(out, conformanceCase{name: c.Name, format: format, op: c.Op, region: c.Options.Region, input: c.Input})
	}
	if len(out) == 0 {
		t.Fatal("no validate, convert or roundtrip case in conformance.json")
	}
	return out
}

// allFormats are the formats of convert's registry, canonical included,
// sorted: a new provider format is found here without a line of its own.
var allFormats = convert.Builtin().Names()

// formats are the provider formats, each with its corpus directory
// testdata/<format>.
var formats = slices.DeleteFunc(slices.Clone(allFormats), func(f string) bool { return f == convert.CanonicalName })
