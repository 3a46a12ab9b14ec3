package stancer

import (
	"encoding/json"
	"strconv"
	"time"

	"github.com/custnorm/custnorm/convert/internal/fieldmap"
	"github.com/custnorm/custnorm/model"
	"github.com/custnorm/custnorm/validate"
)

// Name is the registry key of the Stancer customer format.
const Name = "stancer"

// docPage is Stancer's documentation of the customer object, whose table
// gives the limits ("String, min = 4, max = 64") and whose Perl model gives
// them again (Varchar[4, 64]).
const docPage = "https://stancer.com/documentation/fr/api/.parts/customers"

// Length limits of the request members, in Unicode code points after NFC;
// see the package doc, # Limits.
var (
	// nameLimit: lib-python InvalidNameError "between 4 and 64" too;
	// lib-php ≥ 1.1.2 allows 3 (wearestancer/lib-php CHANGELOG.md): we
	// follow the documentation.
	nameLimit = fieldmap.Limit{Min: 4, Max: 64, Source: docPage}
	// emailLimit: the same in wearestancer/lib-python stancer/customer.py,
	// lib-php src/Customer.php and lib-perl lib/Stancer/Customer.pm.
	emailLimit = fieldmap.Limit{Min: 5, Max: 64, Source: docPage}
	// mobileLimit: the same in the three SDKs.
	mobileLimit = fieldmap.Limit{Min: 8, Max: 16, Source: docPage}
	// externalIDLimit: not in the documentation; lib-python
	// InvalidCustomerExternalIdError "36 characters maximum", lib-perl
	// InvalidExternalId.
	externalIDLimit = fieldmap.Limit{Max: 36, Source: "wearestancer/lib-php src/Customer.php (dataModel externalId size max 36)"}
)

// requestFields maps the text members of the create/update request beside
// name, in the order Encode writes them.
var requestFields = [...]fieldmap.Mapping{
	{Member: memberEmail, Field: fieldmap.Email, Limit: emailLimit},
	{Member: memberMobile, Field: fieldmap.Mobile, Limit: mobileLimit},
	{Member: memberExternalID, Field: fieldmap.RefMerchant, Limit: externalIDLimit},
}

// readOnlyFields are the canonical fields of the response-only members,
// which Encode never writes (see readOnlyMembers).
var readOnlyFields = [...]fieldmap.Field{fieldmap.RefStancer, fieldmap.Created, fieldmap.LiveMode, fieldmap.Country}

// Pointers of the Stancer customer object's members.
const (
	memberID              validate.Pointer = "/id"
	memberName            validate.Pointer = "/name"
	memberEmail           validate.Pointer = "/email"
	memberMobile          validate.Pointer = "/mobile"
	memberExternalID      validate.Pointer = "/external_id"
	memberCreated         validate.Pointer = "/created"
	memberLiveMode        validate.Pointer = "/live_mode"
	memberCountry         validate.Pointer = "/country"
	memberBillingAddress  validate.Pointer = "/billing_address"
	memberShippingAddress validate.Pointer = "/shipping_address"
)

// canonProvider is the canonical pointer of this format's residue.
const canonProvider validate.Pointer = "/provider/" + Name

// Rules named in changes and issues.
const (
	ruleNameSplit = "name_split"
	ruleNameJoin  = "name_join"
)

// idFormat is the invalid_id "format" param for a malformed customer id.
const idFormat = "cust_ + 24 letters or digits"

// oneOfFields is the one_of_required "fields" param.
const oneOfFields = "email, mobile"

// knownMembers lists every documented member of the customer object, request
// or response (docPage; external_id, country and the address ids from the
// SDKs: lib-php src/Customer.php, lib-python stancer/customer.py and
// stancer/core/abstract_country.py). All are marked opaque: the address ids because an
// expanded Address object is kept whole, the scalar members because nothing
// lies below them, so that an object sent where a string belongs is reported
// once (wrong_type) and kept whole, without unknown_field warnings for its
// inside. The map is never modified.
var knownMembers = map[validate.Pointer]bool{
	memberID:              true,
	memberName:            true,
	memberEmail:           true,
	memberMobile:          true,
	memberExternalID:      true,
	memberCreated:         true,
	memberLiveMode:        true,
	memberCountry:         true,
	memberBillingAddress:  true,
	memberShippingAddress: true,
}

// readOnlyMembers are the response-only members: never written by Encode,
// also when they linger in the residue (an id or created of the wrong type).
// docPage marks id and created read-only (Perl "is => 'ro'"; neither is a
// create or update data parameter); live_mode is not an update parameter
// and not written by any SDK; country is read-only in the Python SDK
// (abstract_country.py). The slice is never modified.
var readOnlyMembers = []string{"id", "created", "live_mode", "country"}

// Converter reads and writes the Stancer customer format. Its zero value is
// ready to use; it holds no state and is safe for concurrent use.
type Converter struct{}

// Name returns "stancer".
func (Converter) Name() string { return Name }

