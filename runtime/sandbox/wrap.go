package sandbox

import (
	lua "github.com/yuin/gopher-lua"

	"github.com/buflsp/buflsp/runtime/buffer"
	"github.com/buflsp/buflsp/runtime/host"
)

// wrapLibrary installs the allocation checks of a module the moment it is
// loaded. Functions whose argument is the size of a block to allocate are
// checked before they run, so an oversized request never allocates; methods
// of string.buffer objects are checked after they run, so that no single
// buffer grows past the memory limit however it was filled.
func (r *run) wrapLibrary(name string, mod lua.LValue) {
	tbl, ok := mod.(*lua.LTable)
	if !ok {
		return
	}
	switch name {
	case "table":
		r.wrap(tbl, "concat", r.checkConcat, nil)
	case "buffer":
		r.checkArgSize(tbl, "buffer.create", "create", 1)
		r.checkArgLen(tbl, "buffer.fromstring", "fromstring", 1)
	case buffer.ModuleName:
		r.checkArgSize(tbl, "buffer.new", "new", 1)
		r.wrapBufferMethods()
	}
}

// checkConcat charges table.concat(t, sep, i, j) with the length of the
// string it is about to build (host.ConcatLength), so that one call joining
// gigabytes stops before it allocates.
func (r *run) checkConcat(L *lua.LState) {
	if host.ConcatLength(L, float64(r.opts.MaxMemory)) > float64(r.opts.MaxMemory) {
		r.raiseLimit(LimitMemory, "table.concat would build more than %d bytes, over the memory limit of %d bytes", r.opts.MaxMemory, r.opts.MaxMemory)
	}
}

// checkArgSize wraps tbl[field] so that a numeric argument at position arg
// is checked as a size in bytes.
func (r *run) checkArgSize(tbl *lua.LTable, what, field string, arg int) {
	r.wrap(tbl, field, func(L *lua.LState) {
		if n, ok := L.Get(arg).(lua.LNumber); ok {
			r.checkAlloc(what, float64(n))
		}
	}, nil)
}

// checkArgLen wraps tbl[field] so that the length of a string argument at
// position arg is checked, for functions that copy their argument.
func (r *run) checkArgLen(tbl *lua.LTable, what, field string, arg int) {
	r.wrap(tbl, field, func(L *lua.LState) {
		if s, ok := L.Get(arg).(lua.LString); ok {
			r.checkAlloc(what, float64(len(s)))
		}
	}, nil)
}

// wrapBufferMethods checks reserve and setlen before they run and every
// method afterwards, against the capacity of the buffer it was called on.
// The metatable is shared by all buffers of the state, so this runs once.
func (r *run) wrapBufferMethods() {
	if r.bufferWrapped {
		return
	}
	r.bufferWrapped = true
	mt := buffer.Methods(r.L)
	after := func(L *lua.LState) {
		if b, ok := buffer.To(L.Get(1)); ok && int64(b.Cap()) > r.opts.MaxMemory {
			r.raiseLimit(LimitMemory, "a string.buffer grew to %d bytes, over the memory limit of %d bytes", b.Cap(), r.opts.MaxMemory)
		}
	}
	var names []string
	mt.ForEach(func(k, v lua.LValue) {
		if name, ok := k.(lua.LString); ok {
			if fn, ok := v.(*lua.LFunction); ok && fn.IsG && name != "__gc" && name != "__index" {
				names = append(names, string(name))
			}
		}
	})
	for _, name := range names {
		var before func(*lua.LState)
		if name == "reserve" || name == "setlen" {
			what := "buffer:" + name
			before = func(L *lua.LState) {
				if n, ok := L.Get(2).(lua.LNumber); ok {
					r.checkAlloc(what, float64(n))
				}
			}
		}
		r.wrap(mt, name, before, after)
	}
	// __tostring and tostring were one function; keep them one.
	mt.RawSetString("__tostring", mt.RawGetString("tostring"))
}

// wrap is host.WrapGo on this run's state.
func (r *run) wrap(tbl *lua.LTable, field string, before, after func(*lua.LState)) {
	host.WrapGo(r.L, tbl, field, before, after)
}
