package model_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/custnorm/custnorm/model"
)

func ExampleParseDate() {
	d, err := model.ParseDate("1905-03-03")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(d.Year, d.Month, d.Day)
	fmt.Println(d.IsValid())
	// Output:
	// 1905 March 3
	// true
}

func ExampleParseDate_invalid() {
	for _, s := range []string{"1905-02-30", "03.03.1905", "1905-3-3", "19490917", ""} {
		_, err := model.ParseDate(s)
		fmt.Printf("%q: %v (ErrInvalidDate: %v)\n", s, err, errors.Is(err, model.ErrInvalidDate))
	}
	// Output:
	// "1905-02-30": model: not a YYYY-MM-DD calendar date (ErrInvalidDate: true)
	// "03.03.1905": model: not a YYYY-MM-DD calendar date (ErrInvalidDate: true)
	// "1905-3-3": model: not a YYYY-MM-DD calendar date (ErrInvalidDate: true)
	// "19490917": model: not a YYYY-MM-DD calendar date (ErrInvalidDate: true)
	// "": model: not a YYYY-MM-DD calendar date (ErrInvalidDate: true)
}

func ExampleDate_String() {
	d := model.Date{Year: 1980, Month: time.September, Day: 1}
	fmt.Println(d)
	fmt.Printf("%q\n", model.Date{}) // the zero Date is absent
	// Output:
	// 1980-09-01
	// ""
}
