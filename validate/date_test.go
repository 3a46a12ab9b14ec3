package validate_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/custnorm/custnorm/model"
	"github.com/custnorm/custnorm/validate"
)

func TestParseBirthDate(t *testing.T) {
	tests := []struct {
		name      string
		in        string
		want      string // "" means rejected with invalid_date
		wantOther bool   // a form other than YYYY-MM-DD
	}{
		{name: "ISO date", in: "1905-03-03", want: "1905-03-03"},
		{name: "date-time with offset is not shifted", in: "1905-03-03T00:00:00+01:00", want: "1905-03-03", wantOther: true},
		{name: "date-time with negative offset is not shifted", in: "1905-03-03T23:30:00-05:00", want: "1905-03-03", wantOther: true},
		{name: "date-time UTC", in: "1980-09-01T00:00:00Z", want: "1980-09-01", wantOther: true},
		{name: "date-time lower-case t and z", in: "1980-09-01t00:00:00z", want: "1980-09-01", wantOther: true},
		{name: "date-time with milliseconds", in: "1980-09-01T00:00:00.000Z", want: "1980-09-01", wantOther: true},
		{name: "date-time with nanoseconds and offset", in: "1980-09-01T12:34:56.123456789+02:00", want: "1980-09-01", wantOther: true},
		{name: "leap second", in: "1980-09-01T23:59:60Z", want: "1980-09-01", wantOther: true},
		{name: "basic format", in: "19490917", want: "1949-09-17", wantOther: true},
		{name: "leap day 2000", in: "2000-02-29", want: "2000-02-29"},
		{name: "leap day basic", in: "20000229", want: "2000-02-29", wantOther: true},

		{name: "no leap day 1900", in: "1900-02-29"},
		{name: "no leap day 1900 basic", in: "19000229"},
		{name: "no leap day 1900 date-time", in: "1900-02-29T00:00:00Z"},
		{name: "February 30", in: "1905-02-30"},
		{name: "German order", in: "03.03.1905"},
		{name: "single digits", in: "1905-3-3"},
		{name: "slashes", in: "1905/03/03"},
		{name: "empty", in: ""},
		{name: "padded", in: " 1905-03-03"},
		{name: "date-time without zone", in: "1980-09-01T00:00:00"},
		{name: "date-time with space", in: "1980-09-01 00:00:00Z"},
		{name: "date-time without seconds", in: "1980-09-01T00:00Z"},
		{name: "fraction without digits", in: "1980-09-01T00:00:00.Z"},
		{name: "fraction with comma", in: "1980-09-01T00:00:00,5Z"},
		{name: "hour 24", in: "1980-09-01T24:00:00Z"},
		{name: "minute 60", in: "1980-09-01T00:60:00Z"},
		{name: "second 61", in: "1980-09-01T00:00:61Z"},
		{name: "offset without colon", in: "1980-09-01T00:00:00+0100"},
		{name: "offset hour 24", in: "1980-09-01T00:00:00+24:00"},
		{name: "offset minute 60", in: "1980-09-01T00:00:00+01:60"},
		{name: "trailing text", in: "1980-09-01T00:00:00Zx"},
		{name: "date-time too long", in: "1980-09-01T00:00:00." + strings.Repeat("0", 30) + "Z"},
		{name: "basic format invalid month", in: "19491317"},
		{name: "basic format with signs", in: "1949+9+7"},
		{name: "year zero", in: "0000-01-01"},
		{name: "German order date-time", in: "03.03.1905T00:00:00Z"},
		{name: "Unix seconds", in: "1538562174"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, other, iss := validate.ParseBirthDate(tc.in)
			if tc.want == "" {
				if iss == nil {
					t.Fatalf("ParseBirthDate(%q) = %v, %v, nil; want an invalid_date issue", tc.in, got, other)
				}
				if iss.Code != validate.CodeInvalidDate || iss.Path != "" || iss.Severity != validate.SeverityError {
					t.Errorf("ParseBirthDate(%q) issue = %+v, want error invalid_date at path \"\"", tc.in, *iss)
				}
				if got != (model.Date{}) || other {
					t.Errorf("ParseBirthDate(%q) = %v, %v with an issue, want the zero Date, false", tc.in, got, other)
				}
				if tc.in != "" && strings.Contains(iss.Error(), tc.in) {
					t.Errorf("ParseBirthDate(%q) issue text %q contains the input", tc.in, iss.Error())
				}
				return
			}
			if iss != nil {
				t.Fatalf("ParseBirthDate(%q) issue = %v, want nil", tc.in, iss)
			}
			if got.String() != tc.want || other != tc.wantOther {
				t.Errorf("ParseBirthDate(%q) = %v, %v; want %s, %v", tc.in, got, other, tc.want, tc.wantOther)
			}
		})
	}
}

