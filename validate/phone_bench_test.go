package validate_test

import (
	"testing"

	"github.com/nyaruka/phonenumbers"

	"github.com/custnorm/custnorm/validate"
)

// typicalPhones are typical inputs of a customer record: national and
// international, an international prefix ("00"), an extension, a shared
// calling code (+1), mobile and fixed line, all accepted.
var typicalPhones = []struct{ text, region string }{
	{"0049 30 12345678", "DE"},
	{"+1 650 253 0000 ext. 12", ""},
	{"(650) 253-0000", "US"},
	{"030 12345678", "DE"},
	{"+33 6 84 85 86 87", "FR"},
	{"0612345678", "NL"},
	{"+44 20 7946 0958", "GB"},
	{"+49 177 5555555", "DE"},
}

// BenchmarkPhone compares NormalizePhone with what phonenumbers needs for
// the same answers (Parse, IsValidNumber, GetNumberType, Format(E164)) on
// the same typical inputs, in one run: the target is NormalizePhone at
// most 3 % of phonenumbers, with at most one allocation (the E.164
// string). Each op is one number, cycling through typicalPhones.
func BenchmarkPhone(b *testing.B) {
	b.Run("NormalizePhone", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			p := typicalPhones[i%len(typicalPhones)]
			if !validate.NormalizePhone(p.text, p.region).OK {
				b.Fatal(p)
			}
			i++
		}
	})
	b.Run("phonenumbers", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			p := typicalPhones[i%len(typicalPhones)]
			num, err := phonenumbers.Parse(p.text, p.region)
			if err != nil || !phonenumbers.IsValidNumber(num) {
				b.Fatal(p, err)
			}
			_ = phonenumbers.GetNumberType(num)
			_ = phonenumbers.Format(num, phonenumbers.E164)
			i++
		}
	})
}

// rejectedPhones are inputs NormalizePhone rejects, for the cost of a
// rejection (the issue and its params are allocated).
var rejectedPhones = []struct{ text, region string }{
	{"+37258774XXX", ""},
	{"030 12345678", ""},
	{"+3368485868700001", "FR"},
	{"call me maybe", "DE"},
}

func BenchmarkNormalizePhoneRejected(b *testing.B) {
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		p := rejectedPhones[i%len(rejectedPhones)]
		validate.NormalizePhone(p.text, p.region)
		i++
	}
}

// BenchmarkNormalizePhoneParallel is BenchmarkPhone/NormalizePhone on
// every GOMAXPROCS: the engine shares nothing, so it scales.
func BenchmarkNormalizePhoneParallel(b *testing.B) {
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			p := typicalPhones[i%len(typicalPhones)]
			validate.NormalizePhone(p.text, p.region)
			i++
		}
	})
}

// TestNormalizePhoneAllocs checks the allocation target on the typical
// inputs: at most the E.164 string, none when the input is already in
// E.164 form.
func TestNormalizePhoneAllocs(t *testing.T) {
	if testing.Short() {
		t.Skip("allocation counts under -short")
	}
	for _, p := range typicalPhones {
		if n := testing.AllocsPerRun(100, func() { validate.NormalizePhone(p.text, p.region) }); n > 1 {
			t.Errorf("NormalizePhone(%q, %q): %v allocations, want at most 1", p.text, p.region, n)
		}
	}
	if n := testing.AllocsPerRun(100, func() { validate.NormalizePhone("+4930123456", "") }); n != 0 {
		t.Errorf("NormalizePhone of an E.164 text: %v allocations, want 0", n)
	}
}
