package semantic

import (
	"strings"

	"github.com/buflsp/buflsp/analysis/syntax"
)

// This file carries values where real code keeps them: in parameters (the
// kinds of the arguments at the call sites), fields of self-like objects
// (self.buf set in a constructor, read in methods), captured locals
// (upvalues assigned anywhere in the file), tables filled after the
// functions that read them, and across files: a module's exports go to
// every file that requires it, and the kinds a file passes to another
// module's functions go back to that module's parameters.
//
// Inside a file the inference runs in two rounds: the first collects the
// facts (argument kinds per function, field and upvalue kinds), the second
// reads them and is the one recorded. Across files, a Summary of each file
// is joined by the driver (analysis/workspace.go) into Facts for every
// file. Both are bounded, so the cost stays linear whatever the shape of
// the code: two rounds per file, one join, and no recursion through the
// require graph (cycles cost nothing).

// ModuleFacts is what a module exports, as seen by the files requiring it.
type ModuleFacts struct {
	// Value is the kind of the module value itself when it is not a table
	// of exports (return require("string.buffer"), return buffer.new()).
	Value Fact
	// Fields are the exported table's fields with a known kind.
	Fields map[string]Fact
	// Instance holds the buffer-kind fields of the module's objects, by
	// name: what its constructors and methods assign to self.x (or to a
	// setmetatable object). A method of the class written in a file that
	// requires the module (function M:write() ... self.buf ... end) reads
	// them through self.
	Instance map[string]Kind
}

// Fact is the kind of one exported value: for a function, the kinds it
// returns.
type Fact struct {
	Kind    Kind
	Returns []Kind
	// Shape holds, for a function whose first result is a table built in
	// its file (a constructor's object: {buf = buffer.new()},
	// setmetatable({}, mt) filled through self.buf = ...), that table's
	// fields of a buffer kind, so that o.buf of o = mod.new() is a buffer
	// in the files requiring mod.
	Shape map[string]Kind
}

// Summary is what one file's inference tells the rest of the workspace.
// It holds no syntax nodes, so the file's tree can be dropped.
type Summary struct {
	// Exports is the module's exports, nil when the file returns no table
	// and no value of a known kind.
	Exports *ModuleFacts
	// Calls are the calls of other modules' exported functions, with the
	// kinds of their arguments (Unknown where not known).
	Calls []OutCall
}

// OutCall is a call of a function exported by another module.
type OutCall struct {
	Module string // as written in require
	Field  string
	Args   []Kind
}

// Facts is what the workspace tells one file's inference.
type Facts struct {
	// Import returns the exports of a module named in require, or nil.
	// It must be safe for concurrent use.
	Import func(module string) *ModuleFacts
	// Params holds, per exported function of this file, the argument kinds
	// its callers in other files pass (merged over every call site).
	Params map[string][]Kind
}

// Summary returns what the file exports to the workspace (see Summary);
// never nil.
func (t *Types) Summary() *Summary {
	if t.summary == nil {
		return &Summary{}
	}
	return t.summary
}

// collected is what one round of the inference learns for the next.
type collected struct {
	// params are the merged argument types per function literal, from
	// every call whose callee is known; escaped functions are also passed
	// as values, so their callers are not all known.
	params  map[*syntax.Function][]Type
	escaped map[*syntax.Function]bool
	// fields are the types assigned to fields of self-like objects, by
	// field name (self.buf = ..., obj.buf = ... in a constructor,
	// setmetatable({buf = ...}, mt)).
	fields map[string]Type
	// fieldOwners holds, per field name, the classes (the C of function
	// C:m) whose functions assign it; fieldLoose marks fields also assigned
	// outside such functions. A method of a class that never assigns the
	// field, while only other classes do, does not take their kind.
	fieldOwners map[string]map[*Symbol]bool
	fieldLoose  map[string]bool
	// upvals are the types assigned to captured locals anywhere.
	upvals map[*Symbol]Type
	// exports maps the functions of the module's returned table to their
	// field names.
	exports map[*syntax.Function]string
	// links join parameter slots passed to each other (a recursive
	// serializer passing its buffer down, f(out) calling g(out)): such an
	// argument brings the other slot's kinds, not Unknown (see resolve).
	links [][2]paramSlot
	// Callbacks (see resolveCallbacks): fnArgs holds the functions of the
	// file passed to each parameter slot of a known function, paramCalls
	// the calls whose callee is a parameter, calleeNames the names those
	// calls are made through.
	fnArgs      map[paramSlot][]fnPass
	paramCalls  []paramCall
	calleeNames map[*syntax.Name]bool
}

