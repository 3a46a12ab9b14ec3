package main

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/custnorm/custnorm/convert"
	"github.com/custnorm/custnorm/validate"
)

// summaryText is the human summary in one language. Counts are written as
// "label: n" so no plural forms are needed.
type summaryText struct {
	// convertCounts and validateCounts take read, written (valid),
	// rejected, with warnings.
	convertCounts  string
	validateCounts string
	empty          string
	// record names a record: "record 3".
	record string
	// warning marks a warning's code: "invalid_phone (warning)".
	warning string
	// more takes the number of issues not shown and where they all are.
	more string
	// rejected lists rejected record numbers; moreRejected how many more.
	rejected     string
	moreRejected string
}

// summaryFor returns the summary's texts in lang, one of the languages the
// message catalog ships (package validate); others (a language a caller's
// --messages catalog adds) get English.
func summaryFor(lang string) summaryText {
	base, _, _ := strings.Cut(lang, "-")
	switch base {
	case "es":
		return summaryText{
			convertCounts:  "registros leídos: %d, escritos: %d, rechazados: %d, con advertencias: %d",
			validateCounts: "registros leídos: %d, válidos: %d, rechazados: %d, con advertencias: %d",
			empty:          "la entrada no contiene registros",
			record:         "registro %d",
			warning:        "%s (advertencia)",
			more:           "… y %d problemas más (%s los enumera todos)",
			rejected:       "registros rechazados: %s",
			moreRejected:   " y %d más",
		}
	case "it":
		return summaryText{
			convertCounts:  "record letti: %d, scritti: %d, respinti: %d, con avvisi: %d",
			validateCounts: "record letti: %d, validi: %d, respinti: %d, con avvisi: %d",
			empty:          "l'input non contiene record",
			record:         "record %d",
			warning:        "%s (avviso)",
			more:           "… e altri %d problemi (%s li elenca tutti)",
			rejected:       "record respinti: %s",
			moreRejected:   " e altri %d",
		}
	case "nl":
		return summaryText{
			convertCounts:  "records gelezen: %d, geschreven: %d, afgewezen: %d, met waarschuwingen: %d",
			validateCounts: "records gelezen: %d, geldig: %d, afgewezen: %d, met waarschuwingen: %d",
			empty:          "de invoer bevat geen records",
			record:         "record %d",
			warning:        "%s (waarschuwing)",
			more:           "… en nog %d problemen (%s geeft ze allemaal)",
			rejected:       "afgewezen records: %s",
			moreRejected:   " en nog %d",
		}
	case "pl":
		return summaryText{
			convertCounts:  "rekordy odczytane: %d, zapisane: %d, odrzucone: %d, z ostrzeżeniami: %d",
			validateCounts: "rekordy odczytane: %d, poprawne: %d, odrzucone: %d, z ostrzeżeniami: %d",
			empty:          "wejście nie zawiera rekordów",
			record:         "rekord %d",
			warning:        "%s (ostrzeżenie)",
			more:           "… oraz dalsze problemy (liczba: %d; pełna lista: %s)",
			rejected:       "odrzucone rekordy: %s",
			moreRejected:   " oraz dalsze (liczba: %d)",
		}
	case "sv":
		return summaryText{
			convertCounts:  "poster lästa: %d, skrivna: %d, avvisade: %d, med varningar: %d",
			validateCounts: "poster lästa: %d, giltiga: %d, avvisade: %d, med varningar: %d",
			empty:          "indata innehåller inga poster",
			record:         "post %d",
			warning:        "%s (varning)",
			more:           "… och %d problem till (%s listar alla)",
			rejected:       "avvisade poster: %s",
			moreRejected:   " och %d till",
		}
	case "de":
		return summaryText{
			convertCounts:  "Datensätze gelesen: %d, geschrieben: %d, abgelehnt: %d, mit Warnungen: %d",
			validateCounts: "Datensätze gelesen: %d, gültig: %d, abgelehnt: %d, mit Warnungen: %d",
			empty:          "die Eingabe enthält keine Datensätze",
			record:         "Datensatz %d",
			warning:        "%s (Warnung)",
			more:           "… und %d weitere Befunde (%s listet alle auf)",
			rejected:       "abgelehnte Datensätze: %s",
			moreRejected:   " und %d weitere",
		}
	case "fr":
		return summaryText{
			convertCounts:  "enregistrements lus : %d, écrits : %d, rejetés : %d, avec avertissements : %d",
			validateCounts: "enregistrements lus : %d, valides : %d, rejetés : %d, avec avertissements : %d",
			empty:          "l'entrée ne contient aucun enregistrement",
			record:         "enregistrement %d",
			warning:        "%s (avertissement)",
			more:           "… et %d autres problèmes (%s les liste tous)",
			rejected:       "enregistrements rejetés : %s",
			moreRejected:   " et %d autres",
		}
	}
	return summaryText{
		convertCounts:  "records read: %d, written: %d, rejected: %d, with warnings: %d",
		validateCounts: "records read: %d, valid: %d, rejected: %d, with warnings: %d",
		empty:          "the input holds no records",
		record:         "record %d",
		warning:        "%s (warning)",
		more:           "… and %d more issues (%s lists them all)",
		rejected:       "rejected records: %s",
		moreRejected:   " and %d more",
	}
}

