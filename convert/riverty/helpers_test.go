package riverty_test

import (
	"github.com/custnorm/custnorm/convert/riverty"
	"github.com/custnorm/custnorm/internal/golden"
	"github.com/custnorm/custnorm/validate"
)

var formats = []golden.Converter{riverty.Converter{}, riverty.CreateConverter{}}

// valueAt returns the value at pointer p of the decoded JSON value v.
func valueAt(v any, p validate.Pointer) (any, bool) {
	for tok := range p.Tokens() {
		obj, ok := v.(map[string]any)
		if !ok {
			return nil, false
		}
		v, ok = obj[tok]
		if !ok {
			return nil, false
		}
	}
	return v, true
}
