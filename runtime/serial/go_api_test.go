package serial

import (
	"bytes"
	"encoding/hex"
	"errors"
	"io"
	"math"
	"reflect"
	"runtime"
	"strings"
	"testing"
)

func mustHex(t testing.TB, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(strings.ReplaceAll(s, " ", ""))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// The wanted bytes are what luajit writes for the equivalent Lua value
// (checked by TestOracleLuaJIT for the Lua side; Go values with one hash
// key or none are deterministic).
func TestMarshal(t *testing.T) {
	one := "07 000000000000f03f"
	two := "07 0000000000000040"
	tests := []struct {
		name string
		give any
		want string
	}{
		{"nil", nil, "00"},
		{"false", false, "01"},
		{"true", true, "02"},
		{"float64", 1.0, one},
		{"int", 2, two},
		{"int8", int8(1), one},
		{"uint16", uint16(2), two},
		{"float32", float32(1), one},
		{"int64 2^62", int64(1) << 62, "07 000000000000d043"},
		{"string", "a", "2161"},
		{"bytes", []byte("a"), "2161"},
		{"empty slice", []any{}, "08"},
		{"slice", []any{1.0, 2.0}, "0c03" + one + two},
		{"slice with hole", []any{1.0, nil, 2.0}, "0c04" + one + "00" + two},
		{"typed slice", []string{"a"}, "0c02 2161"},
		{"empty map", map[string]any{}, "08"},
		{"map nil values only", map[string]any{"a": nil}, "08"},
		{"string map", map[string]any{"a": true}, "0901 2161 02"},
		{"any map sequence", map[any]any{1.0: true, 2.0: false}, "0c03 02 01"},
		{"any map zero based", map[any]any{0.0: true, 1.0: false}, "0a02 02 01"},
		{"any map mixed", map[any]any{1.0: true, "x": false}, "0d0201 02 2178 01"},
		{"any map far key", map[any]any{3.0: true}, "0901" + "07 0000000000000840" + "02"},
		{"typed int map", map[int]string{1: "a", 2: "b"}, "0c03 2161 2162"},
		{"int64 box", Int64(-1), "10 ffffffffffffffff"},
		{"uint64 box", Uint64(5), "11 0500000000000000"},
		{"complex", Complex(complex(1, 2)), "12 000000000000f03f 0000000000000040"},
		{"complex128", complex(1, 2), "12 000000000000f03f 0000000000000040"},
		{"null", LightUserdata(0), "03"},
		{"lightud32", LightUserdata(0x12345678), "04 78563412"},
		{"lightud64", LightUserdata(1 << 56), "05 0000000000000001"},
		{"meta", Meta{Index: 2, Value: []any{1.0}}, "0e01 0c02" + one},
		{"pointer", &[]any{true}, "0c02 02"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Marshal(tt.give)
			if err != nil {
				t.Fatal(err)
			}
			if want := mustHex(t, tt.want); !bytes.Equal(got, want) {
				t.Errorf("got %x, want %x", got, want)
			}
		})
	}
}

func TestMarshalErrors(t *testing.T) {
	deep := any([]any{})
	for range 100 {
		deep = []any{deep}
	}
	type cyclic struct {
		Next *cyclic `lua:"next"`
	}
	cycle := &cyclic{}
	cycle.Next = cycle
	tests := []struct {
		name string
		give any
		want string
	}{
		{"int64 not exact", int64(1)<<53 + 1, "integer 9007199254740993 is not exactly representable as a Lua number (use serial.Int64)"},
		{"uint64 max", uint64(math.MaxUint64), "not exactly representable"},
		{"chan", make(chan int), "cannot serialize Go type chan int"},
		{"chan field", struct{ C chan int }{make(chan int)}, "field C: cannot serialize Go type chan int"},
		{"int field", struct{ N int64 }{1<<53 + 1}, "field N: integer 9007199254740993 is not exactly representable"},
		{"nested field", struct{ O struct{ F func() } }{}, "field O: field F: cannot serialize Go type func()"},
		{"struct cycle", cycle, "too deep to serialize"},
		{"func", func() {}, "cannot serialize Go type func()"},
		{"too deep", deep, "too deep to serialize"},
		{"nil key", map[any]any{nil: 1.0}, "table index is nil"},
		{"nan key", map[any]any{math.NaN(): 1.0}, "table index is NaN"},
		{"meta index", Meta{Index: 0, Value: []any{}}, "metatable index 0 out of range"},
		{"meta value", Meta{Index: 1, Value: "x"}, "serial.Meta value must be a table"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Marshal(tt.give)
			var ee *EncodeError
			if !errors.As(err, &ee) || !strings.Contains(ee.Msg, tt.want) {
				t.Fatalf("got %v, want an *EncodeError containing %q", err, tt.want)
			}
		})
	}
}

