package validate

import (
	"math/bits"
	"unicode"
	"unicode/utf8"
)

// The phone engine: phonenumbers' Parse, IsPossibleNumberWithReason,
// GetRegionCodeForNumber, GetNumberType and Format(E164), step by step,
// over the tables of phone_gen.go. Each function below names the
// phonenumbers function it reproduces; where phonenumbers matches a
// regular expression, the engine runs an automaton built from that
// expression by the generator (validate/internal/genphone), with the
// semantics of Go's regexp (leftmost-first), so that both read every text
// alike. The differential tests (phone_oracle_test.go) and
// FuzzPhoneOracle compare the two.

// Constants of phonenumbers the engine relies on (the generator checks
// that they have not changed).
const (
	phoneMinNSN         = 2   // MIN_LENGTH_FOR_NSN
	phoneMaxNSN         = 17  // MAX_LENGTH_FOR_NSN
	phoneMaxCCLength    = 3   // MAX_LENGTH_COUNTRY_CODE
	phoneMaxInputLength = 250 // MAX_INPUT_STRING_LENGTH
)

// Types of the generated tables.

// The descs of a plan, in the order of their bits in its desc automaton.
const (
	phoneDescGeneral = iota
	phoneDescPremiumRate
	phoneDescTollFree
	phoneDescSharedCost
	phoneDescVoIP
	phoneDescPersonalNumber
	phoneDescPager
	phoneDescUAN
	phoneDescVoicemail
	phoneDescFixedLine
	phoneDescMobile
	phoneNumDescs
)

// phoneAnyLength is the length set of a desc that lists no possible
// lengths; in other sets bit n stands for length n, and bit 0 for
// phonenumbers' -1 (no number of the desc exists).
const phoneAnyLength = 1<<32 - 1

// Plan flags.
const (
	phoneNoPattern       = 1 << iota // the general desc has no pattern
	phoneSameMobileFixed             // sameMobileAndFixedLinePattern
)

// A phonePlanData is the compiled metadata of one region or of one
// non-geographical calling code: offsets of its automata in
// phoneAutomata (0: none) and its possible lengths.
type phonePlanData struct {
	id                        string // "DE", or "001"
	cc                        uint16
	idd, npfp, leading, descs uint32
	flags                     uint8
	lengths                   [phoneNumDescs]uint32
	localOnly                 uint32
	// A national prefix transform rule ("268$1"; "" for none) and the
	// program of the national prefix for parsing, which the rule's
	// groups need: phoneProgs[prog:prog+progLen], starting at progStart,
	// with progCaps capture slots.
	rule          string
	prog, progLen uint16
	progStart     uint16
	progCaps      uint8
}

// A phoneInst is an instruction of a program over the ASCII digits: the
// instructions of regexp/syntax, with rune instructions as a mask of the
// digits they match.
type phoneInst struct {
	op       uint8
	out, arg uint16
}

const (
	phoneOpFail = iota
	phoneOpMatch
	phoneOpAlt
	phoneOpNop
	phoneOpCapture
	phoneOpBegin // \A
	phoneOpEnd   // \z
	phoneOpDigit
)

// digitAuto returns the automaton of phoneAutomata over the digits at off.
func digitAuto(off uint32) automaton { return automatonAt(phoneAutomata, off, 10) }

// final returns the label the automaton ends in after the ASCII digits
// s: for a desc automaton, the bits of the descs whose patterns match s
// as a whole.
func (a *automaton) final(s []byte) int {
	// The loops of the two widths, with everything in registers: this runs
	// once or twice per number.
	d, base, stride, l := a.data, a.base, a.stride, a.l
	row := base
	if a.w == 1 {
		for _, c := range s {
			t := int(d[row+l+int(c-'0')]) - ' '
			if t == 94 {
				return 0
			}
			row = base + t*stride
		}
	} else {
		for _, c := range s {
			i := row + l + 2*int(c-'0')
			t := (int(d[i])-' ')*95 + int(d[i+1]) - ' '
			if t == 95*95-1 {
				return 0
			}
			row = base + t*stride
		}
	}
	return a.label(row)
}