// Limits of the human summary.
const (
	summaryIssues = 10 // issue lines shown
	summaryRanges = 20 // ranges of rejected record numbers shown
)

// stats counts the records of a run and keeps what the summary shows.
type stats struct {
	read, ok, rejected, warned int
	// codes counts the issues of each code.
	codes map[validate.Code]int

	// The first summaryIssues errors and warnings, each numbered in the
	// order met; the summary shows errors first, then warnings if there is
	// room, in that order.
	errors, warnings []issueLine
	issuesSeen       int

	ranges     [][2]int // rejected record numbers, as ranges
	moreRanges int      // rejected records beyond the ranges kept
}

type issueLine struct {
	seq    int
	record int
	issue  validate.Issue
}

// add counts one record.
func (s *stats) add(r *convert.StreamRecord) {
	s.read++
	if r.Result.OK {
		s.ok++
	} else {
		s.rejected++
		s.addRejected(r.Number)
	}
	warned := false
	for _, i := range r.Result.Issues {
		if s.codes != nil {
			s.codes[i.Code]++
		}
		l := issueLine{seq: s.issuesSeen, record: r.Number, issue: i}
		s.issuesSeen++
		if i.Severity == validate.SeverityError {
			if len(s.errors) < summaryIssues {
				s.errors = append(s.errors, l)
			}
			continue
		}
		warned = true
		if len(s.warnings) < summaryIssues {
			s.warnings = append(s.warnings, l)
		}
	}
	if warned {
		s.warned++
	}
}

// shown returns the issue lines the summary shows, in the order met.
func (s *stats) shown() []issueLine {
	lines := slices.Clone(s.errors)
	lines = append(lines, s.warnings[:min(len(s.warnings), summaryIssues-len(lines))]...)
	slices.SortFunc(lines, func(a, b issueLine) int { return a.seq - b.seq })
	return lines
}

func (s *stats) addRejected(n int) {
	if k := len(s.ranges) - 1; k >= 0 && (s.ranges[k][1] == n || s.ranges[k][1]+1 == n) {
		s.ranges[k][1] = n
		return
	}
	if len(s.ranges) < summaryRanges {
		s.ranges = append(s.ranges, [2]int{n, n})
		return
	}
	s.moreRanges++
}

