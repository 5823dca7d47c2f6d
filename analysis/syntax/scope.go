package syntax

import "sort"

// This file follows the scopes of a function while it is parsed, as the Lua
// compilers do, for the errors they report at compile time that depend on
// scopes: goto and label placement, break outside a loop, assignment to a
// Lua 5.4 <const> or <close> variable, and the limit of 200 local variables
// per function. LuaJIT, Lua 5.2/5.3 and Lua 5.4 differ in which labels a goto
// can see and in when they notice a mistake, and each is followed exactly, so
// that the first error we report is the one the compiler reports (5.2 and 5.3
// create labels as LuaJIT does and report as 5.4 does: gotoAtOnce, puc).

// maxLocals is the limit of active local variables in one function, the
// same in Lua 5.1 to 5.4 and LuaJIT.
const maxLocals = 200

// scope is one block being parsed.
type scope struct {
	loop      bool
	nactvar   int // active locals of the function when the block opened
	firstGola int // first entry of parser.golas that belongs to this block
	top       bool
}

// gola is a pending goto (or break) or a label, in source order.
type gola struct {
	label      bool
	brk        bool
	name       string
	start, end int // the range shown: a goto's label name, a break, a label's name
	slot       int // active locals at the goto or label
	line       int // line Lua names in messages
	valid      bool
}

// golaIndex lists, per name, the indices in parser.golas of the valid
// labels and of the valid pending gotos (breaks are not listed), each in
// increasing order. The checks look a name up here: scanning golas for it
// made a file of many labels and gotos quadratic (50,000 lines of
// "::l:: goto l" took 37 s).
type golaIndex struct {
	labels map[string][]int
	gotos  map[string][]int
}

// addGola appends g to the golas and to the index.
func (p *parser) addGola(g gola) {
	p.golas = append(p.golas, g)
	if !g.brk {
		p.golaIx.add(g.label, g.name, len(p.golas)-1)
	}
}

func (ix *golaIndex) add(label bool, name string, i int) {
	if ix.labels == nil {
		ix.labels, ix.gotos = map[string][]int{}, map[string][]int{}
	}
	if label {
		ix.labels[name] = append(ix.labels[name], i)
	} else {
		ix.gotos[name] = append(ix.gotos[name], i)
	}
}

// resolve marks the pending gotos called name at indices [from, to) of
// golas as resolved, in source order, calls each (if non-nil) on them, and
// drops them from the index.
func (ix *golaIndex) resolve(golas []gola, name string, from, to int, each func(*gola)) {
	l := ix.gotos[name]
	lo := sort.SearchInts(l, from)
	hi := sort.SearchInts(l, to)
	if lo == hi {
		return
	}
	for _, j := range l[lo:hi] {
		golas[j].valid = false
		if each != nil {
			each(&golas[j])
		}
	}
	ix.gotos[name] = append(l[:lo], l[hi:]...)
}

// lastLabel returns the index of the last valid label called name, or -1.
func (ix *golaIndex) lastLabel(name string) int {
	if l := ix.labels[name]; len(l) > 0 {
		return l[len(l)-1]
	}
	return -1
}

// cut drops the entries of name's lists at index from or later.
func (ix *golaIndex) cut(name string, from int) {
	for _, m := range []map[string][]int{ix.labels, ix.gotos} {
		l := m[name]
		n := len(l)
		for n > 0 && l[n-1] >= from {
			n--
		}
		if n < len(l) {
			m[name] = l[:n]
		}
	}
}

// localVar is an active local variable.
type localVar struct {
	name     string
	readonly bool // <const> or <close> in Lua 5.4
}

// pendingLabel is a label whose resolution waits for the labels (and, in
// Lua 5.2 to 5.4, the empty statements) that follow it, as the compilers do
// before deciding whether a label ends its block.
type pendingLabel struct {
	name *Name
	line int
	gola int // index in golas (LuaJIT creates the label at once)
}

// Classes of errors at the same offset, in the order a compiler meets them:
// a bad token is seen when it is read, a scope check on the token just read
// comes before parsing it, and the checks done after a block's closing
// token has been matched come last.
const (
	orderLex = iota
	orderCheck
	orderParse
	orderAfter
)

// hasGoto reports whether the dialect has goto and labels with compile-time
// checks (Lua 5.1 has none, Luau's goto is an ordinary name).
func (p *parser) hasGoto() bool { return p.d == DialectLuaJIT || p.d.atLeast52() }

// nactvar is the number of active locals of the current function.
func (p *parser) nactvar() int { return len(p.vars) - p.fs.firstVar }

// checkError records an error found by a scope check. The error is shown at
// start..end; at is the offset whose line the compiler names, key the offset
// of the token being processed when the compiler notices it.
func (p *parser) checkError(start, end, at, key, class int, msg string) {
	p.addErrorOrder(start, end, msg, at, key*4+class)
}

