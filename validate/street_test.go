package validate_test

import (
	"testing"

	"github.com/custnorm/custnorm/validate"
)

func TestSplitStreet(t *testing.T) {
	tests := []struct {
		name            string
		in              string
		wantStreet      string
		wantNumber      string
		wantNumberFirst bool
		wantOK          bool
	}{
		{name: "Swedish", in: "Gustav Adolfs torg 22", wantStreet: "Gustav Adolfs torg", wantNumber: "22", wantOK: true},
		{name: "one word", in: "Westerberg 25", wantStreet: "Westerberg", wantNumber: "25", wantOK: true},
		{name: "French number first", in: "12 rue de la Paix", wantStreet: "rue de la Paix", wantNumber: "12", wantNumberFirst: true, wantOK: true},
		{name: "British with letter", in: "221B Baker Street", wantStreet: "Baker Street", wantNumber: "221B", wantNumberFirst: true, wantOK: true},
		{name: "German abbreviation with addition", in: "Hauptstr. 5a", wantStreet: "Hauptstr.", wantNumber: "5a", wantOK: true},
		{name: "range", in: "Main St 12-14", wantStreet: "Main St", wantNumber: "12-14", wantOK: true},
		{name: "fraction", in: "Kungsgatan 3/1", wantStreet: "Kungsgatan", wantNumber: "3/1", wantOK: true},
		{name: "bis", in: "7bis avenue Foch", wantStreet: "avenue Foch", wantNumber: "7bis", wantNumberFirst: true, wantOK: true},
		{name: "three-letter addition", in: "Dorfstraße 12abc", wantStreet: "Dorfstraße", wantNumber: "12abc", wantOK: true},
		{name: "non-ASCII addition", in: "Dorfstraße 12ä", wantStreet: "Dorfstraße", wantNumber: "12ä", wantOK: true},
		{name: "comma after number", in: "10, Downing Street", wantStreet: "Downing Street", wantNumber: "10", wantNumberFirst: true, wantOK: true},
		{name: "comma before number", in: "Frankfurter Str., 125a", wantStreet: "Frankfurter Str.", wantNumber: "125a", wantOK: true},
		{name: "surrounding space", in: "  Westerberg 25 ", wantStreet: "Westerberg", wantNumber: "25", wantOK: true},

		{name: "digits in the name", in: "Straße des 17. Juni 5", wantStreet: "Straße des 17. Juni 5"},
		{name: "no number", in: "Example Street", wantStreet: "Example Street"},
		{name: "empty", in: ""},
		{name: "number only", in: "25", wantStreet: "25"},
		{name: "both readings", in: "12 Avenue 5", wantStreet: "12 Avenue 5"},
		{name: "four-letter addition", in: "Dorfstraße 12abcd", wantStreet: "Dorfstraße 12abcd"},
		{name: "seven digits", in: "Dorfstraße 1234567", wantStreet: "Dorfstraße 1234567"},
		{name: "no letter left", in: "5 ,", wantStreet: "5 ,"},
		{name: "punctuation left", in: "- 5", wantStreet: "- 5"},
		{name: "open range", in: "Main St 12-", wantStreet: "Main St 12-"},
		{name: "apartment after number", in: "Westerberg 25 lgh 1102", wantStreet: "Westerberg 25 lgh 1102"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			street, number, numberFirst, ok := validate.SplitStreet(tc.in)
			if street != tc.wantStreet || number != tc.wantNumber || numberFirst != tc.wantNumberFirst || ok != tc.wantOK {
				t.Errorf("SplitStreet(%q) = %q, %q, %v, %v; want %q, %q, %v, %v", tc.in,
					street, number, numberFirst, ok, tc.wantStreet, tc.wantNumber, tc.wantNumberFirst, tc.wantOK)
			}
		})
	}
}

func TestJoinStreet(t *testing.T) {
	tests := []struct {
		name        string
		street      string
		number      string
		numberFirst bool
		want        string
	}{
		{name: "number after", street: "Gustav Adolfs torg", number: "22", want: "Gustav Adolfs torg 22"},
		{name: "number first", street: "rue de la Paix", number: "12", numberFirst: true, want: "12 rue de la Paix"},
		{name: "no number", street: "Example Street", want: "Example Street"},
		{name: "no number, number first", street: "Example Street", numberFirst: true, want: "Example Street"},
		{name: "no street", number: "6a", want: "6a"},
		{name: "nothing", want: ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := validate.JoinStreet(tc.street, tc.number, tc.numberFirst); got != tc.want {
				t.Errorf("JoinStreet(%q, %q, %v) = %q, want %q", tc.street, tc.number, tc.numberFirst, got, tc.want)
			}
		})
	}
}

