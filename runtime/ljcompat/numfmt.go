// Package ljcompat reproduces behaviour of the Debian LuaJIT 2.1 binary that
// gopher-lua does differently: number-to-text conversion (%.14g with LuaJIT's
// rounding of exact decimal ties), the string.format engine, and "bad
// argument" messages whose function name and argument number come from the
// call site.
package ljcompat

import (
	"math"
	"strconv"
)

// FormatNumber formats x the way LuaJIT's tostring does: "%.14g", with "nan",
// "inf", "-inf" and "-0".
func FormatNumber(x float64) string {
	var scratch [32]byte
	return string(AppendNumber(scratch[:0], x))
}

// AppendNumber appends FormatNumber(x) to dst.
func AppendNumber(dst []byte, x float64) []byte {
	// Integers below 1e14 print as plain integers under %.14g; this is the
	// common case and avoids the general digit generator.
	if x == math.Trunc(x) && math.Abs(x) < 1e14 {
		if x == 0 && math.Signbit(x) {
			return append(dst, "-0"...)
		}
		return strconv.AppendInt(dst, int64(x), 10)
	}
	return appendG(dst, x, 14, false, false)
}

// nonFinite appends the C spelling of NaN and infinities. LuaJIT prints every
// NaN as "nan" whatever its sign bit.
func nonFinite(dst []byte, x float64, upper bool) []byte {
	s := "nan"
	switch {
	case math.IsInf(x, 1):
		s = "inf"
	case math.IsInf(x, -1):
		s = "-inf"
	}
	if upper {
		b := []byte(s)
		for i, c := range b {
			if c >= 'a' && c <= 'z' {
				b[i] = c - 32
			}
		}
		return append(dst, b...)
	}
	return append(dst, s...)
}

// decimal is a non-negative number 0.d1d2d3... x 10^dp with digits d (no
// leading zeros; empty means zero).
type decimal struct {
	d  []byte
	dp int
}

// parseE converts strconv's 'e' output ("d.ddde+XX") of a positive number.
func parseE(s []byte) decimal {
	var dec decimal
	i := 0
	for ; i < len(s) && s[i] != 'e'; i++ {
		if s[i] != '.' {
			dec.d = append(dec.d, s[i])
		}
	}
	exp, _ := strconv.Atoi(string(s[i+1:]))
	dec.dp = exp + 1
	// Trailing zeros carry no information.
	for len(dec.d) > 0 && dec.d[len(dec.d)-1] == '0' {
		dec.d = dec.d[:len(dec.d)-1]
	}
	if len(dec.d) == 0 {
		dec.dp = 0
	}
	return dec
}

// roundTo returns |x| rounded to n significant digits (n may be <= 0, meaning
// everything is rounded away) with LuaJIT's rule: exact decimal ties are
// rounded away from zero, everything else is rounded correctly.
//
// The exact decimal expansion of a double is long, so it is only computed
// when the value could be a tie: strconv's correctly rounded result is
// identical to LuaJIT's in every other case.
func roundTo(x float64, n int) decimal {
	x = math.Abs(x)
	if x == 0 {
		return decimal{}
	}
	var scratch [40]byte
	// A normal double carries more than 15 significant digits, so when its
	// shortest round-trip form needs at most n <= 15 digits, that form is
	// also the value rounded to n digits (and cannot be a tie).
	if n <= 15 && x >= 0x1p-1022 {
		short := parseE(strconv.AppendFloat(scratch[:0], x, 'e', -1, 64))
		if len(short.d) <= n {
			return short
		}
	}
	if n >= 1 {
		// One more digit than requested, correctly rounded: only a '5' there
		// can hide an exact tie.
		probe := strconv.AppendFloat(scratch[:0], x, 'e', n, 64)
		if !endsWithFiveBeforeExp(probe) {
			return parseE(strconv.AppendFloat(scratch[:0], x, 'e', n-1, 64))
		}
	}
	exact := parseE(strconv.AppendFloat(make([]byte, 0, 800), x, 'e', 767, 64))
	return roundDigits(exact, n)
}

// endsWithFiveBeforeExp reports whether the last mantissa digit of an 'e'
// formatted number is 5.
func endsWithFiveBeforeExp(s []byte) bool {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == 'e' {
			return i > 0 && s[i-1] == '5'
		}
	}
	return false
}

