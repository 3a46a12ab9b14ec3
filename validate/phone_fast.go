//go:build !js

package validate

import (
	"bytes"
	"regexp/syntax"
	"slices"
	"strconv"
	"sync"

	"github.com/nyaruka/phonenumbers"
)

// The fast path of NormalizePhone.
//
// phonenumbers answers a number with a dozen regular expression matches
// (Parse alone runs six over the whole text) and about 50 allocations: some
// 15 µs, which made phone numbers most of the cost of a record. Most inputs
// are simple, though: "+" and digits, or the digits of a national number,
// with spaces, dashes, dots, slashes or parentheses between them. For those,
// phoneFast walks the same steps as phonenumbers (Parse, then
// IsPossibleNumberWithReason, GetRegionCodeForNumber, GetNumberType and
// Format(E164)) on phonenumbers' own metadata, with each pattern compiled
// once into a deterministic automaton over the ten digits: a number is then
// a handful of table look-ups. Wherever phonenumbers would take a branch
// that is not reproduced here (an international prefix such as "00", a
// national prefix with a transform rule, a number that could carry its
// region's calling code without "+", an unassigned range, a pattern that
// does not compile to an automaton …), phoneFast declines and NormalizePhone
// asks phonenumbers. FuzzPhoneFastPath checks that both give the same
// result for any input.

// phoneFastCompiled reports that the fast path is part of the build: it is
// left out of the browser build (GOOS=js, phone_fast_js.go), where one
// number at a time is fast enough and every kilobyte of the module counts.
const phoneFastCompiled = true

// maxFastDigits is the most digits phoneFast looks at: a calling code of 3
// and a national number of phonenumbers' maximum, 17.
const maxFastDigits = 3 + 17

// phoneFast returns NormalizePhone's result for text (trimmed, not empty,
// at most maxPhoneInput bytes) and region when it can tell it without
// calling phonenumbers; ok is false when it cannot.
func phoneFast(text, region string) (res PhoneResult, ok bool) {
	var buf [maxFastDigits]byte
	digits, plus, ok := fastDigits(text, buf[:0])
	if !ok {
		return PhoneResult{}, false
	}
	// digits and the national number are slices of buf: only the E.164
	// form is allocated.
	t := phoneTables()

	// Parse: the calling code, and the plan the number is read with.
	var (
		cc   int
		rest []byte
		plan *phonePlan
	)
	if plus {
		// "+" then the calling code: the first 1 to 3 digits that are a
		// known one (digits[0] is not "0").
		for i := 1; i <= 3 && i <= len(digits); i++ {
			if c := atoi(digits[:i]); t.byCC[c].known {
				cc, rest = c, digits[i:]
				break
			}
		}
		if cc == 0 || t.byCC[cc].plans == nil {
			return PhoneResult{}, false
		}
		plan = t.byCC[cc].plan(0)
	} else {
		plan = t.region(phoneRegion(region))
		if plan == nil || !plan.ok || plan.idd == nil || plan.idd.prefix(digits) ||
			bytes.HasPrefix(digits, []byte(plan.ccText)) {
			// No usable region, or a number that starts with the region's
			// international prefix or its calling code.
			return PhoneResult{}, false
		}
		cc, rest = plan.cc, digits
	}
	if !plan.ok || len(rest) < phonenumbers.MIN_LENGTH_FOR_NSN {
		return PhoneResult{}, false
	}
	nsn, ok := plan.stripNationalPrefix(rest)
	if !ok || len(nsn) < phonenumbers.MIN_LENGTH_FOR_NSN || len(nsn) > phonenumbers.MAX_LENGTH_FOR_NSN {
		return PhoneResult{}, false
	}

	// IsPossibleNumberWithReason, on the plan of the calling code's main
	// region.
	entry := &t.byCC[cc]
	if entry.plans == nil {
		return PhoneResult{}, false
	}
	main := entry.plan(0)
	if !main.ok {
		return PhoneResult{}, false
	}
	switch main.possible(nsn) {
	case phonenumbers.IS_POSSIBLE:
	case phonenumbers.IS_POSSIBLE_LOCAL_ONLY:
		return invalidPhone("local_only", nil), true
	case phonenumbers.TOO_SHORT:
		return invalidPhone("too_short", nil), true
	case phonenumbers.TOO_LONG:
		return invalidPhone("too_long", nil), true
	default: // INVALID_LENGTH
		return invalidPhone("invalid_length", nil), true
	}

	// GetRegionCodeForNumber, then GetNumberType on the region's plan.
	var numPlan *phonePlan
	if len(entry.regions) == 1 {
		numPlan = main
	} else {
		for k := range entry.regions {
			p := entry.plan(k)
			if !p.ok {
				return PhoneResult{}, false
			}
			if p.leading != nil {
				if p.leading.prefix(nsn) {
					numPlan = p
					break
				}
			} else if p.numberType(nsn) != phonenumbers.UNKNOWN {
				numPlan = p
				break
			}
		}
		if numPlan == nil {
			return PhoneResult{}, false // no region: an unassigned range
		}
	}
	typ := numPlan.numberType(nsn)
	if typ == phonenumbers.UNKNOWN {
		return PhoneResult{}, false // an unassigned range: see NormalizePhone
	}
	var buf164 [1 + maxFastDigits]byte
	e164 := append(append(append(buf164[:0], '+'), entry.text...), nsn...)
	res = PhoneResult{OK: true, E164: text, Type: phoneType(typ), Issues: Issues{}}
	if string(e164) != text {
		res.E164 = string(e164)
	}
	if len(numPlan.region) == 2 {
		res.Region = numPlan.region
	}
	return res, true
}