// Depth 100 is allowed, exactly like LuaJIT.
func TestMarshalDepthLimit(t *testing.T) {
	v := any([]any{})
	for range 99 {
		v = []any{v}
	}
	if _, err := Marshal(v); err != nil {
		t.Fatalf("100 nested tables: %v", err)
	}
}

func TestUnmarshalShapes(t *testing.T) {
	tests := []struct {
		name string
		give string
		want any
	}{
		{"empty", "08", map[string]any{}},
		{"empty array", "0c01", map[string]any{}},
		{"empty hash", "0900", map[string]any{}},
		{"list", "0c03 2161 2162", []any{"a", "b"}},
		{"list with hole", "0c04 02 00 01", []any{true, nil, false}},
		{"string map", "0902 2161 02 2162 01", map[string]any{"a": true, "b": false}},
		{"string map nil value", "0902 2161 02 2162 00", map[string]any{"a": true}},
		{"zero based", "0a02 02 01", map[any]any{0.0: true, 1.0: false}},
		{"mixed", "0d0201 02 2178 01", map[any]any{1.0: true, "x": false}},
		{"number keys", "0901 07 000000000000f83f 02", map[any]any{1.5: true}},
		{"neg zero key", "0901 07 0000000000000080 02", map[any]any{0.0: true}},
		{"int tag", "06 ffffffff", -1.0},
		{"meta", "0e04 08", Meta{Index: 5, Value: map[string]any{}}},
		{"int64", "10 0100000000000000", Int64(1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Unmarshal(mustHex(t, tt.give))
			if err != nil {
				t.Fatal(err)
			}
			if !sameGo(got, tt.want) || shapeOf(got) != shapeOf(tt.want) {
				t.Errorf("got %#v, want %#v", got, tt.want)
			}
		})
	}
}

func shapeOf(v any) string {
	switch v.(type) {
	case []any:
		return "list"
	case map[string]any:
		return "strmap"
	case map[any]any:
		return "anymap"
	}
	return "scalar"
}

// Offsets point at the item that is wrong, so a user can find it in a dump.
func TestUnmarshalErrorOffsets(t *testing.T) {
	tests := []struct {
		give   string
		msg    string
		offset int
	}{
		{"", "unexpected end of buffer", 0},
		{"2261", "unexpected end of buffer", 0},
		{"0c03 02 2261", "unexpected end of buffer", 3},
		{"0c02 13", "cannot deserialize tag 0x13", 2},
		{"0901 2161 02 00", "left-over data in buffer", 5},
		{"0902 2161 02 2161 01", "duplicate table key", 5},
		// luajit checks the key before it reads the value.
		{"0902 2161 02 2161 13", "duplicate table key", 5},
		{"0902 2161 02 2161 00", "duplicate table key", 5},
		{"0902 2161 02 2161 0c03 02", "duplicate table key", 5},
		{"0903 2161 00 2161 02 2161 13", "duplicate table key", 8},
		{"0901 00 02", "table index is nil", 2},
		{"0901 07 000000000000f8ff 02", "table index is NaN", 2},
		{"0c02 0f05", "cannot deserialize dictionary index 6", 2},
		{"0aff00000010", "table overflow", 0},
		{"0e00 07", "cannot deserialize tag 0x07", 2},
	}
	for _, tt := range tests {
		_, err := Unmarshal(mustHex(t, tt.give))
		var de *DecodeError
		if !errors.As(err, &de) {
			t.Errorf("%s: got %v, want a *DecodeError", tt.give, err)
			continue
		}
		if de.Msg != tt.msg || de.Offset != tt.offset {
			t.Errorf("%s: got %q at %d, want %q at %d", tt.give, de.Msg, de.Offset, tt.msg, tt.offset)
		}
		if de.Error() != tt.msg {
			t.Errorf("%s: Error() = %q, want LuaJIT's text %q", tt.give, de.Error(), tt.msg)
		}
	}
}

