package syntax

// This file parses blocks and statements.

// block parses statements up to a token that ends a block.
func (p *parser) block() *Block {
	b := p.a.blocks.new()
	b.Start = p.tok.Start
	if !p.enter() {
		p.leave()
		b.End = b.Start
		return b
	}
	base := len(p.st.stmts)
	for !p.blockEnd() {
		start, nerr := p.tok.Start, len(p.errs)
		if p.tok.Kind == KReturn {
			r := p.returnStmt()
			p.st.stmts = append(p.st.stmts, r)
			p.mustEndBlock("return")
			continue
		}
		s, last := p.statement()
		p.endStatement()
		if len(p.group) > 0 && !p.labelsContinue() {
			p.flushLabels()
		}
		if s != nil {
			p.st.stmts = append(p.st.stmts, s)
			if p.d == DialectLua51 || p.d == DialectLuaJIT || p.d == DialectLuau {
				// Lua 5.1, LuaJIT and Luau have no empty statement, only
				// one optional ';' after each statement.
				p.accept(OSemi)
			}
		}
		if last {
			p.accept(OSemi)
			p.mustEndBlock("break")
		}
		if p.tok.Start == start && p.tok.Kind != EOF && !p.blockEnd() {
			p.errorf(p.tok, "unexpected symbol near %s", p.near(p.tok))
			bad := &BadStmt{Range{p.tok.Start, p.tok.End}}
			p.next()
			p.recover()
			bad.End = p.prevEnd
			p.st.stmts = append(p.st.stmts, bad)
		} else if len(p.errs) > nerr {
			p.recover()
		}
	}
	p.flushLabels()
	b.Stmts = p.a.stmtLists.copyOf(p.st.stmts[base:])
	clear(p.st.stmts[base:])
	p.st.stmts = p.st.stmts[:base]
	b.End = p.prevEnd
	if b.End < b.Start {
		b.End = b.Start
	}
	p.leave()
	return b
}

// mustEndBlock reports statements after one that must be last in its block
// (return, and break in Lua 5.1 and LuaJIT), then lets parsing go on.
func (p *parser) mustEndBlock(what string) {
	if !p.blockEnd() {
		p.errorf(p.tok, "expected end of block after '%s' near %s", what, p.near(p.tok))
	}
}

