package stream

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"sync/atomic"
	"testing"
	"testing/iotest"
	"time"
)

// tunit is the unit of the pump tests.
type tunit struct {
	record int
	reason string
}

// frame cuts in with a framer of limit max and describes the records:
// their data, "<too large>" or "<broken: data>".
func frame(t testing.TB, in io.Reader, max int) (Framing, []string) {
	t.Helper()
	f, err := NewFramer(in, max)
	if err != nil {
		t.Fatalf("NewFramer: %v", err)
	}
	var recs []string
	for {
		rec, ok, err := f.Next()
		if err != nil {
			t.Fatalf("next: %v", err)
		}
		if !ok {
			return f.mode, recs
		}
		if rec.Num != len(recs)+1 {
			t.Fatalf("record %d numbered %d", len(recs)+1, rec.Num)
		}
		switch {
		case rec.TooLarge:
			recs = append(recs, "<too large>")
		case rec.Broken:
			recs = append(recs, "<broken: "+string(rec.Data)+">")
		default:
			recs = append(recs, string(rec.Data))
		}
	}
}

func TestFramer(t *testing.T) {
	const max = 24
	for _, tc := range []struct {
		name, in string
		mode     Framing
		recs     []string
	}{
		{"empty", "", Empty, nil},
		{"spaces", " \r\n\t", Empty, nil},
		{"one line", `{"a":1}`, Lines, []string{`{"a":1}`}},
		{"lines", "{\"a\":1}\n\n  {\"b\":2}  \r\n", Lines, []string{`{"a":1}`, `{"b":2}`}},
		{"lines not objects", "1\n\"x\"\nnull\n", Lines, []string{"1", `"x"`, "null"}},
		{"broken first line", "{\"a\":\n{\"b\":2}\n", Lines, []string{`{"a":`, `{"b":2}`}},
		{"value then garbage on line", "{\"a\":1} x\n{\"b\":2}\n", Lines, []string{`{"a":1} x`, `{"b":2}`}},
		{"line at the limit", strings.Repeat(" ", 3) + `{"a":"` + strings.Repeat("x", max-8) + `"}` + "\n{}", Lines, []string{`{"a":"` + strings.Repeat("x", max-8) + `"}`, "{}"}},
		{"line over the limit", `{"a":"` + strings.Repeat("x", max-7) + `"}` + "\n{}", Lines, []string{"<too large>", "{}"}},
		{"long blank line", strings.Repeat(" ", 5*max) + "\n{}", Lines, []string{"{}"}},
		{"pretty", "{\n \"a\": 1\n}\n", Documents, []string{"{\n \"a\": 1\n}"}},
		{"pretty sequence", "{\n\"a\":1\n} {\"b\":\n2}\n7 x", Documents, []string{"{\n\"a\":1\n}", "{\"b\":\n2}", "7", "x"}},
		{"pretty with strings", "{\n\"a\":\"}]\\\"{\"\n}", Documents, []string{"{\n\"a\":\"}]\\\"{\"\n}"}},
		{"pretty too large", "{\n\"a\":\n1}\n{\n\"b\":\"" + strings.Repeat("y", 2*max) + "\"\n}\n{\n}", Documents, []string{"{\n\"a\":\n1}", "<too large>", "{\n}"}},
		{"pretty unterminated", "{\n\"a\":1\n}\n{\"b\":[", Documents, []string{"{\n\"a\":1\n}", `<broken: {"b":[>`}},
		{"pretty stray closer", "{\n}\n}{\n}", Documents, []string{"{\n}", "}", "{\n}"}},
		{"array", `[{"a":1}, 2 ,"s",{"b":[1,{}]} ]`, Array, []string{`{"a":1}`, "2", `"s"`, `{"b":[1,{}]}`}},
		{"array strings with brackets", `["]", "\"]", {"x":"[{"}]`, Array, []string{`"]"`, `"\"]"`, `{"x":"[{"}`}},
		{"array empty", " [ \n ] \n", Array, nil},
		{"array element too large", `[1,"` + strings.Repeat("z", 3*max) + `",3]`, Array, []string{"1", "<too large>", "3"}},
		{"array nested too large", `[[` + strings.Repeat("[1],", 3*max) + `[]],3]`, Array, []string{"<too large>", "3"}},
		{"array missing comma", `[1 2]`, Array, []string{"1", "<broken: >"}},
		{"array trailing comma", `[1,]`, Array, []string{"1", "<broken: >"}},
		{"array leading comma", `[,1]`, Array, []string{",", "<broken: >"}},
		{"array unterminated", `[1,`, Array, []string{"1", "<broken: >"}},
		{"array open", `[`, Array, []string{"<broken: >"}},
		{"array unterminated element", `[1,{"a":"b`, Array, []string{"1", `<broken: {"a":"b>`}},
		{"array then more", `[1] [2]`, Array, []string{"1", "<broken: >"}},
		{"array then spaces", "[1]\n\n", Array, []string{"1"}},
		{"byte order mark", "\xEF\xBB\xBF{\"a\":1}", Lines, []string{`{"a":1}`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, wrap := range []struct {
				name string
				r    func(io.Reader) io.Reader
			}{
				{"whole", func(r io.Reader) io.Reader { return r }},
				{"byte by byte", iotest.OneByteReader},
				{"half", iotest.HalfReader},
				{"data with EOF", iotest.DataErrReader},
			} {
				mode, recs := frame(t, wrap.r(strings.NewReader(tc.in)), max)
				if mode != tc.mode || fmt.Sprintf("%q", recs) != fmt.Sprintf("%q", tc.recs) {
					t.Errorf("%s: %s %q, want %s %q", wrap.name, mode, recs, tc.mode, tc.recs)
				}
			}
		})
	}
}

