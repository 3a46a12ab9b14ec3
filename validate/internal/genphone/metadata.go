package main

import (
	"fmt"
	"regexp/syntax"
	"slices"
	"strings"

	"github.com/nyaruka/phonenumbers"

	"github.com/custnorm/custnorm/validate/internal/automata"
)

// The descs of a plan, in the order of their bits in the plan's desc
// automaton: the general desc, then the types in the order
// getNumberTypeHelper checks them, then fixed line and mobile.
const (
	descGeneral = iota
	descPremiumRate
	descTollFree
	descSharedCost
	descVoIP
	descPersonalNumber
	descPager
	descUAN
	descVoicemail
	descFixedLine
	descMobile
	numDescs
)

var descNames = [numDescs]string{
	"general", "premium_rate", "toll_free", "shared_cost", "voip", "personal_number",
	"pager", "uan", "voicemail", "fixed_line", "mobile",
}

// digitReps are the symbols of the digit automata: '0' … '9'.
var digitReps = []rune("0123456789")

// A plan is the compiled metadata of one region, or of one
// non-geographical calling code ("001").
type plan struct {
	id string
	cc int

	idd     *automata.DFA // international prefix, first match from the start
	npfp    *automata.DFA // national prefix for parsing, ^(?:p), first match; nil: none
	leading *automata.DFA // leading digits, ^(?:p); nil: none

	// transform is the national prefix transform rule, parsed; prog is
	// the program of ^(?:npfp) for the backtracker, set when transform is.
	transform []ruleItem
	prog      *syntax.Prog

	// descs has bit d set in its labels when desc d's pattern, as
	// ^(?:p)$, matches the whole national number.
	descs *automata.DFA
	// lengths[d] are the possible lengths of desc d; anyLength[d]: the
	// desc lists none (any length passes isNumberPossibleForDesc).
	lengths   [numDescs]lengthSet
	anyLength [numDescs]bool
	// localOnly are the general desc's local-only lengths.
	localOnly lengthSet
	// noPattern: the general desc has no pattern (IsPossibleNumber then
	// checks the length only).
	noPattern       bool
	sameMobileFixed bool
}

// A lengthSet is a set of lengths 1 … 31 (bit n: length n); bit 0 stands
// for phonenumbers' -1 (no number of this desc exists).
type lengthSet uint32

const lengthNone lengthSet = 1

func makeLengthSet(ls []int32) (lengthSet, error) {
	if len(ls) == 1 && ls[0] == -1 {
		return lengthNone, nil
	}
	var s lengthSet
	for i, l := range ls {
		if l < 1 || l > 31 || i > 0 && l <= ls[i-1] {
			return 0, fmt.Errorf("possible lengths %v: not ascending lengths 1 to 31", ls)
		}
		s |= 1 << l
	}
	return s, nil
}

// A ruleItem is a literal or a group reference of a transform rule.
type ruleItem struct {
	lit   string
	group int // > 0: the group's text
}

// parseRule parses a transform rule the way regexp.Expand reads a
// template, accepting only what the metadata uses: digits and $n.
func parseRule(rule string) ([]ruleItem, error) {
	var items []ruleItem
	for rule != "" {
		i := strings.IndexByte(rule, '$')
		if i < 0 {
			items = append(items, ruleItem{lit: rule})
			break
		}
		if i > 0 {
			items = append(items, ruleItem{lit: rule[:i]})
		}
		rule = rule[i+1:]
		// Expand's name: the longest run of letters, digits and '_'.
		j := 0
		for j < len(rule) && (rule[j] >= '0' && rule[j] <= '9' || rule[j] == '_' ||
			rule[j] >= 'a' && rule[j] <= 'z' || rule[j] >= 'A' && rule[j] <= 'Z') {
			j++
		}
		name := rule[:j]
		if name == "" || len(name) > 1 || name[0] < '1' || name[0] > '9' {
			return nil, fmt.Errorf("transform rule: unsupported reference $%s", name)
		}
		items = append(items, ruleItem{group: int(name[0] - '0')})
		rule = rule[j:]
	}
	for _, it := range items {
		for _, c := range it.lit {
			if c < '0' || c > '9' {
				return nil, fmt.Errorf("transform rule: literal %q is not digits", it.lit)
			}
		}
	}
	return items, nil
}

// digitDFA compiles pat and builds its automaton over the digits.
func digitDFA(pat string, mode automata.Mode) (*automata.DFA, error) {
	prog, err := automata.Compile(pat)
	if err != nil {
		return nil, err
	}
	d, err := automata.Build(prog, digitReps, mode)
	if err != nil {
		return nil, fmt.Errorf("%q: %w", pat, err)
	}
	return d, nil
}

