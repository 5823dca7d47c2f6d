package semantic

import (
	"bytes"
	"sort"

	"github.com/buflsp/buflsp/analysis/api"
	"github.com/buflsp/buflsp/analysis/syntax"
)

// This file runs the flow-sensitive inference over statements. Each
// function body is walked once in source order with a state (the types of
// its locals and the generations of buffers); branches run on copies that
// are merged afterwards, and a loop body runs twice: a silent pass finds
// what one iteration changes, then the recorded pass starts from the merge
// of the loop entry and that result. Nested loops beyond maxLoopDepth run
// once with the locals they assign forgotten, which keeps the cost linear
// in practice.

const maxLoopDepth = 4

// genInfo is the generation of one buffer at a point and the call that made it.
type genInfo struct {
	gen int
	by  *syntax.Call
}

// state is what holds at one program point of one function.
type state struct {
	vars map[*Symbol]Type
	gens map[*Buffer]genInfo
	dead bool // after return, break, continue or goto
}

func newState() *state {
	return &state{vars: map[*Symbol]Type{}, gens: map[*Buffer]genInfo{}}
}

func (s *state) copy() *state {
	c := &state{vars: make(map[*Symbol]Type, len(s.vars)), gens: make(map[*Buffer]genInfo, len(s.gens)), dead: s.dead}
	for k, v := range s.vars {
		c.vars[k] = v
	}
	for k, v := range s.gens {
		c.gens[k] = v
	}
	return c
}

// join merges the states that reach one point; dead states contribute
// nothing. A variable missing from one state is Unknown there.
func join(states ...*state) *state {
	var live []*state
	for _, s := range states {
		if s != nil && !s.dead {
			live = append(live, s)
		}
	}
	if len(live) == 0 {
		out := newState()
		out.dead = true
		return out
	}
	return joinInto(live[0].copy(), live[1:])
}

// joinOwned is join for states that nobody else holds: the first live one
// is reused as the result instead of copied.
func joinOwned(states []*state) *state {
	var first *state
	rest := states[:0:0]
	for _, s := range states {
		switch {
		case s == nil || s.dead:
		case first == nil:
			first = s
		default:
			rest = append(rest, s)
		}
	}
	if first == nil {
		return join()
	}
	return joinInto(first, rest)
}

// joinInto merges the states of rest into out.
func joinInto(out *state, rest []*state) *state {
	for _, s := range rest {
		for k, v := range out.vars {
			if w, ok := s.vars[k]; ok {
				out.vars[k] = merge(v, w)
			} else {
				delete(out.vars, k)
			}
		}
		for k, g := range s.gens {
			if o, ok := out.gens[k]; !ok || g.gen > o.gen {
				out.gens[k] = g
			}
		}
	}
	return out
}

// funcCtx is the function being walked.
type funcCtx struct {
	info   *FuncInfo
	breaks []*state
	conts  []*state
}

