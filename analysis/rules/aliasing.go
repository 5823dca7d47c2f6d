package rules

import (
	"github.com/buflsp/buflsp/analysis/semantic"
	"github.com/buflsp/buflsp/analysis/syntax"
)

// This file holds the aliasing and lifetime rules: pointers from ref and
// reserve that outlive the buffer state they were taken from, commits
// without a reservation, pointers read as C strings, views that share
// memory with a buffer that changes, and set(str) followed by writes. The
// flow-sensitive ones run on the path engine (pathflow.go) and report only
// what holds on every path reaching the use.

// aliasCtx is what every aliasing rule needs while walking one function.
type aliasCtx struct {
	p     *Pass
	t     *semantic.Types
	m     *semantic.Model
	funcs funcIndex
	fn    *syntax.Function
}

func newAliasCtx(p *Pass) *aliasCtx {
	return &aliasCtx{p: p, t: flowTypes(p), m: p.Model(), funcs: newFuncIndex(p.File)}
}

// bindings lists, for a local or assignment statement, each bound name with
// the call whose result it receives and the result index, or with the plain
// value expression.
type binding struct {
	name  *syntax.Name
	call  *syntax.Call // the call whose result number index is bound, or nil
	index int
	value syntax.Expr // the value when it is not a result of call, or nil
}

func bindingsOf(n syntax.Node) []binding {
	var names []*syntax.Name
	var values []syntax.Expr
	switch s := n.(type) {
	case *syntax.Local:
		names, values = s.Names, s.Values
	case *syntax.Assign:
		for _, tg := range s.Targets {
			name, _ := tg.(*syntax.Name)
			names = append(names, name)
		}
		values = s.Values
	default:
		return nil
	}
	var out []binding
	for i, name := range names {
		if name == nil {
			continue
		}
		b := binding{name: name}
		switch {
		case i < len(values)-1:
			b.value = values[i]
			if c, ok := unparen(values[i]).(*syntax.Call); ok {
				b.call = c
			}
		case len(values) > 0:
			last := values[len(values)-1]
			if c, ok := last.(*syntax.Call); ok {
				b.call, b.index = c, i-(len(values)-1)
			} else if i == len(values)-1 {
				b.value = last
				if c, ok := unparen(last).(*syntax.Call); ok {
					b.call = c
				}
			}
		}
		out = append(out, b)
	}
	return out
}

// ---- stale-pointer ----

type ptrFact struct {
	buf     any
	taken   *syntax.Call
	staleBy *syntax.Call
}

type staleRule struct {
	*aliasCtx
	reported map[*syntax.Call]bool
}

func runStalePointer(p *Pass) {
	runAliasRule(p, []string{"ref", "reserve"}, func(c *aliasCtx, reported map[*syntax.Call]bool) flowRule[ptrFact] {
		return &staleRule{aliasCtx: c, reported: reported}
	})
}

// runAliasRule runs a path rule over every function of a file that calls one
// of the methods that start its facts (a file that calls none is skipped at
// once). Each function gets its own copy of the shared context, and all of
// them report through one set, so that a call is reported once.
func runAliasRule[F comparable](p *Pass, starts []string, newRule func(c *aliasCtx, reported map[*syntax.Call]bool) flowRule[F]) {
	if !callsSBuf(p, starts...) {
		return
	}
	ac := newAliasCtx(p)
	reported := map[*syntax.Call]bool{}
	runPaths(p, func(fn *syntax.Function) flowRule[F] {
		c := *ac
		c.fn = fn
		return newRule(&c, reported)
	})
}

// The rule is a may-analysis: a pointer taken in one branch, or made stale
// in one, reaches the code after the join.
func (r *staleRule) mayJoin() {}

// A pointer fresh on one path and stale on another is stale on a path that
// reaches the use: the stale fact wins. Pointers into different buffers
// are not tracked past the join.
func (r *staleRule) merge(a, b ptrFact) (ptrFact, bool) {
	if a.buf != b.buf {
		return a, false
	}
	if a.staleBy == nil {
		return b, true
	}
	return a, true
}