// compilePlan compiles m as phonenumbers uses it.
func compilePlan(m *phonenumbers.PhoneMetadata) (*plan, error) {
	p := &plan{id: m.GetId(), cc: int(m.GetCountryCode()), sameMobileFixed: m.GetSameMobileAndFixedLinePattern()}
	var err error
	// parsePrefixAsIdd: regexFor(prefix), a match that starts at 0.
	if p.idd, err = digitDFA(m.GetInternationalPrefix(), automata.FirstMatch); err != nil {
		return nil, fmt.Errorf("international prefix: %w", err)
	}
	if npfp := m.GetNationalPrefixForParsing(); npfp != "" {
		pat := "^(?:" + npfp + ")"
		if p.npfp, err = digitDFA(pat, automata.FirstMatch); err != nil {
			return nil, fmt.Errorf("national prefix for parsing: %w", err)
		}
		if rule := m.GetNationalPrefixTransformRule(); rule != "" {
			if p.transform, err = parseRule(rule); err != nil {
				return nil, err
			}
			if p.prog, err = automata.Compile(pat); err != nil {
				return nil, err
			}
		}
	}
	if ld := m.GetLeadingDigits(); ld != "" {
		if p.leading, err = digitDFA("^(?:"+ld+")", automata.FirstMatch); err != nil {
			return nil, fmt.Errorf("leading digits: %w", err)
		}
	}
	descs := [numDescs]*phonenumbers.PhoneNumberDesc{
		m.GetGeneralDesc(), m.GetPremiumRate(), m.GetTollFree(), m.GetSharedCost(), m.GetVoip(),
		m.GetPersonalNumber(), m.GetPager(), m.GetUan(), m.GetVoicemail(), m.GetFixedLine(), m.GetMobile(),
	}
	parts := make([]*automata.DFA, numDescs)
	for i, desc := range descs {
		if desc == nil {
			// phonenumbers reads the possible lengths of every desc
			// without a nil check.
			return nil, fmt.Errorf("no %s desc", descNames[i])
		}
		// isNumberMatchingDesc: ^(?:pattern)$, also for an empty pattern.
		if parts[i], err = digitDFA("^(?:"+desc.GetNationalNumberPattern()+")$", automata.AllMatches); err != nil {
			return nil, fmt.Errorf("%s: %w", descNames[i], err)
		}
		if len(desc.GetPossibleLength()) == 0 {
			p.anyLength[i] = true
		} else if p.lengths[i], err = makeLengthSet(desc.GetPossibleLength()); err != nil {
			return nil, fmt.Errorf("%s: %w", descNames[i], err)
		}
	}
	gen := descs[descGeneral]
	if len(gen.GetPossibleLength()) == 0 {
		// testNumberLength would index an empty slice.
		return nil, fmt.Errorf("general desc without possible lengths")
	}
	if p.localOnly, err = makeLengthSet(gen.GetPossibleLengthLocalOnly()); err != nil {
		return nil, fmt.Errorf("general desc local-only lengths: %w", err)
	}
	if p.localOnly == lengthNone {
		return nil, fmt.Errorf("general desc local-only lengths: -1")
	}
	p.noPattern = gen.GetNationalNumberPattern() == ""
	if p.descs, err = automata.Product(parts, len(digitReps)); err != nil {
		return nil, err
	}
	return p, nil
}

// metadata is what the generator reads from phonenumbers.
type metadata struct {
	plans []*plan // regions sorted by code, then non-geographical entities by calling code
	// codes maps each supported calling code to its regions, main first
	// ("001" for a non-geographical one), as GetRegionCodesForCountryCode.
	codes map[int][]string
}

func readMetadata() (*metadata, error) {
	coll, err := phonenumbers.MetadataCollection()
	if err != nil {
		return nil, err
	}
	md := &metadata{codes: map[int][]string{}}
	for cc := range phonenumbers.GetSupportedCallingCodes() {
		md.codes[cc] = slices.Clone(phonenumbers.GetRegionCodesForCountryCode(cc))
	}
	all := slices.Clone(coll.GetMetadata())
	slices.SortFunc(all, func(a, b *phonenumbers.PhoneMetadata) int {
		ag, bg := a.GetId() == "001", b.GetId() == "001"
		switch {
		case ag != bg && ag:
			return 1
		case ag != bg:
			return -1
		case ag:
			return int(a.GetCountryCode() - b.GetCountryCode())
		}
		return strings.Compare(a.GetId(), b.GetId())
	})
	for _, m := range all {
		p, err := compilePlan(m)
		if err != nil {
			return nil, fmt.Errorf("%s (+%d): %w", m.GetId(), m.GetCountryCode(), err)
		}
		md.plans = append(md.plans, p)
	}
	return md, nil
}
