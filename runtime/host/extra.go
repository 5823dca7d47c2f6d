package host

import lua "github.com/yuin/gopher-lua"

// openExtra installs the libraries built in other packages of buflsp: Luau's
// buffer and LuaJIT's bit. They are added here as they become available.
func openExtra(L *lua.LState, libs Libs) {}
