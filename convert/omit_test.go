package convert_test

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/custnorm/custnorm/convert"
	"github.com/custnorm/custnorm/internal/golden"
)

// omitInputs returns documents of every format: the shared corpus of each
// provider format, valid and invalid, and generated canonical records.
func omitInputs(t *testing.T, reg *convert.Registry) map[string][][]byte {
	t.Helper()
	in := make(map[string][][]byte)
	for _, format := range reg.Names() {
		if format == convert.CanonicalName {
			continue // no corpus: generated below
		}
		for _, dir := range []string{corpusDir(format), filepath.Join(corpusDir(format), "invalid")} {
			for _, f := range golden.Corpus(t, dir) {
				in[format] = append(in[format], golden.ReadFile(t, f))
			}
		}
	}
	r := rand.New(rand.NewPCG(3, 4))
	for range 50 {
		c := genCustomer(r)
		if r.IntN(2) == 0 {
			c.Provider = map[string]json.RawMessage{"riverty": json.RawMessage(`{"paymentRegistration":{"id":"ACVB123455675669"},"currency":"EUR"}`)}
		}
		b, err := json.Marshal(c)
		if err != nil {
			t.Fatal(err)
		}
		in[convert.CanonicalName] = append(in[convert.CanonicalName], b)
	}
	return in
}

// sameWithoutChanges checks that got is want without its changes. Results
// are compared in their JSON form, the form callers see (an issue's Err is
// not part of it).
func sameWithoutChanges(t *testing.T, what string, want, got convert.Result) {
	t.Helper()
	if got.Changes != nil {
		t.Errorf("%s: OmitChanges result has changes %v", what, got.Changes)
	}
	for _, r := range got.Records {
		if r.Changes != nil {
			t.Errorf("%s: a record of an OmitChanges result has changes %v", what, r.Changes)
		}
	}
	want.Changes = nil
	for k := range want.Records {
		want.Records[k].Changes = nil
	}
	w, err := json.Marshal(want)
	if err != nil {
		t.Fatal(err)
	}
	g, err := json.Marshal(got)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(w), string(g)); diff != "" {
		t.Errorf("%s: OmitChanges result differs (-want +got):\n%s", what, diff)
	}
}

// TestOmitChanges: a pipeline that omits changes gives each record the
// result a pipeline that lists them gives, without the changes: for every
// pair of formats, Convert and Validate, on the shared corpus (valid and
// invalid documents) and generated records.
func TestOmitChanges(t *testing.T) {
	reg := testRegistry(t)
	full := reg.NewPipeline(convert.Options{Now: fixedNow, Region: "DE"})
	lean := reg.NewPipeline(convert.Options{Now: fixedNow, Region: "DE", OmitChanges: true})
	withChanges := 0
	for from, docs := range omitInputs(t, reg) {
		for k, doc := range docs {
			want, err := full.Validate(from, doc)
			if err != nil {
				t.Fatal(err)
			}
			got, err := lean.Validate(from, doc)
			if err != nil {
				t.Fatal(err)
			}
			sameWithoutChanges(t, fmt.Sprintf("validate %s #%d", from, k), want, got)
			for _, to := range reg.Names() {
				want, err := full.Convert(from, to, doc)
				if err != nil {
					t.Fatal(err)
				}
				got, err := lean.Convert(from, to, doc)
				if err != nil {
					t.Fatal(err)
				}
				if len(want.Changes) > 0 {
					withChanges++
				}
				sameWithoutChanges(t, from+" → "+to+": "+string(doc), want, got)
			}
		}
	}
	if withChanges == 0 {
		t.Fatal("no conversion listed a change: the comparison proves nothing")
	}
}

// TestBuiltinsOmitChanges: every provider format custnorm ships encodes
// without changes, and gives the issues of encoding without the document,
// itself. (The canonical format lists no changes and no issues when it
// encodes, so the pipeline's fallbacks are all it needs.)
func TestBuiltinsOmitChanges(t *testing.T) {
	reg := convert.Builtin()
	for _, name := range reg.Names() {
		conv, _ := reg.Lookup(name)
		if _, ok := conv.(convert.ChangeOmitter); !ok && name != convert.CanonicalName {
			t.Errorf("%s is not a ChangeOmitter", name)
		}
		if _, ok := conv.(convert.IssueEncoder); !ok && name != convert.CanonicalName {
			t.Errorf("%s is not an IssueEncoder", name)
		}
	}
}

// plain hides every method of a converter but those of Converter, and
// takes another name.
type plain struct{ convert.Converter }

func (p plain) Name() string { return "plain-" + p.Converter.Name() }

// TestOmitChangesFallback: with a registered converter that cannot encode
// without changes, the pipeline calls Encode and leaves the changes out.
func TestOmitChangesFallback(t *testing.T) {
	reg := convert.Builtin()
	stancer, _ := reg.Lookup("stancer")
	if err := reg.Register(plain{stancer}); err != nil {
		t.Fatal(err)
	}
	doc := []byte(`{"contact":{"forename":"Anna","surname":"Schmidt","email":"anna@example.com","mobile":"+4915123456789","address":{"city":"Berlin","country":"DE"}}}`)
	full := reg.NewPipeline(convert.Options{Now: fixedNow})
	lean := reg.NewPipeline(convert.Options{Now: fixedNow, OmitChanges: true})
	want, err := full.Convert("secuconnect", "plain-stancer", doc)
	if err != nil {
		t.Fatal(err)
	}
	if len(want.Changes) == 0 {
		t.Fatal("the conversion lists no change: the test proves nothing")
	}
	got, err := lean.Convert("secuconnect", "plain-stancer", doc)
	if err != nil {
		t.Fatal(err)
	}
	sameWithoutChanges(t, "secuconnect → plain-stancer", want, got)
}

// The CLI converts without --report this way: the same documents and
// issues, the mobile number still normalized, but no list of what changed
// (the joined name, the normalized number, the address Stancer cannot
// hold).
func ExampleOptions_omitChanges() {
	p := convert.Builtin().NewPipeline(convert.Options{OmitChanges: true})
	res, err := p.Convert("secuconnect", "stancer", []byte(`{"contact":{"forename":"Anna","surname":"Schmidt","email":"anna@example.com","mobile":"0151 23456789","address":{"street":"Hauptstraße","street_number":"5","postal_code":"10115","city":"Berlin","country":"DE"}}}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(res.OK, string(res.Output))
	for _, i := range res.Issues {
		fmt.Println(i.Severity, i.Path, i.Code)
	}
	fmt.Println("changes omitted:", res.Changes == nil)
	// Output:
	// true {"name":"Anna Schmidt","email":"anna@example.com","mobile":"+4915123456789"}
	// changes omitted: true
}
