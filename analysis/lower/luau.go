package lower

import (
	"github.com/yuin/gopher-lua/ast"

	"github.com/buflsp/buflsp/analysis/syntax"
)

// This file lowers the Luau constructs that have no Lua 5.1 equivalent.

// Names of the temporaries of a compound assignment. Names with a
// parenthesis cannot appear in source, so they never clash with the user's.
const (
	tempObj = "(obj)"
	tempKey = "(key)"
)

// compound lowers "target op= value". The table and key of an indexed target
// are evaluated once: into temporaries of a do block, unless they are names
// or constants that read the same twice.
func (l *lowerer) compound(s *syntax.CompoundAssign) ast.Stmt {
	op := compoundOp(s.Op)
	switch t := s.Target.(type) {
	case *syntax.Name:
		value := l.expr(s.Value)
		cur := at(l, t.Start, &ast.IdentExpr{Value: t.Value})
		return at(l, s.Start, &ast.AssignStmt{
			Lhs: []ast.Expr{at(l, t.Start, &ast.IdentExpr{Value: t.Value})},
			Rhs: []ast.Expr{l.combine(s.Start, op, cur, value)},
		})
	case *syntax.Member, *syntax.Index:
		var objSrc, keySrc syntax.Expr
		var key ast.Expr
		if m, ok := t.(*syntax.Member); ok {
			objSrc = m.X
			key = at(l, m.Name.Start, &ast.StringExpr{Value: m.Name.Value})
		} else {
			ix := t.(*syntax.Index)
			objSrc, keySrc = ix.X, ix.Key
		}
		if simple(objSrc) && (keySrc == nil || simple(keySrc)) {
			get := func() ast.Expr {
				k := key
				if keySrc != nil {
					k = l.expr(keySrc)
				}
				return at(l, s.Start, &ast.AttrGetExpr{Object: l.expr(objSrc), Key: k})
			}
			target, cur := get(), get()
			return at(l, s.Start, &ast.AssignStmt{
				Lhs: []ast.Expr{target},
				Rhs: []ast.Expr{l.combine(s.Start, op, cur, l.expr(s.Value))},
			})
		}
		names := []string{tempObj}
		values := []ast.Expr{l.expr(objSrc)}
		if keySrc != nil {
			names = append(names, tempKey)
			values = append(values, l.expr(keySrc))
		}
		ref := func() ast.Expr {
			k := key
			if keySrc != nil {
				k = at(l, s.Start, &ast.IdentExpr{Value: tempKey})
			}
			return at(l, s.Start, &ast.AttrGetExpr{Object: at(l, s.Start, &ast.IdentExpr{Value: tempObj}), Key: k})
		}
		target, cur := ref(), ref()
		assign := at(l, s.Start, &ast.AssignStmt{
			Lhs: []ast.Expr{target},
			Rhs: []ast.Expr{l.combine(s.Start, op, cur, l.expr(s.Value))},
		})
		decl := at(l, s.Start, &ast.LocalAssignStmt{Names: names, Exprs: values})
		return span(l, s.Start, s.End, &ast.DoBlockStmt{Stmts: []ast.Stmt{decl, assign}})
	}
	l.fail(s.Start, "cannot assign to this expression")
	return nil
}

// compoundOp maps a compound assignment to its binary operator; the parser
// stores the binary operator already, this accepts both spellings.
func compoundOp(k syntax.Kind) syntax.Kind {
	switch k {
	case syntax.OAddAssign:
		return syntax.OAdd
	case syntax.OSubAssign:
		return syntax.OSub
	case syntax.OMulAssign:
		return syntax.OMul
	case syntax.ODivAssign:
		return syntax.ODiv
	case syntax.OIDivAssign:
		return syntax.OIDiv
	case syntax.OModAssign:
		return syntax.OMod
	case syntax.OPowAssign:
		return syntax.OPow
	case syntax.OConcatAssign:
		return syntax.OConcat
	}
	return k
}

