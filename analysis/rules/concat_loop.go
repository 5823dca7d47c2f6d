package rules

import (
	"github.com/buflsp/buflsp/analysis/semantic"
	"github.com/buflsp/buflsp/analysis/syntax"
)

// ---- string-concat-in-loop ----
//
// The rule looks for a string carried over from one iteration of a loop to
// the next and grown with '..' each time. It reports one finding per string
// per loop, on the first statement that grows it, and stays silent where the
// growth is harmless or wanted: the loop provably runs a few times, the
// statement runs once (the loop is left right after), the string is reset
// in the loop (directly or by a local function the loop calls), or the loop
// reads every intermediate string for something else (a path created one
// component at a time, a name extended until it is free).

// accVar names an accumulated string: a variable, or a field path on one
// ("self.buf" is {self, ".buf"}).
type accVar struct {
	sym  *semantic.Symbol
	path string
}

// accVarOf returns the accVar e names: a plain variable or a chain of
// '.' fields on one.
func accVarOf(m *semantic.Model, e syntax.Expr) (accVar, bool) {
	switch e := e.(type) {
	case *syntax.Name:
		if s := m.Use(e); s != nil {
			return accVar{sym: s}, true
		}
	case *syntax.Member:
		if e.Colon || e.Name == nil {
			return accVar{}, false
		}
		if base, ok := accVarOf(m, e.X); ok {
			return accVar{sym: base.sym, path: base.path + "." + e.Name.Value}, true
		}
	}
	return accVar{}, false
}

// selfOperand returns the operand of a concatenation that reads the string
// being grown: v itself, or v in "(v or ”)". It returns nil when op is
// neither.
func selfOperand(m *semantic.Model, op syntax.Expr, v accVar) syntax.Expr {
	op = unparen(op)
	if b, ok := op.(*syntax.Binary); ok && b.Op == syntax.KOr {
		op = unparen(b.L)
	}
	if w, ok := accVarOf(m, op); ok && w == v {
		return op
	}
	return nil
}

// concatGrowth is one statement that grows a string in a loop.
type concatGrowth struct {
	stmt   syntax.Stmt
	target syntax.Expr
	// constant is set when every piece added is a literal ("../", "  ").
	constant bool
	// selfCall is set when the piece added comes from a recursive call of
	// the enclosing function: the string serializes a nested value.
	selfCall bool
	// inFunc is set when the statement is in a function, not the main chunk.
	inFunc bool
	loops  []syntax.Stmt // the loops the string is carried across, outermost first
}

// concatGroup gathers the growth of one string across one loop.
type concatGroup struct {
	v      accVar
	loop   syntax.Stmt // the outermost loop the string is carried across
	growth []concatGrowth
	// self holds the operands that read the string only to grow it.
	self map[syntax.Node]bool
	// readsMid is set when the loop reads the string for something else.
	readsMid bool
}

// growthOf recognises "v = v .. x", "v = x .. v", "v = (v or ”) .. x" and
// Luau's "v ..= x", returning the target, the operand that reads v (nil for
// ..=) and the value.
func growthOf(m *semantic.Model, n syntax.Node) (target, self, value syntax.Expr, v accVar, ok bool) {
	switch s := n.(type) {
	case *syntax.Assign:
		if len(s.Targets) != 1 || len(s.Values) != 1 {
			return nil, nil, nil, accVar{}, false
		}
		b, isBin := s.Values[0].(*syntax.Binary)
		if !isBin || b.Op != syntax.OConcat {
			return nil, nil, nil, accVar{}, false
		}
		if v, ok = accVarOf(m, s.Targets[0]); !ok {
			return nil, nil, nil, accVar{}, false
		}
		ops := concatOperands(b, nil)
		if self = selfOperand(m, ops[0], v); self == nil {
			self = selfOperand(m, ops[len(ops)-1], v)
		}
		if self == nil {
			return nil, nil, nil, accVar{}, false
		}
		return s.Targets[0], self, b, v, true
	case *syntax.CompoundAssign:
		if s.Op != syntax.OConcatAssign && s.Op != syntax.OConcat {
			return nil, nil, nil, accVar{}, false
		}
		if v, ok = accVarOf(m, s.Target); !ok {
			return nil, nil, nil, accVar{}, false
		}
		return s.Target, nil, s.Value, v, true
	}
	return nil, nil, nil, accVar{}, false
}

