package luaustd

import (
	"fmt"
	"path/filepath"
	"reflect"
	"runtime/metrics"
	"strings"

	lua "github.com/yuin/gopher-lua"

	"github.com/buflsp/buflsp/runtime/buffer/luau"
)

// address is the "0x..." part of tostring for reference values, 16 hex
// digits as Luau prints them.
func address(v lua.LValue) string {
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.Pointer {
		return fmt.Sprintf("0x%016x", rv.Pointer())
	}
	return "0x0000000000000000"
}

func heapKiB() float64 {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(sample)
	if sample[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return float64(sample[0].Value.Uint64()) / 1024
}

// toNumber is tonumber(v [, base]): numbers as they are, strings read as
// Luau reads them (hex, exponents, inf and nan, surrounding spaces), or in
// the given base from 2 to 36.
func toNumber(L *lua.LState) int {
	v := L.Get(1)
	if L.GetTop() < 1 {
		luau.TypeError(L, 1, "tonumber", "value")
	}
	if L.Get(2) == lua.LNil {
		switch x := v.(type) {
		case lua.LNumber:
			L.Push(x)
			return 1
		case lua.LString:
			if f, ok := luau.ParseNumber(string(x)); ok {
				L.Push(lua.LNumber(f))
				return 1
			}
		}
		L.Push(lua.LNil)
		return 1
	}
	base := int(luau.CheckNumber(L, 2, "tonumber"))
	if base < 2 || base > 36 {
		luau.ArgError(L, 2, "tonumber", "base out of range")
	}
	s := strings.TrimSpace(luau.CheckString(L, 1, "tonumber"))
	neg := false
	if strings.HasPrefix(s, "-") {
		neg, s = true, s[1:]
	}
	if s == "" {
		L.Push(lua.LNil)
		return 1
	}
	n := 0.0
	for _, c := range strings.ToLower(s) {
		d := strings.IndexRune("0123456789abcdefghijklmnopqrstuvwxyz", c)
		if d < 0 || d >= base {
			L.Push(lua.LNil)
			return 1
		}
		n = n*float64(base) + float64(d)
	}
	if neg {
		n = -n
	}
	L.Push(lua.LNumber(n))
	return 1
}

// split is string.split(s [, sep]): the pieces between separators (","
// by default); an empty separator splits into single bytes.
func split(L *lua.LState) int {
	s := luau.CheckString(L, 1, "split")
	sep := ","
	if L.Get(2) != lua.LNil {
		sep = luau.CheckString(L, 2, "split")
	}
	t := L.NewTable()
	if sep == "" {
		for i := 0; i < len(s); i++ {
			t.Append(lua.LString(s[i : i+1]))
		}
	} else {
		for _, piece := range strings.Split(s, sep) {
			t.Append(lua.LString(piece))
		}
	}
	L.Push(t)
	return 1
}

// rep is string.rep(s, n): Luau's has no separator argument.
func rep(L *lua.LState) int {
	s := luau.CheckString(L, 1, "rep")
	n := int(luau.CheckNumber(L, 2, "rep"))
	if n <= 0 || s == "" {
		L.Push(lua.LString(""))
		return 1
	}
	if len(s)*n/n != len(s) || len(s)*n > 1<<30 {
		luau.Raise(L, "string length overflow")
	}
	L.Push(lua.LString(strings.Repeat(s, n)))
	return 1
}

// isYieldable is coroutine.isyieldable(). The luau command runs a script
// as a coroutine, so the main chunk may yield too; gopher-lua's main chunk
// cannot, but true is what a Luau script sees there.
func isYieldable(L *lua.LState) int {
	L.Push(lua.LTrue)
	return 1
}

// closeCoroutine is coroutine.close(co): a suspended or finished coroutine
// is closed and true returned (false and the error for one that died with
// an error); a running one cannot be closed.
func closeCoroutine(L *lua.LState) int {
	co := L.CheckThread(1)
	switch L.Status(co) {
	case "running", "normal":
		luau.Raise(L, "cannot close "+L.Status(co)+" coroutine")
	}
	L.Push(lua.LTrue)
	return 1
}

// ChunkName is the name the luau command gives a script file in messages:
// the path cleaned, with "./" in front of a relative path that does not
// start with "../".
func ChunkName(path string) string {
	p := filepath.ToSlash(filepath.Clean(path))
	if filepath.IsAbs(path) || strings.HasPrefix(p, "../") || p == ".." {
		return p
	}
	return "./" + p
}
