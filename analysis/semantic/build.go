package semantic

import (
	"cmp"
	"slices"

	"github.com/buflsp/buflsp/analysis/syntax"
)

// This file walks the tree once, declaring and resolving names in the
// order Lua's own compiler does (a local's initialisers are resolved before
// the local exists; a local function is visible in its own body).
//
// The walk is built for speed, since it runs on every keystroke of the
// language server and on whole code bases in the checker. The visible
// locals live on one stack (lookups scan contiguous memory instead of
// chasing scope pointers), every identifier is first recorded in a flat
// list, and only at the end are the public maps and slices filled, each
// allocated once at its final size. Symbols and scopes come from chunks
// so that a file costs a few large allocations instead of one per name.

// visible is one local on the stack of names in scope: the hash of its
// name and its symbol id. Without pointers, the stack costs the garbage
// collector nothing.
type visible struct {
	hash uint32
	id   int32 // index of the symbol in builder.syms
	prev int32 // index in builder.active of the entry of the same name it hides, or -1
	// next is the index in builder.active of the entry below this one
	// whose hash falls in the same bucket (builder.heads), or -1.
	next int32
}

// buckets is the number of chains the visible locals are spread over by
// the low bits of their hash. A lookup follows one chain, which holds
// about one local in buckets, instead of scanning the whole stack (a
// lookup that finds nothing, every use of a global, passed every visible
// local, and that scan was a twentieth of parse plus resolve).
const buckets = 64

// scanActive is how many visible locals lookup serves from the chains
// before it asks builder.innermost instead: the chains are fastest for the
// usual few dozen, but names whose hashes share their low bits could put
// thousands of locals of one function on one chain, make every lookup
// linear and the whole build quadratic.
//
// The index is kept only while it is needed: it is built when the stack
// grows past scanActive and dropped when it shrinks to half of that. Keeping
// it for every local cost a map write on each declaration and a map delete
// on each scope exit, about a tenth of the resolver on ordinary code. The
// gap between the two thresholds means at least scanActive/2 declarations
// pay for each rebuild.
const scanActive = 32

// nameHash is FNV-1a; identifiers are short.
func nameHash(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}

// useKind tells whether a use (an identifier of Model.Use) is a declaration or a
// reference (read or write) that joins the symbol's Refs. It is kept in
// the low bits of the entry's symbol id.
type useKind uint32

const (
	useDecl useKind = iota
	useRead
	useWrite

	useKindBits = 2
	useKindMask = 1<<useKindBits - 1
)

// frame is what closing a scope restores.
type frame struct {
	scope      *Scope
	activeBase int // stack depth when the scope opened
	kidsBase   int // start of the scope's children on the kids stack
	fnBase     int // fnBase of the enclosing scope
}

type builder struct {
	m     *Model
	stop  stopper
	scope *Scope
	// active holds the declared, visible locals, innermost last; a scope's
	// own symbols are the top of the stack from its activeBase up.
	active []visible
	// heads holds, for each bucket, the index in active of the innermost
	// local whose hash falls in it, or -1; the rest follow visible.next.
	heads [buckets]int32
	// innermost maps a name to its innermost entry in active while indexed
	// is set (see scanActive); visible.prev is valid only then.
	innermost map[string]int32
	indexed   bool
	// fnBase is the stack depth when the innermost function opened: a
	// symbol below it belongs to an enclosing function (an upvalue).
	fnBase int
	// kids holds the children of the open scopes, in the same way.
	kids []*Scope
	syms []*Symbol // every symbol that can be referenced, by id
	// useNames and useIDs are the identifiers of Model.Use in the order the
	// walk made them; an id is the symbol id shifted left by useKindBits
	// with the useKind below. Two parallel slices keep the ids free of
	// pointers, and useNames becomes the sorted name list at the end.
	useNames []*syntax.Name
	useIDs   []uint32
	globals  map[string]int32 // free name to symbol id
	gotos    []pendingGoto
	// prevStmt is the start of the last non-empty statement visited and
	// nextNote the first annotation starting at or after it (see docFor).
	prevStmt, nextNote int
	// labelIDs maps label symbols to their ids for resolveGotos.
	labelIDs map[*Symbol]int32

	symChunk   []Symbol
	scopeChunk []Scope
	// nextSyms and nextScopes size the next chunks: the first from the
	// length of the source, then small ones.
	nextSyms, nextScopes int
	symPtrs              []*Symbol
	scopePtrs            []*Scope
}