func TestDecoderStream(t *testing.T) {
	var buf bytes.Buffer
	enc := NewEncoder(&buf)
	values := []any{"a", 1.0, nil, []any{true}, map[string]any{"k": "v"}}
	for _, v := range values {
		if err := enc.Encode(v); err != nil {
			t.Fatal(err)
		}
	}
	if err := enc.Encode(func() {}); err == nil {
		t.Fatal("encoding a func succeeded")
	}
	whole := append(buf.Bytes(), 0x22, 'x') // a truncated string at the end
	dec := NewDecoder(whole)
	for i, want := range values {
		got, err := dec.Decode()
		if err != nil {
			t.Fatalf("value %d: %v", i, err)
		}
		if !sameGo(got, want) {
			t.Errorf("value %d: got %#v, want %#v", i, got, want)
		}
	}
	before := dec.Offset()
	if _, err := dec.Decode(); err == nil || !strings.Contains(err.Error(), "unexpected end of buffer") {
		t.Fatalf("truncated tail: got %v", err)
	}
	if dec.Offset() != before || dec.Remaining() != 2 {
		t.Errorf("a failed Decode consumed input: offset %d -> %d", before, dec.Offset())
	}
	if _, err := NewDecoder(nil).Decode(); err != io.EOF {
		t.Errorf("empty input: got %v, want io.EOF", err)
	}
}

func TestDict(t *testing.T) {
	v := map[string]any{"alpha": 1.0}
	b, err := Append(nil, v, WithDict("zero", "alpha"))
	if err != nil {
		t.Fatal(err)
	}
	if want := mustHex(t, "0901 0f01 07000000000000f03f"); !bytes.Equal(b, want) {
		t.Fatalf("got %x, want %x", b, want)
	}
	got, err := Unmarshal(b, WithDict("zero", "alpha"))
	if err != nil || !sameGo(got, v) {
		t.Fatalf("got %#v, %v", got, err)
	}
	if _, err := Unmarshal(b); err == nil || !strings.Contains(err.Error(), "cannot deserialize dictionary index 2") {
		t.Fatalf("without dict: got %v", err)
	}
}

func TestSortedKeysDeterministic(t *testing.T) {
	v := map[any]any{"b": 1.0, "a": 2.0, 5.5: true, 1.0: "x"}
	first, err := Append(nil, v, WithSortedKeys())
	if err != nil {
		t.Fatal(err)
	}
	for range 20 {
		again, _ := Append(nil, v, WithSortedKeys())
		if !bytes.Equal(first, again) {
			t.Fatalf("WithSortedKeys gave %x then %x", first, again)
		}
	}
}

// A length prefix that promises far more than the input holds must not
// make the decoder allocate for it.
func TestHostileCountsDoNotAllocate(t *testing.T) {
	for _, h := range []string{"0cff00000008", "09ff00000004", "0dffffff0000ff00000002", "ffffffff7f"} {
		src := mustHex(t, h)
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		for range 10 {
			if _, err := Unmarshal(src); err == nil {
				t.Fatalf("%s: decoded", h)
			}
		}
		runtime.ReadMemStats(&after)
		if grew := after.TotalAlloc - before.TotalAlloc; grew > 1<<20 {
			t.Errorf("%s: 10 decodes allocated %d bytes", h, grew)
		}
	}
}

// sameGo compares decoded Go values by Lua meaning: a list and a map with
// the same number keys are the same table, nil values are absent keys, and
// NaNs are equal to NaNs with the same bits.
func sameGo(a, b any) bool {
	ta, aTable := asTable(a)
	tb, bTable := asTable(b)
	if aTable || bTable {
		if !aTable || !bTable || len(ta) != len(tb) {
			return false
		}
		for k, v := range ta {
			w, ok := tb[k]
			if !ok || !sameGo(v, w) {
				return false
			}
		}
		return true
	}
	switch x := a.(type) {
	case float64:
		y, ok := b.(float64)
		return ok && (x == y && math.Signbit(x) == math.Signbit(y) || math.Float64bits(x) == math.Float64bits(y))
	case Complex:
		y, ok := b.(Complex)
		return ok && math.Float64bits(real(x)) == math.Float64bits(real(y)) && math.Float64bits(imag(x)) == math.Float64bits(imag(y))
	case Meta:
		y, ok := b.(Meta)
		return ok && x.Index == y.Index && sameGo(x.Value, y.Value)
	}
	return a == b
}

func asTable(v any) (map[any]any, bool) {
	m := map[any]any{}
	switch x := v.(type) {
	case []any:
		for i, e := range x {
			if e != nil {
				m[float64(i+1)] = e
			}
		}
	case []float64:
		for i, e := range x {
			m[float64(i+1)] = e
		}
	case map[string]any:
		for k, e := range x {
			if e != nil {
				m[k] = e
			}
		}
	case map[any]any:
		for k, e := range x {
			if e != nil {
				m[k] = e
			}
		}
	default:
		return nil, false
	}
	return m, true
}

