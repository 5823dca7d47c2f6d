package semantic

import (
	"sort"

	"github.com/buflsp/buflsp/analysis/syntax"
)

// This file keeps the first, straightforward resolver (a map per model
// entry, a scope chain walk per lookup) as a reference: FuzzBuildEquivalence
// checks that the fast Build gives the same model on any input. Only the
// names changed (builder to refBuilder, Build to referenceBuild), the
// pending gotos moved from the Model to the builder, and its map of uses
// moved to the builder too, copied into the model at the end.

type refBuilder struct {
	m     *Model
	scope *Scope
	gotos []pendingGoto
	uses  map[*syntax.Name]*Symbol // what was Model.Uses
}

// referenceBuild is the resolver as first written.
func referenceBuild(f *syntax.File) *Model {
	m := &Model{
		File:    f,
		Globals: map[string]*Symbol{},
		Docs:    map[syntax.Node]*Doc{},
	}
	b := &refBuilder{m: m, uses: map[*syntax.Name]*Symbol{}}
	m.Notes = parseAnnotations(f)
	b.open(f.Chunk.Range, true)
	m.Root = b.scope
	b.block(f.Chunk.Stmts)
	b.resolveGotos()
	b.close()
	m.names = make([]*syntax.Name, 0, len(b.uses))
	ids := map[*Symbol]int32{}
	for n, s := range b.uses {
		id, ok := ids[s]
		if !ok {
			id = int32(len(m.syms))
			ids[s] = id
			m.syms = append(m.syms, s)
		}
		m.setUse(n, s, id)
		if n.End > n.Start {
			m.names = append(m.names, n)
		}
	}
	sort.Slice(m.names, func(i, j int) bool { return m.names[i].Start < m.names[j].Start })
	return m
}

func (b *refBuilder) open(r syntax.Range, fn bool) *Scope {
	s := &Scope{Range: r, Parent: b.scope, Func: fn}
	if b.scope != nil {
		b.scope.Children = append(b.scope.Children, s)
	}
	b.scope = s
	b.m.scopes = append(b.m.scopes, s)
	return s
}

func (b *refBuilder) close() { b.scope = b.scope.Parent }

// lookup finds the innermost visible declaration of name.
func (b *refBuilder) lookup(name string) (sym *Symbol, crossedFunc bool) {
	for s := b.scope; s != nil; s = s.Parent {
		for i := len(s.Symbols) - 1; i >= 0; i-- {
			if s.Symbols[i].Name == name {
				return s.Symbols[i], crossedFunc
			}
		}
		if s.Func {
			crossedFunc = true
		}
	}
	return nil, crossedFunc
}

func (b *refBuilder) declare(n *syntax.Name, kind SymbolKind, node syntax.Node, attrib string) *Symbol {
	sym := &Symbol{Name: n.Value, Kind: kind, Decl: n, Node: node, Attrib: attrib, Scope: b.scope}
	if n.Value == "" {
		return sym // a missing name declares nothing
	}
	sym.Shadows, _ = b.lookup(n.Value)
	b.scope.Symbols = append(b.scope.Symbols, sym)
	b.m.Locals = append(b.m.Locals, sym)
	b.uses[n] = sym
	return sym
}

func (b *refBuilder) use(n *syntax.Name, write bool) {
	if n.Value == "" {
		return
	}
	sym, crossed := b.lookup(n.Value)
	if sym == nil {
		sym = b.m.Globals[n.Value]
		if sym == nil {
			sym = &Symbol{Name: n.Value, Kind: Global}
			b.m.Globals[n.Value] = sym
		}
	} else if crossed {
		sym.Captured = true
	}
	sym.Refs = append(sym.Refs, Ref{n, write})
	b.uses[n] = sym
}

func (b *refBuilder) block(stmts []syntax.Stmt) {
	for _, s := range stmts {
		b.stmt(s)
	}
}

func (b *refBuilder) body(blk *syntax.Block) {
	if blk == nil {
		return
	}
	b.open(blk.Range, false)
	b.block(blk.Stmts)
	b.close()
}

