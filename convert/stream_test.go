package convert_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/custnorm/custnorm/convert"
	"github.com/custnorm/custnorm/schema"
	"github.com/custnorm/custnorm/validate"
)

// streamed is what a test keeps of one StreamRecord.
type streamed struct {
	Number, Line int
	Format       string
	OK           bool
	Input        string
	Paths        []string
}

func runStream(t *testing.T, ctx context.Context, in io.Reader, opt convert.StreamOptions) ([]streamed, string, convert.StreamStats, error) {
	t.Helper()
	var got []streamed
	opt.Record = func(r *convert.StreamRecord) error {
		s := streamed{Number: r.Number, Line: r.Line, Format: r.Format, OK: r.Result.OK, Input: string(r.Input)}
		for _, i := range r.Result.Issues {
			if i.Severity == validate.SeverityError {
				s.Paths = append(s.Paths, string(i.Path)+" "+string(i.Code))
			}
		}
		got = append(got, s)
		return nil
	}
	var out bytes.Buffer
	stats, err := convert.Builtin().NewPipeline(convert.Options{Now: fixedNow}).Stream(ctx, in, &out, opt)
	return got, out.String(), stats, err
}

// TestStream: the records of NDJSON input, a container document among
// them, come out in order, numbered across the input, with their lines,
// and the accepted ones are written in the input's framing.
func TestStream(t *testing.T) {
	in := strings.Join([]string{
		`{"contact":{"forename":"John","surname":"Doe","email":"john@example.com"}}`,
		``,
		`{"count":2,"data":[{"contact":{"forename":"Jane","surname":"Roe","email":"jane.example.com"}},{"contact":{"forename":"Max","surname":"Muster","email":"max@example.com"}}]}`,
		`{"contact":`,
		`{"contact":{"forename":"Ann","surname":"Lee","email":"ann@example.com"}}`,
	}, "\n") + "\n"
	got, out, stats, err := runStream(t, context.Background(), strings.NewReader(in), convert.StreamOptions{From: "secuconnect", To: "stancer", Workers: 3})
	if err != nil {
		t.Fatal(err)
	}
	want := []streamed{
		{Number: 1, Line: 1, Format: "secuconnect", OK: true, Input: `{"contact":{"forename":"John","surname":"Doe","email":"john@example.com"}}`},
		{Number: 2, Line: 3, Format: "secuconnect", Input: `{"contact":{"forename":"Jane","surname":"Roe","email":"jane.example.com"}}`, Paths: []string{"/data/0/contact/email invalid_email"}},
		{Number: 3, Line: 3, Format: "secuconnect", OK: true, Input: `{"contact":{"forename":"Max","surname":"Muster","email":"max@example.com"}}`},
		{Number: 4, Line: 4, Format: "secuconnect", Input: `{"contact":`, Paths: []string{" invalid_json"}},
		{Number: 5, Line: 5, Format: "secuconnect", OK: true, Input: `{"contact":{"forename":"Ann","surname":"Lee","email":"ann@example.com"}}`},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("records (-want +got):\n%s", diff)
	}
	if stats.Records != 5 || stats.Accepted != 3 || stats.Rejected != 2 {
		t.Errorf("stats %+v", stats)
	}
	var names []string
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var doc struct{ Name string }
		if err := json.Unmarshal([]byte(l), &doc); err != nil {
			t.Fatalf("output line %q: %v", l, err)
		}
		names = append(names, doc.Name)
	}
	if diff := cmp.Diff([]string{"John Doe", "Max Muster", "Ann Lee"}, names); diff != "" {
		t.Errorf("output (-want +got):\n%s", diff)
	}
}

// TestStreamFraming: an array comes out as an array, pretty-printed
// documents as indented documents, a list record's line is where its text
// starts, and auto detection names each record's format.
func TestStreamFraming(t *testing.T) {
	in := "[\n" + `{"name":"David Coaster","email":"david@example.net"},` + "\n" +
		`{"firstName":"Ray","lastName":"Ankunding","email":"ray@example.com"}` + "\n]\n"
	got, out, _, err := runStream(t, context.Background(), strings.NewReader(in), convert.StreamOptions{From: convert.AutoFormat, Detector: schema.New(), To: "canonical"})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Format != "stancer" || got[1].Format != "riverty" || got[0].Line != 2 || got[1].Line != 3 {
		t.Errorf("records %+v", got)
	}
	var arr []map[string]any
	if err := json.Unmarshal([]byte(out), &arr); err != nil || len(arr) != 2 {
		t.Errorf("output is not an array of 2: %v\n%s", err, out)
	}

	list := "{\n \"count\": 2,\n \"data\": [\n  {\"contact\": {\"forename\": \"Jane\", \"surname\": \"Roe\"}},\n\n  {\"contact\": {\"forename\": \"Max\", \"surname\": \"Muster\"}}\n ]\n}\n"
	got, _, _, err = runStream(t, context.Background(), strings.NewReader(list), convert.StreamOptions{From: "secuconnect"})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Line != 4 || got[1].Line != 6 {
		t.Errorf("list records: %+v", got)
	}
}