// fnPass is a function passed to a parameter at one call site, with the
// types of that call's arguments, by parameter position (the receiver
// first for a ':' call).
type fnPass struct {
	fn   *syntax.Function
	args []Type
}

// paramCall is a call of a parameter: cb(field, value, arg).
type paramCall struct {
	slot  paramSlot
	args  []Type
	exprs []syntax.Expr
}

// paramSlot is parameter i of a function literal.
type paramSlot struct {
	fn *syntax.Function
	i  int
}

func newCollected() *collected {
	return &collected{params: map[*syntax.Function][]Type{}, escaped: map[*syntax.Function]bool{},
		fields: map[string]Type{}, upvals: map[*Symbol]Type{}, exports: map[*syntax.Function]string{},
		fieldOwners: map[string]map[*Symbol]bool{}, fieldLoose: map[string]bool{},
		fnArgs: map[paramSlot][]fnPass{}, calleeNames: map[*syntax.Name]bool{}}
}

// passFunction records the function passed as argument i of a call.
// Passed to a function of the file, it is that parameter's value at this
// call (a callback, see resolveCallbacks); passed anywhere else, its
// callers are not all known (escaped).
func (in *inferrer) passFunction(fn *syntax.Function, callee, recv Type, args []Type, i int, method bool) {
	if callee.Kind == Function && callee.Func != nil && callee.Func.Node != nil && callee.Func.module == "" {
		if method {
			args = append([]Type{recv}, args...)
			i++
		}
		if i < len(callee.Func.Node.Params) {
			slot := paramSlot{callee.Func.Node, i}
			in.col.fnArgs[slot] = append(in.col.fnArgs[slot], fnPass{fn, args})
			return
		}
	}
	in.col.escaped[fn] = true
}

// resolveCallbacks gives the functions passed to a parameter the argument
// kinds of the calls made through that parameter: visit(fields, cb, buf)
// calling cb(field, buf) reaches the parameters of each function passed
// as cb. An argument of such a call that is a parameter of the visiting
// function (buf) takes the kind the same outer call passed it, so that
// visit(fields, to_buffer, b) and visit(fields, to_table, t) give each
// callback its own kind (and none when that call does not know it). It holds only where the parameter is never
// assigned and only called (not stored or passed on); otherwise the
// functions passed to it escape. One merge per call through a parameter
// and function passed to it (at most maxDispatch per parameter), so the
// cost stays linear in what the file writes.
func (c *collected) resolveCallbacks(in *inferrer) {
	if len(c.fnArgs) == 0 {
		return
	}
	usable := map[paramSlot]bool{}
	for slot, passes := range c.fnArgs {
		ok := false
		if sym := in.m.Use(slot.fn.Params[slot.i]); sym != nil && !in.written[sym] && !in.volatile[sym] && len(sym.Refs) > 0 {
			ok = true
			for _, r := range sym.Refs {
				if !c.calleeNames[r.Name] {
					ok = false
					break
				}
			}
		}
		if ok && len(passes) <= maxDispatch {
			usable[slot] = true
			continue
		}
		for _, p := range passes {
			c.escaped[p.fn] = true
		}
	}
	for _, pc := range c.paramCalls {
		if !usable[pc.slot] {
			continue
		}
		for _, p := range c.fnArgs[pc.slot] {
			args := append([]Type(nil), pc.args...)
			exprs := append([]syntax.Expr(nil), pc.exprs...)
			for k, e := range pc.exprs {
				from, ok := in.paramSlotOf(e)
				if !ok || from.fn != pc.slot.fn || from.i >= len(p.args) || k >= len(args) {
					continue
				}
				// This call's own argument, not a link to the slot that
				// every call of the visitor shares (whose kinds come from
				// the other calls); unknown when this call does not know.
				args[k], exprs[k] = p.args[from.i], nil
			}
			in.addCallFacts(p.fn, unknownType, args, exprs, false)
		}
	}
}

