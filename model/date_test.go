package model_test

import (
	"encoding"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/custnorm/custnorm/model"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    model.Date
		wantErr bool
	}{
		{name: "ordinary", in: "1905-03-03", want: model.Date{Year: 1905, Month: time.March, Day: 3}},
		{name: "leap day 2000", in: "2000-02-29", want: model.Date{Year: 2000, Month: time.February, Day: 29}},
		{name: "leap day 2024", in: "2024-02-29", want: model.Date{Year: 2024, Month: time.February, Day: 29}},
		{name: "first day", in: "0001-01-01", want: model.Date{Year: 1, Month: time.January, Day: 1}},
		{name: "last day", in: "9999-12-31", want: model.Date{Year: 9999, Month: time.December, Day: 31}},
		{name: "thirty-one in December", in: "1999-12-31", want: model.Date{Year: 1999, Month: time.December, Day: 31}},

		{name: "empty", in: "", wantErr: true},
		{name: "year zero", in: "0000-01-01", wantErr: true},
		{name: "no leap day 1900", in: "1900-02-29", wantErr: true},
		{name: "no leap day 2023", in: "2023-02-29", wantErr: true},
		{name: "February 30", in: "1905-02-30", wantErr: true},
		{name: "April 31", in: "2021-04-31", wantErr: true},
		{name: "month 0", in: "2021-00-10", wantErr: true},
		{name: "month 13", in: "2021-13-10", wantErr: true},
		{name: "day 0", in: "2021-01-00", wantErr: true},
		{name: "day 32", in: "2021-01-32", wantErr: true},
		{name: "German order", in: "03.03.1905", wantErr: true},
		{name: "single digits", in: "1905-3-3", wantErr: true},
		{name: "basic format", in: "19050303", wantErr: true},
		{name: "date-time", in: "1905-03-03T00:00:00Z", wantErr: true},
		{name: "slashes", in: "1905/03/03", wantErr: true},
		{name: "signed month", in: "1905-+3-03", wantErr: true},
		{name: "negative day", in: "1905-03--3", wantErr: true},
		{name: "padded", in: " 1905-03-03", wantErr: true},
		{name: "trailing space", in: "1905-03-03 ", wantErr: true},
		{name: "five-digit year", in: "10000-01-01", wantErr: true},
		{name: "full-width digits", in: "１９０５-03-03", wantErr: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := model.ParseDate(tc.in)
			if tc.wantErr {
				if err == nil {
					t.Fatalf("ParseDate(%q) = %v, nil, want an error", tc.in, got)
				}
				if !errors.Is(err, model.ErrInvalidDate) {
					t.Errorf("ParseDate(%q) error = %v, want it to wrap ErrInvalidDate", tc.in, err)
				}
				var de *model.DateError
				if !errors.As(err, &de) {
					t.Errorf("ParseDate(%q) error is %T, want *model.DateError", tc.in, err)
				}
				if tc.in != "" && strings.Contains(err.Error(), tc.in) {
					t.Errorf("ParseDate(%q) error %q contains the input", tc.in, err)
				}
				if got != (model.Date{}) {
					t.Errorf("ParseDate(%q) = %v with an error, want the zero Date", tc.in, got)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseDate(%q) error = %v, want nil", tc.in, err)
			}
			if got != tc.want {
				t.Errorf("ParseDate(%q) = %#v, want %#v", tc.in, got, tc.want)
			}
			if s := got.String(); s != tc.in {
				t.Errorf("ParseDate(%q).String() = %q, want %q", tc.in, s, tc.in)
			}
		})
	}
}

func TestMustParseDate(t *testing.T) {
	if got, want := model.MustParseDate("1980-09-01"), (model.Date{Year: 1980, Month: time.September, Day: 1}); got != want {
		t.Errorf("MustParseDate(%q) = %v, want %v", "1980-09-01", got, want)
	}
	defer func() {
		if recover() == nil {
			t.Errorf("MustParseDate(%q) did not panic", "1980-02-30")
		}
	}()
	model.MustParseDate("1980-02-30")
}

func TestDateString(t *testing.T) {
	tests := []struct {
		name string
		in   model.Date
		want string
	}{
		{name: "zero", in: model.Date{}, want: ""},
		{name: "ordinary", in: model.Date{Year: 1905, Month: time.March, Day: 3}, want: "1905-03-03"},
		{name: "small year padded", in: model.Date{Year: 42, Month: time.January, Day: 9}, want: "0042-01-09"},
		{name: "last day", in: model.Date{Year: 9999, Month: time.December, Day: 31}, want: "9999-12-31"},
		// Invalid dates are written as they are, not normalized like
		// time.Date would (2023-02-30 is not March 2).
		{name: "invalid day kept", in: model.Date{Year: 2023, Month: time.February, Day: 30}, want: "2023-02-30"},
		{name: "month only", in: model.Date{Month: time.May}, want: "0000-05-00"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.in.String(); got != tc.want {
				t.Errorf("%#v.String() = %q, want %q", tc.in, got, tc.want)
			}
			var appender encoding.TextAppender = tc.in
			if got, err := appender.AppendText([]byte("x:")); string(got) != "x:"+tc.want || err != nil {
				t.Errorf("%#v.AppendText(%q) = %q, %v; want %q, nil", tc.in, "x:", got, err, "x:"+tc.want)
			}
			b, err := tc.in.MarshalText()
			if err != nil {
				t.Fatalf("%#v.MarshalText() error = %v", tc.in, err)
			}
			if string(b) != tc.want {
				t.Errorf("%#v.MarshalText() = %q, want %q", tc.in, b, tc.want)
			}
		})
	}
}

