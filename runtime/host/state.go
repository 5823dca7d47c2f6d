// Package host builds gopher-lua states that behave like LuaJIT for buflsp:
// the standard libraries, require("string.buffer"), Luau's buffer library,
// the bit module, LuaJIT's number formatting in tostring, print, io.write and
// string.format, and runs scripts the way the luajit command does.
//
// Other parts of buflsp (the evaluator, the sandbox) reuse NewState with a
// narrower Options.Libs.
package host

import (
	"context"
	"io"
	"os"

	lua "github.com/yuin/gopher-lua"

	"github.com/buflsp/buflsp/runtime/buffer"
	"github.com/buflsp/buflsp/runtime/hostio"
	"github.com/buflsp/buflsp/runtime/ljcompat"
	"github.com/buflsp/buflsp/runtime/luaustd"
)

// Libs selects libraries for a state.
type Libs uint

// The libraries a state can have. LibBase includes LuaJIT-style tostring,
// print and (with LibString) string.format.
const (
	LibBase Libs = 1 << iota
	LibPackage
	LibTable
	LibString
	LibMath
	LibIO
	LibOS
	LibDebug
	LibCoroutine
	// LibStringBuffer preloads require("string.buffer").
	LibStringBuffer
	// LibLuauBuffer installs Luau's buffer library as the global buffer and
	// require("buffer").
	LibLuauBuffer
	// LibBit installs LuaJIT's bit module as the global bit and require("bit").
	LibBit
	// LibHostIO preloads require("buflsp.io"), file access into buffers.
	LibHostIO
)

// LibAll is everything `buflsp run` offers.
const LibAll = LibBase | LibPackage | LibTable | LibString | LibMath | LibIO | LibOS | LibDebug |
	LibCoroutine | LibStringBuffer | LibLuauBuffer | LibBit | LibHostIO

// LibSafe leaves out everything that reaches the file system, the process or
// the debug hooks.
const LibSafe = LibBase | LibPackage | LibTable | LibString | LibMath | LibCoroutine |
	LibStringBuffer | LibLuauBuffer | LibBit

// Options configures NewState. The zero value gives every library, writes
// to the process's stdout and stderr and never cancels.
type Options struct {
	// Stdout receives print and io.write output; nil means os.Stdout.
	Stdout io.Writer
	// Stderr receives error reports of Run; nil means os.Stderr.
	Stderr io.Writer
	// Libs selects the libraries; zero means LibAll.
	Libs Libs
	// Context cancels running code when done; nil means never.
	Context context.Context
	// CallStackSize and RegistryMaxSize bound recursion depth and the value
	// stack; zero picks generous defaults.
	CallStackSize   int
	RegistryMaxSize int
	// ChunkName names the script in messages and tracebacks instead of its
	// path (Run only).
	ChunkName string
	// Flavor picks the standard library: LuaJIT's (the default) or Luau's.
	Flavor Flavor
	// MaxMemory, when positive, is the most one block whose size the script
	// chooses may take: string.rep, table.concat, table.create,
	// buffer.create, string.buffer's new, reserve and setlen refuse a larger
	// one with "not enough memory" before allocating (guard.go). Growth
	// in small steps is the caller's to watch (WatchHeap).
	MaxMemory int64
	// Frontend compiles the script and everything load, loadstring,
	// loadfile, dofile and require read at run time. The commands pass
	// analysis/lower's; nil falls back to gopher-lua's own parser.
	Frontend Frontend
}

func (o Options) stdout() io.Writer {
	if o.Stdout == nil {
		return os.Stdout
	}
	return o.Stdout
}

// Flavor is the Lua whose standard library a state offers.
type Flavor int

const (
	// FlavorLuaJIT is gopher-lua's Lua 5.1 libraries with LuaJIT's
	// behaviour and additions (string.buffer, bit).
	FlavorLuaJIT Flavor = iota
	// FlavorLuau is Luau's standard library (runtime/luaustd): buffer,
	// bit32, utf8, typeof and Luau's table/string/math additions; LuaJIT's
	// modules and the file functions are absent.
	FlavorLuau
)

// luauLibs are the libraries Luau does not have.
const luauLibs = ^(LibStringBuffer | LibBit | LibHostIO | LibIO)

// NewState returns a fresh state configured by opts. The caller closes it.
func NewState(opts Options) *lua.LState {
	libs := opts.Libs
	if libs == 0 {
		libs = LibAll
	}
	if opts.Flavor == FlavorLuau {
		libs &= luauLibs
	}
	L := lua.NewState(lua.Options{
		SkipOpenLibs:     true,
		CallStackSize:    orDefault(opts.CallStackSize, 4096),
		RegistrySize:     1024 * 16,
		RegistryMaxSize:  orDefault(opts.RegistryMaxSize, 1024*1024*4),
		RegistryGrowStep: 1024 * 16,
	})
	open := func(name string, fn lua.LGFunction) {
		L.Push(L.NewFunction(fn))
		L.Push(lua.LString(name))
		L.Call(1, 0)
	}
	// The package library comes first: the others register in package.loaded.
	if libs&LibPackage != 0 {
		open(lua.LoadLibName, lua.OpenPackage)
	}
	if libs&LibBase != 0 {
		open(lua.BaseLibName, lua.OpenBase)
	}
	for _, lib := range []struct {
		bit  Libs
		name string
		fn   lua.LGFunction
	}{
		{LibTable, lua.TabLibName, lua.OpenTable},
		{LibString, lua.StringLibName, lua.OpenString},
		{LibMath, lua.MathLibName, lua.OpenMath},
		{LibIO, lua.IoLibName, lua.OpenIo},
		{LibOS, lua.OsLibName, lua.OpenOs},
		{LibDebug, lua.DebugLibName, lua.OpenDebug},
		{LibCoroutine, lua.CoroutineLibName, lua.OpenCoroutine},
	} {
		if libs&lib.bit != 0 {
			open(lib.name, lib.fn)
		}
	}
	installCompat(L, libs, opts.stdout())
	if libs&LibBase != 0 && libs&LibCoroutine != 0 {
		ljcompat.InstallYieldablePcall(L)
	}
	if libs&LibOS != 0 {
		installClock(L)
	}
	if libs&LibStringBuffer != 0 {
		buffer.Preload(L)
	}
	if libs&LibHostIO != 0 {
		hostio.Preload(L)
	}
	openExtra(L, libs)
	installFrontend(L, opts.Frontend, libs)
	if opts.Flavor == FlavorLuau {
		luaustd.Open(L, opts.stdout())
		if opts.Frontend != nil && libs&LibPackage != 0 {
			r := &luauRequire{c: compiler{fe: opts.Frontend}, loaded: map[string]lua.LValue{}}
			L.SetGlobal("require", L.NewFunction(r.require))
		}
	}
	if opts.MaxMemory > 0 {
		guardMemory(L, opts.MaxMemory)
	}
	if opts.Context != nil {
		L.SetContext(opts.Context)
	}
	return L
}

func orDefault(v, def int) int {
	if v > 0 {
		return v
	}
	return def
}