func runStringConcatInLoop(p *Pass) {
	if !srcContains(p, "..") { // every growth it reports is a '..' or '..='
		return
	}
	t := flowTypes(p)
	m := p.Model()
	groups := map[accVar]map[syntax.Stmt]*concatGroup{}
	var order []*concatGroup
	localFuncs := map[*semantic.Symbol]*syntax.Function{}
	memo := newConcatMemo()
	walkFile(p.File, func(n syntax.Node, c *walkCtx) bool {
		recordLocalFunc(m, n, localFuncs)
		if !c.InLoop() {
			return true
		}
		target, self, value, v, ok := growthOf(m, n)
		if !ok || isSBufExpr(t, target) || t.TypeOf(value).Kind.IsBuffer() {
			return true // a buffer turned into a string is buffer-concat's business
		}
		loops := carriedAcross(v, c.Loops)
		if len(loops) == 0 || runsOnce(c, n.(syntax.Stmt), len(loops) == 1, memo.exits) {
			return true
		}
		byLoop := groups[v]
		if byLoop == nil {
			byLoop = map[syntax.Stmt]*concatGroup{}
			groups[v] = byLoop
		}
		g := byLoop[loops[0]]
		if g == nil {
			g = &concatGroup{v: v, loop: loops[0], self: map[syntax.Node]bool{}}
			byLoop[loops[0]] = g
			order = append(order, g)
		}
		// The walker reuses c.Loops: keep a copy.
		loops = append([]syntax.Stmt(nil), loops...)
		gr := concatGrowth{stmt: n.(syntax.Stmt), target: target, loops: loops,
			constant: literalPieces(value, self), inFunc: c.Fn != nil}
		if sc, ok := enclosingCallee(m, c.Stack, c.Fn); ok {
			gr.selfCall = memo.growsBySelfCall(m, sc, loops[len(loops)-1], value)
		}
		g.growth = append(g.growth, gr)
		if self != nil {
			g.self[self] = true
		}
		return true
	})
	if len(order) == 0 {
		return
	}
	markIntermediateReads(p, order)
	for _, g := range order {
		if g.readsMid || memo.resetIn(m, g.loop, localFuncs)[g.v] || !memo.anyManyIterations(m, t, g, p.Target.HasLuauBuffer()) {
			continue
		}
		first := g.growth[0]
		name := srcText(p, first.target)
		d := Diagnostic{Message: "string " + name + " is grown with '..' on every iteration of this loop, which copies " +
			"the whole string each time (quadratic); " + concatAdvice(p.Target)}
		d.Start, d.End = first.stmt.Span()
		for _, o := range g.growth[1:] {
			s, e := o.stmt.Span()
			d.Related = append(d.Related, Related{Start: s, End: e, Message: "also grown here"})
		}
		p.Report(d)
	}
}

// recordLocalFunc remembers the body of "local function f" and
// "local f = function", so that a call f() in a loop can be seen to reset a
// string.
func recordLocalFunc(m *semantic.Model, n syntax.Node, out map[*semantic.Symbol]*syntax.Function) {
	switch s := n.(type) {
	case *syntax.LocalFunction:
		if sym := m.Use(s.Name); sym != nil {
			out[sym] = s.Func
		}
	case *syntax.Local:
		for i, name := range s.Names {
			if i < len(s.Values) {
				if fn, ok := s.Values[i].(*syntax.Function); ok {
					if sym := m.Use(name); sym != nil {
						out[sym] = fn
					}
				}
			}
		}
	}
}

// carriedAcross returns the loops of loops (outermost first) that v lives
// across: those that do not declare the variable v is or hangs off.
func carriedAcross(v accVar, loops []syntax.Stmt) []syntax.Stmt {
	if v.sym.Decl == nil {
		return loops
	}
	for i := len(loops) - 1; i >= 0; i-- {
		ls, le := loops[i].Span()
		if v.sym.Decl.Start >= ls && v.sym.Decl.End <= le {
			return loops[i+1:]
		}
	}
	return loops
}

