package lsp

// This file builds the per-snapshot index the navigation and editing features
// read, from the analyzer's own answers for the version: the scope model of
// analysis/semantic (which declaration every name refers to) and its
// flow-sensitive types (what each value is, which calls and members belong
// to the buffer APIs). The server infers nothing itself: the index only
// reshapes those answers for position queries (occurrences sorted by
// offset, members by name, one record per variable) and renders buffer
// kinds the way hover, completion and inlay hints show them.

import (
	"cmp"
	"slices"
	"sort"
	"strconv"

	"github.com/buflsp/buflsp/analysis/api"
	"github.com/buflsp/buflsp/analysis/semantic"
	"github.com/buflsp/buflsp/analysis/syntax"
)

// value is a semantic.Type as the server shows it, plus the name of the
// buffer a view or pointer was taken from, which the types know only as an
// identity.
type value struct {
	t    semantic.Type
	from string
	// declared is the ---@type text of a local declared without a value,
	// shown as written while the inference holds only its nil.
	declared string
}

// Describe renders the value the way hover, completion details and inlay
// hints show it; "" when nothing is known.
func (v value) Describe() string {
	switch v.t.Kind {
	case semantic.Unknown, semantic.Nil:
		if v.declared != "" {
			return v.declared
		}
		if v.t.Kind == semantic.Unknown {
			return ""
		}
	case semantic.SBufModule:
		return "string.buffer module"
	case semantic.SBuf:
		return "string.buffer"
	case semantic.View:
		if v.from != "" {
			return "string.buffer (view of " + v.from + ")"
		}
		return "string.buffer (view)"
	case semantic.Pointer:
		if v.from != "" {
			return "ptr (into " + v.from + ", valid until it changes)"
		}
		return "ptr"
	case semantic.LuauLib:
		return "buffer library"
	case semantic.LBuf:
		if v.t.Size >= 0 {
			return "buffer (" + strconv.Itoa(v.t.Size) + " bytes)"
		}
		return "buffer"
	}
	t := v.t
	t.Stale = false // staleness is said in its own paragraph
	return t.String()
}

// known reports whether anything is known of the value.
func (v value) known() bool { return v.t.Known() }

// isBuffer reports whether v is a buffer value (not a library).
func (v value) isBuffer() bool { return v.t.Kind.IsBuffer() }

// isAPI reports whether v is a buffer, pointer or one of the libraries: the
// values semantic tokens and inlay hints mark.
func (v value) isAPI() bool {
	return v.isBuffer() || v.t.Kind == semantic.Pointer || v.t.Kind == semantic.SBufModule || v.t.Kind == semantic.LuauLib
}

// owner is the API namespace whose members v has, or 0.
func (v value) owner() api.Owner { return semantic.Owner(v.t.Kind) }

// symKind distinguishes how a variable was declared.
type symKind int

const (
	symLocal symKind = iota + 1
	symParam
	symFunction // local function
	symForVar
	symGlobal
)

// symbol is one variable of the model: a local (one declaration) or a
// global name.
type symbol struct {
	sem       *semantic.Symbol
	name      string
	kind      symKind
	declStart int // declaration name span; -1 for globals and the implicit self
	declEnd   int
	val       value  // at the declaration (locals) or where first known (globals)
	refs      []span // every occurrence in source order, the declaration included
	assigned  bool   // a global that is assigned somewhere in the file
}

// span is one occurrence of a name; write marks a declaration or an
// assignment target.
type span struct {
	start, end int
	write      bool
}

// occurrence is a name in the source bound to its symbol.
type occurrence struct {
	span
	name *syntax.Name
	sym  *symbol
	decl bool
}

// member is an access X.name or X:name on a value of an API kind.
type member struct {
	node *syntax.Member
	recv value
	fn   *api.Func // the API entry it names, or nil
}

// callInfo is one call whose callee is an API function.
type callInfo struct {
	node *syntax.Call
	fn   *api.Func
}

// index is what the features read; it is immutable once built.
type index struct {
	file    *syntax.File
	target  syntax.Target
	model   *semantic.Model // nil when there is no parse
	types   *semantic.Types // nil when the inference failed
	symbols []*symbol       // locals in declaration order
	bySem   map[*semantic.Symbol]*symbol
	globals map[string]*symbol
	occ     []occurrence // sorted by start
	members []member     // sorted by the member name's start
	calls   []callInfo   // in evaluation order
}

