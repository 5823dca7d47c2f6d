package serial

import (
	lua "github.com/yuin/gopher-lua"
)

// boxTypeName names the metatable shared by the userdata that stand in for
// LuaJIT's FFI numbers (Int64, Uint64, Complex) and light userdata.
const boxTypeName = "serial.boxed"

// BoxLua wraps an Int64, Uint64, Complex or LightUserdata in a userdata
// that prints like LuaJIT (tostring gives 123LL, 1+2i, userdata: NULL, ...),
// compares by value with ==, and encodes back to the same bytes. Other
// values are returned as is when they are already Lua values, else nil.
func BoxLua(L *lua.LState, v any) lua.LValue {
	switch v.(type) {
	case Int64, Uint64, Complex, LightUserdata:
		ud := L.NewUserData()
		ud.Value = v
		ud.Metatable = boxMetatable(L)
		return ud
	}
	if lv, ok := v.(lua.LValue); ok {
		return lv
	}
	return lua.LNil
}

// boxMetatable returns the metatable of boxed values, creating it in L's
// registry on first use.
func boxMetatable(L *lua.LState) *lua.LTable {
	if mt, ok := L.GetTypeMetatable(boxTypeName).(*lua.LTable); ok {
		return mt
	}
	mt := L.NewTypeMetatable(boxTypeName)
	mt.RawSetString("__tostring", L.NewFunction(boxToString))
	mt.RawSetString("__eq", L.NewFunction(boxEqual))
	return mt
}

func boxToString(L *lua.LState) int {
	ud := L.CheckUserData(1)
	switch x := ud.Value.(type) {
	case Int64:
		L.Push(lua.LString(x.String()))
	case Uint64:
		L.Push(lua.LString(x.String()))
	case Complex:
		L.Push(lua.LString(x.String()))
	case LightUserdata:
		L.Push(lua.LString(x.String()))
	default:
		L.Push(lua.LString("userdata"))
	}
	return 1
}

func boxEqual(L *lua.LState) int {
	a, aok := L.Get(1).(*lua.LUserData)
	b, bok := L.Get(2).(*lua.LUserData)
	L.Push(lua.LBool(aok && bok && a.Value == b.Value))
	return 1
}