type inferrer struct {
	t         *Types
	m         *Model
	stop      stopper
	st        *state
	fn        *funcCtx
	recording bool
	// final is set for the second round, the one whose types are kept:
	// the first round's expression types are never read, so they are not
	// stored (a map of every expression, the largest part of that round).
	final bool
	// firstRecords counts what the first round would have recorded in
	// the expression map (names aside, see Types.names): the size of the
	// second round's.
	firstRecords int
	// lastType is the Type recorded last and lastIdx its index in
	// Types.vals (when hasLast).
	lastType Type
	lastIdx  int32
	hasLast  bool
	// interned gives, in the second round, each distinct Type recorded
	// for an expression its index in Types.vals.
	interned  map[Type]int32
	loopDepth int
	genCount  int
	bufs      map[syntax.Node]*Buffer
	tables    map[*syntax.Table]*TableObj
	funcs     map[*syntax.Function]*FuncInfo
	volatile  map[*Symbol]bool
	assigned  map[*syntax.Block][]*Symbol
	// writes lists every assignment of the file by offset and written
	// holds the symbols assigned anywhere (findWrites).
	writes  []writeRef
	written map[*Symbol]bool
	// typed holds the locals whose type comes from their declaration (a
	// ---@type annotation or a Luau type): it holds for the variable's
	// whole life, also where it is reassigned (see readVar).
	typed map[*Symbol]bool
	ids   int
	// aliases maps the names of the file's Luau type aliases to their
	// types, built on the first annotation that names one (luauType).
	aliases map[string]syntax.TypeExpr

	// Facts between rounds and files (facts.go): facts comes from the
	// workspace, prev from the previous round, col is what this round
	// collects, sum what the recorded round exports.
	// scratchCall describes an API call outside the recorded round (see
	// call).
	scratchCall Call
	// callPos is the index in Types.calls of each call recorded.
	callPos map[*syntax.Call]int
	// result1 holds the one result of an API call (see result).
	result1 [1]Type
	// declared is the stack of the locals declared by the blocks being
	// walked (see block).
	declared []*Symbol
	// spares are states no one holds any more (see spareState): the final
	// state of each function body walked, the paths an if joined.
	spares []*state

	facts    *Facts
	prev     *collected
	col      *collected
	sum      *Summary
	outIdx   map[[2]string]int
	factBufs map[fieldKey]*Buffer
	imports  map[string]Type
	// instances holds the object fields of the required modules that
	// export them (ModuleFacts.Instance), by module name.
	instances map[string]map[string]Kind
	// colon holds the functions defined with ':'; methods the method
	// names defined once in the file (self:name(...) calls them).
	colon   map[*syntax.Function]bool
	methods map[string]*syntax.Function
	// classOf holds, for each function defined as C:name or C.name with C
	// a plain name, that name: self.x in it may be a field of C itself
	// (reached through __index).
	classOf map[*syntax.Function]*syntax.Name
	// stmtNames holds the plain names assigned by "function name()"
	// statements (see writeScope).
	stmtNames map[*syntax.Name]bool
	// forward holds the locals declared before the one function assigned
	// to them (see forwardCandidate).
	forward map[*Symbol]*syntax.Function
	// copies caches the global paths locals copy (see localCopy).
	copies map[*Symbol]string
	// literalOf holds, for each function written as a field value of a
	// table constructor, that constructor's object (see classField).
	literalOf map[*syntax.Function]*TableObj
}

// Infer computes the types of the values of m's file for the given target,
// resolving buffer API calls against table. It never fails. A file that
// never mentions "buffer" has no buffer values and is skipped at once.
func Infer(m *Model, target syntax.Target, table *api.Table) *Types {
	return InferWith(m, target, table, nil)
}

// InferWith is Infer with what the workspace knows (facts may be nil). A
// file that never mentions "buffer" is still walked when the facts give it
// imports or parameter kinds.
func InferWith(m *Model, target syntax.Target, table *api.Table, facts *Facts) *Types {
	return infer(m, target, table, facts, stopper{})
}