// prefixEnd returns where Go's regexp ends its match of the automaton's
// pattern at the start of the ASCII digits s, -1 when it does not match
// there.
func (a *automaton) prefixEnd(s []byte) int {
	// label and next written out, everything in locals, as in final: the
	// browser build does not inline them.
	d, base, stride, l, w, dead := a.data, a.base, a.stride, a.l, a.w, a.dead
	last := -1
	row := base
	for p := 0; ; p++ {
		lab := int(d[row] - ' ')
		if l != 1 {
			lab = lab*95 + int(d[row+1]-' ')
		}
		if p == len(s) {
			if lab&labelEnd != 0 {
				last = p
			}
			return last
		}
		if lab&labelCont != 0 {
			last = p
		}
		i := row + l + int(s[p]-'0')*w
		t := int(d[i] - ' ')
		if w == 2 {
			t = t*95 + int(d[i+1]-' ')
		}
		if t == dead {
			return last
		}
		row = base + t*stride
	}
}

// A phoneToken is a rune of the text being parsed.
type phoneToken struct {
	r     rune  // the rune; a decimal digit of any script as its ASCII digit
	class uint8 // its class in the fixed patterns' automata
	width uint8 // its width in bytes, 1 for a digit (which is read as ASCII)
}

func (t phoneToken) isDigit() bool { return t.class == phoneDigitClass }
func (t phoneToken) isPlus() bool  { return t.r == '+' || t.r == '＋' }

// phoneRuneClass returns r's class and, for a decimal digit, its value.
func phoneRuneClass(r rune) (class uint8, digit rune) {
	if r < utf8.RuneSelf {
		class = phoneASCIIClasses[r] - ' '
		if class == phoneDigitClass {
			return class, r
		}
		return class, -1
	}
	class = runClass(phoneRuneRuns[:], r)
	if class != phoneDigitClass {
		return class, -1
	}
	lo, hi := 0, len(phoneDigitZeros)
	for hi-lo > 1 {
		m := int(uint(lo+hi) >> 1)
		if phoneDigitZeros[m] <= r {
			lo = m
		} else {
			hi = m
		}
	}
	return class, '0' + r - phoneDigitZeros[lo]
}

// tokenInfo is what tokenize learns of a text in its one pass.
type tokenInfo struct {
	alpha   bool // three ASCII letters or more: see phoneNormalize
	letter  bool // a letter (scanLetters has work to do)
	removed bool // format characters were left out
	invalid bool // invalid UTF-8
	// plain: white space at the ends aside, the text is a plain number:
	// plus signs, then decimal digits and the separators of
	// phonePlainSeparators, at least three digits, for which the generator
	// has checked what phonenumbers' fixed patterns answer
	// (phonePlainNumber).
	plain bool
}

// tokenize appends the runes of s, format characters left out, to toks;
// decimal digits become ASCII. Invalid UTF-8 bytes are U+FFFD, one byte
// wide, as Go's regexp reads them.
func tokenize(s string, toks []phoneToken) (_ []phoneToken, info tokenInfo) {
	var st tokenShape
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			var n int
			toks, n = tokenizeASCII(s[i:], toks, &st)
			i += n
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		i += w
		if w == 1 {
			info.invalid = true
		} else if unicode.Is(unicode.Cf, r) {
			info.removed = true
			continue
		}
		class, d := phoneRuneClass(r)
		t := phoneToken{r: r, class: class, width: uint8(w)}
		var kind uint8 = kindOther
		switch {
		case d >= 0:
			t.r, t.width = d, 1
			kind = kindDigit
		case t.isPlus():
			kind = kindPlus
		case unicode.IsSpace(r):
			kind = kindSpace
		default:
			info.letter = info.letter || unicode.IsLetter(r)
		}
		toks = append(toks, t)
		st.step(kind)
	}
	info.alpha = st.letters >= 3
	info.letter = info.letter || st.letters > 0
	info.plain = (st.shape == shapeDigits || st.shape == shapeTrailing) && st.digits >= 3
	return toks, info
}