// TestFramerFirstValueOverLimit checks a first value over the limit that
// spans lines: when its end is within the look-ahead (the limit plus
// readerSlack) it is one document, rejected whole; beyond, the input is read
// as lines (each rejected on its own), and never held whole.
func TestFramerFirstValueOverLimit(t *testing.T) {
	for _, tc := range []struct {
		size int
		mode Framing
		recs []string
	}{
		{100, Documents, []string{"<too large>", "{}"}},
		{2 * readerSlack, Lines, []string{"{", "<too large>", "}", "{}"}},
	} {
		in := "{\n\"a\": \"" + strings.Repeat("x", tc.size) + "\"\n}\n{}"
		mode, recs := frame(t, strings.NewReader(in), 32)
		if mode != tc.mode || fmt.Sprint(recs) != fmt.Sprint(tc.recs) {
			t.Errorf("size %d: %s %q, want %s %q", tc.size, mode, recs, tc.mode, tc.recs)
		}
	}
}

func TestFramerReadError(t *testing.T) {
	boom := errors.New("boom")
	if _, err := NewFramer(iotest.ErrReader(boom), 16); !errors.Is(err, boom) {
		t.Errorf("NewFramer: %v, want boom", err)
	}
	for _, prefix := range []string{"{\"a\":1}\n", "[1,", "{\n\"a\":1\n}\n{"} {
		f, err := NewFramer(io.MultiReader(strings.NewReader(prefix), iotest.ErrReader(boom)), 16)
		if err != nil {
			t.Fatalf("%q: NewFramer: %v", prefix, err)
		}
		var last error
		for range 10 {
			_, ok, err := f.Next()
			if err != nil || !ok {
				last = err
				break
			}
		}
		if !errors.Is(last, boom) {
			t.Errorf("%q: next gave %v, want boom", prefix, last)
		}
	}
}

