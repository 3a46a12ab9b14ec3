// Command genphone writes phone_gen.go, the tables of package validate's
// phone engine (NormalizePhone), from the metadata of the
// github.com/nyaruka/phonenumbers version that go.mod requires. It is the
// only non-test package that imports phonenumbers: programs that use
// validate link the tables, not phonenumbers, its metadata decoder
// (google.golang.org/protobuf) or its regular expressions.
//
// Run it through go generate in the validate directory:
//
//	go generate ./validate
//
// or directly, -o naming the output (default phone_gen.go):
//
//	go run ./internal/genphone -o phone_gen.go
//
// The output depends only on the phonenumbers version and the Go
// toolchain's Unicode tables, so it is reproducible; a test
// (TestGeneratedFileIsCurrent) regenerates it and fails when the file in
// the repository differs. To take new metadata: go get
// github.com/nyaruka/phonenumbers@vX.Y.Z, go generate ./validate, go test
// ./validate/... (the differential tests compare the engine with the new
// phonenumbers on every example number and its near misses), and update
// the version named in the README.
//
// # What it writes
//
// For each region, and for each non-geographical calling code ("001"),
// phonenumbers' metadata compiled as phonenumbers uses it:
//
//   - the international prefix (IDD), the national prefix for parsing and
//     the leading digits that tell the regions of a shared calling code
//     apart, each as a deterministic automaton over the ten digits that
//     ends where Go's regexp ends its leftmost-first match from the start
//     (the automaton's state is the regexp machine's ordered thread list,
//     so alternation priorities and \A, \z hold exactly);
//   - the patterns of the general desc and of every number type (premium
//     rate, toll free, shared cost, VoIP, personal number, pager, UAN,
//     voicemail, fixed line, mobile), matched as ^(?:pattern)$, run side by
//     side in one product automaton whose final state says which of them
//     match: one pass over a number tells its validity and type;
//   - possible lengths and local-only lengths as bit sets,
//     sameMobileAndFixedLinePattern, the calling code;
//   - where the region has a national prefix transform rule (the NANPA
//     islands, AR, BR, JP, MG, SM …), the rule and the program of the
//     national prefix for parsing, which a small backtracker runs to get
//     the rule's groups, as Go's regexp backtracker does.
//
// It also writes the calling codes and their regions (the main region
// first), and automata over rune classes for phonenumbers' fixed patterns
// (VALID_PHONE_NUMBER_PATTERN; EXTN_PATTERN and UNWANTED_END_CHAR_PATTERN
// reversed, so that one backward pass finds their leftmost match): the
// classes partition all of Unicode by what those patterns' character
// classes (with case folding) accept. Decimal digits are one class; the
// engine reads them by value, from the zeros of their blocks of ten.
//
// Automata are minimized. Those of the plans are stored in one string
// constant as printable characters (values in base 95), indexed directly;
// the three of the fixed patterns, which run over every text, as plain
// []uint16 tables. Nothing is decoded, compiled or allocated when a program
// starts.
//
// For a plain number (plus signs, then digits and the separators " -.()/"),
// the generator checks on the fixed patterns' automata, for any length,
// that VALID_PHONE_NUMBER_PATTERN takes it whole and neither reversed
// pattern matches an end of it, and writes phonePlainNumber: the engine
// then does not run them on such a text (most texts are plain numbers).
//
// The generator fails, rather than write tables the engine would misread,
// when phonenumbers changes what the engine reproduces by hand: its
// patterns for the start of a number, plus signs, a second number, alpha
// numbers and captured digits; its length constants; the shape of
// EXTN_PATTERN (one group of digits per alternative); a pattern with an
// assertion other than \A and \z, or a transform rule other than digits
// and $1 … $9.
package main
