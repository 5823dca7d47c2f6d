package semantic

import (
	"math"
	"strconv"
	"strings"
)

// This file reads the values of literals, so that constants can flow into
// sizes, offsets and written values. A literal it cannot read exactly
// (malformed escapes, LuaJIT's 64-bit integer suffixes) is simply not a
// constant: the analyzer then knows less, never something wrong.

// NumberValue returns the value of a Lua numeric literal (decimal, hex with
// an optional binary exponent, Luau's 0b and '_' separators).
func NumberValue(raw string) (float64, bool) {
	s := strings.ReplaceAll(raw, "_", "")
	lower := strings.ToLower(s)
	if strings.HasSuffix(lower, "ll") || strings.HasSuffix(lower, "i") {
		return 0, false // LuaJIT cdata and imaginary literals are not Lua numbers
	}
	if strings.HasPrefix(lower, "0b") {
		v, err := strconv.ParseUint(s[2:], 2, 64)
		return float64(v), err == nil
	}
	if strings.HasPrefix(lower, "0x") {
		if !strings.ContainsAny(lower, ".p") {
			// Lua wraps hex integers modulo 2^64; keep to the exact range.
			v, err := strconv.ParseUint(s[2:], 16, 64)
			return float64(v), err == nil
		}
		if !strings.Contains(lower, "p") {
			s += "p0"
		}
		v, err := strconv.ParseFloat(s, 64)
		return v, err == nil
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil && !math.IsInf(v, 0) {
		return 0, false
	}
	return v, true
}

// StringValue decodes a Lua string literal with its quotes or long
// brackets. It reports false for escapes it does not know.
func StringValue(raw string) (string, bool) {
	if len(raw) >= 2 && raw[0] == '[' {
		i := strings.IndexByte(raw[1:], '[')
		if i < 0 {
			return "", false
		}
		level := i
		body := raw[level+2:]
		closeLen := level + 2
		if len(body) < closeLen {
			return "", false
		}
		body = body[:len(body)-closeLen]
		// A newline right after the opening bracket is skipped.
		if strings.HasPrefix(body, "\r\n") || strings.HasPrefix(body, "\n\r") {
			body = body[2:]
		} else if strings.HasPrefix(body, "\n") || strings.HasPrefix(body, "\r") {
			body = body[1:]
		}
		return body, true
	}
	if len(raw) < 2 || (raw[0] != '"' && raw[0] != '\'' && raw[0] != '`') || raw[len(raw)-1] != raw[0] {
		return "", false
	}
	body := raw[1 : len(raw)-1]
	if !strings.ContainsRune(body, '\\') {
		return body, true
	}
	var b strings.Builder
	for i := 0; i < len(body); i++ {
		c := body[i]
		if c != '\\' {
			b.WriteByte(c)
			continue
		}
		i++
		if i >= len(body) {
			return "", false
		}
		switch c = body[i]; c {
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteByte('\t')
		case 'r':
			b.WriteByte('\r')
		case 'a':
			b.WriteByte('\a')
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'v':
			b.WriteByte('\v')
		case '\\', '"', '\'', '\n':
			b.WriteByte(c)
		case 'x':
			if i+3 > len(body) {
				return "", false
			}
			v, err := strconv.ParseUint(body[i+1:i+3], 16, 8)
			if err != nil {
				return "", false
			}
			b.WriteByte(byte(v))
			i += 2
		default:
			if c < '0' || c > '9' {
				return "", false // \z, \u{...}: rare in buffer code, not decoded
			}
			j := i
			for j < len(body) && j < i+3 && body[j] >= '0' && body[j] <= '9' {
				j++
			}
			v, err := strconv.Atoi(body[i:j])
			if err != nil || v > 255 {
				return "", false
			}
			b.WriteByte(byte(v))
			i = j - 1
		}
	}
	return b.String(), true
}
