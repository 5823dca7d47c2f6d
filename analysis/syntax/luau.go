package syntax

import "fmt"

// This file parses the Luau-only syntax: type annotations and
// declarations, continue, if-expressions and interpolated strings.

// luauStatement parses the statements Luau introduces with contextual
// keywords (continue, type, export type). It returns nil when the name at
// the current token is an ordinary identifier.
func (p *parser) luauStatement() Stmt {
	t := p.tok
	word := string(p.src[t.Start:t.End])
	switch word {
	case "continue", "type", "export", "const":
	default:
		return nil
	}
	// Luau reads the word as an expression first and takes it as a keyword
	// only when nothing continues the expression or makes it an
	// assignment: "type(x)", "type.x = 1" and "const = 1" stay ordinary.
	switch k := p.peek().Kind; k {
	case ODot, OLBracket, OColon, OLParen, TString, OLBrace, OAssign, OComma:
		return nil
	default:
		if compoundOp(k) != 0 {
			return nil
		}
	}
	p.next()
	switch word {
	case "continue":
		if p.fs.loops == 0 {
			p.errorf(t, "continue statement must be inside a loop")
		}
		return &Continue{Range{t.Start, t.End}}
	case "type":
		return p.typeAlias(t.Start, false)
	case "export":
		if p.tok.Kind != TName || string(p.src[p.tok.Start:p.tok.End]) != "type" {
			p.addError(t.Start, t.End, "incomplete statement: 'export' must be followed by 'type'")
			return &BadStmt{Range{t.Start, t.End}}
		}
		p.next()
		return p.typeAlias(t.Start, true)
	}
	// const: "const x = 1", "const function f() end".
	if p.tok.Kind == KFunction {
		p.next()
		name := p.name()
		p.declare(name.Value, true, p.tok)
		fn := p.funcBody(t.Start, nil)
		lf := p.a.localFns.new()
		*lf = LocalFunction{Range{t.Start, p.prevEnd}, name, fn}
		return lf
	}
	return p.localStmt(t.Start, true)
}

// typeAlias parses what follows "type": an alias "Name<Generics> = Type"
// or a type function "function Name(params) body end", which runs in the
// type checker: its body is parsed and checked but kept out of the tree's
// scopes (Func is set, Type is nil).
func (p *parser) typeAlias(start int, export bool) Stmt {
	s := &TypeAlias{Export: export}
	if p.tok.Kind == KFunction {
		fnStart := p.tok.Start
		p.next()
		s.Name = p.name()
		// The body runs in the type checker: it sees no local of the file.
		saved := p.typeFnBase
		p.typeFnBase = len(p.vars)
		s.Func = p.funcBody(fnStart, nil)
		p.typeFnBase = saved
		s.Range = Range{start, p.prevEnd}
		return s
	}
	s.Name = p.name()
	if p.tok.Kind == OLt {
		s.Generics = p.genericNames()
	}
	p.expect(OAssign)
	s.Type = p.typeExpr()
	s.Range = Range{start, p.prevEnd}
	return s
}

// genericNames parses "<T, U...>" (defaults "= T" are accepted and dropped).
func (p *parser) genericNames() []*Name {
	p.next()
	var names []*Name
	for p.tok.Kind != EOF {
		n := p.name()
		names = append(names, n)
		pack := p.accept(OVararg)
		if p.accept(OAssign) {
			p.packOK = pack // "T... = ...string" defaults a pack
			p.typeExpr()
		}
		if n.Value == "" || !p.accept(OComma) {
			break
		}
	}
	p.closeAngle()
	return names
}

// closeAngle consumes the '>' closing generics or type arguments. The
// Luau lexer gives ">>" as two tokens; ">=" stays one, and Luau refuses
// "X<T>= ..." too.
func (p *parser) closeAngle() {
	if !p.accept(OGt) {
		p.errorf(p.tok, "expected '>' near %s", p.near(p.tok))
	}
}

