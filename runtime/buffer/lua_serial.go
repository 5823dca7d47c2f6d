package buffer

import (
	lua "github.com/yuin/gopher-lua"

	"github.com/buflsp/buflsp/runtime/ljcompat"
	"github.com/buflsp/buflsp/runtime/serial"
)

// The serializer entry points: buffer.encode / buffer.decode (no options)
// and the buf:encode / buf:decode methods (with the buffer's options).

// encodeScratch is where buffer.encode writes before the one copy into
// the result string; one per module instance (per Lua state), reused so
// that repeated encodes do not regrow a slice from nothing each time.
type encodeScratch struct{ buf []byte }

// maxKeptScratch bounds the scratch space kept between calls: a single
// huge encode should not pin its size for the life of the state.
const maxKeptScratch = 4 << 20

// encode returns the encoding of its argument as a string.
func (sc *encodeScratch) encode(L *lua.LState) int {
	if L.GetTop() < 1 {
		ljcompat.ArgError(L, 1, "value expected")
	}
	out, err := serial.AppendLua(sc.buf[:0], L.Get(1), nil)
	if err != nil {
		ljcompat.Raise(L, err.Error())
	}
	L.Push(lua.LString(out))
	if cap(out) <= maxKeptScratch {
		sc.buf = out
	}
	return 1
}

// modDecode decodes exactly one object from a string; trailing bytes are an
// error.
func modDecode(L *lua.LState) int {
	s, ok := L.Get(1).(lua.LString)
	if !ok {
		ljcompat.TypeError(L, 1, "string")
	}
	v, n, err := serial.DecodeLuaString(L, string(s), nil) // strings share s: no copy
	if err == nil && n != len(s) {
		err = serial.LeftOverError(n)
	}
	if err != nil {
		raiseDecode(L, err)
	}
	L.Push(v)
	return 1
}

// bufEncode appends the encoding of its argument. A failed encode leaves the
// buffer unchanged.
func bufEncode(L *lua.LState) int {
	b := self(L)
	if L.GetTop() < 2 {
		ljcompat.ArgError(L, 2, "value expected")
	}
	var encErr error
	err := b.AppendWith(func(dst []byte) ([]byte, error) {
		out, err := serial.AppendLua(dst, L.Get(2), b.opts)
		encErr = err
		return out, err
	})
	if encErr != nil {
		ljcompat.Raise(L, encErr.Error())
	}
	if err != nil {
		raiseMem(L, err)
	}
	return returnSelf(L)
}

// bufDecode decodes one object from the front of the buffer and consumes
// exactly its bytes; on error nothing is consumed.
func bufDecode(L *lua.LState) int {
	b := self(L)
	var v lua.LValue
	var n int
	var err error
	if s, ok := b.immutable(); ok {
		// The bytes are a string's (set, or a shared tostring result):
		// decoded strings can share them, as buffer.decode's do.
		v, n, err = serial.DecodeLuaString(L, s, b.opts)
	} else {
		v, n, err = serial.DecodeLua(L, b.Bytes(), b.opts)
	}
	if err != nil {
		raiseDecode(L, err)
	}
	b.Skip(n)
	L.Push(v)
	return 1
}

// raiseDecode raises a decode error. LuaJIT raises "table index is nil" and
// "table index is NaN" from its table code, which adds no position when a
// library function is running; its decoder's own errors have one.
func raiseDecode(L *lua.LState, err error) {
	msg := err.Error()
	if msg == "table index is nil" || msg == "table index is NaN" {
		L.Error(lua.LString(msg), 0)
	}
	ljcompat.Raise(L, msg)
}
