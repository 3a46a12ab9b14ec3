package validate

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/text/language"
)

// A MessageFormat is one shipped message as a printf format, for adapters
// to other message systems (package validate/xmessage builds an x/text
// catalog of them).
type MessageFormat struct {
	// Lang is the message's BCP 47 language tag.
	Lang string
	// Key is the message key: an issue code, or a variant of one worded
	// for particular params ("invalid_postal_code.none"); see
	// [Issue.MessageKey].
	Key Code
	// Format is the message as a printf format: %[1]v, %[2]v, … stand for
	// the issue params named by Params, in order (see [Issue.PrintfArgs]).
	Format string
	// Params are the params the format uses.
	Params []string
}

// MessageFormats returns every shipped message as a printf format, by
// language in [Languages]' order, then by key.
func MessageFormats() []MessageFormat {
	var out []MessageFormat
	for _, l := range shippedParsed() {
		lang := l.tag.String()
		msgs := l.templates()
		for _, key := range slices.Sorted(maps.Keys(msgs)) {
			params := message(key).params
			out = append(out, MessageFormat{Lang: lang, Key: key, Format: msgs[key].printf(params), Params: slices.Clone(params)})
		}
	}
	return out
}

// MessageKey returns the key of i's message in [MessageFormats]: its code,
// or a variant of it where the params call for other wording.
func (i *Issue) MessageKey() Code { return messageKey(*i) }

// PrintfArgs returns i's params named by params, in that order, as the
// arguments of a [MessageFormat]: a list joined with ", ", a missing param
// as "?".
func (i *Issue) PrintfArgs(params []string) []any {
	args := make([]any, len(params))
	for k, name := range params {
		v, ok := i.Params[name]
		if s, isText := paramText(v); isText {
			v = s
		} else if !ok || v == nil {
			v = "?"
		}
		args[k] = v
	}
	return args
}

// Languages returns the BCP 47 tags messages ship in ("en", "de", …),
// English (the fallback) first.
func Languages() []string { return slices.Clone(shippedLanguages) }

// shippedTemplates returns the parsed shipped texts of the shipped language
// tag: message key → template; nil for another tag. Each language is parsed
// the first time it is asked for, so that a program that renders English
// (the browser build's default) parses English only.
func shippedTemplates(tag language.Tag) map[Code]*msgTemplate {
	for _, l := range shippedParsed() {
		if l.tag == tag {
			return l.templates()
		}
	}
	return nil
}

// shippedLanguage is one shipped language and its texts, parsed once.
type shippedLanguage struct {
	tag       language.Tag
	templates func() map[Code]*msgTemplate
}

// shippedParsed returns the shipped languages in shippedLanguages' order.
var shippedParsed = sync.OnceValue(func() []shippedLanguage {
	out := make([]shippedLanguage, len(shippedLanguages))
	for k, lang := range shippedLanguages {
		out[k] = shippedLanguage{tag: language.MustParse(lang), templates: sync.OnceValue(func() map[Code]*msgTemplate {
			msgs := make(map[Code]*msgTemplate, len(messageTable))
			for i := range messageTable {
				m := &messageTable[i]
				t, unknown, at := parseTemplate(m.text.get(lang), m.params)
				if at >= 0 || len(unknown) > 0 {
					panic(fmt.Sprintf("validate: message %s in %s: bad placeholder", m.key, lang)) // a broken constant table
				}
				msgs[m.key] = t
			}
			return msgs
		})}
	}
	return out
})

// shippedSet is the localizers' table set without caller messages.
var shippedSet = sync.OnceValue(func() *tableSet { return newTableSet(nil) })

// A tableSet is every language a localizer can render, each with every
// message key resolved (fallbacks applied), and the matcher that picks
// one for a requested tag. A language's table and the matcher are built
// the first time they are needed; the set is safe for concurrent use.
type tableSet struct {
	tables  []func() *langTable // English first
	matcher func() language.Matcher
}

// A langTable is one language's messages, every message key resolved.
type langTable struct {
	tag  language.Tag
	lang string // tag.String()
	msgs map[Code]*msgTemplate
	// group is the language's digit group separator (CLDR's), and
	// ungroup4 leaves four-digit numbers without one, as CLDR's
	// minimumGroupingDigits 2 has it for Spanish and Polish (4096,
	// 74 900).
	group    string
	ungroup4 bool
}