func infer(m *Model, target syntax.Target, table *api.Table, facts *Facts, stop stopper) *Types {
	t := newTypes(m, target, table)
	if m == nil || m.File == nil || m.File.Chunk == nil || table == nil {
		return t
	}
	if !bytes.Contains(m.File.Src, []byte("buffer")) && (facts == nil || facts.Import == nil && len(facts.Params) == 0) {
		return t
	}
	// A slot for every symbol: most locals get a declared type.
	t.decl = newDeclTable(len(m.syms))
	in := &inferrer{t: t, m: m, stop: stop, bufs: map[syntax.Node]*Buffer{},
		tables: map[*syntax.Table]*TableObj{}, funcs: map[*syntax.Function]*FuncInfo{},
		volatile: map[*Symbol]bool{}, assigned: map[*syntax.Block][]*Symbol{}, typed: map[*Symbol]bool{},
		facts: facts, factBufs: map[fieldKey]*Buffer{}, imports: map[string]Type{},
		colon: map[*syntax.Function]bool{}, methods: map[string]*syntax.Function{},
		classOf: map[*syntax.Function]*syntax.Name{}, literalOf: map[*syntax.Function]*TableObj{}}
	in.findWrites()
	in.findMethods()
	in.findVolatile()
	// Round one collects the facts (argument kinds, fields, upvalues) and
	// fills the tables and function summaries; round two starts from them
	// (so a function sees a table field assigned after it) and is the one
	// kept. Two rounds bound the cost: a fact found in round two is not
	// carried any further.
	in.col = newCollected()
	in.walkChunk()
	in.findExports(in.fn.info.Returns)
	in.col.resolveCallbacks(in)
	in.col.resolveLinks()
	in.prev, in.col = in.col, nil
	in.applyExternalParams()
	first := in.t
	in.t = &Types{Model: m, Target: target, API: table}
	in.t.exprs = make(map[syntax.Expr]int32, in.firstRecords)
	in.t.names = make([]nameType, m.File.NameIDs()+1)
	// The 10,000-line benchmark file records 3,758 distinct types for
	// 7,504 expressions other than names: sizing the list and its index
	// at half the first round's count spares growing them, which was a
	// fifth of the round's time. A file with fewer distinct types only
	// leaves part of them unused.
	in.interned = make(map[Type]int32, in.firstRecords/2)
	in.t.vals = make([]Type, 0, in.firstRecords/2)
	// The first round's declarations are never read again: its map, sized
	// for every local, is emptied and reused.
	first.decl.reset()
	in.t.decl = first.decl
	// The second round records about what the first did: sizing its maps
	// from the first round spares their rehashing as they grow.
	in.t.callIdx = make(map[*syntax.Call]*Call, len(first.callIdx))
	in.t.memIdx = make(map[*syntax.Member]*MemberUse, len(first.memIdx))
	in.t.calls = make([]*Call, 0, len(first.calls))
	in.callPos = make(map[*syntax.Call]int, len(first.calls))
	in.t.members = make([]*MemberUse, 0, len(first.members))
	in.final = true
	in.sum = &Summary{}
	in.walkChunk()
	in.sum.Exports = in.exportFacts(in.fn.info.Returns)
	in.t.summary = in.sum
	in.interned = nil
	return in.t
}

// newTypes makes an empty result; InferWith gives decl its slots once it
// knows the file is walked.
func newTypes(m *Model, target syntax.Target, table *api.Table) *Types {
	return &Types{Model: m, Target: target, API: table,
		exprs: map[syntax.Expr]int32{}, callIdx: map[*syntax.Call]*Call{}, memIdx: map[*syntax.Member]*MemberUse{}}
}

// walkChunk runs one round over the file.
func (in *inferrer) walkChunk() {
	in.recording = true
	in.loopDepth = 0
	in.st = newState()
	in.fn = &funcCtx{info: &FuncInfo{}}
	in.block(in.m.File.Chunk.Stmts)
}

// findMethods lists the functions defined with ':' and, by name, the
// methods defined once in the file.
func (in *inferrer) findMethods() {
	count := map[string]int{}
	syntax.Inspect(in.m.File.Chunk, func(n syntax.Node) bool {
		if _, ok := n.(syntax.Expr); ok {
			return true
		}
		if a, ok := n.(*syntax.Assign); ok && len(a.Targets) == 1 && len(a.Values) == 1 {
			// f = function(a) ... end
			if name, ok := a.Targets[0].(*syntax.Name); ok {
				if fn, ok := a.Values[0].(*syntax.Function); ok {
					in.forwardCandidate(name, fn)
				}
			}
			return true
		}
		fs, ok := n.(*syntax.FunctionStmt)
		if !ok {
			return true
		}
		if name, ok := fs.Name.(*syntax.Name); ok {
			if in.stmtNames == nil {
				in.stmtNames = map[*syntax.Name]bool{}
			}
			in.stmtNames[name] = true
			in.forwardCandidate(name, fs.Func)
		}
		mem, ok := fs.Name.(*syntax.Member)
		if !ok || mem.Name == nil || fs.Func == nil {
			return true
		}
		if class, ok := mem.X.(*syntax.Name); ok {
			in.classOf[fs.Func] = class
		}
		if mem.Colon {
			in.colon[fs.Func] = true
			count[mem.Name.Value]++
			in.methods[mem.Name.Value] = fs.Func
		}
		return true
	})
	for name, n := range count {
		if n > 1 {
			delete(in.methods, name)
		}
	}
}

