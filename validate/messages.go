package validate

import (
	"fmt"
	"strings"
	"sync"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"
)

// messageText is one code's message in the shipped languages. Params names
// the issue params that fill %[1]v, %[2]v, … in order.
type messageText struct {
	params []string
	en     string
	de     string
	fr     string
}

// messageTable is the message catalog's source: one entry per code. Messages
// never contain the rejected value.
var messageTable = map[Code]messageText{
	CodeInvalidJSON: {nil,
		"is not valid JSON",
		"ist kein gültiges JSON",
		"n'est pas du JSON valide"},
	CodeTooLarge: {[]string{"max"},
		"is larger than %[1]v bytes",
		"ist größer als %[1]v Bytes",
		"dépasse %[1]v octets"},
	CodeTooDeep: {[]string{"max"},
		"is nested deeper than %[1]v levels",
		"ist tiefer als %[1]v Ebenen verschachtelt",
		"est imbriqué sur plus de %[1]v niveaux"},
	CodeWrongType: {[]string{"expected"},
		"must be of JSON type %[1]v",
		"muss vom JSON-Typ %[1]v sein",
		"doit être de type JSON %[1]v"},
	CodeUnknownField: {nil,
		"is not a documented field of this format",
		"ist kein dokumentiertes Feld dieses Formats",
		"n'est pas un champ documenté de ce format"},
	CodeRequired: {nil,
		"is required",
		"ist erforderlich",
		"est obligatoire"},
	CodeOneOfRequired: {[]string{"fields"},
		"at least one of %[1]v is required",
		"mindestens eines von %[1]v ist erforderlich",
		"au moins un des champs %[1]v est obligatoire"},
	CodeTooShort: {[]string{"min"},
		"must be at least %[1]v characters long",
		"muss mindestens %[1]v Zeichen lang sein",
		"doit comporter au moins %[1]v caractères"},
	CodeTooLong: {[]string{"max"},
		"must be at most %[1]v characters long",
		"darf höchstens %[1]v Zeichen lang sein",
		"doit comporter au plus %[1]v caractères"},
	CodeInvalidFormat: {[]string{"format"},
		"does not have the expected format (%[1]v)",
		"hat nicht das erwartete Format (%[1]v)",
		"n'a pas le format attendu (%[1]v)"},
	CodeInvalidEmail: {nil,
		"is not a valid e-mail address",
		"ist keine gültige E-Mail-Adresse",
		"n'est pas une adresse e-mail valide"},
	CodeInvalidPhone: {nil,
		"is not a valid, complete phone number",
		"ist keine gültige, vollständige Telefonnummer",
		"n'est pas un numéro de téléphone valide et complet"},
	CodeNotMobile: {nil,
		"is not a mobile phone number",
		"ist keine Mobilfunknummer",
		"n'est pas un numéro de mobile"},
	CodeInvalidCountry: {nil,
		"is not a known country",
		"ist kein bekanntes Land",
		"n'est pas un pays connu"},
	CodeInvalidLanguage: {nil,
		"is not a valid language tag",
		"ist kein gültiges Sprachkennzeichen",
		"n'est pas une balise de langue valide"},
	CodeInvalidDate: {nil,
		"is not a valid date (expected YYYY-MM-DD)",
		"ist kein gültiges Datum (erwartet JJJJ-MM-TT)",
		"n'est pas une date valide (format attendu AAAA-MM-JJ)"},
	CodeDateInFuture: {nil,
		"lies in the future",
		"liegt in der Zukunft",
		"est dans le futur"},
	CodeImplausibleBirthDate: {[]string{"maxAge"},
		"is more than %[1]v years ago",
		"liegt mehr als %[1]v Jahre zurück",
		"remonte à plus de %[1]v ans"},
	CodeInvalidPostalCode: {[]string{"country", "example"},
		"is not a valid postal code for %[1]v (for example %[2]v)",
		"ist keine gültige Postleitzahl für %[1]v (zum Beispiel %[2]v)",
		"n'est pas un code postal valide pour %[1]v (par exemple %[2]v)"},
	// The variant for a country that uses no postal codes (no example).
	codePostalCodeNone: {[]string{"country"},
		"is a postal code, but %[1]v uses none",
		"ist eine Postleitzahl, aber %[1]v verwendet keine",
		"est un code postal, mais %[1]v n'en utilise pas"},
	CodeInvalidID: {[]string{"format"},
		"is not a valid identifier (expected %[1]v)",
		"ist keine gültige Kennung (erwartet %[1]v)",
		"n'est pas un identifiant valide (attendu %[1]v)"},
	CodeForbiddenCharacters: {nil,
		"contains control or invisible formatting characters",
		"enthält Steuer- oder unsichtbare Formatierungszeichen",
		"contient des caractères de contrôle ou de mise en forme invisibles"},
	CodePhoneNotAssigned: {nil,
		"is a complete number in a range that is not assigned",
		"ist eine vollständige Nummer aus einem nicht vergebenen Bereich",
		"est un numéro complet dans une plage non attribuée"},
	CodeNotSplit: {[]string{"rule"},
		"was kept whole because it could not be split unambiguously (%[1]v)",
		"wurde unverändert übernommen, weil es sich nicht eindeutig aufteilen ließ (%[1]v)",
		"a été conservé tel quel faute de pouvoir le découper sans ambiguïté (%[1]v)"},
	CodeSchema: {[]string{"keyword"},
		"does not satisfy the schema rule %[1]v",
		"erfüllt die Schemaregel %[1]v nicht",
		"ne respecte pas la règle de schéma %[1]v"},
	CodeInvalidEncoding: {nil,
		"is not valid text (invalid UTF-8 or a lone surrogate)",
		"ist kein gültiger Text (ungültiges UTF-8 oder ein einzelnes Surrogat)",
		"n'est pas un texte valide (UTF-8 invalide ou substitut isolé)"},
	CodeTooManyIssues: {[]string{"omitted"},
		"has too many issues: %[1]v more were left out",
		"hat zu viele Probleme: %[1]v weitere wurden ausgelassen",
		"comporte trop de problèmes : %[1]v autres ont été omis"},
	CodeBirthDateMismatch: {nil,
		"encodes another birth date than the record's",
		"enthält ein anderes Geburtsdatum als der Datensatz",
		"contient une autre date de naissance que celle de la fiche"},
}

