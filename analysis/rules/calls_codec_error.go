package rules

// This file holds codec-error-as-value: string.buffer's encode and decode
// treated as if they returned nil and an error message. Both raise on
// failure and return exactly one value (measured on LuaJIT 2.1: encode of a
// function raises "cannot serialize 'function'", decode of a truncated
// string "unexpected end of buffer"; select('#', ...) of either is 1), so a
// second result bound from them is always nil and a test of encode's result
// for failure is always false: the error branch never runs and the error
// escapes to the caller. Part of the API type-checking family (calls.go).
//
// What is reported, and why only that:
//   - a second result bound from the call (local v, err = buffer.decode(s);
//     v, err = buf:encode(x)) when that variable is read afterwards: the
//     code plainly expects an error value;
//   - the result of encode tested for failure (not s, s == nil, s == false,
//     s ~= nil) where s is a local set from the call and never reassigned:
//     encode returns a string (the module) or the buffer (the method), never
//     a false value. decode's result is not reported for such tests,
//     because nil and false are values decode legitimately returns.
//
// The quick fix runs the call under pcall and turns a failure into the
// (nil, message) pair the code already handles; on success the variables
// get exactly the values they had before (pcall returns true and the one
// result).

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/buflsp/buflsp/analysis/api"
	"github.com/buflsp/buflsp/analysis/semantic"
	"github.com/buflsp/buflsp/analysis/syntax"
)

// isCodecCall reports whether c is a call of string.buffer's encode or
// decode (the module functions, the methods called with ':', or either taken
// as a value: local encode = buffer.encode).
func isCodecCall(c *semantic.Call) bool {
	if c == nil || c.Func == nil || (c.Func.Name != "encode" && c.Func.Name != "decode") {
		return false
	}
	switch c.Func.Owner {
	case api.Module:
		return !c.Method
	case api.Method:
		return c.Method && c.Recv.Kind.IsSBuf() || c.Name == "" && c.Callee.Kind == semantic.APIFunc
	}
	return false
}

// codecBinding is a local or assignment statement whose last value is a
// codec call.
type codecBinding struct {
	stmt    syntax.Stmt
	targets []syntax.Expr // the names (or targets) the statement assigns
	values  []syntax.Expr
	call    *semantic.Call
}

// first is the index of the first target that takes the call's results.
func (b codecBinding) first() int { return len(b.values) - 1 }

func runCodecErrorAsValue(p *Pass) {
	ts := p.Types()
	found := false
	for _, c := range ts.Calls() {
		if isCodecCall(c) {
			found = true
			break
		}
	}
	if !found {
		return
	}
	m := p.Model()
	var bindings []codecBinding
	// encoded maps locals set from a single encode call to that binding,
	// for the tests of the result.
	encoded := map[*semantic.Symbol]codecBinding{}
	var tests []syntax.Expr // not X, X == nil, ... with X a name
	syntax.Inspect(p.File.Chunk, func(n syntax.Node) bool {
		if isTypeAnnotation(n) {
			return false
		}
		switch s := n.(type) {
		case *syntax.Local:
			if b, ok := codecBindingOf(ts, s, namesAsExprs(s.Names), s.Values); ok {
				bindings = append(bindings, b)
			}
		case *syntax.Assign:
			if b, ok := codecBindingOf(ts, s, s.Targets, s.Values); ok {
				bindings = append(bindings, b)
			}
		case *syntax.Unary:
			if _, ok := s.X.(*syntax.Name); ok && s.Op == syntax.KNot {
				tests = append(tests, s)
			}
		case *syntax.Binary:
			if s.Op == syntax.OEq || s.Op == syntax.ONe {
				if testedName(s) != nil {
					tests = append(tests, s)
				}
			}
		}
		return true
	})
	reported := map[*syntax.Call]bool{}
	for _, b := range bindings {
		i := b.first()
		if len(b.targets) > i+1 {
			extra := b.targets[i+1]
			if !readLater(m, extra) {
				continue
			}
			reported[b.call.Node] = true
			es, ee := extra.Span()
			s, e := b.call.Node.Span()
			p.Report(Diagnostic{Start: s, End: e,
				Message: fmt.Sprintf("%s raises on failure and returns one value, so %s is always nil: the error branch never runs and the error escapes; call it under pcall",
					b.call.Func.Qualified(), src(p, extra)),
				Related: []Related{{Start: es, End: ee, Message: "always nil"}},
				Fixes:   codecFix(p, m, b)})
			continue
		}
		if b.call.Func.Name != "encode" || len(b.targets) != i+1 {
			continue
		}
		if _, ok := b.stmt.(*syntax.Local); !ok {
			continue
		}
		name, ok := b.targets[i].(*syntax.Name)
		if !ok {
			continue
		}
		if sym := m.Use(name); sym != nil && !hasWrite(sym) {
			encoded[sym] = b
		}
	}
	for _, t := range tests {
		var x *syntax.Name
		if u, ok := t.(*syntax.Unary); ok {
			x = u.X.(*syntax.Name)
		} else {
			x = testedName(t.(*syntax.Binary))
		}
		sym := m.Use(x)
		b, ok := encoded[sym]
		if !ok || reported[b.call.Node] {
			continue
		}
		reported[b.call.Node] = true
		s, e := b.call.Node.Span()
		ts, te := t.Span()
		p.Report(Diagnostic{Start: s, End: e,
			Message: fmt.Sprintf("%s raises on failure and never returns a false value, so the test of %s at line %d is never true: the error escapes; call it under pcall",
				b.call.Func.Qualified(), x.Value, line(p, ts)),
			Related: []Related{{Start: ts, End: te, Message: "never true"}},
			Fixes:   codecFix(p, m, b)})
	}
}