// forwardCandidate notes a function assigned to a local declared before
// it. It becomes the local's value where the flow does not reach (calls in
// other functions, which may run before or after the assignment) when it
// is the local's only assignment: "local f ... function f(a) end" and
// "local f; f = function(a) end" then pass their callers' argument kinds
// to a, from the first round on.
func (in *inferrer) forwardCandidate(name *syntax.Name, fn *syntax.Function) {
	sym := in.m.Use(name)
	if sym == nil || sym.Kind != Local || fn == nil {
		return
	}
	// Declared without a value (or with nil): "local f = g" followed by
	// "f = function() end" holds either function in a closure, and so
	// does "local a, f = g()".
	if _, ok := sym.Node.(*syntax.Local); !ok {
		return
	}
	switch declValue(sym).(type) {
	case nil, *syntax.Nil:
	default:
		return
	}
	writes := 0
	for _, r := range sym.Refs {
		if r.Write {
			writes++
		}
	}
	if writes != 1 {
		return
	}
	if in.forward == nil {
		in.forward = map[*Symbol]*syntax.Function{}
	}
	in.forward[sym] = fn
}

// forwardType is the function a forward-declared local holds (see
// forwardCandidate), or Unknown.
func (in *inferrer) forwardType(sym *Symbol) Type {
	fn, ok := in.forward[sym]
	if !ok {
		return unknownType
	}
	return Type{Kind: Function, Size: -1, Func: in.funcInfo(fn)}
}

// findVolatile marks captured locals that a nested function assigns: their
// value can change at any call, so reads of them are Unknown.
func (in *inferrer) findVolatile() {
	for _, s := range in.m.Locals {
		if !s.Captured || s.Kind == LabelSym {
			continue
		}
		home := funcScope(s.Scope)
		for _, r := range s.Refs {
			if r.Write && in.writeScope(r.Name) != home {
				in.volatile[s] = true
				break
			}
		}
	}
}

// writeScope is the function scope an assignment to name runs in. The
// name of "function f() ... end" lies inside the span of the function it
// assigns (the span starts at the keyword), but the assignment runs in the
// enclosing function: "local f ... function f(a) end" does not make f
// volatile.
func (in *inferrer) writeScope(name *syntax.Name) *Scope {
	s := funcScope(in.m.ScopeAt(name.Start))
	if in.stmtNames[name] && s != nil && s.Parent != nil {
		s = funcScope(s.Parent)
	}
	return s
}

// funcScope returns the outermost scope of the function containing s.
func funcScope(s *Scope) *Scope {
	for s != nil && !s.Func {
		s = s.Parent
	}
	return s
}

func (in *inferrer) newBuffer(origin syntax.Node, k Kind, source *Buffer) *Buffer {
	if b, ok := in.bufs[origin]; ok && origin != nil {
		return b
	}
	in.ids++
	b := &Buffer{ID: in.ids, Kind: k, Origin: origin, Source: source}
	if origin != nil {
		in.bufs[origin] = b
	}
	return b
}

// identify gives a buffer value without identity (from an annotation) the
// identity of the name it is declared with.
func (in *inferrer) identify(t Type, n *syntax.Name) Type {
	if t.Kind.IsBuffer() && t.Buf == nil {
		t.Buf = in.newBuffer(n, t.Kind, nil)
	}
	return t
}

// gen returns the current generation of b.
func (in *inferrer) gen(b *Buffer) int {
	if b == nil {
		return 0
	}
	return in.st.gens[b].gen
}

// change records that call changed b (and, for a view, the memory it
// shares with its source).
func (in *inferrer) change(b *Buffer, call *syntax.Call) {
	for ; b != nil; b = b.Source {
		in.genCount++
		in.st.gens[b] = genInfo{in.genCount, call}
	}
}

