package lsp

// This file builds the per-snapshot index the navigation and editing features
// read: every local variable with its declaration and references (scopes
// resolved the way Lua resolves them), the globals used, every call and
// member access, and what the server knows of each variable's value (which
// buffer API it belongs to, and the size of a Luau buffer when it is a
// constant).
//
// NOTE(H6): the analyzer's own semantic model (analysis/semantic) was not
// available when this was written, so the server infers buffer kinds itself
// from the syntax tree and the API table, with deliberately simple rules:
// require("string.buffer"), M.new(...), chaining methods, slice (a view),
// ref/reserve (a pointer), buffer.create(n)/buffer.fromstring(s) on the Luau
// library, and ---@type annotations on locals. Values flow through local
// declarations only. When analysis/semantic lands, valueOf should ask it.

import (
	"cmp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/buflsp/buflsp/analysis/api"
	"github.com/buflsp/buflsp/analysis/syntax"
)

// valueKind is what the server knows a value is.
type valueKind int

const (
	vUnknown    valueKind = iota
	vSBufModule           // the table returned by require("string.buffer")
	vSBuf                 // a string.buffer object
	vView                 // a string.buffer view made by slice
	vPointer              // the FFI pointer returned by ref/reserve
	vLuauLib              // Luau's global buffer library
	vLBuf                 // a Luau buffer
)

// value is a kind plus what else is known.
type value struct {
	kind valueKind
	size int    // byte size of a Luau buffer, or -1
	from string // for a view or pointer: the name of its source buffer
}

var unknownValue = value{size: -1}

// Describe renders the value the way hover and inlay hints show it.
func (v value) Describe() string {
	switch v.kind {
	case vSBufModule:
		return "string.buffer module"
	case vSBuf:
		return "string.buffer"
	case vView:
		if v.from != "" {
			return "string.buffer (view of " + v.from + ")"
		}
		return "string.buffer (view)"
	case vPointer:
		if v.from != "" {
			return "ptr (into " + v.from + ", valid until it changes)"
		}
		return "ptr"
	case vLuauLib:
		return "buffer library"
	case vLBuf:
		if v.size >= 0 {
			return "buffer (" + strconv.Itoa(v.size) + " bytes)"
		}
		return "buffer"
	}
	return ""
}

// isBuffer reports whether v is a buffer value (not a library).
func (v value) isBuffer() bool {
	return v.kind == vSBuf || v.kind == vView || v.kind == vLBuf
}

// owner is the API namespace whose members v has, or 0.
func (v value) owner() api.Owner {
	switch v.kind {
	case vSBufModule:
		return api.Module
	case vSBuf, vView:
		return api.Method
	case vLuauLib:
		return api.Luau
	}
	return 0
}

// symKind distinguishes how a variable was declared.
type symKind int

const (
	symLocal symKind = iota + 1
	symParam
	symFunction // local function
	symForVar
	symGlobal
)

// symbol is one variable: a local (one declaration) or a global name.
type symbol struct {
	name       string
	kind       symKind
	declStart  int // declaration name span; -1 for globals
	declEnd    int
	visStart   int // where the local becomes visible
	visEnd     int // where its scope ends
	val        value
	refs       []span // every occurrence, the declaration included
	assigned   bool   // a global that is assigned somewhere in the file
	parentFunc string // enclosing function name, for symbols
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
	sym  *symbol
	decl bool
}

// member is an access X.name or X:name whose receiver value is known.
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
	symbols []*symbol
	byDecl  map[int]*symbol // locals by the offset of their declaring name
	globals map[string]*symbol
	occ     []occurrence // sorted by start
	members []member     // sorted by the member name's start
	calls   []callInfo   // in source order
	strings []span       // string literals, sorted by start
}

// indexer walks one file.
type indexer struct {
	ix    *index
	table *api.Table
	scope *scope
	// luauLib says whether the global name "buffer" is Luau's library.
	luauLib bool
	funcs   []string
}

// scope is one block's locals, innermost last.
type scope struct {
	parent *scope
	names  map[string]*symbol
	end    int
}

