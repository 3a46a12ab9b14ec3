package validate

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
)

// Messages are a caller's message texts, checked and parsed: languages the
// package does not ship, or texts that replace some shipped ones. Make them
// with [NewMessages] or [ParseMessages] and pass them to [NewLocalizer]
// with [WithMessages] (or in convert.Options.Messages). A nil *Messages is
// valid and adds nothing. Messages are immutable and safe for concurrent
// use; building them resolves every language once, so localizers made from
// them are cheap. A code missing from one of their languages is taken from
// its parent language, then from English (see [NewLocalizer]).
//
// A text is what is shown beside the field, in the style of the shipped
// messages ("must be at most {max} characters long"). It may name the
// issue's params in braces: {max}. The params a code's text may use are
// the ones the package doc lists for it under Error codes; a text need not
// use them all. {{ and }} are a literal { and }; every other brace is an
// error. Nothing else is special: a text is never a printf format, so %
// and $ are literal and no text can break the rendering. Numbers are
// formatted for the language (1.048.576 in German), lists are joined with
// ", ".
//
// Message keys are the codes, plus invalid_postal_code.none: the wording
// of invalid_postal_code for a country that uses no postal codes (param
// country).
type Messages struct {
	langs []string
	set   *tableSet
}

// NewMessages checks and parses texts (language → message key → text). A
// language is a BCP 47 tag ("pt", "pt-BR", "de-CH"). The error is a
// *MessagesError listing every problem.
func NewMessages(texts map[string]map[Code]string) (*Messages, error) {
	langs := make([]rawLang, 0, len(texts))
	for _, lang := range slices.Sorted(maps.Keys(texts)) {
		rl := rawLang{key: lang}
		for _, key := range slices.Sorted(maps.Keys(texts[lang])) {
			rl.msgs = append(rl.msgs, rawMessage{key: key, text: texts[lang][key]})
		}
		langs = append(langs, rl)
	}
	return compileMessages(langs)
}

// ParseMessages reads a caller catalog in JSON, the format of the CLI's
// --messages FILE and of the JS init option: an object whose members are
// BCP 47 language tags, each an object from message key to text.
//
//	{
//	  "pt": {
//	    "required": "é obrigatório",
//	    "too_long": "deve ter no máximo {max} caracteres"
//	  },
//	  "de": {"required": "muss angegeben werden"}
//	}
//
// The texts follow the syntax of [Messages]. A language or key given twice
// is an error (not "the last one wins"), as is a text with a control
// character or invalid UTF-8. The error is a *MessagesError listing every
// problem of the catalog, or an error naming the byte offset of the first
// JSON syntax error or wrong value.
func ParseMessages(data []byte) (*Messages, error) {
	langs, err := decodeMessages(data)
	if err != nil {
		return nil, err
	}
	return compileMessages(langs)
}

// Languages returns the canonical BCP 47 tags of m's languages, sorted.
func (m *Messages) Languages() []string {
	if m == nil {
		return nil
	}
	return slices.Clone(m.langs)
}

// The problems a caller catalog can have, found in [MessageProblem.Err].
var (
	ErrInvalidLanguage = errors.New("not a known BCP 47 language tag")
	ErrDuplicate       = errors.New("given twice")
	ErrUnknownKey      = errors.New("not a message key")
	ErrUnknownParam    = errors.New("not a param of the message")
	ErrPlaceholder     = errors.New("a brace that is not {param}, {{ or }}")
	ErrInvalidText     = errors.New("empty, not valid UTF-8, or has a control character")
)

// A MessagesError lists every problem of a caller catalog, sorted by
// language and key.
type MessagesError struct {
	Problems []MessageProblem
}

// A MessageProblem is one problem of a caller catalog.
type MessageProblem struct {
	// Lang is the language as written in the catalog.
	Lang string
	// Key is the message key as written; "" when the problem is the
	// language.
	Key Code
	// Param is the placeholder's name, for ErrUnknownParam.
	Param string
	// Offset is the byte offset of the brace in the text, for
	// ErrPlaceholder.
	Offset int
	// Err is one of ErrInvalidLanguage, ErrDuplicate, ErrUnknownKey,
	// ErrUnknownParam, ErrPlaceholder and ErrInvalidText.
	Err error
}

