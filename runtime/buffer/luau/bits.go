package luau

// This file holds readbits and writebits. Bit k of a buffer is bit k%8 (the
// least significant bit being 0) of byte k/8, and bit i of a value maps to
// buffer bit bitOffset+i, so whole-byte accesses agree with readu8/readu16/
// readu32. Bit offsets are 64-bit so that buffers above 512 MiB are fully
// addressable.

import (
	lua "github.com/yuin/gopher-lua"
)

const errBitCount = "bit count is out of range of [0; 32]"

// bitRange fetches the common arguments and applies Luau's checks in Luau's
// order: negative offset, then the count range, then the end of the buffer.
// It returns the bytes that hold the field and the field's shift inside them.
func bitRange(L *lua.LState, fn string, withValue bool) (field []byte, shift uint, count uint, value uint32) {
	b := checkBuffer(L, 1, fn)
	offset := toI64(checkNumber(L, 2, fn))
	n := toI32(checkNumber(L, 3, fn))
	if withValue {
		value = toU32(checkNumber(L, 4, fn))
	}
	if offset < 0 {
		raise(L, errBounds)
	}
	if uint32(n) > 32 {
		raise(L, errBitCount)
	}
	if uint64(offset)+uint64(n) > uint64(len(b.data))*8 {
		raise(L, errBounds)
	}
	start := offset / 8
	end := (offset + int64(n) + 7) / 8
	return b.data[start:end], uint(offset & 7), uint(n), value
}

// loadField gathers up to 5 little-endian bytes into an integer.
func loadField(field []byte) uint64 {
	var v uint64
	for i := len(field) - 1; i >= 0; i-- {
		v = v<<8 | uint64(field[i])
	}
	return v
}

func readBits(L *lua.LState) int {
	field, shift, count, _ := bitRange(L, "readbits", false)
	mask := uint64(1)<<count - 1
	L.Push(lua.LNumber(uint32(loadField(field) >> shift & mask)))
	return 1
}

// writeBits replaces only the addressed bits; the other bits of the partly
// covered first and last bytes keep their values.
func writeBits(L *lua.LState) int {
	field, shift, count, value := bitRange(L, "writebits", true)
	mask := (uint64(1)<<count - 1) << shift
	data := loadField(field)
	data = data&^mask | uint64(value)<<shift&mask
	for i := range field {
		field[i] = byte(data >> (8 * i))
	}
	return 0
}
