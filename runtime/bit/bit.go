// Package bit implements LuaJIT's bit module (Mike Pall's BitOp API) on
// gopher-lua: tobit, tohex, bnot, band, bor, bxor, lshift, rshift, arshift,
// rol, ror and bswap.
//
// Every argument is first normalised to a signed 32-bit integer the way
// LuaJIT does it (see tobit in convert.go), results are signed 32-bit
// numbers, and argument errors read exactly like LuaJIT's, including the
// function name taken from the call site ("bad argument #2 to 'band' (number
// expected, got table)"). Numeric strings are accepted with LuaJIT's own
// number syntax. 64-bit cdata arguments, which need LuaJIT's FFI, do not
// exist in gopher-lua.
package bit

import (
	"math/bits"
	"strings"

	lua "github.com/yuin/gopher-lua"

	"github.com/buflsp/buflsp/runtime/ljcompat"
)

// functions lists the module's members.
func functions() map[string]lua.LGFunction {
	return map[string]lua.LGFunction{
		"tobit":   tobitFn,
		"tohex":   tohex,
		"bnot":    unary(func(x int32) int32 { return ^x }),
		"bswap":   unary(func(x int32) int32 { return int32(bits.ReverseBytes32(uint32(x))) }),
		"band":    fold(func(a, b int32) int32 { return a & b }),
		"bor":     fold(func(a, b int32) int32 { return a | b }),
		"bxor":    fold(func(a, b int32) int32 { return a ^ b }),
		"lshift":  shift(func(x uint32, n uint) uint32 { return x << n }),
		"rshift":  shift(func(x uint32, n uint) uint32 { return x >> n }),
		"arshift": shift(func(x uint32, n uint) uint32 { return uint32(int32(x) >> n) }),
		"rol":     shift(func(x uint32, n uint) uint32 { return bits.RotateLeft32(x, int(n)) }),
		"ror":     shift(func(x uint32, n uint) uint32 { return bits.RotateLeft32(x, -int(n)) }),
	}
}

// Names returns the names of the module's functions (in no set order).
func Names() []string {
	fns := functions()
	names := make([]string, 0, len(fns))
	for name := range fns {
		names = append(names, name)
	}
	return names
}

// NewTable builds the module table.
func NewTable(L *lua.LState) *lua.LTable {
	return L.SetFuncs(L.NewTable(), functions())
}

// Loader is the gopher-lua module loader: it pushes a new module table.
// Use it with L.PreloadModule("bit", bit.Loader).
func Loader(L *lua.LState) int {
	L.Push(NewTable(L))
	return 1
}

// Open installs the module as LuaJIT has it: the global table bit, which
// require("bit") also returns when the package library is open.
func Open(L *lua.LState) {
	tbl := NewTable(L)
	L.SetGlobal("bit", tbl)
	pkg, ok := L.GetGlobal("package").(*lua.LTable)
	if !ok {
		return
	}
	if preload, ok := pkg.RawGetString("preload").(*lua.LTable); ok {
		preload.RawSetString("bit", L.NewFunction(func(L *lua.LState) int {
			L.Push(tbl)
			return 1
		}))
	}
}

// checkBit fetches argument n as a normalised 32-bit integer; numbers and
// numeric strings are accepted, anything else is LuaJIT's type error.
func checkBit(L *lua.LState, n int) int32 {
	switch v := L.Get(n).(type) {
	case lua.LNumber:
		return tobit(float64(v))
	case lua.LString:
		if f, ok := ljcompat.ParseNumber(string(v)); ok {
			return tobit(f)
		}
	}
	ljcompat.TypeError(L, n, "number")
	return 0
}

func push(L *lua.LState, x int32) int {
	L.Push(lua.LNumber(x))
	return 1
}

func tobitFn(L *lua.LState) int {
	return push(L, checkBit(L, 1))
}

func unary(op func(int32) int32) lua.LGFunction {
	return func(L *lua.LState) int {
		return push(L, op(checkBit(L, 1)))
	}
}

// fold applies op across one or more arguments, checking each of them.
func fold(op func(a, b int32) int32) lua.LGFunction {
	return func(L *lua.LState) int {
		acc := checkBit(L, 1)
		for i := 2; i <= L.GetTop(); i++ {
			acc = op(acc, checkBit(L, i))
		}
		return push(L, acc)
	}
}

// shift makes a shift or rotation; like the x86 instructions LuaJIT relies
// on, only the low 5 bits of the count are used.
func shift(op func(x uint32, n uint) uint32) lua.LGFunction {
	return func(L *lua.LState) int {
		x := uint32(checkBit(L, 1))
		n := uint(checkBit(L, 2)) & 31
		return push(L, int32(op(x, n)))
	}
}

// tohex formats the low n hex digits of x (n defaults to 8, a negative n
// asks for upper case). LuaJIT builds this as a printf-style precision of
// ((n+1)&255)-1 digits after masking x to 4n bits when n < 16, which gives
// results such as "" for n = 0 and eight digits again for n = 255; those
// quirks are reproduced.
func tohex(L *lua.LState) int {
	x := uint64(uint32(checkBit(L, 1)))
	n := int32(8)
	if L.GetTop() >= 2 {
		n = checkBit(L, 2)
	}
	upper := false
	if n < 0 {
		n = -n // INT_MIN stays negative, as in C
		upper = true
	}
	prec := int((n+1)&255) - 1
	if n < 16 {
		x &= uint64(1)<<(uint32(4*n)&63) - 1
	}
	var digits string
	if x != 0 || prec != 0 {
		digits = strings.TrimLeft(hexDigits(x, upper), "0")
		if digits == "" {
			digits = "0"
		}
		if pad := prec - len(digits); pad > 0 {
			digits = strings.Repeat("0", pad) + digits
		}
	}
	L.Push(lua.LString(digits))
	return 1
}

func hexDigits(x uint64, upper bool) string {
	const lower, capital = "0123456789abcdef", "0123456789ABCDEF"
	table := lower
	if upper {
		table = capital
	}
	var buf [16]byte
	for i := 15; i >= 0; i-- {
		buf[i] = table[x&15]
		x >>= 4
	}
	return string(buf[:])
}
