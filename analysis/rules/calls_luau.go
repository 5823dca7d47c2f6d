package rules

// This file checks Luau buffer accesses with constants: offsets past a
// known size or below zero (out-of-bounds), loops that index from 1
// (one-based-offset), and constants that do not fit the written width
// (value-out-of-range). Part of the API type-checking family (calls.go).

import (
	"fmt"
	"math"
	"strings"

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
	}
	return span{}, false
}

// luauInt returns argument i of a Luau library call as a constant integer.
func luauInt(c *semantic.Call, i int) (int64, bool) {
	if i < len(c.Args) {
		return c.Args[i].Int()
	}
	return 0, false
}

// luauSize returns the constant size of the buffer passed as argument i.
func luauSize(c *semantic.Call, i int) (int64, bool) {
	if i < len(c.Args) && c.Args[i].Kind == semantic.LBuf && c.Args[i].Size >= 0 {
		return int64(c.Args[i].Size), true
	}
	return 0, false
}

// checkCopy reports buffer.copy(target, targetOffset, source, sourceOffset?,
// count?) ranges that raise, in the order Luau checks them: a negative
// count, the source range, the target range. The count defaults to the rest
// of the source.
func checkCopy(p *Pass, c *semantic.Call) {
	soff, ok := int64(0), true
	if len(c.Args) > 3 && !(c.Args[3].Kind == semantic.Nil) {
		soff, ok = luauInt(c, 3)
	}
	if !ok {
		return
	}
	ssize, sknown := luauSize(c, 2)
	count, cknown := luauInt(c, 4)
	if len(c.Args) <= 4 || c.Args[4].Kind == semantic.Nil {
		count, cknown = ssize-soff, sknown
	}
	at := func(i int) (int, int) {
		if i < len(c.Node.Args) {
			return c.Node.Args[i].Span()
		}
		return c.Node.Span()
	}
	switch {
	case cknown && count < 0:
		s, e := at(4)
		if len(c.Args) <= 4 {
			s, e = at(3)
		}
		p.Reportf(s, e, "buffer.copy copies %d bytes: the count is negative (source offset %d is past the %d-byte source)", count, soff, ssize)
		return
	case soff < 0:
		s, e := at(3)
		p.Reportf(s, e, "buffer.copy reads the source at negative offset %d: offsets of Luau buffers start at 0", soff)
		return
	case sknown && cknown && soff+count > ssize:
		s, e := at(3)
		if len(c.Args) <= 3 {
			s, e = at(2)
		}
		p.Reportf(s, e, "buffer.copy reads source bytes %d..%d, but the source has %d bytes", soff, soff+count-1, ssize)
		return
	}
	toff, ok := luauInt(c, 1)
	if !ok {
		return
	}
	s, e := at(1)
	tsize, tknown := luauSize(c, 0)
	switch {
	case toff < 0:
		p.Reportf(s, e, "buffer.copy writes at negative offset %d: offsets of Luau buffers start at 0", toff)
	case tknown && cknown && toff+count > tsize:
		p.Reportf(s, e, "buffer.copy writes %d bytes at %d..%d, but the target has %d bytes (offsets 0..%d)", count, toff, toff+count-1, tsize, tsize-1)
	}
}

