package convert

import (
	"encoding/json"
	"time"

	"github.com/custnorm/custnorm/model"
	"github.com/custnorm/custnorm/validate"
)

// Options configure a [Pipeline].
type Options struct {
	// Region is the default region (ISO 3166-1 alpha-2) for phone numbers
	// without an international prefix when the address has no country, and
	// the country of an address that has none (a defaulted change).
	Region string
	// Lang is the BCP 47 language of issue messages, matched as
	// validate.NewLocalizer does: en, de, fr, es, it, nl, pl, sv, the
	// languages of Messages, and regional tags of them (de-AT → de);
	// others fall back to English.
	Lang string
	// Messages are the caller's message texts (validate.ParseMessages,
	// validate.NewMessages), over the shipped ones; nil for none. They are
	// parsed once when made, so passing them costs nothing per record.
	Messages *validate.Messages
	// Strict makes every warning an error.
	Strict bool
	// Now is the clock for birth-date checks; nil means time.Now.
	Now func() time.Time
	// MaxAge overrides validate.DefaultMaxAge.
	MaxAge int
	// OmitChanges leaves the changes out of every result (Result.Changes
	// is nil) and spares the work of listing them. The output and the
	// issues are the same. For callers that pass the converted documents
	// on and do not show what was changed (the CLI without --report).
	OmitChanges bool
	// Rules are the caller's own checks of each record (see
	// validate.Rule), run in Convert, Validate, Stream and ValidateCustomer
	// after the built-in ones; their issues point into the input like
	// every other.
	Rules []validate.Rule
}

// Result is the outcome for one record. Its JSON form is the shape the CLI's
// report and the JS API use.
type Result struct {
	// OK is true when the record has no error-severity issue.
	OK bool `json:"ok"`
	// Output is the converted document; set whenever the input could be
	// read, even when OK is false (callers that must not pass rejected
	// records on check OK).
	Output json.RawMessage `json:"output,omitempty"`
	// Issues point into the input document (target: into the output).
	Issues validate.Issues `json:"issues"`
	// Changes is everything custnorm did to the data.
	Changes []validate.Change `json:"changes"`
	// Records holds, for a container document (a secuconnect list), one
	// result per record, in order, with pointers into the whole document;
	// nil for a document that is one record.
	Records []Result `json:"records,omitempty"`
}

// A Pipeline converts and validates records with fixed options: decode →
// normalize → check → encode, with every issue and change pointing into the
// input document. It is safe for concurrent use; a CLI makes one per run.
type Pipeline struct {
	reg       *Registry
	opt       Options
	validator validate.Validator
	loc       *validate.Localizer
}

// NewPipeline returns a pipeline over the formats of r.
func (r *Registry) NewPipeline(opt Options) *Pipeline {
	return &Pipeline{
		reg:       r,
		opt:       opt,
		validator: validate.Validator{Now: opt.Now, MaxAge: opt.MaxAge, Region: opt.Region, Rules: opt.Rules},
		loc:       validate.NewLocalizer(opt.Lang, validate.WithMessages(opt.Messages)),
	}
}

// Convert converts one document of format from into format to. The error is
// non-nil only for an unknown format name; everything wrong with the data is
// in the result's issues.
//
// A container document (a secuconnect list or DELETE array, see [Lister])
// gives one result per record in Result.Records, in order, with every
// pointer pointing into the whole document; the top-level result then has
// no output, holds every record's issues and changes, and is OK when every
// record is.
func (p *Pipeline) Convert(from, to string, data []byte) (Result, error) {
	src, err := p.reg.lookup(from)
	if err != nil {
		return Result{}, err
	}
	dst, err := p.reg.lookup(to)
	if err != nil {
		return Result{}, err
	}
	if recs, at, ok := split(src, data); ok {
		return p.document(recs, at, func(rec []byte) Result { return p.convert(src, dst, rec) }), nil
	}
	return p.convert(src, dst, data), nil
}

