package buffer

import (
	"fmt"

	lua "github.com/yuin/gopher-lua"

	"github.com/buflsp/buflsp/runtime/ljcompat"
)

// LuaJIT's FFI methods (reserve, commit, ref, putcdata, set of cdata) hand
// out raw uint8_t pointers. gopher-lua has no FFI, so they return a Pointer
// instead: a bounds-checked window on the buffer's memory that supports
// p[i] reads and writes (0-based, like a C pointer), p + k, and that raises an
// error once the buffer has changed, where a real pointer would silently
// read or corrupt freed memory.

// pointerKey names the metatable of pointers in the registry.
const pointerKey = "buflsp.string.buffer.pointer"

// Pointer is the safe stand-in for a uint8_t* into a buffer.
type Pointer struct {
	buf      *Buffer
	off, n   int    // absolute window [off, off+n) in buf.data's storage
	version  uint64 // buf.version when the pointer was made
	readOnly bool   // the bytes belong to a borrowed string
}

// window returns the storage window or raises when the pointer is stale:
// its buffer changed, or its buffer is a view whose source moved or released
// the shared bytes (the view itself is then unchanged, but its storage is no
// longer the source's).
func (p *Pointer) window(L *lua.LState) []byte {
	if p.buf.version != p.version {
		ljcompat.Raise(L, "stale buffer pointer (the buffer changed after reserve or ref returned it)")
	}
	if err := p.buf.Valid(); err != nil {
		ljcompat.Raise(L, err.Error())
	}
	return p.buf.data[p.off : p.off+p.n : p.off+p.n]
}

// bytes returns the first n bytes of the window, raising when n is too big.
func (p *Pointer) bytes(L *lua.LState, n int) []byte {
	w := p.window(L)
	if n > len(w) {
		ljcompat.Raise(L, fmt.Sprintf("pointer range too long (%d bytes requested, %d available)", n, len(w)))
	}
	return w[:n]
}

func toPointer(v lua.LValue) (*Pointer, bool) {
	ud, ok := v.(*lua.LUserData)
	if !ok {
		return nil, false
	}
	p, ok := ud.Value.(*Pointer)
	return p, ok
}

func pushPointer(L *lua.LState, p *Pointer) {
	ud := L.NewUserData()
	ud.Value = p
	ud.Metatable = pointerMetatable(L)
	L.Push(ud)
}

func pointerMetatable(L *lua.LState) *lua.LTable {
	if mt, ok := L.G.Registry.RawGetString(pointerKey).(*lua.LTable); ok {
		return mt
	}
	mt := L.NewTable()
	mt.RawSetString("__index", L.NewFunction(ptrIndex))
	mt.RawSetString("__newindex", L.NewFunction(ptrNewIndex))
	mt.RawSetString("__add", L.NewFunction(ptrAdd))
	mt.RawSetString("__tostring", L.NewFunction(ptrToString))
	mt.RawSetString("__metatable", lua.LString("ffi"))
	L.G.Registry.RawSetString(pointerKey, mt)
	return mt
}

func checkPointer(L *lua.LState, n int) *Pointer {
	p, ok := toPointer(L.Get(n))
	if !ok {
		ljcompat.TypeError(L, n, "cdata")
	}
	return p
}

// ptrElem validates an index against the pointer's window.
func ptrElem(L *lua.LState, p *Pointer) ([]byte, int) {
	w := p.window(L)
	num, ok := L.Get(2).(lua.LNumber)
	if !ok {
		ljcompat.Raise(L, fmt.Sprintf("buffer pointer index must be a number, got %s", L.Get(2).Type()))
	}
	f := float64(num)
	if f != f || f < 0 || f >= float64(len(w)) || f != float64(int(f)) {
		ljcompat.Raise(L, fmt.Sprintf("buffer pointer index %s out of range (valid: 0 to %d)",
			ljcompat.FormatNumber(f), len(w)-1))
	}
	return w, int(f)
}

func ptrIndex(L *lua.LState) int {
	p := checkPointer(L, 1)
	w, i := ptrElem(L, p)
	L.Push(lua.LNumber(w[i]))
	return 1
}

func ptrNewIndex(L *lua.LState) int {
	p := checkPointer(L, 1)
	w, i := ptrElem(L, p)
	if p.readOnly {
		ljcompat.Raise(L, "buffer pointer is read-only (the buffer references a string given to set)")
	}
	num, ok := L.Get(3).(lua.LNumber)
	if !ok {
		ljcompat.Raise(L, fmt.Sprintf("cannot convert '%s' to 'uint8_t'", L.Get(3).Type()))
	}
	// A C store to uint8_t keeps the low 8 bits of the integer.
	w[i] = byte(int64(float64(num)))
	return 0
}

func ptrAdd(L *lua.LState) int {
	p, ok := toPointer(L.Get(1))
	k := L.Get(2)
	if !ok {
		p, _ = toPointer(L.Get(2))
		k = L.Get(1)
	}
	num, isNum := k.(lua.LNumber)
	if p == nil || !isNum {
		ljcompat.Raise(L, "attempt to perform arithmetic on a buffer pointer and a non-number")
	}
	p.window(L)
	d := int(float64(num))
	if d < 0 || d > p.n {
		ljcompat.Raise(L, fmt.Sprintf("buffer pointer offset %d out of range (valid: 0 to %d)", d, p.n))
	}
	q := *p
	q.off += d
	q.n -= d
	pushPointer(L, &q)
	return 1
}

func ptrToString(L *lua.LState) int {
	p := checkPointer(L, 1)
	L.Push(lua.LString(fmt.Sprintf("cdata<uint8_t *>: buffer window [%d, %d)", p.off, p.off+p.n)))
	return 1
}

// bufReserve guarantees n writable bytes and returns a pointer to them and
// their number.
func bufReserve(L *lua.LState) int {
	b := self(L)
	n := checkSize(L, 2)
	space, err := b.Reserve(n)
	if err != nil {
		raiseMem(L, err)
	}
	b.handOut()
	pushPointer(L, &Pointer{buf: b, off: b.w, n: len(space), version: b.version})
	L.Push(lua.LNumber(len(space)))
	return 2
}

func bufCommit(L *lua.LState) int {
	b := self(L)
	n := checkSize(L, 2)
	if err := b.Commit(n); err != nil {
		ljcompat.ArgError(L, 2, "number out of range")
	}
	return returnSelf(L)
}

// bufRef returns a pointer to the unread bytes and their number.
func bufRef(L *lua.LState) int {
	b := self(L)
	if b.borrowed && b.spare > 0 {
		// The storage went to a tostring result: writes through the
		// pointer must not change that string, so the buffer takes its own
		// copy first (a buffer that borrows a string from set stays
		// read-only instead).
		b.own()
	}
	b.handOut()
	pushPointer(L, &Pointer{buf: b, off: b.r, n: b.Len(), version: b.version, readOnly: b.borrowed})
	L.Push(lua.LNumber(b.Len()))
	return 2
}

func bufPutCData(L *lua.LState) int {
	b := self(L)
	p := checkPointer(L, 2)
	n := checkSize(L, 3)
	src := p.bytes(L, n)
	if p.buf == b {
		src = append([]byte(nil), src...)
	}
	if _, err := b.Write(src); err != nil {
		raiseMem(L, err)
	}
	return returnSelf(L)
}