// Decode reads a Stancer customer object, request or response, into the
// canonical record. Values are mapped as written (the pipeline in package
// convert normalizes them afterwards); the single name is split into given
// and family name when [validate.SplitName] finds that unambiguous; created
// (Unix seconds) becomes RFC 3339 in UTC. Members with no canonical field,
// and values of the wrong JSON type, are kept in the record's provider
// section under [Name]; unknown members are reported as unknown_field
// warnings. An id that is not "cust_" + 24 letters or digits is an
// invalid_id error; an empty name, email or mobile is a too_short error.
func (Converter) Decode(data []byte) (model.Customer, validate.Origins, validate.Report) {
	r := new(fieldmap.Reader)
	if !r.Parse(data) {
		return model.Customer{}, r.Origins, r.Report
	}
	r.Known = knownMembers

	var c model.Customer
	decodeID(r, &c)
	decodeName(r, &c)
	for _, m := range requestFields {
		text(r, m, &c)
	}
	decodeCreated(r, &c)
	r.Origins.Set(fieldmap.LiveMode.Pointer(), memberLiveMode)
	if b, ok := r.Bool(memberLiveMode); ok {
		c.LiveMode = &b
	}
	r.ReadText(fieldmap.Mapping{Member: memberCountry, Field: fieldmap.Country}, "", &c)

	r.KeepResidue(&c, Name)
	return c, r.Origins, r.Report
}

// text reads the string member of m with [fieldmap.Reader.ReadText]: an
// empty string stays in the residue (the canonical record has no "present
// but empty"), so that it round-trips. When m's limit has a minimum it is
// also a too_short error, as every SDK refuses "" for name, email and
// mobile (lib-python tests/test_customer.py, lib-php tests/unit/Customer.php).
// It reports whether it set the field.
func text(r *fieldmap.Reader, m fieldmap.Mapping, c *model.Customer) bool {
	if v, ok := r.Get(m.Member); ok && v == "" && m.Limit.Min > 0 {
		r.Report.Issue(m.Member, validate.CodeTooShort, validate.Params{"min": m.Limit.Min})
	}
	return r.ReadText(m, "", c)
}

// decodeID reads the Stancer id into refs.stancer, as written, and checks
// its shape: "cust_" and 24 ASCII letters or digits, 29 characters (docPage
// "fixed size = 29"; Perl Char[29]; lib-perl
// t/unit/Stancer/Customer/Test/Functional.pm tests ^cust_\w{24}). Any other
// string, "" included, is an invalid_id error.
func decodeID(r *fieldmap.Reader, c *model.Customer) {
	if s, isStr := r.PeekString(memberID); isStr && !validID(s) {
		r.Report.Issue(memberID, validate.CodeInvalidID, validate.Params{"format": idFormat})
	}
	r.Text(memberID, fieldmap.RefStancer.Pointer(), &c.Refs.Stancer)
}

// validID reports whether id has the shape of a Stancer customer id.
func validID(id string) bool {
	const prefix = "cust_"
	if len(id) != len(prefix)+24 || id[:len(prefix)] != prefix {
		return false
	}
	for i := len(prefix); i < len(id); i++ {
		c := id[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
			return false
		}
	}
	return true
}

// decodeName reads the single name. When it splits unambiguously, the parts
// go to givenName and familyName (a split change); the name itself is kept
// as fullName too only when joining the parts would not give it back (the
// "Family, Given" form), so that Encode writes it unchanged. When it does
// not split, it is kept as fullName, with no issue: a name that does not
// split is a valid Stancer name, and a target that needs the parts reports
// fullName as dropped.
func decodeName(r *fieldmap.Reader, c *model.Customer) {
	r.Origins.Set(fieldmap.GivenName.Pointer(), memberName)
	r.Origins.Set(fieldmap.FamilyName.Pointer(), memberName)
	if !text(r, fieldmap.Mapping{Member: memberName, Field: fieldmap.FullName, Limit: nameLimit}, c) {
		return
	}
	name := c.FullName
	given, family, ok := validate.SplitName(name)
	if !ok {
		return
	}
	c.GivenName, c.FamilyName = given, family
	if validate.JoinName(given, family) == validate.NormalizeText(name) {
		c.FullName = ""
	}
	r.Report.Change(validate.ChangeSplit, memberName, ruleNameSplit)
}

// Bounds of created: the Unix seconds of 0001-01-01T00:00:00Z and
// 9999-12-31T23:59:59Z, the range RFC 3339 can write.
const (
	minCreated = -62135596800
	maxCreated = 253402300799
)

// decodeCreated reads created, Unix seconds (docPage: "The Unix timestamp
// representing creation date"), as RFC 3339 in UTC. A number that is not a
// whole number of seconds in RFC 3339's range is an invalid_format error and
// stays in the residue.
func decodeCreated(r *fieldmap.Reader, c *model.Customer) {
	r.Origins.Set(fieldmap.Created.Pointer(), memberCreated)
	v, ok := r.Get(memberCreated)
	if !ok || v == nil {
		return
	}
	num, isNum := v.(json.Number)
	if !isNum {
		r.Number(memberCreated) // reports wrong_type, leaves it in the residue
		return
	}
	sec, err := strconv.ParseInt(string(num), 10, 64)
	if err != nil || sec < minCreated || sec > maxCreated {
		r.Report.Issue(memberCreated, validate.CodeInvalidFormat, validate.Params{"format": "Unix time in whole seconds"})
		return
	}
	r.Consume(memberCreated)
	c.Created = time.Unix(sec, 0).UTC().Format(time.RFC3339)
}