// fastDigits returns the ASCII digits of text when text is "+" or a digit
// followed by digits and the separators " -./()" only, with at least three
// digits and at most maxFastDigits (and, after "+", not starting with
// "0"). For such text, phonenumbers' Parse finds no extension, no second
// number, no letters and no RFC 3966 parameters, and reads exactly these
// digits. plus reports the leading "+".
func fastDigits(text string, buf []byte) (digits []byte, plus, ok bool) {
	i := 0
	if text[0] == '+' {
		plus = true
		i = 1
	}
	for ; i < len(text); i++ {
		switch c := text[i]; {
		case '0' <= c && c <= '9':
			if len(buf) == cap(buf) {
				return nil, false, false
			}
			buf = append(buf, c)
		case c == ' ' || c == '-' || c == '.' || c == '/' || c == '(' || c == ')':
		default:
			return nil, false, false
		}
	}
	if len(buf) < 3 || plus && buf[0] == '0' {
		return nil, false, false
	}
	return buf, plus, true
}

// atoi converts 1 to 3 ASCII digits.
func atoi(s []byte) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// The tables of the fast path, built once from phonenumbers' metadata. The
// plans themselves, whose automata take a while to build, are built the
// first time a number needs them.
type fastTables struct {
	// byCC is indexed by calling code (all are below 1000).
	byCC [1000]ccEntry
	// byRegion is indexed by regionIndex.
	byRegion [26 * 26]func() *phonePlan
}

// ccEntry is one calling code: its regions in phonenumbers' order (the
// main region first), or "001" for a non-geographical one.
type ccEntry struct {
	// known: phonenumbers knows the calling code. plans is nil when one
	// of its regions has no metadata (the fast path then declines).
	known   bool
	regions []string
	plans   []func() *phonePlan
	text    string // the calling code in decimal
}

func (e *ccEntry) plan(k int) *phonePlan { return e.plans[k]() }

// region returns the plan of a two-letter region code, nil for an
// unsupported one.
func (t *fastTables) region(code string) *phonePlan {
	k, ok := regionIndex(code)
	if !ok || t.byRegion[k] == nil {
		return nil
	}
	return t.byRegion[k]()
}

func regionIndex(code string) (int, bool) {
	if len(code) != 2 || code[0] < 'A' || code[0] > 'Z' || code[1] < 'A' || code[1] > 'Z' {
		return 0, false
	}
	return int(code[0]-'A')*26 + int(code[1]-'A'), true
}

