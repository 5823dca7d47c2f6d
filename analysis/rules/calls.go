package rules

// This file holds the API type-checking family of RULES.md: calls of the
// string.buffer module and objects and of Luau's buffer library checked
// against the signature table (package api), using the kinds, constants and
// sizes that the type layer (semantic.Types) inferred. Every check stays
// silent unless the value's kind is known, so code without buffers, or
// whose values cannot be followed, produces nothing.
//
// The Luau-specific checks (bounds, one-based loops, value ranges) are in
// calls_luau.go, the serializer checks in calls_codec.go.

import (
	"fmt"
	"strings"

	"github.com/buflsp/buflsp/analysis/api"
	"github.com/buflsp/buflsp/analysis/semantic"
	"github.com/buflsp/buflsp/analysis/syntax"
)

// src returns the source text of a node.
func src(p *Pass, n syntax.Node) string {
	s, e := n.Span()
	if s < 0 || e > len(p.File.Src) || s > e {
		return ""
	}
	return string(p.File.Src[s:e])
}

// assignedMembers lists the names assigned as fields anywhere in the file
// (buffer.helper = ...): such a name is the program's own addition to a
// library table and is not an unknown member.
func assignedMembers(p *Pass) map[string]bool {
	out := map[string]bool{}
	syntax.Inspect(p.File.Chunk, func(n syntax.Node) bool {
		switch s := n.(type) {
		case syntax.TypeExpr:
			return false // see isTypeAnnotation
		case *syntax.Assign:
			for _, t := range s.Targets {
				if m, ok := t.(*syntax.Member); ok && m.Name != nil {
					out[m.Name.Value] = true
				}
			}
		case *syntax.FunctionStmt:
			if m, ok := s.Name.(*syntax.Member); ok && m.Name != nil {
				out[m.Name.Value] = true
			}
		}
		return true
	})
	return out
}

// runUnknownMember reports X.name and X:name where X is a buffer module,
// object or library that has no such member in the file's target.
func runUnknownMember(p *Pass) {
	ts := p.Types()
	var own map[string]bool
	for _, mu := range ts.Members() {
		if mu.Func != nil || mu.Node.Name == nil || mu.Node.Name.Value == "" {
			continue
		}
		kind := mu.Recv.Kind
		owner := semantic.Owner(kind)
		if owner == 0 {
			continue // Luau buffers have no members at all: kind-mismatch says so
		}
		if own == nil {
			own = assignedMembers(p)
		}
		name := mu.Node.Name.Value
		if own[name] {
			continue
		}
		start, end := mu.Node.Name.Span()
		if ext := mu.ExtensionOnly; ext != nil {
			p.Reportf(start, end, "%s is a buflsp extension: it exists only when the target is buflsp, and this file's target is %s",
				ext.Qualified(), p.Target)
			continue
		}
		what := receiverName(kind)
		msg := fmt.Sprintf("%s has no member %q", what, name)
		if hint := otherOwnerHint(p, owner, name); hint != "" {
			msg += "; " + hint
		} else if near := p.API.Nearest(owner, name, p.Target == syntax.TargetBuflsp); near != "" {
			msg += fmt.Sprintf("; did you mean %q?", near)
		}
		p.Reportf(start, end, "%s", msg)
	}
}

// receiverName describes a receiver kind for messages.
func receiverName(k semantic.Kind) string {
	switch k {
	case semantic.SBufModule:
		return "the string.buffer module"
	case semantic.SBuf, semantic.View:
		return "a string.buffer object"
	case semantic.LuauLib:
		return "Luau's buffer library"
	case semantic.LBuf:
		return "a Luau buffer"
	}
	return k.String()
}

// otherOwnerHint explains a name that belongs to another namespace: new on
// Luau's library, readu8 on a string.buffer object, put on the module.
func otherOwnerHint(p *Pass, owner api.Owner, name string) string {
	switch owner {
	case api.Luau:
		if name == "new" {
			return "Luau creates buffers with buffer.create(size) (new is string.buffer's)"
		}
		if f, ok := p.API.Lookup(api.Module, name); ok {
			return fmt.Sprintf("%s belongs to LuaJIT's string.buffer module", f.Qualified())
		}
		if f, ok := p.API.Lookup(api.Method, name); ok && !f.Extension {
			return fmt.Sprintf("%s is a method of string.buffer objects", f.Qualified())
		}
	case api.Method:
		if f, ok := p.API.Lookup(api.Luau, name); ok {
			return fmt.Sprintf("%s is a function of Luau's buffer library, which works on Luau buffers", f.Qualified())
		}
		if _, ok := p.API.Lookup(api.Module, name); ok {
			return fmt.Sprintf("%s is a function of the module (string.buffer.%s)", name, name)
		}
	case api.Module:
		if f, ok := p.API.Lookup(api.Method, name); ok && (!f.Extension || p.Target == syntax.TargetBuflsp) {
			return fmt.Sprintf("%s is a method of buffer objects: create one with new() and call buf:%s(...)", name, name)
		}
		if f, ok := p.API.Lookup(api.Luau, name); ok {
			return fmt.Sprintf("%s belongs to Luau's buffer library", f.Qualified())
		}
	}
	return ""
}