func TestNumberFirstCountry(t *testing.T) {
	tests := []struct {
		country string
		want    bool
	}{
		{"FR", true}, {"GB", true}, {"US", true}, {"CA", true}, {"AU", true}, {"IE", true},
		{"DE", false}, {"SE", false}, {"NL", false}, {"AT", false}, {"", false},
		{"fr", false}, // codes are upper-case after normalization
	}
	for _, tc := range tests {
		t.Run(tc.country, func(t *testing.T) {
			if got := validate.NumberFirstCountry(tc.country); got != tc.want {
				t.Errorf("NumberFirstCountry(%q) = %v, want %v", tc.country, got, tc.want)
			}
		})
	}
}

func TestSplitHouseNumber(t *testing.T) {
	tests := []struct {
		name         string
		in           string
		wantNumber   string
		wantAddition string
		wantOK       bool
	}{
		{name: "letter", in: "125a", wantNumber: "125", wantAddition: "a", wantOK: true},
		{name: "letter after space", in: "12 B", wantNumber: "12", wantAddition: "B", wantOK: true},
		{name: "bis", in: "7bis", wantNumber: "7", wantAddition: "bis", wantOK: true},
		{name: "ter after space", in: "7 ter", wantNumber: "7", wantAddition: "ter", wantOK: true},
		{name: "two letters", in: "6ab", wantNumber: "6", wantAddition: "ab", wantOK: true},

		{name: "number only", in: "6", wantNumber: "6"},
		{name: "range", in: "12-14", wantNumber: "12-14"},
		{name: "fraction", in: "3/1", wantNumber: "3/1"},
		{name: "letter first", in: "a12", wantNumber: "a12"},
		{name: "empty", in: "", wantNumber: ""},
		{name: "trailing space", in: "12 ", wantNumber: "12 "},
		{name: "word", in: "12 Hinterhaus", wantNumber: "12 Hinterhaus"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			number, addition, ok := validate.SplitHouseNumber(tc.in)
			if number != tc.wantNumber || addition != tc.wantAddition || ok != tc.wantOK {
				t.Errorf("SplitHouseNumber(%q) = %q, %q, %v; want %q, %q, %v", tc.in, number, addition, ok, tc.wantNumber, tc.wantAddition, tc.wantOK)
			}
		})
	}
}

// TestSplitStreetIn runs the per-country street lines of
// testdata/streets.json: the split and its join, or the line kept whole.
func TestSplitStreetIn(t *testing.T) {
	var data struct {
		Cases []struct {
			Country     string `json:"country"`
			Line        string `json:"line"`
			Street      string `json:"street"`
			Number      string `json:"number"`
			NumberFirst bool   `json:"numberFirst"`
			Whole       bool   `json:"whole"`
			Joined      string `json:"joined"`
			Source      string `json:"source"`
		} `json:"cases"`
	}
	loadIDGroups(t, "streets.json", &data)
	countries := map[string]bool{}
	for _, tc := range data.Cases {
		countries[tc.Country] = true
		t.Run(tc.Country+"/"+tc.Line, func(t *testing.T) {
			if tc.Source == "" {
				t.Error("case without a source")
			}
			street, number, numberFirst, ok := validate.SplitStreetIn(tc.Line, tc.Country)
			if tc.Whole {
				if ok || street != tc.Line || number != "" || numberFirst {
					t.Errorf("SplitStreetIn(%q, %q) = %q, %q, %v, %v; want the line whole", tc.Line, tc.Country, street, number, numberFirst, ok)
				}
				return
			}
			if !ok || street != tc.Street || number != tc.Number || numberFirst != tc.NumberFirst {
				t.Errorf("SplitStreetIn(%q, %q) = %q, %q, %v, %v; want %q, %q, %v, true", tc.Line, tc.Country,
					street, number, numberFirst, ok, tc.Street, tc.Number, tc.NumberFirst)
				return
			}
			want := tc.Line
			if tc.Joined != "" {
				want = tc.Joined
			}
			if got := validate.JoinStreet(street, number, numberFirst); got != want {
				t.Errorf("JoinStreet(%q, %q, %v) = %q, want %q", street, number, numberFirst, got, want)
			}
			// The split is stable: the joined line splits the same way.
			if s2, n2, f2, ok2 := validate.SplitStreetIn(want, tc.Country); !ok2 || s2 != street || n2 != number || f2 != numberFirst {
				t.Errorf("SplitStreetIn(%q, %q) = %q, %q, %v, %v; want the same split again", want, tc.Country, s2, n2, f2, ok2)
			}
		})
	}
	for _, c := range []string{"", "FR", "BE", "IT", "ES", "NL", "DE", "PL", "SE", "NO", "DK", "FI", "GB", "US"} {
		if !countries[c] {
			t.Errorf("no street line for country %q", c)
		}
	}
}