// buildIndex indexes a parsed file against the API table.
func buildIndex(f *syntax.File, table *api.Table) *index {
	ix := &index{file: f, globals: map[string]*symbol{}, byDecl: map[int]*symbol{}}
	if f == nil || f.Chunk == nil {
		return ix
	}
	ix.target = f.Target
	// Size the big lists from the source length (names are dense in Lua)
	// so that they do not regrow many times on large files.
	ix.occ = make([]occurrence, 0, len(f.Src)/12)
	ix.members = make([]member, 0, len(f.Src)/48)
	in := &indexer{ix: ix, table: table, luauLib: f.Target != syntax.TargetLuaJIT}
	in.push(len(f.Src))
	in.block(f.Chunk)
	in.pop()
	slices.SortStableFunc(ix.occ, func(a, b occurrence) int { return cmp.Compare(a.start, b.start) })
	slices.SortFunc(ix.strings, func(a, b span) int { return cmp.Compare(a.start, b.start) })
	slices.SortStableFunc(ix.members, func(a, b member) int { return cmp.Compare(a.node.Name.Start, b.node.Name.Start) })
	return ix
}

// push opens a scope; its map is allocated on the first declaration, since
// most blocks declare nothing.
func (in *indexer) push(end int) { in.scope = &scope{parent: in.scope, end: end} }
func (in *indexer) pop()         { in.scope = in.scope.parent }

// declare adds a local visible from visStart to the end of the current scope.
func (in *indexer) declare(n *syntax.Name, kind symKind, visStart int, v value) *symbol {
	if n == nil || n.Value == "" {
		return nil
	}
	sym := &symbol{name: n.Value, kind: kind, declStart: n.Start, declEnd: n.End, visStart: visStart, visEnd: in.scope.end, val: v}
	if len(in.funcs) > 0 {
		sym.parentFunc = in.funcs[len(in.funcs)-1]
	}
	sym.refs = append(sym.refs, span{n.Start, n.End, true})
	if in.scope.names == nil {
		in.scope.names = map[string]*symbol{}
	}
	in.scope.names[n.Value] = sym
	in.ix.symbols = append(in.ix.symbols, sym)
	in.ix.byDecl[n.Start] = sym
	in.ix.occ = append(in.ix.occ, occurrence{span: span{n.Start, n.End, true}, sym: sym, decl: true})
	return sym
}

// lookup resolves a name in the current scopes.
func (in *indexer) lookup(name string) *symbol {
	for s := in.scope; s != nil; s = s.parent {
		if sym := s.names[name]; sym != nil {
			return sym
		}
	}
	return nil
}

// use records a reference to a name and returns its symbol.
func (in *indexer) use(n *syntax.Name, assign bool) *symbol {
	if n == nil || n.Value == "" {
		return nil
	}
	sym := in.lookup(n.Value)
	if sym == nil {
		sym = in.ix.globals[n.Value]
		if sym == nil {
			sym = &symbol{name: n.Value, kind: symGlobal, declStart: -1, declEnd: -1, val: unknownValue}
			if n.Value == "buffer" && in.luauLib {
				sym.val = value{kind: vLuauLib, size: -1}
			}
			in.ix.globals[n.Value] = sym
		}
		if assign {
			sym.assigned = true
		}
	}
	sym.refs = append(sym.refs, span{n.Start, n.End, assign})
	in.ix.occ = append(in.ix.occ, occurrence{span: span{n.Start, n.End, assign}, sym: sym})
	return sym
}

func (in *indexer) block(b *syntax.Block) {
	if b == nil {
		return
	}
	for _, st := range b.Stmts {
		in.stmt(st)
	}
}

// scoped walks b in a new scope that ends where b ends (or at end, when
// larger, for repeat-until whose condition sees the body's locals).
func (in *indexer) scoped(b *syntax.Block, end int) {
	if b == nil {
		return
	}
	in.push(max(b.End, end))
	in.block(b)
	in.pop()
}

