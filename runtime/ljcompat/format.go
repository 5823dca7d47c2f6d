package ljcompat

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	lua "github.com/yuin/gopher-lua"
)

// Sink receives formatted output. Writing straight into the destination
// matters: LuaJIT's putf is not atomic, so text produced before a failing
// conversion must already be in the buffer when the error is raised.
type Sink interface {
	Write(p []byte) (int, error)
	WriteString(s string) (int, error)
}

// Formatter is LuaJIT's string.format engine. Bytes, when set, recognises
// values whose raw bytes %s prints without calling __tostring (buffers);
// Self is the destination object, which %s may not print into itself.
type Formatter struct {
	Bytes func(v lua.LValue) ([]byte, bool)
	Self  lua.LValue
	// Luau, when set, makes the engine Luau's string.format instead.
	Luau *LuauFormat
}

// LuauFormat is what Luau's string.format does differently from LuaJIT's:
// numbers print with Luau's tostring, %* prints any value as tostring does,
// %a is unknown, %s takes only strings and numbers, %q quotes the Lua 5.1
// way, and errors have Luau's words. The functions come from the Luau
// library (runtime/buffer/luau), which this package does not import.
type LuauFormat struct {
	Number    func(x float64) string
	ToString  func(L *lua.LState, v lua.LValue) string
	Raise     func(L *lua.LState, msg string)
	TypeError func(L *lua.LState, n int, fn, expected string)
}

// spec is one parsed conversion: flags, width, precision (-1 when absent)
// and the conversion letter.
type spec struct {
	minus, plus, space, alt, zero bool
	width, prec                   int
	conv                          byte
}

// Format formats the string at stack position fmtArg with the arguments that
// follow it and writes the result to out. Errors are raised as Lua errors in
// LuaJIT's wording, after the text before the failing conversion was written.
func (f *Formatter) Format(L *lua.LState, out Sink, fmtArg int) {
	format := checkFormatString(L, fmtArg)
	arg := fmtArg
	var scratch []byte
	for i := 0; i < len(format); {
		c := format[i]
		if c != '%' {
			j := i + 1
			for j < len(format) && format[j] != '%' {
				j++
			}
			out.WriteString(format[i:j])
			i = j
			continue
		}
		if i+1 < len(format) && format[i+1] == '%' {
			out.WriteString("%")
			i += 2
			continue
		}
		if lu := f.Luau; lu != nil {
			// Luau checks for the argument before it reads the option.
			arg++
			if arg > L.GetTop() {
				lu.Raise(L, fmt.Sprintf("missing argument #%d", arg))
			}
			sp, next := f.luauSpec(L, format, i+1)
			i = next
			scratch = f.convertLuau(L, scratch[:0], sp, arg)
			out.Write(scratch)
			continue
		}
		sp, next, bad, ok := parseSpec(format, i+1)
		if !ok {
			// LuaJIT's message leaves out a control character at the end.
			if n := len(bad); n > 0 && bad[n-1] < ' ' {
				bad = bad[:n-1]
			}
			Raise(L, fmt.Sprintf("invalid option '%%%s' to 'format'", bad))
		}
		i = next
		arg++
		if arg > L.GetTop() {
			ArgError(L, arg, "value expected")
		}
		scratch = f.convert(L, scratch[:0], sp, arg)
		out.Write(scratch)
	}
}

// checkFormatString accepts a string or a number (coerced like LuaJIT does).
func checkFormatString(L *lua.LState, n int) string {
	switch v := L.Get(n).(type) {
	case lua.LString:
		return string(v)
	case lua.LNumber:
		return FormatNumber(float64(v))
	}
	TypeError(L, n, "string")
	return ""
}