func (in *inferrer) record(e syntax.Expr, t Type) {
	if !in.recording || t.Kind == Unknown {
		return
	}
	n, isName := e.(*syntax.Name)
	isName = isName && n != nil && n.ID() > 0
	if !in.final {
		if !isName {
			in.firstRecords++
		}
		return
	}
	var i int32
	if in.hasLast && t == in.lastType {
		// Neighbouring expressions often have the same type (the same
		// buffer, the same number kind); comparing with the last one is
		// cheaper than hashing a Type. It finds the index the map would.
		i = in.lastIdx
	} else {
		var ok bool
		i, ok = in.interned[t]
		if !ok {
			// A NaN constant never equals itself: it gets an entry
			// each time, which is still correct.
			i = int32(len(in.t.vals))
			in.t.vals = append(in.t.vals, t)
			in.interned[t] = i
		}
		in.lastType, in.lastIdx, in.hasLast = t, i, true
	}
	if isName && in.t.setName(n, i) {
		return
	}
	in.t.exprs[e] = i
}

func (in *inferrer) block(stmts []syntax.Stmt) {
	// The locals this block declares go on one stack shared by every
	// block (nested blocks pop theirs before a statement here pushes),
	// instead of a slice per block.
	base := len(in.declared)
	for _, s := range stmts {
		in.stmt(s)
	}
	for _, sym := range in.declared[base:] {
		delete(in.st.vars, sym)
	}
	clear(in.declared[base:])
	in.declared = in.declared[:base]
}

func (in *inferrer) body(b *syntax.Block) {
	if b != nil {
		in.block(b.Stmts)
	}
}

// setVar assigns a local (or the global buffer) in the current state.
func (in *inferrer) setVar(sym *Symbol, t Type) {
	if sym == nil {
		return
	}
	if sym.Captured {
		in.setUpval(sym, t)
	}
	if sym.Kind != Global && !in.written[sym] {
		// A local never assigned after its declaration has one value for
		// its whole scope. It lives in decl (where readVar finds it) rather
		// than in the flow state, which then holds only the locals that do
		// change and is far cheaper to copy at every branch and loop.
		t.Stale, t.StaleBy = false, nil
		in.t.decl.set(sym, t)
		return
	}
	if t.Kind == Unknown {
		// A missing entry reads as Unknown (see readVar), and a smaller
		// state is cheaper to copy at every branch.
		if in.written[sym] || sym.Kind == Global {
			delete(in.st.vars, sym)
			return
		}
	}
	t.Stale, t.StaleBy = false, nil
	in.st.vars[sym] = t
}