// blockExits records where the last return and the last break of a block
// are (-1 when it has none), so that runsOnce answers in constant time per
// block instead of rescanning a block of many statements for each one.
type blockExits struct{ lastReturn, lastBreak int }

// exitsOf returns the blockExits of blk, computing them once.
func exitsOf(cache map[*syntax.Block]blockExits, blk *syntax.Block) blockExits {
	if e, ok := cache[blk]; ok {
		return e
	}
	e := blockExits{lastReturn: -1, lastBreak: -1}
	for _, st := range blk.Stmts {
		switch st.(type) {
		case *syntax.Return:
			e.lastReturn, _ = st.Span()
		case *syntax.Break:
			e.lastBreak, _ = st.Span()
		}
	}
	cache[blk] = e
	return e
}

// runsOnce reports whether the loop is left unconditionally after s: a
// return later in a block around s (inside the loop), or a break there when
// the innermost loop is the only one the string is carried across (a break
// leaves just that loop).
func runsOnce(c *walkCtx, s syntax.Stmt, breakLeaves bool, cache map[*syntax.Block]blockExits) bool {
	inner := c.Loops[len(c.Loops)-1]
	var child syntax.Node = s
	for i := len(c.Stack) - 1; i >= 0; i-- {
		anc := c.Stack[i]
		if anc == syntax.Node(inner) {
			return false
		}
		if blk, ok := anc.(*syntax.Block); ok {
			_, end := child.Span()
			e := exitsOf(cache, blk)
			if e.lastReturn >= end || (breakLeaves && e.lastBreak >= end) {
				return true
			}
		}
		child = anc
	}
	return false
}

// resetIn returns the strings a loop assigns a value that does not grow
// them, anywhere in its body or in a local function it calls: a tokenizer
// or line wrapper that flushes and restarts its string has bounded growth.
// Computed once per loop for all the strings grown in it.
func (mm *concatMemo) resetIn(m *semantic.Model, loop syntax.Stmt, localFuncs map[*semantic.Symbol]*syntax.Function) map[accVar]bool {
	if r, ok := mm.resets[loop]; ok {
		return r
	}
	out := map[accVar]bool{}
	// Each local function is looked into once per depth it is reached at:
	// a loop that calls f a thousand times (or an f that calls itself)
	// costs at most two walks of f.
	seen := map[*syntax.Function]int{}
	var visit func(n syntax.Node, depth int) bool
	visit = func(n syntax.Node, depth int) bool {
		switch n := n.(type) {
		case *syntax.Function:
			return false // a function literal made in the loop may never run
		case *syntax.Assign:
			for i, tg := range n.Targets {
				if w, ok := accVarOf(m, tg); ok && i < len(n.Values) && !mentions(m, n.Values[i], w) {
					out[w] = true
				}
			}
		case *syntax.Call:
			if name, ok := n.Fn.(*syntax.Name); ok && depth < 2 {
				if fn := localFuncs[m.Use(name)]; fn != nil {
					if d, ok := seen[fn]; ok && d <= depth+1 {
						return true
					}
					seen[fn] = depth + 1
					syntax.Inspect(fn.Body, func(x syntax.Node) bool { return visit(x, depth+1) })
				}
			}
		}
		return true
	}
	syntax.Inspect(loop, func(n syntax.Node) bool { return visit(n, 0) })
	mm.resets[loop] = out
	return out
}

// mentions reports whether e reads v anywhere.
func mentions(m *semantic.Model, e syntax.Expr, v accVar) bool {
	uses := false
	syntax.Inspect(e, func(n syntax.Node) bool {
		if x, ok := n.(syntax.Expr); ok {
			if w, ok := accVarOf(m, x); ok && w == v {
				uses = true
			}
		}
		return !uses
	})
	return uses
}

