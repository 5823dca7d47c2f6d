package lower

import (
	"strconv"

	"github.com/yuin/gopher-lua/ast"

	"github.com/buflsp/buflsp/analysis/syntax"
)

// block lowers the statements of a block.
func (l *lowerer) block(b *syntax.Block) []ast.Stmt {
	if b == nil {
		return []ast.Stmt{}
	}
	out := make([]ast.Stmt, 0, len(b.Stmts))
	for _, s := range b.Stmts {
		if start, _ := s.Span(); !l.step(start) {
			break
		}
		if st := l.stmt(s); st != nil {
			out = append(out, st)
		}
	}
	return out
}

func (l *lowerer) stmt(s syntax.Stmt) ast.Stmt {
	switch s := s.(type) {
	case *syntax.Local:
		return l.local(s)
	case *syntax.Assign:
		return l.assign(s)
	case *syntax.CompoundAssign:
		return l.compound(s)
	case *syntax.CallStmt:
		return at(l, s.Start, &ast.FuncCallStmt{Expr: l.call(s.Call)})
	case *syntax.Do:
		return span(l, s.Start, s.End, &ast.DoBlockStmt{Stmts: l.block(s.Body)})
	case *syntax.While:
		cond := l.expr(s.Cond)
		return span(l, s.Start, s.End, &ast.WhileStmt{Condition: cond, Stmts: l.loopBody(s.Body, false)})
	case *syntax.Repeat:
		body := l.loopBody(s.Body, usesBodyLocal(s))
		return span(l, s.Start, s.End, &ast.RepeatStmt{Stmts: body, Condition: l.expr(s.Cond)})
	case *syntax.If:
		return l.ifStmt(s)
	case *syntax.NumericFor:
		st := &ast.NumberForStmt{Name: s.Var.Value, Init: l.expr(s.Start), Limit: l.expr(s.Limit)}
		if s.Step != nil {
			st.Step = l.expr(s.Step)
		}
		st.Stmts = l.loopBody(s.Body, false)
		return span(l, s.Range.Start, s.End, st)
	case *syntax.GenericFor:
		return l.genericFor(s)
	case *syntax.FunctionStmt:
		return span(l, s.Start, s.End, &ast.FuncDefStmt{Name: l.funcName(s.Name), Func: l.function(s.Func)})
	case *syntax.LocalFunction:
		return span(l, s.Start, s.End, &ast.LocalAssignStmt{
			Names: []string{s.Name.Value}, Exprs: []ast.Expr{l.function(s.Func)}})
	case *syntax.Return:
		return at(l, s.Start, &ast.ReturnStmt{Exprs: l.exprs(s.Values)})
	case *syntax.Break:
		return at(l, s.Start, &ast.BreakStmt{})
	case *syntax.Continue:
		if len(l.loops) == 0 {
			l.fail(s.Start, "continue outside a loop")
			return nil
		}
		lp := l.loops[len(l.loops)-1]
		lp.used = true
		return at(l, s.Start, &ast.GotoStmt{Label: lp.label})
	case *syntax.Goto:
		return at(l, s.Start, &ast.GotoStmt{Label: s.Label.Value})
	case *syntax.Label:
		return at(l, s.Start, &ast.LabelStmt{Name: s.Name.Value})
	case *syntax.TypeAlias:
		return nil
	}
	start, _ := s.Span()
	l.fail(start, "cannot run this statement")
	return nil
}

// local lowers a local declaration. gopher-lua compiles "local f =
// function ... end" as "local function f", which would let the function see
// itself; a second, unused value keeps the two apart.
func (l *lowerer) local(s *syntax.Local) ast.Stmt {
	names := make([]string, len(s.Names))
	for i, n := range s.Names {
		names[i] = n.Value
		if i < len(s.Attribs) && s.Attribs[i] == "close" {
			l.fail(n.Start, "<close> variables are not supported by the buflsp runtime")
		}
	}
	values := l.exprs(s.Values)
	if len(names) == 1 && len(values) == 1 {
		if _, ok := values[0].(*ast.FunctionExpr); ok {
			values = append(values, at(l, s.Start, &ast.NilExpr{}))
		}
	}
	return at(l, s.Start, &ast.LocalAssignStmt{Names: names, Exprs: values})
}

