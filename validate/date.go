package validate

import (
	"time"

	"github.com/custnorm/custnorm/model"
)

// DefaultMaxAge is the age in years beyond which a birth date is reported as
// implausible (a warning), unless a Validator sets MaxAge.
const DefaultMaxAge = 130

// ParseBirthDate reads a date of birth in any of the forms providers send:
//
//	1905-03-03                  ISO 8601 date (secuconnect, Riverty)
//	1905-03-03T00:00:00+01:00   date-time with offset (secuconnect responses)
//	1980-09-01T00:00:00Z        date-time in UTC (Riverty), fractions allowed
//	19490917                    basic format (Worldline Connect)
//
// The calendar date as written is the date: a time and an offset are checked
// for syntax and then ignored, never applied, so no date shifts through a
// time zone. Dates that do not exist (1905-02-30) and any other form
// (03.03.1905, 1905-3-3) give an invalid_date issue at path "". The second
// result reports whether the text was in a form other than YYYY-MM-DD.
func ParseBirthDate(text string) (model.Date, bool, *Issue) {
	invalid := func() (model.Date, bool, *Issue) {
		iss := NewIssue("", CodeInvalidDate, nil)
		return model.Date{}, false, &iss
	}
	switch {
	case len(text) == 10:
		d, err := model.ParseDate(text)
		if err != nil {
			iss := NewIssue("", CodeInvalidDate, nil)
			iss.Err = err
			return model.Date{}, false, &iss
		}
		return d, false, nil
	case len(text) == 8:
		d, err := model.ParseDate(text[0:4] + "-" + text[4:6] + "-" + text[6:8])
		if err != nil {
			return invalid()
		}
		return d, true, nil
	case len(text) > 10 && len(text) <= 40 && (text[10] == 'T' || text[10] == 't'):
		d, err := model.ParseDate(text[:10])
		if err != nil || !validClockAndZone(text[11:]) {
			return invalid()
		}
		return d, true, nil
	}
	return invalid()
}

// validClockAndZone checks "hh:mm:ss[.fff](Z|±hh:mm)".
func validClockAndZone(s string) bool {
	if len(s) < 9 || s[2] != ':' || s[5] != ':' {
		return false
	}
	h, ok1 := atoi2(s[0:2])
	m, ok2 := atoi2(s[3:5])
	sec, ok3 := atoi2(s[6:8])
	if !ok1 || !ok2 || !ok3 || h > 23 || m > 59 || sec > 60 {
		return false
	}
	rest := s[8:]
	if rest != "" && rest[0] == '.' {
		i := 1
		for i < len(rest) && rest[i] >= '0' && rest[i] <= '9' {
			i++
		}
		if i == 1 {
			return false
		}
		rest = rest[i:]
	}
	if rest == "Z" || rest == "z" {
		return true
	}
	if len(rest) != 6 || (rest[0] != '+' && rest[0] != '-') || rest[3] != ':' {
		return false
	}
	oh, ok1 := atoi2(rest[1:3])
	om, ok2 := atoi2(rest[4:6])
	return ok1 && ok2 && oh <= 23 && om <= 59
}

func atoi2(s string) (int, bool) {
	if len(s) != 2 || s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9' {
		return 0, false
	}
	return int(s[0]-'0')*10 + int(s[1]-'0'), true
}

// CheckBirthDate checks a date of birth against today's date (now, taken in
// UTC): a date after today is an error (date_in_future); a date more than
// maxAge years before today is a warning (implausible_birth_date, params
// maxAge). maxAge <= 0 means [DefaultMaxAge].
func CheckBirthDate(d model.Date, now time.Time, maxAge int) *Issue {
	if d.IsZero() {
		return nil
	}
	if maxAge <= 0 {
		maxAge = DefaultMaxAge
	}
	y, m, day := now.UTC().Date()
	today := model.Date{Year: y, Month: m, Day: day}
	if dateLess(today, d) {
		iss := NewIssue("", CodeDateInFuture, nil)
		return &iss
	}
	limit := model.Date{Year: y - maxAge, Month: m, Day: day}
	if dateLess(d, limit) {
		iss := NewIssue("", CodeImplausibleBirthDate, Params{"maxAge": maxAge})
		return &iss
	}
	return nil
}

func dateLess(a, b model.Date) bool {
	if a.Year != b.Year {
		return a.Year < b.Year
	}
	if a.Month != b.Month {
		return a.Month < b.Month
	}
	return a.Day < b.Day
}