type pendingGoto struct {
	g     *syntax.Goto
	scope *Scope
}

// Build resolves every identifier of f. It never fails; names it cannot
// resolve are globals.
func Build(f *syntax.File) *Model { return build(f, stopper{}) }

func build(f *syntax.File, stop stopper) *Model {
	m := &Model{
		File: f,
		Docs: map[syntax.Node]*Doc{},
	}
	// Typical code has about one identifier per 20 bytes, a symbol per 80
	// and a scope per 120; the guesses, on the low side, only size the
	// first allocations.
	n := len(f.Src)
	b := &builder{
		m:          m,
		stop:       stop,
		globals:    map[string]int32{},
		useNames:   make([]*syntax.Name, 0, n/20+16),
		useIDs:     make([]uint32, 0, n/20+16),
		active:     make([]visible, 0, 64),
		syms:       make([]*Symbol, 0, n/80+16),
		prevStmt:   -1,
		nextSyms:   n/100 + 8,
		nextScopes: n/150 + 4,
	}
	for i := range b.heads {
		b.heads[i] = -1
	}
	m.scopes = make([]*Scope, 0, n/100+4)
	m.Notes = parseAnnotations(f)
	root := b.open(f.Chunk.Range, true)
	m.Root = b.scope
	b.block(f.Chunk.Stmts)
	b.resolveGotos()
	b.close(root)
	b.finish()
	return m
}

// newSymbol takes a zeroed symbol from the current chunk.
func (b *builder) newSymbol() *Symbol {
	if len(b.symChunk) == 0 {
		b.symChunk = make([]Symbol, b.nextSyms)
		b.nextSyms = 64
	}
	s := &b.symChunk[0]
	b.symChunk = b.symChunk[1:]
	return s
}

// register gives sym an id so that its references can be counted.
func (b *builder) register(sym *Symbol) int32 {
	b.syms = append(b.syms, sym)
	sym.id = int32(len(b.syms))
	return int32(len(b.syms) - 1)
}

func (b *builder) open(r syntax.Range, fn bool) frame {
	if len(b.scopeChunk) == 0 {
		b.scopeChunk = make([]Scope, b.nextScopes)
		b.nextScopes = 32
	}
	s := &b.scopeChunk[0]
	b.scopeChunk = b.scopeChunk[1:]
	*s = Scope{Range: r, Parent: b.scope, Func: fn}
	if b.scope != nil {
		b.kids = append(b.kids, s)
	}
	fr := frame{scope: b.scope, activeBase: len(b.active), kidsBase: len(b.kids), fnBase: b.fnBase}
	if fn {
		b.fnBase = len(b.active)
	}
	b.scope = s
	b.m.scopes = append(b.m.scopes, s)
	return fr
}

// close ends the current scope: its symbols and children leave the stacks
// for exactly sized slices of the scope itself.
func (b *builder) close(fr frame) {
	s := b.scope
	if n := len(b.active) - fr.activeBase; n > 0 {
		syms := b.takeSymPtrs(n)
		for i, v := range b.active[fr.activeBase:] {
			syms[i] = b.syms[v.id]
		}
		// The scope's locals are the innermost of their chains: popping
		// them in reverse restores each chain.
		for i := len(b.active) - 1; i >= fr.activeBase; i-- {
			v := b.active[i]
			b.heads[v.hash%buckets] = v.next
		}
		if b.indexed {
			if fr.activeBase <= scanActive/2 {
				clear(b.innermost)
				b.indexed = false
			} else {
				for i := len(b.active) - 1; i >= fr.activeBase; i-- {
					if v := b.active[i]; v.prev >= 0 {
						b.innermost[b.syms[v.id].Name] = v.prev
					} else {
						delete(b.innermost, b.syms[v.id].Name)
					}
				}
			}
		}
		s.Symbols = syms
		b.active = b.active[:fr.activeBase]
	}
	if n := len(b.kids) - fr.kidsBase; n > 0 {
		kids := b.takeScopePtrs(n)
		copy(kids, b.kids[fr.kidsBase:])
		s.Children = kids
		clear(b.kids[fr.kidsBase:])
		b.kids = b.kids[:fr.kidsBase]
	}
	b.fnBase = fr.fnBase
	b.scope = fr.scope
}

