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

// Length limits of the request members, in Unicode code points after NFC.
// Each names its source; see the package doc, # Limits.
var (
	// nameLimit: seed 003 ("name … String, min = 4, max = 64"; Perl
	// Varchar[4, 64]); Python InvalidNameError "between 4 and 64". lib-php
	// ≥ 1.1.2 allows 3 (providers.md 3.2, 3.3): we follow the seed.
	nameLimit = fieldmap.Limit{Min: 4, Max: 64}
	// emailLimit: seed 003 ("email … min = 5, max = 64"; Perl
	// Varchar[5, 64]); Python, PHP and Perl SDKs alike (providers.md 3.3).
	emailLimit = fieldmap.Limit{Min: 5, Max: 64}
	// mobileLimit: seed 003 ("mobile … min = 8, max = 16"; Perl
	// Varchar[8, 16]); Python, PHP and Perl SDKs alike (providers.md 3.3).
	mobileLimit = fieldmap.Limit{Min: 8, Max: 16}
	// externalIDLimit: not in seed 003; lib-php src/Customer.php dataModel
	// externalId size max 36, Python InvalidCustomerExternalIdError "36
	// characters maximum", Perl InvalidExternalId (providers.md 3.2, 3.3).
	externalIDLimit = fieldmap.Limit{Max: 36}
)

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

// Canonical pointers this package reads and writes.
const (
	canonGivenName  validate.Pointer = "/givenName"
	canonFamilyName validate.Pointer = "/familyName"
	canonFullName   validate.Pointer = "/fullName"
	canonEmail      validate.Pointer = "/email"
	canonMobile     validate.Pointer = "/mobile"
	canonStancerRef validate.Pointer = "/refs/stancer"
	canonMerchant   validate.Pointer = "/refs/merchant"
	canonCreated    validate.Pointer = "/created"
	canonLiveMode   validate.Pointer = "/liveMode"
	canonCountry    validate.Pointer = "/address/country"
	canonProvider   validate.Pointer = "/provider/" + Name
)

// Rules named in changes and issues.
const (
	ruleNameSplit   = "name_split"
	ruleNameJoin    = "name_join"
	ruleReadOnly    = "read_only"
	ruleNotInTarget = "not_in_target"
)

// idFormat is the invalid_id "format" param for a malformed customer id.
const idFormat = "cust_ + 24 letters or digits"

// oneOfFields is the one_of_required "fields" param.
const oneOfFields = "email, mobile"

// knownMembers lists every documented member of the customer object, request
// or response (seed 003; external_id, country and the address ids from the
// SDKs, providers.md 3.2). All are marked opaque: the address ids because an
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
// Seed 003 marks id and created read-only (Perl "is => 'ro'"; neither is a
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
	ok := r.Parse(data)
	if !ok {
		return model.Customer{}, r.Origins, r.Report
	}
	r.Known = knownMembers

	var c model.Customer
	decodeID(r, &c)
	decodeName(r, &c)
	text(r, memberEmail, canonEmail, &c.Email, emailLimit.Min)
	var mobile string
	if text(r, memberMobile, canonMobile, &mobile, mobileLimit.Min) {
		c.Mobile = model.Phone(mobile)
	}
	text(r, memberExternalID, canonMerchant, &c.Refs.Merchant, 0)
	decodeCreated(r, &c)
	r.Origins.Set(canonLiveMode, memberLiveMode)
	if b, ok := r.Bool(memberLiveMode); ok {
		c.LiveMode = &b
	}
	var country string
	if text(r, memberCountry, canonCountry, &country, 0) {
		c.Address.Country = model.Country(country)
	}

	if res := r.Residue(); res != nil {
		c.Provider = map[string]json.RawMessage{Name: res}
		r.Origins.Set(canonProvider, "")
	}
	return c, r.Origins, r.Report
}

// text reads the string member p into *dst, recording that canon comes from
// p. An empty string is left in the residue (the canonical record has no
// "present but empty"), so that it round-trips; when minLen > 0 it is also a
// too_short error, as every SDK refuses "" for name, email and mobile
// (providers.md T4–T6). It reports whether *dst was set.
func text(r *fieldmap.Reader, p, canon validate.Pointer, dst *string, minLen int) bool {
	r.Origins.Set(canon, p)
	if v, ok := r.Get(p); ok {
		if s, isStr := v.(string); isStr && s == "" {
			if minLen > 0 {
				r.Report.Issue(p, validate.CodeTooShort, validate.Params{"min": minLen})
			}
			return false
		}
	}
	return r.Text(p, canon, dst)
}

// decodeID reads the Stancer id into refs.stancer, as written, and checks
// its shape: "cust_" and 24 ASCII letters or digits, 29 characters (seed 003
// "fixed size = 29"; Perl Char[29]; lib-perl tests ^cust_\w{24};
// providers.md 3.2). Any other string, "" included, is an invalid_id error.
func decodeID(r *fieldmap.Reader, c *model.Customer) {
	r.Origins.Set(canonStancerRef, memberID)
	v, ok := r.Get(memberID)
	if !ok || v == nil {
		return
	}
	s, isStr := v.(string)
	if !isStr {
		r.String(memberID) // reports wrong_type, leaves it in the residue
		return
	}
	if !validID(s) {
		r.Report.Issue(memberID, validate.CodeInvalidID, validate.Params{"format": idFormat})
	}
	if s != "" {
		r.Text(memberID, canonStancerRef, &c.Refs.Stancer)
	}
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
	r.Origins.Set(canonGivenName, memberName)
	r.Origins.Set(canonFamilyName, memberName)
	var name string
	if !text(r, memberName, canonFullName, &name, nameLimit.Min) {
		return
	}
	given, family, ok := validate.SplitName(name)
	if !ok {
		c.FullName = name
		return
	}
	c.GivenName, c.FamilyName = given, family
	if validate.JoinName(given, family) != validate.NormalizeText(name) {
		c.FullName = name
	}
	r.Report.Change(validate.ChangeSplit, memberName, ruleNameSplit)
}

