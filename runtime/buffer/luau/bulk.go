package luau

// This file holds the functions that create buffers or move runs of bytes:
// create, fromstring, tostring, len, copy, fill, readstring and writestring.

import (
	lua "github.com/yuin/gopher-lua"
)

func (l *lib) create(L *lua.LState) int {
	size := toI32(checkNumber(L, 1, "create"))
	if size < 0 {
		argError(L, 1, "create", "size")
	}
	if int(size) > l.maxSize {
		raiseNoPosition(L, ErrTooBig.Error())
	}
	L.Push(wrap(L, make([]byte, size)))
	return 1
}

func (l *lib) fromstring(L *lua.LState) int {
	s := checkString(L, 1, "fromstring")
	if len(s) > l.maxSize {
		raiseNoPosition(L, ErrTooBig.Error())
	}
	L.Push(wrap(L, []byte(s)))
	return 1
}

func bufTostring(L *lua.LState) int {
	b := checkBuffer(L, 1, "tostring")
	L.Push(lua.LString(b.data))
	return 1
}

func bufLen(L *lua.LState) int {
	b := checkBuffer(L, 1, "len")
	L.Push(lua.LNumber(len(b.data)))
	return 1
}

// bufCopy is memmove between two buffers (possibly the same one). A count
// left out means "the rest of the source"; that default is computed with
// 32-bit wrap-around like Luau's int arithmetic, and a negative count is a
// bounds error rather than an argument error.
func bufCopy(L *lua.LState) int {
	const fn = "copy"
	dst := checkBuffer(L, 1, fn)
	dstOff := toI32(checkNumber(L, 2, fn))
	src := checkBuffer(L, 3, fn)
	var srcOff int32
	if v, ok := optNumber(L, 4, fn); ok {
		srcOff = toI32(v)
	}
	count := int32(len(src.data)) - srcOff
	if v, ok := optNumber(L, 5, fn); ok {
		count = toI32(v)
	}
	if count < 0 ||
		outOfBounds(srcOff, len(src.data), uint64(count)) ||
		outOfBounds(dstOff, len(dst.data), uint64(count)) {
		raise(L, errBounds)
	}
	copy(dst.data[dstOff:int(dstOff)+int(count)], src.data[srcOff:int(srcOff)+int(count)])
	return 0
}

// bufFill sets count bytes (default: to the end) to the low 8 bits of value.
func bufFill(L *lua.LState) int {
	const fn = "fill"
	b := checkBuffer(L, 1, fn)
	off := toI32(checkNumber(L, 2, fn))
	v := byte(toU32(checkNumber(L, 3, fn)))
	count := int32(len(b.data)) - off
	if c, ok := optNumber(L, 4, fn); ok {
		count = toI32(c)
	}
	if count < 0 || outOfBounds(off, len(b.data), uint64(count)) {
		raise(L, errBounds)
	}
	region := b.data[off : int(off)+int(count)]
	for i := range region {
		region[i] = v
	}
	return 0
}

// readString checks the count ("size" in Luau's message) before the bounds.
func readString(L *lua.LState) int {
	const fn = "readstring"
	b := checkBuffer(L, 1, fn)
	off := toI32(checkNumber(L, 2, fn))
	count := toI32(checkNumber(L, 3, fn))
	if count < 0 {
		argError(L, 3, fn, "size")
	}
	if outOfBounds(off, len(b.data), uint64(count)) {
		raise(L, errBounds)
	}
	L.Push(lua.LString(b.data[off : int(off)+int(count)]))
	return 1
}

// writeString copies the first count bytes (default: all) of a string. A
// count longer than the string is "string length overflow", checked before
// the bounds.
func writeString(L *lua.LState) int {
	const fn = "writestring"
	b := checkBuffer(L, 1, fn)
	off := toI32(checkNumber(L, 2, fn))
	s := checkString(L, 3, fn)
	count := int32(len(s)) // wraps like Luau's int(size) for huge strings
	if c, ok := optNumber(L, 4, fn); ok {
		count = toI32(c)
	}
	if count < 0 {
		argError(L, 4, fn, "count")
	}
	if int(count) > len(s) {
		raise(L, "string length overflow")
	}
	if outOfBounds(off, len(b.data), uint64(count)) {
		raise(L, errBounds)
	}
	copy(b.data[off:], s[:count])
	return 0
}
