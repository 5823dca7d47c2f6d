package syntax

// This file parses expressions with Lua's operator priorities (Lua 5.4's
// table, which orders the operators of every dialect the same way).

// binaryPriority returns the left and right priority of a binary operator
// token, or 0 when the token is not one.
func binaryPriority(k Kind) (left, right int) {
	switch k {
	case KOr:
		return 1, 1
	case KAnd:
		return 2, 2
	case OLt, OGt, OLe, OGe, ONe, OEq:
		return 3, 3
	case OBOr:
		return 4, 4
	case OTilde:
		return 5, 5
	case OBAnd:
		return 6, 6
	case OShl, OShr:
		return 7, 7
	case OConcat:
		return 9, 8 // right associative
	case OAdd, OSub:
		return 10, 10
	case OMul, ODiv, OIDiv, OMod:
		return 11, 11
	case OPow:
		return 14, 13 // right associative
	}
	return 0, 0
}

const unaryPriority = 12

// supported reports whether an operator exists in the dialect.
func (p *parser) supported(k Kind) bool {
	switch k {
	case OIDiv:
		return p.d == DialectLua54 || p.d == DialectLuau
	case OBAnd, OBOr, OTilde, OShl, OShr:
		return p.d == DialectLua54
	}
	return true
}

func (p *parser) exprList() []Expr {
	list := []Expr{p.expr(0)}
	for p.accept(OComma) {
		list = append(list, p.expr(0))
	}
	return list
}

// expr parses an expression whose binary operators bind tighter than limit.
func (p *parser) expr(limit int) Expr {
	if !p.enter() {
		p.leave()
		return &BadExpr{Range{p.tok.Start, p.tok.Start}}
	}
	defer p.leave()
	var left Expr
	switch k := p.tok.Kind; k {
	case KNot, OSub, OLen, OTilde:
		t := p.tok
		if !p.supported(k) {
			p.errorf(t, "unexpected symbol near %s (unary '~' needs Lua 5.3 or later)", p.near(t))
		}
		p.next()
		x := p.expr(unaryPriority)
		_, end := x.Span()
		left = &Unary{Range{t.Start, end}, k, x}
	default:
		left = p.simpleExpr()
	}
	for {
		op := p.tok
		l, r := binaryPriority(op.Kind)
		if l <= limit {
			return left
		}
		if !p.supported(op.Kind) {
			p.errorf(op, "unexpected symbol near %s (operator needs Lua 5.3 or later)", p.near(op))
		}
		p.next()
		right := p.expr(r)
		start, _ := left.Span()
		_, end := right.Span()
		left = &Binary{Range{start, end}, op.Kind, op.Start, left, right}
	}
}

// simpleExpr parses literals, constructors, functions and suffixed
// expressions, plus Luau's casts, if-expressions and interpolated strings.
func (p *parser) simpleExpr() Expr {
	t := p.tok
	var e Expr
	switch t.Kind {
	case TNumber:
		p.next()
		e = &Number{Range{t.Start, t.End}, string(p.src[t.Start:t.End])}
	case TString:
		p.next()
		e = &String{Range{t.Start, t.End}, string(p.src[t.Start:t.End])}
	case KNil:
		p.next()
		e = &Nil{Range{t.Start, t.End}}
	case KTrue:
		p.next()
		e = &True{Range{t.Start, t.End}}
	case KFalse:
		p.next()
		e = &False{Range{t.Start, t.End}}
	case OVararg:
		if !p.fs.vararg {
			p.errorf(t, "cannot use '...' outside a vararg function near %s", p.near(t))
		}
		p.next()
		e = &Vararg{Range{t.Start, t.End}}
	case OLBrace:
		e = p.table()
	case KFunction:
		p.next()
		e = p.funcBody(t.Start, nil)
	case KIf:
		if p.d != DialectLuau {
			return p.suffixedExpr()
		}
		e = p.ifExpr()
	case TInterpSimple, TInterpBegin:
		e = p.interp()
	case OAt:
		attrs := p.attributes()
		if p.tok.Kind != KFunction {
			p.errorf(p.tok, "expected 'function' after attributes near %s", p.near(p.tok))
			return &BadExpr{Range{t.Start, p.prevEnd}}
		}
		p.next()
		e = p.funcBody(t.Start, attrs)
	default:
		e = p.suffixedExpr()
	}
	if p.d == DialectLuau {
		for p.tok.Kind == ODColon {
			p.next()
			ty := p.typeExpr()
			start, _ := e.Span()
			_, end := ty.Span()
			e = &Cast{Range{start, end}, e, ty}
		}
	}
	return e
}

// primaryExpr parses a name or a parenthesised expression.
func (p *parser) primaryExpr() Expr {
	t := p.tok
	switch t.Kind {
	case TName:
		p.next()
		return &Name{Range{t.Start, t.End}, p.lx.intern(p.src[t.Start:t.End])}
	case OLParen:
		p.next()
		x := p.expr(0)
		p.expectClose(ORParen, "(", t.Start)
		return &Paren{Range{t.Start, p.prevEnd}, x}
	}
	p.errorf(t, "unexpected symbol near %s", p.near(t))
	return &BadExpr{Range{t.Start, t.Start}}
}

