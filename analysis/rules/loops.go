package rules

import "github.com/buflsp/buflsp/analysis/syntax"

// This file holds the syntax helpers shared by the copy and aliasing rules:
// a walker that knows, for every node, the function it runs in and the
// loops around it inside that function, and a walk in evaluation order that
// stays inside one function. None of it needs types.

// walkCtx is where the walker stands: the chain of nodes from the chunk down
// to the current node, the innermost enclosing function, and the loops that
// enclose the node inside that function.
type walkCtx struct {
	// Stack holds the ancestors of the current node, outermost first; the
	// node itself is not on it.
	Stack []syntax.Node
	// Fn is the innermost function literal around the node, nil for code of
	// the main chunk.
	Fn *syntax.Function
	// Loops are the while/repeat/for statements around the node inside Fn,
	// outermost first. A function literal starts a fresh list: a loop
	// outside a function does not run the function's body.
	Loops []syntax.Stmt
}

// Parent returns the direct parent of the current node, or nil.
func (c *walkCtx) Parent() syntax.Node {
	if len(c.Stack) == 0 {
		return nil
	}
	return c.Stack[len(c.Stack)-1]
}

// InLoop reports whether the node repeats with a loop of its own function.
func (c *walkCtx) InLoop() bool { return len(c.Loops) > 0 }

// walkFile calls visit for every statement and expression of the file in
// source order, with the context of each. Returning false skips the
// children of the node.
func walkFile(f *syntax.File, visit func(n syntax.Node, c *walkCtx) bool) {
	w := &fileWalker{visit: visit}
	w.block(f.Chunk)
}

type fileWalker struct {
	ctx   walkCtx
	visit func(syntax.Node, *walkCtx) bool
}

func (w *fileWalker) enter(n syntax.Node) bool {
	if !w.visit(n, &w.ctx) {
		return false
	}
	w.ctx.Stack = append(w.ctx.Stack, n)
	return true
}

func (w *fileWalker) leave() { w.ctx.Stack = w.ctx.Stack[:len(w.ctx.Stack)-1] }

func (w *fileWalker) block(b *syntax.Block) {
	if b == nil {
		return
	}
	if !w.enter(b) {
		return
	}
	for _, s := range b.Stmts {
		w.stmt(s)
	}
	w.leave()
}

// loopBody walks a loop body with the loop pushed on the context.
func (w *fileWalker) loopBody(loop syntax.Stmt, b *syntax.Block) {
	w.ctx.Loops = append(w.ctx.Loops, loop)
	w.block(b)
	w.ctx.Loops = w.ctx.Loops[:len(w.ctx.Loops)-1]
}

func (w *fileWalker) exprs(es []syntax.Expr) {
	for _, e := range es {
		w.expr(e)
	}
}

func (w *fileWalker) stmt(s syntax.Stmt) {
	if s == nil || !w.enter(s) {
		return
	}
	// No defer for leave: a visit that panics ends the whole walk (the
	// driver turns the panic into a diagnostic), so the stack is never
	// used again, and a deferred call at each of the file's tens of
	// thousands of nodes was a large part of what a walk cost.
	w.stmtChildren(s)
	w.leave()
}

func (w *fileWalker) stmtChildren(s syntax.Stmt) {
	switch s := s.(type) {
	case *syntax.Local:
		w.names(s.Names)
		w.exprs(s.Values)
	case *syntax.Assign:
		w.exprs(s.Targets)
		w.exprs(s.Values)
	case *syntax.CompoundAssign:
		w.expr(s.Target)
		w.expr(s.Value)
	case *syntax.CallStmt:
		w.expr(s.Call)
	case *syntax.Do:
		w.block(s.Body)
	case *syntax.While:
		w.expr(s.Cond)
		w.loopBody(s, s.Body)
	case *syntax.Repeat:
		// The condition is evaluated on every iteration, in the body's scope.
		w.ctx.Loops = append(w.ctx.Loops, s)
		w.block(s.Body)
		w.expr(s.Cond)
		w.ctx.Loops = w.ctx.Loops[:len(w.ctx.Loops)-1]
	case *syntax.If:
		for i, c := range s.Conds {
			w.expr(c)
			if i < len(s.Blocks) {
				w.block(s.Blocks[i])
			}
		}
		w.block(s.Else)
	case *syntax.NumericFor:
		w.expr(s.Var)
		w.expr(s.Start)
		w.expr(s.Limit)
		w.expr(s.Step)
		w.loopBody(s, s.Body)
	case *syntax.GenericFor:
		w.names(s.Names)
		w.exprs(s.Exprs)
		w.loopBody(s, s.Body)
	case *syntax.FunctionStmt:
		w.expr(s.Name)
		w.expr(s.Func)
	case *syntax.LocalFunction:
		w.expr(s.Name)
		w.expr(s.Func)
	case *syntax.TypeAlias:
		if s.Func != nil { // a type function's body, as Inspect walks it
			w.expr(s.Func)
		}
	case *syntax.Return:
		w.exprs(s.Values)
	case *syntax.Goto:
		w.expr(s.Label)
	case *syntax.Label:
		w.expr(s.Name)
	}
}

func (w *fileWalker) names(ns []*syntax.Name) {
	for _, n := range ns {
		w.expr(n)
	}
}

func (w *fileWalker) expr(e syntax.Expr) {
	if isNilExpr(e) || !w.enter(e) {
		return
	}
	w.exprChildren(e) // no defer, as in stmt
	w.leave()
}

