package luau

// This file assembles the library table and installs it into a state.

import (
	lua "github.com/yuin/gopher-lua"
)

// Options configures the library.
type Options struct {
	// MaxSize caps the size of buffers created by buffer.create and
	// buffer.fromstring; zero means Luau's own limit, MaxSize (1 GiB). A
	// sandbox can lower it. Bigger requests fail with Luau's
	// "memory allocation error: block too big".
	MaxSize int
}

// lib carries the configuration into the library functions that need it.
type lib struct {
	maxSize int
}

func newLib(opts Options) *lib {
	max := opts.MaxSize
	if max <= 0 || max > MaxSize {
		max = MaxSize
	}
	return &lib{maxSize: max}
}

// functions lists the library's members; the names are the ones Luau
// registers, and they are also the names used in error messages.
func (l *lib) functions() map[string]lua.LGFunction {
	return map[string]lua.LGFunction{
		"create":      l.create,
		"fromstring":  l.fromstring,
		"tostring":    bufTostring,
		"len":         bufLen,
		"copy":        bufCopy,
		"fill":        bufFill,
		"readi8":      readI8,
		"readu8":      readU8,
		"readi16":     readI16,
		"readu16":     readU16,
		"readi32":     readI32,
		"readu32":     readU32,
		"readf32":     readF32,
		"readf64":     readF64,
		"writei8":     writeInt("writei8", 1),
		"writeu8":     writeInt("writeu8", 1),
		"writei16":    writeInt("writei16", 2),
		"writeu16":    writeInt("writeu16", 2),
		"writei32":    writeInt("writei32", 4),
		"writeu32":    writeInt("writeu32", 4),
		"writef32":    writeF32,
		"writef64":    writeF64,
		"readstring":  readString,
		"writestring": writeString,
		"readbits":    readBits,
		"writebits":   writeBits,
		// Behind Luau's LuauIntegerLibrary flag (on by default).
		"readinteger":  readInteger,
		"writeinteger": writeInteger,
	}
}

// Names returns the names of the library's functions, for tools that
// describe the API (the order is not meaningful).
func Names() []string {
	fns := newLib(Options{}).functions()
	names := make([]string, 0, len(fns))
	for name := range fns {
		names = append(names, name)
	}
	return names
}

// NewTable builds the library table with the given options.
func NewTable(L *lua.LState, opts Options) *lua.LTable {
	metatable(L)
	return L.SetFuncs(L.NewTable(), newLib(opts).functions())
}

// Loader is the gopher-lua module loader: it pushes a new library table.
// Use it with L.PreloadModule("buffer", luau.Loader).
func Loader(L *lua.LState) int {
	L.Push(NewTable(L, Options{}))
	return 1
}

// Open installs the library as Luau has it: the global table buffer, which
// require("buffer") also returns when the package library is open.
func Open(L *lua.LState) {
	OpenWith(L, Options{})
}

// OpenWith is Open with options.
func OpenWith(L *lua.LState, opts Options) {
	tbl := NewTable(L, opts)
	L.SetGlobal("buffer", tbl)
	pkg, ok := L.GetGlobal("package").(*lua.LTable)
	if !ok {
		return
	}
	if preload, ok := pkg.RawGetString("preload").(*lua.LTable); ok {
		preload.RawSetString("buffer", L.NewFunction(func(L *lua.LState) int {
			L.Push(tbl)
			return 1
		}))
	}
}