var phoneTables = sync.OnceValue(func() *fastTables {
	t := new(fastTables)
	coll, err := phonenumbers.MetadataCollection()
	if err != nil {
		return t // no fast path
	}
	geo := make(map[string]*phonenumbers.PhoneMetadata)
	nonGeo := make(map[int32]*phonenumbers.PhoneMetadata)
	for _, m := range coll.GetMetadata() {
		if m.GetId() == "001" {
			nonGeo[m.GetCountryCode()] = m
		} else {
			geo[m.GetId()] = m
		}
	}
	lazy := make(map[string]func() *phonePlan)
	for region, m := range geo {
		if k, ok := regionIndex(region); ok && phonenumbers.GetSupportedRegions()[region] {
			f := sync.OnceValue(func() *phonePlan { return compilePlan(m) })
			lazy[region] = f
			t.byRegion[k] = f
		}
	}
	for cc := range phonenumbers.GetSupportedCallingCodes() {
		regions := phonenumbers.GetRegionCodesForCountryCode(cc)
		if cc <= 0 || cc >= len(t.byCC) {
			continue
		}
		t.byCC[cc].known = true
		if len(regions) == 0 {
			continue
		}
		e := ccEntry{known: true, regions: regions, text: strconv.Itoa(cc)}
		for _, region := range regions {
			var f func() *phonePlan
			if region == phonenumbers.REGION_CODE_FOR_NON_GEO_ENTITY {
				if m := nonGeo[int32(cc)]; m != nil {
					f = sync.OnceValue(func() *phonePlan { return compilePlan(m) })
				}
			} else {
				f = lazy[region]
			}
			if f == nil {
				e.plans = nil
				break
			}
			e.plans = append(e.plans, f)
		}
		if e.plans != nil {
			t.byCC[cc] = e
		}
	}
	return t
})

// A phonePlan is one region's (or non-geographical calling code's)
// metadata, compiled.
type phonePlan struct {
	region string // "DE", or "001" for a non-geographical code
	cc     int
	ccText string
	// ok reports that every pattern compiled and the metadata has what
	// the fast path needs; a plan that is not ok is never used.
	ok bool

	idd       *digitDFA // international prefix
	npfp      *digitDFA // national prefix for parsing; nil: none
	transform bool      // has a national prefix transform rule
	leading   *digitDFA // leading digits; nil: none

	general        numberDesc
	generalLengths []int32 // general possible lengths
	generalLocal   []int32 // and local-only ones
	// byType are the descs getNumberTypeHelper checks before fixed line,
	// in its order.
	byType          [8]typedDesc
	fixed, mobile   numberDesc
	sameMobileFixed bool
}

type typedDesc struct {
	typ  phonenumbers.PhoneNumberType
	desc numberDesc
}

// numberDesc is a compiled PhoneNumberDesc: isNumberMatchingDesc.
type numberDesc struct {
	lengths []int32
	dfa     *digitDFA // nil: matches no number
}

func (d *numberDesc) matches(nsn []byte) bool {
	if d.dfa == nil {
		return false
	}
	if len(d.lengths) > 0 && !slices.Contains(d.lengths, int32(len(nsn))) {
		return false
	}
	return d.dfa.full(nsn)
}

// compilePlan compiles m; the plan is not ok when a pattern does not
// compile to an automaton.
func compilePlan(m *phonenumbers.PhoneMetadata) *phonePlan {
	p := &phonePlan{
		region:          m.GetId(),
		cc:              int(m.GetCountryCode()),
		ccText:          strconv.Itoa(int(m.GetCountryCode())),
		transform:       m.GetNationalPrefixTransformRule() != "",
		sameMobileFixed: m.GetSameMobileAndFixedLinePattern(),
		generalLengths:  m.GetGeneralDesc().GetPossibleLength(),
		generalLocal:    m.GetGeneralDesc().GetPossibleLengthLocalOnly(),
	}
	ok := true
	pattern := func(pat string) *digitDFA {
		if pat == "" {
			return nil
		}
		d, built := compileDigitDFA(pat)
		ok = ok && built
		return d
	}
	desc := func(d *phonenumbers.PhoneNumberDesc) numberDesc {
		return numberDesc{lengths: d.GetPossibleLength(), dfa: pattern(d.GetNationalNumberPattern())}
	}
	p.idd = pattern(m.GetInternationalPrefix())
	p.npfp = pattern(m.GetNationalPrefixForParsing())
	p.leading = pattern(m.GetLeadingDigits())
	p.general = desc(m.GetGeneralDesc())
	for k, d := range []struct {
		typ  phonenumbers.PhoneNumberType
		desc *phonenumbers.PhoneNumberDesc
	}{
		{phonenumbers.PREMIUM_RATE, m.GetPremiumRate()},
		{phonenumbers.TOLL_FREE, m.GetTollFree()},
		{phonenumbers.SHARED_COST, m.GetSharedCost()},
		{phonenumbers.VOIP, m.GetVoip()},
		{phonenumbers.PERSONAL_NUMBER, m.GetPersonalNumber()},
		{phonenumbers.PAGER, m.GetPager()},
		{phonenumbers.UAN, m.GetUan()},
		{phonenumbers.VOICEMAIL, m.GetVoicemail()},
	} {
		p.byType[k] = typedDesc{typ: d.typ, desc: desc(d.desc)}
	}
	p.fixed = desc(m.GetFixedLine())
	p.mobile = desc(m.GetMobile())
	// A general desc without pattern or possible lengths takes branches of
	// phonenumbers the fast path does not reproduce.
	p.ok = ok && p.general.dfa != nil && len(p.generalLengths) > 0
	return p
}

