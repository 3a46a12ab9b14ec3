package convert_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/custnorm/custnorm/convert"
)

// benchCountries are the countries of the benchmark records, with a mobile
// and a landline range each (valid, assigned ranges, as `custnorm gen`
// draws them) and the national form of both.
var benchCountries = []struct {
	country, city, postal, street string
	given, family                 []string
	// E.164 prefixes and the national forms, each followed by digits
	// random digits.
	mobile, landline         string
	natMobile, natLandline   string
	mobileDigits, landDigits int
}{
	{"DE", "Berlin", "10115", "Hauptstraße", []string{"Jürgen", "Anna"}, []string{"Müller", "Schmidt"},
		"+49151", "+4930", "0151 ", "030 ", 8, 8},
	{"FR", "Paris", "75011", "rue des Lilas", []string{"Léa", "Hugo"}, []string{"Dubois", "Lefèvre"},
		"+3361", "+331", "06 1", "01 ", 7, 8},
	{"NL", "Amsterdam", "1012 JS", "Kerkstraat", []string{"Daan", "Emma"}, []string{"de Jong", "Bakker"},
		"+3162", "+3120", "06-2", "020-", 7, 7},
	{"SE", "Stockholm", "111 52", "Storgatan", []string{"Åsa", "Erik"}, []string{"Lindström", "Olsson"},
		"+4670", "+468", "070-", "08-", 7, 7},
	{"GB", "London", "SW1A 1AA", "High Street", []string{"Oliver", "Grace"}, []string{"O'Brien", "Smith"},
		"+44771", "+44207946", "0771 ", "020 7946 ", 7, 4},
}

// benchRecords returns n secuconnect records like those of `custnorm gen
// --format secuconnect`: every field of a person, phones in E.164; with
// national, a third of the phones are written in national form instead.
func benchRecords(n int, national bool) [][]byte {
	r := rand.New(rand.NewPCG(1, 2))
	digits := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteByte(byte('0' + r.IntN(10)))
		}
		return b.String()
	}
	recs := make([][]byte, n)
	for k := range recs {
		c := benchCountries[r.IntN(len(benchCountries))]
		given, family := c.given[r.IntN(len(c.given))], c.family[r.IntN(len(c.family))]
		mobile := c.mobile + digits(c.mobileDigits)
		phone := c.landline + digits(c.landDigits)
		if national && r.IntN(3) == 0 {
			mobile = c.natMobile + mobile[len(c.mobile):]
			phone = c.natLandline + phone[len(c.landline):]
		}
		recs[k] = fmt.Appendf(nil, `{"contact":{"forename":%q,"surname":%q,"email":"user%d@example.com","phone":%q,"mobile":%q,"dob":"19%02d-%02d-%02d","address":{"street":%q,"street_number":"%d","postal_code":%q,"city":%q,"country":%q}}}`,
			given, family, k, phone, mobile, 40+r.IntN(60), 1+r.IntN(12), 1+r.IntN(28), c.street, 1+r.IntN(180), c.postal, c.city, c.country)
	}
	return recs
}

// BenchmarkPipelineConvert is the work of `custnorm convert --from
// secuconnect --to stancer` per record (op) with full normalization and
// validation, on one goroutine: decode, normalize and check, encode, issue
// messages. The CLI's framing and output are not part of it. The omit
// cases leave the changes out, as the CLI does without --report.
func BenchmarkPipelineConvert(b *testing.B) {
	for _, bc := range []struct {
		name     string
		national bool
		omit     bool
	}{{"e164", false, false}, {"mixed", true, false}, {"e164-omit", false, true}, {"mixed-omit", true, true}} {
		b.Run(bc.name, func(b *testing.B) {
			recs := benchRecords(4096, bc.national)
			p := convert.Builtin().NewPipeline(convert.Options{Now: fixedNow, OmitChanges: bc.omit})
			var size int64
			for _, r := range recs {
				size += int64(len(r))
			}
			b.SetBytes(size / int64(len(recs)))
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				res, err := p.Convert("secuconnect", "stancer", recs[i%len(recs)])
				if err != nil || !res.OK {
					b.Fatalf("Convert(%s) = %+v, %v", recs[i%len(recs)], res, err)
				}
				i++
			}
		})
	}
}

// BenchmarkPipelineConvertParallel is BenchmarkPipelineConvert/mixed-omit
// on every GOMAXPROCS (the CLI's worker pool shares one Pipeline, and
// omits changes without --report).
func BenchmarkPipelineConvertParallel(b *testing.B) {
	recs := benchRecords(4096, true)
	p := convert.Builtin().NewPipeline(convert.Options{Now: fixedNow, OmitChanges: true})
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			if _, err := p.Convert("secuconnect", "stancer", recs[i%len(recs)]); err != nil {
				b.Error(err)
				return
			}
			i++
		}
	})
}
