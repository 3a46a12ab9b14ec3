package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// sample is the bundled sample input: six secuconnect records, the sixth
// rejected (a German-order date of birth).
func sample(t *testing.T) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "sample", "secuconnect.ndjson"))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestOutputIsTheInput: an output that is the input, or another output,
// is a usage error before anything is opened for writing, and the input is
// left as it was; named by the same path, through another path to the same
// file, or as standard input or output.
func TestOutputIsTheInput(t *testing.T) {
	data := sample(t)
	dir := t.TempDir()
	in := filepath.Join(dir, "in.ndjson")
	link := filepath.Join(dir, "link.ndjson")
	other := filepath.Join(dir, "other.ndjson")
	reset := func() {
		t.Helper()
		if err := os.WriteFile(in, data, 0o644); err != nil {
			t.Fatal(err)
		}
		os.Remove(link)
		if err := os.Link(in, link); err != nil {
			t.Fatal(err)
		}
		os.Remove(other)
	}
	conv := []string{"convert", "--from", "secuconnect", "--to", "stancer"}
	for _, tc := range []struct {
		name  string
		args  []string
		stdin bool // the input comes from standard input, opened on in
	}{
		{"--report is the input", append(conv, "--report", in, in), false},
		{"-o is the input", append(conv, "-o", in, in), false},
		{"--rejects is the input", append(conv, "--rejects", in, in), false},
		{"--report is the input by another path", append(conv, "--report", filepath.Join(dir, ".", "in.ndjson"), in), false},
		{"--report is a hard link to the input", append(conv, "--report", link, in), false},
		{"--report is standard input", append(conv, "--report", in), true},
		{"-o is --report", append(conv, "-o", other, "--report", other, in), false},
		{"validate --report is the input", []string{"validate", "--as", "secuconnect", "--report", in, in}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			reset()
			cmd := exec.Command(bin(t), tc.args...)
			if tc.stdin {
				f, err := os.Open(in)
				if err != nil {
					t.Fatal(err)
				}
				defer f.Close()
				cmd.Stdin = f
			}
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			err := cmd.Run()
			if code := exitCode(t, err); code != exitUsage || !strings.Contains(stderr.String(), "are the same file") {
				t.Errorf("exit %d, want %d and a message; stderr:\n%s", code, exitUsage, stderr.String())
			}
			if got, _ := os.ReadFile(in); !bytes.Equal(got, data) {
				t.Errorf("the input was changed: %d bytes, was %d", len(got), len(data))
			}
			if _, err := os.Stat(other); !os.IsNotExist(err) {
				t.Errorf("an output was created before the check: %v", err)
			}
		})
	}
	t.Run("standard output is the input", func(t *testing.T) {
		reset()
		out, err := os.OpenFile(in, os.O_WRONLY|os.O_APPEND, 0)
		if err != nil {
			t.Fatal(err)
		}
		defer out.Close()
		cmd := exec.Command(bin(t), append(conv, in)...)
		cmd.Stdout = out
		if code := exitCode(t, cmd.Run()); code != exitUsage {
			t.Errorf("exit %d, want %d", code, exitUsage)
		}
		if got, _ := os.ReadFile(in); !bytes.Equal(got, data) {
			t.Errorf("the input was changed: %d bytes, was %d", len(got), len(data))
		}
	})
	t.Run("/dev/null twice is fine", func(t *testing.T) {
		reset()
		r := runBin(t, nil, append(conv, "-o", os.DevNull, "--report", os.DevNull, in)...)
		if r.code != exitRejected {
			t.Errorf("exit %d, want %d: %s", r.code, exitRejected, r.stderr)
		}
	})
}

// exitCode is the exit status of a finished command.
func exitCode(t *testing.T, err error) int {
	t.Helper()
	if err == nil {
		return 0
	}
	ee, ok := err.(*exec.ExitError)
	if !ok {
		t.Fatalf("running custnorm: %v", err)
	}
	if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		return 128 + int(ws.Signal())
	}
	return ee.ExitCode()
}