// Encode writes c as the Stancer create/update request {name, email,
// mobile, external_id} plus the writable members of c's Stancer section
// (address ids, unknown members). Read-only values (the Stancer id, created,
// live mode, country) are dropped changes with rule "read_only"; every other
// value Stancer cannot hold is a dropped change with rule "not_in_target".
//
// Issues: a member outside its length limit (too_short, too_long: errors);
// neither email nor mobile when c has no Stancer id, i.e. a create request
// (one_of_required, error, path ""); a mobile that is a valid number of a
// type other than mobile, such as a fixed line (not_mobile, warning).
func (Converter) Encode(c model.Customer) ([]byte, validate.Report) { return encode(c, fieldmap.Full) }

// EncodeOmitChanges is Encode without the changes: the same document and
// the same issues, for less work (the dropped values are not looked for).
func (Converter) EncodeOmitChanges(c model.Customer) ([]byte, validate.Issues) {
	return fieldmap.Issues(encode(c, fieldmap.OmitChanges))
}

// EncodeIssues gives the issues EncodeOmitChanges gives, without writing
// the document (what a validation needs).
func (Converter) EncodeIssues(c model.Customer) validate.Issues {
	return fieldmap.IssuesOf(encode(c, fieldmap.IssuesOnly))
}

// encode is Encode, writing with a Writer of mode.
func encode(c model.Customer, mode fieldmap.Mode) ([]byte, validate.Report) {
	w := fieldmap.NewWriter(mode)
	encodeName(w, c)
	for _, m := range requestFields {
		w.WriteText(m, "", &c)
	}
	checkMobile(w, c)

	// The SDKs refuse to create a customer without email or mobile
	// (lib-php Customer::send and lib-perl: "You must provide an email or a
	// phone number to create a customer."; Python is_complete). An update
	// (the record has its Stancer id) is not checked.
	if c.Email == "" && c.Mobile == "" && c.Refs.Stancer == "" {
		w.Report.Issue("", validate.CodeOneOfRequired, validate.Params{"fields": oneOfFields})
	}

	for _, f := range readOnlyFields {
		if f.IsSet(&c) {
			w.Change(validate.ChangeDropped, f.Pointer(), fieldmap.RuleReadOnly)
			w.Wrote(f.Pointer())
		}
	}
	w.ResidueWithout(c.Provider[Name], canonProvider, readOnlyMembers)
	w.Dropped(c, fieldmap.RuleNotInTarget)
	return w.Bytes(), w.Report
}

// encodeName writes name: the full name when c has one, else the given and
// family name joined with one space (a joined change). Given and family name
// next to a full name count as written when the full name splits into
// exactly them; otherwise they are dropped.
func encodeName(w *fieldmap.Writer, c model.Customer) {
	switch {
	case c.FullName != "":
		w.Text(memberName, c.FullName, fieldmap.FullName.Pointer(), nameLimit)
		if c.GivenName != "" || c.FamilyName != "" {
			given, family, ok := validate.SplitName(c.FullName)
			if ok && given == c.GivenName && family == c.FamilyName {
				w.Wrote(fieldmap.GivenName.Pointer())
				w.Wrote(fieldmap.FamilyName.Pointer())
			}
		}
	case c.GivenName != "" && c.FamilyName != "":
		w.Text(memberName, validate.JoinName(c.GivenName, c.FamilyName), fieldmap.GivenName.Pointer(), nameLimit)
		w.Wrote(fieldmap.FamilyName.Pointer())
		w.ChangeTo(validate.ChangeJoined, fieldmap.GivenName.Pointer(), memberName, ruleNameJoin)
	case c.GivenName != "":
		w.Text(memberName, c.GivenName, fieldmap.GivenName.Pointer(), nameLimit)
	default:
		w.Text(memberName, c.FamilyName, fieldmap.FamilyName.Pointer(), nameLimit)
	}
}

// checkMobile reports a mobile that is a valid number of another type than
// mobile (a fixed line, a toll-free number …) as a not_mobile warning, param
// "type". Numbers that do not parse, or lie in an unassigned range, are left
// to the phone check of package validate.
func checkMobile(w *fieldmap.Writer, c model.Customer) {
	if c.Mobile == "" {
		return
	}
	res := validate.NormalizePhone(string(c.Mobile), string(c.Address.Country))
	if !res.OK || res.Type == validate.PhoneUnknown || validate.IsMobileType(res.Type) {
		return
	}
	iss := validate.NewIssue(fieldmap.Mobile.Pointer(), validate.CodeNotMobile, validate.Params{"type": string(res.Type)})
	w.Report.Issues = append(w.Report.Issues, iss.WithTarget(memberMobile))
}