func (r *staleRule) step(n syntax.Node, facts flowFacts[ptrFact]) {
	binds := map[*syntax.Name]binding{}
	for _, b := range bindingsOf(n) {
		binds[b.name] = b
	}
	evalWalk(n, func(x syntax.Node) {
		switch x := x.(type) {
		case *syntax.Call:
			info := sbufMethod(r.t, x)
			if info == nil || !changesBuffer(info.Name) {
				return
			}
			k := bufferKey(r.m, receiver(x), info.Recv)
			if k == nil {
				return
			}
			for key, f := range facts {
				if f.buf == k && f.staleBy == nil {
					f.staleBy = x
					facts[key] = f
				}
			}
		case *syntax.Name:
			sym := r.m.Use(x)
			if sym == nil {
				return
			}
			if b, ok := binds[x]; ok {
				r.bind(sym, b, facts)
				return
			}
			f, ok := facts[sym]
			if !ok || f.staleBy == nil || r.reported[f.taken] {
				return
			}
			r.reported[f.taken] = true
			bufName := shortText(r.p, receiver(f.taken), "the buffer")
			r.p.Report(Diagnostic{Start: x.Start, End: x.End,
				Message: x.Value + " points into " + bufName + " (from " + methodName(f.taken) + " on line " +
					itoa(lineOf(r.p, f.taken.Start)) + "), but " + methodName(f.staleBy) + " on line " +
					itoa(lineOf(r.p, f.staleBy.Start)) + " changed " + bufName + " since, so the memory may have moved; " +
					"take a new pointer after the change",
				Related: []Related{
					{Start: f.taken.Start, End: f.taken.End, Message: "pointer taken here"},
					{Start: f.staleBy.Start, End: f.staleBy.End, Message: bufName + " changed here"},
				}})
		}
	})
}

// bind records what a newly assigned variable holds: a fresh pointer, a copy
// of a tracked pointer, or nothing tracked.
func (r *staleRule) bind(sym *semantic.Symbol, b binding, facts flowFacts[ptrFact]) {
	delete(facts, sym)
	for key, f := range facts {
		if f.buf == sym {
			delete(facts, key) // the buffer variable now holds another value
		}
	}
	if r.funcs.writtenElsewhere(sym, r.fn) {
		return
	}
	if b.call != nil && b.index == 0 {
		if info := sbufMethod(r.t, b.call); info != nil && (info.Name == "ref" || info.Name == "reserve") {
			if k := bufferKey(r.m, receiver(b.call), info.Recv); k != nil {
				facts[sym] = ptrFact{buf: k, taken: b.call}
			}
			return
		}
	}
	if b.value != nil {
		if src := localSym(r.m, b.value); src != nil {
			if f, ok := facts[src]; ok {
				facts[sym] = f
			}
		}
	}
}

// ---- commit-without-reserve ----

type reserveFact struct {
	reserved bool
	size     int // the constant size asked for, -1 when unknown
	call     *syntax.Call
}

type commitRule struct{ *aliasCtx }

func runCommitWithoutReserve(p *Pass) {
	runAliasRule(p, []string{"commit"}, func(c *aliasCtx, _ map[*syntax.Call]bool) flowRule[reserveFact] {
		return &commitRule{c}
	})
}

func (r *commitRule) merge(a, b reserveFact) (reserveFact, bool) { return mergeEqual(a, b) }

