package luaustd

import (
	"math"

	lua "github.com/yuin/gopher-lua"

	"github.com/buflsp/buflsp/runtime/buffer/luau"
)

// mathFuncs are Luau's additions to math and its log with a base.
func mathFuncs() map[string]lua.LGFunction {
	num := func(L *lua.LState, n int, fn string) float64 { return luau.CheckNumber(L, n, fn) }
	fns := map[string]lua.LGFunction{
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
		// max and min keep the first argument unless a later one compares
		// greater (smaller), so a NaN wins only in first place.
		"max": func(L *lua.LState) int {
			r := num(L, 1, "max")
			for i := 2; i <= L.GetTop(); i++ {
				if v := num(L, i, "max"); v > r {
					r = v
				}
			}
			L.Push(lua.LNumber(r))
			return 1
		},
		"min": func(L *lua.LState) int {
			r := num(L, 1, "min")
			for i := 2; i <= L.GetTop(); i++ {
				if v := num(L, i, "min"); v < r {
					r = v
				}
			}
			L.Push(lua.LNumber(r))
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
	addUnaryMath(fns)
	return fns
}

// unaryMath are math functions of one number whose argument errors must be
// worded as Luau words them.
var unaryMath = map[string]func(float64) float64{
	"floor": math.Floor, "ceil": math.Ceil, "abs": math.Abs, "sqrt": math.Sqrt, "exp": math.Exp,
	"sin": math.Sin, "cos": math.Cos, "tan": math.Tan, "asin": math.Asin, "acos": math.Acos,
	"atan": math.Atan, "sinh": math.Sinh, "cosh": math.Cosh, "tanh": math.Tanh, "log10": math.Log10,
	"deg": func(x float64) float64 { return x * (180 / math.Pi) },
	"rad": func(x float64) float64 { return x * (math.Pi / 180) },
}

// addUnaryMath adds the functions of unaryMath to fns.
func addUnaryMath(fns map[string]lua.LGFunction) {
	for name, f := range unaryMath {
		fns[name] = func(L *lua.LState) int {
			L.Push(lua.LNumber(f(luau.CheckNumber(L, 1, name))))
			return 1
		}
	}
	fns["fmod"] = func(L *lua.LState) int {
		L.Push(lua.LNumber(math.Mod(luau.CheckNumber(L, 1, "fmod"), luau.CheckNumber(L, 2, "fmod"))))
		return 1
	}
	fns["pow"] = func(L *lua.LState) int {
		L.Push(lua.LNumber(math.Pow(luau.CheckNumber(L, 1, "pow"), luau.CheckNumber(L, 2, "pow"))))
		return 1
	}
}