// takeSymPtrs returns a slice of n pointers carved from a shared chunk,
// with its capacity capped so that an append elsewhere copies instead of
// overwriting a neighbour.
func (b *builder) takeSymPtrs(n int) []*Symbol {
	if len(b.symPtrs) < n {
		b.symPtrs = make([]*Symbol, max(n, 512))
	}
	out := b.symPtrs[:n:n]
	b.symPtrs = b.symPtrs[n:]
	return out
}

func (b *builder) takeScopePtrs(n int) []*Scope {
	if len(b.scopePtrs) < n {
		b.scopePtrs = make([]*Scope, max(n, 256))
	}
	out := b.scopePtrs[:n:n]
	b.scopePtrs = b.scopePtrs[n:]
	return out
}

// lookup finds the innermost visible declaration of name (h is its hash)
// and tells whether it belongs to an enclosing function; the id is -1
// when there is none.
func (b *builder) lookup(name string, h uint32) (id int32, crossedFunc bool) {
	if b.indexed {
		i, ok := b.innermost[name]
		if !ok {
			return -1, false
		}
		return b.active[i].id, int(i) < b.fnBase
	}
	for i := b.heads[h%buckets]; i >= 0; {
		v := b.active[i]
		if v.hash == h && b.syms[v.id].Name == name {
			return v.id, int(i) < b.fnBase
		}
		i = v.next
	}
	return -1, false
}

func (b *builder) declare(n *syntax.Name, kind SymbolKind, node syntax.Node, attrib string) *Symbol {
	// The symbol comes zeroed from its chunk: setting the fields one by
	// one skips clearing it a second time.
	sym := b.newSymbol()
	sym.Name, sym.Kind, sym.Decl, sym.Node, sym.Attrib, sym.Scope = n.Value, kind, n, node, attrib, b.scope
	if n.Value == "" {
		return sym // a missing name declares nothing
	}
	h := nameHash(n.Value)
	if prev, _ := b.lookup(n.Value, h); prev >= 0 {
		sym.Shadows = b.syms[prev]
	}
	id := b.register(sym)
	b.active = append(b.active, visible{hash: h, id: id, prev: -1, next: b.heads[h%buckets]})
	b.heads[h%buckets] = int32(len(b.active) - 1)
	if b.indexed {
		b.index(len(b.active) - 1)
	} else if len(b.active) > scanActive {
		if b.innermost == nil {
			b.innermost = make(map[string]int32, 2*scanActive)
		}
		for i := range b.active {
			b.index(i)
		}
		b.indexed = true
	}
	b.addUse(n, id, useDecl)
	return sym
}

// index makes entry i of the stack the innermost of its name, remembering
// the entry it hides.
func (b *builder) index(i int) {
	name := b.syms[b.active[i].id].Name
	prev, ok := b.innermost[name]
	if !ok {
		prev = -1
	}
	b.active[i].prev = prev
	b.innermost[name] = int32(i)
}

func (b *builder) use(n *syntax.Name, write bool) {
	if n.Value == "" {
		return
	}
	id, crossed := b.lookup(n.Value, nameHash(n.Value))
	if id >= 0 {
		if crossed {
			b.syms[id].Captured = true
		}
	} else if g, ok := b.globals[n.Value]; ok {
		id = g
	} else {
		sym := b.newSymbol()
		*sym = Symbol{Name: n.Value, Kind: Global}
		id = b.register(sym)
		b.globals[n.Value] = id
	}
	k := useRead
	if write {
		k = useWrite
	}
	b.addUse(n, id, k)
}