// Bounds of created: the Unix seconds of 0001-01-01T00:00:00Z and
// 9999-12-31T23:59:59Z, the range RFC 3339 can write.
const (
	minCreated = -62135596800
	maxCreated = 253402300799
)

// decodeCreated reads created, Unix seconds (seed 003 "The Unix timestamp
// representing creation date"), as RFC 3339 in UTC. A number that is not a
// whole number of seconds in RFC 3339's range is an invalid_format error and
// stays in the residue.
func decodeCreated(r *fieldmap.Reader, c *model.Customer) {
	r.Origins.Set(canonCreated, memberCreated)
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
func (Converter) Encode(c model.Customer) ([]byte, validate.Report) {
	return encode(c, false)
}

// EncodeOmitChanges is Encode without the changes: the same document and
// the same issues, for less work (the dropped values are not looked for).
func (Converter) EncodeOmitChanges(c model.Customer) ([]byte, validate.Issues) {
	out, rep := encode(c, true)
	return out, rep.Issues
}

// encode is Encode; with omitChanges it lists no changes.
func encode(c model.Customer, omitChanges bool) ([]byte, validate.Report) {
	w := fieldmap.NewWriter()
	w.OmitChanges = omitChanges
	encodeName(w, c)
	w.Text(memberEmail, c.Email, canonEmail, emailLimit)
	w.Text(memberMobile, string(c.Mobile), canonMobile, mobileLimit)
	checkMobile(w, c)
	w.Text(memberExternalID, c.Refs.Merchant, canonMerchant, externalIDLimit)

	// The SDKs refuse to create a customer without email or mobile
	// (lib-php Customer::send and lib-perl: "You must provide an email or a
	// phone number to create a customer."; Python is_complete). An update
	// (the record has its Stancer id) is not checked.
	if c.Email == "" && c.Mobile == "" && c.Refs.Stancer == "" {
		w.Report.Issue("", validate.CodeOneOfRequired, validate.Params{"fields": oneOfFields})
	}

	for _, p := range [...]validate.Pointer{canonStancerRef, canonCreated, canonLiveMode, canonCountry} {
		if present(c, p) {
			w.Change(validate.ChangeDropped, p, ruleReadOnly)
			w.Wrote(p)
		}
	}
	encodeResidue(w, c.Provider[Name])
	w.Dropped(c, ruleNotInTarget)
	return w.Bytes(), w.Report
}

// encodeName writes name: the full name when c has one, else the given and
// family name joined with one space (a joined change). Given and family name
// next to a full name count as written when the full name splits into
// exactly them; otherwise they are dropped.
func encodeName(w *fieldmap.Writer, c model.Customer) {
	switch {
	case c.FullName != "":
		w.Text(memberName, c.FullName, canonFullName, nameLimit)
		if c.GivenName != "" || c.FamilyName != "" {
			given, family, ok := validate.SplitName(c.FullName)
			if ok && given == c.GivenName && family == c.FamilyName {
				w.Wrote(canonGivenName)
				w.Wrote(canonFamilyName)
			}
		}
	case c.GivenName != "" && c.FamilyName != "":
		w.Text(memberName, validate.JoinName(c.GivenName, c.FamilyName), canonGivenName, nameLimit)
		w.Wrote(canonFamilyName)
		w.ChangeTo(validate.ChangeJoined, canonGivenName, memberName, ruleNameJoin)
	case c.GivenName != "":
		w.Text(memberName, c.GivenName, canonGivenName, nameLimit)
	default:
		w.Text(memberName, c.FamilyName, canonFamilyName, nameLimit)
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
	w.Report.Issues = append(w.Report.Issues,
		validate.NewIssue(canonMobile, validate.CodeNotMobile, validate.Params{"type": string(res.Type)}).WithTarget(memberMobile))
}

// encodeResidue merges the writable part of the Stancer section into the
// output. Its read-only members are dropped changes with rule "read_only".
func encodeResidue(w *fieldmap.Writer, raw json.RawMessage) {
	if len(raw) == 0 {
		return
	}
	v, err := fieldmap.DecodeJSON(raw)
	obj, isObj := v.(map[string]any)
	if err != nil || !isObj {
		w.Residue(raw, canonProvider) // reports invalid_json or wrong_type
		return
	}
	for _, k := range readOnlyMembers {
		if _, ok := obj[k]; !ok {
			continue
		}
		p := canonProvider.AppendToken(k)
		w.Change(validate.ChangeDropped, p, ruleReadOnly)
		w.Wrote(p)
		delete(obj, k)
	}
	if len(obj) == 0 {
		return
	}
	b, err := json.Marshal(obj)
	if err != nil {
		return // cannot happen: obj was decoded from JSON
	}
	w.Residue(b, canonProvider)
}

// present reports whether c holds a value at the canonical pointer p, one
// of the read-only ones.
func present(c model.Customer, p validate.Pointer) bool {
	switch p {
	case canonStancerRef:
		return c.Refs.Stancer != ""
	case canonCreated:
		return c.Created != ""
	case canonLiveMode:
		return c.LiveMode != nil
	case canonCountry:
		return c.Address.Country != ""
	}
	return false
}