func (r *commitRule) step(n syntax.Node, facts flowFacts[reserveFact]) {
	binds := map[*syntax.Name]binding{}
	for _, b := range bindingsOf(n) {
		binds[b.name] = b
	}
	evalWalk(n, func(x syntax.Node) {
		switch x := x.(type) {
		case *syntax.Call:
			// A buffer handed to another function may be reserved there.
			for _, a := range x.Args {
				if k := bufferKey(r.m, a, r.t.TypeOf(a)); k != nil {
					delete(facts, k)
				}
			}
			info := sbufMethod(r.t, x)
			if info == nil {
				return
			}
			k := bufferKey(r.m, receiver(x), info.Recv)
			if k == nil {
				return
			}
			f, known := facts[k]
			switch info.Name {
			case "reserve":
				size := -1
				if len(info.Args) > 0 {
					if v, ok := info.Args[0].Int(); ok {
						size = int(v)
					}
				}
				facts[k] = reserveFact{reserved: true, size: size, call: x}
			case "commit":
				n := -1
				if len(info.Args) > 0 {
					if v, ok := info.Args[0].Int(); ok {
						n = int(v)
					}
				}
				if n == 0 || !known {
					return
				}
				name := shortText(r.p, receiver(x), "the buffer")
				switch {
				case !f.reserved:
					r.p.Reportf(x.Start, x.End, "commit on %s with no reserve before it on this path: there is no "+
						"reserved space to commit; call reserve first and write into the pointer it returns", name)
				case f.size >= 0 && n > f.size:
					r.p.Report(Diagnostic{Start: x.Start, End: x.End,
						Message: "commit(" + itoa(n) + ") commits more than the " + itoa(f.size) + " bytes reserved on line " +
							itoa(lineOf(r.p, f.call.Start)) + "; commit at most what was written, using the length reserve returned",
						Related: []Related{{Start: f.call.Start, End: f.call.End, Message: "space reserved here"}}})
				}
				facts[k] = reserveFact{size: -1}
			default:
				if known && f.reserved {
					delete(facts, k)
				}
			}
		case *syntax.Name:
			b, ok := binds[x]
			if !ok {
				return
			}
			sym := r.m.Use(x)
			if sym == nil {
				return
			}
			delete(facts, sym)
			if b.call != nil && b.index == 0 && moduleCall(r.t, b.call, "new") && !r.funcs.writtenElsewhere(sym, r.fn) {
				k := bufferKey(r.m, b.call, r.t.TypeOf(b.call))
				if k == nil {
					k = sym
				}
				facts[k] = reserveFact{size: -1}
			}
		}
	})
}

// ---- ref-without-length ----

func runRefWithoutLength(p *Pass) {
	if !callsSBuf(p, "ref") {
		return
	}
	t := flowTypes(p)
	m := p.Model()
	walkFile(p.File, func(n syntax.Node, c *walkCtx) bool {
		call, ok := n.(*syntax.Call)
		if !ok {
			return true
		}
		mem, ok := call.Fn.(*syntax.Member)
		if !ok || mem.Colon || mem.Name == nil || !isFFIModule(m, mem.X) {
			return true
		}
		var ptr syntax.Expr
		switch {
		case mem.Name.Value == "string" && len(call.Args) == 1:
			ptr = call.Args[0]
		case mem.Name.Value == "copy" && len(call.Args) == 2:
			ptr = call.Args[1]
		default:
			return true
		}
		switch ptr.(type) {
		case *syntax.Call, *syntax.Vararg:
			return true // several values: the length may come with it
		}
		if !isRefPointer(t, ptr) {
			return true
		}
		s, e := call.Span()
		p.Reportf(s, e, "ffi.%s(%s) reads up to a zero byte, but buffer data is not zero-terminated; pass the "+
			"length that ref returned as well", mem.Name.Value, shortText(p, ptr, "ptr"))
		return true
	})
}

// isRefPointer reports whether e is a pointer into a string.buffer.
func isRefPointer(t *semantic.Types, e syntax.Expr) bool {
	if t.TypeOf(e).Kind == semantic.Pointer {
		return true
	}
	if c, ok := unparen(e).(*syntax.Call); ok {
		if info := sbufMethod(t, c); info != nil && info.Name == "ref" {
			return true
		}
	}
	return false
}

// ---- view-alias ----

// How a view and its source came to differ from what the code expects.
const (
	viewSrcEdited  = iota + 1 // the source was edited in place: the view shows it
	viewSrcMoved              // the source moved or dropped its bytes: the view is stale
	viewSrcGrew               // the source grew: past its capacity that moves the bytes
	viewSelfEdited            // the view was edited in place: the source shows it
)

type viewFact struct {
	src       any
	taken     *syntax.Call
	how       int
	changedBy *syntax.Call
}

type viewRule struct {
	*aliasCtx
	reported map[*syntax.Call]bool
}

func runViewAlias(p *Pass) {
	runAliasRule(p, []string{"slice"}, func(c *aliasCtx, reported map[*syntax.Call]bool) flowRule[viewFact] {
		return &viewRule{aliasCtx: c, reported: reported}
	})
}

