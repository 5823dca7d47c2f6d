package serial

import (
	"bytes"
	"encoding/hex"
	"errors"
	"io"
	"math"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/buflsp/buflsp/internal/oracle"
	"github.com/buflsp/buflsp/internal/testutil"
)

// The record types of the struct tests: every kind of field the struct
// encoder has a path for.
type recOwner struct {
	Name  string `lua:"name"`
	Since int    `lua:"since,omitempty"`
}

type recBase struct {
	ID   int    `lua:"id"`
	Kind string `lua:"kind,omitempty"`
}

type record struct {
	recBase
	Name   string         `lua:"name"`
	Active bool           `lua:"active"`
	Score  float64        `lua:"score"`
	Tags   []string       `lua:"tags"`
	Owner  *recOwner      `lua:"owner"`
	Kids   []record       `lua:"kids,omitempty"`
	Skip   int            `lua:"-"`
	hidden int            // unexported: left out
	Big    Int64          `lua:"big,omitempty"`
	Extra  map[string]any `lua:"extra"`
	Any    any            `lua:"any"`
	Small  int8           `lua:"small,omitempty"`
	Ratio  float32        `lua:"ratio,omitempty"`
	Blob   []byte         `lua:"blob"`
	Named  map[int]string `lua:"named"`
}

// embedPtr embeds through a pointer; Plain has no tags (the Go names are
// the keys).
type embedPtr struct {
	*recOwner
	Plain  uint16
	Fixed  [2]float64
	Nested struct {
		X int `lua:"x"`
	} `lua:"nested"`
}

// shadow has two fields named "name": the shallower one (its own) wins.
type shadow struct {
	recOwner
	Name string `lua:"name"`
}

type structCase struct {
	name string
	dict []string
	give any    // a struct (or pointer, slice) to encode
	lua  string // the Lua value a user expects from it
	back any    // what UnmarshalInto gives back, if not give
}

func structCases() []structCase {
	full := record{
		recBase: recBase{ID: 7, Kind: "k"},
		Name:    "item-7", Active: true, Score: 8.75,
		Tags:  []string{"a", "b"},
		Owner: &recOwner{Name: "ann", Since: 2019},
		Kids:  []record{{Name: "kid", Tags: []string{}}},
		Big:   Int64(-1 << 60),
		Extra: map[string]any{"y": []any{"z"}}, // one key: Go orders map keys at random
		Any:   "s", Small: -3, Ratio: 0.5,
		Blob:  []byte("\x00\xff"),
		Named: map[int]string{1: "one", 2: "two", 10: "ten"},
	}
	return []structCase{
		{name: "full", give: full, lua: `{id = 7, kind = "k", name = "item-7", active = true, score = 8.75,
			tags = {"a", "b"}, owner = {name = "ann", since = 2019},
			kids = {{id = 0, name = "kid", active = false, score = 0, tags = {}}},
			big = -1152921504606846976LL, extra = {y = {"z"}}, any = "s", small = -3, ratio = 0.5,
			blob = "\0\255", named = {"one", "two", [10] = "ten"}}`},
		{name: "full-dict", dict: []string{"id", "name", "tags", "owner", "kids"}, give: &full, lua: `{id = 7, kind = "k", name = "item-7", active = true, score = 8.75,
			tags = {"a", "b"}, owner = {name = "ann", since = 2019},
			kids = {{id = 0, name = "kid", active = false, score = 0, tags = {}}},
			big = -1152921504606846976LL, extra = {y = {"z"}}, any = "s", small = -3, ratio = 0.5,
			blob = "\0\255", named = {"one", "two", [10] = "ten"}}`, back: full},
		// Nil pointers, slices, maps and interfaces are absent keys;
		// omitempty leaves out zeros; an empty slice is an empty table.
		{name: "zero", give: record{Tags: []string{}}, lua: `{id = 0, name = "", active = false, score = 0, tags = {}}`},
		{name: "embedded-pointer", give: embedPtr{recOwner: &recOwner{Name: "p"}, Plain: 9, Fixed: [2]float64{1, 2}},
			lua: `{name = "p", Plain = 9, Fixed = {1, 2}, nested = {x = 0}}`},
		{name: "embedded-nil-pointer", give: embedPtr{Plain: 1}, lua: `{Plain = 1, Fixed = {0, 0}, nested = {x = 0}}`},
		{name: "shadowed", give: shadow{recOwner: recOwner{Name: "inner", Since: 1}, Name: "outer"},
			lua: `{name = "outer", since = 1}`, back: shadow{recOwner: recOwner{Since: 1}, Name: "outer"}},
		{name: "slice-of-structs", give: []recOwner{{Name: "a"}, {Name: "b", Since: 2}}, lua: `{{name = "a"}, {name = "b", since = 2}}`},
		{name: "slice-of-pointers", give: []*recOwner{{Name: "a"}, nil, {Name: "c"}}, lua: `{{name = "a"}, nil, {name = "c"}}`},
		{name: "empty-struct", give: struct{}{}, lua: `{}`},
	}
}