// tokenizeASCII is tokenize for the ASCII bytes at the start of s: it
// appends their tokens to toks and returns how many it read. One table
// look-up a byte, and no branch but the loop's: in the browser build a
// number is read in a few hundred steps of this small function.
func tokenizeASCII(s string, toks []phoneToken, st *tokenShape) (_ []phoneToken, n int) {
	letters, digits, shape := st.letters, st.digits, int(st.shape)
	for n < len(s) && s[n] < utf8.RuneSelf {
		c := s[n]
		k := int(phoneASCIIKinds[c] - ' ')
		toks = append(toks, phoneToken{r: rune(c), class: phoneASCIIClasses[c] - ' ', width: 1})
		letters += k >> 3
		// step, written out: the browser build does not inline it.
		next := int(shapeNext[shape*numKinds+(k&7)] - ' ')
		digits += next >> 3
		shape = next & 7
		n++
	}
	st.letters, st.digits, st.shape = letters, digits, uint8(shape)
	return toks, n
}

// A tokenShape is what tokenize learns of a text's shape: its ASCII
// letters, and whether it is a plain number (tokenInfo.plain).
type tokenShape struct {
	letters, digits int
	shape           uint8 // shapeLeading …
}

// The shapes of a text read so far: leading white space, plus signs,
// digits and separators, trailing white space, anything else.
const (
	shapeLeading = iota
	shapePlus
	shapeDigits
	shapeTrailing
	shapeOther
	numShapes
)

// The kinds of token the shape of a text is told by: white space that is
// not a plain separator, a space, a plus sign, a decimal digit, another
// plain separator (phonePlainSeparators), anything else.
const (
	kindSpace = iota
	kindSeparatorSpace
	kindPlus
	kindDigit
	kindSeparator
	kindOther
	numKinds
)

// step moves st past a token of kind k: shapeNext holds the next shape,
// plus 8 when the token is a digit counted in a plain number.
func (st *tokenShape) step(k uint8) {
	next := shapeNext[int(st.shape)*numKinds+int(k)] - ' '
	st.digits += int(next >> 3)
	st.shape = next & 7
}

// shapeNext is the shape after a token: row shape, column kind, each
// entry ' ' + next shape (+ 8 when a digit is counted). TestShapeTables
// derives it from the rules.
const shapeNext = "" +
	"  !*$$" + // leading: white space stays; a plus, a digit; else other
	"$\"!*\"$" + // plus signs: a separator or a digit starts the digits
	"#\"$*\"$" + // digits: other white space than a space ends them
	"##$$$$" + // trailing: white space only
	"$$$$$$" // other: for good

// phoneASCIIKinds holds, for each ASCII byte, ' ' + its kind, plus 8 for
// an ASCII letter. TestShapeTables derives it from the rules.
const phoneASCIIKinds = "" +
	"%%%%%%%%%     %%%%%%%%%%%%%%%%%%!%%%%%%%$$%\"%$$$##########%%%%%%" +
	"%--------------------------%%%%%%--------------------------%%%%%"

// A runeAuto is an automaton over the rune classes of phonenumbers' fixed
// patterns: next[s*phoneNumClasses+c] is the state after class c in state
// s (runeAutoDead for none), label[s] its label (labelCont, labelEnd).
type runeAuto struct {
	next  []uint16
	label []uint8
}

const runeAutoDead = 1<<16 - 1

// autoRun runs a rune-class automaton over toks: forward from the start
// (reverse false), or backward from the end. It returns the longest match
// it sees, in tokens (-1 for none); forward over a pattern anchored at
// both ends, a match is the whole of toks.
func autoRun(a *runeAuto, toks []phoneToken, reverse bool) int {
	last := -1
	st := 0
	for p := 0; ; p++ {
		lab := a.label[st]
		if p == len(toks) {
			if lab&labelEnd != 0 {
				last = p
			}
			return last
		}
		if lab&labelCont != 0 {
			last = p
		}
		i := p
		if reverse {
			i = len(toks) - 1 - p
		}
		next := a.next[st*phoneNumClasses+int(toks[i].class)]
		if next == runeAutoDead {
			return last
		}
		st = int(next)
	}
}

