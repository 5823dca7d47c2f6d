// Package api is the one table of signatures for every function and method of
// LuaJIT's string.buffer module and objects, Luau's buffer library and the
// buflsp editing extensions on string.buffer objects.
//
// The analyzer checks calls against it, and the language server renders it in
// hover, completion and signature help. The table describes the API; it never
// runs it, so this package imports nothing of the runtime.
package api

import "strings"

// Owner says which namespace a function belongs to.
type Owner int

const (
	// Module is a function of the table returned by require("string.buffer").
	Module Owner = iota + 1
	// Method is a method of a string.buffer object, called as sbuf:name(...).
	Method
	// Luau is a function of Luau's global buffer library, called as buffer.name(...).
	Luau
)

// String names the owner the way users write the receiver.
func (o Owner) String() string {
	switch o {
	case Module:
		return "string.buffer"
	case Method:
		return "string.buffer object"
	case Luau:
		return "buffer"
	}
	return "unknown"
}

// Type is a set of Lua value kinds that a parameter accepts or a function
// returns. It is a bit set so that unions such as string|number are one value
// and "can this argument match" is a single AND.
type Type uint32

// The value kinds. Integer is a number used as a whole count or offset (the
// runtime truncates fractions); SBuf is a string.buffer object and LBuf a Luau
// buffer; Pointer is the FFI pointer returned by ref/reserve.
const (
	TNil Type = 1 << iota
	TBoolean
	TNumber
	TInteger
	TString
	TTable
	TFunction
	TSBuf
	TLBuf
	TPointer
	TCdata
	// Int64 is Luau's 64-bit integer value type (typeof "integer"), which
	// readinteger returns and writeinteger requires; a plain number is not one.
	TInt64
	TAny Type = 1<<iota - 1
)

// String renders the set in LuaCATS union syntax, e.g. "string|number".
func (t Type) String() string {
	if t == TAny {
		return "any"
	}
	if t == 0 {
		return "nothing"
	}
	names := [...]string{"nil", "boolean", "number", "integer", "string", "table", "function", "string.buffer", "buffer", "ptr", "cdata", "int64"}
	var parts []string
	for i, name := range names {
		if t&(1<<i) != 0 {
			parts = append(parts, name)
		}
	}
	return strings.Join(parts, "|")
}

// Accepts reports whether a value of kind v can be passed where t is expected.
// An integer is a number, so Number accepts Integer and vice versa.
func (t Type) Accepts(v Type) bool {
	if t&(TNumber|TInteger) != 0 && v&(TNumber|TInteger) != 0 {
		return true
	}
	return t&v != 0
}

// Param is one parameter or one result.
type Param struct {
	Name     string
	Type     Type
	Optional bool   // may be omitted (or nil): a default applies
	Doc      string // one short phrase for signature help
}

// Func is one entry of the table.
type Func struct {
	Name   string
	Owner  Owner
	Params []Param
	// Variadic, when non-nil, describes each of any number of extra arguments
	// after Params.
	Variadic *Param
	Results  []Param
	// VariadicResults means the function returns one result per argument (get)
	// or a list whose length depends on the input.
	VariadicResults bool
	// Chains means the method returns its receiver so that calls can be chained.
	Chains  bool
	Doc     string // one paragraph in our own words
	Example string // a short Lua snippet
	// Extension marks buflsp's editing methods; they exist only when the
	// target is buflsp.
	Extension bool
	// FFI marks methods that exist only in LuaJIT builds with the FFI (they
	// take or return cdata pointers).
	FFI bool
	// Access is set for Luau's fixed-width readX/writeX functions.
	Access *Access
	// Experimental names the Luau fast flag that registers the function, for
	// members that exist only while that flag is on (it is on in the
	// reference build). Hover says so.
	Experimental string
}

// MinArgs is the number of arguments that must be passed (the receiver of a
// method is not counted).
func (f *Func) MinArgs() int {
	n := 0
	for i, p := range f.Params {
		if !p.Optional {
			n = i + 1
		}
	}
	return n
}

// MaxArgs is the number of arguments the function uses, or -1 when it takes
// any number.
func (f *Func) MaxArgs() int {
	if f.Variadic != nil {
		return -1
	}
	return len(f.Params)
}

// Qualified is how a call is written: "buffer.readu8", "sbuf:put" or
// "string.buffer.new".
func (f *Func) Qualified() string {
	switch f.Owner {
	case Method:
		return "sbuf:" + f.Name
	case Luau:
		return "buffer." + f.Name
	}
	return "string.buffer." + f.Name
}

// Access describes a fixed-width Luau read or write, so that rules can check
// bounds and value ranges without parsing names.
type Access struct {
	Width  int  // bytes read or written
	Signed bool // two's complement integer
	Float  bool // IEEE float of Width bytes
	Write  bool // writes Params[2] at Params[1]
}