// newTableSet sets up every language a localizer can render: the shipped
// languages (English first), then the caller's in tag order. A message is
// looked up in the language, then in its parents (de-CH → de, es-MX →
// es-419 → es), the caller's text before the shipped one at each step,
// then in English.
func newTableSet(caller map[language.Tag]map[Code]*msgTemplate) *tableSet {
	var tags []language.Tag
	for _, l := range shippedParsed() {
		tags = append(tags, l.tag)
	}
	var extra []language.Tag
	for tag := range caller {
		if shippedTemplates(tag) == nil {
			extra = append(extra, tag)
		}
	}
	sortTags(extra)
	tags = append(tags, extra...)

	// sources returns the catalogs tag's messages are looked up in, in
	// order: the tag's and its parents' (the caller's before the shipped
	// one at each step), then English's.
	sources := func(tag language.Tag) []map[Code]*msgTemplate {
		var out []map[Code]*msgTemplate
		for t, n := tag, 0; n < 8; t, n = t.Parent(), n+1 { // en-150 → en-001 → en → und
			out = append(out, caller[t], shippedTemplates(t))
			if t == language.Und {
				break
			}
		}
		return append(out, caller[language.English], shippedTemplates(language.English))
	}

	s := &tableSet{matcher: sync.OnceValue(func() language.Matcher { return language.NewMatcher(tags) })}
	for _, tag := range tags {
		s.tables = append(s.tables, sync.OnceValue(func() *langTable {
			t := &langTable{tag: tag, lang: tag.String(), msgs: make(map[Code]*msgTemplate, len(messageTable))}
			t.group, t.ungroup4 = groupSeparator(tag)
			from := sources(tag)
			for i := range messageTable {
				key := messageTable[i].key
				for _, msgs := range from {
					if m, ok := msgs[key]; ok {
						t.msgs[key] = m
						break
					}
				}
			}
			return t
		}))
	}
	return s
}

// match returns the table for the BCP 47 tag lang: the best match among
// the set's languages, English when none matches or lang is not a tag
// ("" included).
func (s *tableSet) match(lang string) *langTable {
	if lang == "" || lang == "en" {
		return s.tables[0]()
	}
	tag, err := language.Parse(lang)
	if err != nil {
		return s.tables[0]()
	}
	_, idx, conf := s.matcher().Match(tag)
	if conf == language.No {
		return s.tables[0]()
	}
	return s.tables[idx]()
}

// A Localizer renders issue messages in one language. Make one with
// [NewLocalizer]. The zero value (and a nil *Localizer) renders the shipped
// English messages. It is safe for concurrent use.
type Localizer struct {
	t *langTable // nil: shipped English
}

// A LocalizerOption configures [NewLocalizer].
type LocalizerOption func(*localizerConfig)

type localizerConfig struct {
	messages *Messages
}

// WithMessages makes the localizer render with the caller's messages m
// (see [Messages]) over the shipped ones: m's languages join the ones
// lang is matched against, and m's texts replace the shipped texts of
// their language. A nil m changes nothing.
func WithMessages(m *Messages) LocalizerOption {
	return func(c *localizerConfig) { c.messages = m }
}

// NewLocalizer returns a localizer for the BCP 47 tag lang, matched against
// the shipped languages (en, de, fr, es, it, nl, pl, sv) and those of the
// caller's messages given with [WithMessages]: a regional or related tag
// gets its language (de-AT → de, sv-FI → sv, es-419 → es, gsw → de), and
// anything that matches none of them, including "" and text that is not a
// tag, gets English (pt → en unless the caller's messages have pt).
//
// A message the matched language does not have (a code missing from a
// caller's catalog) is taken from its parent language (de-CH → de), then
// from English; it is never the bare code. Only a code the package does
// not know renders as the code itself.
//
// Building a localizer does not copy or parse messages: make one per
// language and options, not per record.
func NewLocalizer(lang string, opts ...LocalizerOption) *Localizer {
	var c localizerConfig
	for _, o := range opts {
		o(&c)
	}
	set := shippedSet()
	if c.messages != nil {
		set = c.messages.set
	}
	return &Localizer{t: set.match(lang)}
}

// table returns the localizer's language table; shipped English for the
// zero value.
func (l *Localizer) table() *langTable {
	if l == nil || l.t == nil {
		return shippedSet().tables[0]()
	}
	return l.t
}

// Lang returns the canonical BCP 47 tag of the language the localizer
// renders: one of en, de, fr, es, it, nl, pl and sv, or one of the
// caller's messages ("pt-BR").
func (l *Localizer) Lang() string { return l.table().lang }

// Text returns the message of i in the localizer's language.
func (l *Localizer) Text(i Issue) string {
	t := l.table()
	m, ok := t.msgs[messageKey(i)]
	if !ok {
		return string(i.Code)
	}
	return m.render(i.Params, t)
}

