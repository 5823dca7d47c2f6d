package rules

import (
	"strings"

	"github.com/buflsp/buflsp/analysis/semantic"
	"github.com/buflsp/buflsp/analysis/syntax"
)

// This file holds the copy and performance rules: code that works but copies
// buffer data, builds strings it does not need, or prepares serializer
// options more often than necessary. They are warnings and hints. Each one
// fires only on values the type layer knows to be string.buffer objects (or,
// for string-concat-in-loop, on a string provably accumulated across loop
// iterations), so ordinary Lua without buffers stays silent.

// srcText returns the source text of a node.
func srcText(p *Pass, n syntax.Node) string {
	s, e := n.Span()
	return string(p.File.Src[s:e])
}

// shortText returns the source text of n when it is short enough to quote
// in a message, else a generic description.
func shortText(p *Pass, n syntax.Node, generic string) string {
	t := srcText(p, n)
	if len(t) > 30 || strings.ContainsAny(t, "\n") {
		return generic
	}
	return t
}

// lineOf returns the 1-based line of an offset, for messages that point
// at another statement.
func lineOf(p *Pass, off int) int {
	line, _ := p.File.Lines.Position(off)
	return line
}

// ---- sinks: calls that accept a buffer where a string would do ----

// sinkKind classifies a call whose arguments may be buffers as well as
// strings: io.write, file:write, sbuf:put and print (which takes buffers
// too, but separates its arguments with tabs, so nothing can be spliced in).
type sinkKind int

const (
	sinkNone  sinkKind = iota
	sinkWrite          // io.write, file:write, sbuf:put: arguments written one after another
	sinkPrint          // print: arguments separated by tabs
)

func callSink(p *Pass, t *semantic.Types, c *syntax.Call) sinkKind {
	m := p.Model()
	switch {
	case globalCall(m, c, "io", "write"):
		return sinkWrite
	case globalCall(m, c, "", "print"):
		return sinkPrint
	}
	if info := sbufMethod(t, c); info != nil && info.Name == "put" && info.Method {
		return sinkWrite
	}
	if mem, ok := c.Fn.(*syntax.Member); ok && mem.Colon && mem.Name != nil && mem.Name.Value == "write" && isFileExpr(p, t, mem.X) {
		return sinkWrite
	}
	return sinkNone
}

// isFileExpr reports whether e is known to be an open file: io.stdout,
// io.stderr, the result of io.open/io.output/io.tmpfile/io.popen (possibly
// through assert), or a parameter or local annotated file*.
func isFileExpr(p *Pass, t *semantic.Types, e syntax.Expr) bool {
	m := p.Model()
	e = unparen(e)
	if mem, ok := e.(*syntax.Member); ok && !mem.Colon && mem.Name != nil {
		if x, ok := mem.X.(*syntax.Name); ok && x.Value == "io" {
			if s := m.Use(x); s != nil && s.Kind == semantic.Global {
				return mem.Name.Value == "stdout" || mem.Name.Value == "stderr"
			}
		}
		return false
	}
	sym := localSym(m, e)
	if sym == nil {
		return false
	}
	if hasWriteRefs(sym) {
		return false
	}
	if sym.Doc != nil {
		tag := "type"
		if sym.Kind == semantic.Param {
			tag = "param"
		}
		name := ""
		if tag == "param" {
			name = sym.Name
		}
		if a := sym.Doc.Find(tag, name); a != nil {
			return strings.TrimSpace(a.Type) == "file*"
		}
	}
	if sym.Kind == semantic.Param {
		return fileParamAnnotated(m, sym)
	}
	loc, ok := sym.Node.(*syntax.Local)
	if !ok || len(loc.Names) != 1 || len(loc.Values) != 1 {
		return false
	}
	v := unparen(loc.Values[0])
	if c, ok := v.(*syntax.Call); ok && globalCall(m, c, "", "assert") && len(c.Args) >= 1 {
		v = unparen(c.Args[0])
	}
	c, ok := v.(*syntax.Call)
	if !ok {
		return false
	}
	for _, fn := range []string{"open", "output", "tmpfile", "popen"} {
		if globalCall(m, c, "io", fn) {
			return true
		}
	}
	return false
}

