// Package semantic builds the scope and symbol model of a parsed Lua file:
// which declaration every identifier refers to (locals, parameters,
// upvalues, globals, labels), the references of each declaration, and the
// LuaCATS annotations (---@type, ---@param, ...) attached to statements.
//
// Invariant: the model is built from the syntax tree alone; it never runs
// code and never reads files. Later passes (types of values, buffer kinds)
// add their own files to this package.
package semantic

import "github.com/buflsp/buflsp/analysis/syntax"

// SymbolKind tells what declared a symbol. One byte, so that it shares a
// word of Symbol with Captured.
type SymbolKind uint8

// The kinds of symbols.
const (
	Local    SymbolKind = iota // local statement or local function
	Param                      // function parameter (including implicit self)
	ForVar                     // numeric or generic for variable
	Global                     // a free name
	LabelSym                   // ::label::
)

func (k SymbolKind) String() string {
	return [...]string{"local", "param", "for", "global", "label"}[k]
}

// Ref is one use of a symbol.
type Ref struct {
	Name  *syntax.Name
	Write bool // assigned to (target of = or a compound assignment)
}

// Symbol is a declared name (or, for globals, every use of a free name).
type Symbol struct {
	Name string
	Kind SymbolKind
	// Captured is set when a nested function uses the symbol (an upvalue).
	Captured bool
	// Decl is the declaring identifier; nil for globals. For the implicit
	// self of a method it is a zero-width name at the colon.
	Decl *syntax.Name
	// Node is the declaring statement or function (nil for globals).
	Node   syntax.Node
	Attrib string // "const" or "close" (Lua 5.4), else ""
	Scope  *Scope
	Refs   []Ref // uses, in source order, not counting Decl
	// Shadows is the symbol of the same name this one hides, or nil.
	Shadows *Symbol
	// Doc holds the annotations written above the declaring statement.
	Doc *Doc
	// id is the symbol's index in its model's list plus one (0 for a
	// symbol the model did not register), so that the inference keeps a
	// value per symbol in a slice instead of a map.
	id int32
}

// Scope is a lexical scope: a function body, a block or a loop body.
type Scope struct {
	syntax.Range
	Parent   *Scope
	Children []*Scope
	Symbols  []*Symbol // declared here, in order
	Func     bool      // the outermost scope of a function (or the chunk)
	Labels   []*Symbol
}

// Model is the semantic model of one file.
type Model struct {
	File    *syntax.File
	Root    *Scope
	Locals  []*Symbol            // every non-global symbol in declaration order
	Globals map[string]*Symbol   // free names, each with all its uses
	Docs    map[syntax.Node]*Doc // annotations attached to statements
	Notes   []*Annotation        // every ---@ annotation in the file
	names   []*syntax.Name       // every identifier with a symbol, sorted by offset
	scopes  []*Scope             // every scope in creation order
	// uses holds, at the Name.ID of every identifier (use or declaration),
	// 1 + the index of its symbol in syms; the other slots (field names,
	// missing names) are 0. Indexed by the parser's dense ids, it costs 4
	// bytes a name instead of a map entry, needs no hashing, and holds no
	// pointers for the garbage collector to scan. extraUses holds the
	// names without an ID (trees built by hand rather than by
	// syntax.Parse).
	uses      []int32
	syms      []*Symbol
	extraUses map[*syntax.Name]*Symbol
}

// Use returns the symbol the identifier n declares or refers to, or nil
// when n is no variable (a field name, a missing name, a goto without a
// label). n must come from the model's own file: names of two parses share
// IDs, and a name of another file may give an unrelated symbol of the same
// name.
func (m *Model) Use(n *syntax.Name) *Symbol {
	if n == nil {
		return nil
	}
	if id := n.ID(); id > 0 {
		if id < len(m.uses) && m.uses[id] > 0 {
			// The name check keeps most names of other files from
			// resolving; for the file's own names it always holds.
			if s := m.syms[m.uses[id]-1]; s.Name == n.Value {
				return s
			}
		}
		return nil
	}
	return m.extraUses[n]
}

// setUse records that n declares or refers to s, the symbol with index
// sym in m.syms.
func (m *Model) setUse(n *syntax.Name, s *Symbol, sym int32) {
	id := n.ID()
	if id == 0 {
		if m.extraUses == nil {
			m.extraUses = map[*syntax.Name]*Symbol{}
		}
		m.extraUses[n] = s
		return
	}
	if id >= len(m.uses) {
		m.uses = append(m.uses, make([]int32, id+1-len(m.uses))...)
	}
	m.uses[id] = sym + 1
}