// codecBindingOf recognises targets = ..., codec-call.
func codecBindingOf(ts *semantic.Types, s syntax.Stmt, targets, values []syntax.Expr) (codecBinding, bool) {
	if len(values) == 0 || len(targets) < len(values) {
		return codecBinding{}, false
	}
	call, ok := values[len(values)-1].(*syntax.Call)
	if !ok {
		return codecBinding{}, false
	}
	c := ts.CallOf(call)
	if !isCodecCall(c) {
		return codecBinding{}, false
	}
	return codecBinding{stmt: s, targets: targets, values: values, call: c}, true
}

func namesAsExprs(ns []*syntax.Name) []syntax.Expr {
	out := make([]syntax.Expr, len(ns))
	for i, n := range ns {
		out[i] = n
	}
	return out
}

// testedName returns X of X == nil, X == false, X ~= nil (either side).
func testedName(b *syntax.Binary) *syntax.Name {
	isFalsy := func(e syntax.Expr) bool {
		switch e.(type) {
		case *syntax.Nil, *syntax.False:
			return true
		}
		return false
	}
	if n, ok := b.L.(*syntax.Name); ok && isFalsy(b.R) {
		return n
	}
	if n, ok := b.R.(*syntax.Name); ok && isFalsy(b.L) {
		return n
	}
	return nil
}

// readLater reports whether the target is a variable that is read after the
// statement (a global or a field counts as read: other code may see it).
func readLater(m *semantic.Model, target syntax.Expr) bool {
	n, ok := target.(*syntax.Name)
	if !ok {
		return true
	}
	sym := m.Use(n)
	if sym == nil || sym.Kind == semantic.Global {
		return sym != nil
	}
	for _, r := range sym.Refs {
		if !r.Write && r.Name != nil && r.Name.Start > n.End {
			return true
		}
	}
	return false
}

func hasWrite(sym *semantic.Symbol) bool {
	for _, r := range sym.Refs {
		if r.Write {
			return true
		}
	}
	return false
}