func (p *parser) ifExpr() Expr {
	t := p.tok
	e := &IfExpr{}
	p.next()
	e.Conds = append(e.Conds, p.expr(0))
	p.expect(KThen)
	e.Thens = append(e.Thens, p.expr(0))
	for p.tok.Kind == KElseif {
		p.next()
		e.Conds = append(e.Conds, p.expr(0))
		p.expect(KThen)
		e.Thens = append(e.Thens, p.expr(0))
	}
	p.expect(KElse)
	e.Else = p.expr(0)
	e.Range = Range{t.Start, p.prevEnd}
	return e
}

// interp parses an interpolated string. The lexer gives its pieces: the
// "}" that closes an expression comes back as the next piece (TInterpMid
// or TInterpEnd), as in Luau's lexer.
func (p *parser) interp() Expr {
	t := p.tok
	e := &Interp{Parts: []string{string(p.src[t.Start:t.End])}}
	if t.Kind == TInterpSimple {
		p.next()
		e.Range = Range{t.Start, t.End}
		return e
	}
	piece := t
	p.next()
	for {
		if k := p.tok.Kind; k == TInterpMid || k == TInterpEnd {
			p.addErrorOrder(piece.Start, p.tok.End, "expected an expression inside '{}' of the interpolated string", piece.Start, p.tok.Start*4+orderParse)
		} else {
			e.Exprs = append(e.Exprs, p.expr(0))
		}
		switch p.tok.Kind {
		case TInterpMid, TInterpEnd, TInterpBegin:
			// Luau takes a string that starts inside the braces as the
			// next piece too.
		default:
			// Luau names the string piece before the expression.
			p.addErrorOrder(p.tok.Start, p.tok.End, "expected '}' in interpolated string near "+p.near(p.tok), piece.Start, p.tok.Start*4+orderParse)
			e.Range = Range{t.Start, p.prevEnd}
			return e
		}
		piece = p.tok
		e.Parts = append(e.Parts, string(p.src[piece.Start:piece.End]))
		p.next()
		if piece.Kind == TInterpEnd {
			break
		}
	}
	e.Range = Range{t.Start, p.prevEnd}
	return e
}

// maxTypeParts is Luau's limit on the parts of one union or intersection
// (its LuauTypeLengthLimit).
const maxTypeParts = 1000

// isOptional reports whether t carries a trailing '?'.
func isOptional(t TypeExpr) bool {
	_, ok := t.(*TypeOptional)
	return ok
}

// returnType parses a function's return annotation: a type or a pack.
func (p *parser) returnType() TypeExpr {
	p.packOK = true
	return p.typeExpr()
}

// typeExpr parses a Luau type with unions, intersections and '?'.
func (p *parser) typeExpr() TypeExpr {
	if !p.enter() {
		p.leave()
		return &BadType{Range{p.tok.Start, p.tok.Start}}
	}
	defer p.leave()
	start := p.tok.Start
	leading := p.tok.Kind
	if leading == OBOr || leading == OBAnd {
		p.packOK = false // "| (A, B)" is a union part, never a pack
		p.next()
	}
	first := p.simpleType()
	if p.tok.Kind != OBOr && p.tok.Kind != OBAnd && leading != OBOr && leading != OBAnd {
		return first
	}
	types := []TypeExpr{first}
	op := p.tok.Kind
	if leading == OBOr || leading == OBAnd {
		op = leading
	}
	// A '?' makes a union too, so "A? & B" mixes as much as "A | B & C".
	union, inter := leading == OBOr || isOptional(first), leading == OBAnd
	for p.tok.Kind == OBOr || p.tok.Kind == OBAnd {
		if p.tok.Kind == OBOr {
			union = true
		} else {
			inter = true
		}
		p.next()
		t := p.simpleType()
		union = union || isOptional(t)
		types = append(types, t)
		if len(types) > maxTypeParts && !p.stopped {
			// Luau gives up on the whole file here.
			ts, te := t.Span()
			p.addError(ts, te, fmt.Sprintf("exceeded allowed type length (%d parts); simplify the type annotation", maxTypeParts))
			p.stopped = true
			for p.tok.Kind != EOF {
				p.next()
			}
			break
		}
	}
	if union && inter {
		p.lateError(start, p.prevEnd, "mixing union and intersection types is not allowed; consider wrapping in parentheses")
	}
	if op == OBAnd {
		return &TypeIntersection{Range{start, p.prevEnd}, types}
	}
	return &TypeUnion{Range{start, p.prevEnd}, types}
}