// markIntermediateReads sets readsMid on the groups whose loop reads the
// string on each iteration for something other than growing it:
// mkdir(path) after adding each component, or "until not exists(name)".
// Then every intermediate string is wanted and nothing is wasted. Its
// length ('#s') and comparisons with a constant ('s ~= ""' before adding a
// separator) do not count.
func markIntermediateReads(p *Pass, order []*concatGroup) {
	m := p.Model()
	byVar := map[accVar][]*concatGroup{}
	for _, g := range order {
		byVar[g.v] = append(byVar[g.v], g)
	}
	walkFile(p.File, func(n syntax.Node, c *walkCtx) bool {
		e, ok := n.(syntax.Expr)
		if !ok {
			return true
		}
		v, ok := accVarOf(m, e)
		if !ok || byVar[v] == nil || lengthOrConstCompare(c.Stack, e) || isAssignTarget(c.Stack, e) {
			return true
		}
		off, _ := e.Span()
		for _, g := range byVar[v] {
			s, end := perIterationPart(g.loop).Span()
			if !g.self[e] && off >= s && off < end {
				g.readsMid = true
			}
		}
		return true
	})
}

// perIterationPart is the part of a loop evaluated on every iteration: the
// whole of a while or repeat loop, the body of a for loop (its header runs
// once).
func perIterationPart(loop syntax.Stmt) syntax.Node {
	switch l := loop.(type) {
	case *syntax.NumericFor:
		return l.Body
	case *syntax.GenericFor:
		return l.Body
	}
	return loop
}

// lengthOrConstCompare reports whether e (with its ancestors on stack) is
// the operand of '#' or of '=='/'~=' against a literal.
func lengthOrConstCompare(stack []syntax.Node, e syntax.Expr) bool {
	if len(stack) == 0 {
		return false
	}
	switch p := stack[len(stack)-1].(type) {
	case *syntax.Unary:
		return p.Op == syntax.OLen
	case *syntax.Binary:
		if p.Op != syntax.OEq && p.Op != syntax.ONe {
			return false
		}
		other := p.L
		if other == e {
			other = p.R
		}
		switch unparen(other).(type) {
		case *syntax.String, *syntax.Number:
			return true
		}
		return isNilExpr(other)
	}
	return false
}

// isAssignTarget reports whether e is written rather than read.
func isAssignTarget(stack []syntax.Node, e syntax.Expr) bool {
	if len(stack) == 0 {
		return false
	}
	switch p := stack[len(stack)-1].(type) {
	case *syntax.Assign:
		for _, tg := range p.Targets {
			if tg == e {
				return true
			}
		}
	case *syntax.CompoundAssign:
		return p.Target == e
	}
	return false
}

// anyManyIterations reports whether some growth statement of g runs in
// loops whose trip count is not provably small and depends on data: one of
// them scans input or walks a decoded or read table, or the piece comes
// from a recursive call (a serializer of a nested value). A long constant
// range (for i = 1, 1000) does not count: its length does not depend on
// data, and on real code it builds test data.
func (mm *concatMemo) anyManyIterations(m *semantic.Model, t *semantic.Types, g *concatGroup, luau bool) bool {
	for _, gr := range g.growth {
		if gr.constant || fewIterations(m, t, gr.loops) {
			continue
		}
		if gr.selfCall {
			return true
		}
		for _, l := range gr.loops {
			if mm.dataSized(m, t, l, gr.inFunc, luau) {
				return true
			}
		}
	}
	return false
}

// concatMemo keeps what string-concat-in-loop computes per loop or block,
// so that a loop with thousands of growing statements (generated code) is
// walked a bounded number of times rather than once per statement.
type concatMemo struct {
	exits      map[*syntax.Block]blockExits
	sized      map[syntax.Stmt]bool
	resets     map[syntax.Stmt]map[accVar]bool
	selfLocals map[syntax.Stmt]map[*semantic.Symbol]bool
}

func newConcatMemo() *concatMemo {
	return &concatMemo{
		exits:      map[*syntax.Block]blockExits{},
		sized:      map[syntax.Stmt]bool{},
		resets:     map[syntax.Stmt]map[accVar]bool{},
		selfLocals: map[syntax.Stmt]map[*semantic.Symbol]bool{},
	}
}

// dataSized reports whether a loop's length depends on data: it scans
// input, runs an iterator its caller passed, or walks a table decoded or
// read in a function (inFunc; a loop never spans two functions, so the
// flag is the same for every statement of the loop). luau is set on
// targets with Luau's generalized iteration.
func (mm *concatMemo) dataSized(m *semantic.Model, t *semantic.Types, l syntax.Stmt, inFunc, luau bool) bool {
	if v, ok := mm.sized[l]; ok {
		return v
	}
	v := scansInput(m, t, l) || streamIterator(m, t, l, luau) || (inFunc && walksData(m, l))
	mm.sized[l] = v
	return v
}