// TestFramerSlowProducer checks that deciding the Framing and cutting a
// line do not wait for more input than the line: a producer that writes one
// line and then waits gets that record at once.
func TestFramerSlowProducer(t *testing.T) {
	for _, lines := range [][]string{
		{`{"a":1}`, `{"b":2}`},
		{`1`, `{"b":2}`}, // a first line shorter than a byte-order mark
	} {
		t.Run(lines[0], func(t *testing.T) {
			pr, pw := io.Pipe()
			defer pw.Close()
			got := make(chan string)
			go func() {
				f, err := NewFramer(pr, 1<<20)
				if err != nil {
					got <- err.Error()
					return
				}
				for {
					rec, ok, err := f.Next()
					if err != nil || !ok {
						close(got)
						return
					}
					got <- string(rec.Data)
				}
			}()
			for _, line := range lines {
				go pw.Write([]byte(line + "\n"))
				select {
				case g := <-got:
					if g != line {
						t.Fatalf("got %q, want %q", g, line)
					}
				case <-time.After(5 * time.Second):
					t.Fatalf("record %s not delivered while the producer waits", line)
				}
			}
		})
	}
}

// TestFramerLinesStay holds on to every record of a long NDJSON input until
// the end: the lines share copy blocks (copyLine), and no later read, block
// or appending to a record may change an earlier one.
func TestFramerLinesStay(t *testing.T) {
	var in strings.Builder
	var want []string
	for k := range 3000 {
		line := fmt.Sprintf(`{"n":%d,"pad":"%s"}`, k, strings.Repeat("x", k%97))
		if k%500 == 0 {
			line = fmt.Sprintf(`{"n":%d,"big":"%s"}`, k, strings.Repeat("y", lineArena)) // not in a block
		}
		want = append(want, line)
		in.WriteString(line + "\n")
	}
	f, err := NewFramer(iotest.HalfReader(strings.NewReader(in.String())), 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	var recs [][]byte
	for {
		rec, ok, err := f.Next()
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			break
		}
		recs = append(recs, rec.Data)

	}
	if len(recs) != len(want) {
		t.Fatalf("%d records, want %d", len(recs), len(want))
	}
	for _, r := range recs {
		_ = append(r, "clobber"...) // must not reach the next record
	}
	for k, r := range recs {
		if string(r) != want[k] {
			t.Fatalf("record %d = %.40q…, want %.40q…", k+1, r, want[k])
		}
	}
}

func FuzzFramer(f *testing.F) {
	for _, s := range []string{"", "{}\n{}", "{\n}\n{", "[1,{\"a\":[\"]\"]}]", "[", "\xEF\xBB\xBF[", "{\"a\":\"\\\"\"}\n", "{\n\"a\":1\n} 2 ]"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		const max = 16
		mode, whole := frame(t, bytes.NewReader(in), max)
		mode2, bytewise := frame(t, iotest.OneByteReader(bytes.NewReader(in)), max)
		if mode != mode2 || fmt.Sprint(whole) != fmt.Sprint(bytewise) {
			t.Fatalf("Framing depends on read sizes:\n%s %q\n%s %q", mode, whole, mode2, bytewise)
		}
		for _, r := range whole {
			if len(r) > max && !strings.HasPrefix(r, "<") {
				t.Fatalf("record over the limit: %q", r)
			}
		}
		if mode == Lines {
			n := 0
			body := bytes.TrimPrefix(in, []byte(utf8BOM))
			for l := range bytes.SplitSeq(body, []byte("\n")) {
				if len(bytes.TrimSpace(l)) > 0 {
					n++
				}
			}
			if n != len(whole) {
				t.Fatalf("%d non-blank lines, %d records: %q", n, len(whole), whole)
			}
		}
	})
}