// simpleType parses one type operand with trailing '?'s.
func (p *parser) simpleType() TypeExpr {
	t := p.tok
	allowPack := p.packOK
	p.packOK = false
	var ty TypeExpr
	switch t.Kind {
	case KNil, KTrue, KFalse, TString:
		p.next()
		ty = &TypeLiteral{Range{t.Start, t.End}, string(p.src[t.Start:t.End])}
	case TName:
		if string(p.src[t.Start:t.End]) == "typeof" && p.peek().Kind == OLParen {
			p.next()
			lp := p.tok.Start
			p.next()
			x := p.expr(0)
			p.expectClose(ORParen, "(", lp)
			ty = &TypeTypeof{Range{t.Start, p.prevEnd}, x}
			break
		}
		ref := &TypeRef{Name: p.name()}
		if p.tok.Kind == ODot {
			p.next()
			ref.Prefix, ref.Name = ref.Name, p.name()
		}
		if p.tok.Kind == OVararg {
			if !allowPack {
				p.errorf(p.tok, "unexpected '...' after type name; a type pack is not allowed here")
			}
			p.next()
			return &TypeGenericPack{Range{t.Start, p.prevEnd}, ref.Name}
		}
		if p.tok.Kind == OLt {
			p.next()
			// "X<>" is allowed; after a comma a type must follow.
			for more := p.tok.Kind != OGt; more; more = p.accept(OComma) {
				ref.Args = append(ref.Args, p.typeOrPack())
			}
			p.closeAngle()
		}
		ref.Range = Range{t.Start, p.prevEnd}
		ty = ref
	case OLBrace:
		ty = p.tableType()
	case OLParen, OLt:
		ty = p.funcOrParenType(allowPack)
	case OVararg:
		if !allowPack {
			// "...T" is a pack: only a type argument, a return type or the
			// tail of a parameter list may be one.
			p.addErrorOrder(t.Start, t.End, "expected a type near '...'", p.prevEnd, t.Start*4+orderParse)
		}
		p.next()
		x := p.typeExpr()
		ty = &TypePack{Range{t.Start, p.prevEnd}, []TypeExpr{x}, true}
	default:
		// Luau names the line of the token before the missing type.
		at := p.prevEnd
		if t.Kind == KFunction {
			at = t.Start // Luau names 'function' itself: not a type
		}
		p.addErrorOrder(t.Start, t.End, "expected a type near "+p.near(t), at, t.Start*4+orderParse)
		return &BadType{Range{t.Start, t.Start}}
	}
	for p.tok.Kind == OQuestion && p.link() {
		p.next()
		ty = &TypeOptional{Range{t.Start, p.prevEnd}, ty}
	}
	return ty
}

// typeOrPack parses a type argument, which may be a pack "(A, B)" or "...T".
func (p *parser) typeOrPack() TypeExpr {
	p.packOK = true
	return p.typeExpr()
}