func (r *viewRule) merge(a, b viewFact) (viewFact, bool) {
	if a.src != b.src || a.taken != b.taken {
		return a, false
	}
	if a.how != b.how || a.changedBy != b.changedBy {
		a.how, a.changedBy = 0, nil
	}
	return a, true
}

// inPlaceEdit reports methods that change bytes without moving them.
func inPlaceEdit(name string) bool { return name == "fill" || name == "replace" }

// sourceEffect is what a method called on a view's source does to the
// view, following the runtime's rules (runtime/buffer/view.go): reset,
// free, set, insert, remove (except from the front, which only consumes)
// and setlen move or release the shared bytes, so the view is stale;
// appending (put, putf, putcdata, encode, reserve, and replace past the
// end) moves them when it grows past the capacity or compacts consumed
// space; fill and replace edit in place, seen by both; reading, consuming
// (get, skip, decode) and commit leave the view valid.
func sourceEffect(name string, c *syntax.Call) int {
	switch name {
	case "fill", "replace":
		return viewSrcEdited
	case "reset", "free", "set", "insert", "setlen":
		return viewSrcMoved
	case "remove":
		if len(c.Args) > 0 {
			if n, ok := unparen(c.Args[0]).(*syntax.Number); ok && n.Raw == "1" {
				return 0 // from the front: the runtime consumes, like skip
			}
		}
		return viewSrcMoved
	case "put", "putf", "putcdata", "encode", "reserve":
		return viewSrcGrew
	}
	return 0
}

func (r *viewRule) step(n syntax.Node, facts flowFacts[viewFact]) {
	binds := map[*syntax.Name]binding{}
	for _, b := range bindingsOf(n) {
		binds[b.name] = b
	}
	evalWalk(n, func(x syntax.Node) {
		switch x := x.(type) {
		case *syntax.Call:
			info := sbufMethod(r.t, x)
			if info == nil {
				return
			}
			recv := receiver(x)
			k := bufferKey(r.m, recv, info.Recv)
			viewSym := localSym(r.m, recv)
			for key, f := range facts {
				switch {
				case key == viewSym && viewSym != nil:
					if inPlaceEdit(info.Name) {
						if f.how == 0 {
							f.how, f.changedBy = viewSelfEdited, x
							facts[key] = f
						}
					} else if methodClass(info.Name) == methodWrite || methodClass(info.Name) == methodReset {
						delete(facts, key) // the view detaches: it gets its own copy
					}
				case k != nil && f.src == k && f.how == 0:
					if how := sourceEffect(info.Name, x); how != 0 {
						f.how, f.changedBy = how, x
						facts[key] = f
					}
				}
			}
		case *syntax.Name:
			sym := r.m.Use(x)
			if sym == nil {
				return
			}
			if b, ok := binds[x]; ok {
				r.bind(sym, b, facts)
				return
			}
			if f, ok := facts[sym]; ok && (f.how == viewSrcEdited || f.how == viewSrcMoved || f.how == viewSrcGrew) {
				r.report(x, sym.Name, f)
			}
			k := bufferKey(r.m, x, r.t.TypeOf(x))
			for key, f := range facts {
				if k != nil && f.src == k && f.how == viewSelfEdited {
					r.report(x, key.(*semantic.Symbol).Name, f)
				}
			}
		}
	})
}

func (r *viewRule) report(at *syntax.Name, view string, f viewFact) {
	if r.reported[f.taken] {
		return
	}
	r.reported[f.taken] = true
	src := shortText(r.p, receiver(f.taken), "its source")
	line := itoa(lineOf(r.p, f.changedBy.Start))
	what := methodName(f.changedBy)
	var msg string
	switch f.how {
	case viewSrcEdited:
		msg = view + " is a view of " + src + ", which " + what + " on line " + line + " changed in place: the view " +
			"shows the new bytes too; clone the view if it should keep the old ones"
		if what == "replace" {
			msg += " (a replace that runs past the end appends, and growing past the capacity makes the view stale)"
		}
	case viewSrcMoved:
		msg = view + " is a view of " + src + ", whose bytes " + what + " on line " + line + " moved or released: the " +
			"view is stale and using it raises an error; clone the view if it must outlive the change"
	case viewSrcGrew:
		msg = view + " is a view of " + src + ", which " + what + " on line " + line + " appended to: growing past " +
			"its capacity (or into space freed by reading) moves the bytes, and the view is then stale and using it " +
			"raises an error; clone the view if it must outlive the change"
	default:
		msg = at.Value + " shares memory with its view " + view + ", which " + what + " on line " + line +
			" changed in place: " + at.Value + " sees the change too; clone the view if it should be independent"
	}
	r.p.Report(Diagnostic{Start: at.Start, End: at.End, Message: msg,
		Fixes: []Fix{{Title: "Clone the view", Edits: []Edit{{Start: f.taken.End, End: f.taken.End, NewText: ":clone()"}}}},
		Related: []Related{
			{Start: f.taken.Start, End: f.taken.End, Message: "view taken here"},
			{Start: f.changedBy.Start, End: f.changedBy.End, Message: "changed here"},
		}})
}