func TestDateIsValid(t *testing.T) {
	tests := []struct {
		name string
		in   model.Date
		want bool
	}{
		{name: "zero", in: model.Date{}, want: false},
		{name: "ordinary", in: model.Date{Year: 1905, Month: time.March, Day: 3}, want: true},
		{name: "leap day 2000", in: model.Date{Year: 2000, Month: time.February, Day: 29}, want: true},
		{name: "leap day 1900", in: model.Date{Year: 1900, Month: time.February, Day: 29}, want: false},
		{name: "leap day 2004", in: model.Date{Year: 2004, Month: time.February, Day: 29}, want: true},
		{name: "February 28", in: model.Date{Year: 2023, Month: time.February, Day: 28}, want: true},
		{name: "June 31", in: model.Date{Year: 2023, Month: time.June, Day: 31}, want: false},
		{name: "July 31", in: model.Date{Year: 2023, Month: time.July, Day: 31}, want: true},
		{name: "year 0", in: model.Date{Year: 0, Month: time.January, Day: 1}, want: false},
		{name: "year 10000", in: model.Date{Year: 10000, Month: time.January, Day: 1}, want: false},
		{name: "negative year", in: model.Date{Year: -1, Month: time.January, Day: 1}, want: false},
		{name: "month 13", in: model.Date{Year: 2000, Month: 13, Day: 1}, want: false},
		{name: "negative day", in: model.Date{Year: 2000, Month: time.January, Day: -1}, want: false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.in.IsValid(); got != tc.want {
				t.Errorf("%#v.IsValid() = %v, want %v", tc.in, got, tc.want)
			}
		})
	}
}

// TestDateIsValidMatchesTime checks IsValid against the time package for
// every day of a 400-year cycle: a date is valid exactly when time.Date
// does not normalize it.
func TestDateIsValidMatchesTime(t *testing.T) {
	for year := 1600; year < 2000; year++ {
		for month := time.January; month <= time.December; month++ {
			for day := 1; day <= 31; day++ {
				d := model.Date{Year: year, Month: month, Day: day}
				tm := time.Date(year, month, day, 0, 0, 0, 0, time.UTC)
				want := tm.Day() == day
				if got := d.IsValid(); got != want {
					t.Fatalf("%v.IsValid() = %v, want %v", d, got, want)
				}
			}
		}
	}
}

func TestDateUnmarshalText(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    model.Date
		wantErr bool
	}{
		{name: "empty is absent", in: "", want: model.Date{}},
		{name: "date", in: "1980-09-01", want: model.Date{Year: 1980, Month: time.September, Day: 1}},
		{name: "invalid", in: "1980-09-31", wantErr: true},
		{name: "date-time", in: "1980-09-01T00:00:00Z", wantErr: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			// Start from a non-zero value: UnmarshalText must overwrite it
			// on success (also with the zero Date) and leave it on error.
			start := model.Date{Year: 2001, Month: time.January, Day: 1}
			got := start
			err := got.UnmarshalText([]byte(tc.in))
			if tc.wantErr {
				if !errors.Is(err, model.ErrInvalidDate) {
					t.Errorf("UnmarshalText(%q) error = %v, want ErrInvalidDate", tc.in, err)
				}
				if got != start {
					t.Errorf("UnmarshalText(%q) changed the date to %v on error", tc.in, got)
				}
				return
			}
			if err != nil {
				t.Fatalf("UnmarshalText(%q) error = %v", tc.in, err)
			}
			if got != tc.want {
				t.Errorf("UnmarshalText(%q) = %#v, want %#v", tc.in, got, tc.want)
			}
		})
	}
}

