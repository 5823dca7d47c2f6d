package buffer

import (
	lua "github.com/yuin/gopher-lua"

	"github.com/buflsp/buflsp/runtime/ljcompat"
	"github.com/buflsp/buflsp/runtime/serial"
)

// setOptions prepares buffer.new's dict and metatable options for the
// buffer's encode and decode methods. Fields that are not tables are ignored,
// as LuaJIT ignores them.
func setOptions(L *lua.LState, b *Buffer, opts *lua.LTable) {
	dict, _ := opts.RawGetString("dict").(*lua.LTable)
	mts, _ := opts.RawGetString("metatable").(*lua.LTable)
	if dict == nil && mts == nil {
		return
	}
	o, err := serial.NewOptions(L, dict, mts)
	if err != nil {
		ljcompat.Raise(L, err.Error())
	}
	b.opts = o
}
