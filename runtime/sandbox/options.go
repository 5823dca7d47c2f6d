package sandbox

import (
	"time"

	lua "github.com/yuin/gopher-lua"

	"github.com/buflsp/buflsp/runtime/host"
)

// Default limits. They are generous enough for a snippet that exercises the
// buffer API and small enough that a runaway snippet cannot hurt the process
// that hosts it (the language server in particular).
const (
	DefaultTimeout         = 2 * time.Second
	DefaultMaxMemory       = 64 << 20
	DefaultMaxOutput       = 1 << 20
	DefaultCallStackSize   = 1000
	DefaultRegistryMaxSize = 256 * 1024
	DefaultChunkName       = "eval"
)

// Library is one module made available inside the sandbox. Loader follows the
// gopher-lua module idiom: it pushes the module table and returns 1. The
// module can always be reached with require(Name); when Global is not empty
// the table is also stored in that global variable (for example the Luau
// `buffer` library is a global, LuaJIT's string.buffer is only required).
type Library struct {
	Name   string
	Global string
	Loader lua.LGFunction
}

// Options configures one evaluation. The zero value is usable: every limit
// that is zero takes its default, so callers only set what they change.
type Options struct {
	// ChunkName names the source in error messages and tracebacks
	// ("eval:3: ..."). Defaults to "eval".
	ChunkName string

	// Timeout is the wall-clock deadline of the whole run, compilation
	// included. Defaults to DefaultTimeout. A parent context given to
	// Evaluate may end the run earlier.
	Timeout time.Duration

	// MaxMemory caps the bytes the snippet may allocate: sizes requested from
	// the buffer libraries and string.rep are charged against it up front,
	// and a watchdog stops the run when the process heap grows beyond it, or
	// beyond 4 MiB for smaller limits (see budget.go for what that does and
	// does not cover). Defaults to DefaultMaxMemory.
	MaxMemory int64

	// MaxOutput caps the bytes captured from print and io.write. Defaults to
	// DefaultMaxOutput.
	MaxOutput int

	// CallStackSize is gopher-lua's call-frame limit, which bounds recursion.
	// Defaults to DefaultCallStackSize.
	CallStackSize int

	// RegistryMaxSize is gopher-lua's limit on the value stack (registry)
	// shared by all frames. Defaults to DefaultRegistryMaxSize.
	RegistryMaxSize int

	// Libraries are the modules offered on top of the standard subset. When
	// nil, DefaultLibraries() is used; pass an empty non-nil slice for none.
	Libraries []Library

	// Frontend compiles the snippet and whatever it loads with load or
	// loadstring: analysis/lower's front end for the snippet's target (the
	// callers pass it in). Nil falls back to gopher-lua's parser. A syntax
	// error is reported with the line the front end gives.
	Frontend host.Frontend

	// Inline installs InlineGlobal, which records the values of the lines
	// the language server rewrote for "--=" comments into Result.Inline.
	Inline bool

	// Flavor picks the standard library of the state: LuaJIT's (the zero
	// value) or Luau's.
	Flavor host.Flavor

	// noHeapWatch turns the heap watchdog off, so that tests can observe
	// the explicit checks without racing it.
	noHeapWatch bool
}

// withDefaults returns a copy of o with every zero limit replaced.
func (o Options) withDefaults() Options {
	if o.ChunkName == "" {
		o.ChunkName = DefaultChunkName
	}
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.MaxMemory <= 0 {
		o.MaxMemory = DefaultMaxMemory
	}
	if o.MaxOutput <= 0 {
		o.MaxOutput = DefaultMaxOutput
	}
	if o.CallStackSize <= 0 {
		o.CallStackSize = DefaultCallStackSize
	}
	if o.RegistryMaxSize <= 0 {
		o.RegistryMaxSize = DefaultRegistryMaxSize
	}
	if o.Libraries == nil {
		o.Libraries = DefaultLibraries()
	}
	return o
}