// statement parses one statement. last reports a statement that must end
// its block in this dialect (break in Lua 5.1 and LuaJIT).
func (p *parser) statement() (s Stmt, last bool) {
	t := p.tok
	switch t.Kind {
	case OSemi:
		if p.d == DialectLua51 || p.d == DialectLuaJIT || p.d == DialectLuau {
			p.errorf(t, "unexpected symbol near %s", p.near(t))
		}
		p.next()
		return nil, false
	case KIf:
		return p.ifStmt(), false
	case KWhile:
		p.next()
		cond := p.expr(0)
		p.expect(KDo)
		p.fs.loops++
		p.openScope(true)
		body := p.block()
		p.closeScope(0, 0, 0)
		p.fs.loops--
		p.expectClose(KEnd, "while", t.Start)
		w := p.a.whiles.new()
		*w = While{Range{t.Start, p.prevEnd}, cond, body}
		return w, false
	case KDo:
		p.next()
		p.openScope(false)
		body := p.block()
		p.closeScope(0, 0, 0)
		p.expectClose(KEnd, "do", t.Start)
		d := p.a.dos.new()
		*d = Do{Range{t.Start, p.prevEnd}, body}
		return d, false
	case KFor:
		return p.forStmt(), false
	case KRepeat:
		p.next()
		p.fs.loops++
		p.openScope(true)
		body := p.block()
		p.fs.loops--
		p.expectClose(KUntil, "repeat", t.Start)
		cond := p.expr(0)
		p.closeScope(0, 0, 0)
		r := p.a.repeats.new()
		*r = Repeat{Range{t.Start, p.prevEnd}, body, cond}
		return r, false
	case KFunction:
		return p.functionStmt(t.Start, nil), false
	case KLocal:
		p.next()
		if p.tok.Kind == KFunction {
			p.next()
			name := p.name()
			p.declare(name.Value, false, p.tok)
			fn := p.funcBody(t.Start, nil)
			lf := p.a.localFns.new()
			*lf = LocalFunction{Range{t.Start, p.prevEnd}, name, fn}
			return lf, false
		}
		return p.localStmt(t.Start, false), false
	case KBreak:
		p.next()
		p.breakStmt(t)
		if p.fs.loops == 0 && p.d == DialectLua51 {
			p.errorf(p.tok, "no loop to break near %s", p.near(p.tok))
		}
		if p.fs.loops == 0 && p.d == DialectLuau {
			p.errorf(t, "break statement must be inside a loop")
		}
		b := p.a.breaks.new()
		b.Range = Range{t.Start, t.End}
		return b, p.d == DialectLua51 || p.d == DialectLuaJIT || p.d == DialectLuau
	case KGoto:
		return p.gotoStatement(), false
	case ODColon:
		if p.d == DialectLua51 || p.d == DialectLuau {
			break
		}
		p.next()
		name := p.name()
		p.labelStmt(name, p.line(t.Start))
		p.expect(ODColon)
		return &Label{Range{t.Start, p.prevEnd}, name}, false
	case TName:
		if p.d == DialectLuaJIT && p.isGotoStatement() {
			return p.gotoStatement(), false
		}
		if p.d == DialectLuau {
			if s := p.luauStatement(); s != nil {
				// continue, like break and return, ends its block in Luau.
				_, last := s.(*Continue)
				return s, last
			}
		}
	case OAt:
		if p.d == DialectLuau {
			attrs := p.attributes()
			if p.tok.Kind == KLocal && p.peek().Kind == KFunction {
				p.next()
				p.next()
				name := p.name()
				fn := p.funcBody(t.Start, attrs)
				return &LocalFunction{Range{t.Start, p.prevEnd}, name, fn}, false
			}
			if p.tok.Kind == KFunction {
				return p.functionStmt(t.Start, attrs), false
			}
			if p.tok.Kind == TName && string(p.src[p.tok.Start:p.tok.End]) == "const" && p.peek().Kind == KFunction {
				p.next()
				p.next()
				name := p.name()
				p.declare(name.Value, true, p.tok)
				fn := p.funcBody(t.Start, attrs)
				return &LocalFunction{Range{t.Start, p.prevEnd}, name, fn}, false
			}
			p.errorf(p.tok, "expected 'function' after attributes near %s", p.near(p.tok))
			return nil, false
		}
	}
	return p.exprStmt(), false
}

// attributes parses Luau's "@name" attributes before a function.
func (p *parser) attributes() []*Name {
	var attrs []*Name
	for p.tok.Kind == OAt {
		at := p.tok
		p.next()
		if p.tok.Start != at.End {
			// Luau lexes "@name" as one token: a space makes the name missing.
			p.errorf(at, "attribute name is missing after '@'")
		}
		if p.tok.Kind != OLBracket || p.tok.Start != at.End {
			attrs = p.checkAttribute(attrs, p.name(), at.Start)
			continue
		}
		// "@[name, name(args), ...]": arguments must be literals.
		open := p.tok.Start
		p.next()
		if p.tok.Kind == ORBracket {
			p.errorf(p.tok, "attribute list cannot be empty")
		}
		for p.tok.Kind != ORBracket && p.tok.Kind != EOF {
			attrs = p.checkAttribute(attrs, p.name(), -1)
			switch p.tok.Kind {
			case OLParen, TString, OLBrace:
				if c, ok := p.callArgs(attrs[len(attrs)-1], p.tok.Start).(*Call); ok {
					for _, a := range c.Args {
						if !literalAttrArg(a) {
							s, e := a.Span()
							p.addError(s, e, "only literals can be passed as arguments for attributes")
						}
					}
					if attrs[len(attrs)-1].Value == "deprecated" {
						p.checkDeprecatedArgs(c)
					}
				}
			}
			if !p.accept(OComma) {
				break
			}
		}
		p.expectClose(ORBracket, "[", open)
	}
	return attrs
}

