package bit

// This file converts arguments to the 32-bit integers the bit operations
// work on. Numeric strings are parsed by ljcompat.ParseNumber.

import "math"

// tobitMagic is 2^52 + 2^51. Adding it to a double leaves the value's
// integer part, rounded to nearest even, in the low 32 bits of the
// mantissa; LuaJIT normalises bit operands this way, so we do the same
// float addition rather than an integer conversion. That reproduces
// LuaJIT's results for every input, including fractions (2.5 -> 2,
// 3.5 -> 4), values beyond 2^32 (wrapping) and the deterministic garbage
// it gives for NaN, infinities and huge numbers.
const tobitMagic = 6755399441055744.0

func tobit(x float64) int32 {
	return int32(uint32(math.Float64bits(x + tobitMagic)))
}
