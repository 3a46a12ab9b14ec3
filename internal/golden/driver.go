package golden

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/custnorm/custnorm/convert"
	"github.com/custnorm/custnorm/model"
	"github.com/custnorm/custnorm/validate"
)

// RunCorpus runs the corpus of a provider format, the same checks for
// every format. dir holds the documents the format reads (*.json) and,
// under invalid/, documents it rejects or finds suspicious.
//
// For each valid document, record by record (a container document of a
// convert.Lister is split first):
//
//   - Decode reports no error, and Encode of the record no error;
//   - <case>.customer.golden.json holds what Decode gave: the record, its
//     origins (every registered one, and where each value of the record
//     came from), the report, and Encode's report (for a container
//     document, a JSON array of those, each with the pointer "at" of its
//     record);
//   - <case>.out.golden.json holds what Encode wrote (an array for a
//     container document);
//   - provider → canonical → same provider loses nothing: the output is the
//     record except at the pointers of the changes Decode and Encode report
//     (Encode's mapped to the input through the origins), and nothing is
//     dropped but with rule read_only (a member of the provider's response
//     that its request does not take);
//   - decoding the output gives the record again, minus what Encode
//     dropped, and encoding that gives the output again (the go/printer
//     idempotence check);
//   - EncodeOmitChanges is Encode without the changes.
//
// For each document under invalid/: the issues of reading it as the
// provider would (Decode, then Encode to the same format with its issues
// mapped back to the input, without normalization) are at least one, and
// <case>.errors.golden.json lists them (path, code, severity).
func RunCorpus(t *testing.T, conv Converter, dir string) {
	t.Helper()
	for _, file := range Corpus(t, dir) {
		t.Run(conv.Name()+"/"+filepath.Base(file), func(t *testing.T) {
			checkValid(t, conv, file)
		})
	}
	invalid := filepath.Join(dir, "invalid")
	for _, file := range Corpus(t, invalid) {
		t.Run(conv.Name()+"/invalid/"+filepath.Base(file), func(t *testing.T) {
			rep := Validate(conv, ReadFile(t, file))
			if len(rep.Issues) == 0 {
				t.Errorf("reading %s reports no issue", file)
			}
			Check(t, strings.TrimSuffix(file, ".json")+".errors.golden.json", JSON(t, IssuesWithoutTargets(rep.Issues)))
		})
	}
}

// Record is the golden form of one decoded record.
type Record struct {
	At           *validate.Pointer                     `json:"at,omitempty"`
	Customer     model.Customer                        `json:"customer"`
	Origins      map[validate.Pointer]validate.Pointer `json:"origins"`
	Report       Report                                `json:"report"`
	EncodeReport Report                                `json:"encodeReport"`
}

// Report is the golden form of a validate.Report: issues without the
// (localized) message, sorted, and the changes in their order.
type Report struct {
	Issues  []FullIssue       `json:"issues"`
	Changes []validate.Change `json:"changes"`
}

// FullIssue is an issue as the goldens hold it: everything but the message.
type FullIssue struct {
	Path     validate.Pointer  `json:"path"`
	Target   *validate.Pointer `json:"target,omitempty"`
	Code     validate.Code     `json:"code"`
	Severity validate.Severity `json:"severity"`
	Params   validate.Params   `json:"params,omitempty"`
}

// reportOf returns the golden form of rep, normalized.
func reportOf(rep validate.Report) Report {
	rep.Normalize()
	g := Report{Issues: []FullIssue{}, Changes: rep.Changes}
	for _, i := range rep.Issues {
		g.Issues = append(g.Issues, FullIssue{i.Path, i.Target, i.Code, i.Severity, i.Params})
	}
	return g
}

// records splits data into its records when conv is a Lister and data a
// container document.
func records(conv Converter, data []byte) ([][]byte, []validate.Pointer, bool) {
	if l, ok := conv.(convert.Lister); ok {
		if recs, at, isList := l.Records(data); isList {
			return recs, at, true
		}
	}
	return [][]byte{data}, []validate.Pointer{""}, false
}