// parseSpec reads flags, up to two width digits, an optional point with up to
// two precision digits and the conversion letter, starting after '%'. On
// failure it returns the text LuaJIT quotes in its error.
func parseSpec(format string, i int) (spec, int, string, bool) {
	sp := spec{prec: -1}
	start := i
	i, _ = scanFlags(format, i, &sp)
	digits := 0
	for ; i < len(format) && isDigit(format[i]); i++ {
		if digits == 2 {
			return sp, 0, format[start : i+1], false
		}
		sp.width = sp.width*10 + int(format[i]-'0')
		digits++
	}
	if i < len(format) && format[i] == '.' {
		i++
		sp.prec = 0
		digits = 0
		for ; i < len(format) && isDigit(format[i]); i++ {
			if digits == 2 {
				return sp, 0, format[start : i+1], false
			}
			sp.prec = sp.prec*10 + int(format[i]-'0')
			digits++
		}
	}
	if i >= len(format) {
		return sp, 0, format[start:], false
	}
	sp.conv = format[i]
	switch sp.conv {
	case 'd', 'i', 'o', 'u', 'x', 'X', 'e', 'E', 'f', 'F', 'g', 'G', 'a', 'A', 'c', 's', 'q', 'p':
		return sp, i + 1, "", true
	}
	return sp, 0, format[start : i+1], false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// scanFlags reads the flag characters of a conversion from format[i:] into
// sp and returns where they end and how many there were.
func scanFlags(format string, i int, sp *spec) (next, count int) {
	for ; i < len(format); i++ {
		switch format[i] {
		case '-':
			sp.minus = true
		case '+':
			sp.plus = true
		case ' ':
			sp.space = true
		case '#':
			sp.alt = true
		case '0':
			sp.zero = true
		default:
			return i, count
		}
		count++
	}
	return i, count
}

// convert formats argument n according to sp.
func (f *Formatter) convert(L *lua.LState, dst []byte, sp spec, n int) []byte {
	switch sp.conv {
	case 'd', 'i':
		return appendInt(dst, sp, toInt64(checkNumber(L, n)), true)
	case 'o', 'u', 'x', 'X':
		return appendInt(dst, sp, toUint64(checkNumber(L, n)), false)
	case 'e', 'E', 'f', 'F', 'g', 'G', 'a', 'A':
		return appendFloat(dst, sp, checkNumber(L, n))
	case 'c':
		// lj_lib_checkint: out of int32 range is INT_MIN, so byte 0.
		c := byte(Int32(checkNumber(L, n)))
		return pad(dst, sp, nil, []byte{c}, false)
	case 'q':
		// LuaJIT ignores width and precision here.
		return appendQuoted(dst, L, n)
	case 'p':
		return pad(dst, sp, nil, []byte(pointerText(L.Get(n))), false)
	}
	// 's'
	body := f.stringOf(L, n)
	if sp.prec >= 0 && len(body) > sp.prec {
		body = body[:sp.prec]
	}
	return pad(dst, sp, nil, body, false)
}

// luauSpec reads a conversion the way Luau's scanformat does: at most five
// flag characters, two width digits and two precision digits, then the
// option letter. Errors name only the letter (nothing when the format ends
// after '%', as C's string ends there).
func (f *Formatter) luauSpec(L *lua.LState, format string, i int) (spec, int) {
	lu := f.Luau
	sp := spec{prec: -1}
	i, flags := scanFlags(format, i, &sp)
	if flags > 5 {
		lu.Raise(L, "invalid format (repeated flags)")
	}
	form := flags > 0
	digits := func() int {
		n, k := 0, 0
		for ; i < len(format) && isDigit(format[i]); i++ {
			if k == 2 {
				lu.Raise(L, "invalid format (width or precision too long)")
			}
			n, k = n*10+int(format[i]-'0'), k+1
			form = true
		}
		return n
	}
	sp.width = digits()
	if i < len(format) && format[i] == '.' {
		i++
		form = true
		sp.prec = digits()
	}
	if i >= len(format) {
		lu.Raise(L, "invalid option '%")
	}
	sp.conv = format[i]
	switch sp.conv {
	case 'd', 'i', 'o', 'u', 'x', 'X', 'e', 'E', 'f', 'F', 'g', 'G', 'c', 's', 'q':
	case '*':
		if form {
			lu.Raise(L, "'%*' does not take a form")
		}
	default:
		lu.Raise(L, fmt.Sprintf("invalid option '%%%c' to 'format'", sp.conv))
	}
	return sp, i + 1
}

// cUint64 is C's (unsigned long long) cast of a double as x86-64 code does
// it: below 2^63 (and NaN) through the signed conversion, whose overflow is
// 0x8000000000000000; from 2^63 up by converting x-2^63 and setting the top
// bit, so 2^64 and beyond come out as 0.
func cUint64(x float64) uint64 {
	cvt := func(v float64) uint64 {
		if v != v || v >= 1<<63 || v < -(1<<63) {
			return 1 << 63
		}
		return uint64(int64(v))
	}
	if x >= 1<<63 {
		return cvt(x-(1<<63)) ^ (1 << 63)
	}
	return cvt(x)
}

// appendCFloat formats x as C's printf does (glibc: correctly rounded, ties
// to even, "inf"/"nan" with the sign bit shown), which Luau uses.
func appendCFloat(dst []byte, sp spec, x float64) []byte {
	conv := sp.conv
	if math.IsInf(x, 0) || x != x {
		var sign []byte
		switch {
		case math.Signbit(x):
			sign = []byte{'-'}
		case sp.plus:
			sign = []byte{'+'}
		case sp.space:
			sign = []byte{' '}
		}
		body := "inf"
		if x != x {
			body = "nan"
		}
		if conv == 'E' || conv == 'F' || conv == 'G' {
			body = strings.ToUpper(body)
		}
		return pad(dst, sp, sign, []byte(body), false)
	}
	if conv == 'F' {
		conv = 'f'
	}
	var b strings.Builder
	b.WriteByte('%')
	for _, fl := range []struct {
		on bool
		c  byte
	}{{sp.minus, '-'}, {sp.plus, '+'}, {sp.space, ' '}, {sp.alt, '#'}, {sp.zero, '0'}} {
		if fl.on {
			b.WriteByte(fl.c)
		}
	}
	if sp.width > 0 {
		b.WriteString(strconv.Itoa(sp.width))
	}
	prec := sp.prec
	if prec < 0 {
		prec = 6
	}
	b.WriteByte('.')
	b.WriteString(strconv.Itoa(prec))
	b.WriteByte(conv)
	if (conv == 'g' || conv == 'G') && prec == 0 {
		// C reads a zero precision of %g as one digit.
		return appendCFloat(dst, spec{minus: sp.minus, plus: sp.plus, space: sp.space, alt: sp.alt, zero: sp.zero, width: sp.width, prec: 1, conv: sp.conv}, x)
	}
	return fmt.Appendf(dst, b.String(), x)
}

// convertLuau is convert for Luau's string.format.
func (f *Formatter) convertLuau(L *lua.LState, dst []byte, sp spec, n int) []byte {
	lu := f.Luau
	str := func() string {
		switch v := L.Get(n).(type) {
		case lua.LString:
			return string(v)
		case lua.LNumber:
			return lu.Number(float64(v))
		}
		lu.TypeError(L, n, "format", "string")
		return ""
	}
	switch sp.conv {
	case '*':
		return append(dst, lu.ToString(L, L.Get(n))...)
	case 's':
		body := str()
		if sp.prec >= 0 && len(body) > sp.prec {
			body = body[:sp.prec]
		}
		return pad(dst, sp, nil, []byte(body), false)
	case 'q':
		return appendQuoted51(dst, str())
	case 'd', 'i', 'o', 'u', 'x', 'X', 'e', 'E', 'f', 'F', 'g', 'G', 'c':
		if _, ok := L.Get(n).(lua.LNumber); !ok {
			if s, isStr := L.Get(n).(lua.LString); !isStr || !canNumber(string(s)) {
				lu.TypeError(L, n, "format", "number")
			}
		}
		if strings.IndexByte("eEfFgG", sp.conv) >= 0 {
			return appendCFloat(dst, sp, checkNumber(L, n))
		}
		if strings.IndexByte("ouxX", sp.conv) >= 0 {
			return appendInt(dst, sp, cUint64(checkNumber(L, n)), false)
		}
		if sp.conv == 'c' {
			// Luau casts to a C int: out of range (and NaN) is INT_MIN,
			// whose low byte is 0.
			v, c := checkNumber(L, n), byte(0)
			if v > -2147483649 && v < 2147483648 {
				c = byte(int32(v))
			}
			return pad(dst, sp, nil, []byte{c}, false)
		}
	}
	return f.convert(L, dst, sp, n)
}

// canNumber reports whether s converts to a number as an argument.
func canNumber(s string) bool {
	_, ok := ParseNumber(s)
	return ok
}

// appendQuoted51 is %q as Lua 5.1 and Luau write it: only '"', '\\', line
// breaks, carriage returns and NUL are escaped; other bytes stay as they are.
func appendQuoted51(dst []byte, s string) []byte {
	dst = append(dst, '"')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '"', '\\', '\n':
			dst = append(dst, '\\', c)
		case '\r':
			dst = append(dst, '\\', 'r')
		case 0:
			dst = append(dst, '\\', '0', '0', '0')
		default:
			dst = append(dst, c)
		}
	}
	return append(dst, '"')
}