// writeSummary writes the human summary of a run of cmd (convert or
// validate) in the language lang; all names where every issue is listed.
// An issue line reads "record 3: /contact/dob: invalid_date: message"; an
// issue that exists only in the output shows its target after an arrow
// ("record 1: → /customerNumber: required (warning): is required").
func writeSummary(w io.Writer, cmd, lang string, s *stats, all string) error {
	t := summaryFor(lang)
	var b strings.Builder
	b.WriteString("custnorm " + cmd + ": ")
	switch {
	case s.read == 0:
		b.WriteString(t.empty)
	case cmd == "validate":
		fmt.Fprintf(&b, t.validateCounts, s.read, s.ok, s.rejected, s.warned)
	default:
		fmt.Fprintf(&b, t.convertCounts, s.read, s.ok, s.rejected, s.warned)
	}
	b.WriteByte('\n')
	shown := s.shown()
	writeIssueLines(&b, t, shown)
	if more := s.issuesSeen - len(shown); more > 0 {
		fmt.Fprintf(&b, t.more, more, all)
		b.WriteByte('\n')
	}
	if len(s.ranges) > 0 {
		parts := make([]string, len(s.ranges))
		for k, r := range s.ranges {
			parts[k] = strconv.Itoa(r[0])
			if r[1] != r[0] {
				parts[k] += "–" + strconv.Itoa(r[1])
			}
		}
		list := strings.Join(parts, ", ")
		if s.moreRanges > 0 {
			list += fmt.Sprintf(t.moreRejected, s.moreRanges)
		}
		fmt.Fprintf(&b, t.rejected, list)
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// writeIssueLines writes one line per issue line.
func writeIssueLines(b *strings.Builder, t summaryText, lines []issueLine) {
	for _, l := range lines {
		fmt.Fprintf(b, t.record, l.record)
		b.WriteString(": ")
		switch {
		case l.issue.Target != nil && l.issue.Path == "":
			b.WriteString("→ " + string(*l.issue.Target) + ": ")
		case l.issue.Target != nil:
			b.WriteString(string(l.issue.Path) + " → " + string(*l.issue.Target) + ": ")
		case l.issue.Path != "":
			b.WriteString(string(l.issue.Path) + ": ")
		}
		code := string(l.issue.Code)
		if l.issue.Severity == validate.SeverityWarning {
			code = fmt.Sprintf(t.warning, code)
		}
		b.WriteString(code)
		b.WriteString(": ")
		b.WriteString(l.issue.Message)
		b.WriteByte('\n')
	}
}

// writeErrors writes what --quiet shows: the error issues the summary would
// show, one line each, and nothing when there is none.
func writeErrors(w io.Writer, lang string, s *stats) error {
	if len(s.errors) == 0 {
		return nil
	}
	var b strings.Builder
	writeIssueLines(&b, summaryFor(lang), s.errors)
	_, err := io.WriteString(w, b.String())
	return err
}

// summaryJSON is the --summary json object.
type summaryJSON struct {
	Command  string                `json:"command"`
	Read     int                   `json:"read"`
	Written  *int                  `json:"written,omitempty"`
	Valid    *int                  `json:"valid,omitempty"`
	Rejected int                   `json:"rejected"`
	Warnings int                   `json:"warnings"`
	Codes    map[validate.Code]int `json:"codes"`
	Status   int                   `json:"status"`
}

// writeSummaryJSON writes the run's counts and the count of each issue
// code as one JSON object on one line: read, written (convert) or valid
// (validate), rejected, warnings (records with a warning), codes, and the
// exit status.
func writeSummaryJSON(w io.Writer, cmd string, s *stats, status int) error {
	out := summaryJSON{Command: cmd, Read: s.read, Rejected: s.rejected, Warnings: s.warned, Codes: s.codes, Status: status}
	ok := s.ok
	if cmd == "convert" {
		out.Written = &ok
	} else {
		out.Valid = &ok
	}
	if out.Codes == nil {
		out.Codes = map[validate.Code]int{}
	}
	b, err := json.Marshal(out)
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}