// fileParamAnnotated looks for "---@param name file*" above the function
// that declares the parameter.
func fileParamAnnotated(m *semantic.Model, sym *semantic.Symbol) bool {
	for node, doc := range m.Docs {
		s, e := node.Span()
		if sym.Decl == nil || sym.Decl.Start < s || sym.Decl.End > e {
			continue
		}
		if a := doc.Find("param", sym.Name); a != nil && strings.TrimSpace(a.Type) == "file*" {
			return true
		}
	}
	return false
}

// hasWriteRefs reports whether a symbol is ever assigned after its declaration.
func hasWriteRefs(sym *semantic.Symbol) bool {
	for _, r := range sym.Refs {
		if r.Write {
			return true
		}
	}
	return false
}

// argOf returns the call that has e among its arguments (not as callee),
// the index, and whether it is the last argument.
func argOf(c *walkCtx, e syntax.Expr) (*syntax.Call, int, bool) {
	call, ok := c.Parent().(*syntax.Call)
	if !ok {
		return nil, 0, false
	}
	for i, a := range call.Args {
		if a == e {
			return call, i, i == len(call.Args)-1
		}
	}
	return nil, 0, false
}

// ---- buffer-concat ----

func runBufferConcat(p *Pass) {
	if !mentionsBuffer(p) || !srcContains(p, "..") {
		return
	}
	t := flowTypes(p)
	m := p.Model()
	walkFile(p.File, func(n syntax.Node, c *walkCtx) bool {
		b, ok := n.(*syntax.Binary)
		if !ok || b.Op != syntax.OConcat {
			return true
		}
		if parent, ok := c.Parent().(*syntax.Binary); ok && parent.Op == syntax.OConcat {
			return true // reported with the whole chain
		}
		ops := concatOperands(b, nil)
		var buf syntax.Expr
		for _, op := range ops {
			if isSBufExpr(t, op) {
				buf = op
				break
			}
		}
		if buf == nil {
			return true
		}
		d := Diagnostic{Start: b.Start, End: b.End,
			Message: "'..' with the string.buffer " + shortText(p, buf, "operand") +
				" copies its data into a new string; put the pieces into a buffer instead"}
		if fix, ok := concatFix(p, t, m, c, b, ops); ok {
			d.Fixes = []Fix{fix}
		}
		p.Report(d)
		return true
	})
}

// concatFix rewrites a concatenation passed straight to a sink: io.write,
// file:write and sbuf:put take the pieces as separate arguments. print gets
// no fix: it separates its arguments with tabs, so the pieces cannot become
// arguments, and wrapping them in a new buffer would allocate that buffer and
// still build the string print writes: two allocations instead of one.
func concatFix(p *Pass, t *semantic.Types, m *semantic.Model, c *walkCtx, b *syntax.Binary, ops []syntax.Expr) (Fix, bool) {
	call, i, last := argOf(c, b)
	if call == nil || !laterArgsRunNoCode(call, i) {
		return Fix{}, false
	}
	pieces := make([]string, len(ops))
	for i, op := range ops {
		pieces[i] = srcText(p, op)
		switch unparen(op).(type) {
		case *syntax.Call, *syntax.Vararg:
			// A call keeps one value inside '..'; as a last argument it
			// would pass all of them.
			if i == len(ops)-1 && last {
				pieces[i] = "(" + pieces[i] + ")"
			}
		}
	}
	if callSink(p, t, call) != sinkWrite {
		return Fix{}, false
	}
	if info := sbufMethod(t, call); info != nil {
		// Putting the receiver into itself is an error: leave it alone.
		for _, op := range ops {
			if bufferKey(m, op, t.TypeOf(op)) != nil && bufferKey(m, op, t.TypeOf(op)) == bufferKey(m, receiver(call), info.Recv) {
				return Fix{}, false
			}
		}
	}
	return Fix{Title: "Pass the pieces as separate arguments",
		Edits: []Edit{{Start: b.Start, End: b.End, NewText: strings.Join(pieces, ", ")}}}, true
}

