package host

import (
	lua "github.com/yuin/gopher-lua"

	"github.com/buflsp/buflsp/runtime/bit"
	"github.com/buflsp/buflsp/runtime/buffer/luau"
)

// openExtra installs the libraries that are globals as well as modules:
// Luau's buffer (global buffer, require("buffer")) and LuaJIT's bit (global
// bit, require("bit")).
func openExtra(L *lua.LState, libs Libs) {
	if libs&LibLuauBuffer != 0 {
		luau.Open(L)
	}
	if libs&LibBit != 0 {
		bit.Open(L)
	}
}
