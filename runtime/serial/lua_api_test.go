package serial

import (
	"errors"
	"strings"
	"testing"

	lua "github.com/yuin/gopher-lua"
)

func TestNewOptions(t *testing.T) {
	L := lua.NewState()
	defer L.Close()
	tests := []struct {
		dict, mt string // Lua expressions, "" for nil
		wantErr  bool
	}{
		{`{"a", "b"}`, "", false},
		{`{"a", false, "b"}`, "", false},
		{`{}`, `{}`, false},
		{`{"a", 1}`, "", true},
		{`{true}`, "", true},
		{`{{}}`, "", true},
		{"", `{{}, false}`, false},
		{"", `{{}, "x"}`, true},
		// Keys outside the sequence: taken as already prepared, not checked.
		{`{"a", 1, x = 1}`, "", false},
	}
	for _, tt := range tests {
		var dict, mt *lua.LTable
		if tt.dict != "" {
			dict = evalLua(t, L, tt.dict).(*lua.LTable)
		}
		if tt.mt != "" {
			mt = evalLua(t, L, tt.mt).(*lua.LTable)
		}
		_, err := NewOptions(L, dict, mt)
		if tt.wantErr != (err != nil) {
			t.Errorf("dict %s, metatable %s: err = %v, want error %v", tt.dict, tt.mt, err, tt.wantErr)
		}
		if err != nil && (!errors.Is(err, ErrBadOptions) || err.Error() != "bad options table") {
			t.Errorf("error %v is not LuaJIT's bad options table", err)
		}
	}
}

// A dict table with extra keys serves decoding, its entries are not an
// encoding index (only its hash keys are, see preparedIndex), and no
// options table is modified.
func TestOptionsPreparedTable(t *testing.T) {
	L := lua.NewState()
	defer L.Close()
	dict := evalLua(t, L, `{"a", "b", x = 1}`).(*lua.LTable)
	opts, err := NewOptions(L, dict, nil)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := AppendLua(nil, evalLua(t, L, "{a = true}"), opts)
	if string(b) != "\x09\x01\x21a\x02" {
		t.Errorf("encode used the dict of a prepared table: %x", b)
	}
	v, _, err := DecodeLua(L, []byte{0x0f, 0x01}, opts)
	if err != nil || v.String() != "b" {
		t.Errorf("decode of index 2 = %v, %v", v, err)
	}
	if dict.RawGetString("a") != lua.LNil {
		t.Errorf("NewOptions modified the dict table")
	}
}

func TestBoxedValuesInLua(t *testing.T) {
	L := lua.NewState()
	defer L.Close()
	for _, tt := range []struct {
		give any
		want string
	}{
		{Int64(-5), "-5LL"},
		{Uint64(18446744073709551615), "18446744073709551615ULL"},
		{Complex(complex(1, -2)), "1-2i"},
		{LightUserdata(0), "userdata: NULL"},
	} {
		L.SetGlobal("x", BoxLua(L, tt.give))
		L.SetGlobal("y", BoxLua(L, tt.give))
		got := evalLua(t, L, "tostring(x) .. (x == y and ' eq' or ' ne')").String()
		if got != tt.want+" eq" {
			t.Errorf("%#v: got %q, want %q", tt.give, got, tt.want+" eq")
		}
		b, err := AppendLua(nil, L.GetGlobal("x"), nil)
		want, _ := Marshal(tt.give)
		if err != nil || string(b) != string(want) {
			t.Errorf("%#v: re-encoded as %x, %v; want %x", tt.give, b, err, want)
		}
	}
}

// gopher-lua pads its array slice up to any integer key below
// lua.MaxArrayIndex, so sparse keys are limited by a budget tied to the
// input size; moderate ones still decode.
func TestDecodeLuaSparseKeys(t *testing.T) {
	L := lua.NewState()
	defer L.Close()
	key := func(f float64) []byte {
		b := []byte{0x09, 0x01}
		b = appendNum(b, f)
		return append(b, 0x02)
	}
	if _, _, err := DecodeLua(L, key(60000), nil); err != nil {
		t.Errorf("key 60000: %v", err)
	}
	_, _, err := DecodeLua(L, key(60000000), nil)
	var de *DecodeError
	if !errors.As(err, &de) || !strings.Contains(de.Msg, "sparse integer key 60000000") || de.Offset != 2 {
		t.Errorf("key 60000000: got %v", err)
	}
	if _, _, err := DecodeLua(L, key(1e12), nil); err != nil {
		t.Errorf("key 1e12 (hash part in gopher-lua): %v", err)
	}
}

// AppendLua leaves dst unchanged (in length) when it fails half-way.
func TestAppendLuaRollsBack(t *testing.T) {
	L := lua.NewState()
	defer L.Close()
	dst := []byte("prefix")
	out, err := AppendLua(dst, evalLua(t, L, `{1, 2, print}`), nil)
	if err == nil || err.Error() != "cannot serialize 'function'" {
		t.Fatalf("got %v", err)
	}
	if string(out) != "prefix" {
		t.Errorf("dst became %q", out)
	}
}
