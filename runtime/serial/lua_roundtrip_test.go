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
