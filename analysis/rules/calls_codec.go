package rules

// This file checks the serializer and reading calls of string.buffer:
// options of new (invalid-codec-options), values that encode cannot
// represent (encode-unsupported), and a nil length before the last argument
// of get (get-nil-not-last). Part of the API type-checking family (calls.go).

import (
	"slices"

	"github.com/buflsp/buflsp/analysis/api"
	"github.com/buflsp/buflsp/analysis/semantic"
	"github.com/buflsp/buflsp/analysis/syntax"
)

// optionsArg returns the options argument of string.buffer.new: the first
// argument when it is a table, else the second.
func optionsArg(c *semantic.Call) (syntax.Expr, semantic.Type) {
	for i := 0; i < len(c.Args) && i < 2; i++ {
		if c.Args[i].Kind == semantic.Table {
			return c.Node.Args[i], c.Args[i]
		}
	}
	return nil, semantic.Type{}
}

// runInvalidCodecOptions checks the dict and metatable fields of options
// tables written as constructors: each must be a table constructor holding
// only positional strings (dict) or tables (metatable), or false, without
// keys and without nil holes.
func runInvalidCodecOptions(p *Pass) {
	ts := p.Types()
	for _, c := range ts.Calls() {
		if !checkedCall(c) || c.Func.Owner != api.Module || c.Func.Name != "new" {
			continue
		}
		_, opts := optionsArg(c)
		if opts.Table == nil || opts.Table.Node == nil {
			continue
		}
		for _, f := range opts.Table.Node.Fields {
			if f.NameKey == nil || (f.NameKey.Value != "dict" && f.NameKey.Value != "metatable") {
				continue
			}
			checkOptionList(p, ts, f.NameKey.Value, f.Value)
		}
	}
}

// checkOptionList checks one dict or metatable value.
func checkOptionList(p *Pass, ts *semantic.Types, field string, v syntax.Expr) {
	want, wantKind := "strings", semantic.String
	if field == "metatable" {
		want, wantKind = "tables", semantic.Table
	}
	t := ts.TypeOf(v)
	if t.Known() && t.Kind != semantic.Table {
		s, e := v.Span()
		p.Reportf(s, e, "option %s must be an array of %s, got %s: string.buffer.new silently ignores it", field, want, describe(t))
		return
	}
	if t.Table == nil || t.Table.Node == nil {
		return
	}
	ctor := t.Table.Node
	for _, f := range ctor.Fields {
		s, e := f.Span()
		if f.NameKey != nil || f.Key != nil {
			p.Reportf(s, e, "option %s must be an array of %s without keys: a table with keyed fields is taken as already prepared, so its entries are never used", field, want)
			return
		}
		et := ts.TypeOf(f.Value)
		switch {
		case et.Kind == semantic.Nil:
			p.Reportf(s, e, "option %s has a hole (nil): entries after it are not seen; use false to retire an index", field)
			return
		case isTrue(f.Value) || et.Known() && et.Kind != wantKind && et.Kind != semantic.Boolean:
			if isTrue(f.Value) {
				et = semantic.Type{Kind: semantic.Boolean}
			}
			p.Reportf(s, e, "option %s must hold only %s (or false), got %s: string.buffer.new fails with 'bad options table'", field, want, describe(et))
			return
		}
	}
}

// runEncodeUnsupported reports encode of functions, coroutines, userdata
// and of tables that refer to themselves.
func runEncodeUnsupported(p *Pass) {
	ts := p.Types()
	var selfRefs map[*semantic.TableObj][]*syntax.Assign
	for _, c := range ts.Calls() {
		if !checkedCall(c) || c.Func.Name != "encode" || len(c.Args) == 0 {
			continue
		}
		t := c.Args[0]
		s, e := c.Node.Args[0].Span()
		switch t.Kind {
		case semantic.Function, semantic.APIFunc, semantic.Thread, semantic.Userdata:
			p.Reportf(s, e, "%s cannot serialize %s: only nil, booleans, numbers, strings and tables of them can be encoded", c.Func.Qualified(), describe(t))
			continue
		case semantic.Table:
		default:
			continue
		}
		if t.Table == nil {
			continue
		}
		if t.Table.Node != nil {
			if f := unsupportedField(ts, t.Table.Node); f != nil {
				fs, fe := f.Value.Span()
				p.Reportf(fs, fe, "%s cannot serialize this %s field of the table passed at line %d", c.Func.Qualified(), ts.TypeOf(f.Value).Kind, line(p, s))
			}
		}
		if selfRefs == nil {
			selfRefs = findSelfRefs(ts, p.File.Chunk)
		}
		for _, a := range selfRefs[t.Table] {
			if a.End <= c.Node.Start && semantic.FuncOf(p.Model(), a.Start) == semantic.FuncOf(p.Model(), c.Node.Start) {
				p.Reportf(s, e, "%s cannot serialize a table that refers to itself (assigned at line %d)", c.Func.Qualified(), line(p, a.Start))
				break
			}
		}
	}
}

func line(p *Pass, off int) int {
	l, _ := p.File.Lines.Position(off)
	return l
}

// unsupportedField finds a field of a constructor whose value is a function,
// coroutine or userdata.
func unsupportedField(ts *semantic.Types, ctor *syntax.Table) *syntax.Field {
	for _, f := range ctor.Fields {
		switch ts.TypeOf(f.Value).Kind {
		case semantic.Function, semantic.APIFunc, semantic.Thread, semantic.Userdata:
			return f
		}
	}
	return nil
}

// findSelfRefs finds assignments t.k = t (or t[k] = t) of a known table.
func findSelfRefs(ts *semantic.Types, root *syntax.Block) map[*semantic.TableObj][]*syntax.Assign {
	out := map[*semantic.TableObj][]*syntax.Assign{}
	syntax.Inspect(root, func(n syntax.Node) bool {
		if isTypeAnnotation(n) {
			return false
		}
		a, ok := n.(*syntax.Assign)
		if !ok {
			return true
		}
		for i, target := range a.Targets {
			if i >= len(a.Values) {
				break
			}
			var x syntax.Expr
			switch t := target.(type) {
			case *syntax.Member:
				x = t.X
			case *syntax.Index:
				x = t.X
			default:
				continue
			}
			tx, tv := ts.TypeOf(x), ts.TypeOf(a.Values[i])
			if tx.Table != nil && tx.Table == tv.Table {
				out[tx.Table] = append(out[tx.Table], a)
			}
		}
		return true
	})
	// Inspect visits an if statement's conditions before its blocks; the
	// caller names the first assignment, so keep them in source order.
	for _, as := range out {
		slices.SortStableFunc(as, func(a, b *syntax.Assign) int { return a.Start - b.Start })
	}
	return out
}

// runGetNilNotLast reports sbuf:get(nil, n): nil takes the rest, so every
// later length gets an empty string.
func runGetNilNotLast(p *Pass) {
	for _, c := range p.Types().Calls() {
		if !checkedCall(c) || c.Func.Owner != api.Method || c.Func.Name != "get" {
			continue
		}
		for i := 0; i+1 < len(c.Args); i++ {
			if c.Args[i].Kind != semantic.Nil {
				continue
			}
			s, e := c.Node.Args[i].Span()
			p.Reportf(s, e, "%s with nil as argument %d of %d: nil takes all remaining data, so the later lengths always get \"\"; put nil last",
				c.Func.Qualified(), i+1, len(c.Args))
			break
		}
	}
}

// isTrue reports whether e is the literal true (false is allowed in option
// arrays, true is not).
func isTrue(e syntax.Expr) bool {
	_, ok := e.(*syntax.True)
	return ok
}
