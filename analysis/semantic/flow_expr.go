package semantic

import (
	"math"
	"strconv"
	"strings"

	"github.com/buflsp/buflsp/analysis/api"
	"github.com/buflsp/buflsp/analysis/syntax"
)

// This file infers the types of expressions, including the calls of the
// buffer APIs and their effects on buffer generations.

// expr evaluates e in the current state, records its type and returns it.
func (in *inferrer) expr(e syntax.Expr) Type {
	if c, ok := e.(*syntax.Call); ok {
		ts := in.exprMulti(c, 1)
		if len(ts) == 0 {
			return typeOfKind(Nil)
		}
		return ts[0]
	}
	// Not a call: one value, computed without the slice exprMulti returns
	// (a Type is large and most expressions are not calls).
	return in.one(e)
}

// exprList evaluates a list of values adjusted to want results, as a local
// statement or an assignment does: the last expression supplies the rest.
func (in *inferrer) exprList(list []syntax.Expr, want int) []Type {
	out := make([]Type, 0, max(want, len(list)))
	for i, e := range list {
		if _, call := e.(*syntax.Call); call && i == len(list)-1 {
			out = append(out, in.exprMulti(e, max(want-i, 1))...)
		} else {
			// One value: no slice of one Type per expression (expr).
			out = append(out, in.expr(e))
		}
	}
	last := typeOfKind(Nil)
	if n := len(list); n > 0 && isMulti(list[n-1]) {
		last = unknownType // a call or '...' may return more or fewer values
	}
	for len(out) < want {
		out = append(out, last)
	}
	return out
}

func isMulti(e syntax.Expr) bool {
	switch e.(type) {
	case *syntax.Call, *syntax.Vararg:
		return true
	}
	return false
}

// exprMulti evaluates e and returns its values (one for non-calls; for calls
// as many as are known, padded with Unknown up to want).
func (in *inferrer) exprMulti(e syntax.Expr, want int) []Type {
	if c, ok := e.(*syntax.Call); ok {
		ts := in.call(c)
		if len(ts) > 0 {
			in.record(e, ts[0])
		}
		for len(ts) < want {
			ts = append(ts, unknownType)
		}
		return ts
	}
	return []Type{in.one(e)}
}

// one evaluates an expression that is not a call and records its type.
func (in *inferrer) one(e syntax.Expr) Type {
	in.stop.check()
	t := in.single(e)
	switch e.(type) {
	case *syntax.Number, *syntax.String, *syntax.Nil, *syntax.True, *syntax.False:
		// TypeOf reads literals directly; recording them would only cost memory.
	default:
		in.record(e, t)
	}
	return t
}

func (in *inferrer) single(e syntax.Expr) Type {
	switch e := e.(type) {
	case nil:
		return unknownType
	case *syntax.Name:
		return in.readVar(e)
	case *syntax.Nil, *syntax.True, *syntax.False, *syntax.Number, *syntax.String:
		return literalType(e)
	case *syntax.Interp:
		for _, x := range e.Exprs {
			in.expr(x)
		}
		return typeOfKind(String)
	case *syntax.Vararg:
		return unknownType
	case *syntax.Function:
		info := in.funcInfo(e)
		in.function(e, nil)
		return Type{Kind: Function, Size: -1, Func: info}
	case *syntax.Table:
		return in.table(e)
	case *syntax.Binary:
		return in.binaryExpr(e)
	case *syntax.Unary:
		x := in.expr(e.X)
		switch e.Op {
		case syntax.KNot:
			return typeOfKind(Boolean)
		case syntax.OLen:
			if x.Kind == String && x.Const {
				return numberConst(float64(len(x.Str)))
			}
			return typeOfKind(Number)
		case syntax.OSub:
			if x.Kind == Number && x.Const {
				return numberConst(-x.Num)
			}
			return typeOfKind(Number)
		case syntax.OTilde:
			return typeOfKind(Number)
		}
		return unknownType
	case *syntax.Paren:
		return in.expr(e.X)
	case *syntax.Member:
		_, t := in.member(e, false)
		return t
	case *syntax.Index:
		_, t := in.index(e)
		return t
	case *syntax.Cast:
		x := in.expr(e.X)
		if t := in.luauType(e.Type); t.Known() && t.Kind != x.Kind {
			return t
		}
		return x
	case *syntax.IfExpr:
		for _, c := range e.Conds {
			in.expr(c)
		}
		var out Type
		for i, x := range e.Thens {
			t := in.expr(x)
			if i == 0 {
				out = t
			} else {
				out = merge(out, t)
			}
		}
		return merge(out, in.expr(e.Else))
	}
	return unknownType
}