// Fill sets Message on every issue of s. An issue of a code the catalog
// does not know (a caller's [Rule]) keeps the message it has, or gets its
// code when it has none.
func (l *Localizer) Fill(s Issues) {
	t := l.table()
	for k := range s {
		m, ok := t.msgs[messageKey(s[k])]
		if !ok {
			if s[k].Message == "" {
				s[k].Message = string(s[k].Code)
			}
			continue
		}
		s[k].Message = m.render(s[k].Params, t)
	}
}

// codePostalCodeNone keys the message of an invalid_postal_code issue for a
// country without postal codes; it is a message variant, not a code.
const codePostalCodeNone Code = "invalid_postal_code.none"

// messageKey returns the catalog key of i's message: its code, or a variant
// of it where the params call for other wording.
func messageKey(i Issue) Code {
	if i.Code == CodeInvalidPostalCode {
		if ex, ok := i.Params["example"]; ok && ex == "" {
			return codePostalCodeNone
		}
	}
	return i.Code
}

// englishText renders the shipped English message without a printer (no
// digit grouping), for Issue.Error.
func englishText(i Issue) string {
	m, ok := shippedTemplates(language.English)[messageKey(i)]
	if !ok {
		return string(i.Code)
	}
	return m.render(i.Params, nil)
}

// paramText returns the text of a param that is text or a list (joined
// with ", "), and false for anything else (a number), which a printer
// formats.
func paramText(v any) (string, bool) {
	switch v := v.(type) {
	case string:
		return v, true
	case []string:
		return strings.Join(v, ", "), true
	case []any:
		parts := make([]string, len(v))
		for j, e := range v {
			parts[j] = fmt.Sprint(e)
		}
		return strings.Join(parts, ", "), true
	}
	return "", false
}

// render returns the template filled with params; t formats numbers (nil:
// fmt, without digit grouping). A missing param renders as "?".
func (m *msgTemplate) render(params Params, t *langTable) string {
	if len(m.names) == 0 {
		return m.parts[0]
	}
	var b strings.Builder
	for k, name := range m.names {
		b.WriteString(m.parts[k])
		v, ok := params[name]
		if s, isText := paramText(v); isText {
			b.WriteString(s)
		} else if !ok || v == nil {
			b.WriteByte('?')
		} else {
			b.WriteString(t.number(v))
		}
	}
	b.WriteString(m.parts[len(m.names)])
	return b.String()
}

// number formats a param that is not text (a number, or anything else fmt
// prints) in t's language: integers with the language's group separator,
// anything else as fmt prints it; t nil formats it with fmt.
func (t *langTable) number(v any) string {
	n, ok := integer(v)
	if t == nil || !ok {
		return fmt.Sprint(v)
	}
	digits := strconv.FormatInt(n, 10)
	sign := ""
	if n < 0 {
		sign, digits = "-", digits[1:]
	}
	if len(digits) <= 3 || len(digits) == 4 && t.ungroup4 {
		return sign + digits
	}
	var b strings.Builder
	b.WriteString(sign)
	head := len(digits) % 3
	if head == 0 {
		head = 3
	}
	b.WriteString(digits[:head])
	for i := head; i < len(digits); i += 3 {
		b.WriteString(t.group)
		b.WriteString(digits[i : i+3])
	}
	return b.String()
}

// integer returns v as an int64 when it is an integer.
func integer(v any) (int64, bool) {
	switch v := v.(type) {
	case int:
		return int64(v), true
	case int64:
		return v, true
	case int32:
		return int64(v), true
	case uint32:
		return int64(v), true
	case float64:
		if v == float64(int64(v)) && v < 1e15 && v > -1e15 {
			return int64(v), true
		}
	}
	return 0, false
}

// groupSeparator returns tag's digit group separator and whether it leaves
// four-digit numbers ungrouped (Spanish, Polish): CLDR's (numbers, latn)
// for the shipped languages and for other common ones a caller's catalog
// may add, by base language; any other takes ",", CLDR root's. (CLDR's
// Swiss German and Swiss Italian use ’; they take their base language's
// here.)
func groupSeparator(tag language.Tag) (sep string, ungroup4 bool) {
	base, _ := tag.Base()
	b := base.String()
	switch b {
	case "de", "es", "it", "nl", "pt", "da", "ro", "el", "tr", "hr", "sl", "ca", "id":
		sep = "."
	case "fr", "pl", "sv", "nb", "no", "fi", "cs", "sk", "hu", "ru", "uk", "bg", "et", "lv", "lt":
		sep = "\u00a0"
	default:
		sep = ","
	}
	return sep, b == "es" || b == "pl"
}
