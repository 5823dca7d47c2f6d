package syntax

import "math"

// This file decides whether the text of a numeral is a valid number in a
// dialect. The lexer has already taken the characters that dialect's own
// lexer would take, so a rejected numeral is a "malformed number" there too.

func validNumber(b []byte, d Dialect) bool {
	switch d {
	case DialectLua51, DialectLua52, DialectLua53, DialectLua54:
		return validC(b)
	case DialectLuau:
		return validLuau(b)
	}
	return validLuaJIT(b)
}

func lower(c byte) byte { return c | 0x20 }

// validC accepts what C's strtod accepts as a whole string (decimal and
// hexadecimal floating constants), which is how PUC Lua converts numerals.
// Lua 5.1 also falls back to strtoul for integers with an "0x" prefix, which
// accepts no more than strtod does.
func validC(b []byte) bool {
	if len(b) >= 2 && b[0] == '0' && lower(b[1]) == 'x' {
		return validFloat(b[2:], true)
	}
	return validFloat(b, false)
}

// validFloat accepts digits with an optional fraction, at least one digit in
// all, then an optional exponent with decimal digits: 'e' for decimal, 'p'
// for hexadecimal (hex) digits. The whole of b must be used.
func validFloat(b []byte, hex bool) bool {
	digit, exp := isDigit, byte('e')
	if hex {
		digit, exp = isXDigit, 'p'
	}
	i, n, digits := 0, len(b), 0
	for i < n && digit(b[i]) {
		i++
		digits++
	}
	if i < n && b[i] == '.' {
		i++
		for i < n && digit(b[i]) {
			i++
			digits++
		}
	}
	if digits == 0 {
		return false
	}
	if i < n && lower(b[i]) == exp {
		i++
		if i < n && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if i >= n || !isDigit(b[i]) {
			return false
		}
		for i < n && isDigit(b[i]) {
			i++
		}
	}
	return i == n
}

// validLuaJIT follows LuaJIT's number scanner with the FFI suffixes enabled:
// decimal, "0x" hexadecimal and "0b" binary numerals, a fraction, an
// exponent ('e' for decimal, 'p' for hexadecimal), and the suffixes i (imaginary),
// LL, ULL and LLU (64-bit integers). A 64-bit integer must fit in 64 bits
// (LL wraps to negative, but 2^64 and above are malformed), and a binary
// numeral may have at most 64 digits after its leading zeros.
func validLuaJIT(b []byte) bool {
	i, n := 0, len(b)
	at := func(j int) byte {
		if j < n {
			return b[j]
		}
		return 0
	}
	base := 10
	if at(0) == '0' && lower(at(1)) == 'x' {
		base, i = 16, 2
	} else if at(0) == '0' && lower(at(1)) == 'b' {
		base, i = 2, 2
	}
	digits, dot, isInt := 0, false, true
	first := i // the first digit
	for ; i < n; i++ {
		c := b[i]
		if base == 16 && isXDigit(c) || base != 16 && isDigit(c) {
			if base == 2 && c > '1' {
				return false
			}
			digits++
		} else if c == '.' {
			if dot {
				return false
			}
			dot = true
		} else {
			break
		}
	}
	if digits == 0 {
		return false
	}
	if dot {
		if base == 2 {
			return false
		}
		isInt = false
	}
	if base == 2 && significant(b[first:i]) > 64 {
		return false
	}
	if base >= 10 && (base == 16 && lower(at(i)) == 'p' || base == 10 && lower(at(i)) == 'e') {
		isInt = false
		i++
		if at(i) == '+' || at(i) == '-' {
			i++
		}
		if !isDigit(at(i)) {
			return false
		}
		for isDigit(at(i)) {
			i++
		}
	}
	if i == n {
		return true
	}
	if lower(b[i]) == 'i' {
		return i+1 == n
	}
	if !isInt {
		return false
	}
	unsigned, long := false, false
	if lower(at(i)) == 'u' {
		unsigned = true
		i++
	}
	if lower(at(i)) == 'l' {
		if lower(at(i+1)) != 'l' {
			return false
		}
		long = true
		i += 2
	}
	if !unsigned && long && lower(at(i)) == 'u' {
		unsigned = true
		i++
	}
	return long && i == n && fits64(b[first:first+digits], base)
}

// significant counts the digits of an integer numeral after its leading
// zeros.
func significant(digits []byte) int {
	for len(digits) > 0 && digits[0] == '0' {
		digits = digits[1:]
	}
	return len(digits)
}

// fits64 reports whether the digits of an integer numeral in base (2, 10
// or 16) are a value below 2^64.
func fits64(digits []byte, base int) bool {
	switch base {
	case 16:
		return significant(digits) <= 16
	case 2:
		return significant(digits) <= 64
	}
	var x uint64
	for _, c := range digits {
		d := uint64(c - '0')
		if x > (math.MaxUint64-d)/10 {
			return false
		}
		x = x*10 + d
	}
	return true
}

// validLuau accepts decimal, hexadecimal and binary numerals with '_'
// separators, as Luau does.
func validLuau(b []byte) bool {
	i, n := 0, len(b)
	if n >= 2 && b[0] == '0' && (lower(b[1]) == 'x' || lower(b[1]) == 'b') {
		hex := lower(b[1]) == 'x'
		i = 2
		digits := 0
		for ; i < n; i++ {
			c := b[i]
			switch {
			case c == '_':
			case hex && isXDigit(c), !hex && (c == '0' || c == '1'):
				digits++
			default:
				return false
			}
		}
		return digits > 0
	}
	clean := make([]byte, 0, n)
	for _, c := range b {
		if c != '_' {
			clean = append(clean, c)
		}
	}
	return validC(clean)
}
