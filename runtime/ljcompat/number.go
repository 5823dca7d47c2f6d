package ljcompat

// This file parses numeric strings with LuaJIT's syntax, the one its
// tonumber and every library function that coerces a string argument use.

import (
	"math"
	"strconv"
	"strings"
)

func isHexDigit(c byte) bool {
	return isDigit(c) || (c|0x20 >= 'a' && c|0x20 <= 'f')
}

// ParseNumber converts a string the way LuaJIT coerces strings to numbers:
// optional white space around an optional sign and one of "inf",
// "infinity" or "nan" (any case), a decimal number with optional fraction
// and exponent, a hexadecimal number "0x" with optional fraction and "p"
// exponent, or a binary integer "0b". The whole string must be used, so an
// embedded NUL makes it invalid.
func ParseNumber(s string) (float64, bool) {
	lo, hi := 0, len(s)
	for lo < hi && isSpace(s[lo]) {
		lo++
	}
	for hi > lo && isSpace(s[hi-1]) {
		hi--
	}
	t := s[lo:hi]
	neg := false
	if t != "" && (t[0] == '+' || t[0] == '-') {
		neg = t[0] == '-'
		t = t[1:]
	}
	v, ok := scanUnsigned(t)
	if !ok {
		return 0, false
	}
	if neg {
		v = -v
	}
	return v, true
}

func scanUnsigned(t string) (float64, bool) {
	switch lower := strings.ToLower(t); lower {
	case "inf", "infinity":
		return math.Inf(1), true
	case "nan":
		// LuaJIT's canonical NaN; Go's math.NaN has a different payload,
		// whose low bits would leak into tobit.
		return math.Float64frombits(0xfff8000000000000), true
	}
	if len(t) >= 2 && t[0] == '0' {
		switch t[1] | 0x20 {
		case 'x':
			return scanHex(t[2:])
		case 'b':
			return scanBinary(t[2:])
		}
	}
	return scanDecimal(t)
}

func scanDecimal(t string) (float64, bool) {
	i, digits := 0, 0
	for i < len(t) && isDigit(t[i]) {
		i++
		digits++
	}
	if i < len(t) && t[i] == '.' {
		i++
		for i < len(t) && isDigit(t[i]) {
			i++
			digits++
		}
	}
	if digits == 0 {
		return 0, false
	}
	if i < len(t) && t[i]|0x20 == 'e' {
		j, ok := scanExponent(t, i+1)
		if !ok {
			return 0, false
		}
		i = j
	}
	if i != len(t) {
		return 0, false
	}
	return parseFloat(t)
}

// scanHex handles the part after "0x".
func scanHex(t string) (float64, bool) {
	i, digits := 0, 0
	for i < len(t) && isHexDigit(t[i]) {
		i++
		digits++
	}
	if i < len(t) && t[i] == '.' {
		i++
		for i < len(t) && isHexDigit(t[i]) {
			i++
			digits++
		}
	}
	if digits == 0 {
		return 0, false
	}
	mantEnd := i
	exp := "p0"
	if i < len(t) && t[i]|0x20 == 'p' {
		j, ok := scanExponent(t, i+1)
		if !ok {
			return 0, false
		}
		exp = t[i:j]
		i = j
	}
	if i != len(t) {
		return 0, false
	}
	return parseFloat("0x" + t[:mantEnd] + exp)
}

// scanBinary handles the part after "0b": binary digits only, and at most
// 64 of them after leading zeros (LuaJIT rejects longer ones).
func scanBinary(t string) (float64, bool) {
	if t == "" {
		return 0, false
	}
	if len(strings.TrimLeft(t, "0")) > 64 {
		return 0, false
	}
	// Regroup the bits as hex digits so that long inputs round correctly.
	pad := (4 - len(t)%4) % 4
	bitsText := strings.Repeat("0", pad) + t
	var hex strings.Builder
	for i := 0; i < len(bitsText); i += 4 {
		var d byte
		for _, c := range []byte(bitsText[i : i+4]) {
			if c != '0' && c != '1' {
				return 0, false
			}
			d = d<<1 | (c - '0')
		}
		hex.WriteByte("0123456789abcdef"[d])
	}
	return parseFloat("0x" + hex.String() + "p0")
}

// scanExponent accepts an optional sign and at least one digit from t[i:].
func scanExponent(t string, i int) (int, bool) {
	if i < len(t) && (t[i] == '+' || t[i] == '-') {
		i++
	}
	start := i
	for i < len(t) && isDigit(t[i]) {
		i++
	}
	return i, i > start
}

// parseFloat parses validated text; overflow gives infinity like strtod.
func parseFloat(text string) (float64, bool) {
	f, err := strconv.ParseFloat(text, 64)
	if err != nil {
		if ne, ok := err.(*strconv.NumError); !ok || ne.Err != strconv.ErrRange {
			return 0, false
		}
	}
	return f, true
}
