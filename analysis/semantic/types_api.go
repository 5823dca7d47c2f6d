package semantic

import (
	"github.com/buflsp/buflsp/analysis/api"
	"github.com/buflsp/buflsp/analysis/syntax"
)

// This file is the query side of the type layer. Rules build it once per
// file with Infer and then ask:
//
//   - TypeOf(e): what is known about the value of expression e at the point
//     where it is evaluated (flow-sensitive inside each function: straight
//     line code, branches merged, loops iterated until the head is stable);
//   - Calls(): every call whose callee is a member of a buffer-kind value
//     (string.buffer module or object, view, Luau library or buffer), or an
//     API function taken as a value, with its resolved api.Func;
//   - Members(): every X.name / X:name on such a value, called or not.
//
// Identity: values made by the same creating call share one *Buffer, so a
// rule can tell "the same buffer" apart from "another buffer of the same
// kind". Generations: every call that changes a buffer (a method that is not
// tostring/ref/slice/clone/find/rfind/split/capacity/len, a Luau write,
// fill or copy into it) gives it a new generation; a Pointer or View read
// after its buffer changed has Stale set and StaleBy naming the call.

// Types is the inferred type information of one file.
type Types struct {
	Model  *Model
	Target syntax.Target
	API    *api.Table

	// exprs maps each expression to its type's index in vals: an
	// expression's Type is about a hundred bytes and most expressions of
	// a file share a few distinct ones (the same buffer, the same
	// function), so each distinct Type is stored once. This map is most
	// of an inference's memory, and a language server keeps two of them
	// while the user types.
	exprs map[syntax.Expr]int32
	// names does for the file's names what exprs does for the other
	// expressions, indexed by Name.ID: names are most of the recorded
	// expressions, and a slice is far cheaper to fill and read than a
	// map. Each entry keeps its name, so a name of another parse (whose
	// IDs overlap) is never taken for one of this file.
	names   []nameType
	vals    []Type
	decl    declTable
	calls   []*Call
	callIdx map[*syntax.Call]*Call
	members []*MemberUse
	memIdx  map[*syntax.Member]*MemberUse
	summary *Summary
}

// Call is one call of the buffer APIs.
type Call struct {
	Node *syntax.Call
	// Recv is the type of X in X.name(...) or X:name(...): the namespace
	// (SBufModule, LuauLib) or object (SBuf, View, LBuf, ...). For a call of
	// an APIFunc value, Recv is Unknown and Callee holds the value.
	Recv Type
	// Callee is the type of the called expression.
	Callee Type
	// Name is the member name as written ("" for calls of a value).
	Name string
	// Method is set for X:name(...) (the receiver is passed as self).
	Method bool
	// Func is the API entry the call resolves to, or nil when the member
	// does not exist for the receiver's kind and target.
	Func *api.Func
	// ExtensionOnly is the entry of a buflsp extension called while the
	// target is not buflsp (Func is nil then).
	ExtensionOnly *api.Func
	// Args are the types of the explicit arguments in order (self is not
	// among them for ':' calls).
	Args []Type
	// OpenArgs is set when the last argument is a call or '...', so the
	// number of values passed is at least len(Args)-1 and unknown.
	OpenArgs bool
}

// Arg returns the i-th argument expression, or nil.
func (c *Call) Arg(i int) syntax.Expr {
	if i < 0 || i >= len(c.Node.Args) {
		return nil
	}
	return c.Node.Args[i]
}

// MemberUse is one X.name or X:name where X has an API kind (SBufModule,
// SBuf, View, LuauLib, LBuf).
type MemberUse struct {
	Node *syntax.Member
	Recv Type
	// Func is the resolved entry, nil when the kind has no such member (in
	// this target); ExtensionOnly as in Call.
	Func          *api.Func
	ExtensionOnly *api.Func
	// Called is set when the member is the callee of a call.
	Called bool
}

// Owner returns the api namespace of a receiver kind (0 when it has none).
func Owner(k Kind) api.Owner {
	switch k {
	case SBufModule:
		return api.Module
	case SBuf, View:
		return api.Method
	case LuauLib:
		return api.Luau
	}
	return 0
}