// Parse failures: phonenumbers' errors, by the invalid_phone reason each
// maps to.
type phoneFailure uint8

const (
	phoneOK               phoneFailure = iota
	phoneNotANumber                    // ErrNotANumber
	phoneInvalidCountry                // ErrInvalidCountryCode
	phoneTooShortNSN                   // ErrTooShortNSN
	phoneTooShortAfterIDD              // ErrTooShortAfterIDD
	phoneTooLongNSN                    // ErrNumTooLong
)

// isViable is isViablePhoneNumber: at least two bytes (digits counted as
// ASCII), and VALID_PHONE_NUMBER_PATTERN.
func isViable(toks []phoneToken) bool {
	n := 0
	for _, t := range toks {
		n += int(t.width)
	}
	return n >= phoneMinNSN && autoRun(&phoneValidAuto, toks, false) == len(toks)
}

// phoneBuffers are the buffers of one parse, sized by its caller for a
// text of at most n runes: toks, ext and marker hold n, digits and
// scratch n+8 (a national number is never longer than the text's digits
// plus a transform rule's literal digits, at most 4), e164 n+26.
type phoneBuffers struct {
	alpha           bool // the text has three ASCII letters or more
	toks            []phoneToken
	digits, scratch []byte
	ext, marker     []byte
	e164            []byte
}

// phoneRuleSlack is what a transform rule may add to a national number.
const phoneRuleSlack = 8

// phoneParse is phonenumbers' Parse(text, region) (parseHelper), for
// toks, the runes of the text. plan is the region's plan (-1: not a
// supported region). It returns the calling code (0 when there is none)
// and the national significant number, a slice of buf, and the extension
// (ASCII digits, a slice of ext). plain says toks are a plain number
// (tokenInfo.plain).
func phoneParse(toks []phoneToken, plan int, bufs *phoneBuffers, plain bool) (cc int, nsn, ext []byte, fail phoneFailure) {
	var num []phoneToken
	if plain && phonePlainNumber {
		// A plain number: the generator checked on the automata that
		// phonenumbers' patterns take the whole text as a viable number
		// without extension.
		num = toks
		if plan < 0 && !hasPlus(toks) {
			return 0, nil, nil, phoneInvalidCountry
		}
	} else {
		var f phoneFailure
		if num, ext, f = possibleNumber(toks, plan, bufs); f != phoneOK {
			return 0, nil, nil, f
		}
	}
	return parseNational(num, plan, bufs, ext)
}

// possibleNumber is parseHelper's first steps: the number phonenumbers
// reads in toks (extractPossibleNumber), checked (isViablePhoneNumber,
// checkRegionForParsing), and its extension (maybeStripExtension).
func possibleNumber(toks []phoneToken, plan int, bufs *phoneBuffers) (num []phoneToken, ext []byte, fail phoneFailure) {
	// buildNationalNumberForParsing; the caller has refused every text
	// with letters that could make an RFC 3966 "tel:" URI.
	// extractPossibleNumber.
	s := 0
	for s < len(toks) && !toks[s].isDigit() && !toks[s].isPlus() {
		s++
	}
	if s == len(toks) {
		return nil, nil, phoneNotANumber
	}
	num = toks[s:]
	if k := autoRun(&phoneUnwantedRevAuto, num, true); k >= 0 {
		num = num[:len(num)-k]
	}
	// SECOND_NUMBER_START_PATTERN: [\\/] *x
	for i, t := range num {
		if t.r != '\\' && t.r != '/' {
			continue
		}
		j := i + 1
		for j < len(num) && num[j].r == ' ' {
			j++
		}
		if j < len(num) && num[j].r == 'x' {
			num = num[:i]
			break
		}
	}
	if !isViable(num) {
		return nil, nil, phoneNotANumber
	}
	// checkRegionForParsing.
	if plan < 0 && !hasPlus(num) {
		return nil, nil, phoneInvalidCountry
	}
	// maybeStripExtension.
	if k := autoRun(&phoneExtnRevAuto, num, true); k >= 0 && isViable(num[:len(num)-k]) {
		ext = bufs.ext[:0]
		for _, t := range num[len(num)-k:] {
			if t.isDigit() {
				ext = append(ext, byte(t.r))
			}
		}
		num = num[:len(num)-k]
	}
	return num, ext, phoneOK
}