// The dictionary lookup hashes keys into 64 slots; with many keys most
// slots collide, and every key must still find its own (first) index.
func TestDictLookupManyKeys(t *testing.T) {
	var keys []string
	for i := range 300 {
		keys = append(keys, "key"+strings.Repeat("x", i%7)+string(rune('a'+i%26))+string(rune('A'+i/26)))
	}
	keys = append(keys, "", keys[5]) // the empty key, and a duplicate
	c := newConfig([]Option{WithDict(keys...)})
	for i, k := range keys[:len(keys)-1] {
		if got := c.keys.lookup(k); got != i {
			t.Errorf("lookup(%q) = %d, want %d", k, got, i)
		}
	}
	for _, k := range []string{"nope", "keyA", "x", "keyxxxxxxxxzZ"} {
		if got := c.keys.lookup(k); got != -1 {
			t.Errorf("lookup(%q) = %d, want -1", k, got)
		}
	}
}

// Maps of 224 keys or more need a longer count prefix than the one-pass
// encoder reserves.
func TestRoundTripBigMaps(t *testing.T) {
	for _, n := range []int{223, 224, 225, 5000} {
		m := map[string]any{}
		for i := range n {
			m[strings.Repeat("k", 1+i%3)+string(rune(0x100+i))] = float64(i)
		}
		for _, opts := range [][]Option{nil, {WithSortedKeys()}} {
			b, err := Append(nil, m, opts...)
			if err != nil {
				t.Fatal(err)
			}
			got, err := Unmarshal(b)
			if err != nil || !sameGo(got, m) {
				t.Fatalf("%d keys: %v", n, err)
			}
		}
	}
}

// With few keys most slots hold one key, which lookup identifies by its
// length and packed bytes alone when it is at most 8 bytes long; near misses
// (same length, same first and last bytes) must still be told apart.
func TestDictLookupFewKeys(t *testing.T) {
	keys := []string{"id", "name", "a", "", "active", "abcdefgh", "abcd12efgh", "tags"}
	c := newConfig([]Option{WithDict(keys...)})
	for i, k := range keys {
		// The same bytes, and a copy (which only a comparison of the
		// bytes recognises).
		if got := c.keys.lookup(k); got != i {
			t.Errorf("lookup(%q) = %d, want %d", k, got, i)
		}
		if got := c.keys.lookup(strings.Clone(k)); got != i {
			t.Errorf("lookup(copy of %q) = %d, want %d", k, got, i)
		}
	}
	for _, k := range []string{"ie", "jd", "nam", "names", "b", "activf", "abcdefgi", "abcdXXefgh", "abcd12efgi", "tagz", "\x00"} {
		if got := c.keys.lookup(k); got != -1 {
			t.Errorf("lookup(%q) = %d, want -1", k, got)
		}
	}
}

// widenFloats turns every []float64 inside v into the []any that a decoder
// without WithFloat64Slices returns.
func widenFloats(v any) any {
	switch x := v.(type) {
	case []float64:
		out := make([]any, len(x))
		for i, f := range x {
			out[i] = f
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = widenFloats(e)
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = widenFloats(e)
		}
		return out
	case map[any]any:
		out := make(map[any]any, len(x))
		for k, e := range x {
			out[k] = widenFloats(e)
		}
		return out
	case Meta:
		return Meta{Index: x.Index, Value: widenFloats(x.Value)}
	}
	return v
}

// numberList reports whether v holds a non-empty []any of numbers only,
// which WithFloat64Slices should have decoded as []float64.
func numberList(v any) bool {
	switch x := v.(type) {
	case []any:
		all := len(x) > 0
		for _, e := range x {
			if _, ok := e.(float64); !ok {
				all = false
			}
			if numberList(e) {
				return true
			}
		}
		return all
	case map[string]any:
		for _, e := range x {
			if numberList(e) {
				return true
			}
		}
	case map[any]any:
		for _, e := range x {
			if numberList(e) {
				return true
			}
		}
	case Meta:
		return numberList(x.Value)
	}
	return false
}

