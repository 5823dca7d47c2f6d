package host

import (
	"io"
	"math"

	lua "github.com/yuin/gopher-lua"

	"github.com/buflsp/buflsp/runtime/buffer"
	"github.com/buflsp/buflsp/runtime/ljcompat"
)

// installCompat replaces the functions whose number formatting differs
// between gopher-lua (Go's fmt) and LuaJIT (%.14g, "nan", "-0", ...):
// tostring, print, string.format and io.write. print and io.write go to out.
func installCompat(L *lua.LState, libs Libs, out io.Writer) {
	if libs&LibBase != 0 {
		L.SetGlobal("tostring", L.NewFunction(luaToString))
		L.SetGlobal("print", L.NewFunction(func(L *lua.LState) int { return luaPrint(L, out) }))
	}
	if libs&LibString != 0 {
		if str, ok := L.GetGlobal("string").(*lua.LTable); ok {
			str.RawSetString("format", L.NewFunction(luaFormat))
			str.RawSetString("rep", L.NewFunction(func(L *lua.LState) int { return ljcompat.StringRep(L, nil) }))
			str.RawSetString("char", L.NewFunction(ljcompat.Char))
			str.RawSetString("sub", L.NewFunction(ljcompat.StringSub))
			ljcompat.InstallPatterns(L, str)
			str.RawSetString("byte", L.NewFunction(ljcompat.StringByte))
		}
	}
	// gopher-lua's versions of these fail with Go's texts or Go's limits
	// (ljcompat/baselib.go).
	if libs&LibBase != 0 {
		L.SetGlobal("unpack", L.NewFunction(ljcompat.Unpack))
		L.SetGlobal("select", L.NewFunction(ljcompat.Select))
		L.SetGlobal("tonumber", L.NewFunction(ljcompat.Tonumber))
	}
	if libs&LibTable != 0 {
		if t, ok := L.GetGlobal("table").(*lua.LTable); ok {
			t.RawSetString("concat", L.NewFunction(ljcompat.TableConcat))
		}
	}
	if libs&LibMath != 0 {
		if m, ok := L.GetGlobal("math").(*lua.LTable); ok {
			m.RawSetString("random", L.NewFunction(ljcompat.Random))
			ljcompat.WrapMath(L, m)
			m.RawSetString("log", L.NewFunction(ljcompat.MathLog))
			m.RawSetString("ldexp", L.NewFunction(ljcompat.MathLdexp))
			m.RawSetString("modf", L.NewFunction(ljcompat.MathModf))
			m.RawSetString("max", L.NewFunction(ljcompat.MathMinMax(true)))
			m.RawSetString("min", L.NewFunction(ljcompat.MathMinMax(false)))
			// gopher-lua's math.huge is math.MaxFloat64, not infinity.
			m.RawSetString("huge", lua.LNumber(math.Inf(1)))
		}
	}
	if libs&LibIO != 0 {
		if iot, ok := L.GetGlobal("io").(*lua.LTable); ok {
			iot.RawSetString("write", L.NewFunction(func(L *lua.LState) int { return luaWrite(L, out) }))
		}
	}
}

func luaToString(L *lua.LState) int {
	if L.GetTop() < 1 {
		ljcompat.ArgError(L, 1, "value expected")
	}
	L.Push(ljcompat.ToValue(L, L.Get(1)))
	return 1
}

// luaPrint writes its arguments separated by tabs; like Lua 5.1 it converts
// them with the global tostring, so a script that replaces tostring sees its
// replacement used.
func luaPrint(L *lua.LState, out io.Writer) int {
	tostr := L.GetGlobal("tostring")
	line := make([]byte, 0, 64)
	for i := 1; i <= L.GetTop(); i++ {
		if i > 1 {
			line = append(line, '\t')
		}
		L.Push(tostr)
		L.Push(L.Get(i))
		L.Call(1, 1)
		var s string
		switch v := L.Get(-1).(type) {
		case lua.LString:
			s = string(v)
		case lua.LNumber:
			s = ljcompat.FormatNumber(float64(v))
		default:
			ljcompat.Raise(L, "'tostring' must return a string to 'print'")
		}
		L.Pop(1)
		line = append(line, s...)
	}
	line = append(line, '\n')
	out.Write(line)
	return 0
}

// byteSink collects string.format output.
type byteSink struct{ b []byte }

func (s *byteSink) Write(p []byte) (int, error) {
	s.b = append(s.b, p...)
	return len(p), nil
}

func (s *byteSink) WriteString(str string) (int, error) {
	s.b = append(s.b, str...)
	return len(str), nil
}

func luaFormat(L *lua.LState) int {
	var out byteSink
	f := ljcompat.Formatter{Bytes: bufferBytes}
	f.Format(L, &out, 1)
	L.Push(lua.LString(out.b))
	return 1
}

func bufferBytes(v lua.LValue) ([]byte, bool) {
	if b, ok := buffer.To(v); ok && b.Valid() == nil {
		return b.Bytes(), true
	}
	return nil, false
}

// luaWrite is io.write: strings as they are, numbers in LuaJIT's format,
// string.buffer objects by their bytes (LuaJIT accepts them too).
func luaWrite(L *lua.LState, out io.Writer) int {
	for i := 1; i <= L.GetTop(); i++ {
		switch v := L.Get(i).(type) {
		case lua.LString:
			io.WriteString(out, string(v))
		case lua.LNumber:
			io.WriteString(out, ljcompat.FormatNumber(float64(v)))
		default:
			if b, ok := bufferBytes(v); ok {
				out.Write(b)
				continue
			}
			ljcompat.TypeError(L, i, "string")
		}
	}
	// The Debian luajit's io.write returns true, not the file.
	L.Push(lua.LTrue)
	return 1
}
