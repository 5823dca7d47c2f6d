package sandbox

import (
	"runtime/metrics"
	"sort"
	"strings"

	lua "github.com/yuin/gopher-lua"
)

// This file builds the restricted global environment. Only libraries with no
// file, process or debug access are opened, and the base-library entries that
// reach the file system or the process are removed or replaced:
//
//   - dofile, loadfile, module, _printregs: absent.
//   - require: only package.loaded and package.preload, never files.
//   - load, loadstring: source text only; binary chunks are refused.
//   - print, io.write: captured into the result, capped.
//   - io: only write. os: only clock, date, difftime, time.
//   - collectgarbage: does not run the collector of the host process.
//   - string.dump: absent. debug, package.loadlib, channel: absent.

// osKept are the os functions that neither touch files nor the process.
var osKept = []string{"clock", "date", "difftime", "time"}

// openLibs opens the standard subset and the configured libraries into r.L.
func (r *run) openLibs() {
	L := r.L
	for _, open := range []lua.LGFunction{lua.OpenBase, lua.OpenTable, lua.OpenString, lua.OpenMath, lua.OpenCoroutine, lua.OpenOs} {
		L.Push(L.NewFunction(open))
		L.Call(0, 0)
	}
	g := L.G.Global
	for _, name := range []string{"dofile", "loadfile", "module", "_printregs"} {
		g.RawSetString(name, lua.LNil)
	}
	g.RawSetString("print", L.NewFunction(r.print))
	g.RawSetString("load", L.NewFunction(r.load))
	g.RawSetString("loadstring", L.NewFunction(r.loadstring))
	g.RawSetString("require", L.NewFunction(r.require))
	g.RawSetString("collectgarbage", L.NewFunction(r.collectgarbage))

	loaded := L.FindTable(L.Get(lua.RegistryIndex).(*lua.LTable), "_LOADED", 1).(*lua.LTable)
	r.loaded = loaded

	str := loaded.RawGetString("string").(*lua.LTable)
	str.RawSetString("dump", lua.LNil)
	str.RawSetString("rep", L.NewFunction(r.strRep))

	fullOS := loaded.RawGetString("os").(*lua.LTable)
	os := L.NewTable()
	for _, name := range osKept {
		os.RawSetString(name, fullOS.RawGetString(name))
	}
	g.RawSetString("os", os)
	loaded.RawSetString("os", os)

	io := L.NewTable()
	io.RawSetString("write", L.NewFunction(r.ioWrite))
	g.RawSetString("io", io)
	loaded.RawSetString("io", io)

	// package holds loaded and preload so that snippets written for plain Lua
	// keep working; nothing in it reaches files.
	pkg := L.NewTable()
	r.preload = L.NewTable()
	pkg.RawSetString("loaded", loaded)
	pkg.RawSetString("preload", r.preload)
	g.RawSetString("package", pkg)
	loaded.RawSetString("_G", g)

	for _, lib := range r.opts.Libraries {
		r.preload.RawSetString(lib.Name, L.NewFunction(lib.Loader))
	}
	for _, lib := range r.opts.Libraries {
		if lib.Global == "" {
			continue
		}
		L.Push(L.NewFunction(r.require))
		L.Push(lua.LString(lib.Name))
		L.Call(1, 1)
		g.RawSetString(lib.Global, L.Get(-1))
		L.Pop(1)
	}
}

// print writes its arguments, converted with tostring, separated by tabs.
func (r *run) print(L *lua.LState) int {
	top := L.GetTop()
	var b strings.Builder
	for i := 1; i <= top; i++ {
		if i > 1 {
			b.WriteByte('\t')
		}
		b.WriteString(L.ToStringMeta(L.Get(i)).String())
	}
	b.WriteByte('\n')
	r.emit(b.String())
	return 0
}

// ioWrite writes strings and numbers without separators, like io.write.
func (r *run) ioWrite(L *lua.LState) int {
	top := L.GetTop()
	var b strings.Builder
	for i := 1; i <= top; i++ {
		switch v := L.Get(i).(type) {
		case lua.LString:
			b.WriteString(string(v))
		case lua.LNumber:
			b.WriteString(v.String())
		default:
			L.ArgError(i, "string expected, got "+v.Type().String())
		}
	}
	r.emit(b.String())
	return 0
}

// emit captures s, stopping the run when the output cap is reached.
func (r *run) emit(s string) {
	if !r.out.write(s) {
		r.raiseLimit(LimitOutput, "the output exceeded %d bytes", r.opts.MaxOutput)
	}
}

// require returns an already loaded module or runs its preload function.
// There is no file searcher: anything else is an error naming what exists.
func (r *run) require(L *lua.LState) int {
	name := L.CheckString(1)
	if v := r.loaded.RawGetString(name); v != lua.LNil {
		L.Push(v)
		return 1
	}
	loader, ok := r.preload.RawGetString(name).(*lua.LFunction)
	if !ok {
		L.RaiseError("module '%s' is not available in the sandbox (files cannot be loaded; available modules: %s)",
			name, strings.Join(r.moduleNames(), ", "))
	}
	L.Push(loader)
	L.Push(lua.LString(name))
	L.Call(1, 1)
	mod := L.Get(-1)
	L.Pop(1)
	if mod == lua.LNil {
		mod = lua.LTrue
	}
	r.wrapLibrary(name, mod)
	r.loaded.RawSetString(name, mod)
	L.Push(mod)
	return 1
}

func (r *run) moduleNames() []string {
	seen := map[string]bool{}
	for _, t := range []*lua.LTable{r.loaded, r.preload} {
		t.ForEach(func(k, _ lua.LValue) {
			if s, ok := k.(lua.LString); ok && s != "_G" {
				seen[string(s)] = true
			}
		})
	}
	names := make([]string, 0, len(seen))
	for n := range seen {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// collectgarbage answers "count" with the heap size of the host process in
// kilobytes and does nothing else: running the collector would pause the
// whole host process, which may be serving other requests.
func (r *run) collectgarbage(L *lua.LState) int {
	opt := L.OptString(1, "collect")
	if opt == "count" {
		sample := []metrics.Sample{{Name: heapObjectsMetric}}
		L.Push(lua.LNumber(float64(heapBytes(sample)) / 1024))
		return 1
	}
	L.Push(lua.LNumber(0))
	return 1
}

// strRep is string.rep with the result size charged before it is built.
func (r *run) strRep(L *lua.LState) int {
	s := L.CheckString(1)
	n := L.CheckInt(2)
	if n <= 0 || len(s) == 0 {
		L.Push(lua.LString(""))
		return 1
	}
	r.checkAlloc("string.rep", float64(n)*float64(len(s)))
	L.Push(lua.LString(strings.Repeat(s, n)))
	return 1
}