// openScope starts a block.
func (p *parser) openScope(loop bool) {
	p.scopes = append(p.scopes, scope{loop: loop, nactvar: p.nactvar(), firstGola: len(p.golas)})
}

// openFunction starts the top block of a function.
func (p *parser) openFunction() {
	p.scopes = append(p.scopes, scope{nactvar: 0, firstGola: len(p.golas), top: true})
}

// declare makes a local variable active, after checking the limit.
func (p *parser) declare(name string, readonly bool, at Token) {
	if p.nactvar() >= maxLocals && !p.fs.tooMany {
		p.fs.tooMany = true
		var msg string
		switch {
		case p.d.atLeast52() && p.fs.parent == nil:
			msg = "too many local variables (limit is 200) in main function near " + p.near(at)
		case p.d.atLeast52():
			msg = "too many local variables (limit is 200) in function at line " + itoa(p.line(p.fs.start)) + " near " + p.near(at)
		case p.fs.parent == nil:
			msg = "main function has more than 200 local variables"
		default:
			msg = "function at line " + itoa(p.line(p.fs.start)) + " has more than 200 local variables"
		}
		p.checkError(at.Start, at.End, at.End, at.Start, orderCheck, msg)
	}
	p.vars = append(p.vars, localVar{name, readonly})
}

// closeScope ends the innermost block. key and class order the errors for
// gotos left pending at the end of a function; at is the offset of the
// token PUC Lua (5.2 to 5.4) names then.
func (p *parser) closeScope(at, key, class int) {
	sc := p.scopes[len(p.scopes)-1]
	p.scopes = p.scopes[:len(p.scopes)-1]
	p.flushLabels()
	p.vars = p.vars[:p.fs.firstVar+sc.nactvar]
	if !p.hasGoto() {
		return
	}
	gs := p.golas[sc.firstGola:]
	if sc.loop {
		for i := range gs {
			if gs[i].brk && gs[i].valid {
				gs[i].valid = false
			}
		}
	}
	reported := false
	for i := range gs {
		g := &gs[i]
		if !g.valid {
			continue
		}
		if g.label {
			g.valid = false
			if p.d == DialectLuaJIT {
				// Pending backward gotos to this label are resolved here:
				// the ones listed after it, which are all in this block.
				p.golaIx.resolve(p.golas, g.name, sc.firstGola+i+1, len(p.golas), nil)
			}
			continue
		}
		if !sc.top {
			g.slot = sc.nactvar
			continue
		}
		g.valid = false
		if reported && p.d.puc() {
			continue
		}
		reported = true
		switch {
		case p.d == DialectLuaJIT && g.brk:
			p.checkError(g.start, g.end, g.end, key, class, "no loop to break")
		case p.d == DialectLuaJIT:
			p.checkError(g.start, g.end, g.end, key, class, "undefined label '"+g.name+"'")
		case g.brk && p.d != DialectLua54:
			p.checkError(g.start, g.end, at, key, class, "<break> at line "+itoa(g.line)+" not inside a loop")
		case g.brk:
			p.checkError(g.start, g.end, at, key, class, "break outside loop at line "+itoa(g.line))
		default:
			p.checkError(g.start, g.end, at, key, class, "no visible label '"+g.name+"' for <goto> at line "+itoa(g.line))
		}
	}
	// Keep the gotos still pending; they now belong to the enclosing block.
	for i := range gs {
		if !gs[i].brk {
			p.golaIx.cut(gs[i].name, sc.firstGola)
		}
	}
	kept := p.golas[:sc.firstGola]
	for _, g := range gs {
		if g.valid {
			kept = append(kept, g)
			if !g.brk {
				p.golaIx.add(g.label, g.name, len(kept)-1)
			}
		}
	}
	p.golas = kept
}

// gotoStmt records a goto whose label name has just been consumed.
func (p *parser) gotoStmt(label *Name) {
	if !p.hasGoto() || label.Value == "" {
		return
	}
	if p.d.puc() {
		// A label already visible is a backward jump, resolved at once
		// (Lua 5.2 and 5.3 look in the goto's block first and in the
		// enclosing ones when it closes, with the same outcome).
		if p.golaIx.lastLabel(label.Value) >= p.topScope().firstGola {
			return
		}
	}
	p.addGola(gola{name: label.Value, start: label.Start, end: label.End,
		slot: p.nactvar(), line: p.line(label.End), valid: true})
}