func (in *indexer) stmt(st syntax.Stmt) {
	switch st := st.(type) {
	case *syntax.Local:
		vals := make([]value, len(st.Values))
		for i, e := range st.Values {
			vals[i] = in.expr(e)
		}
		annotated := in.annotation(st.Start)
		for i, n := range st.Names {
			v := unknownValue
			if i < len(vals) {
				v = vals[i]
			}
			if annotated.kind != vUnknown && i == 0 {
				v = annotated
			}
			in.declare(n, symLocal, st.End, v)
		}
	case *syntax.Assign:
		for _, e := range st.Values {
			in.expr(e)
		}
		for i, t := range st.Targets {
			if n, ok := t.(*syntax.Name); ok {
				sym := in.use(n, true)
				if sym != nil && sym.kind == symGlobal && sym.val.kind == vUnknown && i < len(st.Values) {
					// A global's value is known from its first assignment.
					sym.val = in.valueOf(st.Values[i])
				}
				continue
			}
			in.expr(t)
		}
	case *syntax.CompoundAssign:
		in.expr(st.Target)
		in.expr(st.Value)
	case *syntax.CallStmt:
		in.expr(st.Call)
	case *syntax.Do:
		in.scoped(st.Body, 0)
	case *syntax.While:
		in.expr(st.Cond)
		in.scoped(st.Body, 0)
	case *syntax.Repeat:
		in.push(st.End)
		in.block(st.Body)
		in.expr(st.Cond)
		in.pop()
	case *syntax.If:
		for i, c := range st.Conds {
			in.expr(c)
			if i < len(st.Blocks) {
				in.scoped(st.Blocks[i], 0)
			}
		}
		in.scoped(st.Else, 0)
	case *syntax.NumericFor:
		in.expr(st.Start)
		in.expr(st.Limit)
		in.expr(st.Step)
		in.push(st.End)
		if st.Body != nil {
			in.declare(st.Var, symForVar, st.Body.Start, unknownValue)
		}
		in.block(st.Body)
		in.pop()
	case *syntax.GenericFor:
		for _, e := range st.Exprs {
			in.expr(e)
		}
		in.push(st.End)
		if st.Body != nil {
			for _, n := range st.Names {
				in.declare(n, symForVar, st.Body.Start, unknownValue)
			}
		}
		in.block(st.Body)
		in.pop()
	case *syntax.FunctionStmt:
		name := ""
		method := false
		switch n := st.Name.(type) {
		case *syntax.Name:
			in.use(n, true)
			name = n.Value
		case *syntax.Member:
			in.expr(n.X)
			name = exprText(in.ix.file.Src, n)
			method = n.Colon
		}
		in.function(st.Func, name, method)
	case *syntax.LocalFunction:
		in.declare(st.Name, symFunction, st.Start, unknownValue)
		name := ""
		if st.Name != nil {
			name = st.Name.Value
		}
		in.function(st.Func, name, false)
	case *syntax.Return:
		for _, e := range st.Values {
			in.expr(e)
		}
	case *syntax.Goto, *syntax.Label, *syntax.Break, *syntax.Continue, *syntax.TypeAlias, *syntax.BadStmt:
	}
}

// function walks a function body: parameters (and self for methods) are
// locals of the body.
func (in *indexer) function(fn *syntax.Function, name string, method bool) {
	if fn == nil {
		return
	}
	in.funcs = append(in.funcs, name)
	in.push(fn.End)
	if method {
		self := &symbol{name: "self", kind: symParam, declStart: -1, declEnd: -1, visStart: fn.Start, visEnd: fn.End, val: unknownValue}
		in.scope.names = map[string]*symbol{"self": self}
		in.ix.symbols = append(in.ix.symbols, self)
	}
	for _, p := range fn.Params {
		in.declare(p, symParam, fn.Start, in.paramAnnotation(fn.Start, p))
	}
	in.block(fn.Body)
	in.pop()
	in.funcs = in.funcs[:len(in.funcs)-1]
}