// assign lowers "targets = values". gopher-lua compiles a value straight
// into the register of a local target, so in "a, b = b, a" the second value
// would read the new a. With more than one target, the values go into
// temporaries first and the targets are assigned from them, as Lua defines.
func (l *lowerer) assign(s *syntax.Assign) ast.Stmt {
	targets, values := l.exprs(s.Targets), l.exprs(s.Values)
	if len(targets) < 2 {
		return at(l, s.Start, &ast.AssignStmt{Lhs: targets, Rhs: values})
	}
	temps := make([]string, len(targets))
	refs := make([]ast.Expr, len(targets))
	for i := range targets {
		temps[i] = "(value " + strconv.Itoa(i+1) + ")"
		refs[i] = at(l, s.Start, &ast.IdentExpr{Value: temps[i]})
	}
	decl := at(l, s.Start, &ast.LocalAssignStmt{Names: temps, Exprs: values})
	set := at(l, s.Start, &ast.AssignStmt{Lhs: targets, Rhs: refs})
	return span(l, s.Start, s.End, &ast.DoBlockStmt{Stmts: []ast.Stmt{decl, set}})
}

// ifStmt lowers if/elseif/else into gopher-lua's nested if statements.
func (l *lowerer) ifStmt(s *syntax.If) ast.Stmt {
	var first, cur *ast.IfStmt
	for i, c := range s.Conds {
		st := &ast.IfStmt{Condition: l.expr(c), Else: []ast.Stmt{}}
		if i < len(s.Blocks) {
			st.Then = l.block(s.Blocks[i])
		}
		start, _ := c.Span()
		span(l, start, s.End, st)
		if first == nil {
			first = st
			st.SetLine(l.line(s.Start))
		} else {
			cur.Else = []ast.Stmt{st}
		}
		cur = st
	}
	if first == nil {
		return nil
	}
	if s.Else != nil {
		cur.Else = l.block(s.Else)
	}
	return first
}

// loopBody lowers a loop body. When the body uses continue, the label the
// continue statements jump to goes after it, and the body is wrapped in a
// do block so that the label sits outside the scope of its locals. When the
// condition of a repeat-until reads the body's locals (inScope), the label
// must stay inside their scope instead, which gopher-lua accepts when no
// local is declared after a continue (Luau rejects the other cases).
func (l *lowerer) loopBody(b *syntax.Block, inScope bool) []ast.Stmt {
	l.nloops++
	lp := &loop{label: "(continue " + strconv.Itoa(l.nloops) + ")"}
	l.loops = append(l.loops, lp)
	body := l.block(b)
	l.loops = l.loops[:len(l.loops)-1]
	if !lp.used {
		return body
	}
	label := &ast.LabelStmt{Name: lp.label}
	label.SetLine(l.line(max(b.End-1, b.Start)))
	if inScope {
		return append(body, label)
	}
	do := span(l, b.Start, b.End, &ast.DoBlockStmt{Stmts: body})
	return []ast.Stmt{do, label}
}

// usesBodyLocal reports whether the condition of a repeat-until reads a
// local declared at the top of its body; only then must a continue label
// stay in the scope of those locals.
func usesBodyLocal(s *syntax.Repeat) bool {
	declared := map[string]bool{}
	for _, st := range s.Body.Stmts {
		switch st := st.(type) {
		case *syntax.Local:
			for _, n := range st.Names {
				declared[n.Value] = true
			}
		case *syntax.LocalFunction:
			declared[st.Name.Value] = true
		}
	}
	if len(declared) == 0 {
		return false
	}
	uses := false
	syntax.Inspect(s.Cond, func(n syntax.Node) bool {
		if name, ok := n.(*syntax.Name); ok && declared[name.Value] {
			uses = true
		}
		return !uses
	})
	return uses
}

// genericFor lowers "for names in exprs". In Luau the values go through the
// iteration helper, which turns a table into next-style iteration or its
// __iter metamethod.
func (l *lowerer) genericFor(s *syntax.GenericFor) ast.Stmt {
	names := make([]string, len(s.Names))
	for i, n := range s.Names {
		names[i] = n.Value
	}
	exprs := l.exprs(s.Exprs)
	if l.luau() {
		exprs = []ast.Expr{l.helperCall(s.Start, helperIter, exprs...)}
	}
	st := &ast.GenericForStmt{Names: names, Exprs: exprs}
	st.Stmts = l.loopBody(s.Body, false)
	return span(l, s.Start, s.End, st)
}

// funcName lowers the name of a function statement: a name, a chain of
// fields, or a chain ending in a method. The parser has already given a
// method its "self" parameter, so a method is stored like a field
// (gopher-lua's own method form would add a second self).
func (l *lowerer) funcName(e syntax.Expr) *ast.FuncName {
	if m, ok := e.(*syntax.Member); ok && m.Colon {
		key := at(l, m.Name.Start, &ast.StringExpr{Value: m.Name.Value})
		return &ast.FuncName{Func: at(l, m.Start, &ast.AttrGetExpr{Object: l.expr(m.X), Key: key})}
	}
	return &ast.FuncName{Func: l.expr(e)}
}