// resolveLinks merges the kinds of linked parameter slots: each group of
// slots joined by links (taken both ways, which can only lose precision)
// gets the merge of what its members receive. A slot whose function has
// no call of its own in the file (only passes its parameter on, called
// from elsewhere) gets nothing: its callers are not known, and the kinds
// other callers pass to the function it calls say nothing about them.
// Union-find keeps it linear however the functions call each other.
func (c *collected) resolveLinks() {
	if len(c.links) == 0 {
		return
	}
	parent := map[paramSlot]paramSlot{}
	find := func(s paramSlot) paramSlot {
		for {
			p, ok := parent[s]
			if !ok || p == s {
				return s
			}
			if gp, ok := parent[p]; ok {
				parent[s] = gp // path halving
			}
			s = p
		}
	}
	var slots []paramSlot
	for _, l := range c.links {
		slots = append(slots, l[0], l[1])
		a, b := find(l[0]), find(l[1])
		if a != b {
			parent[a] = b
		}
	}
	type acc struct {
		t  Type
		ok bool
	}
	groups := map[paramSlot]acc{}
	slot := func(s paramSlot) (Type, bool) {
		ps, ok := c.params[s.fn]
		if !ok || s.i >= len(ps) {
			return Type{}, false
		}
		return ps[s.i], true
	}
	for _, s := range slots {
		r := find(s)
		if t, ok := slot(s); ok {
			g := groups[r]
			groups[r] = acc{mergeFact(g.t, g.ok, t), true}
		}
	}
	for _, s := range slots {
		g := groups[find(s)]
		if !g.ok {
			continue
		}
		if ps, ok := c.params[s.fn]; ok && s.i < len(ps) {
			ps[s.i] = g.t
		}
	}
}

// paramSlotOf returns the parameter slot a name refers to, if it is an
// explicit parameter of a function literal.
func (in *inferrer) paramSlotOf(e syntax.Expr) (paramSlot, bool) {
	n, ok := e.(*syntax.Name)
	if !ok {
		return paramSlot{}, false
	}
	sym := in.m.Use(n)
	if sym == nil || sym.Kind != Param || in.volatile[sym] || in.written[sym] {
		return paramSlot{}, false
	}
	fn, ok := sym.Node.(*syntax.Function)
	if !ok {
		return paramSlot{}, false
	}
	for i, p := range fn.Params {
		if p == sym.Decl {
			return paramSlot{fn, i}, true
		}
	}
	return paramSlot{}, false
}

// mergeFact joins what two assignments or call sites give one variable.
// nil takes nothing away (an optional argument, a lazily created buffer):
// a use reached with nil raises anyway.
func mergeFact(old Type, ok bool, t Type) Type {
	t = widen(t)
	switch {
	case !ok || old.Kind == Nil:
		return t
	case t.Kind == Nil:
		return old
	}
	return merge(old, t)
}

// interesting reports whether a kind is worth carrying between functions
// and files: the buffer kinds and the libraries.
func interesting(k Kind) bool {
	switch k {
	case SBufModule, SBuf, View, LuauLib, LBuf:
		return true
	}
	return false
}

