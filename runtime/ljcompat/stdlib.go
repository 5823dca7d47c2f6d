package ljcompat

import (
	"math"

	lua "github.com/yuin/gopher-lua"
)

// This file holds base and math functions whose gopher-lua versions give
// other results than LuaJIT for ordinary arguments: tonumber (decimal
// exponents, "inf"/"nan", hexadecimal fractions, binary, bases) and
// math.log (the base argument).

// Tonumber is tonumber(v [, base]) as LuaJIT 2.1 has it. Without a base
// (or with base 10) a number is returned as it is and a string is read
// with ParseNumber; with another base the string (a number is converted to
// its text first) is read as C's strtoul reads it after one optional sign,
// and anything else gives nil.
func Tonumber(L *lua.LState) int {
	base := optInt32(L, 2, 10)
	if base == 10 {
		if L.GetTop() < 1 {
			ArgError(L, 1, "value expected")
		}
		switch v := L.Get(1).(type) {
		case lua.LNumber:
			L.Push(v)
			return 1
		case lua.LString:
			if x, ok := ParseNumber(string(v)); ok {
				L.Push(lua.LNumber(x))
				return 1
			}
		}
		L.Push(lua.LNil)
		return 1
	}
	var s string
	switch v := L.Get(1).(type) {
	case lua.LString:
		s = string(v)
	case lua.LNumber:
		s = FormatNumber(float64(v))
	default:
		TypeError(L, 1, "string")
	}
	if base < 2 || base > 36 {
		ArgError(L, 2, "base out of range")
	}
	if x, ok := parseBase(s, base); ok {
		L.Push(lua.LNumber(x))
	} else {
		L.Push(lua.LNil)
	}
	return 1
}

// parseBase reads s in base as LuaJIT's tonumber does: white space, one
// optional sign, then digits that strtoul accepts (with its "0x" prefix in
// base 16 and its saturation at 2^64-1), then only white space.
func parseBase(s string, base int) (float64, bool) {
	i := 0
	for i < len(s) && isSpace(s[i]) {
		i++
	}
	neg := false
	if i < len(s) && (s[i] == '-' || s[i] == '+') {
		neg = s[i] == '-'
		i++
	}
	if i >= len(s) || !isAlnum(s[i]) {
		return 0, false
	}
	if base == 16 && i+2 < len(s) && s[i] == '0' && s[i+1]|0x20 == 'x' && digitValue(s[i+2]) < 16 {
		i += 2
	}
	start := i
	var u uint64
	overflow := false
	for ; i < len(s); i++ {
		d := digitValue(s[i])
		if d >= base {
			break
		}
		hi, lo := mulAdd(u, uint64(base), uint64(d))
		if hi != 0 {
			overflow = true
		}
		u = lo
	}
	if i == start {
		return 0, false
	}
	for i < len(s) && isSpace(s[i]) {
		i++
	}
	if i != len(s) {
		return 0, false
	}
	if overflow {
		u = math.MaxUint64
	}
	x := float64(u)
	if neg {
		x = -x
	}
	return x, true
}

func mulAdd(u, m, a uint64) (hi, lo uint64) {
	h, l := mul64(u, m)
	l2 := l + a
	if l2 < l {
		h++
	}
	return h, l2
}

func mul64(a, b uint64) (uint64, uint64) {
	const mask = 1<<32 - 1
	a1, a0 := a>>32, a&mask
	b1, b0 := b>>32, b&mask
	w0 := a0 * b0
	t := a1*b0 + w0>>32
	w1 := t&mask + a0*b1
	return a1*b1 + t>>32 + w1>>32, a * b
}

func isAlnum(c byte) bool { return digitValue(c) < 36 }

// digitValue is c's value as a digit in bases up to 36, or 99.
func digitValue(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c|0x20 >= 'a' && c|0x20 <= 'z':
		return int(c|0x20-'a') + 10
	}
	return 99
}

// MathLog is math.log(x [, base]). With a base LuaJIT computes
// log2(x) * (1 / log2(base)), in that order, so math.log(8, 2) is exactly 3.
func MathLog(L *lua.LState) int {
	x := checkNumber(L, 1)
	if L.GetTop() < 2 {
		L.Push(lua.LNumber(math.Log(x)))
		return 1
	}
	y := checkNumber(L, 2)
	L.Push(lua.LNumber(math.Log2(x) * (1 / math.Log2(y))))
	return 1
}
