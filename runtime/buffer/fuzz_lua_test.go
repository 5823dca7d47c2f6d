package buffer

import (
	"errors"
	"strings"
	"testing"

	lua "github.com/yuin/gopher-lua"
)

// luaFuzzMethods and luaFuzzArgs are the vocabulary FuzzBufferLua builds
// calls from: every method, and arguments that are wrong in every way
// (negative, huge, NaN, wrong types, the buffer itself, stale views).
var luaFuzzMethods = []string{
	"put", "putf", "set", "skip", "get", "tostring", "reset", "free", "reserve", "commit", "ref",
	"putcdata", "encode", "decode", "slice", "clone", "insert", "remove", "replace", "fill",
	"find", "rfind", "split", "setlen", "capacity", "__len", "__concat",
}

var luaFuzzArgs = []string{
	"nil", "0", "1", "-1", "3", "1e10", "2^31", "-2^31", "0/0", "1/0", "-0.5", "2147483393", "65536", "'ab'", "''",
	"'%d%s'", "'%'", "{}", "b", "v", "p", "true", "print", "buffer.new()", "2^53", "'xyz,xyz'", "255",
}

// FuzzBufferLua runs random method calls on string.buffer objects and
// checks that every failure is an ordinary Lua error: a Go panic inside a
// method would surface as a panic error from gopher-lua.
func FuzzBufferLua(f *testing.F) {
	f.Add([]byte{0, 12, 1, 16, 3, 4, 14, 5, 6})
	f.Add([]byte{8, 11, 9, 2, 10, 18, 19, 20, 21})
	f.Add([]byte{14, 1, 3, 16, 5, 2, 0, 17, 18, 4, 4, 4})
	f.Fuzz(func(t *testing.T, prog []byte) {
		var sb strings.Builder
		sb.WriteString("local buffer = require('string.buffer')\nlocal b = buffer.new():put('hello, world')\n")
		sb.WriteString("local v = b:slice(2, 5)\nlocal p = b:ref()\n")
		for i := 0; i+2 < len(prog) && i < 60; i += 3 {
			m := luaFuzzMethods[int(prog[i])%len(luaFuzzMethods)]
			a1 := luaFuzzArgs[int(prog[i+1])%len(luaFuzzArgs)]
			a2 := luaFuzzArgs[int(prog[i+2])%len(luaFuzzArgs)]
			recv := "b"
			if prog[i]&0x80 != 0 {
				recv = "v"
			}
			sb.WriteString("pcall(function() local r = " + recv + ":" + m + "(" + a1 + ", " + a2 + ")\n")
			sb.WriteString("if type(r) == 'userdata' and r ~= b and r ~= v then pcall(function() p = r; v = r:slice(1) end) end end)\n")
		}
		sb.WriteString("return #b\n")
		L := lua.NewState()
		defer L.Close()
		Preload(L)
		if err := L.DoString(sb.String()); err != nil {
			var apiErr *lua.ApiError
			if errors.As(err, &apiErr) && apiErr.Type == lua.ApiErrorPanic {
				t.Fatalf("Go panic inside a method: %v\nprogram:\n%s", err, sb.String())
			}
		}
	})
}
