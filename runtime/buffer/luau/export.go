package luau

import lua "github.com/yuin/gopher-lua"

// This file lends the package's Luau conversions and error helpers to the
// rest of Luau's standard library (runtime/luaustd), so that one piece of
// code prints numbers and words argument errors for every Luau function.

// FormatNumber renders a number as Luau's tostring does.
func FormatNumber(f float64) string { return formatNumber(f) }

// ParseNumber converts a string to a number as Luau's tonumber and its
// string-to-number coercion do; ok is false when it is not a number.
func ParseNumber(s string) (float64, bool) { return parseNumber(s) }

// TypeOf is the type name Luau prints for v ("buffer" for buffers).
func TypeOf(v lua.LValue) string { return typeName(v) }

// Raise throws msg with the position of the calling Lua function, as
// luaL_error does.
func Raise(L *lua.LState, msg string) { raise(L, msg) }

// ArgError raises "invalid argument #n to 'fn' (extra)".
func ArgError(L *lua.LState, n int, fn, extra string) { argError(L, n, fn, extra) }

// TypeError raises Luau's missing or invalid argument error for argument n.
func TypeError(L *lua.LState, n int, fn, expected string) { typeError(L, n, fn, expected) }

// CheckNumber accepts numbers and numeric strings, like luaL_checknumber.
func CheckNumber(L *lua.LState, n int, fn string) float64 { return checkNumber(L, n, fn) }

// CheckString accepts strings and numbers, like luaL_checklstring.
func CheckString(L *lua.LState, n int, fn string) string { return checkString(L, n, fn) }