// ---- buffer-tostring ----

func runBufferTostring(p *Pass) {
	// Both forms it reports, tostring(b) and b:tostring(), spell the name.
	if !mentionsBuffer(p) || !srcContains(p, "tostring") {
		return
	}
	t := flowTypes(p)
	m := p.Model()
	funcs := newFuncIndex(p.File)
	walkFile(p.File, func(n syntax.Node, c *walkCtx) bool {
		call, ok := n.(*syntax.Call)
		if !ok {
			return true
		}
		var buf syntax.Expr
		switch {
		case globalCall(m, call, "", "tostring") && len(call.Args) == 1:
			buf = call.Args[0]
		case len(call.Args) == 0 && methodName(call) == "tostring" && sbufMethod(t, call) != nil:
			buf = receiver(call)
		}
		if buf == nil || !isSBufExpr(t, buf) {
			return true
		}
		name := shortText(p, buf, "the buffer")
		// A sink that accepts the buffer makes the copy pure waste wherever it
		// stands, even in code that runs once (RULES.md: io.write, f:write, put).
		if sink, _, _ := argOf(c, call); sink != nil && callSink(p, t, sink) == sinkWrite {
			if info := sbufMethod(t, sink); info != nil {
				if k := bufferKey(m, buf, t.TypeOf(buf)); k != nil && k == bufferKey(m, receiver(sink), info.Recv) {
					return true // putting a buffer into itself is an error
				}
			}
			d := Diagnostic{Start: call.Start, End: call.End,
				Message: srcText(p, call) + " copies " + name + " into a new string, but " +
					shortText(p, sink.Fn, "the callee") + " accepts the buffer itself; pass " + name,
				Tags: []Tag{TagUnnecessary}}
			if _, i, _ := argOf(c, call); laterArgsRunNoCode(sink, i) {
				d.Fixes = []Fix{{Title: "Pass the buffer", Edits: []Edit{{Start: call.Start, End: call.End, NewText: srcText(p, buf)}}}}
			} else {
				d.Message += " (no quick fix: a later argument may change " + name + " before " +
					shortText(p, sink.Fn, "the callee") + " reads it)"
			}
			p.Report(d)
			return true
		}
		if !c.InLoop() {
			return true
		}
		loop := c.Loops[len(c.Loops)-1]
		sym := localSym(m, buf)
		if sym == nil || changedDuring(p, t, funcs, sym, loop, c.Fn) {
			return true
		}
		p.Reportf(call.Start, call.End, "%s runs on every iteration of this loop, but %s does not change inside it: "+
			"the same string is built each time; convert it once before the loop", srcText(p, call), name)
		return true
	})
}

// changedDuring reports whether the buffer named by sym may change while
// the loop runs: it is used inside the loop other than by reading it, or it
// is used other than by reading in another function (which the loop may
// call).
func changedDuring(p *Pass, t *semantic.Types, funcs funcIndex, sym *semantic.Symbol, loop syntax.Stmt, fn *syntax.Function) bool {
	ls, le := loop.Span()
	readOnly := readOnlyUses(p, t, sym)
	for _, r := range sym.Refs {
		inLoop := r.Name.Start >= ls && r.Name.End <= le
		if !inLoop && funcs.at(r.Name.Start) == fn {
			continue
		}
		if r.Write || !readOnly[r.Name] {
			return true
		}
	}
	return false
}