// maxDispatch bounds the tables a call with a run-time key passes its
// arguments to: each such call costs one merge per function, so a table
// of thousands of functions called from thousands of places stays linear.
const maxDispatch = 64

// index evaluates X[key]: the field of a table built in this file when
// the key is a constant.
func (in *inferrer) index(e *syntax.Index) (x, t Type) {
	x = in.expr(e.X)
	k := in.expr(e.Key)
	if x.Table != nil {
		if key, ok := constKey(k); ok {
			if f, ok := x.Table.Fields[key]; ok {
				return x, widen(f)
			}
		}
	}
	return x, unknownType
}

// readVar reads a name. Locals of the current function come from the state;
// upvalues from their declared type when no other assignment exists; the
// global buffer is the Luau library unless the target is plain LuaJIT.
func (in *inferrer) readVar(n *syntax.Name) Type {
	sym := in.m.Use(n)
	if sym == nil {
		return unknownType
	}
	if in.volatile[sym] {
		// A nested function may change it at any call: only what every
		// assignment in the file gives is known.
		if f := in.forwardType(sym); f.Known() {
			return f
		}
		return in.readFact(in.upvalFact(sym))
	}
	t, ok := in.st.vars[sym]
	if !ok {
		switch {
		case sym.Kind == Global:
			t = in.globalType(sym)
		case in.written[sym] && !in.typed[sym]:
			if sym.Captured && funcScope(sym.Scope) != funcScope(in.m.ScopeAt(n.Start)) {
				// An upvalue assigned somewhere in the file.
				if f := in.forwardType(sym); f.Known() {
					return f
				}
				return in.readFact(in.upvalFact(sym))
			}
			return unknownType
		default:
			d, ok := in.t.decl.get(sym)
			if !ok {
				return unknownType
			}
			t = d
		}
	}
	if (t.Kind == Pointer || t.Kind == View) && t.Of != nil {
		if g := in.st.gens[t.Of]; g.gen > t.Gen {
			t.Stale, t.StaleBy = true, g.by
		}
	}
	if t.Buf != nil && t.Kind.IsBuffer() {
		t.Gen = in.gen(t.Buf)
	}
	return t
}

// readFact gives a value read from a fact the current generation of its
// buffer.
func (in *inferrer) readFact(t Type) Type {
	if t.Buf != nil && t.Kind.IsBuffer() {
		t.Gen = in.gen(t.Buf)
	}
	return t
}

// globalType is the type of a global name not assigned in this function.
func (in *inferrer) globalType(sym *Symbol) Type {
	if in.written[sym] {
		return unknownType
	}
	switch sym.Name {
	case "print", "type", "tostring", "tonumber", "pairs", "ipairs", "next", "select", "error", "assert",
		"pcall", "xpcall", "require", "setmetatable", "getmetatable", "rawget", "rawset", "rawequal",
		"rawlen", "unpack", "load", "loadstring", "dofile", "collectgarbage":
		return typeOfKind(Function)
	case "buffer":
	default:
		return unknownType
	}
	if !in.t.Target.HasLuauBuffer() {
		// Stock LuaJIT and PUC Lua have no global buffer; a file that uses
		// one must have it from elsewhere, so nothing is assumed.
		return unknownType
	}
	return typeOfKind(LuauLib)
}

// table builds the object of a table constructor.
func (in *inferrer) table(e *syntax.Table) Type {
	obj, ok := in.tables[e]
	if !ok {
		obj = &TableObj{Node: e, Fields: map[string]Type{}}
		in.tables[e] = obj
	}
	pos := 0
	for _, f := range e.Fields {
		var key string
		known := true
		switch {
		case f.NameKey != nil:
			key = f.NameKey.Value
		case f.Key != nil:
			key, known = constKey(in.expr(f.Key))
		default:
			pos++
			key = strconv.Itoa(pos)
		}
		if fn, ok := f.Value.(*syntax.Function); ok {
			// A function written in the constructor: a method of the
			// object it builds (see classField).
			in.literalOf[fn] = obj
		}
		v := in.expr(f.Value)
		if known {
			obj.Fields[key] = widenReturn(v)
		} else {
			obj.Dynamic = true
		}
	}
	return Type{Kind: Table, Size: -1, Table: obj}
}

