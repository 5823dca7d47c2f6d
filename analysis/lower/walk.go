package lower

import (
	"github.com/buflsp/buflsp/analysis/syntax"
)

// loop is the innermost loop while its body is walked: continue statements
// jump to its label.
type loop struct {
	label string
	used  bool
}

// walker state that follows the nesting: the innermost loop of the current
// function (nil outside loops and at function boundaries).
type scope struct {
	loop *loop
}

func (r *rewriter) block(b *syntax.Block) { r.blockIn(b, scope{}) }

func (r *rewriter) blockIn(b *syntax.Block, sc scope) {
	if b == nil {
		return
	}
	for _, s := range b.Stmts {
		r.stmt(s, sc)
	}
}

func (r *rewriter) stmt(s syntax.Stmt, sc scope) {
	switch s := s.(type) {
	case *syntax.Local:
		for i, t := range s.Types {
			if t != nil && i < len(s.Names) {
				r.eraseAnnotation(s.Names[i].End, t)
			}
		}
		r.exprs(s.Values)
	case *syntax.Assign:
		r.exprs(s.Targets)
		r.exprs(s.Values)
	case *syntax.CompoundAssign:
		r.compound(s)
	case *syntax.CallStmt:
		r.expr(s.Call)
	case *syntax.Do:
		r.blockIn(s.Body, sc)
	case *syntax.While:
		r.expr(s.Cond)
		r.loopBody(s.Body, s.End, false, s.Cond)
	case *syntax.Repeat:
		r.loopBody(s.Body, s.End, true, s.Cond)
		r.expr(s.Cond)
	case *syntax.If:
		r.exprs(s.Conds)
		for _, b := range s.Blocks {
			r.blockIn(b, sc)
		}
		r.blockIn(s.Else, sc)
	case *syntax.NumericFor:
		if s.VarType != nil {
			r.eraseAnnotation(s.Var.End, s.VarType)
		}
		r.expr(s.Start)
		r.expr(s.Limit)
		r.expr(s.Step)
		r.loopBody(s.Body, s.End, false, nil)
	case *syntax.GenericFor:
		for i, t := range s.Types {
			if t != nil && i < len(s.Names) {
				r.eraseAnnotation(s.Names[i].End, t)
			}
		}
		r.exprs(s.Exprs)
		r.loopBody(s.Body, s.End, false, nil)
	case *syntax.FunctionStmt:
		r.expr(s.Name)
		r.function(s.Func)
	case *syntax.LocalFunction:
		r.function(s.Func)
	case *syntax.Return:
		r.exprs(s.Values)
	case *syntax.Continue:
		if sc.loop == nil {
			r.fail(s.Start, "continue outside a loop")
			return
		}
		sc.loop.used = true
		r.replace(s.Start, s.End, "goto "+sc.loop.label)
	case *syntax.TypeAlias:
		r.erase(s.Start, s.End)
	case *syntax.BadStmt:
		r.fail(s.Start, "cannot lower a statement that does not parse")
	}
}

// loopBody walks a loop body with a fresh loop scope and, when the body used
// continue, puts the label at its end: before "end", or before "until" in a
// repeat loop.
func (r *rewriter) loopBody(body *syntax.Block, loopEnd int, repeat bool, cond syntax.Expr) {
	r.loops++
	l := &loop{label: "__continue" + itoa(r.loops)}
	r.blockIn(body, scope{loop: l})
	if !l.used {
		return
	}
	var at int
	if repeat {
		c, ok := cond.(syntax.Node)
		if !ok || c == nil {
			r.fail(loopEnd, "repeat loop without a condition")
			return
		}
		start, _ := c.Span()
		at = r.skipSpaceBack(start) - len("until")
		if at < 0 || string(r.src[at:at+len("until")]) != "until" {
			r.fail(start, "cannot find 'until' of the loop")
			return
		}
	} else {
		at = loopEnd - len("end")
		if at < 0 || string(r.src[at:loopEnd]) != "end" {
			r.fail(loopEnd, "cannot find 'end' of the loop")
			return
		}
	}
	// Lua wants return and break last in a block; the label comes after
	// them, so wrap them in do ... end.
	if n := len(body.Stmts); n > 0 {
		switch last := body.Stmts[n-1].(type) {
		case *syntax.Return, *syntax.Break:
			start, end := last.Span()
			r.insert(start, "do ")
			r.insert(end, " end")
		}
	}
	r.insert(at, "::"+l.label+":: ")
}

