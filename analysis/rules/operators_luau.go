package rules

// This file holds buffer-operator: Lua operators applied to a Luau buffer.
// A Luau buffer is a plain userdata-like value with no metatable, so every
// operator except == and ~= (identity) raises at run time. The messages quote
// the error the Luau VM gives (checked against the real luau binary, see
// testdata/rules/buffer-operator). Part of the API type-checking family.

import (
	"github.com/buflsp/buflsp/analysis/semantic"
	"github.com/buflsp/buflsp/analysis/syntax"
)

// arithName is the name the Luau VM uses for an arithmetic operator in its
// "attempt to perform arithmetic (add) on buffer" error.
var arithName = map[syntax.Kind]string{
	syntax.OAdd: "add", syntax.OSub: "sub", syntax.OMul: "mul", syntax.ODiv: "div",
	syntax.OIDiv: "idiv", syntax.OMod: "mod", syntax.OPow: "pow",
}

func runBufferOperator(p *Pass) {
	if !mentionsBuffer(p) {
		return
	}
	ts := p.Types()
	if !ts.HasKind(semantic.LBuf) {
		return // no operand can be a Luau buffer
	}
	isBuf := func(e syntax.Expr) bool { return e != nil && ts.TypeOf(e).Kind == semantic.LBuf }
	syntax.Inspect(p.File.Chunk, func(n syntax.Node) bool {
		if isTypeAnnotation(n) {
			return false
		}
		switch n := n.(type) {
		case *syntax.Unary:
			if !isBuf(n.X) {
				return true
			}
			switch n.Op {
			case syntax.OLen:
				d := Diagnostic{Start: n.Start, End: n.End,
					Message: "'#' on a Luau buffer raises 'attempt to get length of a buffer value'; use buffer.len"}
				if lib, ok := luauLibName(p, n.Start); ok {
					d.Fixes = []Fix{{Title: "Use " + lib + ".len", Edits: []Edit{{Start: n.Start, End: n.End,
						NewText: lib + ".len(" + oneValue(p, n.X) + ")"}}}}
				}
				p.Report(d)
			case syntax.OSub:
				p.Reportf(n.Start, n.End, "unary '-' on a Luau buffer raises 'attempt to perform arithmetic (unm) on buffer'")
			}
		case *syntax.Binary:
			reportBinary(p, n.Start, n.End, n.Op, n.L, n.R, isBuf(n.L), isBuf(n.R), false)
		case *syntax.CompoundAssign:
			reportBinary(p, n.Start, n.End, n.Op, n.Target, n.Value, isBuf(n.Target), isBuf(n.Value), true)
		case *syntax.Index:
			if isBuf(n.X) {
				p.Reportf(n.Start, n.End, "indexing a Luau buffer with [] raises 'attempt to index buffer with %s'; "+
					"read and write bytes with buffer.readu8/buffer.writeu8, whose offsets start at 0", indexKeyText(ts, n.Key))
			}
		}
		return true
	})
}

// reportBinary reports a binary operator (or compound assignment) with a
// Luau buffer operand. Equality is identity and always allowed. A compound
// assignment (compound) whose target is the buffer gets no fix: the fix
// would turn the buffer variable into a string.
func reportBinary(p *Pass, start, end int, op syntax.Kind, l, r syntax.Expr, lBuf, rBuf, compound bool) {
	if !lBuf && !rBuf {
		return
	}
	ts := p.Types()
	switch op {
	case syntax.OConcat:
		d := Diagnostic{Start: start, End: end,
			Message: "'..' with a Luau buffer raises 'attempt to concatenate " + typeWord(ts, l, lBuf) + " with " +
				typeWord(ts, r, rBuf) + "'; convert it with buffer.tostring"}
		if fix, ok := concatTostringFix(p, start, l, r, lBuf, rBuf); ok && !(compound && lBuf) {
			d.Fixes = []Fix{fix}
		}
		p.Report(d)
	case syntax.OLt, syntax.OLe, syntax.OGt, syntax.OGe:
		// The VM evaluates a > b as b < a (and >= as <=), so its message
		// names the operands in that order.
		vmOp, first, second, firstBuf, secondBuf := op, l, r, lBuf, rBuf
		if op == syntax.OGt || op == syntax.OGe {
			vmOp, first, second, firstBuf, secondBuf = syntax.OLt, r, l, rBuf, lBuf
			if op == syntax.OGe {
				vmOp = syntax.OLe
			}
		}
		p.Reportf(start, end, "'%s' on a Luau buffer raises 'attempt to compare %s %s %s'; only == and ~= (identity) work on buffers",
			op.String(), typeWord(ts, first, firstBuf), vmOp.String(), typeWord(ts, second, secondBuf))
	default:
		if name, ok := arithName[op]; ok {
			p.Reportf(start, end, "arithmetic on a Luau buffer raises 'attempt to perform arithmetic (%s) on %s and %s'",
				name, typeWord(ts, l, lBuf), typeWord(ts, r, rBuf))
		}
	}
}

// concatTostringFix wraps each buffer operand of a concatenation in
// buffer.tostring. The result is the string the code meant: '..' on a
// buffer always raises, so nothing that ran before changes.
func concatTostringFix(p *Pass, at int, l, r syntax.Expr, lBuf, rBuf bool) (Fix, bool) {
	lib, ok := luauLibName(p, at)
	if !ok {
		return Fix{}, false
	}
	var edits []Edit
	for _, o := range []struct {
		e   syntax.Expr
		buf bool
	}{{l, lBuf}, {r, rBuf}} {
		if !o.buf {
			continue
		}
		s, e := o.e.Span()
		edits = append(edits, Edit{Start: s, End: e, NewText: lib + ".tostring(" + oneValue(p, o.e) + ")"})
	}
	return Fix{Title: "Convert with " + lib + ".tostring", Edits: edits}, true
}

// luauLibName returns the name under which Luau's buffer library is
// reachable at off: the global buffer when no local hides it, or a local
// bound to the library.
func luauLibName(p *Pass, off int) (string, bool) {
	if p.Target != syntax.TargetLuau {
		return "", false
	}
	ts := p.Types()
	for _, s := range p.Model().VisibleAt(off) {
		if s.Name == "buffer" {
			return "buffer", ts.DeclType(s).Kind == semantic.LuauLib
		}
	}
	return "buffer", true
}

// oneValue returns the source of e, parenthesised when e could produce
// several values (a call or ...), since an operator keeps only the first.
func oneValue(p *Pass, e syntax.Expr) string {
	switch e.(type) {
	case *syntax.Call, *syntax.Vararg:
		return "(" + srcText(p, e) + ")"
	}
	return srcText(p, e)
}

// typeWord names an operand's type the way the VM's message does, or
// "..." when the other operand's type is not known.
func typeWord(ts *semantic.Types, e syntax.Expr, isBuf bool) string {
	if isBuf {
		return "buffer"
	}
	switch ts.TypeOf(e).Kind {
	case semantic.String:
		return "string"
	case semantic.Number:
		return "number"
	}
	return "..."
}

// indexKeyText renders the key of b[key] as the VM names it: 'name' for a
// constant string, else the key's type.
func indexKeyText(ts *semantic.Types, key syntax.Expr) string {
	t := ts.TypeOf(key)
	switch {
	case t.Kind == semantic.String && t.Const:
		return "'" + t.Str + "'"
	case t.Kind == semantic.Number:
		return "number"
	case t.Kind == semantic.String:
		return "string"
	}
	return "..."
}