// constKey turns a constant key into the string used in TableObj.Fields.
func constKey(t Type) (string, bool) {
	if !t.Const {
		return "", false
	}
	if t.Kind == String {
		return t.Str, true
	}
	if i, ok := t.Int(); ok {
		return strconv.FormatInt(i, 10), true
	}
	return "", false
}

func (in *inferrer) binaryExpr(e *syntax.Binary) Type {
	l := in.expr(e.L)
	r := in.expr(e.R)
	return in.binary(e.Op, l, r)
}

// binary is the type of l op r (also used for Luau's compound assignment,
// whose Op is the arithmetic operator).
func (in *inferrer) binary(op syntax.Kind, l, r Type) Type {
	switch op {
	case syntax.KAnd:
		if truthy(l.Kind) || l.Kind == Boolean && isLibrary(r.Kind) {
			// ok and mod: false or the library (see merge).
			return r
		}
		if l.Kind == Nil {
			return l
		}
		return merge(l, r)
	case syntax.KOr:
		if truthy(l.Kind) {
			return l
		}
		if l.Kind == Nil {
			return r
		}
		return merge(l, r)
	case syntax.OEq, syntax.ONe, syntax.OLt, syntax.OLe, syntax.OGt, syntax.OGe:
		return typeOfKind(Boolean)
	case syntax.OConcat, syntax.OConcatAssign:
		if l.Kind == String && r.Kind == String && l.Const && r.Const {
			return stringConst(l.Str + r.Str)
		}
		return typeOfKind(String)
	case syntax.OAdd, syntax.OSub, syntax.OMul, syntax.ODiv, syntax.OMod, syntax.OPow, syntax.OIDiv,
		syntax.OBAnd, syntax.OBOr, syntax.OTilde, syntax.OShl, syntax.OShr,
		syntax.OAddAssign, syntax.OSubAssign, syntax.OMulAssign, syntax.ODivAssign, syntax.OModAssign,
		syntax.OPowAssign, syntax.OIDivAssign:
		if l.Kind == Number && r.Kind == Number && l.Const && r.Const {
			if v, ok := arith(op, l.Num, r.Num); ok {
				return numberConst(v)
			}
		}
		if (l.Kind == Number || l.Kind == String) && (r.Kind == Number || r.Kind == String) {
			return typeOfKind(Number)
		}
		return unknownType // a metamethod may return anything
	}
	return unknownType
}

// truthy reports whether every value of the kind is true in a condition.
func truthy(k Kind) bool {
	return k != Unknown && k != Nil && k != Boolean
}

func arith(op syntax.Kind, a, b float64) (float64, bool) {
	switch op {
	case syntax.OAdd, syntax.OAddAssign:
		return a + b, true
	case syntax.OSub, syntax.OSubAssign:
		return a - b, true
	case syntax.OMul, syntax.OMulAssign:
		return a * b, true
	case syntax.ODiv, syntax.ODivAssign:
		return a / b, true
	case syntax.OMod, syntax.OModAssign:
		if b == 0 {
			return 0, false
		}
		return a - math.Floor(a/b)*b, true
	case syntax.OIDiv, syntax.OIDivAssign:
		return math.Floor(a / b), true
	case syntax.OPow, syntax.OPowAssign:
		return math.Pow(a, b), true
	}
	return 0, false
}

