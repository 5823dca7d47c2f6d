package serial

import (
	"encoding/hex"
	"testing"

	lua "github.com/yuin/gopher-lua"
)

// evalLua runs `return expr` in L and returns the value.
func evalLua(t *testing.T, L *lua.LState, expr string) lua.LValue {
	t.Helper()
	if err := L.DoString("return " + expr); err != nil {
		t.Fatalf("eval %q: %v", expr, err)
	}
	v := L.Get(-1)
	L.Pop(1)
	return v
}

// Bytes checked by hand against the reference's LuaJIT observations; the
// oracle test covers far more against the real binary.
func TestAppendLuaKnownBytes(t *testing.T) {
	L := lua.NewState()
	defer L.Close()
	tests := []struct {
		give string
		want string
	}{
		{"nil", "00"},
		{"false", "01"},
		{"true", "02"},
		{"1", "07000000000000f03f"},
		{"{}", "08"},
		{"{1,2,3}", "0c04" + "07000000000000f03f" + "070000000000000040" + "070000000000000840"},
		{`"a"`, "2161"},
		{"{a=true}", "09012161" + "02"},
		{"{[0]=true}", "0a0102"},
		{"{[0]=true,false,x=true}", "0b0201" + "02" + "01" + "2178" + "02"},
	}
	for _, tt := range tests {
		v := evalLua(t, L, tt.give)
		got, err := AppendLua(nil, v, nil)
		if err != nil {
			t.Errorf("%s: %v", tt.give, err)
			continue
		}
		if hex.EncodeToString(got) != tt.want {
			t.Errorf("%s: got %x, want %s", tt.give, got, tt.want)
		}
		back, n, err := DecodeLua(L, got, nil)
		if err != nil || n != len(got) {
			t.Errorf("%s: decode: %v (n=%d)", tt.give, err, n)
			continue
		}
		again, err := AppendLua(nil, back, nil)
		if err != nil || hex.EncodeToString(again) != tt.want {
			t.Errorf("%s: re-encode got %x, %v", tt.give, again, err)
		}
	}
}

// The decoder shares the boxed value of a string key with the last equal
// key in the same cache slot (a hash of length and end bytes). Many keys
// that collide, repeat in other orders and differ only inside must all
// come back as themselves, from a string and from a byte slice.
func TestDecodedKeysSurviveCacheCollisions(t *testing.T) {
	L := lua.NewState()
	defer L.Close()
	v := evalLua(t, L, `(function()
		local keys = {"", "a", "b", "ab", "ba", "aXb", "aYb", "aZZb"}
		for i = 1, 150 do keys[#keys + 1] = "k" .. string.rep("x", i % 9) .. string.char(97 + i % 26) end
		local list = {}
		for r = 1, 40 do
			local rec = {}
			for i = 1, #keys do
				local k = keys[(i * r) % #keys + 1]
				if rec[k] == nil then rec[k] = k .. "=" .. r end
			end
			list[r] = rec
		end
		return list
	end)()`)
	b, err := AppendLua(nil, v, nil)
	if err != nil {
		t.Fatal(err)
	}
	check := func(got lua.LValue) {
		t.Helper()
		want := v.(*lua.LTable)
		gt, ok := got.(*lua.LTable)
		if !ok || gt.Len() != want.Len() {
			t.Fatalf("decoded %v, want a list of %d records", got, want.Len())
		}
		for r := 1; r <= want.Len(); r++ {
			w, g := want.RawGetInt(r).(*lua.LTable), gt.RawGetInt(r).(*lua.LTable)
			n := 0
			g.ForEach(func(k, x lua.LValue) {
				n++
				// Every value is "key=r", so a key decoded as another
				// key's string shows here.
				if want := k.String() + "=" + lua.LNumber(r).String(); x.String() != want {
					t.Errorf("record %d: key %q holds %q, want %q", r, k.String(), x.String(), want)
				}
			})
			m := 0
			w.ForEach(func(lua.LValue, lua.LValue) { m++ })
			if n != m {
				t.Errorf("record %d: %d keys, want %d", r, n, m)
			}
		}
	}
	got, n, err := DecodeLua(L, b, nil)
	if err != nil || n != len(b) {
		t.Fatalf("DecodeLua: %v", err)
	}
	check(got)
	got, n, err = DecodeLuaString(L, string(b), nil)
	if err != nil || n != len(b) {
		t.Fatalf("DecodeLuaString: %v", err)
	}
	check(got)
}