// decodeBack decodes data into a new value of c.give's type and returns
// it (the pointed-to value when give is a pointer and back is not).
func (c structCase) decodeBack(t *testing.T, data []byte) any {
	t.Helper()
	want := c.back
	if want == nil {
		want = c.give
	}
	dst := reflect.New(reflect.TypeOf(want))
	if err := UnmarshalInto(data, dst.Interface(), c.opts()...); err != nil {
		t.Fatalf("UnmarshalInto: %v", err)
	}
	return dst.Elem().Interface()
}

func (c structCase) opts() []Option {
	if c.dict == nil {
		return nil
	}
	return []Option{WithDict(c.dict...)}
}

func (c structCase) wantBack() any {
	if c.back != nil {
		return c.back
	}
	return c.give
}

// TestStructRoundTrip encodes each case, decodes it into its type again,
// and checks that an Encoder (which keeps its plans) writes the same bytes
// as Append on every call.
func TestStructRoundTrip(t *testing.T) {
	for _, c := range structCases() {
		t.Run(c.name, func(t *testing.T) {
			data, err := Append(nil, c.give, c.opts()...)
			if err != nil {
				t.Fatal(err)
			}
			if got := c.decodeBack(t, data); !reflect.DeepEqual(got, c.wantBack()) {
				t.Fatalf("round trip:\n got  %+v\n want %+v", got, c.wantBack())
			}
			var out bytes.Buffer
			enc := NewEncoder(&out, c.opts()...)
			for range 2 {
				if err := enc.Encode(c.give); err != nil {
					t.Fatal(err)
				}
			}
			if want := string(data) + string(data); out.String() != want {
				t.Fatalf("Encoder wrote %x, want %x", out.String(), want)
			}
			if again, err := enc.Append([]byte("x"), c.give); err != nil || string(again) != "x"+string(data) {
				t.Fatalf("Encoder.Append: %x, %v", again, err)
			}
			dec := NewDecoder([]byte("junk"), c.opts()...)
			dec.Reset(out.Bytes())
			for i := range 3 {
				dst := reflect.New(reflect.TypeOf(c.wantBack()))
				err := dec.DecodeInto(dst.Interface())
				if i == 2 {
					if err != io.EOF {
						t.Fatalf("third DecodeInto: %v, want io.EOF", err)
					}
					break
				}
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(dst.Elem().Interface(), c.wantBack()) {
					t.Fatalf("DecodeInto %d: %+v", i, dst.Elem().Interface())
				}
			}
		})
	}
}