// checkedCall reports whether the call's arguments line up with the
// signature: the entry is known, it is called directly on its receiver and
// with the right '.' or ':' (method-call-with-dot reports the others).
func checkedCall(c *semantic.Call) bool {
	if c.Func == nil || c.Name == "" {
		return false
	}
	if c.Func.Owner == api.Method {
		return c.Method && c.Recv.Kind.IsSBuf()
	}
	return !c.Method
}

// runWrongArgCount reports calls with too few or too many arguments.
func runWrongArgCount(p *Pass) {
	for _, c := range p.Types().Calls() {
		if !checkedCall(c) {
			continue
		}
		f := c.Func
		n := len(c.Args)
		lo, hi := f.MinArgs(), f.MaxArgs()
		switch {
		case !c.OpenArgs && n < lo:
			p.Reportf(argsStart(c), c.Node.End, "%s expects %s (%s), got %d", f.Qualified(), countText(lo, hi), paramList(f), n)
		case hi >= 0 && n > hi && (!c.OpenArgs || n-1 > hi):
			extra := c.Node.Args[hi]
			s, _ := extra.Span()
			_, e := c.Node.Args[n-1].Span()
			p.Reportf(s, e, "%s expects %s (%s), got %d: the extra ones are ignored", f.Qualified(), countText(lo, hi), paramList(f), n)
		}
	}
}

func argsStart(c *semantic.Call) int {
	if c.Node.LParen >= c.Node.Start {
		return c.Node.LParen
	}
	return c.Node.Start
}

func countText(lo, hi int) string {
	plural := func(n int) string {
		if n == 1 {
			return "1 argument"
		}
		return fmt.Sprintf("%d arguments", n)
	}
	switch {
	case hi < 0:
		return "at least " + plural(lo)
	case lo == hi:
		return plural(lo)
	case lo == 0:
		return "at most " + plural(hi)
	}
	return fmt.Sprintf("%d to %d arguments", lo, hi)
}

func paramList(f *api.Func) string {
	var parts []string
	for _, p := range f.Params {
		if p.Optional {
			parts = append(parts, p.Name+"?")
		} else {
			parts = append(parts, p.Name)
		}
	}
	if f.Variadic != nil {
		parts = append(parts, f.Variadic.Name+"...")
	}
	if len(parts) == 0 {
		return "no arguments"
	}
	return strings.Join(parts, ", ")
}

// paramAt returns the parameter the i-th argument binds to, or nil.
func paramAt(f *api.Func, i int) *api.Param {
	if i < len(f.Params) {
		return &f.Params[i]
	}
	return f.Variadic
}

// isKindConfusion reports whether passing a value of type got where want
// is expected confuses the two buffer kinds.
func isKindConfusion(want, got api.Type) bool {
	return got == api.TSBuf && want&api.TLBuf != 0 && want&api.TSBuf == 0 ||
		got == api.TLBuf && want&api.TSBuf != 0 && want&api.TLBuf == 0
}

// argMismatch returns, for argument i, the parameter and the argument's
// api type when the argument provably cannot match.
func argMismatch(c *semantic.Call, i int) (*api.Param, api.Type, bool) {
	prm := paramAt(c.Func, i)
	if prm == nil {
		return nil, 0, false
	}
	t := c.Args[i]
	got := t.APIType()
	if got == 0 || prm.Type.Accepts(got) || (prm.Optional && got == api.TNil) {
		return nil, 0, false
	}
	return prm, got, true
}