// member evaluates X.name or X:name. On API kinds it resolves the entry and
// records the access; on tables with known fields it reads the field.
func (in *inferrer) member(e *syntax.Member, called bool) (recv, t Type) {
	x := in.expr(e.X)
	name := ""
	if e.Name != nil {
		name = e.Name.Value
	}
	switch x.Kind {
	case SBufModule, SBuf, View, LuauLib, LBuf:
		f, ext := in.resolve(x.Kind, name)
		if in.recording && in.final && name != "" {
			mu := in.t.memIdx[e]
			if mu == nil {
				mu = &MemberUse{Node: e}
				in.t.memIdx[e] = mu
				in.t.members = append(in.t.members, mu)
			}
			mu.Recv, mu.Func, mu.ExtensionOnly, mu.Called = x, f, ext, called
		}
		if f != nil {
			t := Type{Kind: APIFunc, Size: -1, API: f}
			if x.Kind.IsSBuf() {
				t.Of = x.Buf
			}
			return x, t
		}
		return x, unknownType
	case Table:
		if x.Table != nil {
			if f, ok := x.Table.Fields[name]; ok {
				return x, widen(f)
			}
		}
	}
	if name != "" && in.selfLike(e.X) {
		return x, in.readFact(in.fieldFact(name))
	}
	return x, unknownType
}

// resolve finds the API entry name of a receiver kind, honouring the target
// for extensions.
func (in *inferrer) resolve(k Kind, name string) (f, extOnly *api.Func) {
	owner := Owner(k)
	if owner == 0 || name == "" {
		return nil, nil
	}
	f, ok := in.t.API.Lookup(owner, name)
	if !ok {
		return nil, nil
	}
	if f.Extension && in.t.Target != syntax.TargetBuflsp {
		return nil, f
	}
	return f, nil
}

// call evaluates a call and returns its results.
func (in *inferrer) call(c *syntax.Call) []Type {
	var recv, callee Type
	var dispatch *TableObj
	name := ""
	method := false
	isMember := false
	if m, ok := c.Fn.(*syntax.Member); ok {
		isMember = true
		recv, callee = in.member(m, true)
		if m.Name != nil {
			name = m.Name.Value
		}
		method = m.Colon
		in.record(m, callee)
	} else if ix, ok := c.Fn.(*syntax.Index); ok {
		var x Type
		x, callee = in.index(ix)
		in.record(ix, callee)
		if !callee.Known() && x.Table != nil && !x.Table.Dynamic && len(x.Table.Fields) <= maxDispatch {
			// A dispatch table called with a key known only at run time
			// (serializers[n](buf, ...)): the call may reach any of its
			// functions.
			dispatch = x.Table
		}
	} else {
		callee = in.expr(c.Fn)
	}
	if callee.Kind == Unknown && method {
		// self:name(...) calls the method defined once in the file.
		if fn := in.methods[name]; fn != nil && in.selfLike(c.Fn.(*syntax.Member).X) {
			callee = Type{Kind: Function, Size: -1, Func: in.funcInfo(fn)}
		}
	}
	args := make([]Type, len(c.Args))
	passed := 0
	for i, a := range c.Args {
		args[i] = in.expr(a)
		if args[i].Kind == Function && args[i].Func != nil && args[i].Func.Node != nil {
			passed++
		}
	}
	if passed > 0 && in.col != nil {
		for i, a := range args {
			if a.Kind == Function && a.Func != nil && a.Func.Node != nil {
				in.passFunction(a.Func.Node, callee, recv, args, i, method)
			}
		}
	}
	open := len(c.Args) > 0 && isMulti(c.Args[len(c.Args)-1])
	if in.col != nil {
		if slot, ok := in.paramSlotOf(c.Fn); ok {
			// A parameter called: a callback (see resolveCallbacks).
			in.col.paramCalls = append(in.col.paramCalls, paramCall{slot: slot, args: args, exprs: c.Args})
			in.col.calleeNames[c.Fn.(*syntax.Name)] = true
		}
	}
	in.callFacts(c, recv, callee, method, args)
	if dispatch != nil && in.col != nil {
		for _, f := range dispatch.Fields {
			if f.Kind == Function && f.Func != nil && f.Func.Node != nil {
				in.addCallFacts(f.Func.Node, recv, args, c.Args, false)
			}
		}
	}

	// Calls of the buffer APIs.
	apiRecv := isMember && Owner(recv.Kind) != 0 || isMember && recv.Kind == LBuf
	if apiRecv || callee.Kind == APIFunc {
		// A call is kept only by the recorded round; the others describe
		// it in one scratch record (apiResults reads it and evaluates
		// nothing that could reach here again before it returns).
		ci := &in.scratchCall
		if in.recording && in.final {
			ci = &Call{}
		}
		*ci = Call{Node: c, Recv: recv, Callee: callee, Name: name, Method: method, Args: args, OpenArgs: open}
		if !apiRecv {
			ci.Recv = unknownType
		}
		if callee.Kind == APIFunc {
			ci.Func = callee.API
		}
		if apiRecv {
			if mu := in.t.memIdx[c.Fn.(*syntax.Member)]; mu != nil {
				ci.ExtensionOnly = mu.ExtensionOnly
			}
		}
		if in.recording && in.final {
			// A call evaluated again (a loop body runs more than once)
			// replaces its record in place: callPos finds it without a
			// scan of every call so far, which made loops full of API
			// calls quadratic.
			if i, seen := in.callPos[c]; seen {
				in.t.calls[i] = ci
			} else {
				in.callPos[c] = len(in.t.calls)
				in.t.calls = append(in.t.calls, ci)
			}
			in.t.callIdx[c] = ci
		}
		if ci.Func != nil {
			return in.apiResults(ci)
		}
		return nil
	}

	// Known local functions and a few globals.
	if callee.Kind == Function && callee.Func != nil && callee.Func.done {
		out := make([]Type, len(callee.Func.Returns))
		for i, t := range callee.Func.Returns {
			out[i] = t
			if t.Buf != nil {
				out[i].Gen = in.gen(t.Buf)
			}
		}
		return out
	}
	return in.builtinCall(c, args)
}

