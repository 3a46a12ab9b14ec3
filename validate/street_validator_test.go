package validate_test

import (
	"testing"

	"github.com/custnorm/custnorm/model"
	"github.com/custnorm/custnorm/validate"
)

// TestNormalizeStreetByCountry checks that Normalize splits the street by the
// conventions of the address country (after normalizing the country), and
// keeps it whole with a not_split warning otherwise.
func TestNormalizeStreetByCountry(t *testing.T) {
	tests := []struct {
		name               string
		street, country    string
		wantStreet, wantNo string // wantNo "" means kept whole
	}{
		{"French repetition index", "12 bis rue de la Paix", "FR", "rue de la Paix", "12 bis"},
		{"French letter", "12 B rue de la Paix", "France", "rue de la Paix", "12 B"},
		{"letter without a country reads two ways", "12 B rue de la Paix", "", "12 B rue de la Paix", ""},
		{"Spanish marker", "Calle Mayor, nº 5", "ES", "Calle Mayor", "5"},
		{"Spanish no number", "Calle Mayor s/n", "ES", "Calle Mayor", "s/n"},
		{"Dutch addition", "Kerkstraat 12 III", "NL", "Kerkstraat", "12 III"},
		{"Dutch addition elsewhere", "Kerkstraat 12 III", "DE", "Kerkstraat 12 III", ""},
		{"Swedish flat", "Storgatan 12 B, lgh 1102", "SE", "Storgatan 12 B, lgh 1102", ""},
		{"Polish flat", "ul. Marszałkowska 12/3", "PL", "ul. Marszałkowska", "12/3"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := model.Customer{Address: model.Address{Street: tc.street, Country: model.Country(tc.country)}}
			got, rep := (&validate.Validator{}).Normalize(in)
			if got.Address.Street != tc.wantStreet || got.Address.HouseNumber != tc.wantNo {
				t.Errorf("Normalize(street %q, country %q) = street %q, house number %q; want %q, %q",
					tc.street, tc.country, got.Address.Street, got.Address.HouseNumber, tc.wantStreet, tc.wantNo)
			}
			var split, notSplit bool
			for _, c := range rep.Changes {
				split = split || c.Kind == validate.ChangeSplit && c.Path == "/address/street" && c.Rule == "street_house_number"
			}
			for _, i := range rep.Issues {
				notSplit = notSplit || i.Code == validate.CodeNotSplit && i.Path == "/address/street"
			}
			if split != (tc.wantNo != "") || notSplit != (tc.wantNo == "") {
				t.Errorf("Normalize(street %q, country %q): split change %v, not_split %v", tc.street, tc.country, split, notSplit)
			}
		})
	}
}