// literalPieces reports whether the pieces a growth statement adds (the
// operands of value other than self) are all literals: a string of
// repeated constants ("../" per directory level, indentation per depth)
// stays as short as the count, and string.rep is no clearer.
func literalPieces(value, self syntax.Expr) bool {
	var ops []syntax.Expr
	if b, ok := value.(*syntax.Binary); ok && b.Op == syntax.OConcat {
		ops = concatOperands(b, nil)
	} else {
		ops = []syntax.Expr{value}
	}
	for _, op := range ops {
		if self != nil && unparen(op) == self {
			continue
		}
		if sel, ok := unparen(op).(*syntax.Binary); ok && sel.Op == syntax.KOr && self != nil && unparen(sel.L) == self {
			continue
		}
		switch unparen(op).(type) {
		case *syntax.String, *syntax.Number:
		default:
			return false
		}
	}
	return true
}

// maxFewIterations is the largest number of iterations, over all the loops a
// string grows in, for which the copying stays too small to be worth a
// warning: growing a string 3 times costs nothing to speak of.
const maxFewIterations = 64

// varargFew stands for the number of values in "...": the arguments of one
// call, a handful in practice.
const varargFew = 8

// fewIterations reports whether every loop of loops (those the string is
// carried across) has a small constant trip count, and their product stays
// within maxFewIterations.
func fewIterations(m *semantic.Model, t *semantic.Types, loops []syntax.Stmt) bool {
	total := 1
	for _, l := range loops {
		var n int
		var ok bool
		switch l := l.(type) {
		case *syntax.NumericFor:
			n, ok = tripCount(m, t, l)
		case *syntax.GenericFor:
			n, ok = tableTripCount(m, l)
		}
		if !ok {
			return false
		}
		total *= n
		if total > maxFewIterations {
			return false
		}
	}
	return true
}

// tableTripCount bounds a generic for over a table constructor written in
// the loop header, or held by a local declared with one and never changed:
// pairs({...}), ipairs({...}), next, {...}, or Luau's "for k, v in {...}".
// The bound is the number of fields; a trailing "..." adds varargFew, a
// trailing call any number.
func tableTripCount(m *semantic.Model, l *syntax.GenericFor) (int, bool) {
	var arg syntax.Expr
	switch e := l.Exprs[0].(type) {
	case *syntax.Table:
		arg = e
	case *syntax.Call:
		if (globalCall(m, e, "", "pairs") || globalCall(m, e, "", "ipairs")) && len(e.Args) > 0 {
			arg = e.Args[0]
		}
	case *syntax.Name:
		if s := m.Use(e); s != nil && s.Kind == semantic.Global && e.Value == "next" && len(l.Exprs) > 1 {
			arg = l.Exprs[1]
		}
	}
	if arg == nil {
		return 0, false
	}
	return tableLen(m, arg)
}

// tableLen bounds the length of a table constructor, or of a local
// initialised with the varargs ("local args = {...}") and never assigned
// again. A trailing "..." counts as varargFew values, a trailing call as
// any number.
func tableLen(m *semantic.Model, e syntax.Expr) (int, bool) {
	tab, ok := unparen(e).(*syntax.Table)
	varargsOnly := false
	if !ok {
		name, isName := unparen(e).(*syntax.Name)
		if !isName {
			return 0, false
		}
		sym := m.Use(name)
		if sym == nil || sym.Kind == semantic.Global || writtenAgain(sym) {
			return 0, false
		}
		if tab = declTable(sym); tab == nil {
			return 0, false
		}
		varargsOnly = true
	}
	n := len(tab.Fields)
	if n == 0 {
		return 0, !varargsOnly
	}
	last := tab.Fields[n-1]
	if last.Key == nil && last.NameKey == nil {
		switch last.Value.(type) {
		case *syntax.Call:
			return 0, false
		case *syntax.Vararg:
			return n - 1 + varargFew, true
		}
	}
	return n, !varargsOnly
}

// writtenAgain reports whether a local is assigned after its declaration.
func writtenAgain(sym *semantic.Symbol) bool {
	for _, r := range sym.Refs {
		if r.Write {
			return true
		}
	}
	return false
}

