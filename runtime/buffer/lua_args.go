package buffer

import (
	lua "github.com/yuin/gopher-lua"

	"github.com/buflsp/buflsp/runtime/ljcompat"
)

// Argument helpers shared by the Lua methods. They raise LuaJIT's messages
// through ljcompat so that names and argument numbers follow the call site.

// self returns the buffer a method was called on and refuses stale views.
func self(L *lua.LState) *Buffer {
	b := Check(L, 1)
	if err := b.Valid(); err != nil {
		ljcompat.Raise(L, err.Error())
	}
	return b
}

// checkSize implements LuaJIT's rule for size and length arguments: a
// number (strings are not coerced), truncated toward zero, that must land in
// [0, MaxSize]. The range is checked on the float before truncating because
// Go's conversion of out-of-range floats is not a reliable signal.
func checkSize(L *lua.LState, n int) int {
	num, ok := L.Get(n).(lua.LNumber)
	if !ok {
		ljcompat.TypeError(L, n, "number")
	}
	f := float64(num)
	if f != f || f <= -1 || f >= 2147483648 || int(f) > MaxSize {
		ljcompat.ArgError(L, n, "number out of range")
	}
	return int(f)
}

// checkInt reads an integer position argument of the extension methods:
// a number, truncated toward zero, within ±MaxSize.
func checkInt(L *lua.LState, n int) int {
	num, ok := L.Get(n).(lua.LNumber)
	if !ok {
		ljcompat.TypeError(L, n, "number")
	}
	f := float64(num)
	if f != f || f <= -MaxSize-1 || f >= MaxSize+1 {
		ljcompat.ArgError(L, n, "number out of range")
	}
	return int(f)
}

// optInt is checkInt with a default for an absent or nil argument.
func optInt(L *lua.LState, n, def int) int {
	if L.Get(n) == lua.LNil {
		return def
	}
	return checkInt(L, n)
}

// raiseMem reports a failed allocation the way LuaJIT does.
func raiseMem(L *lua.LState, err error) {
	if err == ErrTooLarge {
		ljcompat.Raise(L, "not enough memory")
	}
	ljcompat.Raise(L, err.Error())
}

// sink adapts a Buffer to ljcompat.Sink, raising when the buffer cannot
// grow any further.
type sink struct {
	L *lua.LState
	b *Buffer
}

func (s sink) Write(p []byte) (int, error) {
	n, err := s.b.Write(p)
	if err != nil {
		raiseMem(s.L, err)
	}
	return n, nil
}

func (s sink) WriteString(str string) (int, error) {
	n, err := s.b.WriteString(str)
	if err != nil {
		raiseMem(s.L, err)
	}
	return n, nil
}