// stripNationalPrefix is the national prefix step of Parse
// (maybeStripNationalPrefixAndCarrierCode and the length check after it):
// the national significant number read from the digits after the calling
// code. ok is false when the outcome depends on what the fast path does not
// reproduce: a transform rule, or a prefix pattern that could end at two
// places.
func (p *phonePlan) stripNationalPrefix(digits []byte) (nsn []byte, ok bool) {
	if p.npfp == nil || !p.npfp.prefix(digits) {
		return digits, true
	}
	if p.transform {
		return nil, false
	}
	end, ends := p.npfp.prefixEnd(digits)
	if ends != 1 {
		return nil, false
	}
	stripped := digits[end:]
	if p.general.dfa.full(digits) && !p.general.dfa.full(stripped) {
		// The number was viable and would not be without the prefix.
		return digits, true
	}
	switch p.lengthResult(len(stripped)) {
	case phonenumbers.TOO_SHORT, phonenumbers.IS_POSSIBLE_LOCAL_ONLY, phonenumbers.INVALID_LENGTH:
		return digits, true
	}
	return stripped, true
}

// possible is IsPossibleNumberWithReason for a national significant number
// of the plan's calling code (p is its main region's plan).
func (p *phonePlan) possible(nsn []byte) phonenumbers.ValidationResult {
	return p.lengthResult(len(nsn))
}

// lengthResult is testNumberLength with type UNKNOWN: the general desc's
// possible lengths.
func (p *phonePlan) lengthResult(n int) phonenumbers.ValidationResult {
	lengths := p.generalLengths
	if lengths[0] == -1 {
		return phonenumbers.INVALID_LENGTH
	}
	l := int32(n)
	if slices.Contains(p.generalLocal, l) {
		return phonenumbers.IS_POSSIBLE_LOCAL_ONLY
	}
	switch {
	case lengths[0] == l:
		return phonenumbers.IS_POSSIBLE
	case lengths[0] > l:
		return phonenumbers.TOO_SHORT
	case lengths[len(lengths)-1] < l:
		return phonenumbers.TOO_LONG
	case slices.Contains(lengths[1:], l):
		return phonenumbers.IS_POSSIBLE
	}
	return phonenumbers.INVALID_LENGTH
}

// numberType is getNumberTypeHelper.
func (p *phonePlan) numberType(nsn []byte) phonenumbers.PhoneNumberType {
	if !p.general.matches(nsn) {
		return phonenumbers.UNKNOWN
	}
	for k := range p.byType {
		if p.byType[k].desc.matches(nsn) {
			return p.byType[k].typ
		}
	}
	if p.fixed.matches(nsn) {
		if p.sameMobileFixed || p.mobile.matches(nsn) {
			return phonenumbers.FIXED_LINE_OR_MOBILE
		}
		return phonenumbers.FIXED_LINE
	}
	if !p.sameMobileFixed && p.mobile.matches(nsn) {
		return phonenumbers.MOBILE
	}
	return phonenumbers.UNKNOWN
}

// A digitDFA is a deterministic automaton over the ASCII digits that
// recognizes the same strings of digits as a regular expression.
type digitDFA struct {
	// next[10*s+d] is the state after digit d in state s; -1 is no match
	// possible any more. State 0 is the start.
	next   []int32
	accept []bool
}

// maxDFAStates bounds the automaton of one pattern (the largest of the
// metadata has a few hundred states).
const maxDFAStates = 1 << 12

// full reports whether s (ASCII digits) matches the whole pattern: the
// regexp "^(?:pattern)$".
func (d *digitDFA) full(s []byte) bool {
	st := int32(0)
	for i := 0; i < len(s); i++ {
		st = d.next[10*int(st)+int(s[i]-'0')]
		if st < 0 {
			return false
		}
	}
	return d.accept[st]
}