// readOnlyUses finds the uses of a buffer that only read it: the receiver of
// a reading method, the operand of '#' or of tostring, and a piece of '..'.
func readOnlyUses(p *Pass, t *semantic.Types, sym *semantic.Symbol) map[*syntax.Name]bool {
	m := p.Model()
	out := map[*syntax.Name]bool{}
	walkFile(p.File, func(n syntax.Node, c *walkCtx) bool {
		name, ok := n.(*syntax.Name)
		if !ok || m.Use(name) != sym {
			return true
		}
		switch parent := c.Parent().(type) {
		case *syntax.Member:
			if len(c.Stack) >= 2 {
				if call, ok := c.Stack[len(c.Stack)-2].(*syntax.Call); ok && call.Fn == parent && parent.Name != nil &&
					methodClass(parent.Name.Value) == methodRead && parent.Name.Value != "ref" {
					out[name] = true
				}
			}
		case *syntax.Unary:
			out[name] = parent.Op == syntax.OLen
		case *syntax.Binary:
			out[name] = parent.Op == syntax.OConcat
		case *syntax.Call:
			out[name] = globalCall(m, parent, "", "tostring")
		}
		return true
	})
	return out
}

// ---- buffer-put-buffer ----

func runBufferPutBuffer(p *Pass) {
	if !mentionsBuffer(p) {
		return
	}
	t := flowTypes(p)
	if !anyCall(t, func(c *semantic.Call) bool {
		info := sbufMethod(t, c.Node)
		return info != nil && info.Name == "put"
	}) {
		return
	}
	m := p.Model()
	walkFile(p.File, func(n syntax.Node, c *walkCtx) bool {
		call, ok := n.(*syntax.Call)
		if !ok || !c.InLoop() {
			return true
		}
		info := sbufMethod(t, call)
		if info == nil || info.Name != "put" {
			return true
		}
		dst := shortText(p, receiver(call), "the buffer")
		for _, a := range call.Args {
			if !isSBufExpr(t, a) {
				continue
			}
			if k := bufferKey(m, a, t.TypeOf(a)); k != nil && k == bufferKey(m, receiver(call), info.Recv) {
				continue // a buffer put into itself is an error, not a copy
			}
			start, end := a.Span()
			p.Reportf(start, end, "put(%s) copies buffer %s into %s on every iteration of this loop; "+
				"write the data into %s directly instead of building it in a separate buffer",
				shortText(p, a, "..."), shortText(p, a, "the argument"), dst, dst)
		}
		return true
	})
}

// ---- buffer-new-in-loop ----

// newOptions returns the options argument of a string.buffer.new call and
// whether it provably sets dict or metatable.
func newOptions(t *semantic.Types, c *syntax.Call) (syntax.Expr, bool) {
	var opts syntax.Expr
	if len(c.Args) >= 1 {
		a := c.Args[0]
		if _, ok := unparen(a).(*syntax.Table); ok || t.TypeOf(a).Kind == semantic.Table {
			opts = a
		} else if len(c.Args) >= 2 {
			opts = c.Args[1]
		}
	}
	if opts == nil {
		return nil, false
	}
	if tbl, ok := unparen(opts).(*syntax.Table); ok {
		for _, f := range tbl.Fields {
			if f.NameKey != nil && (f.NameKey.Value == "dict" || f.NameKey.Value == "metatable") {
				return opts, true
			}
		}
		return opts, false
	}
	if obj := t.TypeOf(opts).Table; obj != nil {
		_, d := obj.Fields["dict"]
		_, mt := obj.Fields["metatable"]
		return opts, d || mt
	}
	return opts, false
}

