package luaustd

import (
	lua "github.com/yuin/gopher-lua"

	"github.com/buflsp/buflsp/runtime/buffer/luau"
)

// Luau's utf8 library is Lua 5.3's: strict UTF-8 up to U+10FFFF, surrogates
// rejected, positions in bytes with negative ones counted from the end.

const maxUTF = 0x10FFFF

// decode reads one UTF-8 sequence at s[i:]; ok is false for an invalid one.
func decode(s string, i int) (r rune, size int, ok bool) {
	c := s[i]
	if c < 0x80 {
		return rune(c), 1, true
	}
	var n int
	var min rune
	switch {
	case c >= 0xF0 && c <= 0xF7:
		n, r, min = 3, rune(c&0x07), 0x10000
	case c >= 0xE0:
		n, r, min = 2, rune(c&0x0F), 0x800
	case c >= 0xC0:
		n, r, min = 1, rune(c&0x1F), 0x80
	default:
		return 0, 0, false
	}
	if c > 0xF7 {
		return 0, 0, false
	}
	for k := 1; k <= n; k++ {
		if i+k >= len(s) || s[i+k]&0xC0 != 0x80 {
			return 0, 0, false
		}
		r = r<<6 | rune(s[i+k]&0x3F)
	}
	if r < min || r > maxUTF || (r >= 0xD800 && r <= 0xDFFF) {
		return 0, 0, false
	}
	return r, n + 1, true
}

// encode appends the UTF-8 form of r.
func encode(dst []byte, r rune) []byte {
	switch {
	case r < 0x80:
		return append(dst, byte(r))
	case r < 0x800:
		return append(dst, 0xC0|byte(r>>6), 0x80|byte(r&0x3F))
	case r < 0x10000:
		return append(dst, 0xE0|byte(r>>12), 0x80|byte(r>>6&0x3F), 0x80|byte(r&0x3F))
	}
	return append(dst, 0xF0|byte(r>>18), 0x80|byte(r>>12&0x3F), 0x80|byte(r>>6&0x3F), 0x80|byte(r&0x3F))
}

// position turns a 1-based, possibly negative position into a 1-based one.
func position(pos, n int) int {
	if pos >= 0 {
		return pos
	}
	if -pos > n {
		return 0
	}
	return n + pos + 1
}

func utf8Funcs() map[string]lua.LGFunction {
	return map[string]lua.LGFunction{
		"char": func(L *lua.LState) int {
			var out []byte
			for i := 1; i <= L.GetTop(); i++ {
				c := luau.CheckNumber(L, i, "char")
				if c < 0 || c > maxUTF {
					luau.ArgError(L, i, "char", "value out of range")
				}
				out = encode(out, rune(c))
			}
			L.Push(lua.LString(out))
			return 1
		},
		"codepoint": func(L *lua.LState) int {
			s := luau.CheckString(L, 1, "codepoint")
			i := position(optInt(L, 2, "codepoint", 1), len(s))
			j := position(optInt(L, 3, "codepoint", i), len(s))
			if i < 1 {
				luau.ArgError(L, 2, "codepoint", "out of range")
			}
			if j > len(s) {
				luau.ArgError(L, 3, "codepoint", "out of range")
			}
			n := 0
			for p := i - 1; p < j; {
				r, size, ok := decode(s, p)
				if !ok {
					luau.Raise(L, "invalid UTF-8 code")
				}
				L.Push(lua.LNumber(r))
				n++
				p += size
			}
			return n
		},
		"len": func(L *lua.LState) int {
			s := luau.CheckString(L, 1, "len")
			i := position(optInt(L, 2, "len", 1), len(s))
			j := position(optInt(L, 3, "len", -1), len(s))
			if i < 1 || i > len(s)+1 {
				luau.ArgError(L, 2, "len", "initial position out of string")
			}
			if j > len(s) {
				luau.ArgError(L, 3, "len", "final position out of string")
			}
			n := 0
			for p := i - 1; p < j; {
				_, size, ok := decode(s, p)
				if !ok {
					L.Push(lua.LNil)
					L.Push(lua.LNumber(p + 1))
					return 2
				}
				p += size
				n++
			}
			L.Push(lua.LNumber(n))
			return 1
		},
		"offset": func(L *lua.LState) int {
			s := luau.CheckString(L, 1, "offset")
			n := checkInt(L, 2, "offset")
			def := 1
			if n < 0 {
				def = len(s) + 1
			}
			i := position(optInt(L, 3, "offset", def), len(s)) - 1
			if i < 0 || i > len(s) {
				luau.ArgError(L, 3, "offset", "position out of range")
			}
			cont := func(p int) bool { return p < len(s) && s[p]&0xC0 == 0x80 }
			if n == 0 {
				for i > 0 && cont(i) {
					i--
				}
				L.Push(lua.LNumber(i + 1))
				return 1
			}
			if cont(i) {
				luau.Raise(L, "initial position is a continuation byte")
			}
			if n < 0 {
				for n < 0 && i > 0 {
					i--
					for i > 0 && cont(i) {
						i--
					}
					n++
				}
			} else {
				n--
				for n > 0 && i < len(s) {
					i++
					for cont(i) {
						i++
					}
					n--
				}
			}
			if n == 0 {
				L.Push(lua.LNumber(i + 1))
			} else {
				L.Push(lua.LNil)
			}
			return 1
		},
		"codes": func(L *lua.LState) int {
			luau.CheckString(L, 1, "codes")
			L.Push(L.NewFunction(codesNext))
			L.Push(L.Get(1))
			L.Push(lua.LNumber(0))
			return 3
		},
	}
}

// codesNext is the iterator of utf8.codes.
func codesNext(L *lua.LState) int {
	s := luau.CheckString(L, 1, "codes")
	i := checkInt(L, 2, "codes")
	if i > 0 {
		i--
		for i++; i < len(s) && s[i]&0xC0 == 0x80; i++ {
		}
	}
	if i >= len(s) {
		return 0
	}
	r, _, ok := decode(s, i)
	if !ok {
		luau.Raise(L, "invalid UTF-8 code")
	}
	L.Push(lua.LNumber(i + 1))
	L.Push(lua.LNumber(r))
	return 2
}
