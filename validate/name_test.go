package validate_test

import (
	"testing"

	"github.com/custnorm/custnorm/validate"
)

func TestSplitName(t *testing.T) {
	tests := []struct {
		name       string
		in         string
		wantGiven  string
		wantFamily string
		wantOK     bool
	}{
		{name: "two words", in: "David Coaster", wantGiven: "David", wantFamily: "Coaster", wantOK: true},
		{name: "family first with comma", in: "Coaster, David", wantGiven: "David", wantFamily: "Coaster", wantOK: true},
		{name: "comma without space", in: "Coaster,David", wantGiven: "David", wantFamily: "Coaster", wantOK: true},
		{name: "hyphenated given name", in: "Jean-Pierre Dupont", wantGiven: "Jean-Pierre", wantFamily: "Dupont", wantOK: true},
		{name: "apostrophe", in: "O'Brian Smith", wantGiven: "O'Brian", wantFamily: "Smith", wantOK: true},
		{name: "typographic apostrophe", in: "Seán O’Brian", wantGiven: "Seán", wantFamily: "O’Brian", wantOK: true},
		{name: "accents", in: "Zoë Müller", wantGiven: "Zoë", wantFamily: "Müller", wantOK: true},
		{name: "decomposed accents", in: "Zoe\u0308 Mu\u0308ller", wantGiven: "Zoë", wantFamily: "Müller", wantOK: true},
		{name: "extra white space", in: "  David \t Coaster ", wantGiven: "David", wantFamily: "Coaster", wantOK: true},
		{name: "upper case kept", in: "DAVID COASTER", wantGiven: "DAVID", wantFamily: "COASTER", wantOK: true},
		{name: "uncased script", in: "山田 太郎", wantGiven: "山田", wantFamily: "太郎", wantOK: true},

		{name: "three words", in: "Anna Maria Schmidt"},
		{name: "particle", in: "van Gogh"},
		{name: "particle in three words", in: "Ludwig van Beethoven"},
		{name: "single word", in: "Bob"},
		{name: "title with dot", in: "Dr. Who"},
		{name: "initial", in: "J. Smith"},
		{name: "lower-case given name", in: "david Coaster"},
		{name: "digits", in: "David Coaster2"},
		{name: "empty", in: ""},
		{name: "white space only", in: "   "},
		{name: "leading hyphen", in: "-David Coaster"},
		{name: "trailing hyphen", in: "David- Coaster"},
		{name: "double hyphen", in: "Jean--Pierre Dupont"},
		{name: "leading combining mark", in: "David \u0301Coaster"},
		{name: "comma with two given names", in: "Schmidt, Anna Maria"},
		{name: "two commas", in: "Schmidt, Anna, Maria"},
		{name: "comma with empty given name", in: "Schmidt,"},
		{name: "company", in: "Example Inc."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			given, family, ok := validate.SplitName(tc.in)
			if given != tc.wantGiven || family != tc.wantFamily || ok != tc.wantOK {
				t.Errorf("SplitName(%q) = %q, %q, %v; want %q, %q, %v", tc.in, given, family, ok, tc.wantGiven, tc.wantFamily, tc.wantOK)
			}
			if ok && tc.in == validate.NormalizeText(tc.in) && !containsComma(tc.in) {
				if joined := validate.JoinName(given, family); joined != tc.in {
					t.Errorf("JoinName(%q, %q) = %q, want %q", given, family, joined, tc.in)
				}
			}
		})
	}
}

func containsComma(s string) bool {
	for i := range len(s) {
		if s[i] == ',' {
			return true
		}
	}
	return false
}

func TestJoinName(t *testing.T) {
	tests := []struct {
		name   string
		given  string
		family string
		want   string
	}{
		{name: "both", given: "David", family: "Coaster", want: "David Coaster"},
		{name: "given only", given: "David", want: "David"},
		{name: "family only", family: "Coaster", want: "Coaster"},
		{name: "neither", want: ""},
		{name: "case kept", given: "anna maria", family: "van Gogh", want: "anna maria van Gogh"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := validate.JoinName(tc.given, tc.family); got != tc.want {
				t.Errorf("JoinName(%q, %q) = %q, want %q", tc.given, tc.family, got, tc.want)
			}
		})
	}
}
