package validate_test

import (
	"testing"

	"github.com/custnorm/custnorm/validate"
)

// benchPhones are typical inputs: national and international, mobile and
// fixed line, a shared calling code (+1), an extension, a rejection.
var benchPhones = []struct{ text, region string }{
	{"+49 177 5555555", "DE"},
	{"030 12345678", "DE"},
	{"0612345678", "NL"},
	{"+33 6 84 85 86 87", "FR"},
	{"+44 20 7946 0958", "GB"},
	{"(650) 253-0000", "US"},
	{"871.790.7578 x4882", "US"},
	{"+37258774XXX", ""},
}

// BenchmarkNormalizePhone reports the cost of one number (op), cycling
// through benchPhones.
func BenchmarkNormalizePhone(b *testing.B) {
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		p := benchPhones[i%len(benchPhones)]
		validate.NormalizePhone(p.text, p.region)
		i++
	}
}

// BenchmarkNormalizePhoneParallel is BenchmarkNormalizePhone on every
// GOMAXPROCS, for the throughput target (phonenumbers' regexp cache sits
// behind a lock).
func BenchmarkNormalizePhoneParallel(b *testing.B) {
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			p := benchPhones[i%len(benchPhones)]
			validate.NormalizePhone(p.text, p.region)
			i++
		}
	})
}