func runBufferNewInLoop(p *Pass) {
	if !callsSBuf(p, "new") {
		return
	}
	t := flowTypes(p)
	if !anyCall(t, func(c *semantic.Call) bool { _, ok := newOptions(t, c.Node); return ok && moduleCall(t, c.Node, "new") }) {
		return
	}
	m := p.Model()
	type candidate struct {
		call   *syntax.Call
		inLoop bool
		fn     *syntax.Function
		sym    *semantic.Symbol // the local the buffer is bound to, if any
	}
	var cands []candidate
	walkFile(p.File, func(n syntax.Node, c *walkCtx) bool {
		call, ok := n.(*syntax.Call)
		if !ok || !moduleCall(t, call, "new") {
			return true
		}
		if _, ok := newOptions(t, call); !ok {
			return true
		}
		if !c.InLoop() && c.Fn == nil {
			return true
		}
		cd := candidate{call: call, inLoop: c.InLoop(), fn: c.Fn}
		switch parent := c.Parent().(type) {
		case *syntax.Member:
			// A method called on the new buffer right away: it is used here.
		case *syntax.Local:
			for i, v := range parent.Values {
				if v == call && i < len(parent.Names) {
					cd.sym = m.Use(parent.Names[i])
				}
			}
			if cd.sym == nil {
				return true
			}
		default:
			return true // returned, stored or passed on: the buffer outlives this code
		}
		cands = append(cands, cd)
		return true
	})
	if len(cands) == 0 {
		return
	}
	escapes := escapingLocals(p, t)
	for _, cd := range cands {
		if cd.sym != nil && escapes[cd.sym] {
			continue
		}
		msg := srcText(p, cd.call.Fn) + " with serializer options runs on every iteration of this loop and prepares " +
			"the options each time; create the buffer once before the loop and reset() it"
		if !cd.inLoop {
			msg = srcText(p, cd.call.Fn) + " with serializer options runs on every call of this function and prepares " +
				"the options each time; create the buffer once outside the function and reset() it before each use"
		}
		p.Reportf(cd.call.Start, cd.call.End, "%s", msg)
	}
}

// escapingLocals finds the locals whose value may outlive the function:
// returned, stored in a table or a variable, captured by a closure, or
// passed to a function other than a buffer's put or io/file write. Reading
// uses (methods, '#', tostring, '..') keep a buffer local.
func escapingLocals(p *Pass, t *semantic.Types) map[*semantic.Symbol]bool {
	m := p.Model()
	out := map[*semantic.Symbol]bool{}
	walkFile(p.File, func(n syntax.Node, c *walkCtx) bool {
		name, ok := n.(*syntax.Name)
		if !ok {
			return true
		}
		sym := m.Use(name)
		if sym == nil || sym.Kind != semantic.Local || sym.Decl == name {
			return true
		}
		if c.Fn != nil && (sym.Decl.Start < c.Fn.Start || sym.Decl.End > c.Fn.End) {
			out[sym] = true // captured by a closure
			return true
		}
		switch parent := c.Parent().(type) {
		case *syntax.Member:
			if parent.X == name {
				return true
			}
		case *syntax.Unary, *syntax.Binary, *syntax.Index:
			return true
		case *syntax.Call:
			if parent.Fn == name || globalCall(m, parent, "", "tostring") || callSink(p, t, parent) == sinkWrite ||
				methodName(parent) == "put" {
				return true
			}
		case *syntax.Assign:
			for _, tg := range parent.Targets {
				if tg == name {
					return true
				}
			}
		}
		out[sym] = true
		return true
	})
	return out
}

// ---- codec-buffer-reuse ----

