package luau

// This file holds the number conversions of Luau's buffer library. Luau uses
// plain C casts, whose results for NaN and out-of-range inputs depend on the
// CPU. We define every case explicitly so that the library behaves like Luau
// on x86-64 on every Go platform, instead of inheriting Go's own conversion
// rules (which are implementation-defined for out-of-range values).

import "math"

const (
	two31 = 1 << 31
	two63 = 1 << 63
)

// toI32 converts like a C cast from double to int on x86-64: truncation
// toward zero, and INT_MIN for NaN and for anything whose truncation does not
// fit in 32 bits. It is used for offsets, sizes and counts.
func toI32(x float64) int32 {
	t := math.Trunc(x)
	if t != t || t < -two31 || t > two31-1 {
		return math.MinInt32
	}
	return int32(t)
}

// toI64 converts like a C cast from double to int64_t on x86-64: truncation
// toward zero, and INT64_MIN for NaN and out-of-range values. Only bit offsets
// use it, so that they can address buffers larger than 512 MiB.
func toI64(x float64) int64 {
	t := math.Trunc(x)
	if t != t || t < -two63 || t >= two63 {
		return math.MinInt64
	}
	return int64(t)
}

// toU32 converts like Luau's luai_num2unsigned, (unsigned)(long long)x: the
// value is truncated to int64 first and its low 32 bits are kept, so integers
// wrap modulo 2^32 and NaN or huge values give 0.
func toU32(x float64) uint32 {
	return uint32(toI64(x))
}