// convert converts one record.
func (p *Pipeline) convert(src, dst Converter, data []byte) Result {
	c, origins, rep := src.Decode(data)
	if rep.Issues.HasError() && c.IsZero() {
		return p.finish(rep, nil)
	}
	c, nrep := p.validator.Customer(c)
	nrep.Remap(&origins)
	merge(&rep, nrep)
	out, erep := encode(dst, c, p.opt.OmitChanges)
	erep.Remap(&origins)
	if src.Name() == dst.Name() {
		sameFormat(&erep)
	}
	merge(&rep, erep)
	return p.finish(rep, out)
}

// Validate checks one document of format as the provider would: decode,
// normalize, check, and the provider's own limits on what would be sent.
// The result has no output. A container document gives one result per
// record, as in [Pipeline.Convert].
func (p *Pipeline) Validate(format string, data []byte) (Result, error) {
	conv, err := p.reg.lookup(format)
	if err != nil {
		return Result{}, err
	}
	if recs, at, ok := split(conv, data); ok {
		return p.document(recs, at, func(rec []byte) Result { return p.validate(conv, rec) }), nil
	}
	return p.validate(conv, data), nil
}

// validate validates one record.
func (p *Pipeline) validate(conv Converter, data []byte) Result {
	c, origins, rep := conv.Decode(data)
	if rep.Issues.HasError() && c.IsZero() {
		return p.finish(rep, nil)
	}
	c, nrep := p.validator.Customer(c)
	if p.opt.OmitChanges {
		nrep.Changes = nil // not mapped back and sorted only to be dropped
	}
	nrep.Remap(&origins)
	merge(&rep, nrep)
	erep := validate.Report{Issues: encodeIssues(conv, c)} // what Validate reports of encoding is its issues
	erep.Remap(&origins)
	sameFormat(&erep)
	rep.Issues = append(rep.Issues, erep.Issues...)
	return p.finish(rep, nil)
}

// ValidateCustomer checks a canonical record held as a Go value against the
// rules of format, as Validate checks a document, without writing it to
// JSON first: normalize, check (with the caller's rules), and the format's
// own limits on what would be sent. The issues' paths are canonical
// pointers ("/givenName"); issues that exist only in the format's document
// carry its pointer as target. The result has no output, and its changes
// say what normalization did (c itself is not modified). The error is
// non-nil only for an unknown format name.
func (p *Pipeline) ValidateCustomer(format string, c model.Customer) (Result, error) {
	conv, err := p.reg.lookup(format)
	if err != nil {
		return Result{}, err
	}
	n, rep := p.validator.Customer(c)
	rep.Issues = append(rep.Issues, encodeIssues(conv, n)...)
	return p.finish(rep, nil), nil
}

// split splits a container document of conv's format into its records
// and their pointers; ok is false for a single record.
func split(conv Converter, data []byte) (recs [][]byte, at []validate.Pointer, ok bool) {
	if l, isLister := conv.(Lister); isLister {
		return l.Records(data)
	}
	return nil, nil, false
}

// document is the result of a container document whose records are recs
// at the pointers at, each with the result one gives.
func (p *Pipeline) document(recs [][]byte, at []validate.Pointer, one func([]byte) Result) Result {
	doc := Result{OK: true, Issues: validate.Issues{}, Records: make([]Result, len(recs))}
	if !p.opt.OmitChanges {
		doc.Changes = []validate.Change{}
	}
	for k, rec := range recs {
		r := one(rec).Prefix(at[k])
		doc.Records[k] = r
		doc.OK = doc.OK && r.OK
		doc.Issues = append(doc.Issues, r.Issues...)
		if !p.opt.OmitChanges {
			doc.Changes = append(doc.Changes, r.Changes...)
		}
	}
	return doc
}

// encode encodes c with conv, without listing changes when omitChanges is
// set (see [ChangeOmitter]).
func encode(conv Converter, c model.Customer, omitChanges bool) ([]byte, validate.Report) {
	if !omitChanges {
		return conv.Encode(c)
	}
	if o, ok := conv.(ChangeOmitter); ok {
		out, iss := o.EncodeOmitChanges(c)
		return out, validate.Report{Issues: iss}
	}
	out, rep := conv.Encode(c)
	rep.Changes = nil
	return out, rep
}