func runCodecBufferReuse(p *Pass) {
	if !mentionsBuffer(p) {
		return
	}
	t := flowTypes(p)
	m := p.Model()
	type seen struct {
		encode, other *syntax.Call
		reported      bool
	}
	byBuf := map[any]*seen{}
	var order []*semantic.Call
	order = append(order, t.Calls()...)
	sortCallsBySource(order)
	for _, info := range order {
		if !info.Recv.Kind.IsSBuf() || info.Name == "" || !info.Method {
			continue
		}
		isEncode := info.Name == "encode"
		if !isEncode && info.Name != "set" && info.Name != "decode" {
			continue
		}
		k := bufferKey(m, receiver(info.Node), info.Recv)
		if k == nil {
			continue
		}
		s := byBuf[k]
		if s == nil {
			s = &seen{}
			byBuf[k] = s
		}
		var first *syntax.Call
		if isEncode {
			if s.encode == nil {
				s.encode = info.Node
			}
			first = s.other
		} else {
			if s.other == nil {
				s.other = info.Node
			}
			first = s.encode
		}
		if first == nil || s.reported {
			continue
		}
		s.reported = true
		name := shortText(p, receiver(info.Node), "this buffer")
		p.Report(Diagnostic{Start: info.Node.Start, End: info.Node.End,
			Message: name + " is used here to " + info.Name + " and on line " + itoa(lineOf(p, first.Start)) + " to " +
				methodName(first) + "; set and decode free or consume the space the encoder writes into: use one buffer " +
				"for encoding and another for decoding",
			Related: []Related{{Start: first.Start, End: first.End, Message: "the other use of " + name}}})
	}
}

// sortCallsBySource orders calls by their position in the file.
func sortCallsBySource(cs []*semantic.Call) {
	for i := 1; i < len(cs); i++ {
		for j := i; j > 0 && cs[j].Node.Start < cs[j-1].Node.Start; j-- {
			cs[j], cs[j-1] = cs[j-1], cs[j]
		}
	}
}

// itoa formats a small non-negative integer.
func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// ---- codec-options-mutated ----

func runCodecOptionsMutated(p *Pass) {
	if !mentionsBuffer(p) {
		return
	}
	t := flowTypes(p)
	if !anyCall(t, func(c *semantic.Call) bool { return newWithOptions(t, c) }) {
		return
	}
	m := p.Model()
	// watched maps a table symbol to the new call it was given to; optsOf
	// maps an options local to that call (its dict/metatable fields may be
	// replaced or edited through it).
	watched := map[*semantic.Symbol]*syntax.Call{}
	optsOf := map[*semantic.Symbol]*syntax.Call{}
	walkFile(p.File, func(n syntax.Node, c *walkCtx) bool {
		call, ok := n.(*syntax.Call)
		if !ok || !moduleCall(t, call, "new") {
			return true
		}
		opts, _ := newOptions(t, call)
		if opts == nil {
			return true
		}
		tbl, ok := unparen(opts).(*syntax.Table)
		if !ok {
			sym := localSym(m, opts)
			if sym == nil {
				return true
			}
			optsOf[sym] = call
			tbl = declTable(sym)
		}
		if tbl == nil {
			return true
		}
		for _, f := range tbl.Fields {
			if f.NameKey == nil || (f.NameKey.Value != "dict" && f.NameKey.Value != "metatable") {
				continue
			}
			if sym := localSym(m, f.Value); sym != nil {
				watched[sym] = call
			}
		}
		return true
	})
	if len(watched) == 0 && len(optsOf) == 0 {
		return
	}
	walkFile(p.File, func(n syntax.Node, c *walkCtx) bool {
		name, ok := n.(*syntax.Name)
		if !ok {
			return true
		}
		sym := m.Use(name)
		if sym == nil {
			return true
		}
		if call := watched[sym]; call != nil && name.Start > call.End {
			if at, ok := tableMutation(m, c, name); ok {
				p.Report(Diagnostic{Start: at.Start, End: at.End,
					Message: name.Value + " was passed to " + srcText(p, call.Fn) + " as serializer options on line " +
						itoa(lineOf(p, call.Start)) + "; changing it now desynchronises encoder and decoder: " +
						"finish the table before creating the buffer",
					Related: []Related{{Start: call.Start, End: call.End, Message: "options prepared here"}}})
			}
		}
		if call := optsOf[sym]; call != nil && name.Start > call.End {
			if at, ok := optionsFieldMutation(m, c, name); ok {
				p.Report(Diagnostic{Start: at.Start, End: at.End,
					Message: name.Value + " was passed to " + srcText(p, call.Fn) + " on line " + itoa(lineOf(p, call.Start)) +
						"; changing its dict or metatable now desynchronises encoder and decoder: finish the options before " +
						"creating the buffer",
					Related: []Related{{Start: call.Start, End: call.End, Message: "options prepared here"}}})
			}
		}
		return true
	})
}