// manyRecords is n secuconnect records as NDJSON, every tenth rejected.
func manyRecords(n int) string {
	var b strings.Builder
	for k := range n {
		dob := "1980-01-02"
		if k%10 == 9 {
			dob = "02.01.1980"
		}
		fmt.Fprintf(&b, `{"contact":{"forename":"Ann%d","surname":"Example","email":"ann%d@example.com","dob":"%s","phone":"+49 30 1234567","address":{"street":"Hauptstr.","street_number":"%d","postal_code":"10115","city":"Berlin","country":"DE"}}}`+"\n", k, k, dob, k%200+1)
	}
	return b.String()
}

// TestReportToAFIFO: --report to a FIFO whose reader leaves ends the run
// (a broken pipe, status 141) instead of hanging: the report is opened
// write-only, so custnorm holds no read end of its own.
func TestReportToAFIFO(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "report.fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	in := writeFile(t, "in.ndjson", manyRecords(20000))
	cmd := exec.Command(bin(t), "convert", "--from", "secuconnect", "--to", "stancer", "--report", fifo, "-o", os.DevNull, in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	r, err := os.Open(fifo) // the reader: one line, then it goes
	if err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(r).ReadString('\n')
	r.Close()
	if err != nil || !json.Valid([]byte(line)) {
		t.Fatalf("first report line %q: %v", line, err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if code := exitCode(t, err); code != exitBrokenPipe {
			t.Errorf("exit %d, want %d; stderr:\n%s", code, exitBrokenPipe, stderr.String())
		}
	case <-time.After(30 * time.Second):
		cmd.Process.Kill()
		t.Fatal("custnorm still runs 30 s after the report's reader left")
	}
}

// TestBrokenStdout: standard output closed by its reader (custnorm … |
// head -1) ends the run with status 141, and the report ends at a whole
// record.
func TestBrokenStdout(t *testing.T) {
	in := writeFile(t, "in.ndjson", manyRecords(50000))
	report := filepath.Join(t.TempDir(), "report.ndjson")
	cmd := exec.Command(bin(t), "convert", "--from", "secuconnect", "--to", "stancer", "--report", report, in)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if _, err := bufio.NewReader(out).ReadString('\n'); err != nil {
		t.Fatal(err)
	}
	out.Close()
	if code := exitCode(t, cmd.Wait()); code != exitBrokenPipe {
		t.Errorf("exit %d, want %d; stderr:\n%s", code, exitBrokenPipe, stderr.String())
	}
	checkWholeLines(t, "report", report)
}

// checkWholeLines checks that every line of the file is a JSON document
// and that the file ends with a newline; it returns the documents.
func checkWholeLines(t *testing.T, what, path string) []map[string]any {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return wholeLines(t, what, data)
}

func wholeLines(t *testing.T, what string, data []byte) []map[string]any {
	t.Helper()
	if len(data) > 0 && data[len(data)-1] != '\n' {
		t.Errorf("%s ends in the middle of a line: …%q", what, data[max(0, len(data)-40):])
	}
	var out []map[string]any
	for k, line := range bytes.Split(bytes.TrimSuffix(data, []byte("\n")), []byte("\n")) {
		if len(line) == 0 {
			continue
		}
		var m map[string]any
		if err := json.Unmarshal(line, &m); err != nil {
			t.Fatalf("%s line %d is not a JSON document: %v: %.80q", what, k+1, err, line)
		}
		out = append(out, m)
	}
	return out
}

// TestSignalEndsAtARecord: SIGTERM or SIGINT in the middle of a stream
// ends the run with 143 or 130, a summary, and outputs that end at the same
// whole record: every line of standard output and of the report is a JSON
// document, and the report lists records 1 … N, one line each, with exactly
// as many accepted as standard output holds. Both a stream that keeps
// coming and one whose producer has stopped (custnorm is blocked reading)
// are stopped.
func TestSignalEndsAtARecord(t *testing.T) {
	for _, tc := range []struct {
		sig    syscall.Signal
		status int
		stall  bool
	}{
		{syscall.SIGTERM, 143, false},
		{syscall.SIGINT, 130, false},
		{syscall.SIGTERM, 143, true},
	} {
		t.Run(fmt.Sprintf("%v stall=%v", tc.sig, tc.stall), func(t *testing.T) {
			report := filepath.Join(t.TempDir(), "report.ndjson")
			cmd := exec.Command(bin(t), "convert", "--from", "secuconnect", "--to", "stancer", "--report", report)
			stdin, err := cmd.StdinPipe()
			if err != nil {
				t.Fatal(err)
			}
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			chunk := manyRecords(2000)
			stop := make(chan struct{})
			fed := make(chan struct{})
			go func() {
				defer close(fed)
				for k := 0; ; k++ {
					if tc.stall && k == 3 {
						<-stop // the producer waits, the input stays open
						return
					}
					select {
					case <-stop:
						return
					default:
					}
					if _, err := io.WriteString(stdin, chunk); err != nil {
						return
					}
				}
			}()
			// Signal once records are coming out (the report has been
			// flushed at least once), however slow the machine.
			for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(20 * time.Millisecond) {
				if fi, err := os.Stat(report); err == nil && fi.Size() > 0 {
					break
				}
				if time.Now().After(deadline) {
					cmd.Process.Kill()
					t.Fatal("no report written within 20 s")
				}
			}
			if err := cmd.Process.Signal(tc.sig); err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			var werr error
			select {
			case werr = <-done:
			case <-time.After(20 * time.Second):
				cmd.Process.Kill()
				t.Fatal("custnorm did not stop within 20 s of the signal")
			}
			close(stop)
			stdin.Close()
			<-fed
			if code := exitCode(t, werr); code != tc.status {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tc.status, stderr.String())
			}
			if !strings.Contains(stderr.String(), "stopped by") || !strings.Contains(stderr.String(), "accepted") {
				t.Errorf("no stop notice with the counts on stderr:\n%s", stderr.String())
			}
			out := wholeLines(t, "standard output", stdout.Bytes())
			rep := checkWholeLines(t, "report", report)
			accepted := 0
			for k, l := range rep {
				if l["record"] != float64(k+1) {
					t.Fatalf("report line %d is record %v", k+1, l["record"])
				}
				if l["ok"] == true {
					accepted++
				}
			}
			if len(rep) == 0 || accepted != len(out) {
				t.Errorf("report lists %d records, %d accepted; standard output holds %d", len(rep), accepted, len(out))
			}
		})
	}
}

// TestOutputFlags: -o, --rejects, report lines with input lines,
// --summary json and --quiet, as a pipeline uses them.
func TestOutputFlags(t *testing.T) {
	data := sample(t)
	// Blank lines, so that line and record numbers differ.
	in := writeFile(t, "in.ndjson", "\n"+strings.Replace(string(data), "\n", "\n\n", 2))
	dir := t.TempDir()
	out, rejects, report := filepath.Join(dir, "out.ndjson"), filepath.Join(dir, "rejects.ndjson"), filepath.Join(dir, "report.ndjson")
	r := runBin(t, nil, "convert", "--from", "secuconnect", "--to", "stancer", "-o", out, "--rejects", rejects, "--report", report, "--summary", "json", in)
	if r.code != exitRejected || r.stdout != "" {
		t.Fatalf("exit %d, stdout %q; stderr:\n%s", r.code, r.stdout, r.stderr)
	}
	if got := len(checkWholeLines(t, "-o", out)); got != 5 {
		t.Errorf("-o holds %d records, want 5", got)
	}
	inLines := strings.Split(string(data), "\n")
	if got, _ := os.ReadFile(rejects); string(got) != inLines[5]+"\n" {
		t.Errorf("--rejects holds %q, want the sixth input record verbatim", got)
	}
	wantLines := []float64{2, 4, 6, 7, 8, 9}
	for k, l := range checkWholeLines(t, "--report", report) {
		if l["record"] != float64(k+1) || l["line"] != wantLines[k] {
			t.Errorf("report line %d: record %v line %v, want record %d line %v", k+1, l["record"], l["line"], k+1, wantLines[k])
		}
	}
	var sum struct {
		Command                           string
		Read, Written, Rejected, Warnings int
		Codes                             map[string]int
		Status                            int
	}
	if err := json.Unmarshal([]byte(r.stderr), &sum); err != nil {
		t.Fatalf("--summary json: stderr is not one JSON object: %v\n%s", err, r.stderr)
	}
	if sum.Command != "convert" || sum.Read != 6 || sum.Written != 5 || sum.Rejected != 1 || sum.Codes["invalid_date"] != 1 || sum.Status != exitRejected {
		t.Errorf("--summary json: %+v", sum)
	}

	r = runBin(t, nil, "convert", "--from", "secuconnect", "--to", "stancer", "--quiet", "-o", os.DevNull, in)
	if r.code != exitRejected || !strings.HasPrefix(r.stderr, "record 6: /contact/dob: invalid_date:") || strings.Contains(r.stderr, "warning") || strings.Count(r.stderr, "\n") != 1 {
		t.Errorf("--quiet: exit %d, stderr:\n%s", r.code, r.stderr)
	}
	r = runBin(t, nil, "validate", "--as", "secuconnect", "--json", "-o", out, in)
	if r.code != exitRejected || r.stdout != "" || len(checkWholeLines(t, "validate -o", out)) != 6 {
		t.Errorf("validate --json -o: exit %d, stdout %q, stderr %s", r.code, r.stdout, r.stderr)
	}
}

// TestGzipInput: gzip-compressed input, a file or standard input, is read
// as the text inside.
func TestGzipInput(t *testing.T) {
	data := sample(t)
	var z bytes.Buffer
	zw := gzip.NewWriter(&z)
	zw.Write(data)
	zw.Close()
	path := writeFile(t, "in.ndjson.gz", z.String())
	plain := runBin(t, bytes.NewReader(data), "convert", "--from", "secuconnect", "--to", "stancer")
	for _, r := range []result{
		runBin(t, nil, "convert", "--from", "secuconnect", "--to", "stancer", path),
		runBin(t, bytes.NewReader(z.Bytes()), "convert", "--from", "secuconnect", "--to", "stancer"),
	} {
		if r.code != plain.code || r.stdout != plain.stdout || r.stdout == "" {
			t.Errorf("gzip input: exit %d, output %d bytes; plain: exit %d, %d bytes", r.code, len(r.stdout), plain.code, len(plain.stdout))
		}
	}
	broken := writeFile(t, "broken.gz", z.String()[:z.Len()/2])
	if r := runBin(t, nil, "convert", "--from", "secuconnect", "--to", "stancer", broken); r.code != exitUsage || !strings.Contains(r.stderr, "reading the input") {
		t.Errorf("truncated gzip: exit %d, stderr %s", r.code, r.stderr)
	}
}

// TestUsageHelp: -j, suggestions for misspelt names, --version, and a
// failing write of formats.
func TestUsageHelp(t *testing.T) {
	data := string(sample(t))
	if r := runCLI(t, data, "convert", "--from", "secuconnect", "--to", "stancer", "-j", "1"); r.code != exitRejected || len(lines(t, r.stdout)) != 5 {
		t.Errorf("-j 1: exit %d, stderr %s", r.code, r.stderr)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"convert", "--from", "secuconnect", "--to", "worldline-lookpu"}, `did you mean "worldline-lookup"?`},
		{[]string{"convert", "--from", "Stancr", "--to", "canonical"}, `did you mean "stancer"?`},
		{[]string{"conver", "--to", "stancer"}, `did you mean "convert"?`},
		{[]string{"convert", "--to", "stancer", "-j", "-1"}, "-j must not be negative"},
		{[]string{"convert", "--to", "stancer", "--summary", "xml"}, "--summary must be text or json"},
	} {
		if r := runCLI(t, "", tc.args...); r.code != exitUsage || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("%v: exit %d, stderr does not say %s:\n%.300s", tc.args, r.code, tc.want, r.stderr)
		}
	}
	if r := runCLI(t, "", "convert", "--to", "nothing-like-it"); strings.Contains(r.stderr, "did you mean") {
		t.Errorf("a far-off name gets a suggestion: %s", r.stderr)
	}
	r := runBin(t, nil, "--version")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "custnorm ") || !strings.Contains(r.stdout, "\ngo go1.") || !strings.Contains(r.stdout, "\nphone metadata phonenumbers v1.") {
		t.Errorf("--version: exit %d, %q", r.code, r.stdout)
	}
	if _, err := os.Stat("/dev/full"); err == nil {
		full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
		if err != nil {
			t.Fatal(err)
		}
		defer full.Close()
		for _, args := range [][]string{{"formats"}, {"schema", "stancer"}, {"--version"}, {"help"}, {"convert", "--from", "secuconnect", "--to", "stancer"}} {
			cmd := exec.Command(bin(t), args...)
			cmd.Stdin = strings.NewReader(data)
			cmd.Stdout = full
			if code := exitCode(t, cmd.Run()); code != exitUsage {
				t.Errorf("%v > /dev/full: exit %d, want %d", args, code, exitUsage)
			}
		}
	}
}

