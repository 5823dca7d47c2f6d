package host

import (
	"time"

	lua "github.com/yuin/gopher-lua"
)

// installClock makes os.clock return the processor time the process has
// used, as LuaJIT and PUC Lua do (C's clock()); gopher-lua returns the wall
// time since start. Scripts time their own loops with os.clock, so the
// same script then measures the same thing under luajit and buflsp run.
// The process time includes the garbage collector's background work, which
// is part of what a Lua loop costs here.
func installClock(L *lua.LState) {
	if os, ok := L.GetGlobal("os").(*lua.LTable); ok {
		os.RawSetString("clock", L.NewFunction(func(L *lua.LState) int {
			L.Push(lua.LNumber(processSeconds()))
			return 1
		}))
	}
}

// wallSeconds is the fallback: the wall time, good for differences only.
func wallSeconds() float64 { return float64(time.Now().UnixNano()) / 1e9 }
