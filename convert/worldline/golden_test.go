package worldline_test

import (
	"path/filepath"
	"testing"

	"github.com/custnorm/custnorm/internal/golden"
)

// TestCorpus runs the shared corpus of both formats (internal/golden.RunCorpus).
func TestCorpus(t *testing.T) {
	for _, conv := range formats {
		golden.RunCorpus(t, conv, filepath.Join("..", "..", "testdata", conv.Name()))
	}
}