// builtinCall types calls of a few standard globals.
func (in *inferrer) builtinCall(c *syntax.Call, args []Type) []Type {
	path := in.globalPath(c.Fn)
	switch path {
	case "require":
		// PUC Lua has no string.buffer: a module found under that name
		// is someone else's, so nothing is assumed about it.
		if len(args) > 0 && args[0].Kind == String && args[0].Const {
			if args[0].Str == "string.buffer" {
				if !in.t.Target.PUC() {
					return []Type{typeOfKind(SBufModule)}
				}
				break
			}
			return []Type{in.importType(args[0].Str)}
		}
	case "pcall":
		// local ok, buffer = pcall(require, "string.buffer")
		if len(args) > 1 && in.globalPath(c.Args[0]) == "require" && args[1].Kind == String && args[1].Const && args[1].Str == "string.buffer" && !in.t.Target.PUC() {
			return []Type{typeOfKind(Boolean), typeOfKind(SBufModule)}
		}
	case "tostring", "type", "string.format", "string.rep", "string.char", "string.sub", "string.upper",
		"string.lower", "table.concat", "string.reverse":
		return []Type{typeOfKind(String)}
	case "math.floor", "math.ceil", "math.abs", "math.max", "math.min", "math.sqrt", "select", "string.len",
		"bit.band", "bit.bor", "bit.bxor", "bit.lshift", "bit.rshift", "bit32.band", "bit32.bor",
		"bit32.lshift", "bit32.rshift", "bit32.extract":
		if path == "select" && (len(args) == 0 || args[0].Kind != String) {
			break
		}
		return []Type{typeOfKind(Number)}
	case "coroutine.create", "coroutine.running":
		return []Type{typeOfKind(Thread)}
	case "coroutine.wrap":
		return []Type{typeOfKind(Function)}
	case "newproxy":
		return []Type{typeOfKind(Userdata)}
	case "setmetatable":
		if len(args) > 0 {
			if obj := args[0].Table; obj != nil && obj.Node != nil {
				// setmetatable({buf = buffer.new()}, mt): the object's fields.
				for k, v := range obj.Fields {
					in.setField(k, v)
				}
			}
			return []Type{args[0]}
		}
	}
	return nil
}

// globalPath returns "name" or "lib.name" when e is a global name or a
// field of one, or a local that copies one and is never assigned again
// (local require = require, local setmetatable = setmetatable, local fmt
// = string.format, as OpenResty code writes); "" otherwise.
func (in *inferrer) globalPath(e syntax.Expr) string {
	switch e := e.(type) {
	case *syntax.Name:
		s := in.m.Use(e)
		if s == nil {
			return ""
		}
		if s.Kind == Global && !in.written[s] {
			return e.Value
		}
		if s.Kind == Local && !in.written[s] {
			return in.localCopy(s)
		}
	case *syntax.Member:
		if e.Name == nil || e.Colon {
			return ""
		}
		if p := in.globalPath(e.X); p != "" && !strings.Contains(p, ".") {
			return p + "." + e.Name.Value
		}
	}
	return ""
}