// checkLuauArgs reports constant arguments the library refuses before it
// checks any bounds: a negative size for buffer.create ("invalid argument
// #1 to 'create' (size)"), a bit count outside 0..32, negative counts. It
// reports whether it found one: the bounds are not checked then, since the
// call raises this error first.
func checkLuauArgs(p *Pass, c *semantic.Call) bool {
	reported := false
	report := func(i int, format string, args ...any) {
		s, e := c.Node.Args[i].Span()
		p.Reportf(s, e, format, args...)
		reported = true
	}
	switch c.Func.Name {
	case "create":
		if n, ok := luauInt(c, 0); ok && n < 0 && len(c.Node.Args) > 0 {
			report(0, "buffer.create(%d) raises \"invalid argument #1 to 'create' (size)\": a size cannot be negative", n)
		}
	case "readbits", "writebits":
		if n, ok := luauInt(c, 2); ok && (n < 0 || n > 32) && len(c.Node.Args) > 2 {
			report(2, "buffer.%s with %d bits raises \"bit count is out of range of [0; 32]\": at most 32 bits at a time", c.Func.Name, n)
		}
	case "readstring":
		if n, ok := luauInt(c, 2); ok && n < 0 && len(c.Node.Args) > 2 {
			report(2, "buffer.readstring of %d bytes raises \"invalid argument #3 to 'readstring' (size)\": a count cannot be negative", n)
		}
	case "writestring":
		n, ok := luauInt(c, 3)
		if !ok || len(c.Node.Args) < 4 {
			break
		}
		switch str := c.Args[2]; {
		case n < 0:
			report(3, "buffer.writestring of %d bytes raises \"invalid argument #4 to 'writestring' (count)\": a count cannot be negative", n)
		case str.Kind == semantic.String && str.Const && n > int64(len(str.Str)):
			report(3, "buffer.writestring of %d bytes from a %d-byte string raises \"string length overflow\"", n, len(str.Str))
		}
	case "fill":
		if n, ok := luauInt(c, 3); ok && n < 0 && len(c.Node.Args) > 3 {
			report(3, "buffer.fill of %d bytes raises \"buffer access out of bounds\": a count cannot be negative", n)
		}
	}
	return reported
}

// runOutOfBounds reports constant accesses outside a known size and
// negative constant offsets.
func runOutOfBounds(p *Pass) {
	for _, c := range p.Types().Calls() {
		if !checkedCall(c) || c.Func.Owner != api.Luau {
			continue
		}
		if checkLuauArgs(p, c) {
			continue
		}
		if c.Func.Name == "copy" {
			checkCopy(p, c)
			continue
		}
		if len(c.Args) < 2 {
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
		if !ok1 || !ok2 || n < 0 || n > 32 {
			continue // a bad count is reported by checkLuauArgs
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
	if !anyCall(ts, func(c *semantic.Call) bool { return c.Func != nil && c.Func.Owner == api.Luau }) {
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
		case c.Func.Name == "writebits":
			// The value keeps its low bitCount bits.
			n, ok := luauInt(c, 2)
			if !ok || n < 1 || n > 32 {
				continue
			}
			bits, idx = int(n), 3
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
		signed := c.Func.Access != nil && c.Func.Access.Signed
		switch {
		case math.IsNaN(v.Num) || math.IsInf(v.Num, 0):
			p.Reportf(s, e, "%s writes %v to a %d-bit integer: the stored value is not defined", c.Func.Qualified(), v.Num, bits)
		case v.Num != math.Trunc(v.Num):
			p.Reportf(s, e, "%s writes %v to a %d-bit integer: the fraction is dropped (stored as %v)", c.Func.Qualified(), v.Num, bits, math.Trunc(v.Num))
		case v.Num < -math.Ldexp(1, bits-1) || v.Num > math.Ldexp(1, bits)-1:
			stored := wrap(v.Num, bits)
			p.Reportf(s, e, "%s keeps only the low %d bits: %v does not fit and is stored as %s", c.Func.Qualified(), bits, v.Num, stored)
		case signed && v.Num > math.Ldexp(1, bits-1)-1:
			// The bits fit, but the signed reader gives another number.
			p.Reportf(s, e, "%s stores %v, which is past the signed %d-bit range (up to %v): read back with %s it is %v; write it with %s",
				c.Func.Qualified(), v.Num, bits, math.Ldexp(1, bits-1)-1, strings.Replace(c.Func.Qualified(), "write", "read", 1),
				v.Num-math.Ldexp(1, bits), strings.Replace(c.Func.Qualified(), "writei", "writeu", 1))
		}
		// A negative value written unsigned stays silent: writeu8(b, i, -1)
		// is the usual way to set all bits.
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