func checkValid(t *testing.T, conv Converter, file string) {
	data := ReadFile(t, file)
	recs, at, isList := records(conv, data)
	var goldens []Record
	var outs []json.RawMessage
	for i, rec := range recs {
		name := fmt.Sprintf("%s%s", filepath.Base(file), at[i])
		c, origins, rep := conv.Decode(rec)
		if rep.Issues.HasError() {
			t.Errorf("Decode(%s) issues %v, want no error", name, Issues(rep.Issues))
		}
		out, erep := conv.Encode(c)
		if erep.Issues.HasError() {
			t.Errorf("Encode(Decode(%s)) issues %v, want no error", name, Issues(erep.Issues))
		}
		g := Record{Customer: c, Origins: map[validate.Pointer]validate.Pointer{}, Report: reportOf(rep), EncodeReport: reportOf(erep)}
		for canon, src := range origins.All() {
			g.Origins[canon] = src
		}
		for _, p := range leafPointers(WithoutDropped(t, c, nil), "") {
			if p != "" {
				g.Origins[p] = origins.Of(p)
			}
		}
		if isList {
			g.At = &at[i]
		}
		goldens = append(goldens, g)
		outs = append(outs, out)

		checkRoundTrip(t, name, rec, out, &origins, rep, erep)
		again, _, _ := conv.Decode(out)
		if diff := cmp.Diff(WithoutDropped(t, c, erep.Changes), WithoutDropped(t, again, nil)); diff != "" {
			t.Errorf("Decode(Encode(Decode(%s))) differs from the record minus what Encode dropped (-want +got):\n%s", name, diff)
		}
		if out2, _ := conv.Encode(again); !bytes.Equal(out, out2) {
			t.Errorf("Encode(Decode(Encode(Decode(%s)))) = %s, want %s", name, out2, out)
		}
		CheckOmitChanges(t, conv, c)
	}
	base := strings.TrimSuffix(file, ".json")
	if isList {
		Check(t, base+".customer.golden.json", JSON(t, goldens))
		Check(t, base+".out.golden.json", JSON(t, outs))
		return
	}
	Check(t, base+".customer.golden.json", JSON(t, goldens[0]))
	Check(t, base+".out.golden.json", outs[0])
}

// checkRoundTrip checks provider → canonical → same provider for one
// record: out is rec except where a reported change says why.
func checkRoundTrip(t *testing.T, name string, rec, out []byte, origins *validate.Origins, rep, erep validate.Report) {
	t.Helper()
	changed := map[validate.Pointer]bool{}
	for _, ch := range rep.Changes {
		changed[ch.Path] = true
	}
	erep = validate.Report{Changes: slices.Clone(erep.Changes)}
	erep.Remap(origins)
	for _, ch := range erep.Changes {
		changed[ch.Path] = true
		if ch.Kind == validate.ChangeDropped && ch.Rule != "read_only" {
			t.Errorf("Encode(Decode(%s)) dropped %s (rule %s): provider → canonical → provider must lose nothing", name, ch.Path, ch.Rule)
		}
	}
	for _, p := range JSONDiff(Value(t, rec), Value(t, out), "") {
		if !changed[p] && !underChanged(p, changed) {
			t.Errorf("Encode(Decode(%s)) differs from the input at %s and no change says why\n in: %s\nout: %s", name, p, rec, out)
		}
	}
}

func underChanged(p validate.Pointer, changed map[validate.Pointer]bool) bool {
	for q := p; q != ""; {
		q = q.Parent()
		if changed[q] {
			return true
		}
	}
	return false
}

// Validate reads data as the provider would, as convert's Pipeline.Validate
// does but without normalization: Decode, then (unless Decode found an
// error and no value) Encode to the same format, whose issues are mapped back to data
// through the origins; an issue of the output with no origin takes its
// pointer in the output, which is the same format. The report is normalized
// and holds no changes.
func Validate(conv Converter, data []byte) validate.Report {
	c, origins, rep := conv.Decode(data)
	if !rep.Issues.HasError() || !c.IsZero() {
		_, issues := conv.EncodeOmitChanges(c)
		erep := validate.Report{Issues: issues}
		erep.Remap(&origins)
		for k, iss := range erep.Issues {
			if iss.Target != nil && iss.Path == "" {
				erep.Issues[k].Path = *iss.Target
			}
			erep.Issues[k].Target = nil
		}
		rep.Merge(erep)
	}
	rep.Changes = nil
	rep.Normalize()
	return rep
}

// JSONDiff lists the pointers, below at, where the decoded JSON values a
// and b differ: leaves that differ, and members or items present on one
// side only (each leaf of them).
func JSONDiff(a, b any, at validate.Pointer) []validate.Pointer {
	am, aObj := a.(map[string]any)
	bm, bObj := b.(map[string]any)
	if aObj && bObj {
		keys := make(map[string]bool, len(am)+len(bm))
		for k := range am {
			keys[k] = true
		}
		for k := range bm {
			keys[k] = true
		}
		var out []validate.Pointer
		for _, k := range slices.Sorted(maps.Keys(keys)) {
			av, inA := am[k]
			bv, inB := bm[k]
			switch {
			case inA && inB:
				out = append(out, JSONDiff(av, bv, at.AppendToken(k))...)
			case inA:
				out = append(out, leafPointers(av, at.AppendToken(k))...)
			default:
				out = append(out, leafPointers(bv, at.AppendToken(k))...)
			}
		}
		return out
	}
	if reflect.DeepEqual(a, b) {
		return nil
	}
	return []validate.Pointer{at}
}