// encodeIssues returns the issues of encoding c with conv, without the
// document where conv can leave it out (see [IssueEncoder]).
func encodeIssues(conv Converter, c model.Customer) validate.Issues {
	if e, ok := conv.(IssueEncoder); ok {
		return e.EncodeIssues(c)
	}
	_, rep := encode(conv, c, true)
	return rep.Issues
}

// merge is rep.Merge(o) for a report o that is not used afterwards: where
// rep has no issues (changes), it takes o's slice over instead of copying
// it.
func merge(rep *validate.Report, o validate.Report) {
	if len(rep.Issues) == 0 {
		rep.Issues = o.Issues
	} else {
		rep.Issues = append(rep.Issues, o.Issues...)
	}
	if len(rep.Changes) == 0 {
		rep.Changes = o.Changes
	} else {
		rep.Changes = append(rep.Changes, o.Changes...)
	}
}

// Records splits a container document of format (secuconnect's list) into
// its records and their pointers; any other document is one record at "".
func (p *Pipeline) Records(format string, data []byte) ([][]byte, []validate.Pointer) {
	if conv, ok := p.reg.Lookup(format); ok {
		if recs, at, ok := split(conv, data); ok {
			return recs, at
		}
	}
	return [][]byte{data}, []validate.Pointer{""}
}

// sameFormat rewrites an encode report for output in the input's own
// format: the target pointer is a pointer into a document of the same
// shape, so it replaces a path that found no origin, and is then dropped.
func sameFormat(rep *validate.Report) {
	for k := range rep.Issues {
		if t := rep.Issues[k].Target; t != nil && rep.Issues[k].Path == "" {
			rep.Issues[k].Path = *t
		}
		rep.Issues[k].Target = nil
	}
	for k := range rep.Changes {
		if t := rep.Changes[k].Target; t != nil && rep.Changes[k].Path == "" {
			rep.Changes[k].Path = *t
		}
		rep.Changes[k].Target = nil
	}
}

func (p *Pipeline) finish(rep validate.Report, out []byte) Result {
	if p.opt.Strict {
		rep.Issues = rep.Issues.Strict()
	}
	if p.opt.OmitChanges {
		rep.Changes = nil // before Normalize, which would sort them
	}
	rep.Normalize()
	rep.Issues = rep.Issues.Cap(validate.MaxIssues)
	if p.opt.OmitChanges {
		rep.Changes = nil
	}
	p.loc.Fill(rep.Issues)
	return Result{OK: !rep.Issues.HasError(), Output: out, Issues: rep.Issues, Changes: rep.Changes}
}

// Prefix returns a copy of res with at prepended to every input path (for
// records inside a container document).
func (res Result) Prefix(at validate.Pointer) Result {
	if at == "" {
		return res
	}
	for k := range res.Issues {
		res.Issues[k].Path = at + res.Issues[k].Path
	}
	for k := range res.Changes {
		res.Changes[k].Path = at + res.Changes[k].Path
	}
	return res
}

// Convert converts one document with the options opt; see
// [Pipeline.Convert]. A caller that converts many documents with the same
// options makes one [Pipeline] and calls its Convert: this makes a new one
// each time.
func (r *Registry) Convert(from, to string, data []byte, opt Options) (Result, error) {
	return r.NewPipeline(opt).Convert(from, to, data)
}

// ValidateCustomer validates a canonical record with the options opt; see
// [Pipeline.ValidateCustomer].
func (r *Registry) ValidateCustomer(format string, c model.Customer, opt Options) (Result, error) {
	return r.NewPipeline(opt).ValidateCustomer(format, c)
}

// Validate validates one document with the options opt; see
// [Pipeline.Validate].
func (r *Registry) Validate(format string, data []byte, opt Options) (Result, error) {
	return r.NewPipeline(opt).Validate(format, data)
}