// checkAttribute appends an attribute name after checking it is one Luau
// knows and is not repeated; at is the offset of its '@' (-1 inside "@[...]"),
// where Luau reports an unknown name.
func (p *parser) checkAttribute(attrs []*Name, n *Name, at int) []*Name {
	if n.Value == "" {
		return attrs
	}
	start := n.Start
	if at >= 0 {
		start = at
	}
	switch n.Value {
	case "checked", "native", "deprecated":
	default:
		p.addError(start, n.End, "invalid attribute '@"+n.Value+"' (expected checked, native or deprecated)")
	}
	for _, a := range attrs {
		if a.Value == n.Value {
			p.addError(start, n.End, "cannot duplicate attribute '@"+n.Value+"'")
			break
		}
	}
	return append(attrs, n)
}

// checkDeprecatedArgs checks @[deprecated {...}]: one table whose fields
// are use = "..." and reason = "..." only.
func (p *parser) checkDeprecatedArgs(c *Call) {
	if len(c.Args) == 0 {
		return
	}
	tab, ok := c.Args[0].(*Table)
	if !ok {
		s, e := c.Args[0].Span()
		p.addError(s, e, "unknown argument type for @deprecated (expected a table)")
		return
	}
	for _, f := range tab.Fields {
		switch {
		case f.NameKey == nil && f.Key == nil || f.Key != nil:
			s, e := f.Value.Span()
			if f.Key != nil {
				s, e = f.Key.Span()
			}
			p.addError(s, e, "only the constant keys 'use' and 'reason' are allowed for @deprecated")
		case f.NameKey.Value != "use" && f.NameKey.Value != "reason":
			p.addError(f.NameKey.Start, f.NameKey.End, "unknown argument '"+f.NameKey.Value+"' for @deprecated (expected use or reason)")
		default:
			if _, isStr := f.Value.(*String); !isStr {
				s, e := f.Value.Span()
				p.addError(s, e, "only a constant string is allowed as the value of '"+f.NameKey.Value+"'")
			}
		}
	}
}

// literalAttrArg reports whether e may be an attribute argument: a constant
// (nil, a boolean, a number, a string) or a table built from constants.
func literalAttrArg(e Expr) bool {
	switch e := e.(type) {
	case *Nil, *True, *False, *Number, *String:
		return true
	case *Table:
		for _, f := range e.Fields {
			if f.Key != nil && !literalAttrArg(f.Key) || !literalAttrArg(f.Value) {
				return false
			}
		}
		return true
	}
	return false
}

func (p *parser) ifStmt() Stmt {
	t := p.tok
	s := p.a.ifs.new()
	p.next()
	cond := p.expr(0)
	p.expect(KThen)
	body := p.scopedBlock()
	if p.tok.Kind != KElseif {
		s.Conds = p.a.exprLists.one(cond)
		s.Blocks = p.a.blockLists.one(body)
	} else {
		s.Conds = append(s.Conds, cond)
		s.Blocks = append(s.Blocks, body)
		for p.tok.Kind == KElseif {
			p.next()
			cond := p.expr(0)
			p.expect(KThen)
			s.Conds = append(s.Conds, cond)
			s.Blocks = append(s.Blocks, p.scopedBlock())
		}
	}
	if p.accept(KElse) {
		s.Else = p.scopedBlock()
	}
	p.expectClose(KEnd, "if", t.Start)
	s.Range = Range{t.Start, p.prevEnd}
	return s
}

