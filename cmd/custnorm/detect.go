package main

// detect names the format of one record with the formats' JSON Schemas
// (schema.Set.Detect): the one format whose schema accepts the record and
// that names one of its top-level members no other candidate names. It
// returns "" and the reason (which formats came close, and why they do not
// fit) when no single format fits.
func (p *processor) detect(doc []byte) (format, reason string) {
	d := p.schemas.Detect(doc)
	return d.Format, d.Reason
}
