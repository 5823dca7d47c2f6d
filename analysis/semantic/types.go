package semantic

import (
	"strconv"

	"github.com/buflsp/buflsp/analysis/api"
	"github.com/buflsp/buflsp/analysis/syntax"
)

// This file defines the value lattice of the type layer: what the analyzer
// knows about one value at one program point. The inference itself is in
// flow*.go and the query API in types_api.go.

// Kind is the kind of a value. The buffer kinds are those of RULES.md; the
// rest are the ordinary Lua types. Unknown is the top of the lattice: a rule
// never reports anything about an Unknown value.
type Kind uint8

// The kinds of values.
const (
	Unknown    Kind = iota
	Nil             // nil
	Boolean         // true or false
	Number          // a number; Const holds its value when known
	String          // a string; Const holds its value when known
	Table           // a table; Table describes it when it was built here
	Function        // a function; Func describes it when it was written here
	Thread          // a coroutine (coroutine.create / coroutine.wrap)
	Userdata        // a userdata such as io.stdout or newproxy()
	SBufModule      // the table returned by require("string.buffer")
	SBuf            // a string.buffer object
	View            // a string.buffer object made by slice: shares memory with Source
	LuauLib         // Luau's buffer library (the global buffer)
	LBuf            // a Luau buffer; Size holds its length when known
	Pointer         // an FFI pointer from ref() or reserve(), tied to Of
	APIFunc         // a function of the API table taken as a value (sbuf.put, buffer.readu8)
)

var kindNames = [...]string{"unknown", "nil", "boolean", "number", "string", "table", "function", "thread",
	"userdata", "string.buffer module", "string.buffer object", "string.buffer view", "buffer library",
	"buffer", "pointer", "API function"}

// String names the kind the way messages show it.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// IsSBuf reports whether values of the kind are string.buffer objects
// (plain objects and views alike have every method).
func (k Kind) IsSBuf() bool { return k == SBuf || k == View }

// IsBuffer reports whether the kind is one of the buffer kinds of RULES.md.
func (k Kind) IsBuffer() bool { return k == SBuf || k == View || k == LBuf }

// Buffer is the identity of one buffer object: every value created by the
// same creating expression (string.buffer.new, buffer.create, slice, ...)
// in one pass of the analysis shares one *Buffer. Generations of buffers are
// tracked flow-sensitively in the state (see Type.Gen and Type.Stale).
type Buffer struct {
	ID     int
	Kind   Kind        // SBuf, View or LBuf
	Origin syntax.Node // the creating *syntax.Call, the declaring *syntax.Name, or nil
	Source *Buffer     // for a view: the buffer it was sliced from
}

// TableObj describes a table built in this file by a constructor (or
// declared empty and filled with constant keys). Fields maps constant keys
// ("name", or the decimal text of an integer key) to the types assigned to
// them; assignments anywhere in the file merge into it, so it is not
// flow-sensitive and its constants are dropped when read.
type TableObj struct {
	Node   *syntax.Table   // the constructor, or nil
	Fields map[string]Type // constant keys
	// Dynamic is set once a field is assigned with a non-constant key.
	Dynamic bool
}

// FuncInfo describes a function literal written in this file.
type FuncInfo struct {
	Node *syntax.Function
	// Returns holds the merged types of each returned value over every
	// return statement (a function without return returns nothing).
	Returns []Type
	done    bool
	// module and field name a function exported by another file (Node is
	// nil then): calls of it are recorded for that module's summary.
	module, field string
}

// Type is what is known about one value. The zero Type is Unknown.
type Type struct {
	// The one-byte fields come first so that they share one word: a Type
	// is copied into every expression, variable and field the inference
	// records, and its size is most of the inference's memory.
	Kind Kind
	// Const is set when Num (Number) or Str (String) holds the exact value.
	Const bool
	// Stale is set on a read of a Pointer or View whose Of changed since the
	// value was made (its current generation is newer than Gen). StaleBy is
	// the call that changed it last.
	Stale bool
	// Size is the constant length of an LBuf in bytes, or -1 when unknown.
	// It is -1 for every other kind.
	Size int
	Num  float64
	Str  string
	// Buf is the buffer an SBuf, View or LBuf value is, or nil when the
	// value could be one of several buffers.
	Buf *Buffer
	// Of is the buffer a Pointer points into, or the source of a View.
	Of *Buffer
	// Gen is, for a Pointer or a View, the generation Of had when the value
	// was made; for a buffer value, its own generation at this point.
	Gen     int
	StaleBy *syntax.Call
	// Table and Func describe tables and functions written in this file.
	Table *TableObj
	Func  *FuncInfo
	// API is the table entry of an APIFunc value.
	API *api.Func
	// Module is the name of the module the value was required as (the
	// kind stays Unknown unless the workspace knows the module), so that
	// calls of its functions reach the module's parameters.
	Module string
}

