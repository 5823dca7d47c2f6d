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
		return p.d.atLeast53() || p.d == DialectLuau
	case OBAnd, OBOr, OTilde, OShl, OShr:
		return p.d.atLeast53()
	}
	return true
}

func (p *parser) exprList() []Expr {
	base := len(p.st.exprs)
	for {
		// The call comes first: it may grow the stack itself.
		e := p.expr(0)
		p.st.exprs = append(p.st.exprs, e)
		if !p.accept(OComma) {
			break
		}
	}
	list := p.a.exprLists.copyOf(p.st.exprs[base:])
	clear(p.st.exprs[base:])
	p.st.exprs = p.st.exprs[:base]
	return list
}

// expr parses an expression whose binary operators bind tighter than limit.
func (p *parser) expr(limit int) Expr {
	if !p.enter() {
		p.leave()
		return &BadExpr{Range{p.tok.Start, p.tok.Start}}
	}
	left := p.subExpr(limit)
	p.leave()
	return left
}

// subExpr is expr inside the depth accounting.
func (p *parser) subExpr(limit int) Expr {
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
		u := p.a.unaries.new()
		*u = Unary{Range{t.Start, end}, k, x}
		left = u
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
		if !p.link() {
			return left
		}
		p.next()
		right := p.expr(r)
		start, _ := left.Span()
		_, end := right.Span()
		b := p.a.binaries.new()
		*b = Binary{Range{start, end}, op.Kind, op.Start, left, right}
		left = b
	}
}

// simpleExpr parses literals, constructors, functions and suffixed
// expressions, plus Luau's casts, if-expressions and interpolated strings.
func (p *parser) simpleExpr() Expr {
	t := p.tok
	var e Expr
	switch t.Kind {
	case TNumber:
		if p.d == DialectLuau && !validNumber(p.src[t.Start:t.End], p.d) {
			p.errorf(t, "malformed number near '%s'", p.src[t.Start:t.End])
		}
		p.next()
		n := p.a.numbers.new()
		*n = Number{Range{t.Start, t.End}, p.str[t.Start:t.End]}
		e = n
	case TString:
		p.next()
		e = p.newString(t)
	case KNil:
		p.next()
		n := p.a.nils.new()
		n.Range = Range{t.Start, t.End}
		e = n
	case KTrue:
		p.next()
		n := p.a.trues.new()
		n.Range = Range{t.Start, t.End}
		e = n
	case KFalse:
		p.next()
		n := p.a.falses.new()
		n.Range = Range{t.Start, t.End}
		e = n
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
	if p.d == DialectLuau && p.tok.Kind == ODColon && p.link() {
		// One assertion per operand: "x :: A :: B" is not an expression.
		p.next()
		ty := p.typeExpr()
		start, _ := e.Span()
		_, end := ty.Span()
		e = &Cast{Range{start, end}, e, ty}
	}
	return e
}

// primaryExpr parses a name or a parenthesised expression.
func (p *parser) primaryExpr() Expr {
	t := p.tok
	switch t.Kind {
	case TName:
		p.next()
		if p.typeFnBase >= 0 {
			p.checkTypeFnName(t)
		}
		return p.newName(t.Start, t.End)
	case OLParen:
		p.next()
		x := p.expr(0)
		p.expectClose(ORParen, "(", t.Start)
		e := p.a.parens.new()
		*e = Paren{Range{t.Start, p.prevEnd}, x}
		return e
	}
	p.errorf(t, "unexpected symbol near %s", p.near(t))
	return &BadExpr{Range{t.Start, t.Start}}
}

// checkTypeFnName reports a name inside a Luau type function that refers
// to a local declared outside it; the current token is the one after it.
func (p *parser) checkTypeFnName(t Token) {
	name := string(p.src[t.Start:t.End])
	for i := len(p.vars) - 1; i >= 0; i-- {
		if p.vars[i].name == name {
			if i < p.typeFnBase {
				// Luau names the token after the name.
				p.addErrorOrder(t.Start, t.End, "a type function cannot use the outer local '"+name+"'", p.tok.Start, p.tok.Start*4+orderParse)
			}
			return
		}
	}
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
		case ODot, OLBracket, OColon, OLParen, TString, OLBrace:
			if !p.link() {
				return e
			}
		}
		switch p.tok.Kind {
		case ODot:
			op := p.tok.Start
			p.next()
			n := p.name()
			m := p.a.members.new()
			*m = Member{Range{start, n.End}, e, n, false, op}
			e = m
		case OLBracket:
			p.next()
			k := p.expr(0)
			p.expect(ORBracket)
			x := p.a.indexes.new()
			*x = Index{Range{start, p.prevEnd}, e, k}
			e = x
		case OColon:
			op := p.tok.Start
			p.next()
			n := p.name()
			m := p.a.members.new()
			*m = Member{Range{start, n.End}, e, n, true, op}
			if n.Value == "" {
				return m
			}
			if p.explicitInstantiation() {
				p.typeInstantiation()
			}
			switch p.tok.Kind {
			case OLParen, TString, OLBrace:
				e = p.callArgs(m, start)
			default:
				if p.d == DialectLuau {
					// Luau reports from the start of the called expression.
					p.lateError(start, p.tok.Start, "expected '(', '{' or a string for the call of "+n.Value+" near "+p.near(p.tok))
				} else {
					p.errorf(p.tok, "expected function arguments near %s", p.near(p.tok))
				}
				return m
			}
		case OLParen, TString, OLBrace:
			e = p.callArgs(e, start)
		case OLt:
			if !p.explicitInstantiation() {
				return e
			}
			// f<<T>> instantiates a generic function; the tree keeps f.
			p.typeInstantiation()
		default:
			return e
		}
	}
}