// buildIndex reshapes the model and types of one parsed file. model and
// types may be nil (a failed build): the index is then empty of them.
func buildIndex(f *syntax.File, model *semantic.Model, types *semantic.Types) *index {
	ix := &index{file: f, model: model, types: types, globals: map[string]*symbol{}, bySem: map[*semantic.Symbol]*symbol{}}
	if f == nil || model == nil {
		return ix
	}
	ix.target = f.Target
	ix.symbols = make([]*symbol, 0, len(model.Locals))
	for _, s := range model.Locals {
		if s.Kind == semantic.LabelSym {
			continue
		}
		ix.symbols = append(ix.symbols, ix.add(s))
	}
	for name, s := range model.Globals {
		ix.globals[name] = ix.add(s)
	}
	slices.SortFunc(ix.occ, func(a, b occurrence) int { return cmp.Compare(a.start, b.start) })
	if types != nil {
		for _, m := range types.Members() {
			if m.Node.Name != nil {
				ix.members = append(ix.members, member{node: m.Node, recv: value{t: m.Recv}, fn: m.Func})
			}
		}
		slices.SortStableFunc(ix.members, func(a, b member) int { return cmp.Compare(a.node.Name.Start, b.node.Name.Start) })
		for _, c := range types.Calls() {
			if c.Func != nil {
				ix.calls = append(ix.calls, callInfo{node: c.Node, fn: c.Func})
			}
		}
	}
	return ix
}

// add records one symbol of the model with its occurrences.
func (ix *index) add(s *semantic.Symbol) *symbol {
	sym := &symbol{sem: s, name: s.Name, declStart: -1, declEnd: -1}
	ix.bySem[s] = sym
	switch s.Kind {
	case semantic.Param:
		sym.kind = symParam
	case semantic.ForVar:
		sym.kind = symForVar
	case semantic.Global:
		sym.kind = symGlobal
	default:
		sym.kind = symLocal
		if _, ok := s.Node.(*syntax.LocalFunction); ok {
			sym.kind = symFunction
		}
	}
	sym.refs = make([]span, 0, len(s.Refs)+1)
	if d := s.Decl; d != nil && d.End > d.Start {
		sym.declStart, sym.declEnd = d.Start, d.End
		sym.refs = append(sym.refs, span{d.Start, d.End, true})
		ix.occ = append(ix.occ, occurrence{span: span{d.Start, d.End, true}, name: d, sym: sym, decl: true})
	}
	for _, r := range s.Refs {
		sp := span{r.Name.Start, r.Name.End, r.Write}
		sym.refs = append(sym.refs, sp)
		ix.occ = append(ix.occ, occurrence{span: sp, name: r.Name, sym: sym})
		if r.Write {
			sym.assigned = true
		}
	}
	// Refs come in source order, after the declaration; a global's first
	// reference may be anywhere.
	sym.val = ix.symbolValue(sym)
	return sym
}

// symbolValue is what is known of a variable: a local's type at its
// declaration, a global's type at its first use the inference knows.
func (ix *index) symbolValue(sym *symbol) value {
	if ix.types == nil {
		return value{t: semantic.Type{Size: -1}}
	}
	var t semantic.Type
	if sym.kind != symGlobal {
		t = ix.types.DeclType(sym.sem)
	}
	if !t.Known() {
		for _, r := range sym.sem.Refs {
			if t = ix.types.TypeOf(r.Name); t.Known() {
				break
			}
		}
	}
	t.Stale, t.StaleBy = false, nil
	return value{t: t, from: ix.sourceName(sym.sem), declared: declaredType(sym.sem)}
}

// declaredType is the ---@type annotation of a local declared without a
// value ("---@type string.buffer" above "local b"), or "".
func declaredType(s *semantic.Symbol) string {
	st, ok := s.Node.(*syntax.Local)
	if !ok || s.Doc == nil || len(st.Values) > 0 || len(st.Names) == 0 || st.Names[0] != s.Decl {
		return ""
	}
	if a := s.Doc.Find("type", ""); a != nil {
		return a.Type
	}
	return ""
}

// sourceName names the buffer a local view or pointer was taken from, when
// its declaration reads "local v = x:slice(...)" (or ref, reserve) with x a
// plain name; "" otherwise.
func (ix *index) sourceName(s *semantic.Symbol) string {
	st, ok := s.Node.(*syntax.Local)
	if !ok || s.Decl == nil {
		return ""
	}
	i := slices.Index(st.Names, s.Decl)
	if i < 0 || len(st.Values) == 0 {
		return ""
	}
	// "local p, n = buf:ref()": every name after the last value comes from
	// the last value, a call that returns several.
	e := st.Values[min(i, len(st.Values)-1)]
	for {
		p, ok := e.(*syntax.Paren)
		if !ok {
			break
		}
		e = p.X
	}
	c, ok := e.(*syntax.Call)
	if !ok {
		return ""
	}
	info := ix.types.CallOf(c)
	if info == nil || info.Func == nil || info.Func.Owner != api.Method {
		return ""
	}
	switch info.Func.Name {
	case "slice", "ref", "reserve":
	default:
		return ""
	}
	if m, ok := c.Fn.(*syntax.Member); ok {
		if n, ok := m.X.(*syntax.Name); ok {
			return n.Value
		}
	}
	return ""
}