func (b *builder) addUse(n *syntax.Name, id int32, k useKind) {
	b.useNames = append(b.useNames, n)
	b.useIDs = append(b.useIDs, uint32(id)<<useKindBits|uint32(k))
}

// finish fills the public parts of the model from the flat list of uses:
// the Refs of every symbol (one shared array), the symbol of every
// identifier, Locals, Globals and
// the identifiers sorted by offset.
func (b *builder) finish() {
	m := b.m
	counts := make([]int32, len(b.syms))
	total := 0
	for _, x := range b.useIDs {
		if useKind(x&useKindMask) != useDecl {
			counts[x>>useKindBits]++
			total++
		}
	}
	refs := make([]Ref, total)
	off := 0
	for id, c := range counts {
		if c > 0 {
			b.syms[id].Refs = refs[off : off : off+int(c)]
			off += int(c)
		}
	}
	m.syms = b.syms
	m.uses = make([]int32, m.File.NameIDs()+1)
	// The same pass turns the list of uses, no longer needed in walk
	// order, into the list of identifiers without the zero-width ones
	// (sorted below): one visit of each Name node instead of two.
	w := 0
	for i, n := range b.useNames {
		x := b.useIDs[i]
		symID := int32(x >> useKindBits)
		sym := b.syms[symID]
		if k := useKind(x & useKindMask); k != useDecl {
			sym.Refs = append(sym.Refs, Ref{Name: n, Write: k == useWrite})
		}
		if id := n.ID(); id > 0 && id < len(m.uses) {
			m.uses[id] = symID + 1
		} else {
			m.setUse(n, sym, symID)
		}
		if n.End > n.Start {
			if w != i {
				b.useNames[w] = n
			}
			w++
		}
	}
	clear(b.useNames[w:])
	m.names = sortNames(b.useNames[:w])

	nlocals := 0
	for _, s := range b.syms {
		if s.Kind != Global && s.Kind != LabelSym {
			nlocals++
		}
	}
	m.Locals = make([]*Symbol, 0, nlocals)
	for _, s := range b.syms {
		if s.Kind != Global && s.Kind != LabelSym {
			m.Locals = append(m.Locals, s)
		}
	}
	m.Globals = make(map[string]*Symbol, len(b.globals))
	for name, id := range b.globals {
		m.Globals[name] = b.syms[id]
	}
}

// sortNames orders identifiers by offset and drops repeats of the same
// node (a compound assignment's target is both written and read).
func sortNames(names []*syntax.Name) []*syntax.Name {
	// The walk visits names almost in source order (only a local's or an
	// assignment's names come after their values), so an insertion sort
	// does little work; a budget on its moves keeps odd inputs linear
	// before handing them to the general sort.
	// Pointers are written only where something moves: while a garbage
	// collection runs, every pointer store costs a write barrier.
	budget := 4*len(names) + 64
	for i := 1; i < len(names) && budget >= 0; i++ {
		n := names[i]
		if names[i-1].Start <= n.Start {
			continue
		}
		j := i - 1
		for j > 0 && names[j-1].Start > n.Start {
			j--
		}
		copy(names[j+1:i+1], names[j:i])
		names[j] = n
		budget -= i - j
	}
	if budget < 0 {
		slices.SortFunc(names, func(x, y *syntax.Name) int { return cmp.Compare(x.Start, y.Start) })
	}
	w := 0
	for i, n := range names {
		dup := false
		// Repeats share a start; look back over the names with this start.
		for j := w - 1; j >= 0 && names[j].Start == n.Start; j-- {
			if names[j] == n {
				dup = true
				break
			}
		}
		if !dup {
			if w != i {
				names[w] = n
			}
			w++
		}
	}
	clear(names[w:])
	return names[:w]
}