func (p *parser) forStmt() Stmt {
	t := p.tok
	p.next()
	first := p.name()
	var firstType TypeExpr
	if p.d == DialectLuau && p.tok.Kind == OColon {
		p.next()
		firstType = p.typeExpr()
	}
	switch p.tok.Kind {
	case OAssign:
		p.next()
		s := p.a.numFors.new()
		s.Var, s.VarType = first, firstType
		s.Start = p.expr(0)
		p.expect(OComma)
		s.Limit = p.expr(0)
		if p.accept(OComma) {
			s.Step = p.expr(0)
		}
		p.expect(KDo)
		p.fs.loops++
		p.openScope(true)
		p.declareHidden(3, first)
		p.declare(first.Value, false, Token{TName, first.Start, first.End})
		s.Body = p.block()
		p.closeScope(0, 0, 0)
		p.fs.loops--
		p.expectClose(KEnd, "for", t.Start)
		s.Range = Range{t.Start, p.prevEnd}
		return s
	case OComma, KIn:
		s := p.a.genFors.new()
		s.Names = p.a.nameLists.one(first)
		if p.d == DialectLuau {
			s.Types = []TypeExpr{firstType}
		}
		for p.accept(OComma) {
			s.Names = append(s.Names, p.name())
			if p.d == DialectLuau {
				var ty TypeExpr
				if p.accept(OColon) {
					ty = p.typeExpr()
				}
				s.Types = append(s.Types, ty)
			}
		}
		p.expect(KIn)
		s.Exprs = p.exprList()
		p.expect(KDo)
		p.fs.loops++
		p.openScope(true)
		hidden := 3
		if p.d == DialectLua54 {
			hidden = 4
		}
		p.declareHidden(hidden, first)
		for _, n := range s.Names {
			p.declare(n.Value, false, Token{TName, n.Start, n.End})
		}
		s.Body = p.block()
		p.closeScope(0, 0, 0)
		p.fs.loops--
		p.expectClose(KEnd, "for", t.Start)
		s.Range = Range{t.Start, p.prevEnd}
		return s
	}
	p.errorf(p.tok, "expected '=' or 'in' near %s", p.near(p.tok))
	return &BadStmt{Range{t.Start, p.prevEnd}}
}

// functionStmt parses "function a.b:c() ... end" from the 'function' keyword.
func (p *parser) functionStmt(start int, attrs []*Name) Stmt {
	p.next()
	var name Expr = p.name()
	for (p.tok.Kind == ODot || p.tok.Kind == OColon) && p.link() {
		colon := p.tok.Kind == OColon
		op := p.tok.Start
		p.next()
		field := p.name()
		p.needSelf = colon
		ns, _ := name.Span()
		m := p.a.members.new()
		*m = Member{Range{ns, field.End}, name, field, colon, op}
		name = m
		if colon {
			break
		}
	}
	fn := p.funcBody(start, attrs)
	p.checkConst(name)
	if m, ok := name.(*Member); ok && m.Colon {
		self := p.a.names.new()
		p.nameIDs++
		self.Start, self.End, self.Value, self.id = m.OpPos, m.OpPos, "self", int32(p.nameIDs)
		base := len(p.st.names)
		p.st.names = append(append(p.st.names, self), fn.Params...)
		fn.Params = p.a.nameLists.copyOf(p.st.names[base:])
		clear(p.st.names[base:])
		p.st.names = p.st.names[:base]
		if fn.ParamTypes != nil {
			fn.ParamTypes = append([]TypeExpr{nil}, fn.ParamTypes...)
		}
	}
	fs := p.a.funcStmts.new()
	*fs = FunctionStmt{Range{start, p.prevEnd}, name, fn}
	return fs
}

