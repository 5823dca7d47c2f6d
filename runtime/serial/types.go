package serial

import (
	"fmt"
	"github.com/buflsp/buflsp/runtime/ljcompat"
	"math"
	"strconv"
)

// Int64 is LuaJIT's boxed FFI int64_t (tag 0x10). It exists so that 64-bit
// integers cross the format without being rounded to a double.
type Int64 int64

// Uint64 is LuaJIT's boxed FFI uint64_t (tag 0x11).
type Uint64 uint64

// Complex is LuaJIT's FFI complex double (tag 0x12).
type Complex complex128

// LightUserdata is a LuaJIT light userdata pointer value (tags 0x03, 0x04
// and 0x05). Zero is NULL. Only the number crosses the format; it is never
// dereferenced.
type LightUserdata uint64

// Meta is a table that carries a metatable from the metatable dictionary
// (tag 0x0e). Index is the 1-based position of the metatable in that
// dictionary and Value is the table itself. The Go API has no metatables, so
// it keeps the index instead of dropping it.
type Meta struct {
	Index int
	Value any
}

// String prints the value like LuaJIT's tostring: 123LL.
func (v Int64) String() string { return strconv.FormatInt(int64(v), 10) + "LL" }

// String prints the value like LuaJIT's tostring: 123ULL.
func (v Uint64) String() string { return strconv.FormatUint(uint64(v), 10) + "ULL" }

// String prints the value like LuaJIT's tostring of a complex cdata: both
// parts with %.14g, a '+' before the imaginary part unless it is negative
// (NaN always gets one), and a suffix 'i', or 'I' after "inf" or "nan".
func (v Complex) String() string {
	re, im := real(complex128(v)), imag(complex128(v))
	s := ljcompat.FormatNumber(re)
	if !math.Signbit(im) || math.IsNaN(im) {
		s += "+"
	}
	s += ljcompat.FormatNumber(im)
	if s[len(s)-1] >= 'a' {
		return s + "I"
	}
	return s + "i"
}

// String prints the value like LuaJIT's tostring of a light userdata.
func (v LightUserdata) String() string {
	switch {
	case v == 0:
		return "userdata: NULL"
	case v>>32 == 0:
		return fmt.Sprintf("userdata: 0x%08x", uint64(v))
	default:
		return fmt.Sprintf("userdata: 0x%016x", uint64(v))
	}
}

// canonicalNaN reproduces LuaJIT's decoder: NaN bit patterns at or above
// 0xfff9000000000000 collide with its internal type tags and are replaced by
// the canonical quiet NaN; every other pattern is kept.
func canonicalNaN(bits uint64) uint64 {
	if bits >= 0xfff9000000000000 {
		return 0xfff8000000000000
	}
	return bits
}
