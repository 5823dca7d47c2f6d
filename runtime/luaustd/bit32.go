package luaustd

import (
	"math"
	"math/bits"

	lua "github.com/yuin/gopher-lua"

	"github.com/buflsp/buflsp/runtime/buffer/luau"
)

// toUnsigned converts a number to 32 bits as Luau does: through a signed
// 64-bit integer (truncating toward zero), keeping the low 32 bits. Values
// outside the int64 range and NaN become 0x8000000000000000 on x86, whose
// low bits are 0.
func toUnsigned(x float64) uint32 {
	if x != x || x >= math.MaxInt64 || x < math.MinInt64 {
		return 0
	}
	return uint32(int64(x))
}

func checkU32(L *lua.LState, n int, fn string) uint32 {
	return toUnsigned(luau.CheckNumber(L, n, fn))
}

func pushU32(L *lua.LState, v uint32) int {
	L.Push(lua.LNumber(v))
	return 1
}

// fold applies op to every argument, starting from init.
func fold(fn string, init uint32, op func(a, b uint32) uint32) lua.LGFunction {
	return func(L *lua.LState) int {
		r := init
		for i := 1; i <= L.GetTop(); i++ {
			r = op(r, checkU32(L, i, fn))
		}
		return pushU32(L, r)
	}
}

// shift moves x left by disp bits (right for negative disp); 32 or more
// bits shift everything out.
func shift(x uint32, disp int64) uint32 {
	switch {
	case disp <= -32 || disp >= 32:
		return 0
	case disp < 0:
		return x >> uint(-disp)
	default:
		return x << uint(disp)
	}
}

// fieldArgs checks extract/replace's field and width.
func fieldArgs(L *lua.LState, fieldArg int, fn string) (int, int) {
	f := int64(luau.CheckNumber(L, fieldArg, fn))
	w := int64(1)
	if L.Get(fieldArg+1) != lua.LNil {
		w = int64(luau.CheckNumber(L, fieldArg+1, fn))
	}
	if f < 0 {
		luau.ArgError(L, fieldArg, fn, "field cannot be negative")
	}
	if w <= 0 {
		luau.ArgError(L, fieldArg+1, fn, "width must be positive")
	}
	if f+w > 32 {
		luau.Raise(L, "trying to access non-existent bits")
	}
	return int(f), int(w)
}

func mask(w int) uint32 { return uint32((uint64(1) << uint(w)) - 1) }

// bit32Funcs is Luau's bit32 library.
func bit32Funcs() map[string]lua.LGFunction {
	disp := func(L *lua.LState, n int, fn string) int64 {
		d := luau.CheckNumber(L, n, fn)
		if d != d {
			return 0
		}
		return int64(math.Max(math.Min(d, 1<<40), -(1 << 40)))
	}
	return map[string]lua.LGFunction{
		"band": fold("band", ^uint32(0), func(a, b uint32) uint32 { return a & b }),
		"bor":  fold("bor", 0, func(a, b uint32) uint32 { return a | b }),
		"bxor": fold("bxor", 0, func(a, b uint32) uint32 { return a ^ b }),
		"btest": func(L *lua.LState) int {
			r := ^uint32(0)
			for i := 1; i <= L.GetTop(); i++ {
				r &= checkU32(L, i, "btest")
			}
			L.Push(lua.LBool(r != 0))
			return 1
		},
		"bnot": func(L *lua.LState) int { return pushU32(L, ^checkU32(L, 1, "bnot")) },
		"lshift": func(L *lua.LState) int {
			return pushU32(L, shift(checkU32(L, 1, "lshift"), disp(L, 2, "lshift")))
		},
		"rshift": func(L *lua.LState) int {
			return pushU32(L, shift(checkU32(L, 1, "rshift"), -disp(L, 2, "rshift")))
		},
		"arshift": func(L *lua.LState) int {
			x, d := checkU32(L, 1, "arshift"), disp(L, 2, "arshift")
			if d < 0 || x&0x80000000 == 0 {
				return pushU32(L, shift(x, -d))
			}
			if d >= 32 {
				return pushU32(L, ^uint32(0))
			}
			return pushU32(L, uint32(int32(x)>>uint(d)))
		},
		"lrotate": func(L *lua.LState) int {
			x, d := checkU32(L, 1, "lrotate"), disp(L, 2, "lrotate")
			return pushU32(L, bits.RotateLeft32(x, int(d&31)))
		},
		"rrotate": func(L *lua.LState) int {
			x, d := checkU32(L, 1, "rrotate"), disp(L, 2, "rrotate")
			return pushU32(L, bits.RotateLeft32(x, -int(d&31)))
		},
		"extract": func(L *lua.LState) int {
			x := checkU32(L, 1, "extract")
			f, w := fieldArgs(L, 2, "extract")
			return pushU32(L, x>>uint(f)&mask(w))
		},
		"replace": func(L *lua.LState) int {
			x, v := checkU32(L, 1, "replace"), checkU32(L, 2, "replace")
			f, w := fieldArgs(L, 3, "replace")
			m := mask(w)
			return pushU32(L, x&^(m<<uint(f))|(v&m)<<uint(f))
		},
		"countlz": func(L *lua.LState) int {
			return pushU32(L, uint32(bits.LeadingZeros32(checkU32(L, 1, "countlz"))))
		},
		"countrz": func(L *lua.LState) int {
			return pushU32(L, uint32(bits.TrailingZeros32(checkU32(L, 1, "countrz"))))
		},
		"byteswap": func(L *lua.LState) int {
			return pushU32(L, bits.ReverseBytes32(checkU32(L, 1, "byteswap")))
		},
	}
}