// leafPointers returns the pointers of the leaves of v at at (at itself
// for a scalar or an empty container).
func leafPointers(v any, at validate.Pointer) []validate.Pointer {
	switch t := v.(type) {
	case map[string]any:
		if len(t) > 0 {
			var out []validate.Pointer
			for _, k := range slices.Sorted(maps.Keys(t)) {
				out = append(out, leafPointers(t[k], at.AppendToken(k))...)
			}
			return out
		}
	case []any:
		if len(t) > 0 {
			var out []validate.Pointer
			for i, e := range t {
				out = append(out, leafPointers(e, at.AppendIndex(i))...)
			}
			return out
		}
	}
	return []validate.Pointer{at}
}

// WithoutDropped returns c in its canonical JSON form (a generic value,
// provider sections expanded) without the values the changes list as
// dropped: exactly the value at each dropped pointer, an array item taken
// out of its array, and every object or array the removals leave empty
// taken out too (containers that were empty before stay).
func WithoutDropped(t testing.TB, c model.Customer, changes []validate.Change) any {
	t.Helper()
	v := Value(t, JSON(t, c))
	for _, ch := range changes {
		if ch.Kind == validate.ChangeDropped {
			v = mark(v, slices.Collect(ch.Path.Tokens()))
		}
	}
	if v, ok := prune(v); ok {
		return v
	}
	return map[string]any{}
}

// CustomerWithoutDropped is WithoutDropped as a record.
func CustomerWithoutDropped(t testing.TB, c model.Customer, changes []validate.Change) model.Customer {
	t.Helper()
	var out model.Customer
	if err := json.Unmarshal(JSON(t, WithoutDropped(t, c, changes)), &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// gone marks a removed value until prune takes it out.
type gone struct{}

// mark replaces the value at the reference tokens toks in v with gone.
func mark(v any, toks []string) any {
	if len(toks) == 0 {
		return gone{}
	}
	switch t := v.(type) {
	case map[string]any:
		if sub, ok := t[toks[0]]; ok {
			t[toks[0]] = mark(sub, toks[1:])
		}
	case []any:
		if i, err := strconv.Atoi(toks[0]); err == nil && i >= 0 && i < len(t) {
			t[i] = mark(t[i], toks[1:])
		}
	}
	return v
}

// prune takes out the gone values and the containers they leave empty. It
// reports false when v itself is gone.
func prune(v any) (any, bool) {
	switch t := v.(type) {
	case gone:
		return nil, false
	case map[string]any:
		had := len(t) > 0
		for k, e := range t {
			if p, ok := prune(e); ok {
				t[k] = p
			} else {
				delete(t, k)
			}
		}
		return t, !had || len(t) > 0
	case []any:
		had := len(t) > 0
		out := make([]any, 0, len(t))
		for _, e := range t {
			if p, ok := prune(e); ok {
				out = append(out, p)
			}
		}
		return out, !had || len(out) > 0
	}
	return v, true
}

// FuzzDecode is the property every provider format's FuzzDecode checks on
// data: Decode does not panic; its issues, changes and origins are JSON
// Pointers; EncodeOmitChanges is Encode without the changes; Encode writes
// JSON. For a record read without error, encoding is stable
// (Encode(Decode(Encode(c))) is Encode(c)), and when Encode changed
// nothing but dropping values, decoding its output gives the record minus
// exactly those values.
func FuzzDecode(t *testing.T, conv Converter, data []byte) {
	t.Helper()
	c, origins, rep := conv.Decode(data)
	for _, i := range rep.Issues {
		if !i.Path.IsValid() {
			t.Errorf("Decode(%q): issue %s at %q, not a JSON Pointer", data, i.Code, i.Path)
		}
	}
	for _, ch := range rep.Changes {
		if !ch.Path.IsValid() {
			t.Errorf("Decode(%q): change at %q, not a JSON Pointer", data, ch.Path)
		}
	}
	for canon, src := range origins.All() {
		if !canon.IsValid() || !src.IsValid() {
			t.Errorf("Decode(%q): origin %q of %q is not a JSON Pointer", data, src, canon)
		}
	}
	CheckOmitChanges(t, conv, c)
	out, erep := conv.Encode(c)
	if !json.Valid(out) {
		t.Fatalf("Encode(Decode(%q)) is not JSON: %s", data, out)
	}
	if rep.Issues.HasError() {
		return
	}
	again, _, _ := conv.Decode(out)
	if out2, _ := conv.Encode(again); !bytes.Equal(out, out2) {
		t.Errorf("Encode is not stable for %q: %s, then %s", data, out, out2)
	}
	for _, ch := range erep.Changes {
		if ch.Kind != validate.ChangeDropped {
			return
		}
	}
	if diff := cmp.Diff(WithoutDropped(t, c, erep.Changes), WithoutDropped(t, again, nil)); diff != "" {
		t.Errorf("Decode(Encode(Decode(%q))) differs from the record minus what Encode dropped (-want +got):\n%s\noutput: %s", data, diff, out)
	}
}