func (in *inferrer) stmt(s syntax.Stmt) {
	in.stop.check()
	switch s := s.(type) {
	case *syntax.Local:
		var one [1]Type // most statements: one target, one value
		types := one[:]
		if len(s.Values) == 1 && len(s.Names) == 1 {
			// expr pads a call's results to one value, as exprList does.
			one[0] = in.expr(s.Values[0])
		} else {
			types = in.exprList(s.Values, len(s.Names))
		}
		doc := in.m.Docs[s]
		for i, n := range s.Names {
			t := types[i]
			// A declared type is the variable's type when the value says
			// nothing more: unknown, or nil as in "local x" with no value.
			fromDecl := false
			if !t.Known() || t.Kind == Nil {
				if i < len(s.Types) && s.Types[i] != nil {
					t, fromDecl = in.luauType(s.Types[i]), true
				} else if i == 0 {
					if a := doc.Find("type", ""); a != nil {
						t, fromDecl = annotationType(a.Type), true
					}
				}
			}
			sym := in.m.Use(n)
			if sym == nil {
				continue
			}
			if fromDecl && t.Known() {
				in.typed[sym] = true
			}
			t = in.identify(t, n)
			in.setVar(sym, t)
			in.record(n, t)
			if in.recording {
				in.t.decl.set(sym, t)
			}
			in.declared = append(in.declared, sym)
		}
	case *syntax.LocalFunction:
		sym := in.m.Use(s.Name)
		info := in.funcInfo(s.Func)
		t := Type{Kind: Function, Size: -1, Func: info}
		if sym != nil {
			in.setVar(sym, t)
			if in.recording {
				in.t.decl.set(sym, t)
			}
			in.declared = append(in.declared, sym)
		}
		in.record(s.Name, t)
		in.function(s.Func, in.m.Docs[s])
	case *syntax.FunctionStmt:
		info := in.funcInfo(s.Func)
		in.assign(s.Name, Type{Kind: Function, Size: -1, Func: info})
		in.function(s.Func, in.m.Docs[s])
	case *syntax.Assign:
		var one [1]Type // most statements: one target, one value
		types := one[:]
		if len(s.Values) == 1 && len(s.Targets) == 1 {
			// expr pads a call's results to one value, as exprList does.
			one[0] = in.expr(s.Values[0])
		} else {
			types = in.exprList(s.Values, len(s.Targets))
		}
		if a := in.m.Docs[s].Find("type", ""); a != nil && len(s.Targets) == 1 && !types[0].Known() {
			types[0] = annotationType(a.Type)
		}
		for i, target := range s.Targets {
			in.assign(target, types[i])
		}
	case *syntax.CompoundAssign:
		cur := in.expr(s.Target)
		v := in.expr(s.Value)
		in.assign(s.Target, in.binary(s.Op, cur, v))
		// The target is read before it is written: its node keeps the type
		// it had as an operand (the variable itself now has the result).
		in.record(s.Target, cur)
	case *syntax.CallStmt:
		in.expr(s.Call)
	case *syntax.Do:
		in.body(s.Body)
	case *syntax.If:
		var outs []*state
		cur := in.st
		for i, c := range s.Conds {
			in.st = cur
			in.expr(c)
			cur = in.st
			in.st = in.copyState(cur)
			in.body(s.Blocks[i])
			outs = append(outs, in.st)
		}
		// The last path (the else branch, or falling through) is the only
		// one left that needs cur, so it takes cur itself instead of a copy.
		in.st = cur
		if s.Else != nil {
			in.body(s.Else)
		}
		// Every state joined here belongs to this statement alone, one
		// per path: the join keeps one, the others are spare.
		paths := append(outs, in.st)
		in.st = joinOwned(paths)
		for _, p := range paths {
			if p != in.st {
				in.spares = append(in.spares, p)
			}
		}
	case *syntax.While:
		in.loop(func() { in.expr(s.Cond) }, s.Body, nil)
	case *syntax.Repeat:
		in.loop(nil, s.Body, func() { in.expr(s.Cond) })
	case *syntax.NumericFor:
		in.expr(s.Start)
		in.expr(s.Limit)
		in.expr(s.Step)
		v := in.m.Use(s.Var)
		in.loop(func() {
			in.setVar(v, typeOfKind(Number))
			in.record(s.Var, typeOfKind(Number))
		}, s.Body, nil)
		delete(in.st.vars, v)
	case *syntax.GenericFor:
		for _, e := range s.Exprs {
			in.expr(e)
		}
		in.loop(func() {
			for _, n := range s.Names {
				in.setVar(in.m.Use(n), unknownType)
			}
		}, s.Body, nil)
		for _, n := range s.Names {
			delete(in.st.vars, in.m.Use(n))
		}
	case *syntax.Return:
		types := in.exprList(s.Values, len(s.Values))
		in.addReturns(types)
		in.st.dead = true
	case *syntax.Break:
		in.fn.breaks = append(in.fn.breaks, in.st.copy())
		in.st.dead = true
	case *syntax.Continue:
		in.fn.conts = append(in.fn.conts, in.st.copy())
		in.st.dead = true
	case *syntax.Goto:
		in.st.dead = true
	case *syntax.Label:
		// Any goto may jump here: forget the locals, keep the buffer changes.
		in.st.vars = map[*Symbol]Type{}
		in.st.dead = false
	}
}

func (in *inferrer) addReturns(types []Type) {
	info := in.fn.info
	if !in.recording {
		return // a function is summarised by its recorded walk only
	}
	// types is the caller's own slice (exprList made it for this return):
	// it is widened and kept, or merged into what earlier returns gave,
	// without a new slice unless this return gives more values.
	if !info.done {
		info.done = true
		for i, t := range types {
			types[i] = widenReturn(t)
		}
		info.Returns = types
		return
	}
	if len(types) <= len(info.Returns) {
		for i, a := range info.Returns {
			b := typeOfKind(Nil)
			if i < len(types) {
				b = widenReturn(types[i])
			}
			info.Returns[i] = merge(a, b)
		}
		return
	}
	n := max(len(info.Returns), len(types))
	out := make([]Type, n)
	for i := range out {
		a, b := typeOfKind(Nil), typeOfKind(Nil)
		if i < len(info.Returns) {
			a = info.Returns[i]
		}
		if i < len(types) {
			b = widenReturn(types[i])
		}
		out[i] = merge(a, b)
	}
	info.Returns = out
}

