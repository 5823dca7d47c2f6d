package lower

import (
	"math"
	"strconv"

	"github.com/yuin/gopher-lua/ast"

	"github.com/buflsp/buflsp/analysis/syntax"
)

func (l *lowerer) exprs(es []syntax.Expr) []ast.Expr {
	out := make([]ast.Expr, len(es))
	for i, e := range es {
		out[i] = l.expr(e)
	}
	return out
}

func (l *lowerer) expr(e syntax.Expr) ast.Expr {
	start, end := e.Span()
	if !l.step(start) {
		return &ast.NilExpr{}
	}
	switch e := e.(type) {
	case *syntax.Name:
		return at(l, start, &ast.IdentExpr{Value: e.Value})
	case *syntax.Nil:
		return at(l, start, &ast.NilExpr{})
	case *syntax.True:
		return at(l, start, &ast.TrueExpr{})
	case *syntax.False:
		return at(l, start, &ast.FalseExpr{})
	case *syntax.Vararg:
		l.varargs++
		return at(l, start, &ast.Comma3Expr{})
	case *syntax.Number:
		return at(l, start, &ast.NumberExpr{Value: l.number(e)})
	case *syntax.String:
		v, ok := syntax.StringValue(e.Raw)
		if !ok {
			l.fail(start, "malformed string")
		}
		return at(l, start, &ast.StringExpr{Value: v})
	case *syntax.Interp:
		return l.interp(e)
	case *syntax.Function:
		return l.function(e)
	case *syntax.Table:
		return l.table(e)
	case *syntax.Binary:
		return l.binary(e)
	case *syntax.Unary:
		x := l.expr(e.X)
		switch e.Op {
		case syntax.KNot:
			return at(l, start, &ast.UnaryNotOpExpr{Expr: x})
		case syntax.OSub:
			if v, ok := constValue(x); ok {
				return l.numberNode(start, -v)
			}
			return at(l, start, &ast.UnaryMinusOpExpr{Expr: x})
		case syntax.OLen:
			return at(l, start, &ast.UnaryLenOpExpr{Expr: x})
		}
		l.fail(start, "the operator %s is not supported by the buflsp runtime", e.Op)
	case *syntax.Paren:
		return truncate(l.expr(e.X))
	case *syntax.Cast:
		return truncate(l.expr(e.X))
	case *syntax.Index:
		return at(l, start, &ast.AttrGetExpr{Object: l.expr(e.X), Key: l.expr(e.Key)})
	case *syntax.Member:
		obj := l.expr(e.X)
		return at(l, start, &ast.AttrGetExpr{Object: obj, Key: at(l, e.Name.Start, &ast.StringExpr{Value: e.Name.Value})})
	case *syntax.Call:
		return l.call(e)
	case *syntax.IfExpr:
		return l.ifExpr(e)
	default:
		l.fail(start, "cannot run this expression")
	}
	_ = end
	return &ast.NilExpr{}
}

// truncate makes a call or "..." yield exactly one value, as parentheses
// (and Luau's casts) do.
func truncate(e ast.Expr) ast.Expr {
	switch x := e.(type) {
	case *ast.FuncCallExpr:
		x.AdjustRet = true
	case *ast.Comma3Expr:
		x.AdjustRet = true
	}
	return e
}

// call lowers a call; a method call keeps its receiver and name apart, as
// gopher-lua compiles it to SELF.
func (l *lowerer) call(c *syntax.Call) *ast.FuncCallExpr {
	fc := &ast.FuncCallExpr{}
	if m, ok := c.Fn.(*syntax.Member); ok && m.Colon {
		fc.Receiver = l.expr(m.X)
		fc.Method = m.Name.Value
	} else {
		fc.Func = l.expr(c.Fn)
	}
	fc.Args = l.exprs(c.Args)
	return at(l, c.Start, fc)
}

// function lowers a function body. Loops and varargs are per function:
// continue never crosses a function, and "..." inside belongs to it.
func (l *lowerer) function(f *syntax.Function) *ast.FunctionExpr {
	names := make([]string, len(f.Params))
	for i, p := range f.Params {
		names[i] = p.Value
	}
	loops, varargs := l.loops, l.varargs
	l.loops = nil
	body := l.block(f.Body)
	l.loops, l.varargs = loops, varargs
	end := f.End
	if f.EndPos >= 0 {
		end = f.EndPos + 1
	}
	return span(l, f.Start, end, &ast.FunctionExpr{
		ParList: &ast.ParList{HasVargs: f.Vararg != nil, Names: names},
		Stmts:   body,
	})
}