// parseNational is the rest of parseHelper for num, the number without its
// extension ext: the calling code and the national significant number.
func parseNational(num []phoneToken, plan int, bufs *phoneBuffers, ext []byte) (cc int, nsn, _ []byte, fail phoneFailure) {
	var national []byte
	var err phoneFailure
	cc, national, err = extractCountryCode(num, plan, bufs)
	if err == phoneInvalidCountry {
		if i := firstPlusEnd(num); i >= 0 {
			cc, national, err = extractCountryCode(num[i:], plan, bufs)
			if err == phoneOK && cc == 0 {
				err = phoneInvalidCountry
			}
		}
	}
	if err != phoneOK {
		return 0, nil, nil, err
	}
	if cc != 0 {
		plan = phoneMainPlan(cc)
	} else {
		national = phoneNormalize(num, bufs.digits[:0], bufs.alpha)
		if plan >= 0 {
			cc = int(phonePlans[plan].cc)
		}
	}
	if len(national) < phoneMinNSN {
		return 0, nil, nil, phoneTooShortNSN
	}
	if plan >= 0 {
		p := &phonePlans[plan]
		stripped, _ := stripNationalPrefix(national, p, bufs.scratch)
		switch testNumberLength(len(stripped), p) {
		case phoneTooShort, phoneLocalOnly, phoneInvalidLength:
		default:
			national = bufs.digits[:copy(bufs.digits, stripped)]
		}
	}
	if len(national) < phoneMinNSN {
		return 0, nil, nil, phoneTooShortNSN
	}
	if len(national) > phoneMaxNSN {
		return 0, nil, nil, phoneTooLongNSN
	}
	return cc, national, ext, phoneOK
}

func hasPlus(toks []phoneToken) bool {
	for _, t := range toks {
		if t.isPlus() {
			return true
		}
	}
	return false
}

// firstPlusEnd returns the end of the first run of plus signs in toks
// (PLUS_CHARS_PATTERN.FindStringIndex), -1 when there is none.
func firstPlusEnd(toks []phoneToken) int {
	for i, t := range toks {
		if t.isPlus() {
			j := i + 1
			for j < len(toks) && toks[j].isPlus() {
				j++
			}
			return j
		}
	}
	return -1
}

// phoneNormalize is normalize: with three ASCII letters or more (and no
// newline), letters become keypad digits and all but digits and letters
// is dropped; otherwise only the decimal digits are kept. It appends the
// ASCII digits to dst. alpha false says the whole text has fewer than
// three ASCII letters.
func phoneNormalize(toks []phoneToken, dst []byte, alpha bool) []byte {
	if !alpha {
		return appendDigits(dst, toks) // fewer than three letters in the whole text
	}
	return alphaNormalize(toks, dst)
}

// appendDigits appends the decimal digits of toks (as ASCII) to dst.
func appendDigits(dst []byte, toks []phoneToken) []byte {
	for _, t := range toks {
		if t.class == phoneDigitClass {
			dst = append(dst, byte(t.r))
		}
	}
	return dst
}

// alphaNormalize is phoneNormalize for a text with three ASCII letters or
// more.
func alphaNormalize(toks []phoneToken, dst []byte) []byte {
	letters, newline := 0, false
	for _, t := range toks {
		switch {
		case 'a' <= t.r && t.r <= 'z' || 'A' <= t.r && t.r <= 'Z':
			letters++
		case t.r == '\n':
			newline = true
		}
	}
	if letters >= 3 && !newline {
		// normalizeHelper with ALPHA_PHONE_MAPPINGS, which maps the ASCII
		// digits (every decimal digit is one here) and letters A … Z
		// after unicode.ToUpper.
		for _, t := range toks {
			r := t.r
			if t.isDigit() {
				dst = append(dst, byte(r))
				continue
			}
			if r >= utf8.RuneSelf {
				r = unicode.ToUpper(r)
			} else if 'a' <= r && r <= 'z' {
				r -= 'a' - 'A'
			}
			if 'A' <= r && r <= 'Z' {
				dst = append(dst, phoneKeypad[r-'A'])
			}
		}
		return dst
	}
	return appendDigits(dst, toks)
}

