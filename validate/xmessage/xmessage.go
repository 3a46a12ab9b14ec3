// Package xmessage renders custnorm's issue messages with printers of
// golang.org/x/text/message, for programs that already format their own
// texts with x/text: [Catalog] holds the shipped messages (package validate's
// eight languages) as printf formats, and [Localize] renders an issue with a
// printer built on it.
//
//	cat := xmessage.Catalog()
//	p := message.NewPrinter(language.German, message.Catalog(cat))
//	fmt.Println(xmessage.Localize(&issue, p))
//
// Most programs do not need it: validate.Localizer renders the same
// messages, with callers' catalogs (validate.Messages) too. It is a package
// of its own so that programs that do not use x/text's printers, the browser
// build first, do not link them.
//
// Numbers are formatted by the printer, which groups four-digit numbers in
// every language; a validate.Localizer leaves them ungrouped in Spanish and
// Polish, as CLDR does.
package xmessage

import (
	"fmt"
	"sync"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"

	"github.com/custnorm/custnorm/validate"
)

// Catalog returns a new catalog of the shipped messages (see
// validate.MessageFormats), keyed by message key, English the fallback.
// Build it once and keep it. It is never x/text's default catalog, which
// custnorm does not touch.
func Catalog() catalog.Catalog {
	b := catalog.NewBuilder(catalog.Fallback(language.English))
	for _, m := range validate.MessageFormats() {
		if err := b.SetString(language.MustParse(m.Lang), string(m.Key), m.Format); err != nil {
			panic(fmt.Sprintf("xmessage: message catalog: %v", err)) // a broken constant table
		}
	}
	return b
}

// Localize returns the message of i rendered by p, a printer built on
// [Catalog]; the code of an issue that has no shipped message.
func Localize(i *validate.Issue, p *message.Printer) string {
	key := i.MessageKey()
	params, ok := paramsOf()[key]
	if !ok {
		return string(i.Code)
	}
	return p.Sprintf(string(key), i.PrintfArgs(params)...)
}

// paramsOf maps each message key to the params its formats use (the same
// in every language).
var paramsOf = sync.OnceValue(func() map[validate.Code][]string {
	out := make(map[validate.Code][]string)
	for _, m := range validate.MessageFormats() {
		out[m.Key] = m.Params
	}
	return out
})