// tripCount returns an upper bound of the number of iterations of a numeric
// for whose start, step and limit are constants; a limit math.min(x, k)
// with a constant k bounds it too, and so do select('#', ...) and the
// length of a vararg table.
func tripCount(m *semantic.Model, t *semantic.Types, nf *syntax.NumericFor) (int, bool) {
	start, ok := constNum(t, nf.Start)
	if !ok {
		return 0, false
	}
	step := 1.0
	if !isNilExpr(nf.Step) {
		if step, ok = constNum(t, nf.Step); !ok || step == 0 {
			return 0, false
		}
	}
	limit, ok := constNum(t, nf.Limit)
	if !ok && step > 0 {
		limit, ok = minLimit(m, t, nf.Limit)
		if !ok {
			limit, ok = varargLimit(m, nf.Limit)
		}
	}
	if !ok {
		return 0, false
	}
	n := (limit-start)/step + 1
	if n != n || n > maxFewIterations {
		return maxFewIterations + 1, true
	}
	if n < 0 {
		return 0, true
	}
	return int(n), true
}

// varargLimit bounds select('#', ...) and #t for a vararg table t.
func varargLimit(m *semantic.Model, e syntax.Expr) (float64, bool) {
	switch e := unparen(e).(type) {
	case *syntax.Call:
		if globalCall(m, e, "", "select") && len(e.Args) == 2 {
			if s, ok := e.Args[0].(*syntax.String); ok && (s.Raw == "'#'" || s.Raw == `"#"`) {
				if _, ok := e.Args[1].(*syntax.Vararg); ok {
					return varargFew, true
				}
			}
		}
	case *syntax.Unary:
		if e.Op == syntax.OLen {
			if n, ok := tableLen(m, e.X); ok {
				return float64(n), true
			}
		}
	}
	return 0, false
}

// constNum returns the value of e when the type layer knows it exactly.
func constNum(t *semantic.Types, e syntax.Expr) (float64, bool) {
	ty := t.TypeOf(e)
	if ty.Kind != semantic.Number || !ty.Const {
		return 0, false
	}
	return ty.Num, true
}

// minLimit returns the smallest constant argument of a math.min(...) call.
func minLimit(m *semantic.Model, t *semantic.Types, e syntax.Expr) (float64, bool) {
	call, ok := unparen(e).(*syntax.Call)
	if !ok || !globalCall(m, call, "math", "min") {
		return 0, false
	}
	best, found := 0.0, false
	for _, a := range call.Args {
		if v, ok := constNum(t, a); ok && (!found || v < best) {
			best, found = v, true
		}
	}
	return best, found
}

// scansInput reports whether a loop runs once per piece of some input: per
// character or byte of a string ("for i = 1, #s do ... s:sub(i, i)"), per
// match, line or field of a string or file (gmatch, lines, split, utf8
// codes), or per chunk read from a file or socket, or per step of a scan
// through a string with find/match from a position. Those loops are as
// long as the data, which can be large. Loops over tables are not counted:
// on real code they walk config entries, headers, schema fields and other
// short lists, where the copying costs nothing a maintainer would fix.
func scansInput(m *semantic.Model, t *semantic.Types, loop syntax.Stmt) bool {
	switch l := loop.(type) {
	case *syntax.NumericFor:
		return stringLength(t, l.Limit, l.Body, l.Var) || stringLength(t, l.Start, l.Body, l.Var)
	case *syntax.GenericFor:
		if len(l.Exprs) == 0 {
			return false
		}
		call, ok := unparen(l.Exprs[0]).(*syntax.Call)
		if !ok {
			return false
		}
		if (globalCall(m, call, "", "ipairs") || globalCall(m, call, "", "pairs")) && len(call.Args) > 0 {
			if inner, ok := unparen(call.Args[0]).(*syntax.Call); ok {
				call = inner
			}
		}
		switch calledName(call) {
		case "gmatch", "gsplit", "lines", "codes", "split", "gfind":
			return true
		}
	case *syntax.While, *syntax.Repeat:
		if w, ok := loop.(*syntax.While); ok && walksString(m, w) {
			return true
		}
		return callOutsideFunctions(loop, readsOrScans)
	}
	return false
}