// localStmt parses the names and values of a local declaration; isConst
// is set for Luau's "const a, b = ...".
func (p *parser) localStmt(start int, isConst bool) Stmt {
	s := p.a.locals.new()
	s.EqPos = -1
	closes := 0
	base := len(p.st.names)
	attribs := false
	for {
		n := p.name()
		p.st.names = append(p.st.names, n)
		if p.d == DialectLuau {
			var ty TypeExpr
			if p.accept(OColon) {
				ty = p.typeExpr()
			}
			s.Types = append(s.Types, ty)
		}
		if p.tok.Kind == OLt {
			if !attribs {
				// Earlier names had no attribute.
				attribs = true
				for range len(p.st.names) - base - 1 {
					s.Attribs = append(s.Attribs, "")
				}
			}
			lt := p.tok
			if p.d != DialectLua54 {
				p.errorf(lt, "unexpected symbol near %s (variable attributes need Lua 5.4)", p.near(lt))
			}
			p.next()
			a := p.name()
			attr := a.Value
			s.Attribs = append(s.Attribs, attr)
			p.expect(OGt)
			if p.d == DialectLua54 {
				switch attr {
				case "const":
				case "close":
					closes++
					if closes > 1 {
						p.addError(a.Start, a.End, "multiple to-be-closed variables in local list")
					}
				case "":
				default:
					p.addError(a.Start, p.prevEnd, "unknown attribute '"+attr+"' (expected 'const' or 'close')")
				}
			}
		} else if attribs {
			s.Attribs = append(s.Attribs, "")
		}
		if !p.accept(OComma) {
			break
		}
	}
	s.Names = p.a.nameLists.copyOf(p.st.names[base:])
	clear(p.st.names[base:])
	p.st.names = p.st.names[:base]
	if isConst {
		s.Attribs = make([]string, len(s.Names))
		for i := range s.Attribs {
			s.Attribs[i] = "const"
		}
	} else if !attribs {
		s.Attribs = p.noAttribs(len(s.Names))
	}
	if p.tok.Kind == OAssign {
		s.EqPos = p.tok.Start
		p.next()
		s.Values = p.exprList()
	}
	for i, n := range s.Names {
		p.declare(n.Value, isConst || p.d == DialectLua54 && (s.Attribs[i] == "const" || s.Attribs[i] == "close"), Token{TName, n.Start, n.End})
	}
	s.Range = Range{start, p.prevEnd}
	if isConst && !enoughValues(s.Values, len(s.Names)) {
		p.lateError(start, start, "missing initializer in const declaration")
	}
	return s
}

func (p *parser) returnStmt() Stmt {
	t := p.tok
	p.next()
	s := p.a.returns.new()
	if !p.blockEnd() && p.tok.Kind != OSemi {
		s.Values = p.exprList()
	}
	p.accept(OSemi)
	s.Range = Range{t.Start, p.prevEnd}
	return s
}

// exprStmt parses an assignment or a call statement.
func (p *parser) exprStmt() Stmt {
	start := p.tok.Start
	e := p.suffixedExpr()
	if c, ok := e.(*Call); ok && p.d == DialectLuau {
		// Luau ends the statement at a call: "f() = 1" is a call, then a
		// statement that starts with '='.
		cs := p.a.callStmts.new()
		*cs = CallStmt{c.Range, c}
		return cs
	}
	if p.tok.Kind == OAssign || p.tok.Kind == OComma {
		s := p.a.assigns.new()
		s.EqPos = -1
		p.checkAssignable(e)
		p.checkConst(e)
		if p.tok.Kind == OComma {
			base := len(p.st.exprs)
			p.st.exprs = append(p.st.exprs, e)
			for p.accept(OComma) {
				t := p.suffixedExpr()
				p.st.exprs = append(p.st.exprs, t)
				p.checkAssignable(t)
				p.checkConst(t)
			}
			s.Targets = p.a.exprLists.copyOf(p.st.exprs[base:])
			clear(p.st.exprs[base:])
			p.st.exprs = p.st.exprs[:base]
		} else {
			s.Targets = p.a.exprLists.one(e)
		}
		if p.tok.Kind == OAssign {
			s.EqPos = p.tok.Start
		}
		p.expect(OAssign)
		s.Values = p.exprList()
		s.Range = Range{start, p.prevEnd}
		return s
	}
	if op := compoundOp(p.tok.Kind); op != 0 {
		if p.d != DialectLuau {
			p.errorf(p.tok, "expected '=' near %s (compound assignment is Luau syntax)", p.near(p.tok))
		}
		p.checkAssignable(e)
		p.next()
		v := p.expr(0)
		return &CompoundAssign{Range{start, p.prevEnd}, op, e, v}
	}
	if c, ok := e.(*Call); ok {
		cs := p.a.callStmts.new()
		*cs = CallStmt{c.Range, c}
		return cs
	}
	if _, ok := e.(*BadExpr); ok {
		// The error is already reported; the block loop skips a token if
		// nothing was consumed.
		return nil
	}
	if m, ok := e.(*Member); ok && m.Colon {
		// "buf:name" without arguments was reported by suffixedExpr; keep
		// the member in the tree for completion.
		return &CallStmt{m.Range, &Call{Range: m.Range, Fn: m, LParen: m.End, RParen: -1}}
	}
	es, ee := e.Span()
	if p.d == DialectLuau {
		// Luau names the expression, not the token after it.
		p.lateError(es, ee, "incomplete statement: expected assignment or a function call")
	} else {
		p.errorf(p.tok, "syntax error near %s (expected '=' or a function call)", p.near(p.tok))
	}
	return &Assign{Range: Range{es, ee}, Targets: []Expr{e}, EqPos: -1}
}