// unknownType is the top of the lattice.
var unknownType = Type{Size: -1}

// typeOfKind makes a Type of kind k about which nothing else is known.
func typeOfKind(k Kind) Type { return Type{Kind: k, Size: -1} }

// numberConst makes a constant number.
func numberConst(v float64) Type { return Type{Kind: Number, Size: -1, Const: true, Num: v} }

// stringConst makes a constant string.
func stringConst(s string) Type { return Type{Kind: String, Size: -1, Const: true, Str: s} }

// Known reports whether anything is known about the value.
func (t Type) Known() bool { return t.Kind != Unknown }

// Int returns the constant integer value of a Number, if it has one.
func (t Type) Int() (int64, bool) {
	if t.Kind != Number || !t.Const || t.Num != t.Num || t.Num < -1<<62 || t.Num > 1<<62 {
		return 0, false
	}
	i := int64(t.Num)
	return i, float64(i) == t.Num
}

// APIType is the set of api kinds that the value may be, for checking an
// argument against api.Param.Type; 0 means unknown (anything may match).
func (t Type) APIType() api.Type {
	switch t.Kind {
	case Nil:
		return api.TNil
	case Boolean:
		return api.TBoolean
	case Number:
		return api.TNumber
	case String:
		return api.TString
	case Table, SBufModule, LuauLib:
		return api.TTable
	case Function, APIFunc:
		return api.TFunction
	case SBuf, View:
		return api.TSBuf
	case LBuf:
		return api.TLBuf
	case Pointer:
		return api.TPointer | api.TCdata // an FFI pointer is cdata
	}
	return 0
}

// String renders the type for messages and golden files, e.g. "number 12",
// "buffer(size 16)" or "string.buffer object".
func (t Type) String() string {
	s := t.Kind.String()
	switch {
	case t.Kind == Number && t.Const:
		s += " " + strconv.FormatFloat(t.Num, 'g', -1, 64)
	case t.Kind == String && t.Const:
		s += " " + strconv.Quote(t.Str)
	case t.Kind == LBuf && t.Size >= 0:
		s += "(size " + strconv.Itoa(t.Size) + ")"
	}
	if t.Stale {
		s += " (stale)"
	}
	return s
}

// merge joins the knowledge of two paths: what holds on both. Different
// kinds give Unknown; different constants, sizes or identities are dropped.
func merge(a, b Type) Type {
	if a.Kind != b.Kind {
		// A library that may be nil (if not ok then buffer = nil end after
		// pcall(require, ...)) is still the library where it is used, and
		// a buffer that may be nil (created lazily: b = b or
		// buffer.new(), or on some paths only) is still a buffer: a use
		// reached with nil raises anyway.
		if a.Kind == Nil && (isLibrary(b.Kind) || b.Kind.IsBuffer()) {
			return b
		}
		if b.Kind == Nil && (isLibrary(a.Kind) || a.Kind.IsBuffer()) {
			return a
		}
		return unknownType
	}
	out := a
	if a.Const != b.Const || a.Num != b.Num || a.Str != b.Str {
		out.Const, out.Num, out.Str = false, 0, ""
	}
	if a.Size != b.Size {
		out.Size = -1
	}
	if a.Buf != b.Buf {
		out.Buf = nil
	}
	if a.Of != b.Of {
		out.Of = nil
	}
	if a.Gen != b.Gen {
		out.Gen = min(a.Gen, b.Gen)
	}
	out.Stale = a.Stale || b.Stale
	if out.StaleBy == nil {
		out.StaleBy = b.StaleBy
	}
	if a.Table != b.Table {
		out.Table = nil
	}
	if a.Func != b.Func {
		out.Func = nil
	}
	if a.API != b.API {
		out.API = nil
	}
	if a.Module != b.Module {
		out.Module = ""
	}
	return out
}

// widen forgets the exact value but keeps the kind and identity, for values
// read where the flow is not followed (table fields, upvalues).
func widen(t Type) Type {
	t.Const, t.Num, t.Str = false, 0, ""
	t.Stale, t.StaleBy = false, nil
	if t.Kind == LBuf {
		return t // a Luau buffer's size never changes
	}
	t.Size = -1
	return t
}

// isLibrary reports whether the kind is one of the buffer libraries.
func isLibrary(k Kind) bool { return k == SBufModule || k == LuauLib }