// String describes the problem: `"pt"/too_long: {maxx}: not a param of the
// message (it has max)`.
func (p MessageProblem) String() string {
	var b strings.Builder
	b.WriteString(strconv.Quote(p.Lang))
	if p.Key != "" {
		b.WriteString("/")
		b.WriteString(string(p.Key))
	}
	b.WriteString(": ")
	switch {
	case errors.Is(p.Err, ErrUnknownParam):
		fmt.Fprintf(&b, "{%s}: %v", p.Param, p.Err)
		if names := allParams(message(p.Key)); len(names) > 0 {
			fmt.Fprintf(&b, " (it has %s)", strings.Join(names, ", "))
		} else {
			b.WriteString(" (it has none)")
		}
		return b.String()
	case errors.Is(p.Err, ErrPlaceholder):
		fmt.Fprintf(&b, "at byte %d: ", p.Offset)
	}
	b.WriteString(p.Err.Error())
	return b.String()
}

// Error lists the problems: `validate: messages: "pt"/too_long: {maxx}:
// not a param of the message (it has max); …`.
func (e *MessagesError) Error() string {
	parts := make([]string, len(e.Problems))
	for k, p := range e.Problems {
		parts[k] = p.String()
	}
	return "validate: messages: " + strings.Join(parts, "; ")
}

// Unwrap returns the problems' errors, so errors.Is(err, ErrUnknownParam)
// sees through.
func (e *MessagesError) Unwrap() []error {
	errs := make([]error, len(e.Problems))
	for k, p := range e.Problems {
		errs[k] = p.Err
	}
	return errs
}

// rawLang is one language of a catalog as written, its messages in order.
type rawLang struct {
	key  string
	msgs []rawMessage
}

type rawMessage struct {
	key  Code
	text string
}

// compileMessages checks and parses a catalog.
func compileMessages(langs []rawLang) (*Messages, error) {
	var problems []MessageProblem
	caller := make(map[language.Tag]map[Code]*msgTemplate, len(langs))
	seen := make(map[language.Tag]bool, len(langs))
	for _, rl := range langs {
		tag, err := language.Parse(rl.key)
		if err != nil || tag == language.Und {
			problems = append(problems, MessageProblem{Lang: rl.key, Err: ErrInvalidLanguage})
			continue
		}
		if seen[tag] {
			problems = append(problems, MessageProblem{Lang: rl.key, Err: ErrDuplicate})
			continue
		}
		seen[tag] = true
		msgs := make(map[Code]*msgTemplate, len(rl.msgs))
		keys := make(map[Code]bool, len(rl.msgs))
		for _, rm := range rl.msgs {
			problem := MessageProblem{Lang: rl.key, Key: rm.key}
			m := message(rm.key)
			switch {
			case m == nil:
				problem.Err = ErrUnknownKey
			case keys[rm.key]:
				problem.Err = ErrDuplicate
			case !validText(rm.text):
				problem.Err = ErrInvalidText
			}
			keys[rm.key] = true
			if problem.Err != nil {
				problems = append(problems, problem)
				continue
			}
			t, unknown, at := parseTemplate(rm.text, allParams(m))
			if at >= 0 {
				problem.Err, problem.Offset = ErrPlaceholder, at
				problems = append(problems, problem)
				continue
			}
			for _, name := range unknown {
				problem.Err, problem.Param = ErrUnknownParam, name
				problems = append(problems, problem)
			}
			if len(unknown) == 0 {
				msgs[rm.key] = t
			}
		}
		caller[tag] = msgs
	}
	if len(problems) > 0 {
		slices.SortStableFunc(problems, func(a, b MessageProblem) int {
			return strings.Compare(a.Lang+"\x00"+string(a.Key), b.Lang+"\x00"+string(b.Key))
		})
		return nil, &MessagesError{Problems: problems}
	}
	m := &Messages{set: newTableSet(caller)}
	for tag := range caller {
		m.langs = append(m.langs, tag.String())
	}
	slices.Sort(m.langs)
	return m, nil
}

// allParams returns every param a text of m may use: its params, then
// the further ones only callers use.
func allParams(m *messageText) []string {
	if m == nil {
		return nil
	}
	return append(slices.Clip(m.params), m.more...)
}

// validText reports whether s can be a message text: not empty, valid
// UTF-8 (no U+FFFD, which is what a decoder leaves of invalid bytes and
// lone surrogates), and no control character, which could break the
// line-based output of the CLI.
func validText(s string) bool {
	if strings.TrimSpace(s) == "" || !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if r == utf8.RuneError || unicode.IsControl(r) {
			return false
		}
	}
	return true
}