// TestMessagesFlag: --messages adds a language and overrides messages;
// a code the catalog lacks gets English; a bad catalog is a usage error;
// the summary speaks every shipped language.
func TestMessagesFlag(t *testing.T) {
	data := string(sample(t))
	cat := writeFile(t, "pt.json", `{"pt":{"invalid_date":"não é uma data válida"},"de":{"invalid_date":"ist kein Datum"}}`)
	r := runCLI(t, data, "validate", "--as", "secuconnect", "--json", "--lang", "pt-BR", "--messages", cat)
	if r.code != exitRejected || !strings.Contains(r.stdout, `"message":"não é uma data válida"`) {
		t.Errorf("--lang pt-BR with a pt catalog: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = runCLI(t, data, "validate", "--as", "secuconnect", "--lang", "de", "--messages", cat)
	if !strings.Contains(r.stderr, "invalid_date: ist kein Datum") || !strings.Contains(r.stderr, "Datensätze gelesen: 6") {
		t.Errorf("--lang de with an override:\n%s", r.stderr)
	}
	if r := runCLI(t, data, "validate", "--as", "secuconnect", "--lang", "pt"); r.code != exitUsage {
		t.Errorf("--lang pt without a catalog: exit %d", r.code)
	}
	// stancerShort's name is too short: no pt text, so English.
	if r := runCLI(t, stancerShort, "validate", "--as", "stancer", "--json", "--lang", "pt", "--messages", cat); !strings.Contains(r.stdout, `"message":"must be at least 4 characters long"`) {
		t.Errorf("a code the catalog lacks:\n%s", r.stdout)
	}
	bad := writeFile(t, "bad.json", `{"pt":{"too_long":"no mais de {maximum}"}}`)
	if r := runCLI(t, data, "validate", "--as", "secuconnect", "--messages", bad); r.code != exitUsage || !strings.Contains(r.stderr, "--messages") {
		t.Errorf("a bad catalog: exit %d, %s", r.code, r.stderr)
	}
	for lang, want := range map[string]string{
		"es": "registros leídos: 6, válidos: 5, rechazados: 1",
		"it": "record letti: 6, validi: 5, respinti: 1",
		"nl": "records gelezen: 6, geldig: 5, afgewezen: 1",
		"pl": "rekordy odczytane: 6, poprawne: 5, odrzucone: 1",
		"sv": "poster lästa: 6, giltiga: 5, avvisade: 1",
	} {
		if r := runCLI(t, data, "validate", "--as", "secuconnect", "--lang", lang); !strings.Contains(r.stderr, want) {
			t.Errorf("--lang %s summary:\n%s", lang, r.stderr)
		}
	}
}
