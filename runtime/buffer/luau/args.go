package luau

// This file fetches and type-checks arguments the way Luau's auxiliary library
// does, and raises errors with Luau's texts and position rules.

import (
	"fmt"

	lua "github.com/yuin/gopher-lua"
)

// raise throws msg as a Lua error. Like Luau's luaL_error, the message is
// prefixed with "chunk:line:" of the calling Lua function, and with nothing
// when the caller is not Lua code (for example pcall(buffer.readu8, b, 99)).
// gopher-lua's own RaiseError would skip over Go frames and always find a
// Lua line, so the position is worked out here.
func raise(L *lua.LState, msg string) {
	if dbg, ok := L.GetStack(1); ok {
		if _, err := L.GetInfo("Sl", dbg, lua.LNil); err == nil && dbg.What != "G" && dbg.CurrentLine > 0 {
			msg = fmt.Sprintf("%s:%d: %s", dbg.Source, dbg.CurrentLine, msg)
		}
	}
	L.Error(lua.LString(msg), 0)
}

// raiseNoPosition throws msg without a position, as Luau does for memory
// errors.
func raiseNoPosition(L *lua.LState, msg string) {
	L.Error(lua.LString(msg), 0)
}

// argError raises Luau's "invalid argument #n to 'fn' (extra)".
func argError(L *lua.LState, n int, fn, extra string) {
	raise(L, fmt.Sprintf("invalid argument #%d to '%s' (%s)", n, fn, extra))
}

// typeError raises Luau's type error for argument n: "missing argument" when
// the caller passed fewer than n arguments, "invalid argument" otherwise (an
// explicit nil counts as passed).
func typeError(L *lua.LState, n int, fn, expected string) {
	if n > L.GetTop() {
		raise(L, fmt.Sprintf("missing argument #%d to '%s' (%s expected)", n, fn, expected))
	}
	raise(L, fmt.Sprintf("invalid argument #%d to '%s' (%s expected, got %s)", n, fn, expected, typeName(L.Get(n))))
}

func checkBuffer(L *lua.LState, n int, fn string) *Buffer {
	if ud, ok := L.Get(n).(*lua.LUserData); ok {
		if b, ok := ud.Value.(*Buffer); ok {
			return b
		}
	}
	typeError(L, n, fn, "buffer")
	return nil
}

// checkNumber accepts numbers and numeric strings, like luaL_checknumber.
func checkNumber(L *lua.LState, n int, fn string) float64 {
	switch v := L.Get(n).(type) {
	case lua.LNumber:
		return float64(v)
	case lua.LString:
		if f, ok := parseNumber(string(v)); ok {
			return f
		}
	}
	typeError(L, n, fn, "number")
	return 0
}

// optNumber is checkNumber for an optional argument: absent and nil both
// report ok == false.
func optNumber(L *lua.LState, n int, fn string) (float64, bool) {
	if L.Get(n) == lua.LNil {
		return 0, false
	}
	return checkNumber(L, n, fn), true
}

// checkString accepts strings and numbers, like luaL_checklstring; numbers
// are rendered as Luau's tostring renders them.
func checkString(L *lua.LState, n int, fn string) string {
	switch v := L.Get(n).(type) {
	case lua.LString:
		return string(v)
	case lua.LNumber:
		return formatNumber(float64(v))
	}
	typeError(L, n, fn, "string")
	return ""
}