func (r *rewriter) exprs(es []syntax.Expr) {
	for _, e := range es {
		r.expr(e)
	}
}

func (r *rewriter) expr(e syntax.Expr) {
	switch e := e.(type) {
	case nil:
	case *syntax.Number:
		r.number(e)
	case *syntax.Interp:
		r.exprs(e.Exprs)
		r.interp(e)
	case *syntax.Function:
		r.function(e)
	case *syntax.Table:
		for _, f := range e.Fields {
			r.expr(f.Key)
			r.expr(f.Value)
		}
	case *syntax.Binary:
		r.expr(e.L)
		r.expr(e.R)
		if e.Op == syntax.OIDiv {
			r.replace(e.Start, e.End, "math.floor(("+r.slice(spanOf(e.L))+") / ("+r.slice(spanOf(e.R))+"))")
		}
	case *syntax.Unary:
		r.expr(e.X)
	case *syntax.Paren:
		r.expr(e.X)
	case *syntax.Index:
		r.expr(e.X)
		r.expr(e.Key)
	case *syntax.Member:
		r.expr(e.X)
	case *syntax.Call:
		r.expr(e.Fn)
		r.exprs(e.Args)
	case *syntax.Cast:
		r.expr(e.X)
		start, end := e.X.Span()
		r.replace(e.Start, e.End, "("+r.slice(start, end)+")")
	case *syntax.IfExpr:
		r.exprs(e.Conds)
		r.exprs(e.Thens)
		r.expr(e.Else)
		r.ifExpr(e)
	case *syntax.BadExpr:
		r.fail(e.Start, "cannot lower an expression that does not parse")
	}
}

// function erases a function's annotations and walks its body. Loops do not
// reach through a function boundary, so the body starts with no loop.
func (r *rewriter) function(f *syntax.Function) {
	if f == nil {
		return
	}
	for _, a := range f.Attributes {
		if a.Start > 0 && r.src[a.Start-1] == '@' {
			r.erase(a.Start-1, a.End)
		}
	}
	if len(f.Generics) > 0 {
		r.eraseGenerics(f)
	}
	for i, t := range f.ParamTypes {
		if t != nil && i < len(f.Params) {
			r.eraseAnnotation(f.Params[i].End, t)
		}
	}
	if f.Vararg != nil && f.VarargType != nil {
		r.eraseAnnotation(f.Vararg.End, f.VarargType)
	}
	if f.Return != nil {
		start, _ := f.Return.Span()
		r.eraseAnnotation(r.skipSpaceBack(start)-1, f.Return)
	}
	r.blockIn(f.Body, scope{})
}

// eraseAnnotation erases ": Type" where from is the offset just after the
// annotated name (the colon comes next, possibly after spaces).
func (r *rewriter) eraseAnnotation(from int, t syntax.TypeExpr) {
	_, end := t.Span()
	colon := r.skipSpace(from)
	if colon >= len(r.src) || r.src[colon] != ':' {
		start, _ := t.Span()
		r.fail(start, "cannot find ':' before a type annotation")
		return
	}
	r.erase(colon, end)
}

// eraseGenerics erases "<T, U...>" between a function's name and its '('.
func (r *rewriter) eraseGenerics(f *syntax.Function) {
	first := f.Generics[0]
	lt := r.skipSpaceBack(first.Start) - 1
	if lt < 0 || r.src[lt] != '<' {
		r.fail(first.Start, "cannot find '<' of the generic parameters")
		return
	}
	depth := 0
	for i := lt; i < len(r.src); i++ {
		switch r.src[i] {
		case '<':
			depth++
		case '>':
			depth--
			if depth == 0 {
				r.erase(lt, i+1)
				return
			}
		case '(':
			if depth == 1 && i > f.Generics[len(f.Generics)-1].End {
				r.fail(first.Start, "cannot find '>' of the generic parameters")
				return
			}
		}
	}
	r.fail(first.Start, "cannot find '>' of the generic parameters")
}

func spanOf(n syntax.Node) (int, int) { return n.Span() }

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}