// extractCountryCode is maybeExtractCountryCode (with
// maybeStripInternationalPrefixAndNormalize and extractCountryCode) for
// num: the calling code, 0 when the number has none, and then the
// national number.
func extractCountryCode(num []phoneToken, plan int, bufs *phoneBuffers) (cc int, national []byte, fail phoneFailure) {
	if len(num) == 0 {
		return 0, nil, phoneOK
	}
	var full []byte
	international := false
	if num[0].isPlus() {
		i := 1
		for i < len(num) && num[i].isPlus() {
			i++
		}
		full = phoneNormalize(num[i:], bufs.digits[:0], bufs.alpha)
		international = true
	} else {
		full = phoneNormalize(num, bufs.digits[:0], bufs.alpha)
		// parsePrefixAsIdd; without a region the prefix "NonMatch"
		// never matches digits.
		if plan >= 0 {
			idd := digitAuto(phonePlans[plan].idd)
			if k := idd.prefixEnd(full); k >= 0 && (k == len(full) || full[k] != '0') {
				full = full[k:]
				international = true
			}
		}
	}
	if international {
		if len(full) <= phoneMinNSN {
			return 0, nil, phoneTooShortAfterIDD
		}
		if full[0] != '0' {
			c := 0
			for i := 1; i <= phoneMaxCCLength && i <= len(full); i++ {
				c = c*10 + int(full[i-1]-'0')
				if phoneCodes[c] != 0 {
					return c, full[i:], phoneOK
				}
			}
		}
		return 0, nil, phoneInvalidCountry
	}
	if plan < 0 {
		return 0, nil, phoneOK
	}
	// A number that starts with the region's calling code.
	p := &phonePlans[plan]
	var ccText [5]byte
	code := appendUint(ccText[:0], int(p.cc))
	if len(full) < len(code) || string(full[:len(code)]) != string(code) {
		return 0, nil, phoneOK
	}
	national, _ = stripNationalPrefix(full[len(code):], p, bufs.scratch)
	gen := digitAuto(p.descs)
	fullValid := gen.final(full)&(1<<phoneDescGeneral) != 0
	nationalValid := gen.final(national)&(1<<phoneDescGeneral) != 0
	if !fullValid && nationalValid || testNumberLength(len(full), p) == phoneTooLong {
		// national lies in full's buffer or in scratch: move it to the
		// start of digits.
		return int(p.cc), bufs.digits[:copy(bufs.digits, national)], phoneOK
	}
	return 0, nil, phoneOK
}

// stripNationalPrefix is maybeStripNationalPrefixAndCarrierCode: number
// without its national prefix, or transformed by the plan's rule (in
// scratch); number itself when it has none or stripping would make a
// viable number unviable.
func stripNationalPrefix(number []byte, p *phonePlanData, scratch []byte) ([]byte, bool) {
	if len(number) == 0 || p.npfp == 0 {
		return number, false
	}
	npfp := digitAuto(p.npfp)
	end := npfp.prefixEnd(number)
	if end < 0 {
		return number, false
	}
	gen := digitAuto(p.descs)
	viable := gen.final(number)&(1<<phoneDescGeneral) != 0
	if p.rule != "" {
		var caps [16]int
		ncap := int(p.progCaps)
		if phoneBacktrack(p, number, caps[:ncap]) && caps[ncap-2] >= 0 {
			// The last group took part: apply the transform rule.
			t := scratch[:0]
			rule := p.rule
			for i := 0; i < len(rule); i++ {
				if rule[i] != '$' {
					t = append(t, rule[i])
					continue
				}
				i++
				g := int(rule[i] - '0')
				if 2*g+1 < ncap && caps[2*g] >= 0 {
					t = append(t, number[caps[2*g]:caps[2*g+1]]...)
				}
			}
			t = append(t, number[caps[1]:]...)
			if viable && gen.final(t)&(1<<phoneDescGeneral) == 0 {
				return number, false
			}
			return t, true
		}
	}
	if viable && gen.final(number[end:])&(1<<phoneDescGeneral) == 0 {
		return number, false
	}
	return number[end:], true
}