// Languages are the languages messages ship in, first the fallback.
var languages = []language.Tag{language.English, language.German, language.French}

// Languages returns the base language codes messages ship in ("en", "de",
// …), English first.
func Languages() []string {
	out := make([]string, len(languages))
	for k, t := range languages {
		out[k] = t.String()
	}
	return out
}

// Catalog returns the package's message catalog (built once). It is never
// the x/text default catalog, which this package does not touch.
func Catalog() catalog.Catalog { return buildCatalog() }

var buildCatalog = sync.OnceValue(func() catalog.Catalog {
	b := catalog.NewBuilder(catalog.Fallback(language.English))
	for code, m := range messageTable {
		for _, t := range []struct {
			tag language.Tag
			msg string
		}{{language.English, m.en}, {language.German, m.de}, {language.French, m.fr}} {
			if err := b.SetString(t.tag, string(code), t.msg); err != nil {
				panic(fmt.Sprintf("validate: message catalog: %v", err)) // a broken constant table
			}
		}
	}
	return b
})

// A Localizer renders issue messages in one language. Make one with
// [NewLocalizer]; it is safe for concurrent use.
type Localizer struct {
	tag language.Tag
	// printers holds *message.Printer for tag. A printer is not safe for
	// concurrent use: each call takes one of its own, so that concurrent
	// callers (the CLI's workers) share no lock.
	printers sync.Pool
}

// NewLocalizer returns a localizer for the BCP 47 tag lang, matched against
// the shipped languages (en, de, fr); anything else, including "", gets
// English.
func NewLocalizer(lang string) *Localizer {
	tag := language.English
	if t, err := language.Parse(lang); err == nil {
		m := language.NewMatcher(languages)
		_, idx, conf := m.Match(t)
		if conf != language.No {
			tag = languages[idx]
		}
	}
	l := &Localizer{tag: tag}
	l.printers.New = func() any { return message.NewPrinter(tag, message.Catalog(Catalog())) }
	return l
}

// Lang returns the language the localizer renders ("en", "de" or "fr").
func (l *Localizer) Lang() string { return l.tag.String() }

// Text returns the message of i in the localizer's language.
func (l *Localizer) Text(i Issue) string {
	key := messageKey(i)
	if _, ok := messageTable[key]; !ok {
		return string(i.Code)
	}
	p := l.printers.Get().(*message.Printer)
	s := p.Sprintf(string(key), messageArgs(i)...)
	l.printers.Put(p)
	return s
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

// englishText renders the English message without a printer, for
// Issue.Error.
func englishText(i Issue) string {
	m, ok := messageTable[messageKey(i)]
	if !ok {
		return string(i.Code)
	}
	return fmt.Sprintf(m.en, messageArgs(i)...)
}

// messageArgs returns the issue's params in the order its message uses them.
func messageArgs(i Issue) []any {
	m := messageTable[messageKey(i)]
	args := make([]any, len(m.params))
	for k, name := range m.params {
		v, ok := i.Params[name]
		if !ok {
			v = "?"
		}
		switch list := v.(type) {
		case []string:
			v = strings.Join(list, ", ")
		case []any:
			parts := make([]string, len(list))
			for j, e := range list {
				parts[j] = fmt.Sprint(e)
			}
			v = strings.Join(parts, ", ")
		}
		args[k] = v
	}
	return args
}

// Fill sets Message on every issue of s.
func (l *Localizer) Fill(s Issues) {
	for k := range s {
		s[k].Message = l.Text(s[k])
	}
}

// Localize returns the message of the issue rendered by p, for callers that
// hold their own printer built on [Catalog].
func (i *Issue) Localize(p *message.Printer) string {
	key := messageKey(*i)
	if _, ok := messageTable[key]; !ok {
		return string(i.Code)
	}
	return p.Sprintf(string(key), messageArgs(*i)...)
}
