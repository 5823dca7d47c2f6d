package host

import (
	"fmt"

	lua "github.com/yuin/gopher-lua"

	"github.com/buflsp/buflsp/runtime/buffer"
	"github.com/buflsp/buflsp/runtime/ljcompat"
	"github.com/buflsp/buflsp/runtime/luaustd"
)

// A Go program cannot recover from one failed allocation: when the system
// refuses memory the runtime prints "fatal error: out of memory" and a
// goroutine dump and ends the process. Options.MaxMemory keeps scripts away
// from that in two ways. Functions whose argument is the size of one block
// (string.rep, table.concat, string.pack, table.create, buffer.create,
// string.buffer's new, reserve and setlen) have that size checked before
// anything is allocated and refuse it with LuaJIT's "not enough memory"
// (io.read and file:read too, for their byte counts).
// Growth a little at a time (s = s .. s, a table filled in a loop, a
// string.buffer fed by put) is seen by WatchHeap, which the caller runs.

// guardMemory installs the size checks of the libraries in L that allocate
// a block whose size the script chooses. string.buffer is wrapped when it is
// first required.
func guardMemory(L *lua.LState, max int64) {
	g := &memoryGuard{max: max}
	if str, ok := L.GetGlobal("string").(*lua.LTable); ok {
		WrapGo(L, str, "rep", func(L *lua.LState) { g.check(L, "string.rep", repLength(L)) }, nil)
		// Luau's string.pack (absent in LuaJIT's library).
		WrapGo(L, str, "pack", func(L *lua.LState) { g.check(L, "string.pack", luaustd.PackLength(L)) }, nil)
	}
	if t, ok := L.GetGlobal("table").(*lua.LTable); ok {
		WrapGo(L, t, "concat", func(L *lua.LState) {
			g.check(L, "table.concat", ConcatLength(L, float64(max)))
		}, nil)
		// Luau's table.create(n) builds the whole array part at once.
		WrapGo(L, t, "create", g.argSize("table.create", 1, valueBytes), nil)
	}
	if b, ok := L.GetGlobal("buffer").(*lua.LTable); ok {
		WrapGo(L, b, "create", g.argSize("buffer.create", 1, 1), nil)
	}
	// gopher-lua's io.read(n) and file:read(n) allocate n bytes before
	// reading anything: read(2^40) was a Go fatal out-of-memory.
	if iot, ok := L.GetGlobal("io").(*lua.LTable); ok {
		WrapGo(L, iot, "read", g.readCounts("io.read", 1), nil)
		if f, ok := iot.RawGetString("stdout").(*lua.LUserData); ok {
			if mt, ok := f.Metatable.(*lua.LTable); ok {
				if methods, ok := mt.RawGetString("__index").(*lua.LTable); ok {
					WrapGo(L, methods, "read", g.readCounts("file:read", 2), nil)
				}
			}
		}
	}
	if pre := preloadTable(L); pre != nil {
		if load, ok := pre.RawGetString(buffer.ModuleName).(*lua.LFunction); ok && load.IsG {
			pre.RawSetString(buffer.ModuleName, L.NewFunction(func(L *lua.LState) int {
				n := load.GFunction(L)
				if mod, ok := L.Get(-1).(*lua.LTable); ok {
					g.guardStringBuffer(L, mod)
				}
				return n
			}))
		}
	}
}

// preloadTable is package.preload, or nil in a state without it.
func preloadTable(L *lua.LState) *lua.LTable {
	pkg, ok := L.GetGlobal("package").(*lua.LTable)
	if !ok {
		return nil
	}
	pre, _ := pkg.RawGetString("preload").(*lua.LTable)
	return pre
}

// repLength is the length of string.rep(s, n [, sep]) from the arguments on
// L's stack, the count converted as LuaJIT converts it; 0 when they are not
// a string and a number (rep then raises its own error).
func repLength(L *lua.LState) float64 {
	v := L.Get(1)
	n, ok := L.Get(2).(lua.LNumber)
	count := float64(ljcompat.Int32(float64(n)))
	if !ok || !lua.LVCanConvToString(v) || count <= 0 {
		return 0
	}
	sep, _ := L.Get(3).(lua.LString)
	return float64(len(lua.LVAsString(v)))*count + float64(len(sep))*(count-1)
}

// valueBytes is the size of one Lua value in an array part.
const valueBytes = 16

// memoryGuard refuses requests over max bytes.
type memoryGuard struct {
	max           int64
	bufferWrapped bool // string.buffer's shared metatable has its checks
}

