package ljcompat

import (
	"strings"

	lua "github.com/yuin/gopher-lua"
)

// InstallPatterns replaces string.find, match, gmatch and gsub in str
// with versions that use the matcher of pattern.go.
func InstallPatterns(L *lua.LState, str *lua.LTable) {
	str.RawSetString("find", L.NewFunction(func(L *lua.LState) int { return strFind(L, true) }))
	str.RawSetString("match", L.NewFunction(func(L *lua.LState) int { return strFind(L, false) }))
	str.RawSetString("gmatch", L.NewFunction(strGmatch))
	str.RawSetString("gsub", L.NewFunction(strGsub))
}

// startAt is Lua 5.1's handling of find's init: negative from the end,
// then clamped to 0..len (0-based).
func startAt(L *lua.LState, n, ls int) int {
	init := optInt32(L, n, 1)
	if init < 0 {
		init += ls + 1
	}
	init--
	if init < 0 {
		init = 0
	} else if init > ls {
		init = ls
	}
	return init
}

func strFind(L *lua.LState, find bool) int {
	s, p := checkStr(L, 1), checkStr(L, 2)
	init := startAt(L, 3, len(s))
	if find && lua.LVAsBool(L.Get(4)) {
		if i := strings.Index(s[init:], p); i >= 0 {
			L.Push(lua.LNumber(init + i + 1))
			L.Push(lua.LNumber(init + i + len(p)))
			return 2
		}
		L.Push(lua.LNil)
		return 1
	}
	ms := &matchState{L: L, src: s}
	anchor := strings.HasPrefix(p, "^")
	if anchor {
		p = p[1:]
	}
	ms.pat = p
	for s1 := init; ; s1++ {
		ms.level = 0
		if e := ms.match(s1, 0); e != -1 {
			if find {
				L.Push(lua.LNumber(s1 + 1))
				L.Push(lua.LNumber(e))
				return ms.pushCaptures(-1, 0, false) + 2
			}
			return ms.pushCaptures(s1, e, true)
		}
		if anchor || s1 >= len(s) {
			break
		}
	}
	L.Push(lua.LNil)
	return 1
}

func strGmatch(L *lua.LState) int {
	s, p := checkStr(L, 1), checkStr(L, 2)
	pos := 0
	L.Push(L.NewFunction(func(L *lua.LState) int {
		ms := &matchState{L: L, src: s, pat: p}
		for ; pos <= len(s); pos++ {
			ms.level = 0
			if e := ms.match(pos, 0); e != -1 {
				start := pos
				if e == pos {
					pos++ // an empty match: move on
				} else {
					pos = e
				}
				return ms.pushCaptures(start, e, true)
			}
		}
		return 0
	}))
	return 1
}

func strGsub(L *lua.LState) int {
	src, p := checkStr(L, 1), checkStr(L, 2)
	repl := L.Get(3)
	switch repl.(type) {
	case lua.LString, lua.LNumber, *lua.LTable, *lua.LFunction:
	default:
		ArgError(L, 3, "string/function/table expected")
	}
	maxN := optInt32(L, 4, len(src)+1)
	anchor := strings.HasPrefix(p, "^")
	if anchor {
		p = p[1:]
	}
	ms := &matchState{L: L, src: src, pat: p}
	var b strings.Builder
	s, n := 0, 0
	for n < maxN {
		ms.level = 0
		e := ms.match(s, 0)
		if e != -1 {
			n++
			gsubValue(ms, &b, s, e, repl)
		}
		switch {
		case e != -1 && e > s:
			s = e
		case s < len(src):
			b.WriteByte(src[s])
			s++
		default:
			goto done
		}
		if anchor {
			break
		}
	}
done:
	b.WriteString(src[min(s, len(src)):])
	L.Push(lua.LString(b.String()))
	L.Push(lua.LNumber(n))
	return 2
}

func gsubValue(ms *matchState, b *strings.Builder, s, e int, repl lua.LValue) {
	L := ms.L
	var v lua.LValue
	switch r := repl.(type) {
	case lua.LString, lua.LNumber:
		text := lua.LVAsString(r)
		if n, ok := r.(lua.LNumber); ok {
			text = FormatNumber(float64(n))
		}
		for i := 0; i < len(text); i++ {
			c := text[i]
			if c != '%' || i+1 >= len(text) {
				b.WriteByte(c)
				continue
			}
			i++
			d := text[i]
			switch {
			case d == '0':
				b.WriteString(ms.src[s:e])
			case d >= '1' && d <= '9':
				b.WriteString(lua.LVAsString(valueText(ms.captureValue(int(d-'1'), s, e))))
			default:
				b.WriteByte(d)
			}
		}
		return
	case *lua.LTable:
		v = L.GetTable(r, ms.captureValue(0, s, e))
	case *lua.LFunction:
		L.Push(r)
		n := ms.pushCaptures(s, e, true)
		L.Call(n, 1)
		v = L.Get(-1)
		L.Pop(1)
	}
	switch x := v.(type) {
	case *lua.LNilType:
		b.WriteString(ms.src[s:e])
	case lua.LBool:
		if !x {
			b.WriteString(ms.src[s:e])
			return
		}
		Raise(L, "invalid replacement value (a boolean)")
	case lua.LString:
		b.WriteString(string(x))
	case lua.LNumber:
		b.WriteString(FormatNumber(float64(x)))
	default:
		Raise(L, "invalid replacement value (a "+v.Type().String()+")")
	}
}

func valueText(v lua.LValue) lua.LValue {
	if n, ok := v.(lua.LNumber); ok {
		return lua.LString(FormatNumber(float64(n)))
	}
	return v
}