// TestParseBirthDateCause checks that the cause of a rejected YYYY-MM-DD
// date is kept for errors.Is and stays out of the text.
func TestParseBirthDateCause(t *testing.T) {
	_, _, iss := validate.ParseBirthDate("1905-02-30")
	if iss == nil {
		t.Fatalf("ParseBirthDate(%q) issue = nil, want invalid_date", "1905-02-30")
	}
	if !errors.Is(iss, model.ErrInvalidDate) {
		t.Errorf("ParseBirthDate(%q) issue cause = %v, want model.ErrInvalidDate", "1905-02-30", iss.Err)
	}
	if strings.Contains(iss.Error(), model.ErrInvalidDate.Error()) {
		t.Errorf("ParseBirthDate(%q) issue text %q includes the cause's text", "1905-02-30", iss.Error())
	}
}

func TestCheckBirthDate(t *testing.T) {
	// 2024-02-29 23:30 in New York is 2024-03-01 in UTC: today is March 1.
	now := time.Date(2024, time.February, 29, 23, 30, 0, 0, time.FixedZone("EST", -5*3600))
	tests := []struct {
		name   string
		in     model.Date
		maxAge int
		want   validate.Code // "" means no issue
	}{
		{name: "absent", in: model.Date{}},
		{name: "ordinary", in: model.MustParseDate("1980-09-01")},
		{name: "today in UTC", in: model.MustParseDate("2024-03-01")},
		{name: "yesterday in UTC", in: model.MustParseDate("2024-02-29")},
		{name: "tomorrow in UTC", in: model.MustParseDate("2024-03-02"), want: validate.CodeDateInFuture},
		{name: "far future", in: model.MustParseDate("2999-01-01"), want: validate.CodeDateInFuture},
		{name: "exactly 130 years", in: model.MustParseDate("1894-03-01")},
		{name: "130 years and a day", in: model.MustParseDate("1894-02-28"), want: validate.CodeImplausibleBirthDate},
		{name: "131 years ago", in: model.MustParseDate("1893-03-01"), want: validate.CodeImplausibleBirthDate},
		{name: "seed date 1901", in: model.MustParseDate("1901-02-03")},
		{name: "custom max age", in: model.MustParseDate("1923-01-01"), maxAge: 100, want: validate.CodeImplausibleBirthDate},
		{name: "custom max age inside", in: model.MustParseDate("1925-01-01"), maxAge: 100},
		{name: "negative max age means default", in: model.MustParseDate("1901-02-03"), maxAge: -1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			iss := validate.CheckBirthDate(tc.in, now, tc.maxAge)
			if tc.want == "" {
				if iss != nil {
					t.Errorf("CheckBirthDate(%v, %v, %d) = %v, want nil", tc.in, now, tc.maxAge, iss)
				}
				return
			}
			if iss == nil {
				t.Fatalf("CheckBirthDate(%v, %v, %d) = nil, want %s", tc.in, now, tc.maxAge, tc.want)
			}
			if iss.Code != tc.want || iss.Path != "" || iss.Severity != tc.want.DefaultSeverity() {
				t.Errorf("CheckBirthDate(%v, %v, %d) = %+v, want %s at path \"\" with its default severity", tc.in, now, tc.maxAge, *iss, tc.want)
			}
		})
	}
}

func TestCheckBirthDateSeverityAndParams(t *testing.T) {
	now := time.Date(2025, time.June, 15, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name       string
		in         model.Date
		maxAge     int
		wantCode   validate.Code
		wantSev    validate.Severity
		wantMaxAge int
	}{
		{name: "future is an error", in: model.MustParseDate("2025-06-16"), wantCode: validate.CodeDateInFuture, wantSev: validate.SeverityError},
		{name: "131 years ago is a warning", in: model.MustParseDate("1894-06-15"), wantCode: validate.CodeImplausibleBirthDate, wantSev: validate.SeverityWarning, wantMaxAge: validate.DefaultMaxAge},
		{name: "max age param", in: model.MustParseDate("1900-01-01"), maxAge: 120, wantCode: validate.CodeImplausibleBirthDate, wantSev: validate.SeverityWarning, wantMaxAge: 120},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			iss := validate.CheckBirthDate(tc.in, now, tc.maxAge)
			if iss == nil {
				t.Fatalf("CheckBirthDate(%v, %v, %d) = nil, want %s", tc.in, now, tc.maxAge, tc.wantCode)
			}
			if iss.Code != tc.wantCode || iss.Severity != tc.wantSev {
				t.Errorf("CheckBirthDate(%v, %v, %d) = %s %s, want %s %s", tc.in, now, tc.maxAge, iss.Severity, iss.Code, tc.wantSev, tc.wantCode)
			}
			if tc.wantMaxAge != 0 {
				if got, ok := iss.ParamInt("maxAge"); !ok || got != tc.wantMaxAge {
					t.Errorf("CheckBirthDate(%v, %v, %d) maxAge param = %v, %v; want %d", tc.in, now, tc.maxAge, got, ok, tc.wantMaxAge)
				}
			}
		})
	}
	if iss := validate.CheckBirthDate(model.MustParseDate("2025-06-15"), now, 0); iss != nil {
		t.Errorf("CheckBirthDate(today) = %v, want nil", iss)
	}
}