// TestStructOracleLuaJIT has luajit decode each struct encoding, compare
// it with the Lua table a user expects, and re-encode it; the re-encoding
// must decode into the same Go value (a round trip through LuaJIT).
func TestStructOracleLuaJIT(t *testing.T) {
	luajit := oracle.Require(t, "luajit")
	cases := structCases()
	var in strings.Builder
	encoded := map[string]string{}
	for _, c := range cases {
		data, err := Append(nil, c.give, c.opts()...)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		keys := "-"
		if c.dict != nil {
			keys = strings.Join(c.dict, ",")
		}
		encoded[c.name] = hex.EncodeToString(data)
		in.WriteString(c.name + "\t" + keys + "\t" + encoded[c.name] + "\t" + strings.Join(strings.Fields(c.lua), " ") + "\n")
	}
	out := testutil.MustRunLua(t, luajit, testutil.LuaRun{
		Args:  []string{filepath.Join("testdata", "oracle", "structs.lua")},
		Stdin: in.String(),
	})
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != len(cases) {
		t.Fatalf("luajit printed %d lines for %d cases:\n%s", len(lines), len(cases), out)
	}
	sameBytes := 0
	for i, c := range cases {
		parts := strings.Split(lines[i], "\t")
		if len(parts) != 3 || parts[0] != c.name {
			t.Fatalf("luajit line %q for case %s", lines[i], c.name)
		}
		if parts[1] != "same" {
			t.Errorf("%s: luajit's decoding of our bytes: %s", c.name, parts[1])
			continue
		}
		if parts[2] == encoded[c.name] {
			sameBytes++
		}
		data, err := hex.DecodeString(parts[2])
		if err != nil {
			t.Fatal(err)
		}
		if got := c.decodeBack(t, data); !reflect.DeepEqual(got, c.wantBack()) {
			t.Errorf("%s: decoding luajit's re-encoding:\n got  %+v\n want %+v", c.name, got, c.wantBack())
		}
	}
	t.Logf("%d cases: luajit decoded each to the expected table; %d re-encoded to our exact bytes", len(cases), sameBytes)
}

// TestStructFieldOrderIsFixed: equal structs give equal bytes, in
// declaration order (the keys of record, with the embedded ones first).
func TestStructFieldOrderIsFixed(t *testing.T) {
	r := record{recBase: recBase{ID: 1}, Name: "n", Tags: []string{"t"}, Skip: 3, hidden: 4}
	a, err := Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	d := goDecoder{src: string(a)}
	_, _, p, _ := readTableCounts(d.src, tagTabHash, 1, 0)
	for p < len(a) {
		k, np, ok := d.strKey(p)
		if !ok {
			t.Fatalf("no string key at %d in %x", p, a)
		}
		keys = append(keys, k)
		_, p, err = d.value(np)
		if err != nil {
			t.Fatal(err)
		}
	}
	if got := strings.Join(keys, ","); got != "id,name,active,score,tags" {
		t.Fatalf("keys in the order %s", got)
	}
	for range 20 {
		if b, _ := Marshal(r); !bytes.Equal(a, b) {
			t.Fatalf("bytes changed: %x then %x", a, b)
		}
	}
}

// TestDecodeIntoErrors: values that do not fit their Go destination say
// where, what was expected and what was found.
func TestDecodeIntoErrors(t *testing.T) {
	type small struct {
		N  int8      `lua:"n"`
		U  uint      `lua:"u"`
		S  string    `lua:"s"`
		L  []int     `lua:"l"`
		A  [1]string `lua:"a"`
		O  *recOwner `lua:"o"`
		M  map[int]string
		B  bool `lua:"b"`
		I6 Int64
	}
	tests := []struct {
		name   string
		give   any
		strict bool
		want   string
	}{
		{"fraction", map[string]any{"n": 1.5}, false, "decode at byte 4: n: expected an integer that fits int8, found the number 1.5"},
		{"overflow", map[string]any{"n": 300.0}, false, "n: expected an integer that fits int8, found the number 300"},
		{"negative unsigned", map[string]any{"u": -1.0}, false, "u: expected an integer that fits uint, found the number -1"},
		{"string for number", map[string]any{"n": "7"}, false, `n: expected an integer that fits int8, found the string "7"`},
		{"number for string", map[string]any{"s": 7.0}, false, "s: expected a string (string), found the number 7"},
		{"bad element", map[string]any{"l": []any{1.0, "x"}}, false, `l[1]: expected an integer that fits int, found the string "x"`},
		{"hash for slice", map[string]any{"l": map[string]any{"k": 1.0}}, false, "l: expected an array ([]int), found a table with keys outside its array part"},
		{"array too long", map[string]any{"a": []any{"x", "y"}}, false, "a: expected an array ([1]string), found an array of 2 elements"},
		{"nested field", map[string]any{"o": map[string]any{"name": true}}, false, "o.name: expected a string (string), found a boolean"},
		{"map key", map[string]any{"M": map[string]any{"k": "v"}}, false, `M: expected a key of type int, found the key "k"`},
		{"bool", map[string]any{"b": 0.0}, false, "b: expected a boolean (bool), found the number 0"},
		{"boxed", map[string]any{"I6": 1.0}, false, "I6: expected serial.Int64, found the number 1"},
		{"not a table", "x", false, `decode at byte 0: expected a table (serial.small), found the string "x"`},
		{"unknown key", map[string]any{"zz": 1.0}, true, `expected a key of serial.small, found the key "zz"`},
		{"array element", []any{1.0}, true, "expected a key of serial.small, found a value at index 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, err := Marshal(tt.give)
			if err != nil {
				t.Fatal(err)
			}
			var opts []Option
			if tt.strict {
				opts = append(opts, WithUnknownKeysError())
			}
			var v small
			err = UnmarshalInto(data, &v, opts...)
			var te *TypeError
			if !errors.As(err, &te) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("got %v, want a *TypeError containing %q", err, tt.want)
			}
		})
	}
}

