package lower

import (
	"strconv"
	"strings"

	"github.com/buflsp/buflsp/analysis/syntax"
)

// binaryText is the Lua operator for the operator of a compound assignment.
func binaryText(op syntax.Kind) string {
	switch op {
	case syntax.OAdd:
		return "+"
	case syntax.OSub:
		return "-"
	case syntax.OMul:
		return "*"
	case syntax.ODiv:
		return "/"
	case syntax.OMod:
		return "%"
	case syntax.OPow:
		return "^"
	case syntax.OConcat:
		return ".."
	}
	return ""
}

// combine writes "a OP (b)", or math.floor for floor division.
func combine(op syntax.Kind, a, b string) string {
	if op == syntax.OIDiv {
		return "math.floor(" + a + " / (" + b + "))"
	}
	return a + " " + binaryText(op) + " (" + b + ")"
}

// compound lowers "target op= value". The table and key of an indexed
// target are evaluated once, into locals of a do block, unless they are
// plain names or constants that are safe to read twice.
func (r *rewriter) compound(s *syntax.CompoundAssign) {
	r.expr(s.Target)
	r.expr(s.Value)
	if s.Op != syntax.OIDiv && binaryText(s.Op) == "" {
		r.fail(s.Start, "unknown compound assignment operator")
		return
	}
	value := r.slice(spanOf(s.Value))
	var text string
	switch t := s.Target.(type) {
	case *syntax.Name:
		text = t.Value + " = " + combine(s.Op, t.Value, value)
	case *syntax.Member:
		obj := r.slice(spanOf(t.X))
		if simple(t.X) {
			target := obj + "." + t.Name.Value
			text = target + " = " + combine(s.Op, target, value)
		} else {
			target := "__lower_obj." + t.Name.Value
			text = "do local __lower_obj = " + obj + "; " + target + " = " + combine(s.Op, target, value) + " end"
		}
	case *syntax.Index:
		obj, key := r.slice(spanOf(t.X)), r.slice(spanOf(t.Key))
		if simple(t.X) && simple(t.Key) {
			target := obj + "[" + key + "]"
			text = target + " = " + combine(s.Op, target, value)
		} else {
			target := "__lower_obj[__lower_key]"
			text = "do local __lower_obj, __lower_key = " + obj + ", " + key + "; " + target + " = " + combine(s.Op, target, value) + " end"
		}
	default:
		r.fail(s.Start, "cannot assign to this expression")
		return
	}
	r.replace(s.Start, s.End, text)
}

// simple reports whether evaluating e twice is the same as once: names and
// literals.
func simple(e syntax.Expr) bool {
	switch e.(type) {
	case *syntax.Name, *syntax.Number, *syntax.String, *syntax.True, *syntax.False, *syntax.Nil:
		return true
	}
	return false
}

// ifExpr lowers "if c then a elseif d then b else e" to a function called on
// the spot, passing the varargs through when the expression uses them. Each
// branch is parenthesised because an if-expression yields one value.
func (r *rewriter) ifExpr(e *syntax.IfExpr) {
	var b strings.Builder
	varargs := usesVararg(e)
	if varargs {
		b.WriteString("(function(...) ")
	} else {
		b.WriteString("(function() ")
	}
	for i, c := range e.Conds {
		if i == 0 {
			b.WriteString("if ")
		} else {
			b.WriteString(" elseif ")
		}
		b.WriteString(r.slice(spanOf(c)))
		b.WriteString(" then return (")
		if i < len(e.Thens) && e.Thens[i] != nil {
			b.WriteString(r.slice(spanOf(e.Thens[i])))
		} else {
			b.WriteString("nil")
		}
		b.WriteString(")")
	}
	b.WriteString(" else return (")
	if e.Else != nil {
		b.WriteString(r.slice(spanOf(e.Else)))
	} else {
		b.WriteString("nil")
	}
	b.WriteString(") end end)(")
	if varargs {
		b.WriteString("...")
	}
	b.WriteString(")")
	r.replace(e.Start, e.End, b.String())
}

// usesVararg reports whether "..." appears in n outside nested functions.
func usesVararg(n syntax.Node) bool {
	found := false
	syntax.Inspect(n, func(m syntax.Node) bool {
		switch m.(type) {
		case *syntax.Vararg:
			found = true
		case *syntax.Function:
			return false
		}
		return !found
	})
	return found
}

// interp lowers `a{x}b` to ("a" .. tostring(x) .. "b"), dropping empty
// pieces; a string without expressions becomes a plain literal.
func (r *rewriter) interp(e *syntax.Interp) {
	var parts []string
	for i, raw := range e.Parts {
		if lit := interpPiece(raw); lit != `""` {
			parts = append(parts, lit)
		}
		if i < len(e.Exprs) && e.Exprs[i] != nil {
			parts = append(parts, "tostring("+r.slice(spanOf(e.Exprs[i]))+")")
		}
	}
	switch {
	case len(parts) == 0:
		r.replace(e.Start, e.End, `""`)
	case len(e.Exprs) == 0:
		r.replace(e.Start, e.End, parts[0])
	default:
		r.replace(e.Start, e.End, "("+strings.Join(parts, " .. ")+")")
	}
}

// interpPiece turns one raw piece of an interpolated string (with its
// delimiters: ` or } before, { or ` after) into a double-quoted Lua
// literal. Luau's own escapes \{ \} \` become the plain characters; other
// escapes mean the same in Lua and are kept.
func interpPiece(raw string) string {
	if len(raw) > 0 && (raw[0] == '`' || raw[0] == '}') {
		raw = raw[1:]
	}
	if n := len(raw); n > 0 && (raw[n-1] == '`' || raw[n-1] == '{') && !escapedAt(raw, n-1) {
		raw = raw[:n-1]
	}
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		switch {
		case c == '\\' && i+1 < len(raw):
			next := raw[i+1]
			if next == '{' || next == '}' || next == '`' {
				b.WriteByte(next)
			} else {
				b.WriteByte('\\')
				b.WriteByte(next)
			}
			i++
		case c == '"':
			b.WriteString(`\"`)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// escapedAt reports whether raw[i] is preceded by an odd number of
// backslashes.
func escapedAt(raw string, i int) bool {
	n := 0
	for j := i - 1; j >= 0 && raw[j] == '\\'; j-- {
		n++
	}
	return n%2 == 1
}

// number rewrites Luau's binary literals (0b1010) and digit separators
// (1_000_000), which Lua 5.1 does not read.
func (r *rewriter) number(n *syntax.Number) {
	raw := n.Raw
	if !strings.ContainsRune(raw, '_') && !strings.HasPrefix(raw, "0b") && !strings.HasPrefix(raw, "0B") {
		return
	}
	clean := strings.ReplaceAll(raw, "_", "")
	if strings.HasPrefix(clean, "0b") || strings.HasPrefix(clean, "0B") {
		v, err := strconv.ParseUint(clean[2:], 2, 64)
		if err != nil {
			r.fail(n.Start, "malformed binary number %s", raw)
			return
		}
		clean = "0x" + strconv.FormatUint(v, 16)
	}
	r.replace(n.Start, n.End, clean)
}