func (r *viewRule) bind(sym *semantic.Symbol, b binding, facts flowFacts[viewFact]) {
	delete(facts, sym)
	for key, f := range facts {
		if f.src == sym {
			delete(facts, key)
		}
	}
	if r.funcs.writtenElsewhere(sym, r.fn) || b.call == nil || b.index != 0 || b.value != nil && unparen(b.value) != b.call {
		return
	}
	info := sbufMethod(r.t, b.call)
	if info == nil || info.Name != "slice" {
		return
	}
	if k := bufferKey(r.m, receiver(b.call), info.Recv); k != nil {
		facts[sym] = viewFact{src: k, taken: b.call}
	}
}

// ---- set-then-write ----

type setFact struct{ set *syntax.Call }

type setRule struct {
	*aliasCtx
	reported map[*syntax.Call]bool
}

func runSetThenWrite(p *Pass) {
	runAliasRule(p, []string{"set"}, func(c *aliasCtx, reported map[*syntax.Call]bool) flowRule[setFact] {
		return &setRule{aliasCtx: c, reported: reported}
	})
}

// The rule is a may-analysis: a set in one branch reaches a write after
// the join (Kong's config_helper sets a digest when the buffer grows past
// 1 MB, then keeps putting).
func (r *setRule) mayJoin() {}

// Two paths with a set each: either one is borrowed; report the first.
func (r *setRule) merge(a, b setFact) (setFact, bool) {
	if b.set.Start < a.set.Start {
		return b, true
	}
	return a, true
}

func (r *setRule) step(n syntax.Node, facts flowFacts[setFact]) {
	binds := map[*syntax.Name]binding{}
	for _, b := range bindingsOf(n) {
		binds[b.name] = b
	}
	evalWalk(n, func(x syntax.Node) {
		switch x := x.(type) {
		case *syntax.Call:
			info := sbufMethod(r.t, x)
			if info == nil || methodName(x) != "put" {
				// A buffer handed to other code may be reset there.
				for _, a := range x.Args {
					if k := bufferKey(r.m, a, r.t.TypeOf(a)); k != nil {
						delete(facts, k)
					}
				}
			}
			if info == nil {
				return
			}
			k := bufferKey(r.m, receiver(x), info.Recv)
			if k == nil {
				return
			}
			switch {
			case info.Name == "set":
				facts[k] = setFact{set: x}
			case info.Name == "slice" || methodClass(info.Name) == methodReset:
				delete(facts, k)
			case methodClass(info.Name) == methodWrite:
				f, ok := facts[k]
				delete(facts, k)
				if !ok || r.reported[f.set] {
					return
				}
				r.reported[f.set] = true
				name := shortText(r.p, receiver(x), "the buffer")
				r.p.Report(Diagnostic{Start: x.Start, End: x.End,
					Message: name + " borrows the string given to set on line " + itoa(lineOf(r.p, f.set.Start)) + "; this " +
						info.Name + " first copies the unread data into new storage, so set saved nothing: build the " +
						"buffer with put, or only read from it after set",
					Related: []Related{{Start: f.set.Start, End: f.set.End, Message: "string borrowed here"}}})
			}
		case *syntax.Name:
			if _, ok := binds[x]; !ok {
				return
			}
			if sym := r.m.Use(x); sym != nil {
				delete(facts, sym)
			}
		}
	})
}
