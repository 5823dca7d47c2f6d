package buffer

import (
	lua "github.com/yuin/gopher-lua"

	"github.com/buflsp/buflsp/runtime/ljcompat"
)

// This file is the host API for Go modules, the counterpart of a C API such
// as luaL_checkbuffer / lua_newbuffer: Go code creates buffers, hands them
// to Lua, receives them as arguments and borrows their bytes without copying.

// registryKey names the shared metatable of string.buffer objects in the
// Lua registry. It differs from the value of __metatable ("buffer", what
// getmetatable returns) so that it cannot collide with other modules.
const registryKey = "buflsp.string.buffer"

// Push pushes b onto the Lua stack as a string.buffer object and returns
// the userdata.
func Push(L *lua.LState, b *Buffer) *lua.LUserData {
	ud := L.NewUserData()
	ud.Value = b
	ud.Metatable = metatable(L)
	L.Push(ud)
	return ud
}

// To returns the buffer held by v, if v is a string.buffer object.
func To(v lua.LValue) (*Buffer, bool) {
	ud, ok := v.(*lua.LUserData)
	if !ok {
		return nil, false
	}
	b, ok := ud.Value.(*Buffer)
	return b, ok
}

// Test returns the buffer at stack position n, or nil when that argument is
// not a buffer.
func Test(L *lua.LState, n int) *Buffer {
	b, _ := To(L.Get(n))
	return b
}

// Check returns the buffer at stack position n or raises LuaJIT's argument
// error ("buffer expected, got TYPE"), named after the call site.
func Check(L *lua.LState, n int) *Buffer {
	if b, ok := To(L.Get(n)); ok {
		return b
	}
	ljcompat.TypeError(L, n, "buffer")
	return nil
}

// Methods returns the metatable that every string.buffer object of L
// shares, which is also the table of their methods (its __index is
// itself): a host that wraps a method there changes it for every buffer.
func Methods(L *lua.LState) *lua.LTable { return metatable(L) }

// metatable returns the per-state metatable of buffers, building it on first
// use.
func metatable(L *lua.LState) *lua.LTable {
	if mt, ok := L.G.Registry.RawGetString(registryKey).(*lua.LTable); ok {
		return mt
	}
	mt := L.NewTable()
	for name, fn := range methods() {
		mt.RawSetString(name, L.NewFunction(fn))
	}
	for name, fn := range extensionMethods() {
		mt.RawSetString(name, L.NewFunction(fn))
	}
	// LuaJIT's tostring and __tostring are one function object.
	mt.RawSetString("__tostring", mt.RawGetString("tostring"))
	mt.RawSetString("__index", mt)
	mt.RawSetString("__metatable", lua.LString("buffer"))
	L.G.Registry.RawSetString(registryKey, mt)
	return mt
}
