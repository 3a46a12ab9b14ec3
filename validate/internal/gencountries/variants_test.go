package main

import (
	"slices"
	"testing"
)

func TestNameVariants(t *testing.T) {
	tests := []struct {
		lang, name string
		want       []string
	}{
		{"en", "Trinidad & Tobago", []string{"Trinidad and Tobago"}},
		{"sv", "Bosnien & Hercegovina", []string{"Bosnien och Hercegovina"}},
		{"en", "St. Kitts & Nevis", []string{"St. Kitts and Nevis", "Saint Kitts & Nevis", "Saint Kitts and Nevis"}},
		{"en", "Myanmar (Burma)", []string{"Myanmar"}},
		{"en", "Korea, Republic of", []string{"Republic of Korea"}},
		{"de", "Österreich", []string{"Oesterreich"}},
		{"de", "Kongo (Demokratische Republik)", []string{"Kongo"}},
		{"de", "Türkei", []string{"Tuerkei"}},
		{"de", "Färöer (Dänemark)", []string{"Färöer", "Faeroeer (Daenemark)", "Faeroeer"}},
		{"fr", "Autriche", nil},
		{"sv", "Österrike", nil}, // transcription is German only
	}
	for _, tc := range tests {
		if got := nameVariants(tc.lang, tc.name); !slices.Equal(got, tc.want) {
			t.Errorf("nameVariants(%q, %q) = %q, want %q", tc.lang, tc.name, got, tc.want)
		}
	}
}

func TestDemonymVariants(t *testing.T) {
	bare := func(s string) bool { return s == "French" }
	tests := []struct {
		lang, name string
		want       []string
	}{
		{"en", "German", nil},
		{"en", "French (French Guiana)", nil}, // the bare form is FR's own
		{"en", "Congolese (Republic of the Congo)", []string{"Congolese"}},
		{"de", "Deutsch", []string{"Deutsche", "Deutscher"}},
		{"de", "Österreichisch", []string{"Österreichische", "Österreichischer", "Oesterreichisch", "Oesterreichische", "Oesterreichischer"}},
		{"fr", "Allemand", []string{"Allemande"}},
		{"fr", "Italien", []string{"Italienne"}},
		{"fr", "Belge", nil},
		{"fr", "Grec", nil}, // irregular: curated
		{"es", "Alemán", []string{"Alemana"}},
		{"es", "Francés", []string{"Francesa"}},
		{"es", "Español", []string{"Española"}},
		{"es", "Belga", nil},
		{"it", "Tedesco", []string{"Tedesca"}},
		{"it", "Francese", nil},
		{"pl", "niemiecki", []string{"niemiecka"}},
		{"sv", "tysk", []string{"tyska"}},
	}
	for _, tc := range tests {
		if got := demonymVariants(tc.lang, tc.name, bare); !slices.Equal(got, tc.want) {
			t.Errorf("demonymVariants(%q, %q) = %q, want %q", tc.lang, tc.name, got, tc.want)
		}
	}
}
