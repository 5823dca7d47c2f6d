package rules

// This file checks Luau buffer accesses with constants: offsets past a
// known size or below zero (out-of-bounds), loops that index from 1
// (one-based-offset), and constants that do not fit the written width
// (value-out-of-range). Part of the API type-checking family (calls.go).

import (
	"fmt"
	"math"

	"github.com/buflsp/buflsp/analysis/api"
	"github.com/buflsp/buflsp/analysis/semantic"
	"github.com/buflsp/buflsp/analysis/syntax"
)

// span is a constant byte range an access touches; width -1 means the end
// is not known.
type span struct {
	off, width int64
	what       string // "reads" or "writes"
}

// accessSpan computes the constant range of a Luau library call, if any.
func accessSpan(c *semantic.Call) (span, bool) {
	f := c.Func
	arg := func(i int) (int64, bool) {
		if i < len(c.Args) {
			return c.Args[i].Int()
		}
		return 0, false
	}
	off, ok := arg(1)
	if !ok {
		return span{}, false
	}
	switch {
	case f.Access != nil:
		what := "reads"
		if f.Access.Write {
			what = "writes"
		}
		return span{off, int64(f.Access.Width), what}, true
	case f.Name == "readinteger":
		return span{off, 8, "reads"}, true
	case f.Name == "writeinteger":
		return span{off, 8, "writes"}, true
	case f.Name == "readstring":
		n, ok := arg(2)
		if !ok {
			n = -1
		}
		return span{off, n, "reads"}, true
	case f.Name == "writestring":
		n, ok := arg(3)
		if !ok {
			if len(c.Args) > 2 && c.Args[2].Kind == semantic.String && c.Args[2].Const && len(c.Args) == 3 {
				n, ok = int64(len(c.Args[2].Str)), true
			}
		}
		if !ok {
			n = -1
		}
		return span{off, n, "writes"}, true
	case f.Name == "fill":
		n, ok := arg(3)
		if !ok {
			n = -1
		}
		return span{off, n, "fills"}, true
	case f.Name == "copy":
		n, ok := arg(4)
		if !ok {
			n = -1
		}
		return span{off, n, "copies into"}, true
	}
	return span{}, false
}

// runOutOfBounds reports constant accesses outside a known size and
// negative constant offsets.
func runOutOfBounds(p *Pass) {
	for _, c := range p.Types().Calls() {
		if !checkedCall(c) || c.Func.Owner != api.Luau || len(c.Args) < 2 {
			continue
		}
		sp, ok := accessSpan(c)
		if !ok {
			continue
		}
		s, e := c.Node.Args[1].Span()
		if sp.off < 0 {
			p.Reportf(s, e, "%s at negative offset %d: offsets of Luau buffers start at 0", c.Func.Qualified(), sp.off)
			continue
		}
		size := c.Args[0].Size
		if c.Args[0].Kind != semantic.LBuf || size < 0 {
			continue
		}
		switch {
		case sp.width < 0 && sp.off > int64(size):
			p.Reportf(s, e, "%s at offset %d, but the buffer has only %d bytes", c.Func.Qualified(), sp.off, size)
		case sp.width > 0 && sp.off+sp.width > int64(size):
			p.Reportf(s, e, "%s %s bytes %d..%d, but the buffer has %d bytes (offsets 0..%d)",
				c.Func.Qualified(), sp.what, sp.off, sp.off+sp.width-1, size, size-1)
		case sp.width == 0 && sp.off > int64(size):
			p.Reportf(s, e, "%s at offset %d, past the end of the %d-byte buffer", c.Func.Qualified(), sp.off, size)
		}
	}
	// Bit accesses count in bits.
	for _, c := range p.Types().Calls() {
		if !checkedCall(c) || c.Func.Owner != api.Luau || (c.Func.Name != "readbits" && c.Func.Name != "writebits") || len(c.Args) < 3 {
			continue
		}
		off, ok1 := c.Args[1].Int()
		n, ok2 := c.Args[2].Int()
		if !ok1 || !ok2 {
			continue
		}
		s, e := c.Node.Args[1].Span()
		if off < 0 {
			p.Reportf(s, e, "%s at negative bit offset %d", c.Func.Qualified(), off)
			continue
		}
		if size := c.Args[0].Size; c.Args[0].Kind == semantic.LBuf && size >= 0 && off+n > int64(size)*8 {
			p.Reportf(s, e, "%s touches bits %d..%d, but the buffer has %d bits", c.Func.Qualified(), off, off+n-1, size*8)
		}
	}
}

