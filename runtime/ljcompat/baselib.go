package ljcompat

import (
	"math"
	"math/rand"
	"strings"

	lua "github.com/yuin/gopher-lua"
)

// This file holds the base-library functions whose gopher-lua versions
// reach Go's own failure modes on extreme arguments: string.rep of 2^40
// bytes (a Go fatal out-of-memory), unpack of millions of values (a registry
// overflow that escapes as a Go panic after seconds of work), math.random(0)
// (Go's "invalid argument to Intn"). Each follows what the Debian luajit
// binary does with the same arguments.

// MaxString is LuaJIT's largest string (LJ_MAX_STR); building a longer one
// fails with "not enough memory".
const MaxString = 0x7fffff00

// maxUnpack is LuaJIT's C stack limit (LUAI_MAXCSTACK): the arguments of
// unpack plus its results must fit in it.
const maxUnpack = 8000

// Int32 converts a number the way LuaJIT's lj_lib_checkint does on x86-64:
// the value truncated towards zero, and INT_MIN for NaN and anything out of
// range (so string.rep("x", 2^40) repeats a negative count: "").
func Int32(f float64) int {
	if math.IsNaN(f) || f >= 1<<31 || f <= -(1<<31)-1 {
		return math.MinInt32
	}
	return int(int32(f))
}

// checkInt32 is luaL_checkint with LuaJIT's conversion.
func checkInt32(L *lua.LState, n int) int {
	return Int32(checkNumber(L, n))
}

// optInt32 is luaL_optint with LuaJIT's conversion.
func optInt32(L *lua.LState, n, def int) int {
	if L.Get(n) == lua.LNil {
		return def
	}
	return checkInt32(L, n)
}

// StringRep is string.rep(s, n [, sep]) as LuaJIT has it: the separator is
// honoured, the count converts like lj_lib_checkint, and a result over
// MaxString fails with "not enough memory" before anything is allocated.
// check, when not nil, is called with the size about to be allocated so
// that a sandbox can charge it first.
func StringRep(L *lua.LState, check func(size float64)) int {
	s := L.CheckString(1)
	n := checkInt32(L, 2)
	sep := L.OptString(3, "")
	if n <= 0 || (len(s) == 0 && len(sep) == 0) {
		L.Push(lua.LString(""))
		return 1
	}
	total := float64(len(s))*float64(n) + float64(len(sep))*float64(n-1)
	if total > MaxString {
		Raise(L, "not enough memory")
	}
	if check != nil {
		check(total)
	}
	if sep == "" {
		L.Push(lua.LString(strings.Repeat(s, n)))
		return 1
	}
	var b strings.Builder
	b.Grow(int(total))
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(s)
	}
	L.Push(lua.LString(b.String()))
	return 1
}

// Unpack is unpack(t [, i [, j]]) with LuaJIT's limit: more results than
// its C stack holds fail with "too many results to unpack" at once.
func Unpack(L *lua.LState) int {
	t := L.CheckTable(1)
	i := optInt32(L, 2, 1)
	j := optInt32(L, 3, t.Len())
	if i > j {
		return 0
	}
	n := int64(j) - int64(i) + 1
	if n >= maxUnpack || int64(L.GetTop())+n > maxUnpack {
		Raise(L, "too many results to unpack")
	}
	for k := i; k <= j; k++ {
		L.Push(t.RawGetInt(k))
	}
	return int(n)
}

// Random is math.random as LuaJIT 2.1 computes it from a uniform r in
// [0, 1): r with no argument, floor(r*m)+1 with one, floor(r*(n-m+1))+m
// with two; it checks neither the range nor that the bounds are integers
// (math.random(0) is 1, math.random(2, 1) is 2), so it never fails on a
// number. The source is the one gopher-lua's math.randomseed seeds.
func Random(L *lua.LState) int {
	r := rand.Float64()
	switch L.GetTop() {
	case 0:
		L.Push(lua.LNumber(r))
	case 1:
		m := checkNumber(L, 1)
		L.Push(lua.LNumber(math.Floor(r*m) + 1))
	default:
		m := checkNumber(L, 1)
		n := checkNumber(L, 2)
		L.Push(lua.LNumber(math.Floor(r*(n-m+1)) + m))
	}
	return 1
}

// Select is select(n, ...) as LuaJIT has it: "#" counts the arguments; n
// converts like lj_lib_checkint, counts from the end when negative, and is
// "index out of range" below the first argument (select(2^40, x) too, as
// the count wraps to a negative int).
func Select(L *lua.LState) int {
	top := L.GetTop()
	if s, ok := L.Get(1).(lua.LString); ok && s == "#" {
		L.Push(lua.LNumber(top - 1))
		return 1
	}
	n := checkInt32(L, 1)
	switch {
	case n < 0:
		n = top + n
	case n > top-1:
		return 0
	}
	if n < 1 {
		ArgError(L, 1, "index out of range")
	}
	return top - n
}

// Char is string.char as LuaJIT has it: each code converts like
// lj_lib_checkint and must be 0..255 ("invalid value"), where gopher-lua
// wraps 256 to 0 without a word.
func Char(L *lua.LState) int {
	top := L.GetTop()
	b := make([]byte, top)
	for i := 1; i <= top; i++ {
		c := checkInt32(L, i)
		if c < 0 || c > 255 {
			ArgError(L, i, "invalid value")
		}
		b[i-1] = byte(c)
	}
	L.Push(lua.LString(b))
	return 1
}