func TestFloat64Slices(t *testing.T) {
	num := func(f float64) string { return hex.EncodeToString(appendNum(nil, f)) }
	tests := []struct {
		name, in string
		want     any
	}{
		{"numbers", "0c04" + num(1) + num(-0.5) + num(math.Inf(1)), []float64{1, -0.5, math.Inf(1)}},
		{"int tag", "0c03 06feffffff" + num(2), []float64{-2, 2}},
		{"nested", "0901 2178 0c03" + num(1) + num(2), map[string]any{"x": []float64{1, 2}}},
		{"meta", "0e00 0c02" + num(7), Meta{Index: 1, Value: []float64{7}}},
		{"mixed", "0c03" + num(1) + "2161", []any{1.0, "a"}},
		{"hole", "0c03" + num(1) + "00", []any{1.0, nil}},
		{"string first", "0c03 2161" + num(1), []any{"a", 1.0}},
		{"list of lists", "0c03 0c02" + num(1) + " 0c02" + num(2), []any{[]float64{1}, []float64{2}}},
		{"0-based", "0a02" + num(0) + num(1), map[any]any{0.0: 0.0, 1.0: 1.0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Unmarshal(mustHex(t, tt.in), WithFloat64Slices())
			if err != nil {
				t.Fatal(err)
			}
			if !sameGo(got, tt.want) || !sameTypes(got, tt.want) || numberList(got) {
				t.Fatalf("got %#v, want %#v", got, tt.want)
			}
			if fs, ok := got.([]float64); ok {
				for i, f := range fs {
					if w := tt.want.([]float64)[i]; math.Float64bits(f) != math.Float64bits(w) {
						t.Fatalf("element %d: %v, want %v", i, f, w)
					}
				}
			}
		})
	}
	// Broken input fails exactly as without the option.
	for _, in := range []string{"0c03" + num(1), "0c03" + num(1)[:10], "0c03 06ff", "0c03" + num(1) + "13", "0c03" + num(1) + "0c02"} {
		_, err1 := Unmarshal(mustHex(t, in))
		_, err2 := Unmarshal(mustHex(t, in), WithFloat64Slices())
		if err1 == nil || err2 == nil || err1.Error() != err2.Error() {
			t.Errorf("%s: %v / %v", in, err1, err2)
		}
	}
}

// sameTypes reports whether a and b have the same Go types all the way down
// (for tables with the same keys, as sameGo checks).
func sameTypes(a, b any) bool {
	if reflect.TypeOf(a) != reflect.TypeOf(b) {
		return false
	}
	if m, ok := b.(Meta); ok {
		return sameTypes(a.(Meta).Value, m.Value)
	}
	ta, _ := asTable(a)
	tb, _ := asTable(b)
	for k, v := range ta {
		if !sameTypes(v, tb[k]) {
			return false
		}
	}
	return true
}

// A []float64 encodes exactly like the same numbers in a []any.
func TestMarshalFloat64Slice(t *testing.T) {
	for _, fs := range [][]float64{nil, {}, {1}, {0, math.Copysign(0, -1), math.NaN(), math.Inf(-1), 1e300}} {
		var xs any
		if fs != nil {
			l := make([]any, len(fs))
			for i, f := range fs {
				l[i] = f
			}
			xs = l
		}
		want, err1 := Marshal(xs)
		got, err2 := Marshal(fs)
		if err1 != nil || err2 != nil || !bytes.Equal(got, want) {
			t.Errorf("%v: %x, want %x (%v, %v)", fs, got, want, err1, err2)
		}
		back, err := Unmarshal(got, WithFloat64Slices())
		if err != nil {
			t.Fatal(err)
		}
		if again, _ := Marshal(back); !bytes.Equal(again, want) {
			t.Errorf("%v: decoded as %#v, which encodes to %x", fs, back, again)
		}
	}
}

// Unmarshal reads the caller's bytes in place; what it returns must not
// change when the caller reuses them.
func TestUnmarshalDoesNotShareInput(t *testing.T) {
	// {"a", cats = "data", x = {y = "z"}}
	data := mustHex(t, "0d02 02 2161 2463617473 2464617461 2178 0901 2179 217a")
	v, err := Unmarshal(data, WithFloat64Slices())
	if err != nil {
		t.Fatal(err)
	}
	want := map[any]any{1.0: "a", "cats": "data", "x": map[string]any{"y": "z"}}
	for i := range data {
		data[i] = 'z'
	}
	if !sameGo(v, want) {
		t.Fatalf("got %#v, want %#v", v, want)
	}
}

// Short lists share one backing array; appending to one must not change
// its neighbour.
func TestDecodedListsAreSeparate(t *testing.T) {
	v, err := Unmarshal(mustHex(t, "0c03 0c02 2161 0c03 2162 2163"))
	if err != nil {
		t.Fatal(err)
	}
	outer := v.([]any)
	first, second := outer[0].([]any), outer[1].([]any)
	first = append(first, "x")
	first[0] = "changed"
	if len(second) != 2 || second[0] != "b" || second[1] != "c" || outer[0].([]any)[0] != "a" {
		t.Fatalf("appending to one decoded list changed others: %#v, %#v", outer, first)
	}
}
