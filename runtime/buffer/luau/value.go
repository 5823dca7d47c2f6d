package luau

// This file defines the buffer value itself: the Go type behind the userdata,
// its metatable, and the host API that Go modules use to create and accept
// buffers.

import (
	"errors"
	"fmt"
	"unsafe"

	lua "github.com/yuin/gopher-lua"
)

// TypeName is the registry key of the buffers' metatable. It is not "buffer"
// so that it cannot collide with the metatable of LuaJIT-style string.buffer
// objects living in the same state.
const TypeName = "luau.buffer"

// MaxSize is the largest buffer Luau allows: 1 GiB.
const MaxSize = 1 << 30

// ErrTooBig is returned by New and FromBytes for sizes above the limit; its
// text is the one Luau raises.
var ErrTooBig = errors.New("memory allocation error: block too big")

// ErrNegativeSize is returned by New for a negative size.
var ErrNegativeSize = errors.New("negative buffer size")

// Buffer is the Go value inside a Luau buffer userdata. Its length never
// changes, so a slice obtained from Bytes stays valid (and shared with Lua)
// for as long as the buffer lives.
type Buffer struct {
	data []byte
}

// Bytes returns the buffer's storage without copying it.
func (b *Buffer) Bytes() []byte { return b.data }

// Len returns the buffer's length in bytes.
func (b *Buffer) Len() int { return len(b.data) }

// New creates a zero-filled buffer of size bytes as a userdata of L.
func New(L *lua.LState, size int) (*lua.LUserData, error) {
	if size < 0 {
		return nil, ErrNegativeSize
	}
	if size > MaxSize {
		return nil, ErrTooBig
	}
	return wrap(L, make([]byte, size)), nil
}

// FromBytes creates a buffer holding a copy of data.
func FromBytes(L *lua.LState, data []byte) (*lua.LUserData, error) {
	if len(data) > MaxSize {
		return nil, ErrTooBig
	}
	return wrap(L, append(make([]byte, 0, len(data)), data...)), nil
}

// wrap puts data into a new buffer userdata without copying it.
func wrap(L *lua.LState, data []byte) *lua.LUserData {
	ud := L.NewUserData()
	ud.Value = &Buffer{data: data}
	ud.Metatable = metatable(L)
	return ud
}

// To returns the storage of v if v is a Luau buffer.
func To(v lua.LValue) ([]byte, bool) {
	b, ok := toBuffer(v)
	if !ok {
		return nil, false
	}
	return b.data, true
}

// Is reports whether v is a Luau buffer.
func Is(v lua.LValue) bool {
	_, ok := toBuffer(v)
	return ok
}

func toBuffer(v lua.LValue) (*Buffer, bool) {
	ud, ok := v.(*lua.LUserData)
	if !ok {
		return nil, false
	}
	b, ok := ud.Value.(*Buffer)
	return b, ok
}

// Check returns the storage of the buffer in argument n of the running Go
// function, or raises Luau's argument error ("invalid argument #n to 'name'
// (buffer expected, got ...)"), naming the function as the caller called it.
func Check(L *lua.LState, n int) []byte {
	name := "?"
	if dbg, ok := L.GetStack(0); ok {
		if _, err := L.GetInfo("n", dbg, lua.LNil); err == nil && isIdentifier(dbg.Name) {
			name = dbg.Name
		}
	}
	return checkBuffer(L, n, name).data
}

func isIdentifier(s string) bool {
	if s == "" || isDigit(s[0]) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isAlnum(s[i]) && s[i] != '_' {
			return false
		}
	}
	return true
}

// metatable returns the buffers' metatable, creating it on first use. Its
// metamethods turn operations that Luau rejects on buffers into Luau's error
// texts, and __metatable protects it from scripts.
func metatable(L *lua.LState) *lua.LTable {
	reg := L.Get(lua.RegistryIndex).(*lua.LTable)
	if mt, ok := reg.RawGetString(TypeName).(*lua.LTable); ok {
		return mt
	}
	mt := L.NewTable()
	mt.RawSetString("__tostring", L.NewFunction(bufferToString))
	mt.RawSetString("__metatable", lua.LFalse)
	mt.RawSetString("__index", L.NewFunction(indexError))
	mt.RawSetString("__newindex", L.NewFunction(indexError))
	mt.RawSetString("__len", L.NewFunction(func(L *lua.LState) int {
		raise(L, "attempt to get length of a buffer value")
		return 0
	}))
	mt.RawSetString("__call", L.NewFunction(func(L *lua.LState) int {
		raise(L, "attempt to call a buffer value")
		return 0
	}))
	mt.RawSetString("__concat", L.NewFunction(func(L *lua.LState) int {
		raise(L, fmt.Sprintf("attempt to concatenate %s with %s", typeName(L.Get(1)), typeName(L.Get(2))))
		return 0
	}))
	for _, op := range []string{"add", "sub", "mul", "div", "mod", "pow"} {
		op := op
		mt.RawSetString("__"+op, L.NewFunction(func(L *lua.LState) int {
			raise(L, fmt.Sprintf("attempt to perform arithmetic (%s) on %s and %s", op, typeName(L.Get(1)), typeName(L.Get(2))))
			return 0
		}))
	}
	mt.RawSetString("__unm", L.NewFunction(func(L *lua.LState) int {
		raise(L, "attempt to perform arithmetic (unm) on buffer")
		return 0
	}))
	mt.RawSetString("__lt", L.NewFunction(compareError("<")))
	mt.RawSetString("__le", L.NewFunction(compareError("<=")))
	reg.RawSetString(TypeName, mt)
	return mt
}

// bufferToString gives "buffer: 0x" and 16 hex digits of the object's
// address, which is unique and stable while the buffer lives (Go's collector
// does not move heap objects).
func bufferToString(L *lua.LState) int {
	ud := L.CheckUserData(1)
	L.Push(lua.LString(fmt.Sprintf("buffer: 0x%016x", uintptr(unsafe.Pointer(ud)))))
	return 1
}

// indexError is __index and __newindex: Luau buffers have no fields, and
// even writes are reported as "index".
func indexError(L *lua.LState) int {
	key := L.Get(2)
	if s, ok := key.(lua.LString); ok {
		raise(L, fmt.Sprintf("attempt to index buffer with '%s'", string(s)))
	}
	raise(L, "attempt to index buffer with "+typeName(key))
	return 0
}

func compareError(op string) lua.LGFunction {
	return func(L *lua.LState) int {
		raise(L, fmt.Sprintf("attempt to compare %s %s %s", typeName(L.Get(1)), op, typeName(L.Get(2))))
		return 0
	}
}

// typeName is Lua's type() of v, with Luau buffers called "buffer" and
// integers "integer".
func typeName(v lua.LValue) string {
	if Is(v) {
		return "buffer"
	}
	if _, ok := toInteger(v); ok {
		return "integer"
	}
	return v.Type().String()
}