// codecFix builds the pcall rewrite of a binding, or nothing when it cannot
// be shown to keep the behaviour on success:
//
//	local v, err = buffer.decode(s)
//	-> local ok, v, err = pcall(buffer.decode, s) if not ok then v, err = nil, v end
//	v, err = buf:decode()
//	-> do local ok; ok, v, err = pcall(buf.decode, buf) if not ok then v, err = nil, v end end
//
// It needs: the call as the only value, one or two plain names as targets
// (no <const>/<close>), a receiver that is a plain name (it is evaluated
// twice), a global pcall, and a name for the flag that appears nowhere in
// the file (so it shadows nothing and nothing reads it by accident). The
// added text stays on the statement's line, so line numbers do not move.
func codecFix(p *Pass, m *semantic.Model, b codecBinding) []Fix {
	if len(b.values) != 1 || len(b.targets) > 2 {
		return nil
	}
	var names []string
	for _, t := range b.targets {
		n, ok := t.(*syntax.Name)
		if !ok {
			return nil
		}
		names = append(names, n.Value)
	}
	if l, ok := b.stmt.(*syntax.Local); ok {
		for _, a := range l.Attribs {
			if a != "" {
				return nil
			}
		}
	}
	if !globalPcall(m) {
		return nil
	}
	call := b.call.Node
	fn := src(p, call.Fn)
	var args []string
	if mem, ok := call.Fn.(*syntax.Member); ok && mem.Colon {
		recv, ok := mem.X.(*syntax.Name)
		if !ok || mem.Name == nil {
			return nil
		}
		fn = recv.Value + "." + mem.Name.Value
		args = append(args, recv.Value)
	}
	if n := len(call.Args); n > 0 {
		s, _ := call.Args[0].Span()
		_, e := call.Args[n-1].Span()
		args = append(args, string(p.File.Src[s:e]))
	}
	ok := freshName(p.File.Src, "ok", "codec_ok")
	if ok == "" {
		return nil
	}
	pc := "pcall(" + strings.Join(append([]string{fn}, args...), ", ") + ")"
	recover := fmt.Sprintf(" if not %s then %s = nil end", ok, names[0])
	if len(names) == 2 {
		recover = fmt.Sprintf(" if not %s then %s, %s = nil, %s end", ok, names[0], names[1], names[0])
	}
	ts, _ := b.targets[0].Span()
	cs, ce := call.Span()
	edits := []Edit{{Start: ts, End: ts, NewText: ok + ", "}, {Start: cs, End: ce, NewText: pc + recover}}
	if _, isLocal := b.stmt.(*syntax.Local); !isLocal {
		// An assignment gets its flag from a local of its own, in a do
		// block so that it adds no local to the enclosing block (where a
		// goto could then jump into its scope).
		edits[0].NewText = "do local " + ok + "; " + ok + ", "
		edits[1].NewText += " end"
	}
	return []Fix{{Title: "Call under pcall", Edits: edits}}
}

// globalPcall reports whether pcall in the file is the global one, never
// assigned: every local named pcall must be a copy of it (local pcall =
// pcall, as OpenResty code writes) that is never reassigned.
func globalPcall(m *semantic.Model) bool {
	for _, s := range m.Locals {
		if s.Name == "pcall" && !copiesGlobal(m, s) {
			return false
		}
	}
	if g := m.Globals["pcall"]; g != nil && hasWrite(g) {
		return false
	}
	return true
}

// freshName returns the first of the candidates (then the last with 2, 3,
// ... appended) that does not occur as a word anywhere in src, or "".
func freshName(src []byte, candidates ...string) string {
	try := func(name string) bool {
		return !regexp.MustCompile(`\b` + regexp.QuoteMeta(name) + `\b`).Match(src)
	}
	for _, c := range candidates {
		if try(c) {
			return c
		}
	}
	last := candidates[len(candidates)-1]
	for i := 2; i < 100; i++ {
		if c := fmt.Sprintf("%s%d", last, i); try(c) {
			return c
		}
	}
	return ""
}

// copiesGlobal reports whether the local sym is declared as local name =
// name, copying the global of its own name, and never reassigned.
func copiesGlobal(m *semantic.Model, sym *semantic.Symbol) bool {
	l, ok := sym.Node.(*syntax.Local)
	if !ok || hasWrite(sym) {
		return false
	}
	for i, n := range l.Names {
		if n != sym.Decl || i >= len(l.Values) {
			continue
		}
		v, ok := l.Values[i].(*syntax.Name)
		if !ok || v.Value != sym.Name {
			return false
		}
		g := m.Use(v)
		return g != nil && g.Kind == semantic.Global
	}
	return false
}