// stringOf returns the text %s prints for argument n.
func (f *Formatter) stringOf(L *lua.LState, n int) []byte {
	v := L.Get(n)
	switch x := v.(type) {
	case lua.LString:
		return []byte(string(x))
	case lua.LNumber:
		return AppendNumber(nil, float64(x))
	}
	if f.Bytes != nil {
		if b, ok := f.Bytes(v); ok {
			if f.Self != nil && v == f.Self {
				// LuaJIT reports this one position too far; matching it
				// keeps messages identical.
				ArgError(L, n+1, "cannot put buffer into itself")
			}
			return b
		}
	}
	return []byte(ToString(L, v))
}

// ToValue is what LuaJIT's tostring returns for v: the result of
// __tostring as it is (LuaJIT does not check that it is a string), or the
// text of v.
func ToValue(L *lua.LState, v lua.LValue) lua.LValue {
	if mt := L.GetMetaField(v, "__tostring"); mt != lua.LNil {
		L.Push(mt)
		L.Push(v)
		L.Call(1, 1)
		res := L.Get(-1)
		L.Pop(1)
		return res
	}
	return lua.LString(plainString(v))
}

// ToString converts any value to the text LuaJIT's %s and %q write:
// tostring's result (see ToValue), itself converted without metamethods
// when __tostring returned something other than a string.
func ToString(L *lua.LState, v lua.LValue) string {
	return plainString(ToValue(L, v))
}

