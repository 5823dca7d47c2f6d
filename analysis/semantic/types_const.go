package semantic

import (
	"math"
	"strconv"
	"strings"

	"github.com/buflsp/buflsp/analysis/syntax"
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
// brackets; it is syntax.StringValue, kept here for the rules that read
// constants through this package.
func StringValue(raw string) (string, bool) { return syntax.StringValue(raw) }