// declTable returns the table constructor a local was declared with, or nil.
func declTable(sym *semantic.Symbol) *syntax.Table {
	tbl, _ := unparen(declValue(sym)).(*syntax.Table)
	return tbl
}

// declValue returns the value a local statement gives the symbol ("local
// a, b = x, y" gives b the y), or nil: another kind of declaration, or no
// value in its place.
func declValue(sym *semantic.Symbol) syntax.Expr {
	loc, ok := sym.Node.(*syntax.Local)
	if !ok {
		return nil
	}
	for i, n := range loc.Names {
		if n == sym.Decl && i < len(loc.Values) {
			return loc.Values[i]
		}
	}
	return nil
}

// tableMutation reports whether the use name (with the walker at it)
// changes the table it names: the table of an assigned field (t[k] = v,
// t.x = v) or the first argument of table.insert, table.remove, table.sort
// or rawset. It returns the node to report.
func tableMutation(m *semantic.Model, c *walkCtx, name *syntax.Name) (syntax.Range, bool) {
	switch parent := c.Parent().(type) {
	case *syntax.Index, *syntax.Member:
		if len(c.Stack) < 2 || !isObjectOf(parent, name) {
			return syntax.Range{}, false
		}
		if a, ok := c.Stack[len(c.Stack)-2].(*syntax.Assign); ok {
			for _, tg := range a.Targets {
				if tg == parent {
					s, e := a.Span()
					return syntax.Range{Start: s, End: e}, true
				}
			}
		}
	case *syntax.Call:
		if len(parent.Args) > 0 && parent.Args[0] == name {
			for _, fn := range []string{"insert", "remove", "sort"} {
				if globalCall(m, parent, "table", fn) {
					return parent.Range, true
				}
			}
			if globalCall(m, parent, "", "rawset") {
				return parent.Range, true
			}
		}
	}
	return syntax.Range{}, false
}

// optionsFieldMutation reports opts.dict = x, opts.metatable = x and
// opts.dict[k] = v (and the same through table.insert and friends).
func optionsFieldMutation(m *semantic.Model, c *walkCtx, name *syntax.Name) (syntax.Range, bool) {
	mem, ok := c.Parent().(*syntax.Member)
	if !ok || mem.X != name || mem.Colon || mem.Name == nil || (mem.Name.Value != "dict" && mem.Name.Value != "metatable") {
		return syntax.Range{}, false
	}
	if len(c.Stack) < 2 {
		return syntax.Range{}, false
	}
	switch gp := c.Stack[len(c.Stack)-2].(type) {
	case *syntax.Assign:
		for _, tg := range gp.Targets {
			if tg == mem {
				return gp.Range, true
			}
		}
	case *syntax.Index, *syntax.Member:
		if len(c.Stack) >= 3 {
			if a, ok := c.Stack[len(c.Stack)-3].(*syntax.Assign); ok {
				for _, tg := range a.Targets {
					if tg == gp {
						return a.Range, true
					}
				}
			}
		}
	case *syntax.Call:
		if len(gp.Args) > 0 && gp.Args[0] == mem {
			for _, fn := range []string{"insert", "remove", "sort"} {
				if globalCall(m, gp, "table", fn) {
					return gp.Range, true
				}
			}
		}
	}
	return syntax.Range{}, false
}

// isObjectOf reports whether name is the table X of X[k] or X.k.
func isObjectOf(n syntax.Node, name *syntax.Name) bool {
	switch n := n.(type) {
	case *syntax.Index:
		return n.X == name
	case *syntax.Member:
		return n.X == name && !n.Colon
	}
	return false
}
