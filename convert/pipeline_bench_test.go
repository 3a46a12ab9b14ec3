package convert_test

import (
	"math/rand/v2"
	"testing"

	"github.com/custnorm/custnorm/convert"
	"github.com/custnorm/custnorm/convert/secuconnect"
	"github.com/custnorm/custnorm/internal/synth"
	"github.com/custnorm/custnorm/model"
)

// benchRecords returns n secuconnect records of the people `custnorm gen`
// makes (internal/synth, seed 1): every field of a person, phones in E.164;
// with national, a third of the records have their phones written in
// national form instead ("0151 23456789").
func benchRecords(n int, national bool) [][]byte {
	g := synth.New(1)
	r := rand.New(rand.NewPCG(1, 2))
	recs := make([][]byte, n)
	for k := range recs {
		c := g.Customer()
		if national && r.IntN(3) == 0 {
			for _, p := range []*model.Phone{&c.Mobile, &c.Phone} {
				if s, ok := synth.NationalForm(*p); ok {
					*p = model.Phone(s)
				}
			}
		}
		recs[k], _ = secuconnect.Converter{}.Encode(c)
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