// roundDigits keeps n significant digits of an exact decimal, rounding half
// away from zero.
func roundDigits(dec decimal, n int) decimal {
	if len(dec.d) <= n {
		return dec
	}
	if n < 0 {
		return decimal{}
	}
	up := dec.d[n] >= '5'
	out := decimal{d: append([]byte(nil), dec.d[:n]...), dp: dec.dp}
	if up {
		i := n - 1
		for ; i >= 0; i-- {
			if out.d[i] < '9' {
				out.d[i]++
				break
			}
			out.d[i] = '0'
		}
		if i < 0 {
			out.d = append([]byte{'1'}, out.d...)
			out.dp++
			out.d = out.d[:max(n, 1)]
		}
	}
	for len(out.d) > 0 && out.d[len(out.d)-1] == '0' {
		out.d = out.d[:len(out.d)-1]
	}
	if len(out.d) == 0 {
		out.dp = 0
	}
	return out
}

// digit returns the i-th digit (0-based) of dec, '0' past the end.
func (dec decimal) digit(i int) byte {
	if i >= 0 && i < len(dec.d) {
		return dec.d[i]
	}
	return '0'
}

// appendE appends |x| in %e style with prec digits after the point.
func appendE(dst []byte, x float64, prec int, alt, upper bool) []byte {
	dec := roundTo(x, prec+1)
	return appendEDigits(dst, dec, prec, alt, upper)
}

func appendEDigits(dst []byte, dec decimal, prec int, alt, upper bool) []byte {
	exp := dec.dp - 1
	if len(dec.d) == 0 {
		exp = 0
	}
	dst = append(dst, dec.digit(0))
	if prec > 0 || alt {
		dst = append(dst, '.')
	}
	for i := 1; i <= prec; i++ {
		dst = append(dst, dec.digit(i))
	}
	if upper {
		dst = append(dst, 'E')
	} else {
		dst = append(dst, 'e')
	}
	if exp < 0 {
		dst = append(dst, '-')
		exp = -exp
	} else {
		dst = append(dst, '+')
	}
	if exp < 10 {
		dst = append(dst, '0')
	}
	return strconv.AppendInt(dst, int64(exp), 10)
}

// appendF appends |x| in %f style with prec digits after the point.
func appendF(dst []byte, x float64, prec int, alt bool) []byte {
	var scratch [40]byte
	short := parseE(strconv.AppendFloat(scratch[:0], math.Abs(x), 'e', -1, 64))
	dec := short
	if x != 0 {
		dec = roundTo(x, short.dp+prec)
	}
	return appendFDigits(dst, dec, prec, alt)
}

func appendFDigits(dst []byte, dec decimal, prec int, alt bool) []byte {
	if dec.dp <= 0 {
		dst = append(dst, '0')
	} else {
		for i := 0; i < dec.dp; i++ {
			dst = append(dst, dec.digit(i))
		}
	}
	if prec > 0 || alt {
		dst = append(dst, '.')
	}
	for i := 0; i < prec; i++ {
		dst = append(dst, dec.digit(dec.dp+i))
	}
	return dst
}

// appendG appends x (with its sign) in %g style with prec significant digits.
func appendG(dst []byte, x float64, prec int, alt, upper bool) []byte {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return nonFinite(dst, x, upper)
	}
	if math.Signbit(x) {
		dst = append(dst, '-')
	}
	return appendGAbs(dst, x, prec, alt, upper)
}

func appendGAbs(dst []byte, x float64, prec int, alt, upper bool) []byte {
	if prec == 0 {
		prec = 1
	}
	dec := roundTo(x, prec)
	exp := dec.dp - 1
	if len(dec.d) == 0 {
		exp = 0
	}
	if exp < -4 || exp >= prec {
		p := prec - 1
		if !alt {
			p = max(0, min(p, len(dec.d)-1))
		}
		return appendEDigits(dst, dec, p, alt, upper)
	}
	p := prec - 1 - exp
	if !alt {
		p = max(0, min(p, len(dec.d)-dec.dp))
	}
	return appendFDigits(dst, dec, p, alt)
}