// widenReturn keeps a returned value's kind, identity and constant but not
// its staleness, which belongs to the returning point.
func widenReturn(t Type) Type {
	t.Stale, t.StaleBy = false, nil
	return t
}

// loop runs a loop: head runs at the start of every iteration (the
// condition, or setting the loop variables), tail at its end (repeat's
// condition).
func (in *inferrer) loop(head func(), body *syntax.Block, tail func()) {
	savedBreaks, savedConts := in.fn.breaks, in.fn.conts
	iterate := func() *state {
		in.fn.breaks, in.fn.conts = nil, nil
		if head != nil {
			head()
		}
		in.body(body)
		if tail != nil && !in.st.dead {
			tail()
		}
		return in.st
	}
	entry := in.st
	if !in.recording || !in.final || in.loopDepth >= maxLoopDepth {
		// Inside a silent pass (or too deep) a loop runs once with the
		// locals it assigns forgotten, so the cost of nested loops stays
		// linear in their depth instead of doubling per level. The first
		// round (facts only) does the same: its facts are merges over the
		// whole file, and forgetting can only make them less precise.
		in.forgetAssigned(body)
		entry = in.st
		in.st = entry.copy()
		exit := iterate()
		// entry was the current state and nothing else holds it.
		in.st = joinOwned(append([]*state{entry, exit}, in.fn.breaks...))
		in.forgetAssigned(body)
		in.fn.breaks, in.fn.conts = savedBreaks, savedConts
		return
	}
	in.loopDepth++
	in.recording = false
	in.st = entry.copy()
	exit := iterate()
	// entry and headState are not used after their joins, which may reuse
	// them instead of copying.
	headState := joinOwned(append([]*state{entry, exit}, in.fn.conts...))
	in.recording = true
	in.st = headState.copy()
	exit = iterate()
	in.st = joinOwned(append([]*state{headState, exit}, in.fn.breaks...))
	in.loopDepth--
	in.fn.breaks, in.fn.conts = savedBreaks, savedConts
}

// forgetAssigned makes every local assigned in body Unknown.
func (in *inferrer) forgetAssigned(body *syntax.Block) {
	if body == nil {
		return
	}
	syms, ok := in.assigned[body]
	if !ok {
		syms = in.writesIn(body)
		in.assigned[body] = syms
	}
	for _, sym := range syms {
		delete(in.st.vars, sym)
	}
}

// writeRef is one assignment to a symbol, at the offset of the name.
type writeRef struct {
	off int
	sym *Symbol
}

// findWrites lists every assignment of the file by offset, and the set of
// symbols assigned at all, in one pass over the references.
func (in *inferrer) findWrites() {
	in.written = map[*Symbol]bool{}
	add := func(s *Symbol) {
		for _, r := range s.Refs {
			if r.Write && r.Name != nil {
				in.writes = append(in.writes, writeRef{off: r.Name.Start, sym: s})
				in.written[s] = true
			}
		}
	}
	for _, s := range in.m.Locals {
		add(s)
	}
	for _, s := range in.m.Globals {
		add(s)
	}
	sort.Slice(in.writes, func(i, j int) bool { return in.writes[i].off < in.writes[j].off })
}

// writesIn returns the symbols assigned inside b (nested functions
// included), by binary search in the offset-sorted list of every write of
// the file instead of a walk of the body.
func (in *inferrer) writesIn(b *syntax.Block) []*Symbol {
	start, end := b.Span()
	var syms []*Symbol
	for i := sort.Search(len(in.writes), func(i int) bool { return in.writes[i].off >= start }); i < len(in.writes) && in.writes[i].off < end; i++ {
		syms = append(syms, in.writes[i].sym)
	}
	return syms
}