func compoundOp(k Kind) Kind {
	switch k {
	case OAddAssign:
		return OAdd
	case OSubAssign:
		return OSub
	case OMulAssign:
		return OMul
	case ODivAssign:
		return ODiv
	case OIDivAssign:
		return OIDiv
	case OModAssign:
		return OMod
	case OPowAssign:
		return OPow
	case OConcatAssign:
		return OConcat
	}
	return 0
}

// checkAssignable reports an assignment target that is not a variable. The
// error sits on the current token ('=' or ','), where Lua reports it.
func (p *parser) checkAssignable(e Expr) {
	switch e := e.(type) {
	case *Name, *Index:
		return
	case *Member:
		if !e.Colon {
			return
		}
	case *BadExpr:
		return
	}
	if p.d == DialectLuau {
		// Luau names the target itself.
		s, e := e.Span()
		p.lateError(s, e, "assigned expression must be a variable or a field")
		return
	}
	p.errorf(p.tok, "syntax error near %s (cannot assign to this expression)", p.near(p.tok))
}

// noAttribs returns n empty attributes. Every plain local of a tree shares
// one slice that only ever holds empty strings (a read-only view with its
// capacity cut to n, so an append copies), instead of 16 bytes a name.
// An empty list gives nil, as a copied one did.
func (p *parser) noAttribs(n int) []string {
	if n == 0 {
		return nil
	}
	for len(p.st.empty) < n {
		p.st.empty = append(p.st.empty, "")
	}
	return p.st.empty[:n:n]
}

// scopedBlock parses a block that is a scope of its own (the branches of
// an if statement).
func (p *parser) scopedBlock() *Block {
	p.openScope(false)
	b := p.block()
	p.closeScope(0, 0, 0)
	return b
}

// declareHidden declares the hidden control variables of a for loop, which
// count toward the limit of locals and name no variable a goto could jump
// over.
func (p *parser) declareHidden(n int, at *Name) {
	for range n {
		p.declare("(for state)", false, Token{TName, at.Start, at.End})
	}
}

// isGotoStatement reports, in LuaJIT, whether the name at the current token
// starts a goto statement: LuaJIT takes "goto" for a keyword only at the
// start of a statement and followed by a name other than "goto".
func (p *parser) isGotoStatement() bool {
	t := p.tok
	if p.str[t.Start:t.End] != "goto" {
		return false
	}
	n := p.lookahead()
	return n.Kind == TName && p.str[n.Start:n.End] != "goto"
}

// gotoStatement parses "goto name" from the goto keyword.
func (p *parser) gotoStatement() Stmt {
	t := p.tok
	p.next()
	label := p.name()
	p.gotoStmt(label)
	g := &Goto{Range{t.Start, p.prevEnd}, label}
	return g
}

// enoughValues reports whether a Luau const declaration provably gives every
// name a value: as many values as names, or a last value that may produce
// several (a call or "...").
func enoughValues(values []Expr, names int) bool {
	if len(values) > 0 {
		switch values[len(values)-1].(type) {
		case *Call, *Vararg:
			return true
		}
	}
	return len(values) == names
}
