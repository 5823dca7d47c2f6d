package luau

// This file holds the fixed-width readers and writers (readi8 ... writef64).
// Each one fetches and type-checks all of its arguments before it checks the
// bounds, because Luau reports a type error in a later argument in preference
// to a bounds error in an earlier one.

import (
	"encoding/binary"
	"math"

	lua "github.com/yuin/gopher-lua"
)

const errBounds = "buffer access out of bounds"

// outOfBounds is Luau's bounds rule: the offset is reinterpreted as unsigned,
// so negative offsets are always out, and an access may end exactly at the
// end of the buffer.
func outOfBounds(offset int32, length int, size uint64) bool {
	return uint64(uint32(offset))+size > uint64(length)
}

// readAt checks a read of size bytes and returns the bytes.
func readAt(L *lua.LState, fn string, size int) []byte {
	b := checkBuffer(L, 1, fn)
	off := toI32(checkNumber(L, 2, fn))
	if outOfBounds(off, len(b.data), uint64(size)) {
		raise(L, errBounds)
	}
	return b.data[off : int(off)+size]
}

func readI8(L *lua.LState) int {
	L.Push(lua.LNumber(int8(readAt(L, "readi8", 1)[0])))
	return 1
}

func readU8(L *lua.LState) int {
	L.Push(lua.LNumber(readAt(L, "readu8", 1)[0]))
	return 1
}

func readI16(L *lua.LState) int {
	L.Push(lua.LNumber(int16(binary.LittleEndian.Uint16(readAt(L, "readi16", 2)))))
	return 1
}

func readU16(L *lua.LState) int {
	L.Push(lua.LNumber(binary.LittleEndian.Uint16(readAt(L, "readu16", 2))))
	return 1
}

func readI32(L *lua.LState) int {
	L.Push(lua.LNumber(int32(binary.LittleEndian.Uint32(readAt(L, "readi32", 4)))))
	return 1
}

func readU32(L *lua.LState) int {
	L.Push(lua.LNumber(binary.LittleEndian.Uint32(readAt(L, "readu32", 4))))
	return 1
}

func readF32(L *lua.LState) int {
	bits := binary.LittleEndian.Uint32(readAt(L, "readf32", 4))
	L.Push(lua.LNumber(math.Float32frombits(bits)))
	return 1
}

func readF64(L *lua.LState) int {
	bits := binary.LittleEndian.Uint64(readAt(L, "readf64", 8))
	L.Push(lua.LNumber(math.Float64frombits(bits)))
	return 1
}

// writeInt makes the integer writer of the given width. Signed and unsigned
// writers of one width store the same bytes: the value goes through Luau's
// unsigned conversion and only its low bytes are kept.
func writeInt(fn string, size int) lua.LGFunction {
	return func(L *lua.LState) int {
		b := checkBuffer(L, 1, fn)
		off := toI32(checkNumber(L, 2, fn))
		v := toU32(checkNumber(L, 3, fn))
		if outOfBounds(off, len(b.data), uint64(size)) {
			raise(L, errBounds)
		}
		dst := b.data[off : int(off)+size]
		switch size {
		case 1:
			dst[0] = byte(v)
		case 2:
			binary.LittleEndian.PutUint16(dst, uint16(v))
		default:
			binary.LittleEndian.PutUint32(dst, v)
		}
		return 0
	}
}

// writeF32 rounds the double to the nearest float32 (ties to even, overflow
// to infinity), which is what Go's conversion and C's cast both do.
func writeF32(L *lua.LState) int {
	b := checkBuffer(L, 1, "writef32")
	off := toI32(checkNumber(L, 2, "writef32"))
	v := checkNumber(L, 3, "writef32")
	if outOfBounds(off, len(b.data), 4) {
		raise(L, errBounds)
	}
	binary.LittleEndian.PutUint32(b.data[off:], math.Float32bits(float32(v)))
	return 0
}

func writeF64(L *lua.LState) int {
	b := checkBuffer(L, 1, "writef64")
	off := toI32(checkNumber(L, 2, "writef64"))
	v := checkNumber(L, 3, "writef64")
	if outOfBounds(off, len(b.data), 8) {
		raise(L, errBounds)
	}
	binary.LittleEndian.PutUint64(b.data[off:], math.Float64bits(v))
	return 0
}