// funcOrParenType parses "(T)", "(A, B) -> R" or "<T>(A) -> R", and the
// pack "(A, B)" where allowPack says one may stand. Generics or named
// parameters make it a function type, which needs its '->'.
func (p *parser) funcOrParenType(allowPack bool) TypeExpr {
	t := p.tok
	var generics []*Name
	if t.Kind == OLt {
		generics = p.genericNames()
	}
	lp := p.tok.Start
	p.expect(OLParen)
	var params []TypeExpr
	var names []*Name
	for p.tok.Kind != ORParen && p.tok.Kind != EOF {
		var name *Name
		if p.tok.Kind == TName && p.peek().Kind == OColon {
			name = p.name()
			p.next()
		}
		names = append(names, name)
		// A parameter list may end in a pack: "...T" or "T...".
		tail := p.tok.Kind == OVararg || p.tok.Kind == TName && p.peek().Kind == OVararg
		p.packOK = tail
		ty := p.typeExpr()
		params = append(params, ty)
		if _, bad := ty.(*BadType); bad || tail || !p.accept(OComma) {
			break
		}
		if p.tok.Kind == ORParen {
			p.errorf(p.tok, "expected a type after ',' near %s", p.near(p.tok))
			break
		}
	}
	p.expectClose(ORParen, "(", lp)
	if p.tok.Kind == OArrow {
		p.next()
		ret := p.returnType()
		return &TypeFunc{Range{t.Start, p.prevEnd}, generics, params, names, ret}
	}
	forced := generics != nil
	vararg := false
	for i, n := range names {
		forced = forced || n != nil
		if tp, ok := params[i].(*TypePack); ok && tp.Variadic {
			vararg = true
		}
		if _, ok := params[i].(*TypeGenericPack); ok {
			vararg = true
		}
	}
	if forced || !(len(params) == 1 && !vararg || allowPack) {
		p.errorf(p.tok, "expected '->' when parsing function type near %s", p.near(p.tok))
	}
	if len(params) == 1 && generics == nil && names[0] == nil {
		return &TypePack{Range{t.Start, p.prevEnd}, params, false}
	}
	return &TypePack{Range{t.Start, p.prevEnd}, params, false}
}

// tableType parses "{T}" or "{name: T, [K]: V, ["key"]: T}" the way Luau
// does: an array type must be the only entry, a table has at most one
// indexer, and read/write may precede any entry.
func (p *parser) tableType() TypeExpr {
	t := p.tok
	p.next()
	tt := &TypeTable{}
	for p.tok.Kind != ORBrace && p.tok.Kind != EOF {
		prop := &TypeProp{Range: Range{Start: p.tok.Start}}
		if p.tok.Kind == TName && p.peek().Kind != OColon {
			if w := string(p.src[p.tok.Start:p.tok.End]); w == "read" || w == "write" {
				prop.Access = w
				p.next()
			}
		}
		switch {
		case p.tok.Kind == OLBracket:
			open := p.tok
			p.next()
			stringKey := p.tok.Kind == TString && p.peek().Kind == ORBracket
			prop.Key = p.typeExpr()
			p.expectClose(ORBracket, "[", open.Start)
			p.expect(OColon)
			prop.Value = p.typeExpr()
			switch {
			case stringKey:
				tt.Props = append(tt.Props, prop)
			case tt.Indexer != nil:
				p.addError(open.Start, p.prevEnd, "cannot have more than one table indexer")
			default:
				tt.Indexer = prop
			}
		case len(tt.Props) == 0 && tt.Indexer == nil && !(p.tok.Kind == TName && p.peek().Kind == OColon):
			// {T}: the array type is the table's only entry.
			tt.Array = p.typeExpr()
			prop = nil
		default:
			if p.tok.Kind != TName {
				p.errorf(p.tok, "expected a field name in the table type near %s", p.near(p.tok))
				prop = nil
				break
			}
			prop.Name = p.name()
			p.expect(OColon)
			prop.Value = p.typeExpr()
			tt.Props = append(tt.Props, prop)
		}
		if prop != nil {
			prop.End = max(p.prevEnd, prop.Start)
		}
		if tt.Array != nil || prop == nil || !p.accept(OComma) && !p.accept(OSemi) {
			break
		}
	}
	p.expectClose(ORBrace, "{", t.Start)
	tt.Range = Range{t.Start, p.prevEnd}
	return tt
}
