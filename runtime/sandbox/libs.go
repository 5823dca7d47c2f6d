package sandbox

import (
	"io"
	"sort"
	"strings"

	lua "github.com/yuin/gopher-lua"

	"github.com/buflsp/buflsp/runtime/bit"
	"github.com/buflsp/buflsp/runtime/buffer"
	"github.com/buflsp/buflsp/runtime/buffer/luau"
	"github.com/buflsp/buflsp/runtime/host"
	"github.com/buflsp/buflsp/runtime/ljcompat"
)

// This file builds the restricted global environment on runtime/host's state
// (LuaJIT number formatting, string.buffer, buffer, bit). Only libraries with
// no file, process or debug access are kept, and the base-library entries
// that reach the file system or the process are removed or replaced:
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

// sandboxLibs are the runtime/host libraries a sandboxed state starts from.
// The package and os libraries are opened only to be cut down below.
const sandboxLibs = host.LibBase | host.LibPackage | host.LibTable | host.LibString | host.LibMath |
	host.LibCoroutine | host.LibOS | host.LibStringBuffer | host.LibBit

// newState builds the state through runtime/host, so that numbers print and
// format as they do under `buflsp run`, then removes what a sandbox must not
// offer.
func (r *run) newState() {
	r.L = host.NewState(host.Options{
		Stdout:          outputWriter{r},
		Stderr:          io.Discard,
		Libs:            sandboxLibs,
		CallStackSize:   r.opts.CallStackSize,
		RegistryMaxSize: r.opts.RegistryMaxSize,
		Flavor:          r.opts.Flavor,
	})
	r.restrict()
}

// restrict removes and replaces the globals that reach outside the state.
func (r *run) restrict() {
	L := r.L
	g := L.G.Global
	loaded := L.FindTable(L.Get(lua.RegistryIndex).(*lua.LTable), "_LOADED", 1).(*lua.LTable)
	r.loaded = loaded
	r.preload = L.NewTable()
	if pkg, ok := g.RawGetString("package").(*lua.LTable); ok {
		if pre, ok := pkg.RawGetString("preload").(*lua.LTable); ok {
			r.preload = pre
		}
	}
	r.openMissing()

	for _, name := range []string{"dofile", "loadfile", "module", "_printregs"} {
		g.RawSetString(name, lua.LNil)
	}
	// print writes through outputWriter, which cannot raise; raising right
	// after the call makes the error point at the print that overflowed.
	r.wrap(g, "print", nil, func(L *lua.LState) {
		if le := r.stopCause(); le != nil {
			r.raiseLimit(le.limit, "%s", le.msg)
		}
	})
	g.RawSetString("load", L.NewFunction(r.load))
	g.RawSetString("loadstring", L.NewFunction(r.loadstring))
	g.RawSetString("require", L.NewFunction(r.require))
	g.RawSetString("collectgarbage", L.NewFunction(r.collectgarbage))

	if str, ok := loaded.RawGetString("string").(*lua.LTable); ok {
		str.RawSetString("dump", lua.LNil)
		str.RawSetString("rep", L.NewFunction(r.strRep))
	}

	os := L.NewTable()
	if fullOS, ok := loaded.RawGetString("os").(*lua.LTable); ok {
		for _, name := range osKept {
			os.RawSetString(name, fullOS.RawGetString(name))
		}
	}
	g.RawSetString("os", os)
	loaded.RawSetString("os", os)

	io := L.NewTable()
	io.RawSetString("write", L.NewFunction(r.ioWrite))
	g.RawSetString("io", io)
	loaded.RawSetString("io", io)

	// package keeps loaded and preload so that snippets written for plain
	// Lua keep working; path, cpath, loaders and loadlib are gone.
	pkg := L.NewTable()
	pkg.RawSetString("loaded", loaded)
	pkg.RawSetString("preload", r.preload)
	g.RawSetString("package", pkg)
	loaded.RawSetString("package", pkg)
	loaded.RawSetString("_G", g)

	// Modules that are already loaded get their allocation checks now; the
	// others get them from require when first loaded.
	loaded.ForEach(func(k, v lua.LValue) {
		if name, ok := k.(lua.LString); ok {
			r.wrapLibrary(string(name), v)
		}
	})
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

// openMissing installs Luau's buffer library with its size cap lowered to
// the memory limit (runtime/host installs it with Luau's own 1 GiB cap), and
// the bit library if runtime/host did not provide it.
func (r *run) openMissing() {
	L := r.L
	tbl := luau.NewTable(L, luau.Options{MaxSize: int(min(r.opts.MaxMemory, luau.MaxSize))})
	L.SetGlobal("buffer", tbl)
	r.loaded.RawSetString("buffer", tbl)
	if L.GetGlobal("bit") == lua.LNil && r.opts.Flavor != host.FlavorLuau {
		tbl := bit.NewTable(L)
		L.SetGlobal("bit", tbl)
		r.loaded.RawSetString("bit", tbl)
	}
	// Modules that are globals may also sit in preload; loading them there
	// returns the same table as the global.
	for _, name := range []string{"bit", "buffer"} {
		if v := L.GetGlobal(name); v != lua.LNil && r.loaded.RawGetString(name) == lua.LNil {
			r.loaded.RawSetString(name, v)
		}
	}
}

// outputWriter is the Stdout of the host state: print writes through it.
// print ignores write errors, so when the cap is reached the writer stops the
// run through its context, and the next instruction raises the error.
type outputWriter struct{ r *run }

func (w outputWriter) Write(p []byte) (int, error) {
	if !w.r.out.write(string(p)) {
		w.r.exceed(LimitOutput, "the output exceeded %d bytes", w.r.opts.MaxOutput)
	}
	return len(p), nil
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
			b.WriteString(ljcompat.FormatNumber(float64(v)))
		default:
			// LuaJIT's io.write also takes string.buffer objects.
			if buf, ok := buffer.To(v); ok && buf.Valid() == nil {
				b.Write(buf.Bytes())
				continue
			}
			ljcompat.TypeError(L, i, "string")
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
		L.Push(lua.LNumber(float64(host.HeapBytes()) / 1024))
		return 1
	}
	L.Push(lua.LNumber(0))
	return 1
}

// strRep is string.rep with the result size charged before it is built.
func (r *run) strRep(L *lua.LState) int {
	return ljcompat.StringRep(L, func(size float64) { r.checkAlloc("string.rep", size) })
}