func TestDateJSON(t *testing.T) {
	type doc struct {
		Date model.Date  `json:"date"`
		Opt  model.Date  `json:"opt,omitzero"`
		Ptr  *model.Date `json:"ptr,omitempty"`
	}
	tests := []struct {
		name string
		in   doc
		want string
	}{
		{name: "set", in: doc{Date: model.MustParseDate("1905-03-03"), Opt: model.MustParseDate("2000-02-29")}, want: `{"date":"1905-03-03","opt":"2000-02-29"}`},
		{name: "zero", in: doc{}, want: `{"date":""}`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b, err := json.Marshal(tc.in)
			if err != nil {
				t.Fatalf("json.Marshal(%+v) error = %v", tc.in, err)
			}
			if string(b) != tc.want {
				t.Errorf("json.Marshal(%+v) = %s, want %s", tc.in, b, tc.want)
			}
			var back doc
			if err := json.Unmarshal(b, &back); err != nil {
				t.Fatalf("json.Unmarshal(%s) error = %v", b, err)
			}
			if diff := cmp.Diff(tc.in, back); diff != "" {
				t.Errorf("json.Unmarshal(%s) mismatch (-want +got):\n%s", b, diff)
			}
		})
	}

	var d doc
	err := json.Unmarshal([]byte(`{"date":"03.03.1905"}`), &d)
	if !errors.Is(err, model.ErrInvalidDate) {
		t.Errorf("json.Unmarshal of a German date error = %v, want ErrInvalidDate", err)
	}
	if err != nil && strings.Contains(err.Error(), "03.03.1905") {
		t.Errorf("json.Unmarshal error %q contains the input", err)
	}
}

func TestDateTime(t *testing.T) {
	tests := []struct {
		name string
		in   model.Date
		want time.Time
	}{
		{name: "midnight UTC", in: model.MustParseDate("1905-03-03"), want: time.Date(1905, time.March, 3, 0, 0, 0, 0, time.UTC)},
		{name: "leap day", in: model.MustParseDate("2000-02-29"), want: time.Date(2000, time.February, 29, 0, 0, 0, 0, time.UTC)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := tc.in.Time()
			if !got.Equal(tc.want) || got.Location() != time.UTC {
				t.Errorf("%v.Time() = %v, want %v", tc.in, got, tc.want)
			}
			if s := got.Format(time.DateOnly); s != tc.in.String() {
				t.Errorf("%v.Time().Format(DateOnly) = %q, want %q", tc.in, s, tc.in.String())
			}
		})
	}
}

func TestDateComparable(t *testing.T) {
	a := model.MustParseDate("1980-09-01")
	b := model.Date{Year: 1980, Month: time.September, Day: 1}
	if a != b {
		t.Errorf("MustParseDate(%q) != %#v, want ==", "1980-09-01", b)
	}
	m := map[model.Date]bool{a: true}
	if !m[b] {
		t.Errorf("Date as map key: lookup of %v failed", b)
	}
}

func TestIsZero(t *testing.T) {
	yes := true
	tests := []struct {
		name string
		in   interface{ IsZero() bool }
		want bool
	}{
		{name: "Date zero", in: model.Date{}, want: true},
		{name: "Date set", in: model.MustParseDate("1905-03-03"), want: false},
		{name: "Date year only", in: model.Date{Year: 1905}, want: false},
		{name: "Address zero", in: model.Address{}, want: true},
		{name: "Address city", in: model.Address{City: "Berlin"}, want: false},
		{name: "References zero", in: model.References{}, want: true},
		{name: "References merchant", in: model.References{Merchant: "m-1"}, want: false},
		{name: "Customer zero", in: model.Customer{}, want: true},
		{name: "Customer empty provider map", in: model.Customer{Provider: map[string]json.RawMessage{}}, want: true},
		{name: "Customer live mode false", in: model.Customer{LiveMode: new(bool)}, want: false},
		{name: "Customer live mode true", in: model.Customer{LiveMode: &yes}, want: false},
		{name: "Customer nested address", in: model.Customer{Address: model.Address{Country: "DE"}}, want: false},
		{name: "Customer nested refs", in: model.Customer{Refs: model.References{Stancer: "cust_x"}}, want: false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.in.IsZero(); got != tc.want {
				t.Errorf("%#v.IsZero() = %v, want %v", tc.in, got, tc.want)
			}
		})
	}
}

// TestCustomerIsZeroEveryField sets each field of Customer, Address and
// References in turn and checks that IsZero notices it, so a field added
// later cannot be forgotten in IsZero.
func TestCustomerIsZeroEveryField(t *testing.T) {
	for _, v := range []any{model.Customer{}, model.Address{}, model.References{}} {
		typ := reflect.TypeOf(v)
		for i := range typ.NumField() {
			f := typ.Field(i)
			t.Run(typ.Name()+"."+f.Name, func(t *testing.T) {
				p := reflect.New(typ)
				setNonZero(t, p.Elem().Field(i))
				z := p.Elem().Interface().(interface{ IsZero() bool })
				if z.IsZero() {
					t.Errorf("%s{%s: non-zero}.IsZero() = true, want false", typ.Name(), f.Name)
				}
			})
		}
	}
}

func setNonZero(t *testing.T, v reflect.Value) {
	t.Helper()
	switch v.Kind() {
	case reflect.String:
		v.SetString("x")
	case reflect.Int:
		v.SetInt(1)
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
	case reflect.Map:
		m := reflect.MakeMap(v.Type())
		m.SetMapIndex(reflect.ValueOf("k"), reflect.Zero(v.Type().Elem()))
		v.Set(m)
	case reflect.Struct:
		setNonZero(t, v.Field(0))
	default:
		t.Fatalf("setNonZero: unhandled kind %v", v.Kind())
	}
}
