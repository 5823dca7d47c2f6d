package buffer

import (
	lua "github.com/yuin/gopher-lua"

	"github.com/buflsp/buflsp/runtime/ljcompat"
)

// ModuleName is the name the module is required by.
const ModuleName = "string.buffer"

// Preload registers the module so that require("string.buffer") loads it.
// Like LuaJIT, it creates no global.
func Preload(L *lua.LState) {
	L.PreloadModule(ModuleName, Loader)
}

// Loader builds the module table: new, plus encode and decode when the
// serializer is wired in.
func Loader(L *lua.LState) int {
	mod := L.NewTable()
	for name, fn := range moduleFunctions(&encodeScratch{}) {
		mod.RawSetString(name, L.NewFunction(fn))
	}
	metatable(L)
	L.Push(mod)
	return 1
}

func moduleFunctions(sc *encodeScratch) map[string]lua.LGFunction {
	return map[string]lua.LGFunction{
		"new":    modNew,
		"encode": sc.encode,
		"decode": modDecode,
	}
}

// modNew implements buffer.new([size [, options]]) / buffer.new([options]).
// A first argument that is not a table is the size (nil meaning none) and the
// options then come second; an options position that exists must hold a
// table, even when it holds nil.
func modNew(L *lua.LState) int {
	top := L.GetTop()
	size := 0
	optsAt := 1
	if top >= 1 && L.Get(1).Type() != lua.LTTable {
		if L.Get(1) != lua.LNil {
			size = checkSize(L, 1)
		}
		optsAt = 2
	}
	b := New(size)
	if top >= optsAt {
		opts, ok := L.Get(optsAt).(*lua.LTable)
		if !ok {
			ljcompat.TypeError(L, optsAt, "table")
		}
		setOptions(L, b, opts)
	}
	Push(L, b)
	return 1
}