// phoneBacktrack runs the plan's program anchored at the start of s as
// Go's regexp backtracker does (leftmost-first), filling caps (the group
// positions, -1 for a group that took no part). It reports whether the
// program matched.
func phoneBacktrack(p *phonePlanData, s []byte, caps []int) bool {
	prog := phoneProgs[p.prog : p.prog+p.progLen]
	n := len(prog)
	var stack [128]uint64
	bits := n * (len(s) + 1)
	visited := stack[:]
	if bits > 64*len(stack) {
		visited = make([]uint64, (bits+63)/64)
	}
	for i := range caps {
		caps[i] = -1
	}
	b := phoneBacktracker{prog: prog, s: s, caps: caps, visited: visited}
	return b.try(int(p.progStart), 0)
}

type phoneBacktracker struct {
	prog    []phoneInst
	s       []byte
	caps    []int
	visited []uint64
}

func (b *phoneBacktracker) try(pc, pos int) bool {
	for {
		k := pc*(len(b.s)+1) + pos
		if b.visited[k/64]&(1<<(k%64)) != 0 {
			return false
		}
		b.visited[k/64] |= 1 << (k % 64)
		in := b.prog[pc]
		switch in.op {
		case phoneOpFail:
			return false
		case phoneOpMatch:
			if len(b.caps) > 1 {
				b.caps[0], b.caps[1] = 0, pos
			}
			return true
		case phoneOpAlt:
			if b.try(int(in.out), pos) {
				return true
			}
			pc = int(in.arg)
		case phoneOpNop:
			pc = int(in.out)
		case phoneOpCapture:
			if int(in.arg) >= len(b.caps) {
				pc = int(in.out)
				continue
			}
			old := b.caps[in.arg]
			b.caps[in.arg] = pos
			if b.try(int(in.out), pos) {
				return true
			}
			b.caps[in.arg] = old
			return false
		case phoneOpBegin:
			if pos != 0 {
				return false
			}
			pc = int(in.out)
		case phoneOpEnd:
			if pos != len(b.s) {
				return false
			}
			pc = int(in.out)
		default: // phoneOpDigit
			if pos == len(b.s) || in.arg&(1<<(b.s[pos]-'0')) == 0 {
				return false
			}
			pos++
			pc = int(in.out)
		}
	}
}

// Results of testNumberLength and IsPossibleNumberWithReason.
type phoneLengthResult uint8

const (
	phonePossible phoneLengthResult = iota
	phoneLocalOnly
	phoneInvalidCountryCode
	phoneTooShort
	phoneInvalidLength
	phoneTooLong
)

// testNumberLength is testNumberLength(number, metadata, UNKNOWN) for a
// number of n digits: the general desc's possible lengths.
func testNumberLength(n int, p *phonePlanData) phoneLengthResult {
	lengths := p.lengths[phoneDescGeneral]
	if lengths&1 != 0 {
		return phoneInvalidLength
	}
	if n < 32 && p.localOnly&(1<<n) != 0 {
		return phoneLocalOnly
	}
	lowest, highest := bits.TrailingZeros32(lengths), bits.Len32(lengths)-1
	switch {
	case n == lowest:
		return phonePossible
	case n < lowest:
		return phoneTooShort
	case n > highest:
		return phoneTooLong
	case lengths&(1<<n) != 0:
		return phonePossible
	}
	return phoneInvalidLength
}