// TestDecodeIntoAccepts: what LuaJIT may write for a field, beyond what
// our encoder writes, is taken when it fits.
func TestDecodeIntoAccepts(t *testing.T) {
	type dst struct {
		I  int64    `lua:"i"`
		U  uint8    `lua:"u"`
		F  float32  `lua:"f"`
		P  *int     `lua:"p"`
		S  []string `lua:"s"`
		Z  recOwner `lua:"z"`
		M  map[string]float64
		Ks map[any]any
	}
	give := map[string]any{
		"i": Int64(math.MinInt64), "u": Uint64(255), "f": 0.25, "p": 5.0,
		"s": []any{"a", nil, "c"}, "z": Meta{Index: 1, Value: map[string]any{"name": "m"}},
		"unknown": []any{1.0}, "M": map[string]any{"x": 2.0},
		"Ks": map[any]any{1.0: "one", "k": true},
	}
	data, err := Marshal(give)
	if err != nil {
		t.Fatal(err)
	}
	var got dst
	if err := UnmarshalInto(data, &got); err != nil {
		t.Fatal(err)
	}
	five := 5
	want := dst{I: math.MinInt64, U: 255, F: 0.25, P: &five, S: []string{"a", "", "c"}, Z: recOwner{Name: "m"},
		M: map[string]float64{"x": 2}, Ks: map[any]any{1.0: "one", "k": true}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got  %+v\nwant %+v", got, want)
	}
	// A key with a nil value is absent, as in Lua: like a missing key,
	// it leaves the field alone.
	nilData, _ := hex.DecodeString("0902" + "2169" + "00" + "2166" + "070000000000000040")
	got.P, got.I = &five, 9
	if err := UnmarshalInto(nilData, &got); err != nil || got.I != 9 || got.F != 2 || got.P != &five {
		t.Fatalf("after nil i and f = 2: %+v, %v", got, err)
	}
}

func TestDecodeIntoBadCalls(t *testing.T) {
	data, _ := Marshal(map[string]any{"name": "x"})
	var r recOwner
	for _, v := range []any{nil, r, (*recOwner)(nil)} {
		if err := UnmarshalInto(data, v); err == nil || !strings.Contains(err.Error(), "needs a non-nil pointer") {
			t.Errorf("UnmarshalInto(%T): %v", v, err)
		}
	}
	if err := UnmarshalInto(append(data, 0), &r); err == nil || !strings.Contains(err.Error(), msgLeftOver) {
		t.Errorf("left-over byte: %v", err)
	}
	// Broken input is a *DecodeError with LuaJIT's text, not a type error.
	err := UnmarshalInto(data[:len(data)-1], &r)
	var de *DecodeError
	if !errors.As(err, &de) || de.Msg != msgUnexpectedEnd {
		t.Errorf("truncated input: %v", err)
	}
	// A pointer type that points to itself stops at the depth limit.
	type selfPtr *selfPtr
	var sp selfPtr
	if err := UnmarshalInto([]byte{tagTrue}, &sp); !errors.As(err, &de) || de.Msg != msgTooDeep {
		t.Errorf("self pointer: %v", err)
	}
	dup, _ := hex.DecodeString("0902" + "246e616d65" + "2178" + "246e616d65" + "2179")
	if err := UnmarshalInto(dup, &r); !errors.As(err, &de) || de.Msg != msgDuplicateKey {
		t.Errorf("duplicate key: %v", err)
	}
}
