package convert_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/custnorm/custnorm/convert"
	"github.com/custnorm/custnorm/validate"
)

// TestIssueCap: a record with tens of thousands of unknown members gives
// at most validate.MaxIssues issues plus one too_many_issues error that
// counts the rest, in every format, and is rejected.
func TestIssueCap(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"name":"David Coaster","email":"david@example.net"`)
	const extra = 75000
	for k := range extra {
		fmt.Fprintf(&b, `,"x%d":1`, k)
	}
	b.WriteString("}")
	doc := []byte(b.String())
	if len(doc) > convert.MaxDocumentBytes {
		t.Fatalf("test document is %d bytes, over the limit", len(doc))
	}
	reg := convert.Builtin()
	for _, to := range []string{"stancer", "canonical"} {
		res, err := reg.Convert("stancer", to, doc, convert.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if res.OK || len(res.Issues) != validate.MaxIssues+1 {
			t.Fatalf("stancer -> %s: ok %v, %d issues; want rejected with %d", to, res.OK, len(res.Issues), validate.MaxIssues+1)
		}
		var capped *validate.Issue
		for k := range res.Issues {
			if res.Issues[k].Code == validate.CodeTooManyIssues {
				capped = &res.Issues[k]
			}
		}
		if capped == nil || capped.Params["omitted"] != extra-validate.MaxIssues || capped.Message == "" {
			t.Errorf("stancer -> %s: too_many_issues issue %+v, want omitted %d and a message", to, capped, extra-validate.MaxIssues)
		}
	}
}
