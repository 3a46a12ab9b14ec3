package fieldmap_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/custnorm/custnorm/convert/internal/fieldmap"
	"github.com/custnorm/custnorm/model"
	"github.com/custnorm/custnorm/validate"
)

// modelField is a field of model.Customer found by reflection: its
// canonical pointer (from the json tags) and its index path.
type modelField struct {
	ptr   validate.Pointer
	index []int
}

// modelFields walks t (model.Customer and the structs it nests) and
// returns every value field, provider sections excepted, in struct order.
func modelFields(t reflect.Type, base validate.Pointer, index []int) []modelField {
	var out []modelField
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "" || name == "-" || name == "provider" {
			continue
		}
		p := base.AppendToken(name)
		idx := append(append([]int{}, index...), i)
		if f.Type.Kind() == reflect.Struct && f.Type != reflect.TypeFor[model.Date]() {
			out = append(out, modelFields(f.Type, p, idx)...)
			continue
		}
		out = append(out, modelField{p, idx})
	}
	return out
}

// TestFields ties the Field table to model.Customer: every field of the
// model has a Field with its pointer, in the model's order; Text gives the
// model's own field (for every field but the date and the live mode) and
// IsSet sees a value set there. A field added to the model and not to the
// table fails here.
func TestFields(t *testing.T) {
	want := modelFields(reflect.TypeFor[model.Customer](), "", nil)
	var gotPtrs, wantPtrs []validate.Pointer
	for _, f := range fieldmap.Fields() {
		gotPtrs = append(gotPtrs, f.Pointer())
	}
	for _, mf := range want {
		wantPtrs = append(wantPtrs, mf.ptr)
	}
	if diff := cmp.Diff(wantPtrs, gotPtrs); diff != "" {
		t.Fatalf("Fields() pointers differ from model.Customer's fields (-model +table):\n%s", diff)
	}
	for _, mf := range want {
		f, ok := fieldmap.FieldAt(mf.ptr)
		if !ok || f.Pointer() != mf.ptr || f.String() != string(mf.ptr) {
			t.Errorf("FieldAt(%s) = %v, %v", mf.ptr, f, ok)
			continue
		}
		var c model.Customer
		field := reflect.ValueOf(&c).Elem().FieldByIndex(mf.index)
		if f.IsSet(&c) {
			t.Errorf("%s.IsSet(zero record) = true", f)
		}
		text := f.Text(&c)
		switch field.Kind() {
		case reflect.String:
			if text == nil {
				t.Errorf("%s.Text = nil for a string field", f)
				continue
			}
			if uintptr(field.Addr().UnsafePointer()) != uintptr(reflect.ValueOf(text).UnsafePointer()) {
				t.Errorf("%s.Text points elsewhere than the model's field", f)
			}
			field.SetString("x")
			if f.TextOf(&c) != "x" {
				t.Errorf("%s.TextOf = %q after setting the model's field to x", f, f.TextOf(&c))
			}
		case reflect.Pointer:
			field.Set(reflect.New(field.Type().Elem()))
		default: // model.Date
			field.Set(reflect.ValueOf(model.MustParseDate("2000-01-02")))
		}
		if field.Kind() != reflect.String && text != nil {
			t.Errorf("%s.Text is not nil for a %s field", f, field.Type())
		}
		if !f.IsSet(&c) {
			t.Errorf("%s.IsSet = false with the model's field set", f)
		}
		if leaves := fieldmap.Leaves(c); len(leaves) != 1 || leaves[0] != mf.ptr {
			t.Errorf("Leaves(record with only %s) = %v", mf.ptr, leaves)
		}
	}
	if _, ok := fieldmap.FieldAt("/provider"); ok {
		t.Error(`FieldAt("/provider") found a Field`)
	}
}

func TestLimitCheck(t *testing.T) {
	tests := []struct {
		name string
		lim  fieldmap.Limit
		v    string
		want *golden
	}{
		{"no limit", fieldmap.Limit{}, "", nil},
		{"within", fieldmap.Limit{Min: 2, Max: 3}, "abc", nil},
		{"too long, in code points", fieldmap.Limit{Max: 2}, "aäb", &golden{validate.CodeTooLong, validate.SeverityError}},
		{"too short", fieldmap.Limit{Min: 4}, "abc", &golden{validate.CodeTooShort, validate.SeverityError}},
		{"a soft limit warns", fieldmap.Limit{Max: 1, Severity: validate.SeverityWarning}, "ab", &golden{validate.CodeTooLong, validate.SeverityWarning}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			iss, over := tc.lim.Check("/x", tc.v)
			if over != (tc.want != nil) {
				t.Fatalf("Check(%q) over = %v, want %v", tc.v, over, tc.want != nil)
			}
			if over && (iss.Code != tc.want.code || iss.Severity != tc.want.severity || iss.Path != "/x") {
				t.Errorf("Check(%q) = %s %s at %s, want %s %s", tc.v, iss.Code, iss.Severity, iss.Path, tc.want.code, tc.want.severity)
			}
		})
	}
}

type golden struct {
	code     validate.Code
	severity validate.Severity
}

// TestReaderTextRule: an empty string is absent, stays in the residue and
// keeps its origin; other values are read.
func TestReaderTextRule(t *testing.T) {
	var r fieldmap.Reader
	if !r.Parse([]byte(`{"a":"","b":"x","c":null,"d":1}`)) {
		t.Fatal(r.Report.Issues)
	}
	var c model.Customer
	for _, m := range []fieldmap.Mapping{
		{Member: "/a", Field: fieldmap.Email},
		{Member: "/b", Field: fieldmap.City},
		{Member: "/c", Field: fieldmap.Phone},
		{Member: "/d", Field: fieldmap.Title},
		{Member: "/e", Field: fieldmap.Fax},
	} {
		r.ReadText(m, "", &c)
		if got := r.Origins.Of(m.Field.Pointer()); got != m.Member {
			t.Errorf("origin of %s = %q, want %q", m.Field, got, m.Member)
		}
	}
	if c.Address.City != "x" || c.Email != "" || c.Phone != "" || c.Title != "" {
		t.Errorf("record = %+v", c)
	}
	if got, want := string(r.Residue()), `{"a":"","c":null,"d":1}`; got != want {
		t.Errorf("Residue() = %s, want %s", got, want)
	}
	if diff := cmp.Diff([]pathCode{{"/d", validate.CodeWrongType}}, pathCodes(r.Report.Issues)); diff != "" {
		t.Errorf("issues (-want +got):\n%s", diff)
	}
}
