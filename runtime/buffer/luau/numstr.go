package luau

// This file converts between strings and numbers the way Luau does when a
// buffer function receives a string where it expects a number, or a number
// where it expects a string.

import (
	"math"
	"strconv"
	"strings"
)

// isCSpace reports whether c is white space for C's isspace in the "C" locale.
func isCSpace(c byte) bool {
	return c == ' ' || (c >= '\t' && c <= '\r')
}

// parseNumber converts a string argument to a number with the rules of C's
// strtod, which Luau uses for string-to-number coercion: optional leading and
// trailing white space, an optional sign, then a decimal number with optional
// fraction and exponent, a hexadecimal number ("0x", optional fraction and
// "p" exponent), "inf", "infinity" or "nan" (with an optional "(chars)"
// suffix), all case-insensitive. The string ends at its first NUL byte,
// because C sees it that way. Anything else is not a number.
func parseNumber(s string) (float64, bool) {
	if i := strings.IndexByte(s, 0); i >= 0 {
		s = s[:i]
	}
	i := 0
	for i < len(s) && isCSpace(s[i]) {
		i++
	}
	start := i
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	var v float64
	end, ok := scanSpecial(s, i)
	switch {
	case ok:
		v = specialValue(s[i:end])
	case i+1 < len(s) && s[i] == '0' && (s[i+1]|0x20) == 'x':
		end, ok = scanHex(s, i+2)
		if !ok {
			// strtod then reads just the "0" and stops before the "x".
			end = i + 1
			v = 0
			break
		}
		v = parseHex(s[i+2 : end])
	default:
		end, ok = scanDecimal(s, i)
		if !ok {
			return 0, false
		}
		f, err := strconv.ParseFloat(s[i:end], 64)
		if err != nil && !isRangeError(err) {
			return 0, false
		}
		v = f
	}
	if s[start] == '-' {
		v = -v
	}
	for end < len(s) && isCSpace(s[end]) {
		end++
	}
	return v, end == len(s)
}

func isRangeError(err error) bool {
	ne, ok := err.(*strconv.NumError)
	return ok && ne.Err == strconv.ErrRange
}

// scanSpecial recognises inf, infinity and nan (optionally nan(n-char-seq))
// at s[i:], returning the end of the longest match.
func scanSpecial(s string, i int) (int, bool) {
	rest := strings.ToLower(s[i:])
	switch {
	case strings.HasPrefix(rest, "infinity"):
		return i + 8, true
	case strings.HasPrefix(rest, "inf"):
		return i + 3, true
	case strings.HasPrefix(rest, "nan"):
		end := i + 3
		if end < len(s) && s[end] == '(' {
			j := end + 1
			for j < len(s) && (isAlnum(s[j]) || s[j] == '_') {
				j++
			}
			if j < len(s) && s[j] == ')' {
				end = j + 1
			}
		}
		return end, true
	}
	return i, false
}

func specialValue(word string) float64 {
	if (word[0] | 0x20) == 'n' {
		// The quiet NaN C's strtod returns; math.NaN has another payload.
		return math.Float64frombits(0x7ff8000000000000)
	}
	return math.Inf(1)
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isHexDigit(c byte) bool {
	return isDigit(c) || (c|0x20 >= 'a' && c|0x20 <= 'f')
}

func isAlnum(c byte) bool {
	return isDigit(c) || (c|0x20 >= 'a' && c|0x20 <= 'z')
}

// scanDecimal returns the end of the longest decimal number at s[i:]; at
// least one mantissa digit is required, and an exponent counts only when it
// has digits.
func scanDecimal(s string, i int) (int, bool) {
	digits := 0
	for i < len(s) && isDigit(s[i]) {
		i++
		digits++
	}
	if i < len(s) && s[i] == '.' {
		i++
		for i < len(s) && isDigit(s[i]) {
			i++
			digits++
		}
	}
	if digits == 0 {
		return i, false
	}
	return scanExponent(s, i, 'e'), true
}

// scanHex is scanDecimal for the digits after "0x", with a binary "p"
// exponent.
func scanHex(s string, i int) (int, bool) {
	digits := 0
	for i < len(s) && isHexDigit(s[i]) {
		i++
		digits++
	}
	if i < len(s) && s[i] == '.' {
		i++
		for i < len(s) && isHexDigit(s[i]) {
			i++
			digits++
		}
	}
	if digits == 0 {
		return i, false
	}
	return scanExponent(s, i, 'p'), true
}

func scanExponent(s string, i int, mark byte) int {
	if i >= len(s) || s[i]|0x20 != mark {
		return i
	}
	j := i + 1
	if j < len(s) && (s[j] == '+' || s[j] == '-') {
		j++
	}
	if j >= len(s) || !isDigit(s[j]) {
		return i
	}
	for j < len(s) && isDigit(s[j]) {
		j++
	}
	return j
}

// parseHex converts already validated hexadecimal digits (with optional
// fraction and p exponent) with correct rounding.
func parseHex(body string) float64 {
	if !strings.ContainsAny(body, "pP") {
		body += "p0"
	}
	f, err := strconv.ParseFloat("0x"+body, 64)
	if err != nil && !isRangeError(err) {
		return 0
	}
	return f
}

// formatNumber renders a number as Luau's tostring does: the shortest digits
// that round-trip, in fixed notation when the decimal point falls within
// [-5, 21] digits of the first digit and in d.ddde+XX notation otherwise;
// "inf", "-inf", "nan" and "-0" are spelled like that.
func formatNumber(f float64) string {
	switch {
	case f != f:
		return "nan"
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	case f == 0:
		if math.Signbit(f) {
			return "-0"
		}
		return "0"
	}
	sign := ""
	if f < 0 {
		sign = "-"
		f = -f
	}
	// 'e' with precision -1 gives the shortest round-trip digits d.ddde±x.
	e := strconv.FormatFloat(f, 'e', -1, 64)
	mant, expText, _ := strings.Cut(e, "e")
	digits := strings.Replace(mant, ".", "", 1)
	exp, _ := strconv.Atoi(expText)
	dot := exp + 1 // position of the decimal point relative to the digits
	var b strings.Builder
	b.WriteString(sign)
	switch {
	case dot >= -5 && dot <= 0:
		b.WriteString("0.")
		b.WriteString(strings.Repeat("0", -dot))
		b.WriteString(digits)
	case dot > 0 && dot <= 21:
		if dot >= len(digits) {
			b.WriteString(digits)
			b.WriteString(strings.Repeat("0", dot-len(digits)))
		} else {
			b.WriteString(digits[:dot])
			b.WriteByte('.')
			b.WriteString(digits[dot:])
		}
	default:
		b.WriteByte(digits[0])
		if len(digits) > 1 {
			b.WriteByte('.')
			b.WriteString(digits[1:])
		}
		x := dot - 1
		b.WriteByte('e')
		if x < 0 {
			b.WriteByte('-')
			x = -x
		} else {
			b.WriteByte('+')
		}
		if x < 10 {
			b.WriteByte('0')
		}
		b.WriteString(strconv.Itoa(x))
	}
	return b.String()
}
