package buffer

import (
	lua "github.com/yuin/gopher-lua"

	"github.com/buflsp/buflsp/runtime/ljcompat"
	"github.com/buflsp/buflsp/runtime/serial"
)

// methods returns LuaJIT's string.buffer methods and metamethods.
func methods() map[string]lua.LGFunction {
	return map[string]lua.LGFunction{
		"reset":    bufReset,
		"free":     bufFree,
		"put":      bufPut,
		"putf":     bufPutf,
		"set":      bufSet,
		"skip":     bufSkip,
		"get":      bufGet,
		"tostring": bufToString,
		"__len":    bufLen,
		"__concat": bufConcat,
		"__gc":     bufGC,
		"reserve":  bufReserve,
		"commit":   bufCommit,
		"ref":      bufRef,
		"putcdata": bufPutCData,
		"encode":   bufEncode,
		"decode":   bufDecode,
	}
}

// returnSelf ends a chaining method.
func returnSelf(L *lua.LState) int {
	L.Push(L.Get(1))
	return 1
}

func bufReset(L *lua.LState) int {
	Check(L, 1).Reset()
	return returnSelf(L)
}

func bufFree(L *lua.LState) int {
	Check(L, 1).Free()
	return returnSelf(L)
}

func bufGC(L *lua.LState) int {
	Check(L, 1).Free()
	return 0
}

// bufPut appends each argument. Like LuaJIT it is not atomic: arguments
// before a bad one stay appended.
func bufPut(L *lua.LState) int {
	b := self(L)
	me := L.Get(1)
	for i := 2; i <= L.GetTop(); i++ {
		putValue(L, b, me, i, L.Get(i), true)
	}
	return returnSelf(L)
}

// putValue appends one value: strings, numbers (LuaJIT formatting), other
// buffers, or the result of one __tostring call when allowed.
func putValue(L *lua.LState, b *Buffer, me lua.LValue, n int, v lua.LValue, tostr bool) {
	var err error
	switch x := v.(type) {
	case lua.LString:
		_, err = b.WriteString(string(x))
	case lua.LNumber:
		var scratch [32]byte
		_, err = b.Write(ljcompat.AppendNumber(scratch[:0], float64(x)))
	default:
		if other, ok := To(v); ok {
			if v == me {
				ljcompat.ArgError(L, n, "cannot put buffer into itself")
			}
			if verr := other.Valid(); verr != nil {
				ljcompat.Raise(L, verr.Error())
			}
			_, err = b.Write(other.Bytes())
			break
		}
		// A light userdata has no metatable in LuaJIT; its stand-in's
		// __tostring (for tostring and %s) must not make put accept it.
		if ud, ok := v.(*lua.LUserData); ok {
			if _, light := ud.Value.(serial.LightUserdata); light {
				tostr = false
			}
		}
		if tostr {
			if mm := L.GetMetaField(v, "__tostring"); mm != lua.LNil {
				L.Push(mm)
				L.Push(v)
				L.Call(1, 1)
				res := L.Get(-1)
				L.Pop(1)
				putValue(L, b, me, n, res, false)
				return
			}
		}
		ljcompat.ArgError(L, n, "string/number/__tostring expected, got "+v.Type().String())
	}
	if err != nil {
		raiseMem(L, err)
	}
}

func bufPutf(L *lua.LState) int {
	b := self(L)
	f := ljcompat.Formatter{Bytes: bytesOf, Self: L.Get(1)}
	f.Format(L, sink{L, b}, 2)
	return returnSelf(L)
}

// bytesOf lets %s print buffers raw.
func bytesOf(v lua.LValue) ([]byte, bool) {
	if b, ok := To(v); ok && b.Valid() == nil {
		return b.Bytes(), true
	}
	return nil, false
}

func bufSet(L *lua.LState) int {
	b := Check(L, 1)
	switch v := L.Get(2).(type) {
	case lua.LString:
		b.Set(string(v))
	default:
		if p, ok := toPointer(v); ok {
			// The FFI form set(ptr, len): bytes are copied, because a
			// pointer's memory belongs to a buffer that may change.
			src := p.bytes(L, checkSize(L, 3))
			b.Set(string(src))
			break
		}
		ljcompat.TypeError(L, 2, "string")
	}
	return returnSelf(L)
}

func bufSkip(L *lua.LState) int {
	b := self(L)
	b.Skip(checkSize(L, 2))
	return returnSelf(L)
}

// bufGet returns one string per argument (nil means "the rest"); with no
// arguments it behaves like get(nil). Earlier arguments are consumed before
// a later bad one raises.
func bufGet(L *lua.LState) int {
	b := self(L)
	top := L.GetTop()
	if top < 2 {
		L.Push(lua.LString(b.Next(b.Len())))
		return 1
	}
	for i := 2; i <= top; i++ {
		n := b.Len()
		if L.Get(i) != lua.LNil {
			n = checkSize(L, i)
		}
		L.Push(lua.LString(b.Next(n)))
	}
	return top - 1
}

func bufToString(L *lua.LState) int {
	b := self(L)
	L.Push(lua.LString(b.ShareString()))
	return 1
}

func bufLen(L *lua.LState) int {
	b := self(L)
	L.Push(lua.LNumber(b.Len()))
	return 1
}

// bufConcat makes `..` accept buffers on either side, as LuaJIT's VM does
// natively; numbers are formatted the LuaJIT way.
func bufConcat(L *lua.LState) int {
	var out []byte
	for i := 1; i <= 2; i++ {
		switch x := L.Get(i).(type) {
		case lua.LString:
			out = append(out, x...)
		case lua.LNumber:
			out = ljcompat.AppendNumber(out, float64(x))
		default:
			b, ok := To(x)
			if !ok {
				ljcompat.Raise(L, "attempt to concatenate a "+x.Type().String()+" value")
			}
			if err := b.Valid(); err != nil {
				ljcompat.Raise(L, err.Error())
			}
			out = append(out, b.Bytes()...)
		}
	}
	L.Push(lua.LString(out))
	return 1
}