// runOneBasedOffset reports `for i = 1, buffer.len(b)` (or `#x`) loops whose
// body indexes a Luau buffer with the loop variable itself.
func runOneBasedOffset(p *Pass) {
	ts := p.Types()
	if len(ts.Calls()) == 0 {
		return
	}
	m := p.Model()
	syntax.Inspect(p.File.Chunk, func(n syntax.Node) bool {
		if isTypeAnnotation(n) {
			return false
		}
		loop, ok := n.(*syntax.NumericFor)
		if !ok || loop.Body == nil || loop.Step != nil {
			return true
		}
		if v, ok := ts.TypeOf(loop.Start).Int(); !ok || v != 1 {
			return true
		}
		if !lengthBound(ts, loop.Limit) {
			return true
		}
		iv := m.Use(loop.Var)
		if iv == nil {
			return true
		}
		// The first offending call in source order is named. Inspect puts
		// an if statement's conditions before its blocks, so keep the
		// earliest hit and skip only what starts after it.
		var hit *semantic.Call
		syntax.Inspect(loop.Body, func(n syntax.Node) bool {
			if isTypeAnnotation(n) {
				return false
			}
			if s, _ := n.Span(); hit != nil && s >= hit.Node.Start {
				return false
			}
			call, ok := n.(*syntax.Call)
			if !ok {
				return true
			}
			c := ts.CallOf(call)
			if c == nil || !checkedCall(c) || c.Func.Owner != api.Luau || len(c.Node.Args) < 2 || len(c.Func.Params) < 2 || c.Func.Params[1].Name != "offset" {
				return true
			}
			if c.Args[0].Kind != semantic.LBuf {
				return true
			}
			if name, ok := c.Node.Args[1].(*syntax.Name); ok && m.Use(name) == iv {
				hit = c
			}
			return true
		})
		if hit == nil {
			return true
		}
		s, _ := loop.Start.Span()
		_, e := loop.Limit.Span()
		p.Reportf(s, e, "this loop runs %s from 1 to the length, but %s uses 0-based offsets: it skips byte 0 and reads past the end; loop from 0 to the length - 1",
			loop.Var.Value, hit.Func.Qualified())
		return true
	})
}

// lengthBound reports whether e is buffer.len(b) or #x.
func lengthBound(ts *semantic.Types, e syntax.Expr) bool {
	switch e := e.(type) {
	case *syntax.Unary:
		return e.Op == syntax.OLen
	case *syntax.Call:
		c := ts.CallOf(e)
		return c != nil && c.Func != nil && c.Func.Owner == api.Luau && c.Func.Name == "len"
	case *syntax.Paren:
		return lengthBound(ts, e.X)
	}
	return false
}

// runValueOutOfRange reports constants written with an integer width they
// do not fit (neither as signed nor as unsigned), fractions and NaN or
// infinities written as integers.
func runValueOutOfRange(p *Pass) {
	for _, c := range p.Types().Calls() {
		if !checkedCall(c) || c.Func.Owner != api.Luau {
			continue
		}
		bits, idx := 0, 2
		switch {
		case c.Func.Access != nil && c.Func.Access.Write && !c.Func.Access.Float:
			bits = c.Func.Access.Width * 8
		case c.Func.Name == "fill":
			bits = 8
		default:
			continue
		}
		if idx >= len(c.Args) {
			continue
		}
		v := c.Args[idx]
		if v.Kind != semantic.Number || !v.Const {
			continue
		}
		s, e := c.Node.Args[idx].Span()
		lo, hi := -math.Ldexp(1, bits-1), math.Ldexp(1, bits)-1
		switch {
		case math.IsNaN(v.Num) || math.IsInf(v.Num, 0):
			p.Reportf(s, e, "%s writes %v to a %d-bit integer: the stored value is not defined", c.Func.Qualified(), v.Num, bits)
		case v.Num != math.Trunc(v.Num):
			p.Reportf(s, e, "%s writes %v to a %d-bit integer: the fraction is dropped (stored as %v)", c.Func.Qualified(), v.Num, bits, math.Trunc(v.Num))
		case v.Num < lo || v.Num > hi:
			stored := wrap(v.Num, bits)
			p.Reportf(s, e, "%s keeps only the low %d bits: %v does not fit and is stored as %s", c.Func.Qualified(), bits, v.Num, stored)
		}
	}
}

// wrap renders the unsigned value of the low bits of an integer.
func wrap(v float64, bits int) string {
	if math.Abs(v) >= math.Ldexp(1, 63) {
		return "its low bits"
	}
	u := uint64(int64(v)) & (1<<uint(bits) - 1)
	return fmt.Sprint(u)
}