// explicitInstantiation reports whether the parser is at Luau's "<<" that
// starts explicit type arguments (f<<T>>(), t:m<<T>>()); the Luau lexer
// gives two '<' tokens.
func (p *parser) explicitInstantiation() bool {
	return p.d == DialectLuau && p.tok.Kind == OLt && p.peek().Kind == OLt
}

// typeInstantiation parses "<<T, U...>>", dropping the types.
func (p *parser) typeInstantiation() {
	p.next()
	p.next()
	for more := p.tok.Kind != OGt; more; more = p.accept(OComma) {
		p.typeOrPack()
	}
	p.closeAngle()
	p.closeAngle()
}

// callArgs parses the arguments of a call: (list), a string or a table.
func (p *parser) callArgs(fn Expr, start int) Expr {
	t := p.tok
	if t.Kind == OLParen && !p.d.atLeast52() && p.newlineBetween(p.prevEnd, t.Start) &&
		(p.d == DialectLuau || t.Start != p.luaAhead) {
		// Lua 5.1, LuaJIT and Luau refuse a '(' on a new line after a function
		// or method name, which could also start a new statement.
		p.errorf(t, "ambiguous syntax (function call x new statement) near %s", p.near(t))
	}
	c := p.a.calls.new()
	c.Fn, c.LParen, c.RParen = fn, t.Start, -1
	switch t.Kind {
	case TString:
		p.next()
		c.Args = p.a.exprLists.one(p.newString(t))
	case OLBrace:
		tb := p.table()
		c.Args = p.a.exprLists.one(tb)
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
	tb := p.a.tables.new()
	base := len(p.st.fields)
	for p.tok.Kind != ORBrace {
		f := p.a.fields.new()
		f.Start = p.tok.Start
		switch {
		case p.tok.Kind == OLBracket:
			p.next()
			f.Key = p.expr(0)
			p.expect(ORBracket)
			p.expect(OAssign)
			f.Value = p.expr(0)
		case p.tok.Kind == TName && p.lookahead().Kind == OAssign:
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
		p.st.fields = append(p.st.fields, f)
		if _, bad := f.Value.(*BadExpr); bad {
			break
		}
		if !p.accept(OComma) && !p.accept(OSemi) {
			break
		}
	}
	tb.Fields = p.a.fieldLists.copyOf(p.st.fields[base:])
	clear(p.st.fields[base:])
	p.st.fields = p.st.fields[:base]
	p.expectClose(ORBrace, "{", t.Start)
	tb.Range = Range{t.Start, p.prevEnd}
	return tb
}

// funcBody parses parameters and body of a function whose first token
// (function keyword or attribute) is at start; the name, if any, has been
// consumed.
func (p *parser) funcBody(start int, attrs []*Name) *Function {
	fn := p.a.funcs.new()
	fn.Attributes, fn.EndPos = attrs, -1
	if p.d == DialectLuau && p.tok.Kind == OLt {
		fn.Generics = p.genericNames()
	}
	fs := p.a.funcStates.new()
	*fs = funcState{parent: p.fs, firstVar: len(p.vars), start: start}
	saved := p.fs
	p.fs = fs
	p.openFunction()
	if p.needSelf {
		p.needSelf = false
		p.declare("self", false, p.tok)
	}
	base := len(p.st.names)
	lparen := p.tok.Start
	p.expect(OLParen)
	if p.tok.Kind != ORParen {
		for {
			if p.tok.Kind == OVararg {
				fn.Vararg = &Vararg{Range{p.tok.Start, p.tok.End}}
				fs.vararg = true
				p.next()
				if p.d == DialectLuau && p.accept(OColon) {
					p.packOK = true // "...: T..." names a generic pack
					fn.VarargType = p.typeExpr()
				}
				break
			}
			if p.tok.Kind != TName {
				p.errorf(p.tok, "expected <name> near %s", p.near(p.tok))
				break
			}
			n := p.name()
			p.st.names = append(p.st.names, n)
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
	fn.Params = p.a.nameLists.copyOf(p.st.names[base:])
	for _, n := range fn.Params {
		p.declare(n.Value, false, Token{TName, n.Start, n.End})
	}
	clear(p.st.names[base:])
	p.st.names = p.st.names[:base]
	p.expectClose(ORParen, "(", lparen)
	if p.d == DialectLuau && p.accept(OColon) {
		fn.Return = p.returnType()
	}
	fn.Body = p.block()
	fn.EndPos = p.expectClose(KEnd, "function", start)
	switch {
	case fn.EndPos < 0:
		p.closeScope(p.tok.End, p.tok.Start, orderAfter)
	case p.d == DialectLuaJIT:
		// LuaJIT checks the function's gotos when it matches 'end'.
		p.closeScope(p.tok.End, fn.EndPos, orderAfter)
	default:
		// PUC Lua 5.2 to 5.4 check them after reading the token that
		// follows 'end'.
		p.closeScope(p.tok.End, p.tok.Start, orderCheck)
	}
	p.fs = saved
	fn.Range = Range{start, p.prevEnd}
	return fn
}

// newString returns a String for a string token.
func (p *parser) newString(t Token) *String {
	s := p.a.strs.new()
	*s = String{Range{t.Start, t.End}, p.str[t.Start:t.End]}
	return s
}

// newlineBetween reports whether a line break lies between two offsets;
// the gap is trivia already scanned, so this adds no more than linear work.
func (p *parser) newlineBetween(from, to int) bool {
	for i := from; i < to; i++ {
		// Luau's lines end only at '\n'.
		if c := p.src[i]; c == '\n' || c == '\r' && p.d != DialectLuau {
			return true
		}
	}
	return false
}