// plainString is the text of v without metamethods: numbers with %.14g,
// otherwise "type: address".
func plainString(v lua.LValue) string {
	switch x := v.(type) {
	case lua.LNumber:
		return FormatNumber(float64(x))
	case lua.LString:
		return string(x)
	case *lua.LNilType:
		return "nil"
	case lua.LBool:
		if x {
			return "true"
		}
		return "false"
	case *lua.LFunction:
		if x.IsG {
			return "function: builtin: " + pointerText(v)
		}
		return "function: " + pointerText(v)
	}
	return v.Type().String() + ": " + pointerText(v)
}

// pointerText is the address-like text of a reference value.
func pointerText(v lua.LValue) string {
	switch v.(type) {
	case *lua.LTable, *lua.LFunction, *lua.LUserData, *lua.LState:
		return fmt.Sprintf("%p", v)
	}
	return "NULL"
}

// checkNumber accepts numbers and numeric strings.
func checkNumber(L *lua.LState, n int) float64 {
	switch v := L.Get(n).(type) {
	case lua.LNumber:
		return float64(v)
	case lua.LString:
		if x, ok := ParseNumber(string(v)); ok {
			return x
		}
	}
	TypeError(L, n, "number")
	return 0
}

// isSpace is LuaJIT's white space: space and \t \n \v \f \r.
func isSpace(c byte) bool { return c == ' ' || (c >= '\t' && c <= '\r') }