// table lowers a table constructor. A keyed field's value is one value; it
// is marked so, because gopher-lua would otherwise let a call in the last
// field append its results to the array part.
func (l *lowerer) table(t *syntax.Table) ast.Expr {
	fields := make([]*ast.Field, len(t.Fields))
	for i, f := range t.Fields {
		field := &ast.Field{}
		switch {
		case f.NameKey != nil:
			field.Key = at(l, f.NameKey.Start, &ast.StringExpr{Value: f.NameKey.Value})
		case f.Key != nil:
			field.Key = l.expr(f.Key)
		}
		field.Value = l.expr(f.Value)
		if field.Key != nil {
			field.Value = truncate(field.Value)
		}
		fields[i] = field
	}
	return at(l, t.Start, &ast.TableExpr{Fields: fields})
}

// binary lowers a binary operation.
func (l *lowerer) binary(b *syntax.Binary) ast.Expr {
	x, y := l.expr(b.L), l.expr(b.R)
	return l.combine(b.Start, b.Op, x, y)
}

// combine builds "x op y", shared by binary operations and compound
// assignment.
func (l *lowerer) combine(off int, op syntax.Kind, x, y ast.Expr) ast.Expr {
	switch op {
	case syntax.KAnd:
		return at(l, off, &ast.LogicalOpExpr{Operator: "and", Lhs: x, Rhs: y})
	case syntax.KOr:
		return at(l, off, &ast.LogicalOpExpr{Operator: "or", Lhs: x, Rhs: y})
	case syntax.OEq, syntax.ONe, syntax.OLt, syntax.OLe, syntax.OGt, syntax.OGe:
		return at(l, off, &ast.RelationalOpExpr{Operator: op.String(), Lhs: x, Rhs: y})
	case syntax.OConcat:
		return at(l, off, &ast.StringConcatOpExpr{Lhs: x, Rhs: y})
	case syntax.OAdd, syntax.OSub, syntax.OMul, syntax.ODiv, syntax.OMod, syntax.OPow:
		if a, ok := constValue(x); ok {
			if b, ok := constValue(y); ok {
				// NaN is left to the VM, whose own folding keeps its
				// sign (0/0 is a negative NaN on x86, as in Luau).
				if v, _ := foldArith(op, a, b); v == v {
					return l.numberNode(off, v)
				}
			}
		}
		return at(l, off, &ast.ArithmeticOpExpr{Operator: op.String(), Lhs: x, Rhs: y})
	case syntax.OIDiv:
		return l.helperCall(off, helperIDiv, x, y)
	}
	l.fail(off, "the operator %s is not supported by the buflsp runtime", op)
	return &ast.NilExpr{}
}

// Constant folding. gopher-lua folds arithmetic on literals itself, but it
// keeps one constant per value with 0 == -0, so a folded -0 would print as
// 0 (or a later 0 as -0). The lowering folds first and writes -0 as the
// negation of the string "0", which is negated at run time and never folded.

// constValue returns the value of a folded numeric literal.
func constValue(e ast.Expr) (float64, bool) {
	n, ok := e.(*ast.NumberExpr)
	if !ok {
		return 0, false
	}
	v, err := strconv.ParseFloat(n.Value, 64)
	return v, err == nil
}

// numberNode is the literal for v, or the unfoldable -0.
func (l *lowerer) numberNode(off int, v float64) ast.Expr {
	if v == 0 && math.Signbit(v) {
		return at(l, off, &ast.UnaryMinusOpExpr{Expr: at(l, off, &ast.StringExpr{Value: "0"})})
	}
	return at(l, off, &ast.NumberExpr{Value: strconv.FormatFloat(v, 'g', -1, 64)})
}

// foldArith computes x op y for two literals as the VM would.
func foldArith(op syntax.Kind, x, y float64) (float64, bool) {
	switch op {
	case syntax.OAdd:
		return x + y, true
	case syntax.OSub:
		return x - y, true
	case syntax.OMul:
		return x * y, true
	case syntax.ODiv:
		return x / y, true
	case syntax.OMod:
		return x - math.Floor(x/y)*y, true
	case syntax.OPow:
		return math.Pow(x, y), true
	}
	return 0, false
}