// TestStreamCancel: a canceled context ends the stream at a record
// boundary: every record passed to Record is written (or rejected), the
// output ends with a whole line, and the error is the context's.
func TestStreamCancel(t *testing.T) {
	pr, pw := io.Pipe()
	go func() {
		line := `{"name":"David Coaster","email":"david@example.net"}` + "\n"
		for {
			if _, err := io.WriteString(pw, line); err != nil {
				return
			}
		}
	}()
	defer pr.Close()
	ctx, cancel := context.WithCancel(context.Background())
	var records int
	var out bytes.Buffer
	stats, err := convert.Builtin().NewPipeline(convert.Options{}).Stream(ctx, pr, &out, convert.StreamOptions{
		From: "stancer", To: "stancer",
		Record: func(r *convert.StreamRecord) error {
			records++
			if r.Number != records {
				t.Errorf("record %d numbered %d", records, r.Number)
			}
			if records == 5000 {
				cancel()
			}
			return nil
		},
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v, want context.Canceled", err)
	}
	if stats.Records != records || records < 5000 {
		t.Errorf("stats %+v, %d records seen", stats, records)
	}
	if n := strings.Count(out.String(), "\n"); n != stats.Accepted || !strings.HasSuffix(out.String(), "}\n") {
		t.Errorf("%d output lines, %d accepted; output ends %q", n, stats.Accepted, out.String()[max(0, out.Len()-20):])
	}
}

// TestStreamErrors: unknown formats fail before reading; a failing Record
// ends the stream as a write error.
func TestStreamErrors(t *testing.T) {
	p := convert.Builtin().NewPipeline(convert.Options{})
	if _, err := p.Stream(context.Background(), strings.NewReader("{}"), nil, convert.StreamOptions{From: "nope"}); err == nil {
		t.Error("unknown From: no error")
	}
	if _, err := p.Stream(context.Background(), strings.NewReader("{}"), nil, convert.StreamOptions{From: convert.AutoFormat}); err == nil {
		t.Error("auto without a Detector: no error")
	}
	boom := errors.New("boom")
	_, err := p.Stream(context.Background(), strings.NewReader(strings.Repeat("{}\n", 10)), nil, convert.StreamOptions{
		From: "stancer", Record: func(*convert.StreamRecord) error { return boom },
	})
	var se *convert.StreamError
	if !errors.As(err, &se) || se.Op != "write" || !errors.Is(err, boom) {
		t.Errorf("err %v, want a write StreamError wrapping boom", err)
	}
}

// TestConvertContainer: Registry.Convert and Validate of a secuconnect list
// give one result per record, with pointers into the list.
func TestConvertContainer(t *testing.T) {
	list := []byte(`{"count":2,"data":[{"contact":{"forename":"Jane","surname":"Roe","email":"jane.example.com"}},{"contact":{"forename":"Max","surname":"Muster","email":"max@example.com"}}]}`)
	reg := convert.Builtin()
	res, err := reg.Convert("secuconnect", "stancer", list, convert.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.OK || len(res.Records) != 2 || res.Records[0].OK || !res.Records[1].OK || res.Output != nil {
		t.Fatalf("result: ok %v, %d records", res.OK, len(res.Records))
	}
	if !hasIssueAt(res.Issues, "/data/0/contact/email") || !hasIssueAt(res.Records[0].Issues, "/data/0/contact/email") || hasIssueAt(res.Records[1].Issues, "/data/0/contact/email") {
		t.Errorf("issues %v; of the records: %v, %v", res.Issues, res.Records[0].Issues, res.Records[1].Issues)
	}
	if !bytes.Contains(res.Records[1].Output, []byte(`"Max Muster"`)) {
		t.Errorf("second record's output %s", res.Records[1].Output)
	}
	v, err := reg.Validate("secuconnect", list, convert.Options{})
	if err != nil || v.OK || len(v.Records) != 2 {
		t.Errorf("Validate: %v, ok %v, %d records", err, v.OK, len(v.Records))
	}
}

func hasIssueAt(s validate.Issues, p validate.Pointer) bool {
	for _, i := range s {
		if i.Path == p {
			return true
		}
	}
	return false
}

func ExamplePipeline_Stream() {
	in := strings.NewReader(`{"name":"David Coaster","email":"david@example.net"}
{"name":"Eve Example","email":"eve.example.com"}
`)
	p := convert.Builtin().NewPipeline(convert.Options{})
	stats, err := p.Stream(context.Background(), in, io.Discard, convert.StreamOptions{
		From: "stancer",
		To:   "canonical",
		Record: func(r *convert.StreamRecord) error {
			for _, i := range r.Result.Issues {
				fmt.Printf("record %d (line %d): %s: %s\n", r.Number, r.Line, i.Path, i.Code)
			}
			return nil
		},
	})
	fmt.Println(stats, err)
	// Output:
	// record 2 (line 2): /email: invalid_email
	// {2 1 1 0} <nil>
}