// prefix reports whether the pattern matches a prefix of s, the empty one
// included: the regexp "^(?:pattern)".
func (d *digitDFA) prefix(s []byte) bool {
	st := int32(0)
	for i := 0; ; i++ {
		if d.accept[st] {
			return true
		}
		if i == len(s) {
			return false
		}
		st = d.next[10*int(st)+int(s[i]-'0')]
		if st < 0 {
			return false
		}
	}
}

// prefixEnd returns the number of prefixes of s the pattern matches and,
// when there is exactly one, its length.
func (d *digitDFA) prefixEnd(s []byte) (end, ends int) {
	st := int32(0)
	for i := 0; ; i++ {
		if d.accept[st] {
			end, ends = i, ends+1
		}
		if i == len(s) {
			return end, ends
		}
		st = d.next[10*int(st)+int(s[i]-'0')]
		if st < 0 {
			return end, ends
		}
	}
}

// compileDigitDFA builds the automaton of the regular expression pat (Go
// syntax, as regexp.Compile reads it) by the subset construction over its
// compiled program. It fails for patterns with empty-width assertions (^,
// $, \b …) and for automata over maxDFAStates states.
func compileDigitDFA(pat string) (*digitDFA, bool) {
	re, err := syntax.Parse(pat, syntax.Perl)
	if err != nil {
		return nil, false
	}
	prog, err := syntax.Compile(re.Simplify())
	if err != nil {
		return nil, false
	}
	// closure adds to set the instructions reachable from pc without
	// consuming input; it reports false for an empty-width assertion.
	var closure func(pc uint32, seen []bool, set []uint32, accept *bool) ([]uint32, bool)
	closure = func(pc uint32, seen []bool, set []uint32, accept *bool) ([]uint32, bool) {
		if seen[pc] {
			return set, true
		}
		seen[pc] = true
		in := &prog.Inst[pc]
		ok := true
		switch in.Op {
		case syntax.InstAlt, syntax.InstAltMatch:
			if set, ok = closure(in.Out, seen, set, accept); ok {
				set, ok = closure(in.Arg, seen, set, accept)
			}
		case syntax.InstCapture, syntax.InstNop:
			set, ok = closure(in.Out, seen, set, accept)
		case syntax.InstMatch:
			*accept = true
		case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
			set = append(set, pc)
		case syntax.InstFail:
		default: // InstEmptyWidth
			ok = false
		}
		return set, ok
	}
	d := &digitDFA{}
	ids := make(map[string]int32)
	var states [][]uint32
	// add returns the id of the state made of set (sorted in place).
	add := func(set []uint32, accept bool) (int32, bool) {
		slices.Sort(set)
		key := make([]byte, 1, 1+4*len(set))
		if accept {
			key[0] = 1
		}
		for _, pc := range set {
			key = append(key, byte(pc), byte(pc>>8), byte(pc>>16), byte(pc>>24))
		}
		if id, ok := ids[string(key)]; ok {
			return id, true
		}
		if len(states) == maxDFAStates {
			return 0, false
		}
		id := int32(len(states))
		ids[string(key)] = id
		states = append(states, set)
		d.next = append(d.next, make([]int32, 10)...)
		d.accept = append(d.accept, accept)
		return id, true
	}
	var accept bool
	start, ok := closure(uint32(prog.Start), make([]bool, len(prog.Inst)), nil, &accept)
	if !ok {
		return nil, false
	}
	if _, ok := add(start, accept); !ok {
		return nil, false
	}
	for s := 0; s < len(states); s++ {
		for digit := range 10 {
			var set []uint32
			accept := false
			seen := make([]bool, len(prog.Inst))
			for _, pc := range states[s] {
				in := &prog.Inst[pc]
				if in.Op != syntax.InstRuneAny && in.Op != syntax.InstRuneAnyNotNL && !in.MatchRune(rune('0'+digit)) {
					continue
				}
				if set, ok = closure(in.Out, seen, set, &accept); !ok {
					return nil, false
				}
			}
			next := int32(-1)
			if len(set) > 0 || accept {
				if next, ok = add(set, accept); !ok {
					return nil, false
				}
			}
			d.next[10*s+digit] = next
		}
	}
	return d, true
}