// addCallFacts records the argument types of a call of a known function.
// The parameters of a function defined with ':' include self, so the
// arguments map onto them one to one, except that a ':' call passes its
// receiver first (method), whether the function was defined with ':' or
// with '.'.
func (in *inferrer) addCallFacts(fn *syntax.Function, recv Type, args []Type, exprs []syntax.Expr, method bool) {
	if fn == nil || in.col == nil {
		return
	}
	if method {
		args = append([]Type{recv}, args...)
		exprs = append([]syntax.Expr{nil}, exprs...)
	}
	for i := range min(len(args), len(exprs), len(fn.Params)) {
		if args[i].Known() || exprs[i] == nil {
			continue
		}
		// A parameter passed on: link the two slots instead of merging
		// Unknown (resolveLinks).
		if from, ok := in.paramSlotOf(exprs[i]); ok {
			in.col.links = append(in.col.links, [2]paramSlot{from, {fn, i}})
			args = append([]Type(nil), args...)
			args[i] = typeOfKind(Nil) // takes nothing away here
		}
	}
	old, ok := in.col.params[fn]
	out := make([]Type, len(fn.Params))
	for i := range out {
		a := typeOfKind(Nil)
		if i < len(args) {
			a = args[i]
		}
		var o Type
		if ok {
			o = old[i]
		}
		out[i] = mergeFact(o, ok, a)
	}
	in.col.params[fn] = out
}

// paramFact is what the previous round learnt about parameter i of fn.
func (in *inferrer) paramFact(fn *syntax.Function, i int) Type {
	if in.prev == nil || in.prev.escaped[fn] {
		return unknownType
	}
	if ps, ok := in.prev.params[fn]; ok && i < len(ps) && interesting(ps[i].Kind) {
		return ps[i]
	}
	return unknownType
}

// selfLike reports whether the name is an object whose fields are tracked
// by name: self, or a local made by setmetatable (a constructor's object).
func (in *inferrer) selfLike(e syntax.Expr) bool {
	n, ok := e.(*syntax.Name)
	if !ok {
		return false
	}
	sym := in.m.Use(n)
	if sym == nil || sym.Kind == Global {
		return false
	}
	if sym.Name == "self" {
		return true
	}
	c, ok := declValue(sym).(*syntax.Call)
	return ok && in.globalPath(c.Fn) == "setmetatable"
}

// declValue is the expression a local statement gives the local sym, or
// nil: none written for it (local a; local a, b = 1), or sym is no such
// local. A local past the values of a statement ending in a call or
// "..." (local a, b = f()) gets one of its results: multiValue.
func declValue(sym *Symbol) syntax.Expr {
	l, ok := sym.Node.(*syntax.Local)
	if !ok {
		return nil
	}
	for i, d := range l.Names {
		if d != sym.Decl {
			continue
		}
		if i < len(l.Values) {
			return l.Values[i]
		}
		if n := len(l.Values); n > 0 && isMulti(l.Values[n-1]) {
			return multiValue{}
		}
	}
	return nil
}

// multiValue stands for one result of a call or "..." that a local
// statement gives a local (see declValue).
type multiValue struct{ syntax.Expr }

// setField records an assignment to a field of a self-like object.
func (in *inferrer) setField(name string, t Type) {
	if in.col == nil || name == "" {
		return
	}
	old, ok := in.col.fields[name]
	in.col.fields[name] = mergeFact(old, ok, t)
	if class := in.currentClass(); class != nil {
		owners := in.col.fieldOwners[name]
		if owners == nil {
			owners = map[*Symbol]bool{}
			in.col.fieldOwners[name] = owners
		}
		owners[class] = true
	} else {
		in.col.fieldLoose[name] = true
	}
}

// currentClass is the class C of the function being walked when it is
// defined as C:m or C.m with C a local, else nil.
func (in *inferrer) currentClass() *Symbol {
	if in.fn == nil || in.fn.info == nil || in.fn.info.Node == nil {
		return nil
	}
	class := in.classOf[in.fn.info.Node]
	if class == nil {
		return nil
	}
	if sym := in.m.Use(class); sym != nil && sym.Kind != Global {
		return sym
	}
	return nil
}