// valueAt is what is known of the value of the name at o where it is
// read or declared: the flow-sensitive type there when the inference has
// one (constants, staleness), else the symbol's own value.
func (ix *index) valueAt(o *occurrence) value {
	v := o.sym.val
	if ix.types != nil && o.name != nil {
		if t := ix.types.TypeOf(o.name); t.Known() && (!v.known() || t.Kind == v.t.Kind) {
			v.t = t
		}
	}
	return v
}

// exprText is the source text of a node.
func exprText(src []byte, n syntax.Node) string {
	s, e := n.Span()
	if s < 0 || e > len(src) || s > e {
		return ""
	}
	return string(src[s:e])
}

// ---- queries ----

// occurrenceAt returns the name occurrence containing off (a cursor right
// after the last character of a name counts), or nil.
func (ix *index) occurrenceAt(off int) *occurrence {
	i := sort.Search(len(ix.occ), func(i int) bool { return ix.occ[i].end >= off })
	for ; i < len(ix.occ) && ix.occ[i].start <= off; i++ {
		if off <= ix.occ[i].end {
			return &ix.occ[i]
		}
	}
	return nil
}

// symbolOf returns the variable the identifier n declares or names, or nil.
func (ix *index) symbolOf(n *syntax.Name) *symbol {
	if ix.model == nil {
		return nil
	}
	return ix.bySem[ix.model.Use(n)]
}

// inString reports whether off lies strictly inside a string literal (an
// interpolated Luau string counts as a whole). Only the top-level
// statement around off is searched.
func (ix *index) inString(off int) bool {
	if ix.file == nil || ix.file.Chunk == nil {
		return false
	}
	stmts := ix.file.Chunk.Stmts
	i := sort.Search(len(stmts), func(i int) bool { _, e := stmts[i].Span(); return e > off })
	if i == len(stmts) {
		return false
	}
	if s, _ := stmts[i].Span(); s > off {
		return false
	}
	found := false
	syntax.Inspect(stmts[i], func(n syntax.Node) bool {
		if found {
			return false
		}
		s, e := n.Span()
		if off <= s || off >= e {
			return false
		}
		switch n.(type) {
		case *syntax.String, *syntax.Interp:
			found = true
			return false
		}
		return true
	})
	return found
}

// memberAt returns the member access whose name contains off, or nil.
func (ix *index) memberAt(off int) *member {
	i := sort.Search(len(ix.members), func(i int) bool { return ix.members[i].node.Name.End >= off })
	for ; i < len(ix.members) && ix.members[i].node.Name.Start <= off; i++ {
		n := ix.members[i].node.Name
		if n.Start <= off && off <= n.End && n.Value != "" {
			return &ix.members[i]
		}
	}
	return nil
}

// memberAfterOp returns the member access whose '.' or ':' is at op.
func (ix *index) memberAfterOp(op int) *member {
	for i := range ix.members {
		if ix.members[i].node.OpPos == op {
			return &ix.members[i]
		}
	}
	return nil
}

// visible returns the locals visible at off, innermost first, one per name.
func (ix *index) visible(off int) []*symbol {
	if ix.model == nil {
		return nil
	}
	var out []*symbol
	for _, s := range ix.model.VisibleAt(off) {
		if sym := ix.bySem[s]; sym != nil {
			out = append(out, sym)
		}
	}
	return out
}

// lookupAt resolves a name as it would be seen at off.
func (ix *index) lookupAt(name string, off int) *symbol {
	for _, s := range ix.visible(off) {
		if s.name == name {
			return s
		}
	}
	return ix.globals[name]
}

// callAt returns the innermost API call whose argument list contains off.
func (ix *index) callAt(off int) *callInfo {
	var best *callInfo
	for i := range ix.calls {
		c := ix.calls[i].node
		end := c.End
		if c.RParen >= 0 {
			end = c.RParen
		}
		if c.LParen < off && off <= end && (best == nil || c.LParen > best.node.LParen) {
			best = &ix.calls[i]
		}
	}
	return best
}