func (b *refBuilder) stmt(s syntax.Stmt) {
	doc := b.m.docFor(s)
	switch s := s.(type) {
	case *syntax.Local:
		b.exprs(s.Values)
		for i, n := range s.Names {
			sym := b.declare(n, Local, s, s.Attribs[i])
			sym.Doc = doc
		}
	case *syntax.LocalFunction:
		sym := b.declare(s.Name, Local, s, "")
		sym.Doc = doc
		b.function(s.Func)
	case *syntax.FunctionStmt:
		b.target(s.Name)
		b.function(s.Func)
	case *syntax.Assign:
		b.exprs(s.Values)
		for _, t := range s.Targets {
			b.target(t)
		}
	case *syntax.CompoundAssign:
		b.expr(s.Value)
		b.target(s.Target)
		b.expr(s.Target) // it is read as well
	case *syntax.CallStmt:
		b.expr(s.Call)
	case *syntax.Do:
		b.body(s.Body)
	case *syntax.While:
		b.expr(s.Cond)
		b.body(s.Body)
	case *syntax.Repeat:
		// The condition sees the locals of the body.
		b.open(s.Body.Range, false)
		b.block(s.Body.Stmts)
		b.expr(s.Cond)
		b.close()
	case *syntax.If:
		for i, c := range s.Conds {
			b.expr(c)
			b.body(s.Blocks[i])
		}
		b.body(s.Else)
	case *syntax.NumericFor:
		b.expr(s.Start)
		b.expr(s.Limit)
		b.expr(s.Step)
		b.open(s.Range, false)
		b.declare(s.Var, ForVar, s, "")
		b.body(s.Body)
		b.close()
	case *syntax.GenericFor:
		b.exprs(s.Exprs)
		b.open(s.Range, false)
		for _, n := range s.Names {
			b.declare(n, ForVar, s, "")
		}
		b.body(s.Body)
		b.close()
	case *syntax.Return:
		b.exprs(s.Values)
	case *syntax.Goto:
		b.gotos = append(b.gotos, pendingGoto{s, b.scope})
	case *syntax.Label:
		if s.Name.Value != "" {
			sym := &Symbol{Name: s.Name.Value, Kind: LabelSym, Decl: s.Name, Node: s, Scope: b.scope}
			b.scope.Labels = append(b.scope.Labels, sym)
			b.uses[s.Name] = sym
		}
	}
}

// target resolves an assignment target: a name is written, the parts of
// a.b[c] are read.
func (b *refBuilder) target(e syntax.Expr) {
	if n, ok := e.(*syntax.Name); ok {
		b.use(n, true)
		return
	}
	b.expr(e)
}

func (b *refBuilder) exprs(list []syntax.Expr) {
	for _, e := range list {
		b.expr(e)
	}
}

func (b *refBuilder) expr(e syntax.Expr) {
	switch e := e.(type) {
	case nil:
	case *syntax.Name:
		b.use(e, false)
	case *syntax.Function:
		b.function(e)
	case *syntax.Table:
		for _, f := range e.Fields {
			b.expr(f.Key)
			b.expr(f.Value)
		}
	case *syntax.Binary:
		b.expr(e.L)
		b.expr(e.R)
	case *syntax.Unary:
		b.expr(e.X)
	case *syntax.Paren:
		b.expr(e.X)
	case *syntax.Index:
		b.expr(e.X)
		b.expr(e.Key)
	case *syntax.Member:
		b.expr(e.X) // the field name is not a variable
	case *syntax.Call:
		b.expr(e.Fn)
		b.exprs(e.Args)
	case *syntax.Cast:
		b.expr(e.X)
	case *syntax.IfExpr:
		b.exprs(e.Conds)
		b.exprs(e.Thens)
		b.expr(e.Else)
	case *syntax.Interp:
		b.exprs(e.Exprs)
	}
}

func (b *refBuilder) function(fn *syntax.Function) {
	if fn == nil {
		return
	}
	b.open(fn.Range, true)
	for _, p := range fn.Params {
		b.declare(p, Param, fn, "")
	}
	if fn.Body != nil {
		b.block(fn.Body.Stmts)
	}
	b.close()
}

// resolveGotos binds each goto to a label visible from it: one in its
// block or an enclosing block of the same function.
func (b *refBuilder) resolveGotos() {
	for _, pg := range b.gotos {
		name := pg.g.Label
		if name.Value == "" {
			continue
		}
	search:
		for s := pg.scope; s != nil; s = s.Parent {
			for _, l := range s.Labels {
				if l.Name == name.Value {
					l.Refs = append(l.Refs, Ref{Name: name})
					b.uses[name] = l
					break search
				}
			}
			if s.Func {
				break
			}
		}
	}
}