// breakStmt records a break in LuaJIT and Lua 5.2 to 5.4, where it is a jump to
// the end of the enclosing loop resolved when the loop's block closes.
func (p *parser) breakStmt(t Token) {
	if !p.hasGoto() {
		return
	}
	p.addGola(gola{brk: true, name: "break", start: t.Start, end: t.End,
		slot: p.nactvar(), line: p.line(t.Start), valid: true})
}

// labelStmt records a label whose name has just been consumed; the current
// token is the closing '::'.
func (p *parser) labelStmt(name *Name, line int) {
	if !p.hasGoto() || name.Value == "" {
		return
	}
	pl := pendingLabel{name: name, line: line, gola: -1}
	if p.d.gotoAtOnce() {
		sc := p.scopes[len(p.scopes)-1]
		if p.golaIx.lastLabel(name.Value) >= sc.firstGola {
			p.checkError(name.Start, name.End, p.tok.End, p.tok.Start, orderCheck, "duplicate label '"+name.Value+"'")
		}
		pl.gola = len(p.golas)
		p.addGola(gola{label: true, name: name.Value, start: name.Start, end: name.End,
			slot: p.nactvar(), line: line, valid: true})
	}
	p.group = append(p.group, pl)
}

// labelsContinue reports whether the current token continues a group of
// labels: another label, or from Lua 5.2 on an empty statement.
func (p *parser) labelsContinue() bool {
	return p.tok.Kind == ODColon || p.d.atLeast52() && p.tok.Kind == OSemi
}

// flushLabels resolves the pending group of labels, last first, as the
// compilers' recursive label parsing does. A group followed by the end of
// its block (but not by 'until') is outside the scope of the block's
// locals, so a goto may jump to it over local declarations.
func (p *parser) flushLabels() {
	if len(p.group) == 0 {
		return
	}
	sc := p.scopes[len(p.scopes)-1]
	last := false
	switch p.tok.Kind {
	case KEnd, KElse, KElseif, EOF:
		last = true
	}
	t := p.tok
	for i := len(p.group) - 1; i >= 0; i-- {
		pl := p.group[i]
		var lab *gola
		if p.d.gotoAtOnce() {
			lab = &p.golas[pl.gola]
		} else {
			if j := p.golaIx.lastLabel(pl.name.Value); j >= p.topScope().firstGola {
				p.checkError(pl.name.Start, pl.name.End, t.End, t.Start, orderCheck,
					"label '"+pl.name.Value+"' already defined on line "+itoa(p.golas[j].line))
			}
			p.addGola(gola{label: true, name: pl.name.Value, start: pl.name.Start, end: pl.name.End,
				slot: p.nactvar(), line: pl.line, valid: true})
			lab = &p.golas[len(p.golas)-1]
		}
		if last {
			lab.slot = sc.nactvar
		}
		limit := len(p.golas)
		if p.d.gotoAtOnce() {
			limit = pl.gola
		}
		labSlot := lab.slot
		p.golaIx.resolve(p.golas, lab.name, sc.firstGola, limit, func(g *gola) {
			if g.slot < labSlot {
				local := p.vars[p.fs.firstVar+g.slot].name
				if p.d == DialectLuaJIT {
					p.checkError(g.start, g.end, g.end, t.Start, orderCheck,
						"<goto "+g.name+"> jumps into the scope of local '"+local+"'")
				} else {
					p.checkError(g.start, g.end, t.End, t.Start, orderCheck,
						"<goto "+g.name+"> at line "+itoa(g.line)+" jumps into the scope of local '"+local+"'")
				}
			}
		})
	}
	p.group = p.group[:0]
}

// topScope returns the top block of the current function.
func (p *parser) topScope() *scope {
	for i := len(p.scopes) - 1; i >= 0; i-- {
		if p.scopes[i].top {
			return &p.scopes[i]
		}
	}
	return &p.scopes[0]
}

// checkConst reports, in Lua 5.4, an assignment to a <const> or <close>
// variable, and in Luau one to a const local; the current token is the ',' or '=' after the target (or the
// token after the body of a function statement).
func (p *parser) checkConst(e Expr) {
	if p.d != DialectLua54 && p.d != DialectLuau {
		return
	}
	n, ok := e.(*Name)
	if !ok || n.Value == "" {
		return
	}
	for i := len(p.vars) - 1; i >= 0; i-- {
		if p.vars[i].name == n.Value {
			if p.vars[i].readonly && p.d == DialectLuau {
				// Luau's const locals; its parser names the target.
				p.addError(n.Start, n.End, "assigned expression must be a variable or a field ('"+n.Value+"' is const)")
			} else if p.vars[i].readonly {
				p.checkError(n.Start, n.End, p.tok.End, p.tok.Start, orderCheck,
					"attempt to assign to const variable '"+n.Value+"'")
			}
			return
		}
	}
}

// itoa formats a small non-negative number.
func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}