// fieldFact is the type of obj.name for a self-like obj, as the previous
// round collected it. Each function sees one buffer per field name, so
// that the aliasing rules follow self.buf through one method.
func (in *inferrer) fieldFact(name string) Type {
	if in.prev == nil {
		return unknownType
	}
	t, ok := in.prev.fields[name]
	if !ok || !interesting(t.Kind) {
		return in.classField(name)
	}
	if class := in.currentClass(); class != nil && !in.prev.fieldLoose[name] && !in.prev.fieldOwners[name][class] {
		return in.classField(name)
	}
	return in.factIdentity(t, fieldKey{fn: in.fn.info, name: name})
}

// classField is self.name inside a method of C (function C:m or C.m) when
// no object of the file is given that field: C's own field, which objects
// with C as their __index see (_M.codec = buffer.new(opts) read as
// self.codec); inside a function written in a table constructor, the
// constructor's field.
func (in *inferrer) classField(name string) Type {
	if in.fn.info.Node == nil {
		return unknownType
	}
	if obj := in.literalOf[in.fn.info.Node]; obj != nil {
		// { buf = buffer.new(), write = function(self, s) self.buf:put(s)
		// end }: the object the function was written in.
		if f, ok := obj.Fields[name]; ok && interesting(f.Kind) {
			return widen(f)
		}
		return unknownType
	}
	class := in.classOf[in.fn.info.Node]
	if class == nil {
		return unknownType
	}
	sym := in.m.Use(class)
	if sym == nil || sym.Kind == Global {
		return unknownType
	}
	c, ok := in.t.decl.get(sym)
	if !ok || c.Table == nil {
		return unknownType
	}
	if f, ok := c.Table.Fields[name]; ok && interesting(f.Kind) {
		return widen(f)
	}
	// C = require("mod"): a method added in this file to a class of
	// another module sees the fields that module gives its objects.
	if c.Module != "" {
		if k, ok := in.instances[c.Module][name]; ok && interesting(k) {
			return in.factIdentity(typeOfKind(k), fieldKey{fn: in.fn.info, name: name})
		}
	}
	return unknownType
}

// fieldKey names the buffer a field holds inside one function.
type fieldKey struct {
	fn   *FuncInfo
	sym  *Symbol
	name string
}

// factIdentity gives a buffer value read from a fact an identity: its own
// when every assignment made the same buffer, else one per key.
func (in *inferrer) factIdentity(t Type, key fieldKey) Type {
	if !t.Kind.IsBuffer() || t.Buf != nil {
		return t
	}
	b, ok := in.factBufs[key]
	if !ok {
		in.ids++
		b = &Buffer{ID: in.ids, Kind: t.Kind}
		in.factBufs[key] = b
	}
	t.Buf = b
	return t
}

// setUpval records an assignment to a captured local.
func (in *inferrer) setUpval(sym *Symbol, t Type) {
	if in.col == nil || sym == nil || !sym.Captured || sym.Kind == Global {
		return
	}
	old, ok := in.col.upvals[sym]
	in.col.upvals[sym] = mergeFact(old, ok, t)
}

// upvalFact is the type of a captured local read where the flow does not
// reach: in a nested function, or after a nested function may have
// changed it.
func (in *inferrer) upvalFact(sym *Symbol) Type {
	if in.prev == nil {
		return unknownType
	}
	t, ok := in.prev.upvals[sym]
	if !ok || !interesting(t.Kind) {
		return unknownType
	}
	return in.factIdentity(t, fieldKey{sym: sym})
}