// localCopy is the global path a never-assigned local is declared with
// (see globalPath), computed once per local.
func (in *inferrer) localCopy(s *Symbol) string {
	if p, ok := in.copies[s]; ok {
		return p
	}
	if in.copies == nil {
		in.copies = map[*Symbol]string{}
	}
	// The value names an earlier declaration or a global, so the chain
	// ends; the entry written first also stops a malformed tree.
	in.copies[s] = ""
	p := ""
	switch v := declValue(s).(type) {
	case *syntax.Name, *syntax.Member:
		p = in.globalPath(v)
	}
	in.copies[s] = p
	return p
}

// NonMutating reports whether the string.buffer method leaves the buffer as
// it is; every other method (including future ones) counts as a change.
func NonMutating(method string) bool {
	switch method {
	case "tostring", "ref", "slice", "clone", "find", "rfind", "split", "capacity":
		return true
	}
	return false
}

// apiResults applies the effects of an API call and returns its results.
func (in *inferrer) apiResults(ci *Call) []Type {
	f := ci.Func
	recv := ci.Recv
	if f.Owner == api.Method && ci.Callee.Of != nil && !recv.Kind.IsSBuf() {
		recv = Type{Kind: SBuf, Size: -1, Buf: ci.Callee.Of}
	}
	switch f.Owner {
	case api.Module:
		switch f.Name {
		case "new":
			b := in.newBuffer(ci.Node, SBuf, nil)
			return in.result(Type{Kind: SBuf, Size: -1, Buf: b, Gen: in.gen(b)})
		case "encode":
			return in.result(typeOfKind(String))
		}
		return in.result(unknownType)
	case api.Method:
		if !NonMutating(f.Name) {
			in.change(recv.Buf, ci.Node)
		}
		if f.Chains {
			r := recv
			r.Stale, r.StaleBy = false, nil
			r.Gen = in.gen(r.Buf)
			return in.result(r)
		}
		switch f.Name {
		case "slice":
			b := in.newBuffer(ci.Node, View, recv.Buf)
			return in.result(Type{Kind: View, Size: -1, Buf: b, Of: recv.Buf, Gen: in.gen(recv.Buf)})
		case "clone":
			b := in.newBuffer(ci.Node, SBuf, nil)
			return in.result(Type{Kind: SBuf, Size: -1, Buf: b})
		case "get":
			n := max(len(ci.Args), 1)
			out := make([]Type, n)
			for i := range out {
				out[i] = typeOfKind(String)
			}
			return out
		}
		return in.resultsOf(f, recv)
	case api.Luau:
		switch f.Name {
		case "create":
			size := -1
			if len(ci.Args) > 0 {
				if v, ok := ci.Args[0].Int(); ok && v >= 0 && v <= 1<<30 {
					size = int(v)
				}
			}
			b := in.newBuffer(ci.Node, LBuf, nil)
			return in.result(Type{Kind: LBuf, Size: size, Buf: b})
		case "fromstring":
			size := -1
			if len(ci.Args) > 0 && ci.Args[0].Kind == String && ci.Args[0].Const {
				size = len(ci.Args[0].Str)
			}
			b := in.newBuffer(ci.Node, LBuf, nil)
			return in.result(Type{Kind: LBuf, Size: size, Buf: b})
		case "len":
			if len(ci.Args) > 0 && ci.Args[0].Kind == LBuf && ci.Args[0].Size >= 0 {
				return in.result(numberConst(float64(ci.Args[0].Size)))
			}
		case "copy", "fill", "writestring", "writebits":
			if len(ci.Args) > 0 {
				in.change(ci.Args[0].Buf, ci.Node)
			}
		default:
			if f.Access != nil && f.Access.Write && len(ci.Args) > 0 {
				in.change(ci.Args[0].Buf, ci.Node)
			}
		}
		return in.resultsOf(f, recv)
	}
	return nil
}

