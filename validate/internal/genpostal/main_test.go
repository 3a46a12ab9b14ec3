package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestGeneratedFileIsCurrent regenerates the automata from postal_data.go
// and compares them with postal_gen.go: a change of the table must come
// with the regenerated file (go generate ./validate).
func TestGeneratedFileIsCurrent(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "..", "postal_data.go"))
	if err != nil {
		t.Fatal(err)
	}
	got, err := generate(src)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("..", "..", "postal_gen.go")
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is not what the generator writes: run go generate ./validate", path)
	}
}

func TestReadTableRefusesOtherShapes(t *testing.T) {
	for _, src := range []string{
		"package validate\n",
		"package validate\nfunc postalFormats() []postalFormat { return []postalFormat{{\"DE\", x, \"\"}} }\n",
	} {
		if _, err := readTable([]byte(src)); err == nil {
			t.Errorf("readTable(%q) succeeded, want an error", src)
		}
	}
}