// TestPumpOrder runs records through workers that finish in random order
// and checks that they come out in input order, all of them, with no more
// than the budget in flight.
func TestPumpOrder(t *testing.T) {
	const n = 20000
	var in strings.Builder
	for k := range n {
		fmt.Fprintf(&in, "%d\n", k)
	}
	fr, err := NewFramer(strings.NewReader(in.String()), 64)
	if err != nil {
		t.Fatal(err)
	}
	var inFlight, maxInFlight atomic.Int64
	process := func(dst []tunit, rec Raw) []tunit {
		if v := inFlight.Add(1); v > maxInFlight.Load() {
			maxInFlight.Store(v)
		}
		if rand.IntN(100) == 0 {
			time.Sleep(time.Millisecond)
		}
		// Record 10 has no units, record 11 has three.
		switch rec.Num {
		case 10:
			return dst
		case 11:
			return append(dst, tunit{record: 11, reason: "a"}, tunit{record: 11, reason: "b"}, tunit{record: 11, reason: "c"})
		}
		return append(dst, tunit{record: rec.Num, reason: string(rec.Data)})
	}
	var got []tunit
	readErr, writeErr, _ := Pump(context.Background(), fr, 8, process, func(u tunit) error {
		inFlight.Add(-1)
		got = append(got, u)
		return nil
	}, func() error { return nil })
	if readErr != nil || writeErr != nil {
		t.Fatal(readErr, writeErr)
	}
	if len(got) != n+1 {
		t.Fatalf("%d units, want %d", len(got), n+1)
	}
	k := 0
	for num := 1; num <= n; num++ {
		switch num {
		case 10:
			continue
		case 11:
			for _, r := range []string{"a", "b", "c"} {
				if got[k].record != 11 || got[k].reason != r {
					t.Fatalf("unit %d: %+v", k, got[k])
				}
				k++
			}
			continue
		}
		if got[k].record != num || got[k].reason != fmt.Sprint(num-1) {
			t.Fatalf("unit %d: %+v, want record %d", k, got[k], num)
		}
		k++
	}
	if m := maxInFlight.Load(); m > flightBudget/cost([]byte("19999"))+1 {
		t.Errorf("%d records in flight, budget allows %d", m, flightBudget/cost([]byte("19999")))
	}
}

// TestPumpWriteError checks that a failing write stops the reading.
func TestPumpWriteError(t *testing.T) {
	boom := errors.New("boom")
	fr, err := NewFramer(strings.NewReader(strings.Repeat("1\n", 100000)), 64)
	if err != nil {
		t.Fatal(err)
	}
	var processed atomic.Int64
	_, writeErr, _ := Pump(context.Background(), fr, 2, func(dst []tunit, rec Raw) []tunit {
		processed.Add(1)
		return append(dst, tunit{record: rec.Num})
	}, func(u tunit) error {
		if u.record == 5 {
			return boom
		}
		return nil
	}, func() error { return nil })
	if !errors.Is(writeErr, boom) {
		t.Errorf("writeErr %v, want boom", writeErr)
	}
	if p := processed.Load(); p > 10000 {
		t.Errorf("%d records processed after the writer failed", p)
	}
}

func TestBudget(t *testing.T) {
	b := newBudget(10)
	b.acquire(30) // more than the budget: granted when nothing is in use
	done := make(chan bool)
	go func() {
		b.acquire(1)
		done <- true
	}()
	select {
	case <-done:
		t.Fatal("acquire passed a full budget")
	case <-time.After(20 * time.Millisecond):
	}
	b.release(30)
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("acquire not woken by release")
	}
}

// TestPumpFlushesWhileInputWaits: records that arrive in a burst and then
// nothing more, with the input still open, are flushed, whatever the size
// of the burst (one record, exactly one batch, two batches and a bit).
func TestPumpFlushesWhileInputWaits(t *testing.T) {
	for _, n := range []int{1, batchRecords, 2*batchRecords + 3} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			pr, pw := io.Pipe()
			go func() {
				_, _ = io.WriteString(pw, strings.Repeat("123\n", n))
			}()
			fr, err := NewFramer(pr, 64)
			if err != nil {
				t.Fatal(err)
			}
			emitted := 0
			flushed := make(chan int, 1024)
			done := make(chan error, 1)
			go func() {
				_, writeErr, _ := Pump(context.Background(), fr, 2, func(dst []tunit, rec Raw) []tunit {
					return append(dst, tunit{record: rec.Num})
				}, func(tunit) error {
					emitted++
					return nil
				}, func() error {
					flushed <- emitted
					return nil
				})
				done <- writeErr
			}()
			deadline := time.After(10 * time.Second)
		wait:
			for {
				select {
				case got := <-flushed:
					if got == n {
						break wait
					}
				case <-deadline:
					t.Fatalf("%d records written, never flushed while the input stayed open", n)
				}
			}
			pw.Close()
			if err := <-done; err != nil {
				t.Fatal(err)
			}
		})
	}
}