// expr walks an expression and returns what is known of its value.
func (in *indexer) expr(e syntax.Expr) value {
	if e == nil {
		return unknownValue
	}
	switch e := e.(type) {
	case *syntax.Name:
		if sym := in.use(e, false); sym != nil {
			return sym.val
		}
	case *syntax.Paren:
		return in.expr(e.X)
	case *syntax.Member:
		recv := in.expr(e.X)
		in.member(e, recv)
	case *syntax.Index:
		in.expr(e.X)
		in.expr(e.Key)
	case *syntax.Call:
		return in.call(e)
	case *syntax.Function:
		in.function(e, "", false)
	case *syntax.Table:
		for _, f := range e.Fields {
			in.expr(f.Key)
			in.expr(f.Value)
		}
	case *syntax.Binary:
		in.expr(e.L)
		in.expr(e.R)
	case *syntax.Unary:
		in.expr(e.X)
	case *syntax.Cast:
		in.expr(e.X)
	case *syntax.IfExpr:
		for _, c := range e.Conds {
			in.expr(c)
		}
		for _, t := range e.Thens {
			in.expr(t)
		}
		in.expr(e.Else)
	case *syntax.Interp:
		in.ix.strings = append(in.ix.strings, span{start: e.Start, end: e.End})
		for _, x := range e.Exprs {
			in.expr(x)
		}
	case *syntax.String:
		in.ix.strings = append(in.ix.strings, span{start: e.Start, end: e.End})
	}
	return unknownValue
}

// member records X.name / X:name and resolves it against the API.
func (in *indexer) member(m *syntax.Member, recv value) *api.Func {
	if m.Name == nil {
		return nil
	}
	var fn *api.Func
	if owner := recv.owner(); owner != 0 && m.Name.Value != "" {
		if f, ok := in.table.Lookup(owner, m.Name.Value); ok {
			fn = f
		}
	}
	in.ix.members = append(in.ix.members, member{node: m, recv: recv, fn: fn})
	return fn
}

// call walks a call and infers its result.
func (in *indexer) call(c *syntax.Call) value {
	var result = unknownValue
	switch fn := c.Fn.(type) {
	case *syntax.Name:
		in.expr(fn)
		if fn.Value == "require" && in.lookup("require") == nil && len(c.Args) == 1 {
			if s, ok := c.Args[0].(*syntax.String); ok && stringValue(s.Raw) == "string.buffer" {
				result = value{kind: vSBufModule, size: -1}
			}
		}
	case *syntax.Member:
		recv := in.expr(fn.X)
		f := in.member(fn, recv)
		if f != nil {
			in.ix.calls = append(in.ix.calls, callInfo{node: c, fn: f})
			result = in.result(f, recv, fn, c)
		}
	default:
		in.expr(c.Fn)
	}
	for _, a := range c.Args {
		in.expr(a)
	}
	return result
}