func (b *builder) block(stmts []syntax.Stmt) {
	for _, s := range stmts {
		b.stmt(s)
	}
}

func (b *builder) body(blk *syntax.Block) {
	if blk == nil {
		return
	}
	fr := b.open(blk.Range, false)
	b.block(blk.Stmts)
	b.close(fr)
}

// docFor returns the annotations above s. Most statements have none, so
// it first checks cheaply whether any annotation lies between the previous
// statement's first token and s: statements are visited in source order,
// and an annotation before that token is separated from s by it.
func (b *builder) docFor(s syntax.Stmt) *Doc {
	notes := b.m.Notes
	if len(notes) == 0 {
		return nil
	}
	start, end := s.Span()
	if start > b.prevStmt {
		for b.nextNote < len(notes) && notes[b.nextNote].Start < b.prevStmt {
			b.nextNote++
		}
		candidate := b.nextNote < len(notes) && notes[b.nextNote].End <= start
		if end > start {
			b.prevStmt = start
		}
		if !candidate {
			return nil
		}
	}
	return b.m.docFor(s)
}

func (b *builder) stmt(s syntax.Stmt) {
	b.stop.check()
	doc := b.docFor(s)
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
		fr := b.open(s.Body.Range, false)
		b.block(s.Body.Stmts)
		b.expr(s.Cond)
		b.close(fr)
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
		fr := b.open(s.Range, false)
		b.declare(s.Var, ForVar, s, "")
		b.body(s.Body)
		b.close(fr)
	case *syntax.GenericFor:
		b.exprs(s.Exprs)
		fr := b.open(s.Range, false)
		for _, n := range s.Names {
			b.declare(n, ForVar, s, "")
		}
		b.body(s.Body)
		b.close(fr)
	case *syntax.Return:
		b.exprs(s.Values)
	case *syntax.Goto:
		b.gotos = append(b.gotos, pendingGoto{s, b.scope})
	case *syntax.Label:
		if s.Name.Value != "" {
			sym := b.newSymbol()
			*sym = Symbol{Name: s.Name.Value, Kind: LabelSym, Decl: s.Name, Node: s, Scope: b.scope}
			b.scope.Labels = append(b.scope.Labels, sym)
			id := b.register(sym)
			if b.labelIDs == nil {
				b.labelIDs = map[*Symbol]int32{}
			}
			b.labelIDs[sym] = id
			b.addUse(s.Name, id, useDecl)
		}
	}
}

// target resolves an assignment target: a name is written, the parts of
// a.b[c] are read.
func (b *builder) target(e syntax.Expr) {
	if n, ok := e.(*syntax.Name); ok {
		b.use(n, true)
		return
	}
	b.expr(e)
}

func (b *builder) exprs(list []syntax.Expr) {
	for _, e := range list {
		b.expr(e)
	}
}

func (b *builder) expr(e syntax.Expr) {
	b.stop.check()
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

func (b *builder) function(fn *syntax.Function) {
	if fn == nil {
		return
	}
	fr := b.open(fn.Range, true)
	for _, p := range fn.Params {
		b.declare(p, Param, fn, "")
	}
	if fn.Body != nil {
		b.block(fn.Body.Stmts)
	}
	b.close(fr)
}

// resolveGotos binds each goto to a label visible from it: one in its
// block or an enclosing block of the same function. It runs before the
// root scope closes, when every scope still has its parent and labels.
func (b *builder) resolveGotos() {
	for _, pg := range b.gotos {
		name := pg.g.Label
		if name.Value == "" {
			continue
		}
	search:
		for s := pg.scope; s != nil; s = s.Parent {
			for _, l := range s.Labels {
				if l.Name == name.Value {
					b.addUse(name, b.labelID(l), useRead)
					break search
				}
			}
			if s.Func {
				break
			}
		}
	}
}

// labelID returns the id a label symbol was registered with.
func (b *builder) labelID(l *Symbol) int32 { return b.labelIDs[l] }