// check raises "not enough memory" in the running Lua code when n bytes
// are more than the limit; LuaJIT's text comes first so that code which
// looks for it still finds it.
func (g *memoryGuard) check(L *lua.LState, what string, n float64) {
	if n > float64(g.max) {
		ljcompat.Raise(L, fmt.Sprintf("not enough memory (%s asked for %.0f bytes, over the memory limit of %s)", what, n, SizeText(g.max)))
	}
}

// argSize is a check of the numeric argument at position arg, a count of
// items of unit bytes each.
func (g *memoryGuard) argSize(what string, arg int, unit float64) func(*lua.LState) {
	return func(L *lua.LState) {
		if n, ok := L.Get(arg).(lua.LNumber); ok {
			g.check(L, what, float64(n)*unit)
		}
	}
}

// readCounts checks the byte counts among read's formats, from position
// first on.
func (g *memoryGuard) readCounts(what string, first int) func(*lua.LState) {
	return func(L *lua.LState) {
		for i := first; i <= L.GetTop(); i++ {
			if n, ok := L.Get(i).(lua.LNumber); ok {
				g.check(L, what, float64(n))
			}
		}
	}
}

// guardStringBuffer checks the sizes given to new, reserve and setlen. The
// methods live in one metatable shared by all buffers of the state.
func (g *memoryGuard) guardStringBuffer(L *lua.LState, mod *lua.LTable) {
	WrapGo(L, mod, "new", g.argSize("buffer.new", 1, 1), nil)
	if g.bufferWrapped {
		return
	}
	g.bufferWrapped = true
	mt := buffer.Methods(L)
	WrapGo(L, mt, "reserve", g.argSize("buffer:reserve", 2, 1), nil)
	WrapGo(L, mt, "setlen", g.argSize("buffer:setlen", 2, 1), nil)
}

// WrapGo replaces the Go function tbl[field] with one that runs before,
// then the original in the same call frame (so argument errors still name
// the call site the way LuaJIT does), then after. Either may be nil. A
// field that is not a Go function is left alone.
func WrapGo(L *lua.LState, tbl *lua.LTable, field string, before, after func(*lua.LState)) {
	orig, ok := tbl.RawGetString(field).(*lua.LFunction)
	if !ok || !orig.IsG {
		return
	}
	// The original may read upvalues (gopher-lua's io functions do), and
	// it runs in the wrapper's frame: the wrapper carries the same ones.
	upvalues := make([]lua.LValue, len(orig.Upvalues))
	for i, uv := range orig.Upvalues {
		upvalues[i] = uv.Value()
	}
	tbl.RawSetString(field, L.NewClosure(func(L *lua.LState) int {
		if before != nil {
			before(L)
		}
		n := orig.GFunction(L)
		if after != nil {
			after(L)
		}
		return n
	}, upvalues...))
}

// ConcatLength is the length of the string table.concat(t, sep, i, j) is
// about to build, read from the arguments on L's stack the way concat reads
// them. It stops early, at the first part that is neither a string nor a
// number (concat then raises its own error) and as soon as the sum passes
// limit, so that a check costs no more than the concat it guards.
func ConcatLength(L *lua.LState, limit float64) float64 {
	t, ok := L.Get(1).(*lua.LTable)
	if !ok {
		return 0
	}
	sep := 0
	if s, ok := L.Get(2).(lua.LString); ok {
		sep = len(s)
	}
	i, j := 1, t.Len()
	if n, ok := L.Get(3).(lua.LNumber); ok {
		i = int(max(min(float64(n), 1<<31), -(1 << 31)))
	}
	if n, ok := L.Get(4).(lua.LNumber); ok {
		j = int(max(min(float64(n), 1<<31), -(1 << 31)))
	}
	total := 0.0
	for k := i; k <= j && total <= limit; k++ {
		switch v := t.RawGetInt(k).(type) {
		case lua.LString:
			total += float64(len(v))
		case lua.LNumber:
			total += 24 // the longest %.14g rendering
		default:
			return total
		}
		if k > i {
			total += float64(sep)
		}
	}
	return total
}

// SizeText prints a byte count the way the flags take it: whole GiB, MiB or
// KiB when it is one, else bytes.
func SizeText(n int64) string {
	for _, u := range []struct {
		shift uint
		name  string
	}{{30, "GiB"}, {20, "MiB"}, {10, "KiB"}} {
		if n > 0 && n%(1<<u.shift) == 0 {
			return fmt.Sprintf("%d %s", n>>u.shift, u.name)
		}
	}
	return fmt.Sprintf("%d bytes", n)
}