// toInt64 truncates toward zero like a C cast on x86-64 (out-of-range values
// give the "integer indefinite" value).
func toInt64(x float64) int64 {
	if x != x || x >= 9223372036854775808.0 || x < -9223372036854775808.0 {
		return math.MinInt64
	}
	return int64(x)
}

// toUint64 follows LuaJIT's unsigned conversion: values at or above 2^63 wrap
// through the signed range.
func toUint64(x float64) uint64 {
	if x >= 9223372036854775808.0 {
		return uint64(toInt64(x - 18446744073709551616.0))
	}
	return uint64(toInt64(x))
}

// appendInt formats an integer conversion with C semantics for flags, width
// and precision.
func appendInt(dst []byte, sp spec, v any, signed bool) []byte {
	var digits []byte
	var sign []byte
	var u uint64
	if signed {
		i := v.(int64)
		if i < 0 {
			sign = []byte{'-'}
			u = uint64(-i)
		} else {
			u = uint64(i)
			if sp.plus {
				sign = []byte{'+'}
			} else if sp.space {
				sign = []byte{' '}
			}
		}
	} else {
		u = v.(uint64)
	}
	base := 10
	switch sp.conv {
	case 'o':
		base = 8
	case 'x', 'X':
		base = 16
	}
	if !(sp.prec == 0 && u == 0) {
		digits = strconv.AppendUint(nil, u, base)
	}
	if sp.conv == 'X' {
		for i, c := range digits {
			if c >= 'a' && c <= 'f' {
				digits[i] = c - 32
			}
		}
	}
	if sp.alt {
		switch {
		case sp.conv == 'o' && (len(digits) == 0 || digits[0] != '0'):
			digits = append([]byte{'0'}, digits...)
		case sp.conv == 'x' && u != 0:
			sign = append(sign, '0', 'x')
		case sp.conv == 'X' && u != 0:
			sign = append(sign, '0', 'X')
		}
	}
	for len(digits) < sp.prec {
		digits = append([]byte{'0'}, digits...)
	}
	return pad(dst, sp, sign, digits, sp.zero && sp.prec < 0)
}

// appendFloat formats e/f/g/a conversions.
func appendFloat(dst []byte, sp spec, x float64) []byte {
	upper := sp.conv >= 'A' && sp.conv <= 'Z'
	var sign []byte
	if math.Signbit(x) && !math.IsNaN(x) {
		sign = []byte{'-'}
	} else if sp.plus && !math.IsNaN(x) {
		// LuaJIT drops '+' before nan but keeps ' '.
		sign = []byte{'+'}
	} else if sp.space {
		sign = []byte{' '}
	}
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return pad(dst, sp, sign, nonFinite(nil, math.Abs(x), upper), false)
	}
	prec := sp.prec
	var body []byte
	switch sp.conv {
	case 'e', 'E':
		if prec < 0 {
			prec = 6
		}
		body = appendE(nil, x, prec, sp.alt, upper)
	case 'f', 'F':
		if prec < 0 {
			prec = 6
		}
		body = appendF(nil, x, prec, sp.alt)
	case 'g', 'G':
		if prec < 0 {
			prec = 6
		}
		body = appendGAbs(nil, math.Abs(x), prec, sp.alt, upper)
	case 'a', 'A':
		body = appendHexFloat(nil, math.Abs(x), prec, sp.alt, upper)
		// The 0x prefix goes before zero padding, like the sign.
		sign = append(sign, body[:2]...)
		body = body[2:]
	}
	return pad(dst, sp, sign, body, sp.zero)
}