// runWrongArgType reports arguments whose inferred type the parameter
// cannot accept (the buffer-kind confusions are kind-mismatch).
func runWrongArgType(p *Pass) {
	for _, c := range p.Types().Calls() {
		if !checkedCall(c) {
			continue
		}
		for i := range c.Args {
			prm, got, bad := argMismatch(c, i)
			if !bad || isKindConfusion(prm.Type, got) {
				continue
			}
			if c.Func.Name == "get" && got == api.TNil {
				continue
			}
			s, e := c.Node.Args[i].Span()
			msg := fmt.Sprintf("argument %d of %s (%s) must be %s, got %s", i+1, c.Func.Qualified(), prm.Name, typeWords(prm.Type), describe(c.Args[i]))
			if c.Func.Owner == api.Luau {
				// luau-analyze reports the same mismatch as a type error;
				// say what happens when the line runs.
				if want, gotName, ok := luauTypeNames(prm.Type, got); ok {
					msg += fmt.Sprintf("; at run time it raises \"invalid argument #%d to '%s' (%s expected, got %s)\"", i+1, c.Func.Name, want, gotName)
				}
			}
			p.Report(Diagnostic{Start: s, End: e, Message: msg})
		}
	}
}

// luauTypeNames names a parameter's and an argument's types the way Luau's
// argument errors do ("number expected, got string").
func luauTypeNames(want, got api.Type) (string, string, bool) {
	name := func(t api.Type) string {
		switch {
		case t&api.TInt64 != 0:
			return "integer"
		case t&(api.TNumber|api.TInteger) != 0:
			return "number"
		case t&api.TString != 0:
			return "string"
		case t&api.TLBuf != 0:
			return "buffer"
		case t&api.TBoolean != 0:
			return "boolean"
		case t&api.TTable != 0:
			return "table"
		case t&api.TFunction != 0:
			return "function"
		case t&api.TNil != 0:
			return "nil"
		case t&api.TSBuf != 0:
			return "userdata"
		}
		return ""
	}
	w, g := name(want), name(got)
	return w, g, w != "" && g != ""
}