// decodeMessages reads a JSON catalog with its members in order, so that
// duplicates are found rather than silently merged.
func decodeMessages(data []byte) ([]rawLang, error) {
	if !utf8.Valid(data) {
		return nil, errors.New("validate: messages: not valid UTF-8")
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	fail := func(err error, want string) error {
		var syn *json.SyntaxError
		if errors.As(err, &syn) {
			return fmt.Errorf("validate: messages: at byte %d: %w", syn.Offset, err)
		}
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		if err != nil {
			return fmt.Errorf("validate: messages: at byte %d: %w", dec.InputOffset(), err)
		}
		return fmt.Errorf("validate: messages: at byte %d: want %s", dec.InputOffset(), want)
	}
	open := func(want string) error {
		tok, err := dec.Token()
		if err != nil || tok != json.Delim('{') {
			return fail(err, want)
		}
		return nil
	}
	key := func(want string) (string, bool, error) {
		if !dec.More() {
			tok, err := dec.Token() // the closing brace
			if err != nil || tok != json.Delim('}') {
				return "", false, fail(err, want)
			}
			return "", false, nil
		}
		tok, err := dec.Token()
		s, ok := tok.(string)
		if err != nil || !ok {
			return "", false, fail(err, want)
		}
		return s, true, nil
	}

	if err := open("an object of languages"); err != nil {
		return nil, err
	}
	var langs []rawLang
	for {
		lang, more, err := key("a language tag")
		if err != nil {
			return nil, err
		}
		if !more {
			break
		}
		if err := open(fmt.Sprintf("an object of messages for %q", lang)); err != nil {
			return nil, err
		}
		rl := rawLang{key: lang}
		for {
			k, more, err := key("a message key")
			if err != nil {
				return nil, err
			}
			if !more {
				break
			}
			tok, err := dec.Token()
			text, ok := tok.(string)
			if err != nil || !ok {
				return nil, fail(err, fmt.Sprintf("a string for %q/%s", lang, k))
			}
			rl.msgs = append(rl.msgs, rawMessage{key: Code(k), text: text})
		}
		langs = append(langs, rl)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fail(err, "the end of the catalog")
	}
	// Duplicate keys are reported by compileMessages in catalog order; the
	// sort there is stable.
	return langs, nil
}

// A msgTemplate is a parsed message text: literal parts around the names
// of the params that fill the gaps (len(parts) == len(names)+1).
type msgTemplate struct {
	parts []string
	names []string
}

// parseTemplate parses text in the syntax of [Messages]. unknown lists
// the placeholder names not in params; at is the byte offset of the first
// misplaced brace, -1 when there is none.
func parseTemplate(text string, params []string) (t *msgTemplate, unknown []string, at int) {
	t = &msgTemplate{}
	var lit strings.Builder
	for i := 0; i < len(text); {
		switch c := text[i]; c {
		case '{', '}':
			if i+1 < len(text) && text[i+1] == c {
				lit.WriteByte(c)
				i += 2
				continue
			}
			if c == '}' {
				return nil, nil, i
			}
			end := strings.IndexByte(text[i+1:], '}')
			if end < 0 || !isParamName(text[i+1:i+1+end]) {
				return nil, nil, i
			}
			name := text[i+1 : i+1+end]
			if !slices.Contains(params, name) && !slices.Contains(unknown, name) {
				unknown = append(unknown, name)
			}
			t.parts = append(t.parts, lit.String())
			t.names = append(t.names, name)
			lit.Reset()
			i += end + 2
		default:
			// The literal run up to the next brace, in one step.
			n := strings.IndexAny(text[i:], "{}")
			if n < 0 {
				n = len(text) - i
			}
			lit.WriteString(text[i : i+n])
			i += n
		}
	}
	t.parts = append(t.parts, lit.String())
	return t, unknown, -1
}

// isParamName reports whether s is a param name: an ASCII letter, then
// letters, digits and underscores.
func isParamName(s string) bool {
	if s == "" {
		return false
	}
	for k, c := range []byte(s) {
		letter := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
		if !letter && (k == 0 || !('0' <= c && c <= '9' || c == '_')) {
			return false
		}
	}
	return true
}

// printf returns the template as a printf format for x/text, its names
// replaced by %[n]v after their position in params.
func (m *msgTemplate) printf(params []string) string {
	var b strings.Builder
	for k, part := range m.parts {
		b.WriteString(strings.ReplaceAll(part, "%", "%%"))
		if k < len(m.names) {
			fmt.Fprintf(&b, "%%[%d]v", slices.Index(params, m.names[k])+1)
		}
	}
	return b.String()
}

// sortTags sorts tags by their string form.
func sortTags(tags []language.Tag) {
	slices.SortFunc(tags, func(a, b language.Tag) int { return strings.Compare(a.String(), b.String()) })
}