// importType is the value require(name) gives: tagged with the module's
// name, and typed from its exports when the workspace knows them. The type
// is built once per module and file.
func (in *inferrer) importType(name string) Type {
	if t, ok := in.imports[name]; ok {
		return t
	}
	t := unknownType
	var mf *ModuleFacts
	if in.facts != nil && in.facts.Import != nil {
		mf = in.facts.Import(name)
	}
	switch {
	case mf == nil:
	case mf.Value.Kind != Unknown:
		t = in.factType(mf.Value, name, "")
	case mf.Fields == nil:
		// Only its objects' fields are known (see classField).
		t = typeOfKind(Table)
		t.Table = &TableObj{Fields: map[string]Type{}}
	default:
		obj := &TableObj{Fields: make(map[string]Type, len(mf.Fields))}
		for k, f := range mf.Fields {
			obj.Fields[k] = in.factType(f, name, k)
		}
		t = Type{Kind: Table, Size: -1, Table: obj}
	}
	t.Module = name
	in.imports[name] = t
	if mf != nil && len(mf.Instance) > 0 {
		if in.instances == nil {
			in.instances = map[string]map[string]Kind{}
		}
		in.instances[name] = mf.Instance
	}
	return t
}

// factType turns an exported fact into a type of this file.
func (in *inferrer) factType(f Fact, module, field string) Type {
	t := typeOfKind(f.Kind)
	if f.Kind == Function {
		info := &FuncInfo{done: true, module: module, field: field}
		for i, k := range f.Returns {
			rt := typeOfKind(k)
			if i == 0 && k == Table && len(f.Shape) > 0 {
				obj := &TableObj{Fields: make(map[string]Type, len(f.Shape))}
				for name, fk := range f.Shape {
					obj.Fields[name] = typeOfKind(fk)
				}
				rt.Table = obj
			}
			info.Returns = append(info.Returns, rt)
		}
		t.Func = info
	}
	return t
}

// addOutCall records a call of another module's function for its summary:
// one entry per function, the kinds merged over the calls (see MergeKinds).
// The arguments are positional, self first for a ':' call.
func (in *inferrer) addOutCall(info *FuncInfo, args []Type) {
	if !in.recording || in.sum == nil {
		return
	}
	kinds := make([]Kind, len(args))
	for i, a := range args {
		kinds[i] = a.Kind
	}
	key := [2]string{info.module, info.field}
	if in.outIdx == nil {
		in.outIdx = map[[2]string]int{}
	}
	if i, ok := in.outIdx[key]; ok {
		in.sum.Calls[i].Args = MergeKinds(in.sum.Calls[i].Args, kinds)
		return
	}
	in.outIdx[key] = len(in.sum.Calls)
	// The names share the source's bytes; the summary outlives the
	// source, so it keeps copies.
	in.sum.Calls = append(in.sum.Calls, OutCall{Module: strings.Clone(info.module), Field: strings.Clone(info.field), Args: kinds})
}

// MergeKinds joins the argument kinds of two calls of one function: a
// missing or nil argument takes nothing away, different kinds give Unknown.
func MergeKinds(a, b []Kind) []Kind {
	n := max(len(a), len(b))
	out := make([]Kind, n)
	for i := range out {
		x, y := Nil, Nil
		if i < len(a) {
			x = a[i]
		}
		if i < len(b) {
			y = b[i]
		}
		switch {
		case x == Nil:
			out[i] = y
		case y == Nil || x == y:
			out[i] = x
		default:
			out[i] = Unknown
		}
	}
	return out
}

