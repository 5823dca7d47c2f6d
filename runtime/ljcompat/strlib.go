package ljcompat

import (
	"math"
	"strings"

	lua "github.com/yuin/gopher-lua"
)

// This file holds string, table and math functions whose gopher-lua
// versions convert their integer arguments with Go's rules (NaN, huge
// values, numeric strings refused) or print numbers with Go: string.sub,
// string.byte, table.concat, math.ldexp, and a wrapper that gives the other
// math functions LuaJIT's argument checks.

// checkStr is lj_lib_checkstr: a string, or a number converted to its text.
func checkStr(L *lua.LState, n int) string {
	switch v := L.Get(n).(type) {
	case lua.LString:
		return string(v)
	case lua.LNumber:
		return FormatNumber(float64(v))
	}
	TypeError(L, n, "string")
	return ""
}

// strRange clamps a 1-based, inclusive, possibly negative range to s as
// LuaJIT's string_range does; start > end means empty.
func strRange(n, start, end int) (int, int) {
	if end < 0 {
		end += n + 1
	} else if end > n {
		end = n
	}
	if start < 0 {
		start += n + 1
	}
	if start < 1 {
		start = 1
	}
	return start, end
}

// StringSub is string.sub(s, i [, j]).
func StringSub(L *lua.LState) int {
	s := checkStr(L, 1)
	start, end := strRange(len(s), checkInt32(L, 2), optInt32(L, 3, -1))
	if start > end {
		L.Push(lua.LString(""))
	} else {
		L.Push(lua.LString(s[start-1 : end]))
	}
	return 1
}

// StringByte is string.byte(s [, i [, j]]).
func StringByte(L *lua.LState) int {
	s := checkStr(L, 1)
	i := optInt32(L, 2, 1)
	start, end := strRange(len(s), i, optInt32(L, 3, i))
	if start > end {
		return 0
	}
	if end-start+1 > maxUnpack {
		Raise(L, "string slice too long")
	}
	for k := start; k <= end; k++ {
		L.Push(lua.LNumber(s[k-1]))
	}
	return end - start + 1
}

// TableConcat is table.concat(t [, sep [, i [, j]]]) with numbers in
// LuaJIT's format and LuaJIT's error text.
func TableConcat(L *lua.LState) int {
	t, ok := L.Get(1).(*lua.LTable)
	if !ok {
		TypeError(L, 1, "table")
	}
	sep := ""
	if L.Get(2) != lua.LNil {
		sep = checkStr(L, 2)
	}
	i := optInt32(L, 3, 1)
	j := optInt32(L, 4, t.Len())
	var b strings.Builder
	for k := i; k <= j; k++ {
		switch v := t.RawGetInt(k).(type) {
		case lua.LString:
			b.WriteString(string(v))
		case lua.LNumber:
			b.WriteString(FormatNumber(float64(v)))
		default:
			Raise(L, "invalid value ("+v.Type().String()+") at index "+FormatNumber(float64(k))+" in table for 'concat'")
		}
		if k < j {
			b.WriteString(sep)
		}
		if k == math.MaxInt32 {
			break
		}
	}
	L.Push(lua.LString(b.String()))
	return 1
}

// MathLdexp is math.ldexp(m, e): e is truncated, and a NaN exponent gives
// NaN, as LuaJIT computes it.
func MathLdexp(L *lua.LState) int {
	m, e := checkNumber(L, 1), checkNumber(L, 2)
	switch {
	case math.IsNaN(e):
		L.Push(lua.LNumber(m + e))
	case math.IsInf(e, 0):
		// An infinite exponent scales by 2^e itself: 0 * 2^inf is NaN.
		L.Push(lua.LNumber(m * math.Pow(2, e)))
	case e > 1<<20:
		L.Push(lua.LNumber(math.Ldexp(m, 1<<20)))
	case e < -(1 << 20):
		L.Push(lua.LNumber(math.Ldexp(m, -(1 << 20))))
	default:
		L.Push(lua.LNumber(math.Ldexp(m, int(e))))
	}
	return 1
}

// mathArity is how many number arguments each gopher-lua math function
// needs.
var mathArity = map[string]int{
	"abs": 1, "acos": 1, "asin": 1, "atan": 1, "ceil": 1, "cos": 1, "cosh": 1, "deg": 1, "exp": 1,
	"floor": 1, "frexp": 1, "log10": 1, "rad": 1, "sin": 1, "sinh": 1, "sqrt": 1, "tan": 1,
	"tanh": 1, "atan2": 2, "fmod": 2, "pow": 2,
}

// WrapMath replaces the math functions of mathArity in tbl with versions
// that check their arguments as LuaJIT does (numeric strings accepted,
// LuaJIT's messages) before calling gopher-lua's.
func WrapMath(L *lua.LState, tbl *lua.LTable) {
	for name, arity := range mathArity {
		orig, ok := tbl.RawGetString(name).(*lua.LFunction)
		if !ok || !orig.IsG {
			continue
		}
		fn, arity := orig.GFunction, arity
		tbl.RawSetString(name, L.NewFunction(func(L *lua.LState) int {
			for i := 1; i <= arity; i++ {
				L.Replace(i, lua.LNumber(checkNumber(L, i)))
			}
			return fn(L)
		}))
	}
}

// MathMinMax is math.min (max false) or math.max: each argument in turn
// replaces the result unless the result is smaller (min) or larger (max),
// which is what LuaJIT's minsd/maxsd loop does: a NaN argument after the
// first makes the result NaN, a NaN first argument is replaced.
func MathMinMax(max bool) lua.LGFunction {
	return func(L *lua.LState) int {
		acc := checkNumber(L, 1)
		for i := 2; i <= L.GetTop(); i++ {
			x := checkNumber(L, i)
			if max && !(acc > x) || !max && !(acc < x) {
				acc = x
			}
		}
		L.Push(lua.LNumber(acc))
		return 1
	}
}

// MathModf is math.modf(x) as C's modf: an infinity has a fractional part
// of zero with its sign (Go's math.Modf gives NaN).
func MathModf(L *lua.LState) int {
	x := checkNumber(L, 1)
	if math.IsInf(x, 0) {
		L.Push(lua.LNumber(x))
		L.Push(lua.LNumber(math.Copysign(0, x)))
		return 2
	}
	i, f := math.Modf(x)
	L.Push(lua.LNumber(i))
	L.Push(lua.LNumber(f))
	return 2
}
