package luau

// This file holds readinteger and writeinteger, which Luau registers when its
// LuauIntegerLibrary flag is on (the default in the reference build). They
// move Luau's 64-bit integer values, a type gopher-lua does not have: here an
// integer is a userdata holding an Integer, printed and compared like Luau's.
// Only these two functions make or take one; Luau's integer library itself
// is not provided (docs/divergences.md).

import (
	"encoding/binary"
	"strconv"

	lua "github.com/yuin/gopher-lua"
)

// Integer is the Go value inside an integer userdata.
type Integer int64

// integerTypeName is the registry key of the integers' metatable.
const integerTypeName = "luau.integer"

// integerMetatable returns the integers' metatable, creating it on first use:
// tostring prints the decimal value and == compares values, as Luau's value
// type does.
func integerMetatable(L *lua.LState) *lua.LTable {
	reg := L.Get(lua.RegistryIndex).(*lua.LTable)
	if mt, ok := reg.RawGetString(integerTypeName).(*lua.LTable); ok {
		return mt
	}
	mt := L.NewTable()
	mt.RawSetString("__tostring", L.NewFunction(func(L *lua.LState) int {
		v, _ := toInteger(L.Get(1))
		L.Push(lua.LString(strconv.FormatInt(int64(v), 10)))
		return 1
	}))
	mt.RawSetString("__eq", L.NewFunction(func(L *lua.LState) int {
		a, ok1 := toInteger(L.Get(1))
		b, ok2 := toInteger(L.Get(2))
		L.Push(lua.LBool(ok1 && ok2 && a == b))
		return 1
	}))
	mt.RawSetString("__metatable", lua.LFalse)
	reg.RawSetString(integerTypeName, mt)
	return mt
}

// toInteger unwraps an integer userdata.
func toInteger(v lua.LValue) (Integer, bool) {
	if ud, ok := v.(*lua.LUserData); ok {
		if i, ok := ud.Value.(Integer); ok {
			return i, true
		}
	}
	return 0, false
}

// readInteger reads 8 bytes as a little-endian signed 64-bit integer.
func readInteger(L *lua.LState) int {
	v := int64(binary.LittleEndian.Uint64(readAt(L, "readinteger", 8)))
	ud := L.NewUserData()
	ud.Value = Integer(v)
	ud.Metatable = integerMetatable(L)
	L.Push(ud)
	return 1
}

// writeInteger stores an integer value; a number is refused, as in Luau
// ("integer expected, got number"), since it may not be whole or in range.
func writeInteger(L *lua.LState) int {
	b := checkBuffer(L, 1, "writeinteger")
	off := toI32(checkNumber(L, 2, "writeinteger"))
	v, ok := toInteger(L.Get(3))
	if !ok {
		typeError(L, 3, "writeinteger", "integer")
	}
	if outOfBounds(off, len(b.data), 8) {
		raise(L, errBounds)
	}
	binary.LittleEndian.PutUint64(b.data[off:], uint64(v))
	return 0
}