// suffixedExpr parses a primary expression followed by field accesses,
// indexing and calls.
func (p *parser) suffixedExpr() Expr {
	e := p.primaryExpr()
	if _, bad := e.(*BadExpr); bad {
		return e
	}
	start, _ := e.Span()
	for {
		switch p.tok.Kind {
		case ODot:
			op := p.tok.Start
			p.next()
			n := p.name()
			e = &Member{Range{start, n.End}, e, n, false, op}
		case OLBracket:
			p.next()
			k := p.expr(0)
			p.expect(ORBracket)
			e = &Index{Range{start, p.prevEnd}, e, k}
		case OColon:
			op := p.tok.Start
			p.next()
			n := p.name()
			m := &Member{Range{start, n.End}, e, n, true, op}
			if n.Value == "" {
				return m
			}
			switch p.tok.Kind {
			case OLParen, TString, OLBrace:
				e = p.callArgs(m, start)
			default:
				p.errorf(p.tok, "expected function arguments near %s", p.near(p.tok))
				return m
			}
		case OLParen, TString, OLBrace:
			if p.tok.Kind == OLParen && p.d != DialectLua54 && p.line(p.tok.Start) != p.line(p.prevEnd) {
				p.errorf(p.tok, "ambiguous syntax (function call x new statement) near %s", p.near(p.tok))
			}
			e = p.callArgs(e, start)
		default:
			return e
		}
	}
}

// callArgs parses the arguments of a call: (list), a string or a table.
func (p *parser) callArgs(fn Expr, start int) Expr {
	t := p.tok
	c := &Call{Fn: fn, LParen: t.Start, RParen: -1}
	switch t.Kind {
	case TString:
		p.next()
		c.Args = []Expr{&String{Range{t.Start, t.End}, string(p.src[t.Start:t.End])}}
	case OLBrace:
		c.Args = []Expr{p.table()}
	default:
		p.next()
		if p.tok.Kind != ORParen {
			c.Args = p.exprList()
		}
		c.RParen = p.expectClose(ORParen, "(", t.Start)
	}
	c.Range = Range{start, p.prevEnd}
	return c
}

// table parses a table constructor.
func (p *parser) table() Expr {
	t := p.tok
	p.next()
	tb := &Table{}
	for p.tok.Kind != ORBrace {
		f := &Field{Range: Range{Start: p.tok.Start}}
		switch {
		case p.tok.Kind == OLBracket:
			p.next()
			f.Key = p.expr(0)
			p.expect(ORBracket)
			p.expect(OAssign)
			f.Value = p.expr(0)
		case p.tok.Kind == TName && p.peek().Kind == OAssign:
			f.NameKey = p.name()
			p.next()
			f.Value = p.expr(0)
		default:
			if p.tok.Kind == EOF {
				break
			}
			f.Value = p.expr(0)
		}
		if f.Value == nil {
			break
		}
		f.End = max(p.prevEnd, f.Start)
		tb.Fields = append(tb.Fields, f)
		if _, bad := f.Value.(*BadExpr); bad {
			break
		}
		if !p.accept(OComma) && !p.accept(OSemi) {
			break
		}
	}
	p.expectClose(ORBrace, "{", t.Start)
	tb.Range = Range{t.Start, p.prevEnd}
	return tb
}

// funcBody parses parameters and body of a function whose first token
// (function keyword or attribute) is at start; the name, if any, has been
// consumed.
func (p *parser) funcBody(start int, attrs []*Name) *Function {
	fn := &Function{Attributes: attrs, EndPos: -1}
	if p.d == DialectLuau && p.tok.Kind == OLt {
		fn.Generics = p.genericNames()
	}
	fs := &funcState{parent: p.fs}
	lparen := p.tok.Start
	p.expect(OLParen)
	if p.tok.Kind != ORParen {
		for {
			if p.tok.Kind == OVararg {
				fn.Vararg = &Vararg{Range{p.tok.Start, p.tok.End}}
				fs.vararg = true
				p.next()
				if p.d == DialectLuau && p.accept(OColon) {
					fn.VarargType = p.typeExpr()
				}
				break
			}
			if p.tok.Kind != TName {
				p.errorf(p.tok, "expected <name> near %s", p.near(p.tok))
				break
			}
			fn.Params = append(fn.Params, p.name())
			if p.d == DialectLuau {
				var ty TypeExpr
				if p.accept(OColon) {
					ty = p.typeExpr()
				}
				fn.ParamTypes = append(fn.ParamTypes, ty)
			}
			if !p.accept(OComma) {
				break
			}
		}
	}
	p.expectClose(ORParen, "(", lparen)
	if p.d == DialectLuau && p.accept(OColon) {
		fn.Return = p.returnType()
	}
	saved := p.fs
	p.fs = fs
	fn.Body = p.block()
	p.fs = saved
	fn.EndPos = p.expectClose(KEnd, "function", start)
	fn.Range = Range{start, p.prevEnd}
	return fn
}
