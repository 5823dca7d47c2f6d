package rules

import (
	"bytes"

	"github.com/buflsp/buflsp/analysis/semantic"
	"github.com/buflsp/buflsp/analysis/syntax"
)

// This file adapts the type layer (semantic.Types) to the questions the copy
// and aliasing rules ask: is this expression a string.buffer object, which
// buffer does a method call act on, and does the call change, write or only
// read the buffer.

// flowTypes returns the inferred types of the pass's file.
func flowTypes(p *Pass) *semantic.Types {
	return p.Types()
}

// mentionsBuffer reports whether the file can hold a buffer value at all:
// every way to get one (require("string.buffer"), the Luau library, a
// ---@type string.buffer annotation) spells "buffer". Most files of a large
// code base do not, and the buffer rules then cost nothing.
func mentionsBuffer(p *Pass) bool { return bytes.Contains(p.File.Src, []byte("buffer")) }

// srcContains reports whether the file's text contains word. A rule that
// looks only for code spelled with word ('..', tostring, pcall) asks it
// before walking the file: without the word the walk could find nothing.
func srcContains(p *Pass, word string) bool { return bytes.Contains(p.File.Src, []byte(word)) }

// anyCall reports whether one of the file's API calls satisfies ok. A rule
// that walks the file for one kind of API call asks it first: every call
// for which Types.CallOf gives a record is in Types.Calls, so when none of
// them qualifies the walk could find nothing.
func anyCall(t *semantic.Types, ok func(*semantic.Call) bool) bool {
	for _, c := range t.Calls() {
		if ok(c) {
			return true
		}
	}
	return false
}

// newWithOptions reports whether c is string.buffer.new with options.
func newWithOptions(t *semantic.Types, c *semantic.Call) bool {
	if !moduleCall(t, c.Node, "new") {
		return false
	}
	opts, ok := newOptions(t, c.Node)
	return ok && opts != nil
}

// callsSBuf reports whether the file calls one of the named methods (or
// module functions) on a string.buffer value anywhere. The flow rules only
// have facts to track after such a call (a pointer from ref or reserve, a
// view from slice, ...), so they skip the path walk of every function when
// there is none, which is the common case even in buffer code.
func callsSBuf(p *Pass, names ...string) bool {
	if !mentionsBuffer(p) {
		return false
	}
	for _, c := range p.Types().Calls() {
		if !c.Recv.Kind.IsSBuf() && c.Recv.Kind != semantic.SBufModule {
			continue
		}
		for _, n := range names {
			if c.Name == n {
				return true
			}
		}
	}
	return false
}

// isSBufExpr reports whether e is known to be a string.buffer object or view.
func isSBufExpr(t *semantic.Types, e syntax.Expr) bool {
	return t.TypeOf(e).Kind.IsSBuf()
}

// sbufMethod returns the API call information when c is a method call
// (sbuf:name(...) or sbuf.name(...)) on a string.buffer object or view.
func sbufMethod(t *semantic.Types, c *syntax.Call) *semantic.Call {
	info := t.CallOf(c)
	if info == nil || !info.Recv.Kind.IsSBuf() || info.Name == "" {
		return nil
	}
	return info
}

// receiver returns X of a call X:name(...) or X.name(...), or nil.
func receiver(c *syntax.Call) syntax.Expr {
	if m, ok := c.Fn.(*syntax.Member); ok {
		return m.X
	}
	return nil
}

// methodName returns name of a call X:name(...) or X.name(...), or "".
func methodName(c *syntax.Call) string {
	if m, ok := c.Fn.(*syntax.Member); ok && m.Name != nil {
		return m.Name.Value
	}
	return ""
}

// bufferKey identifies the buffer a value of type tt, read through the
// expression e, is: the buffer identity of the type layer when it has one,
// else the local symbol that e names. It returns nil when neither is known.
// The symbol is checked before it goes into the interface: a nil
// *semantic.Symbol inside an any is not a nil any, and every caller
// compares the key with nil.
func bufferKey(m *semantic.Model, e syntax.Expr, tt semantic.Type) any {
	if tt.Buf != nil {
		return tt.Buf
	}
	if s := localSym(m, e); s != nil {
		return s
	}
	return nil
}