// simple reports whether reading e twice is the same as reading it once.
func simple(e syntax.Expr) bool {
	switch e.(type) {
	case *syntax.Name, *syntax.Number, *syntax.String, *syntax.True, *syntax.False, *syntax.Nil:
		return true
	}
	return false
}

// ifExpr lowers "if c1 then a elseif c2 then b else d". When every value
// chosen by a condition is a constant that cannot be false or nil, the
// expression is "c1 and a or (c2 and b or d)", which is exact. Otherwise it
// is a closure called on the spot, receiving the varargs when the
// expression uses them.
func (l *lowerer) ifExpr(e *syntax.IfExpr) ast.Expr {
	outer := l.varargs
	conds := l.exprs(e.Conds)
	thens := l.exprs(e.Thens)
	var els ast.Expr = at(l, e.End, &ast.NilExpr{})
	if e.Else != nil {
		els = l.expr(e.Else)
	}
	usesVararg := l.varargs != outer
	truthy := true
	for _, t := range e.Thens {
		truthy = truthy && alwaysTrue(t)
	}
	if truthy {
		out := truncate(els)
		for i := len(conds) - 1; i >= 0; i-- {
			and := at(l, e.Start, &ast.LogicalOpExpr{Operator: "and", Lhs: conds[i], Rhs: thens[i]})
			out = at(l, e.Start, &ast.LogicalOpExpr{Operator: "or", Lhs: and, Rhs: out})
		}
		return out
	}
	ret := func(v ast.Expr) []ast.Stmt {
		return []ast.Stmt{at(l, e.Start, &ast.ReturnStmt{Exprs: []ast.Expr{truncate(v)}})}
	}
	body := ret(els)
	for i := len(conds) - 1; i >= 0; i-- {
		body = []ast.Stmt{span(l, e.Start, e.End, &ast.IfStmt{Condition: conds[i], Then: ret(thens[i]), Else: body})}
	}
	fn := span(l, e.Start, e.End, &ast.FunctionExpr{
		ParList: &ast.ParList{HasVargs: usesVararg, Names: []string{}},
		Stmts:   body,
	})
	call := at(l, e.Start, &ast.FuncCallExpr{Func: fn, Args: []ast.Expr{}, AdjustRet: true})
	if usesVararg {
		call.Args = []ast.Expr{at(l, e.Start, &ast.Comma3Expr{})}
	}
	return call
}

// alwaysTrue reports whether e is a constant that is neither false nor nil.
func alwaysTrue(e syntax.Expr) bool {
	switch e.(type) {
	case *syntax.True, *syntax.Number, *syntax.String, *syntax.Interp, *syntax.Table, *syntax.Function:
		return true
	}
	return false
}

// interp lowers `a{x}b{y}c` to "a" .. tostring(x) .. "b" .. tostring(y) ..
// "c", leaving out empty pieces; tostring is the one the chunk saw first.
func (l *lowerer) interp(e *syntax.Interp) ast.Expr {
	var parts []ast.Expr
	for i, raw := range e.Parts {
		v, ok := syntax.InterpPart(raw)
		if !ok {
			l.fail(e.Start, "malformed interpolated string")
		}
		if v != "" || (i == 0 && len(e.Exprs) == 0) {
			parts = append(parts, at(l, e.Start, &ast.StringExpr{Value: v}))
		}
		if i < len(e.Exprs) {
			parts = append(parts, l.helperCall(e.Start, helperToString, truncate(l.expr(e.Exprs[i]))))
		}
	}
	if len(parts) == 1 {
		if _, ok := parts[0].(*ast.StringExpr); ok {
			return parts[0]
		}
		// A single value still has to be a string.
		return at(l, e.Start, &ast.StringConcatOpExpr{Lhs: at(l, e.Start, &ast.StringExpr{}), Rhs: parts[0]})
	}
	out := parts[len(parts)-1]
	for i := len(parts) - 2; i >= 0; i-- {
		out = at(l, e.Start, &ast.StringConcatOpExpr{Lhs: parts[i], Rhs: out})
	}
	return out
}