// appendHexFloat formats |x| like glibc's %a: 0x1.hhhp+d with the
// shortest exact digits, or with prec digits rounded half up, where
// a carry makes the leading digit 2 (%.0a of 1.5 is 0x2p+0) instead of
// renormalizing. alt ('#') keeps the point when no digit follows it.
func appendHexFloat(dst []byte, x float64, prec int, alt, upper bool) []byte {
	bits := math.Float64bits(x)
	mant := bits & (1<<52 - 1)
	exp := int(bits>>52&0x7ff) - 1023
	lead := uint64(1)
	switch {
	case x == 0:
		lead, exp = 0, 0
	case exp == -1023:
		// glibc normalizes subnormals: 0x1p-1074, not 0x0.0000000000001p-1022.
		exp = -1022
		for mant&(1<<52) == 0 {
			mant <<= 1
			exp--
		}
		mant &= 1<<52 - 1
	}
	digits := 13
	if prec < 0 {
		for digits > 0 && mant&0xf == 0 {
			mant >>= 4
			digits--
		}
	} else if prec < 13 {
		shift := uint(52 - 4*prec)
		rem := mant & (1<<shift - 1)
		mant >>= shift
		half := uint64(1) << (shift - 1)
		if rem >= half {
			mant++
			if mant == 1<<(4*uint(prec)) {
				mant = 0
				lead++
			}
		}
		digits = prec
	}
	hex := "0123456789abcdef"
	if upper {
		hex = "0123456789ABCDEF"
	}
	dst = append(dst, '0', hex[10]+'x'-'a', hex[lead])
	if digits > 0 || prec > 0 || alt {
		dst = append(dst, '.')
	}
	for k := digits - 1; k >= 0; k-- {
		dst = append(dst, hex[mant>>(4*uint(k))&0xf])
	}
	for k := digits; k < prec; k++ {
		dst = append(dst, '0')
	}
	p := byte('p')
	if upper {
		p = 'P'
	}
	dst = append(dst, p)
	if exp >= 0 {
		dst = append(dst, '+')
	}
	return strconv.AppendInt(dst, int64(exp), 10)
}

// pad applies the width: left-justified with '-', zero-filled between sign
// and digits with '0', otherwise right-justified with spaces.
func pad(dst []byte, sp spec, sign, body []byte, zero bool) []byte {
	n := len(sign) + len(body)
	fill := sp.width - n
	switch {
	case fill <= 0:
		dst = append(dst, sign...)
		dst = append(dst, body...)
	case sp.minus:
		dst = append(dst, sign...)
		dst = append(dst, body...)
		for ; fill > 0; fill-- {
			dst = append(dst, ' ')
		}
	case zero:
		dst = append(dst, sign...)
		for ; fill > 0; fill-- {
			dst = append(dst, '0')
		}
		dst = append(dst, body...)
	default:
		for ; fill > 0; fill-- {
			dst = append(dst, ' ')
		}
		dst = append(dst, sign...)
		dst = append(dst, body...)
	}
	return dst
}

// appendQuoted implements LuaJIT's %q.
func appendQuoted(dst []byte, L *lua.LState, n int) []byte {
	var s string
	switch v := L.Get(n).(type) {
	case lua.LString:
		s = string(v)
	case lua.LNumber:
		s = FormatNumber(float64(v))
	default:
		if n > L.GetTop() {
			TypeError(L, n, "string")
		}
		// LuaJIT quotes any value's tostring text ("nil", "true", ...).
		s = ToString(L, v)
	}
	dst = append(dst, '"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			dst = append(dst, '\\', c)
		case c == '\n':
			dst = append(dst, '\\', '\n')
		case c < 32 || c == 127:
			dst = append(dst, '\\')
			if i+1 < len(s) && isDigit(s[i+1]) {
				dst = append(dst, '0'+c/100, '0'+c/10%10, '0'+c%10)
			} else {
				dst = strconv.AppendInt(dst, int64(c), 10)
			}
		default:
			dst = append(dst, c)
		}
	}
	return append(dst, '"')
}
