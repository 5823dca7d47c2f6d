package luaustd

import (
	"io"
	"math"

	lua "github.com/yuin/gopher-lua"

	"github.com/buflsp/buflsp/runtime/buffer/luau"
	"github.com/buflsp/buflsp/runtime/ljcompat"
)

// Open turns the globals of L into Luau's: it replaces and adds functions
// and removes the ones Luau does not have. print writes to out. L must
// already have the base, string, table, math and coroutine libraries.
func Open(L *lua.LState, out io.Writer) {
	g := L.G.Global
	s := &state{frozen: map[*lua.LTable]bool{}}
	L.SetFuncs(g, map[string]lua.LGFunction{
		"type":     luauType,
		"typeof":   typeOf,
		"tostring": toString,
		"print":    func(L *lua.LState) int { return print(L, out) },
		"rawlen":   rawLen,
		"gcinfo":   gcInfo,
		"tonumber": toNumber,
	})
	g.RawSetString("_VERSION", lua.LString("Luau"))
	// Luau has none of these: no file loading, no module system of Lua 5.1,
	// no LuaJIT extensions.
	for _, name := range []string{"load", "dofile", "loadfile", "module", "bit", "package", "io", "_printregs", "channel"} {
		g.RawSetString(name, lua.LNil)
	}
	if os, ok := g.RawGetString("os").(*lua.LTable); ok {
		// Luau's os has clock, date, difftime and time only.
		keep := map[string]bool{"clock": true, "date": true, "difftime": true, "time": true}
		os.ForEach(func(k, _ lua.LValue) {
			if name, ok := k.(lua.LString); ok && !keep[string(name)] {
				os.RawSetString(string(name), lua.LNil)
			}
		})
	}
	if tbl, ok := g.RawGetString("table").(*lua.LTable); ok {
		L.SetFuncs(tbl, s.tableFuncs())
		g.RawSetString("unpack", tbl.RawGetString("unpack"))
	}
	if str, ok := g.RawGetString("string").(*lua.LTable); ok {
		L.SetFuncs(str, map[string]lua.LGFunction{
			"format":   format,
			"split":    split,
			"rep":      rep,
			"pack":     strPack,
			"unpack":   strUnpack,
			"packsize": strPackSize,
		})
		str.RawSetString("gfind", lua.LNil)
		str.RawSetString("dump", lua.LNil)
	}
	if m, ok := g.RawGetString("math").(*lua.LTable); ok {
		L.SetFuncs(m, mathFuncs())
		m.RawSetString("mod", lua.LNil)
		// gopher-lua has the largest finite number there.
		m.RawSetString("huge", lua.LNumber(math.Inf(1)))
	}
	if co, ok := g.RawGetString("coroutine").(*lua.LTable); ok {
		L.SetFuncs(co, map[string]lua.LGFunction{
			"isyieldable": isYieldable,
			"close":       closeCoroutine,
		})
	}
	g.RawSetString("bit32", L.SetFuncs(L.NewTable(), bit32Funcs()))
	utf8 := L.SetFuncs(L.NewTable(), utf8Funcs())
	utf8.RawSetString("charpattern", lua.LString("[\x00-\x7F\xC2-\xF4][\x80-\xBF]*"))
	g.RawSetString("utf8", utf8)
}

// state is what the library keeps per Lua state.
type state struct {
	// frozen holds the tables table.freeze froze. gopher-lua cannot make a
	// table read-only, so freezing is recorded but writes are not refused
	// (docs/divergences.md).
	frozen map[*lua.LTable]bool
}

// typeName is Luau's type(v).
func typeName(v lua.LValue) string {
	if luau.Is(v) {
		return "buffer"
	}
	return v.Type().String()
}

func luauType(L *lua.LState) int {
	if L.GetTop() < 1 {
		luau.TypeError(L, 1, "type", "value")
	}
	L.Push(lua.LString(typeName(L.Get(1))))
	return 1
}

// typeOf is typeof(v): type(v), except for userdata whose metatable names a
// type in __type.
func typeOf(L *lua.LState) int {
	if L.GetTop() < 1 {
		luau.TypeError(L, 1, "typeof", "value")
	}
	v := L.Get(1)
	if ud, ok := v.(*lua.LUserData); ok && !luau.Is(v) {
		if mt, ok := ud.Metatable.(*lua.LTable); ok {
			if name, ok := mt.RawGetString("__type").(lua.LString); ok {
				L.Push(name)
				return 1
			}
		}
	}
	L.Push(lua.LString(typeName(v)))
	return 1
}

// ToString converts v as Luau's luaL_tolstring does: __tostring first
// (which must return a string), numbers in Luau's format, otherwise the
// type and an address.
func ToString(L *lua.LState, v lua.LValue) string {
	if mt := L.GetMetaField(v, "__tostring"); mt != lua.LNil {
		L.Push(mt)
		L.Push(v)
		L.Call(1, 1)
		res := L.Get(-1)
		L.Pop(1)
		if s, ok := res.(lua.LString); ok {
			return string(s)
		}
		luau.Raise(L, "'__tostring' must return a string")
	}
	switch x := v.(type) {
	case lua.LNumber:
		return luau.FormatNumber(float64(x))
	case lua.LString:
		return string(x)
	case *lua.LNilType:
		return "nil"
	case lua.LBool:
		if x {
			return "true"
		}
		return "false"
	}
	return typeName(v) + ": " + address(v)
}

func toString(L *lua.LState) int {
	if L.GetTop() < 1 {
		luau.TypeError(L, 1, "tostring", "value")
	}
	L.Push(lua.LString(ToString(L, L.Get(1))))
	return 1
}

// print writes its arguments separated by tabs, converted as tostring does
// (Luau's print does not look up the global tostring).
func print(L *lua.LState, out io.Writer) int {
	line := make([]byte, 0, 64)
	for i := 1; i <= L.GetTop(); i++ {
		if i > 1 {
			line = append(line, '\t')
		}
		line = append(line, ToString(L, L.Get(i))...)
	}
	line = append(line, '\n')
	out.Write(line)
	return 0
}

func rawLen(L *lua.LState) int {
	switch v := L.Get(1).(type) {
	case *lua.LTable:
		L.Push(lua.LNumber(v.Len()))
	case lua.LString:
		L.Push(lua.LNumber(len(v)))
	default:
		luau.ArgError(L, 1, "rawlen", "table or string expected")
	}
	return 1
}

// gcInfo returns the heap size in KiB; gopher-lua shares Go's heap, so it is
// an estimate, as the value of Luau's is to a script.
func gcInfo(L *lua.LState) int {
	L.Push(lua.LNumber(heapKiB()))
	return 1
}

// format is Luau's string.format.
func format(L *lua.LState) int {
	var out sink
	f := ljcompat.Formatter{Luau: &ljcompat.LuauFormat{
		Number:    luau.FormatNumber,
		ToString:  ToString,
		Raise:     luau.Raise,
		TypeError: luau.TypeError,
	}}
	f.Format(L, &out, 1)
	L.Push(lua.LString(out))
	return 1
}

// sink collects string.format output.
type sink []byte

func (s *sink) Write(p []byte) (int, error) {
	*s = append(*s, p...)
	return len(p), nil
}

func (s *sink) WriteString(str string) (int, error) {
	*s = append(*s, str...)
	return len(str), nil
}
