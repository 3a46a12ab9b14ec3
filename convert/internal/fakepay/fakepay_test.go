package fakepay_test

import (
	"testing"

	"github.com/custnorm/custnorm/convert/internal/fakepay"
	"github.com/custnorm/custnorm/internal/golden"
)

// TestCorpus runs the format's corpus, in this package's testdata, through
// the driver every provider format's corpus goes through.
func TestCorpus(t *testing.T) {
	golden.RunCorpus(t, fakepay.Converter{}, "testdata")
}