// localSym returns the local (or parameter) symbol named by e, or nil.
func localSym(m *semantic.Model, e syntax.Expr) *semantic.Symbol {
	n, ok := unparen(e).(*syntax.Name)
	if !ok {
		return nil
	}
	s := m.Use(n)
	if s == nil || s.Kind == semantic.Global || s.Kind == semantic.LabelSym {
		return nil
	}
	return s
}

// Method classes of string.buffer objects, for the aliasing rules.
const (
	methodRead  = iota // reads only: tostring, ref, find, ...
	methodWrite        // appends or edits data: put, encode, fill, ...
	methodReset        // drops the data: reset, free, set
	methodTake         // consumes from the front: get, skip, decode
)

// methodClass sorts a string.buffer method by what it does to the buffer.
// Unknown names count as writes, the safe side for "the buffer changed".
func methodClass(name string) int {
	switch name {
	case "tostring", "ref", "slice", "clone", "find", "rfind", "split", "capacity":
		return methodRead
	case "reset", "free", "set":
		return methodReset
	case "get", "skip", "decode":
		return methodTake
	}
	return methodWrite
}

// changesBuffer reports whether the method may move or change the bytes a
// pointer from ref or reserve points to.
func changesBuffer(name string) bool { return methodClass(name) != methodRead }

// moduleCall reports whether c calls string.buffer.<name> through the module.
func moduleCall(t *semantic.Types, c *syntax.Call, name string) bool {
	info := t.CallOf(c)
	return info != nil && info.Recv.Kind == semantic.SBufModule && info.Name == name
}

// globalCall reports whether c calls the global function lib.name (or the
// global name when lib is empty), as opposed to a local of that name.
func globalCall(m *semantic.Model, c *syntax.Call, lib, name string) bool {
	switch fn := c.Fn.(type) {
	case *syntax.Name:
		if lib != "" || fn.Value != name {
			return false
		}
		s := m.Use(fn)
		return s != nil && s.Kind == semantic.Global
	case *syntax.Member:
		x, ok := fn.X.(*syntax.Name)
		if lib == "" || fn.Colon || !ok || x.Value != lib || fn.Name == nil || fn.Name.Value != name {
			return false
		}
		s := m.Use(x)
		return s != nil && s.Kind == semantic.Global
	}
	return false
}

// isFFIModule reports whether e names the ffi module: a local bound to
// require("ffi") or the global ffi.
func isFFIModule(m *semantic.Model, e syntax.Expr) bool {
	n, ok := unparen(e).(*syntax.Name)
	if !ok {
		return false
	}
	s := m.Use(n)
	if s == nil {
		return false
	}
	if s.Kind == semantic.Global {
		return n.Value == "ffi"
	}
	loc, ok := s.Node.(*syntax.Local)
	if !ok {
		return false
	}
	for i, name := range loc.Names {
		if name == s.Decl && i < len(loc.Values) {
			c, ok := unparen(loc.Values[i]).(*syntax.Call)
			if !ok || len(c.Args) != 1 {
				return false
			}
			fn, ok := c.Fn.(*syntax.Name)
			str, ok2 := c.Args[0].(*syntax.String)
			if !ok || !ok2 || fn.Value != "require" {
				return false
			}
			v, _ := semantic.StringValue(str.Raw)
			return v == "ffi"
		}
	}
	return false
}

// funcIndex lists the function literals of a file in source order, to find
// the function a name belongs to.
type funcIndex []*syntax.Function

func newFuncIndex(f *syntax.File) funcIndex {
	var out funcIndex
	walkFile(f, func(n syntax.Node, _ *walkCtx) bool {
		if fn, ok := n.(*syntax.Function); ok {
			out = append(out, fn)
		}
		return true
	})
	return out
}

// at returns the innermost function containing off, nil for the main chunk.
func (x funcIndex) at(off int) *syntax.Function {
	var best *syntax.Function
	for _, fn := range x {
		if fn.Start > off {
			break
		}
		if off < fn.End {
			best = fn
		}
	}
	return best
}

// writtenElsewhere reports whether sym is assigned inside a function other
// than fn, where the path engine of fn cannot see when it happens.
func (x funcIndex) writtenElsewhere(sym *semantic.Symbol, fn *syntax.Function) bool {
	for _, r := range sym.Refs {
		if r.Write && x.at(r.Name.Start) != fn {
			return true
		}
	}
	return false
}