// TypeOf returns what is known about e where it is evaluated. Literals are
// read directly; other expressions the inference did not reach, or about
// which nothing is known, are Unknown.
func (t *Types) TypeOf(e syntax.Expr) Type {
	if e == nil {
		return unknownType
	}
	if n, ok := e.(*syntax.Name); ok && n != nil {
		if id := n.ID(); id > 0 && id < len(t.names) && t.names[id].n == n {
			return t.vals[t.names[id].i]
		}
	}
	if i, ok := t.exprs[e]; ok {
		return t.vals[i]
	}
	return literalType(e)
}

// declTable holds the type each local was declared with: a slot per
// symbol the model registered (by Symbol.id), and a map for any other.
// It answers as a map keyed by the symbol would; the slots spare hashing a
// pointer at every read of a local, and half the memory.
type declTable struct {
	slots []declSlot
	other map[*Symbol]Type
}

type declSlot struct {
	sym *Symbol
	t   Type
}

// newDeclTable makes the table for a model of n symbols.
func newDeclTable(n int) declTable { return declTable{slots: make([]declSlot, n+1)} }

func (d *declTable) slot(s *Symbol) int {
	if s == nil || s.id <= 0 || int(s.id) >= len(d.slots) {
		return 0
	}
	return int(s.id)
}

func (d *declTable) get(s *Symbol) (Type, bool) {
	if i := d.slot(s); i > 0 && d.slots[i].sym == s {
		return d.slots[i].t, true
	}
	t, ok := d.other[s]
	return t, ok
}

func (d *declTable) set(s *Symbol, t Type) {
	// A slot held by another symbol (one of another model with the same
	// index) leaves s to the map.
	if i := d.slot(s); i > 0 && (d.slots[i].sym == nil || d.slots[i].sym == s) {
		d.slots[i] = declSlot{s, t}
		return
	}
	if d.other == nil {
		d.other = map[*Symbol]Type{}
	}
	d.other[s] = t
}

// reset empties the table, keeping its memory.
func (d *declTable) reset() {
	clear(d.slots)
	clear(d.other)
}

// nameType is the recorded type of one name: its index in Types.vals.
type nameType struct {
	n *syntax.Name
	i int32
}

// setName records that name n has the type vals[i], and reports false
// when n has no slot of its own in names (then the caller keeps it in
// exprs).
func (t *Types) setName(n *syntax.Name, i int32) bool {
	id := n.ID()
	if id >= len(t.names) || t.names[id].n != nil && t.names[id].n != n {
		return false
	}
	t.names[id] = nameType{n, i}
	return true
}

// HasKind reports whether TypeOf gives k for some expression of the file:
// a rule that looks only at values of kind k can stop at once when it
// does not.
func (t *Types) HasKind(k Kind) bool {
	switch k {
	case Unknown, Nil, Boolean, Number, String:
		return true // what literalType gives, without a record
	}
	for _, v := range t.vals {
		if v.Kind == k {
			return true
		}
	}
	return false
}

// DeclType returns the type a local had when it was declared (its initial
// value, or its annotation), Unknown if the inference did not reach it.
func (t *Types) DeclType(s *Symbol) Type {
	if tt, ok := t.decl.get(s); ok {
		return tt
	}
	return unknownType
}

// Calls returns the API calls in the order they were first evaluated.
func (t *Types) Calls() []*Call { return t.calls }

// CallOf returns the API call information of c, or nil.
func (t *Types) CallOf(c *syntax.Call) *Call { return t.callIdx[c] }

// Members returns the member accesses on API kinds in evaluation order.
func (t *Types) Members() []*MemberUse { return t.members }

// literalType is the type of a literal expression.
func literalType(e syntax.Expr) Type {
	switch e := e.(type) {
	case *syntax.Nil:
		return typeOfKind(Nil)
	case *syntax.True, *syntax.False:
		return typeOfKind(Boolean)
	case *syntax.Number:
		if v, ok := NumberValue(e.Raw); ok {
			return numberConst(v)
		}
		return typeOfKind(Number)
	case *syntax.String:
		if v, ok := StringValue(e.Raw); ok {
			return stringConst(v)
		}
		return typeOfKind(String)
	case *syntax.Interp:
		return typeOfKind(String)
	}
	return unknownType
}

// FuncOf returns the outermost scope of the function (or chunk) that
// contains off, so that rules can tell whether two places run in the same
// function.
func FuncOf(m *Model, off int) *Scope { return funcScope(m.ScopeAt(off)) }