// phoneMainPlan returns the plan of the main region of a known calling
// code (GetRegionCodeForCountryCode), or of its non-geographical entity.
func phoneMainPlan(cc int) int {
	return int(phoneCodePlans[phoneCodes[cc]+1])
}

// isPossible is IsPossibleNumberWithReason.
func isPossible(cc int, nsn []byte) phoneLengthResult {
	if cc <= 0 || cc >= len(phoneCodes) || phoneCodes[cc] == 0 {
		return phoneInvalidCountryCode
	}
	p := &phonePlans[phoneMainPlan(cc)]
	if p.flags&phoneNoPattern != 0 {
		switch {
		case len(nsn) < phoneMinNSN:
			return phoneTooShort
		case len(nsn) > phoneMaxNSN:
			return phoneTooLong
		}
		return phonePossible
	}
	return testNumberLength(len(nsn), p)
}

// phoneRegionOf is GetRegionCodeForNumber: the plan of the region the
// number belongs to, -1 for none (a number of a shared calling code in
// none of its regions' ranges).
func phoneRegionOf(cc int, nsn []byte) int {
	i := int(phoneCodes[cc])
	n := int(phoneCodePlans[i])
	if n == 1 {
		return int(phoneCodePlans[i+1])
	}
	for _, k := range phoneCodePlans[i+1 : i+1+n] {
		p := &phonePlans[k]
		if p.leading != 0 {
			ld := digitAuto(p.leading)
			if ld.prefixEnd(nsn) >= 0 {
				return int(k)
			}
		} else if phoneTypeOf(p, nsn) != PhoneUnknown {
			return int(k)
		}
	}
	return -1
}

// phoneTypeOf is getNumberTypeHelper.
func phoneTypeOf(p *phonePlanData, nsn []byte) PhoneType {
	a := digitAuto(p.descs)
	n := len(nsn)
	// ok: the descs whose pattern and possible lengths both take nsn (one
	// test per desc the pattern takes, not a closure call per question).
	var ok uint32
	for b := uint32(a.final(nsn)) & (1<<phoneNumDescs - 1); b != 0; b &= b - 1 {
		d := bits.TrailingZeros32(b)
		if l := p.lengths[d]; l == phoneAnyLength || n < 32 && l&(1<<n) != 0 {
			ok |= 1 << d
		}
	}
	if ok&(1<<phoneDescGeneral) == 0 {
		return PhoneUnknown
	}
	for _, t := range [...]struct {
		desc int
		typ  PhoneType
	}{
		{phoneDescPremiumRate, PhonePremiumRate},
		{phoneDescTollFree, PhoneTollFree},
		{phoneDescSharedCost, PhoneSharedCost},
		{phoneDescVoIP, PhoneVoIP},
		{phoneDescPersonalNumber, PhonePersonalNumber},
		{phoneDescPager, PhonePager},
		{phoneDescUAN, PhoneUAN},
		{phoneDescVoicemail, PhoneVoicemail},
	} {
		if ok&(1<<t.desc) != 0 {
			return t.typ
		}
	}
	same := p.flags&phoneSameMobileFixed != 0
	fixed, mobile := ok&(1<<phoneDescFixedLine) != 0, ok&(1<<phoneDescMobile) != 0
	switch {
	case fixed && (same || mobile):
		return PhoneFixedLineOrMobile
	case fixed:
		return PhoneFixedLine
	case !same && mobile:
		return PhoneMobile
	}
	return PhoneUnknown
}

// phoneRegionPlan returns the plan of a two-letter region code, either
// case, -1 for anything else.
func phoneRegionPlan(region string) int {
	if len(region) != 2 {
		return -1
	}
	a, b := region[0]|0x20, region[1]|0x20
	if a < 'a' || a > 'z' || b < 'a' || b > 'z' {
		return -1
	}
	return int(phoneRegionPlans[int(a-'a')*26+int(b-'a')]) - 1
}

// appendUint appends the decimal digits of n >= 0.
func appendUint(dst []byte, n int) []byte {
	var b [20]byte
	i := len(b)
	for {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			break
		}
	}
	return append(dst, b[i:]...)
}