// typeWords renders an api.Type for messages ("an integer", "a string or a number").
func typeWords(t api.Type) string {
	names := []struct {
		bit  api.Type
		text string
	}{
		{api.TInteger, "an integer"}, {api.TNumber, "a number"}, {api.TString, "a string"},
		{api.TTable, "a table"}, {api.TSBuf, "a string.buffer object"}, {api.TLBuf, "a Luau buffer"},
		{api.TPointer, "a pointer"}, {api.TCdata, "cdata"}, {api.TBoolean, "a boolean"},
		{api.TFunction, "a function"}, {api.TNil, "nil"}, {api.TInt64, "a Luau integer value"},
	}
	var parts []string
	for _, n := range names {
		if t&n.bit != 0 {
			if n.bit == api.TNumber && t&api.TInteger != 0 {
				continue
			}
			parts = append(parts, n.text)
		}
	}
	if len(parts) == 0 {
		return t.String()
	}
	if len(parts) == 1 {
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " or " + parts[len(parts)-1]
}

// describe names an inferred value for messages.
func describe(t semantic.Type) string {
	switch t.Kind {
	case semantic.Number, semantic.String:
		if t.Const {
			return "the " + t.String()
		}
		return "a " + t.Kind.String()
	case semantic.Nil:
		return "nil"
	case semantic.SBuf, semantic.View:
		return "a string.buffer object"
	case semantic.LBuf:
		return "a Luau buffer"
	case semantic.SBufModule:
		return "the string.buffer module"
	case semantic.LuauLib:
		return "Luau's buffer library"
	case semantic.APIFunc:
		return "a function"
	}
	return "a " + t.Kind.String()
}

// runKindMismatch reports a string.buffer object passed where a Luau buffer
// is expected and the reverse, and methods called on Luau buffers.
func runKindMismatch(p *Pass) {
	ts := p.Types()
	for _, c := range ts.Calls() {
		if !checkedCall(c) {
			continue
		}
		for i := range c.Args {
			prm, got, bad := argMismatch(c, i)
			if !bad || !isKindConfusion(prm.Type, got) {
				continue
			}
			s, e := c.Node.Args[i].Span()
			p.Reportf(s, e, "argument %d of %s (%s) must be %s, got %s: the two buffer kinds have different APIs",
				i+1, c.Func.Qualified(), prm.Name, typeWords(prm.Type), describe(c.Args[i]))
		}
	}
	for _, mu := range ts.Members() {
		if mu.Recv.Kind != semantic.LBuf || mu.Node.Name == nil || mu.Node.Name.Value == "" {
			continue
		}
		name := mu.Node.Name.Value
		s, e := mu.Node.Name.Span()
		recv := src(p, mu.Node.X)
		if f, ok := p.API.Lookup(api.Luau, name); ok {
			p.Reportf(s, e, "a Luau buffer has no methods; call %s(%s, ...) instead", f.Qualified(), recv)
		} else if _, ok := p.API.Lookup(api.Method, name); ok {
			p.Reportf(s, e, "%s is a string.buffer method, but %s is a Luau buffer: use the functions of Luau's buffer library", name, recv)
		} else {
			p.Reportf(s, e, "a Luau buffer has no members; %q is not a function of Luau's buffer library either", name)
		}
	}
}

// sameValue reports whether two expressions denote the same value: the
// same text, or the same known buffer.
func sameValue(p *Pass, ts *semantic.Types, a, b syntax.Expr) bool {
	if a == nil || b == nil {
		return false
	}
	if src(p, a) == src(p, b) {
		return true
	}
	ta, tb := ts.TypeOf(a), ts.TypeOf(b)
	return ta.Buf != nil && ta.Buf == tb.Buf
}

// runMethodCallWithDot reports sbuf.put(x) (self missing) and M:new() (the
// module passed as the first argument); the fix swaps '.' and ':'.
func runMethodCallWithDot(p *Pass) {
	ts := p.Types()
	for _, c := range ts.Calls() {
		m, ok := c.Node.Fn.(*syntax.Member)
		if !ok || c.Func == nil || c.Name == "" {
			continue
		}
		var msg, with string
		switch {
		case c.Func.Owner == api.Method && !c.Method && c.Recv.Kind.IsSBuf():
			if len(c.Node.Args) > 0 && sameValue(p, ts, m.X, c.Node.Args[0]) {
				continue // sbuf.put(sbuf, x) passes self explicitly
			}
			recv := src(p, m.X)
			msg = fmt.Sprintf("%s.%s(...) calls the method without its buffer: the first argument becomes self; call %s:%s(...)",
				recv, c.Name, recv, c.Name)
			with = ":"
		case c.Func.Owner != api.Method && c.Method:
			recv := src(p, m.X)
			msg = fmt.Sprintf("%s:%s(...) passes %s itself as the first argument; %s is a plain function: call %s.%s(...)",
				recv, c.Name, receiverName(c.Recv.Kind), c.Func.Qualified(), recv, c.Name)
			with = "."
		default:
			continue
		}
		p.Report(Diagnostic{Start: m.OpPos, End: m.Name.End, Message: msg,
			Fixes: []Fix{{Title: fmt.Sprintf("Call with '%s'", with), Edits: []Edit{{Start: m.OpPos, End: m.OpPos + 1, NewText: with}}}}})
	}
}

// runPcallMethodWithoutSelf reports pcall(sbuf.method, args...) where the
// buffer is not passed as the method's first argument; the fix inserts it.
func runPcallMethodWithoutSelf(p *Pass) {
	ts := p.Types()
	if len(ts.Members()) == 0 || !srcContains(p, "pcall") { // pcall and xpcall
		return
	}
	m := p.Model()
	syntax.Inspect(p.File.Chunk, func(n syntax.Node) bool {
		if isTypeAnnotation(n) {
			return false
		}
		call, ok := n.(*syntax.Call)
		if !ok || len(call.Args) == 0 {
			return true
		}
		fn, ok := call.Fn.(*syntax.Name)
		if !ok || (fn.Value != "pcall" && fn.Value != "xpcall") {
			return true
		}
		if sym := m.Use(fn); sym == nil || sym.Kind != semantic.Global {
			return true
		}
		mem, ok := call.Args[0].(*syntax.Member)
		if !ok || mem.Colon || mem.Name == nil {
			return true
		}
		t := ts.TypeOf(mem)
		if t.Kind != semantic.APIFunc || t.API == nil || t.API.Owner != api.Method || !ts.TypeOf(mem.X).Kind.IsSBuf() {
			return true
		}
		first := 1 // index of the first argument passed to the method
		if fn.Value == "xpcall" {
			first = 2
		}
		if first < len(call.Args) && sameValue(p, ts, mem.X, call.Args[first]) {
			return true
		}
		recv := src(p, mem.X)
		at := call.Args[first-1]
		_, end := at.Span()
		s, e := mem.Span()
		d := Diagnostic{Start: s, End: e,
			Message: fmt.Sprintf("%s(%s, ...) calls %s without its buffer: the next argument becomes self; pass %s after the method",
				fn.Value, src(p, mem), t.API.Qualified(), recv)}
		// The fix writes the receiver a second time: only a name or a
		// chain of field reads, never a call that would run twice.
		if namePath(mem.X) {
			d.Fixes = []Fix{{Title: "Pass the buffer as self", Edits: []Edit{{Start: end, End: end, NewText: ", " + recv}}}}
		}
		p.Report(d)
		return true
	})
}
