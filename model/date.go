package model

import (
	"errors"
	"time"
)

// Date is a civil date: a day in the calendar, with no time and no time zone.
// A birth date is a Date, never a time.Time, so it cannot shift by a day when
// a server or a browser converts it between zones.
//
// The zero Date is "absent"; it is not a valid date. Dates are comparable
// with ==.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// ErrInvalidDate is returned (wrapped in a *DateError) by [ParseDate] for text
// that is not a calendar date in the form YYYY-MM-DD.
var ErrInvalidDate = errors.New("model: not a YYYY-MM-DD calendar date")

// DateError reports text that [ParseDate] could not read. Its message never
// contains the text itself, which may be personal data.
type DateError struct {
	Err error // ErrInvalidDate
}

func (e *DateError) Error() string { return e.Err.Error() }
func (e *DateError) Unwrap() error { return e.Err }

// ParseDate reads a date written exactly as YYYY-MM-DD (four-digit year
// 0001..9999, two-digit month and day). Dates that do not exist in the
// proleptic Gregorian calendar, such as 2023-02-30, are rejected. Empty text
// is an error too; use [Date.UnmarshalText] where empty means absent.
func ParseDate(s string) (Date, error) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, &DateError{ErrInvalidDate}
	}
	y, ok1 := digits(s[0:4])
	m, ok2 := digits(s[5:7])
	d, ok3 := digits(s[8:10])
	if !ok1 || !ok2 || !ok3 {
		return Date{}, &DateError{ErrInvalidDate}
	}
	date := Date{Year: y, Month: time.Month(m), Day: d}
	if !date.IsValid() {
		return Date{}, &DateError{ErrInvalidDate}
	}
	return date, nil
}

// MustParseDate is like [ParseDate] but panics on error. It is intended for
// use in tests with hard-coded strings.
func MustParseDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// IsZero reports whether d is the zero Date (absent).
func (d Date) IsZero() bool { return d == Date{} }

// IsValid reports whether d is a day that exists: year 1..9999, month 1..12,
// day within the month (leap years included).
func (d Date) IsValid() bool {
	if d.Year < 1 || d.Year > 9999 || d.Month < time.January || d.Month > time.December || d.Day < 1 {
		return false
	}
	return d.Day <= daysIn(d.Month, d.Year)
}

func daysIn(m time.Month, year int) int {
	switch m {
	case time.February:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

// String returns the date as YYYY-MM-DD, or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return string(d.appendText(make([]byte, 0, 10)))
}

// AppendText implements encoding.TextAppender: it appends the YYYY-MM-DD
// form of d to b (nothing for the zero Date). The error is always nil.
func (d Date) AppendText(b []byte) ([]byte, error) { return d.appendText(b), nil }

func (d Date) appendText(b []byte) []byte {
	if d.IsZero() {
		return b
	}
	b = appendInt(b, d.Year, 4)
	b = append(b, '-')
	b = appendInt(b, int(d.Month), 2)
	b = append(b, '-')
	return appendInt(b, d.Day, 2)
}

func appendInt(b []byte, n, width int) []byte {
	if n < 0 {
		b = append(b, '-')
		n = -n
	}
	var buf [20]byte
	i := len(buf)
	for n > 0 || i == len(buf) {
		i--
		buf[i] = byte('0' + n%10)
		n /= 10
	}
	for pad := width - (len(buf) - i); pad > 0; pad-- {
		b = append(b, '0')
	}
	return append(b, buf[i:]...)
}

// MarshalText implements encoding.TextMarshaler: YYYY-MM-DD, or empty text
// for the zero Date.
func (d Date) MarshalText() ([]byte, error) { return d.appendText(nil), nil }

// UnmarshalText implements encoding.TextUnmarshaler. Empty text gives the zero
// Date and no error; anything else must satisfy [ParseDate].
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	p, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = p
	return nil
}

// Time returns midnight UTC of d, for arithmetic (ages, comparisons).
func (d Date) Time() time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC)
}