// exportFacts turns what the chunk returns into the module's exports.
func (in *inferrer) exportFacts(rets []Type) *ModuleFacts {
	if len(rets) == 0 {
		return nil
	}
	r := rets[0]
	// Only what carries a buffer kind is exported: other files need
	// nothing else, and a module without such exports costs its requirers
	// nothing.
	fact := func(t Type) (Fact, bool) {
		if interesting(t.Kind) {
			return Fact{Kind: t.Kind}, true
		}
		if t.Kind == Function && t.Func != nil && t.Func.Node != nil {
			f := Fact{Kind: Function}
			found := false
			for _, rt := range t.Func.Returns {
				f.Returns = append(f.Returns, rt.Kind)
				found = found || interesting(rt.Kind)
			}
			if len(t.Func.Returns) > 0 {
				f.Shape = shapeOf(t.Func.Returns[0])
				found = found || f.Shape != nil
			}
			return f, found
		}
		return Fact{}, false
	}
	instance := in.instanceFacts()
	if r.Kind == Table && r.Table != nil {
		mf := &ModuleFacts{Fields: map[string]Fact{}, Instance: instance}
		for k, v := range r.Table.Fields {
			if f, ok := fact(v); ok {
				mf.Fields[strings.Clone(k)] = f
			}
		}
		if len(mf.Fields) == 0 {
			mf.Fields = nil
			if mf.Instance == nil {
				return nil
			}
		}
		return mf
	}
	if f, ok := fact(r); ok {
		return &ModuleFacts{Value: f}
	}
	return nil
}

// shapeOf lists the buffer-kind fields of a table built in this file, or
// nil.
func shapeOf(t Type) map[string]Kind {
	if t.Kind != Table || t.Table == nil {
		return nil
	}
	return bufferFields(t.Table.Fields)
}

// instanceFacts lists the buffer-kind fields of the file's objects (see
// ModuleFacts.Instance), or nil.
func (in *inferrer) instanceFacts() map[string]Kind {
	if in.prev == nil {
		return nil
	}
	return bufferFields(in.prev.fields)
}

// bufferFields keeps the fields of a buffer kind (or a library), with
// names copied out of the source the summary outlives; nil when none is.
func bufferFields(fields map[string]Type) map[string]Kind {
	var out map[string]Kind
	for k, v := range fields {
		if interesting(v.Kind) {
			if out == nil {
				out = map[string]Kind{}
			}
			out[strings.Clone(k)] = v.Kind
		}
	}
	return out
}

// findExports maps the functions of the returned table to their names, for
// the parameter kinds other files pass them.
func (in *inferrer) findExports(rets []Type) {
	if len(rets) == 0 || rets[0].Table == nil || in.col == nil {
		return
	}
	for k, v := range rets[0].Table.Fields {
		if v.Kind == Function && v.Func != nil && v.Func.Node != nil {
			in.col.exports[v.Func.Node] = k
		}
	}
}

// applyExternalParams merges the argument kinds other files pass to this
// module's exported functions into the facts of the next round.
func (in *inferrer) applyExternalParams() {
	if in.facts == nil || len(in.facts.Params) == 0 || in.prev == nil {
		return
	}
	for fn, name := range in.prev.exports {
		kinds, ok := in.facts.Params[name]
		if !ok {
			continue
		}
		args := make([]Type, len(kinds))
		for i, k := range kinds {
			args[i] = typeOfKind(k)
		}
		// The kinds are positional with self first for a ':' call, as
		// the parameters of a function defined with ':' are.
		saved := in.col
		in.col = in.prev
		in.addCallFacts(fn, unknownType, args, nil, false)
		in.col = saved
	}
}

// callFacts records a call for the facts: the argument kinds of a known
// function of this file (self:name(...) included, see call) or of another
// module's function.
func (in *inferrer) callFacts(c *syntax.Call, recv, callee Type, method bool, args []Type) {
	if callee.Kind == Function && callee.Func != nil {
		info := callee.Func
		if info.module != "" {
			if method {
				args = append([]Type{recv}, args...)
			}
			in.addOutCall(info, args)
			return
		}
		if info.Node != nil {
			in.addCallFacts(info.Node, recv, args, c.Args, method)
		}
		return
	}
	// mod.f(...) of a required module the workspace knows nothing about
	// (yet): the call still reaches the module's parameters.
	if m, ok := c.Fn.(*syntax.Member); ok && recv.Module != "" && m.Name != nil && callee.Kind != Function {
		if method {
			args = append([]Type{recv}, args...)
		}
		in.addOutCall(&FuncInfo{module: recv.Module, field: m.Name.Value}, args)
		return
	}
}
