package luaustd

import (
	"math"

	lua "github.com/yuin/gopher-lua"

	"github.com/buflsp/buflsp/runtime/buffer/luau"
)

// mathFuncs are Luau's additions to math and its log with a base.
func mathFuncs() map[string]lua.LGFunction {
	num := func(L *lua.LState, n int, fn string) float64 { return luau.CheckNumber(L, n, fn) }
	return map[string]lua.LGFunction{
		"clamp": func(L *lua.LState) int {
			x, lo, hi := num(L, 1, "clamp"), num(L, 2, "clamp"), num(L, 3, "clamp")
			if !(lo <= hi) {
				luau.ArgError(L, 3, "clamp", "max must be greater than or equal to min")
			}
			L.Push(lua.LNumber(math.Max(lo, math.Min(x, hi))))
			return 1
		},
		"sign": func(L *lua.LState) int {
			x := num(L, 1, "sign")
			switch {
			case x > 0:
				L.Push(lua.LNumber(1))
			case x < 0:
				L.Push(lua.LNumber(-1))
			default:
				L.Push(lua.LNumber(0))
			}
			return 1
		},
		"round": func(L *lua.LState) int {
			L.Push(lua.LNumber(math.Round(num(L, 1, "round"))))
			return 1
		},
		"lerp": func(L *lua.LState) int {
			a, b, t := num(L, 1, "lerp"), num(L, 2, "lerp"), num(L, 3, "lerp")
			if t == 1 {
				L.Push(lua.LNumber(b))
			} else {
				L.Push(lua.LNumber(a + (b-a)*t))
			}
			return 1
		},
		"map": func(L *lua.LState) int {
			x, inMin, inMax := num(L, 1, "map"), num(L, 2, "map"), num(L, 3, "map")
			outMin, outMax := num(L, 4, "map"), num(L, 5, "map")
			L.Push(lua.LNumber(outMin + (x-inMin)*(outMax-outMin)/(inMax-inMin)))
			return 1
		},
		"isnan": func(L *lua.LState) int {
			x := num(L, 1, "isnan")
			L.Push(lua.LBool(x != x))
			return 1
		},
		"isinf": func(L *lua.LState) int {
			L.Push(lua.LBool(math.IsInf(num(L, 1, "isinf"), 0)))
			return 1
		},
		"isfinite": func(L *lua.LState) int {
			x := num(L, 1, "isfinite")
			L.Push(lua.LBool(!math.IsInf(x, 0) && x == x))
			return 1
		},
		"log": func(L *lua.LState) int {
			x := num(L, 1, "log")
			if L.Get(2) == lua.LNil {
				L.Push(lua.LNumber(math.Log(x)))
				return 1
			}
			switch b := num(L, 2, "log"); b {
			case 2:
				L.Push(lua.LNumber(math.Log2(x)))
			case 10:
				L.Push(lua.LNumber(math.Log10(x)))
			default:
				L.Push(lua.LNumber(math.Log(x) / math.Log(b)))
			}
			return 1
		},
	}
}
