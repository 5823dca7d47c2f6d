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

// symbol is one variable of the model, a local (one declaration) or a
// global name, as the features read it. Symbols are made on demand from
// the model; two lookups of one variable give equal, not identical, values.
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
	use  *semantic.MemberUse
	fn   *api.Func // the API entry it names, or nil
}

// recv is the value the member is taken from.
func (m *member) recv() value { return value{t: m.use.Recv} }

// callInfo is one call whose callee is an API function.
type callInfo struct {
	node *syntax.Call
	fn   *api.Func
}

// index is what the features read; it is immutable once built. Names,
// scopes and types are answered by the model and types themselves (their
// own lookups are by offset already); the index only keeps the API members
// sorted by offset and the resolved API calls.
type index struct {
	file    *syntax.File
	target  syntax.Target
	model   *semantic.Model // nil when there is no parse
	types   *semantic.Types // nil when the inference failed
	members []member        // sorted by the member name's start
	calls   []callInfo      // in evaluation order
}

// buildIndex wraps the model and types of one parsed file. model and types
// may be nil (a failed build): the index then knows no names or values.
func buildIndex(f *syntax.File, model *semantic.Model, types *semantic.Types) *index {
	ix := &index{file: f, model: model, types: types}
	if f == nil || model == nil {
		return ix
	}
	ix.target = f.Target
	if types != nil {
		ix.members = make([]member, 0, len(types.Members()))
		for _, m := range types.Members() {
			if m.Node.Name != nil {
				ix.members = append(ix.members, member{node: m.Node, use: m, fn: m.Func})
			}
		}
		slices.SortStableFunc(ix.members, func(a, b member) int { return cmp.Compare(a.node.Name.Start, b.node.Name.Start) })
		ix.calls = make([]callInfo, 0, len(types.Calls()))
		for _, c := range types.Calls() {
			if c.Func != nil {
				ix.calls = append(ix.calls, callInfo{node: c.Node, fn: c.Func})
			}
		}
	}
	return ix
}

// symbolFor describes one symbol of the model, or returns nil for labels
// and nil.
func (ix *index) symbolFor(s *semantic.Symbol) *symbol {
	if s == nil || s.Kind == semantic.LabelSym {
		return nil
	}
	sym := &symbol{sem: s, name: s.Name, declStart: -1, declEnd: -1}
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
	}
	for _, r := range s.Refs {
		sym.refs = append(sym.refs, span{r.Name.Start, r.Name.End, r.Write})
		if r.Write {
			sym.assigned = true
		}
	}
	sym.val = ix.symbolValue(sym)
	return sym
}

// global returns the global name, or nil when the file does not use it.
func (ix *index) global(name string) *symbol {
	if ix.model == nil {
		return nil
	}
	return ix.symbolFor(ix.model.Globals[name])
}

// globalNames returns the globals the file uses, sorted.
func (ix *index) globalNames() []string {
	if ix.model == nil {
		return nil
	}
	out := make([]string, 0, len(ix.model.Globals))
	for name := range ix.model.Globals {
		out = append(out, name)
	}
	slices.Sort(out)
	return out
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
// one (constants, staleness; for a local declared without a value, the
// value assigned later, as "local b" ... "b = b or buffer.new()"), else
// the symbol's own value.
func (ix *index) valueAt(o *occurrence) value {
	v := o.sym.val
	if ix.types != nil && o.name != nil {
		if t := ix.types.TypeOf(o.name); t.Known() && (!v.known() || v.t.Kind == semantic.Nil || t.Kind == v.t.Kind) {
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
	if ix.model == nil {
		return nil
	}
	n := ix.model.NameAt(off)
	if n == nil || n.End <= n.Start {
		return nil
	}
	sym := ix.symbolFor(ix.model.Use(n))
	if sym == nil {
		return nil
	}
	o := &occurrence{span: span{n.Start, n.End, false}, name: n, sym: sym, decl: n == sym.sem.Decl}
	o.write = o.decl
	for _, r := range sym.sem.Refs {
		if r.Name == n {
			o.write = r.Write
		}
	}
	return o
}

// symbolOf returns the variable the identifier n declares or names, or nil.
func (ix *index) symbolOf(n *syntax.Name) *symbol {
	if ix.model == nil {
		return nil
	}
	return ix.symbolFor(ix.model.Use(n))
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
		if sym := ix.symbolFor(s); sym != nil {
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
	return ix.global(name)
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