// result returns t as the one result of an API call, in a slice that
// lives until the next API call: exprMulti's callers copy the results out
// at once, so one array serves every call.
func (in *inferrer) result(t Type) []Type {
	in.result1[0] = t
	return in.result1[:1:1]
}

// resultsOf maps the declared results of f to types.
func (in *inferrer) resultsOf(f *api.Func, recv Type) []Type {
	out := make([]Type, len(f.Results))
	for i, r := range f.Results {
		switch {
		case r.Type == api.TString:
			out[i] = typeOfKind(String)
		case r.Type == api.TInteger || r.Type == api.TNumber:
			out[i] = typeOfKind(Number)
		case r.Type == api.TTable:
			out[i] = typeOfKind(Table)
		case r.Type == api.TPointer:
			out[i] = Type{Kind: Pointer, Size: -1, Of: recv.Buf, Gen: in.gen(recv.Buf)}
		case r.Type == api.TLBuf:
			out[i] = typeOfKind(LBuf)
		default:
			out[i] = unknownType
		}
	}
	return out
}

// luauType reads a Luau type annotation: buffer and the other plain types,
// a table type (its named fields, so that w.buf of a parameter
// "w: { buf: buffer }" is a buffer), and the file's own type aliases.
func (in *inferrer) luauType(t syntax.TypeExpr) Type {
	return in.luauTypeDepth(t, 0)
}

// maxAliasDepth bounds how far luauType follows aliases and nested table
// types, so recursive aliases (type Node = { next: Node? }) end.
const maxAliasDepth = 4

func (in *inferrer) luauTypeDepth(t syntax.TypeExpr, depth int) Type {
	if depth > maxAliasDepth {
		return unknownType
	}
	switch t := t.(type) {
	case *syntax.TypeRef:
		if t.Prefix != nil || t.Name == nil {
			break
		}
		if tt := annotationType(t.Name.Value); tt.Kind != Unknown {
			return tt
		}
		if alias := in.alias(t.Name.Value); alias != nil {
			return in.luauTypeDepth(alias, depth+1)
		}
	case *syntax.TypeOptional:
		return in.luauTypeDepth(t.X, depth)
	case *syntax.TypePack:
		if len(t.Types) == 1 && !t.Variadic {
			return in.luauTypeDepth(t.Types[0], depth)
		}
	case *syntax.TypeTable:
		obj := &TableObj{Fields: make(map[string]Type, len(t.Props))}
		for _, p := range t.Props {
			if p.Name != nil && p.Value != nil {
				if ft := in.luauTypeDepth(p.Value, depth+1); ft.Kind != Unknown {
					obj.Fields[p.Name.Value] = ft
				}
			}
		}
		tt := typeOfKind(Table)
		tt.Table = obj
		return tt
	}
	return unknownType
}

// alias returns the type a Luau type alias of the file names (the first
// one declared with that name), or nil.
func (in *inferrer) alias(name string) syntax.TypeExpr {
	if in.aliases == nil {
		in.aliases = map[string]syntax.TypeExpr{}
		syntax.Inspect(in.m.File.Chunk, func(n syntax.Node) bool {
			switch n := n.(type) {
			case *syntax.TypeAlias:
				if n.Name != nil && n.Type != nil {
					if _, seen := in.aliases[n.Name.Value]; !seen {
						in.aliases[n.Name.Value] = n.Type
					}
				}
				return false
			case syntax.TypeExpr:
				return false
			}
			return true
		})
	}
	return in.aliases[name]
}

// annotationType reads a LuaCATS type: string.buffer is a string.buffer
// object and buffer a Luau buffer; "?" and "|nil" are ignored. Other types
// are Unknown except the plain Lua ones.
func annotationType(s string) Type {
	s = strings.TrimSpace(s)
	s = strings.TrimSuffix(s, "?")
	s = strings.TrimSuffix(s, "|nil")
	s = strings.TrimPrefix(s, "nil|")
	switch s {
	case "string.buffer":
		return typeOfKind(SBuf)
	case "buffer":
		return typeOfKind(LBuf)
	case "number", "integer":
		return typeOfKind(Number)
	case "string":
		return typeOfKind(String)
	case "boolean":
		return typeOfKind(Boolean)
	case "table":
		return typeOfKind(Table)
	case "function":
		return typeOfKind(Function)
	}
	return unknownType
}