// result infers the value an API call returns.
func (in *indexer) result(f *api.Func, recv value, m *syntax.Member, c *syntax.Call) value {
	recvName := ""
	if n, ok := m.X.(*syntax.Name); ok {
		recvName = n.Value
	}
	switch {
	case f.Owner == api.Module && f.Name == "new":
		return value{kind: vSBuf, size: -1}
	case f.Owner == api.Method && f.Name == "slice":
		return value{kind: vView, size: -1, from: recvName}
	case f.Owner == api.Method && (f.Name == "ref" || f.Name == "reserve"):
		return value{kind: vPointer, size: -1, from: recvName}
	case f.Owner == api.Method && f.Chains:
		return recv
	case f.Owner == api.Luau && f.Name == "create":
		size := -1
		if len(c.Args) > 0 {
			if n, ok := c.Args[0].(*syntax.Number); ok {
				size = numberValue(n.Raw)
			}
		}
		return value{kind: vLBuf, size: size}
	case f.Owner == api.Luau && f.Name == "fromstring":
		size := -1
		if len(c.Args) > 0 {
			if s, ok := c.Args[0].(*syntax.String); ok && !strings.Contains(s.Raw, `\`) {
				size = len(stringValue(s.Raw))
			}
		}
		return value{kind: vLBuf, size: size}
	}
	return unknownValue
}

// valueOf infers a value without recording anything (for expressions that
// were already walked).
func (in *indexer) valueOf(e syntax.Expr) value {
	switch e := e.(type) {
	case *syntax.Name:
		if sym := in.lookup(e.Value); sym != nil {
			return sym.val
		}
		if g := in.ix.globals[e.Value]; g != nil {
			return g.val
		}
	case *syntax.Paren:
		return in.valueOf(e.X)
	}
	return unknownValue
}

// annotation reads a "---@type X" comment that ends on the line before off.
func (in *indexer) annotation(off int) value {
	text := in.precedingComment(off)
	if t, ok := strings.CutPrefix(text, "---@type"); ok {
		return typeValue(strings.TrimSpace(t))
	}
	return unknownValue
}

// paramAnnotation reads "---@param name X" from the comments before a
// function.
func (in *indexer) paramAnnotation(fnStart int, p *syntax.Name) value {
	if p == nil {
		return unknownValue
	}
	f := in.ix.file
	// Look at the comments in the lines just before the statement that
	// holds the function.
	line, _ := f.Lines.Position(fnStart)
	// Walk back from the last comment before the function, at most eight
	// lines up: a binary search keeps this linear over the whole file.
	i := sort.Search(len(f.Comments), func(i int) bool { return f.Comments[i].Start >= fnStart })
	for i--; i >= 0; i-- {
		c := f.Comments[i]
		cl, _ := f.Lines.Position(c.Start)
		if cl < line-8 {
			break
		}
		if cl >= line {
			continue
		}
		rest, ok := strings.CutPrefix(c.Text, "---@param")
		if !ok {
			continue
		}
		fields := strings.Fields(rest)
		if len(fields) >= 2 && strings.TrimSuffix(fields[0], "?") == p.Value {
			return typeValue(fields[1])
		}
	}
	return unknownValue
}

// precedingComment returns the text of a comment on the line just above off.
func (in *indexer) precedingComment(off int) string {
	f := in.ix.file
	line, _ := f.Lines.Position(off)
	i := sort.Search(len(f.Comments), func(i int) bool { return f.Comments[i].Start >= off })
	if i == 0 {
		return ""
	}
	c := f.Comments[i-1]
	if cl, _ := f.Lines.Position(c.Start); cl != line-1 {
		return ""
	}
	return c.Text
}

// typeValue maps a LuaCATS type name to a value.
func typeValue(t string) value {
	switch strings.TrimSuffix(t, "?") {
	case "string.buffer":
		return value{kind: vSBuf, size: -1}
	case "buffer":
		return value{kind: vLBuf, size: -1}
	}
	return unknownValue
}

// stringValue decodes a simple quoted literal; long strings and escapes are
// returned as written (good enough for module names and lengths without
// escapes).
func stringValue(raw string) string {
	if len(raw) >= 2 && (raw[0] == '"' || raw[0] == '\'') && raw[len(raw)-1] == raw[0] {
		return raw[1 : len(raw)-1]
	}
	if strings.HasPrefix(raw, "[") {
		if i := strings.Index(raw[1:], "["); i >= 0 {
			body := raw[i+2:]
			if j := strings.LastIndex(body, "]"); j >= 0 {
				body = body[:strings.LastIndex(body[:j], "]")+0]
			}
			return strings.TrimPrefix(body, "\n")
		}
	}
	return raw
}

// numberValue parses an integer literal, or returns -1.
func numberValue(raw string) int {
	if n, err := strconv.ParseInt(raw, 0, 64); err == nil && n >= 0 && n <= 1<<40 {
		return int(n)
	}
	if f, err := strconv.ParseFloat(raw, 64); err == nil && f >= 0 && f == float64(int64(f)) && f <= 1<<40 {
		return int(f)
	}
	return -1
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

// inString reports whether off lies strictly inside a string literal.
func (ix *index) inString(off int) bool {
	i := sort.Search(len(ix.strings), func(i int) bool { return ix.strings[i].end > off })
	return i < len(ix.strings) && ix.strings[i].start < off
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
	seen := map[string]bool{}
	var out []*symbol
	for i := len(ix.symbols) - 1; i >= 0; i-- {
		s := ix.symbols[i]
		if s.visStart <= off && off <= s.visEnd && !seen[s.name] {
			seen[s.name] = true
			out = append(out, s)
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