// walksString reports "while i <= #s do ... s:byte(i) ... end": a loop
// bounded by the length of a string it cuts with sub or byte.
func walksString(m *semantic.Model, w *syntax.While) bool {
	var strs []*semantic.Symbol
	syntax.Inspect(w.Cond, func(n syntax.Node) bool {
		if u, ok := n.(*syntax.Unary); ok && u.Op == syntax.OLen {
			if name, ok := unparen(u.X).(*syntax.Name); ok && m.Use(name) != nil {
				strs = append(strs, m.Use(name))
			}
		}
		return true
	})
	if len(strs) == 0 {
		return false
	}
	cut := false
	syntax.Inspect(w.Body, func(n syntax.Node) bool {
		c, ok := n.(*syntax.Call)
		if cut || !ok {
			return !cut
		}
		if name := calledName(c); name != "sub" && name != "byte" {
			return true
		}
		var x syntax.Expr
		if mem, ok := c.Fn.(*syntax.Member); ok && mem.Colon {
			x = mem.X
		} else if len(c.Args) > 0 {
			x = c.Args[0]
		}
		if name, ok := unparen(x).(*syntax.Name); ok {
			for _, s := range strs {
				if m.Use(name) == s {
					cut = true
				}
			}
		}
		return !cut
	})
	return cut
}

// readsOrScans reports a call that reads the next chunk of a file or
// socket, or searches a string from a position.
func readsOrScans(c *syntax.Call) bool {
	switch calledName(c) {
	case "read":
		// f:read(1) in a loop reads a delimited field (a NUL-terminated
		// name, a token) a byte at a time; input of any size is read in
		// lines or chunks.
		return !(len(c.Args) == 1 && isNumberLit(c.Args[0], "1"))
	case "receive", "receiveany", "recv", "readline", "read_line":
		return true
	case "find", "match":
		_, method := c.Fn.(*syntax.Member)
		if method && c.Fn.(*syntax.Member).Colon {
			return len(c.Args) >= 2
		}
		return len(c.Args) >= 3
	}
	return false
}

// stringLength reports whether bound is the length of a string: "#s" (or
// string.len(s)) where the type layer knows s is a string or the body cuts
// it at the loop variable (s:sub(i, i), s:byte(i)).
func stringLength(t *semantic.Types, bound syntax.Expr, body *syntax.Block, v *syntax.Name) bool {
	var x syntax.Expr
	switch e := unparen(bound).(type) {
	case *syntax.Unary:
		if e.Op == syntax.OLen {
			x = e.X
		}
	case *syntax.Binary:
		// #s - 1, #s + k
		if u, ok := unparen(e.L).(*syntax.Unary); ok && u.Op == syntax.OLen {
			x = u.X
		}
	case *syntax.Call:
		switch calledName(e) {
		case "len":
			if len(e.Args) == 1 {
				x = e.Args[0]
			}
		case "min", "max":
			for _, a := range e.Args {
				if stringLength(t, a, body, v) {
					return true
				}
			}
		}
	}
	if x == nil {
		return false
	}
	if t.TypeOf(x).Kind == semantic.String {
		return true
	}
	cut := false
	syntax.Inspect(body, func(n syntax.Node) bool {
		c, ok := n.(*syntax.Call)
		if !ok || cut {
			return !cut
		}
		if name := calledName(c); name == "sub" || name == "byte" {
			for _, a := range c.Args {
				if an, ok := unparen(a).(*syntax.Name); ok && v != nil && an.Value == v.Value {
					cut = true
				}
			}
		}
		return !cut
	})
	return cut
}

// calledName is the name a call is made through: the method or field name
// of s:name(...) and lib.name(...), or the local or global name(...).
func calledName(c *syntax.Call) string {
	switch fn := c.Fn.(type) {
	case *syntax.Member:
		if fn.Name != nil {
			return fn.Name.Value
		}
	case *syntax.Name:
		return fn.Value
	}
	return ""
}

// isNumberLit reports whether e is the number literal written text.
func isNumberLit(e syntax.Expr, text string) bool {
	n, ok := unparen(e).(*syntax.Number)
	return ok && n.Raw == text
}
