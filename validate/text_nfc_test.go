package validate_test

import (
	"testing"

	"golang.org/x/text/unicode/norm"
)

// TestIsNFCShortcut checks the premise of isNFC's shortcut: text of code
// points below U+0300 is in NFC. Every such code point is, alone, in NFC
// with combining class 0, and no two of them compose.
func TestIsNFCShortcut(t *testing.T) {
	for r := rune(0); r < 0x300; r++ {
		s := string(r)
		if !norm.NFC.IsNormalString(s) || norm.NFC.PropertiesString(s).CCC() != 0 {
			t.Fatalf("U+%04X: NFC %v, combining class %d", r, norm.NFC.IsNormalString(s), norm.NFC.PropertiesString(s).CCC())
		}
	}
	for a := rune(0x20); a < 0x300; a++ {
		for b := rune(0x20); b < 0x300; b++ {
			if s := string([]rune{a, b}); !norm.NFC.IsNormalString(s) {
				t.Fatalf("U+%04X U+%04X is not in NFC", a, b)
			}
		}
	}
}
