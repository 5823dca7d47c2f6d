package sandbox

import (
	"errors"
	"strings"

	lua "github.com/yuin/gopher-lua"

	"github.com/buflsp/buflsp/runtime/host"
)

// binaryChunkSignature starts every precompiled Lua chunk (ESC 'L' 'u' 'a' in
// PUC Lua, ESC 'L' 'J' in LuaJIT). Bytecode can break the VM's invariants, so
// the sandbox only ever compiles source text.
const binaryChunkSignature = "\x1b"

// load accepts a string or a reader function like LuaJIT's load, plus the
// chunk name and an optional environment table (4th argument; the 3rd, the
// mode, may only allow text).
func (r *run) load(L *lua.LState) int {
	var src string
	switch c := L.Get(1).(type) {
	case lua.LString:
		src = string(c)
	case *lua.LFunction:
		var ok bool
		src, ok = host.ReadPieces(L, c, func(n int) { r.checkAlloc("load", float64(n)) })
		if !ok {
			L.Push(lua.LNil)
			L.Push(lua.LString(host.ReaderError))
			return 2
		}
	default:
		L.ArgError(1, "string or function expected, got "+L.Get(1).Type().String())
	}
	name := L.OptString(2, src)
	if mode := L.OptString(3, "bt"); !strings.Contains(mode, "t") && !strings.HasPrefix(src, binaryChunkSignature) {
		L.Push(lua.LNil)
		L.Push(lua.LString("attempt to load a text chunk (mode is '" + mode + "')"))
		return 2
	}
	return r.compile(L, src, name, L.Get(4))
}

// loadstring is Lua 5.1's loadstring(s [, chunkname]).
func (r *run) loadstring(L *lua.LState) int {
	src := L.CheckString(1)
	return r.compile(L, src, L.OptString(2, src), lua.LNil)
}

// compile pushes the compiled function, or nil and a message, as load does.
func (r *run) compile(L *lua.LState, src, name string, env lua.LValue) int {
	if strings.HasPrefix(src, binaryChunkSignature) {
		L.Push(lua.LNil)
		L.Push(lua.LString("attempt to load a binary chunk: the sandbox only loads Lua source text"))
		return 2
	}
	label := host.ChunkLabel(name)
	fn, err := host.Compile(L, r.opts.Frontend, []byte(src), label)
	if err != nil {
		L.Push(lua.LNil)
		var se *host.SyntaxError
		var api *lua.ApiError
		switch {
		case errors.As(err, &api) && errors.As(api.Cause, &se):
			L.Push(lua.LString(se.Error()))
		default:
			// gopher-lua's parser: report it the way Lua does, "name:line: message".
			line, msg := parseSyntaxError(label, err.Error(), 1+strings.Count(src, "\n"))
			L.Push(lua.LString(label + ":" + itoa(line) + ": " + msg))
		}
		return 2
	}
	if t, ok := env.(*lua.LTable); ok {
		fn.Env = t
	}
	L.Push(fn)
	return 1
}