// assign stores t into an assignment target.
func (in *inferrer) assign(target syntax.Expr, t Type) {
	switch target := target.(type) {
	case *syntax.Name:
		sym := in.m.Use(target)
		if sym == nil {
			return
		}
		if sym.Kind != Global || sym.Name == "buffer" {
			in.setVar(sym, t)
		}
		in.record(target, t)
	case *syntax.Member:
		x := in.expr(target.X)
		if x.Table != nil && target.Name != nil && target.Name.Value != "" {
			x.Table.set(target.Name.Value, t)
		}
		if target.Name != nil && in.selfLike(target.X) {
			in.setField(target.Name.Value, t)
		}
	case *syntax.Index:
		x := in.expr(target.X)
		k := in.expr(target.Key)
		if x.Table != nil {
			if key, ok := constKey(k); ok {
				x.Table.set(key, t)
			} else {
				x.Table.Dynamic = true
			}
		}
	}
}

// set records an assignment to a constant key.
func (o *TableObj) set(key string, t Type) {
	t = widenReturn(t)
	if old, ok := o.Fields[key]; ok {
		o.Fields[key] = merge(old, t)
		return
	}
	o.Fields[key] = t
}

func (in *inferrer) funcInfo(fn *syntax.Function) *FuncInfo {
	if fn == nil {
		return nil
	}
	if info, ok := in.funcs[fn]; ok {
		return info
	}
	info := &FuncInfo{Node: fn}
	in.funcs[fn] = info
	return info
}

// function walks a function body with a fresh state: parameters take their
// annotated types, upvalues their declared types (see readVar).
func (in *inferrer) function(fn *syntax.Function, doc *Doc) {
	if fn == nil || fn.Body == nil || !in.recording {
		// A silent pass only needs the enclosing function's state, which a
		// nested function body cannot change (volatile locals aside).
		return
	}
	info := in.funcInfo(fn)
	savedSt, savedFn := in.st, in.fn
	in.st = in.spareState()
	// Buffer generations carry into the body: a pointer taken before the
	// function is stale inside it if the buffer changed before.
	for k, v := range savedSt.gens {
		in.st.gens[k] = v
	}
	in.fn = &funcCtx{info: info}
	for i, p := range fn.Params {
		var t Type
		if i < len(fn.ParamTypes) && fn.ParamTypes[i] != nil {
			t = in.luauType(fn.ParamTypes[i])
		} else if a := doc.Find("param", p.Value); a != nil {
			t = annotationType(a.Type)
		} else {
			t = in.paramFact(fn, i)
		}
		t = in.identify(t, p)
		if sym := in.m.Use(p); sym != nil {
			in.setVar(sym, t)
			if in.recording {
				in.t.decl.set(sym, t)
			}
		}
		in.record(p, t)
	}
	if in.recording {
		info.Returns, info.done = nil, false
	}
	in.block(fn.Body.Stmts)
	if in.recording && !info.done {
		if rets := doc.Returns(); len(rets) > 0 {
			for _, r := range rets {
				info.Returns = append(info.Returns, annotationType(r.Type))
			}
			info.done = true
		} else if fn.Return != nil {
			info.Returns = []Type{in.luauType(fn.Return)}
			info.done = true
		}
	} else if in.recording {
		// Annotated returns fill in what inference could not see.
		for i, r := range doc.Returns() {
			if i < len(info.Returns) && !info.Returns[i].Known() {
				info.Returns[i] = annotationType(r.Type)
			}
		}
	}
	// The body's last state is this walk's alone (every join keeps one
	// of the states it is given, each made for this body): it is spare.
	in.spares = append(in.spares, in.st)
	in.st, in.fn = savedSt, savedFn
}

// spareState returns an empty state, reusing the maps of a state no one
// holds any more when there is one.
func (in *inferrer) spareState() *state {
	n := len(in.spares)
	if n == 0 {
		return newState()
	}
	s := in.spares[n-1]
	in.spares[n-1] = nil
	in.spares = in.spares[:n-1]
	clear(s.vars)
	clear(s.gens)
	s.dead = false
	return s
}

// copyState is s.copy() into a spare state.
func (in *inferrer) copyState(s *state) *state {
	if len(in.spares) == 0 {
		return s.copy()
	}
	c := in.spareState()
	for k, v := range s.vars {
		c.vars[k] = v
	}
	for k, v := range s.gens {
		c.gens[k] = v
	}
	c.dead = s.dead
	return c
}