func (w *fileWalker) exprChildren(e syntax.Expr) {
	switch e := e.(type) {
	case *syntax.Interp:
		w.exprs(e.Exprs)
	case *syntax.Function:
		saved, savedLoops := w.ctx.Fn, w.ctx.Loops
		w.ctx.Fn, w.ctx.Loops = e, nil
		w.names(e.Params)
		w.block(e.Body)
		w.ctx.Fn, w.ctx.Loops = saved, savedLoops
	case *syntax.Table:
		for _, f := range e.Fields {
			w.expr(f.Key)
			w.expr(f.Value)
		}
	case *syntax.Binary:
		w.expr(e.L)
		w.expr(e.R)
	case *syntax.Unary:
		w.expr(e.X)
	case *syntax.Paren:
		w.expr(e.X)
	case *syntax.Index:
		w.expr(e.X)
		w.expr(e.Key)
	case *syntax.Member:
		w.expr(e.X)
	case *syntax.Call:
		w.expr(e.Fn)
		w.exprs(e.Args)
	case *syntax.Cast:
		w.expr(e.X)
	case *syntax.IfExpr:
		for i, c := range e.Conds {
			w.expr(c)
			if i < len(e.Thens) {
				w.expr(e.Thens[i])
			}
		}
		w.expr(e.Else)
	}
}

// isNilExpr reports whether e is absent: a nil interface or a typed nil
// pointer (optional fields such as Step hold typed nils).
func isNilExpr(e syntax.Expr) bool {
	if e == nil {
		return true
	}
	switch e := e.(type) {
	case *syntax.Name:
		return e == nil
	case *syntax.Call:
		return e == nil
	case *syntax.Function:
		return e == nil
	}
	return false
}

// unparen strips parentheses.
func unparen(e syntax.Expr) syntax.Expr {
	for {
		p, ok := e.(*syntax.Paren)
		if !ok {
			return e
		}
		e = p.X
	}
}

// concatOperands flattens a chain of '..' into its operands, left to right.
// Parenthesised concatenations stay single operands, as written.
func concatOperands(e syntax.Expr, out []syntax.Expr) []syntax.Expr {
	if b, ok := e.(*syntax.Binary); ok && b.Op == syntax.OConcat {
		out = concatOperands(b.L, out)
		return concatOperands(b.R, out)
	}
	return append(out, e)
}

// evalWalk visits the parts of a node in the order Lua evaluates them,
// without entering function literals (their bodies run later, when called):
// operands before the operation, the callee and arguments before the call,
// and, for assignments, the values before the targets. Names are visited
// where they are read or written; calls after their arguments.
func evalWalk(n syntax.Node, visit func(syntax.Node)) {
	switch n := n.(type) {
	case nil:
	case *syntax.Local:
		for _, v := range n.Values {
			evalWalk(v, visit)
		}
		for _, name := range n.Names {
			visit(name)
		}
	case *syntax.Assign:
		for _, t := range n.Targets {
			evalTargetPrefix(t, visit)
		}
		for _, v := range n.Values {
			evalWalk(v, visit)
		}
		for _, t := range n.Targets {
			if name, ok := t.(*syntax.Name); ok {
				visit(name)
			}
		}
	case *syntax.CompoundAssign:
		evalWalk(n.Target, visit)
		evalWalk(n.Value, visit)
	case *syntax.CallStmt:
		evalWalk(n.Call, visit)
	case *syntax.Return:
		for _, v := range n.Values {
			evalWalk(v, visit)
		}
	case *syntax.LocalFunction:
		visit(n.Name)
	case *syntax.FunctionStmt:
		if name, ok := n.Name.(*syntax.Name); ok {
			visit(name)
		} else {
			evalTargetPrefix(n.Name, visit)
		}
	case *syntax.Name:
		if n != nil {
			visit(n)
		}
	case *syntax.Interp:
		for _, x := range n.Exprs {
			evalWalk(x, visit)
		}
	case *syntax.Table:
		for _, f := range n.Fields {
			if f.Key != nil {
				evalWalk(f.Key, visit)
			}
			evalWalk(f.Value, visit)
		}
	case *syntax.Binary:
		evalWalk(n.L, visit)
		evalWalk(n.R, visit)
	case *syntax.Unary:
		evalWalk(n.X, visit)
	case *syntax.Paren:
		evalWalk(n.X, visit)
	case *syntax.Index:
		evalWalk(n.X, visit)
		evalWalk(n.Key, visit)
	case *syntax.Member:
		evalWalk(n.X, visit)
	case *syntax.Call:
		if n == nil {
			return
		}
		evalWalk(n.Fn, visit)
		for _, a := range n.Args {
			evalWalk(a, visit)
		}
		visit(n)
	case *syntax.Cast:
		evalWalk(n.X, visit)
	case *syntax.IfExpr:
		for i, c := range n.Conds {
			evalWalk(c, visit)
			if i < len(n.Thens) {
				evalWalk(n.Thens[i], visit)
			}
		}
		evalWalk(n.Else, visit)
	case syntax.Expr:
		// Literals and function literals: nothing is evaluated inside.
	}
}

// evalTargetPrefix evaluates the parts of an assignment target that are
// read (t in t.x = v, t and k in t[k] = v).
func evalTargetPrefix(t syntax.Expr, visit func(syntax.Node)) {
	switch t := t.(type) {
	case *syntax.Index:
		evalWalk(t.X, visit)
		evalWalk(t.Key, visit)
	case *syntax.Member:
		evalWalk(t.X, visit)
	}
}

// isTypeAnnotation reports whether n is a Luau type annotation. Rules that
// walk with syntax.Inspect skip these: they look at code that runs, and
// the expressions inside typeof(...) never do.
func isTypeAnnotation(n syntax.Node) bool {
	_, ok := n.(syntax.TypeExpr)
	return ok
}
