package convert

import (
	"github.com/custnorm/custnorm/convert/internal/fieldmap"
	"github.com/custnorm/custnorm/model"
	"github.com/custnorm/custnorm/validate"
)

// Converter reads and writes one format. The provider packages' Converter
// types satisfy it structurally; their zero values are ready to use, and
// they are immutable and safe to share between goroutines.
type Converter interface {
	// Name is the format's registry key ("stancer").
	Name() string
	// Decode reads one document of the format into the canonical record.
	// The report's paths point into data; the origins map each canonical
	// pointer to the pointer in data its value came from (or belongs at).
	// A document that cannot be read at all gives a report with an error
	// (invalid_json, too_large, wrong_type at "") and a zero record.
	Decode(data []byte) (model.Customer, validate.Origins, validate.Report)
	// Encode writes c as the document one sends to the provider. The
	// report's paths are canonical pointers; issues and changes that exist
	// in the output carry its pointer as target. Values of c the format
	// cannot hold are dropped changes.
	Encode(c model.Customer) ([]byte, validate.Report)
}

// A ChangeOmitter is a Converter that can also encode without listing the
// changes, which is less work: finding the values the format cannot hold
// is a good part of encoding. Every provider converter custnorm ships is
// one. A [Pipeline] uses it when its options omit changes, and in Validate,
// which never reports the changes of its encoding step; for a converter
// that is not one, it calls Encode and leaves the changes out.
type ChangeOmitter interface {
	// EncodeOmitChanges returns what Encode returns without the changes:
	// the same document and the same issues.
	EncodeOmitChanges(c model.Customer) ([]byte, validate.Issues)
}

// An IssueEncoder is a Converter that can also give the issues of encoding
// a record without writing the document: what [Pipeline.Validate] and
// [Pipeline.ValidateCustomer] need of the encoding step. Every provider
// converter custnorm ships is one; for a converter that is not, they
// encode and drop the document.
type IssueEncoder interface {
	// EncodeIssues returns the issues EncodeOmitChanges returns.
	EncodeIssues(c model.Customer) validate.Issues
}

// A Lister is a Converter whose format has container documents that hold
// several records (secuconnect's list {count,data:[…]} and DELETE array).
type Lister interface {
	// Records splits a container document into its records, each with the
	// pointer of the record inside data. ok is false when data is not a
	// container (it is then one record).
	Records(data []byte) (records [][]byte, at []validate.Pointer, ok bool)
}

// A SampleCompleter is a Converter whose documents need values that a
// synthetic record of a person lacks: identifiers or registrations that a
// merchant or the provider assigns, which Encode never invents (a missing
// one is a required issue). Generators of test data (the CLI's gen command)
// call CompleteSample on each record before Encode; seq numbers the record,
// from 1, and the record already holds the merchant's reference.
type SampleCompleter interface {
	CompleteSample(c *model.Customer, seq int)
}

// Limits of one record, for every format.
const (
	// MaxDocumentBytes is the largest document one record may be: larger
	// ones are rejected (too_large), never truncated.
	MaxDocumentBytes = fieldmap.MaxDocumentBytes
	// MaxDepth is the deepest nesting of objects and arrays accepted
	// (too_deep).
	MaxDepth = fieldmap.MaxDepth
)
