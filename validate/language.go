package validate

import "golang.org/x/text/language"

// NormalizeLanguage checks a BCP 47 language tag and returns its canonical
// form ("DE" → "de", "en_us" → "en-US"). Anything x/text/language cannot
// parse as well-formed, or longer than 35 bytes, gives an invalid_language
// issue at path "" and the input unchanged.
func NormalizeLanguage(s string) (string, *Issue) {
	if len(s) > 35 {
		iss := NewIssue("", CodeInvalidLanguage, nil)
		return s, &iss
	}
	t, err := language.Parse(s)
	if err != nil || t == language.Und {
		iss := NewIssue("", CodeInvalidLanguage, nil)
		iss.Err = err
		return s, &iss
	}
	return t.String(), nil
}
