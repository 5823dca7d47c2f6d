package rules

import (
	"github.com/buflsp/buflsp/analysis/semantic"
	"github.com/buflsp/buflsp/analysis/syntax"
)

// ---- string-concat-in-loop: loops over tables whose size comes from data ----
//
// Most loops over tables walk short lists (flags, headers, schema fields,
// mirrors), and on real code a string grown there costs nothing worth a
// change. Two origins make a table as large as the input instead:
//
//   - it was decoded or read inside a function: the result of a decode call (cjson.decode,
//     serde.decode, HttpService:JSONDecode, sbuf:decode), the lines of a
//     file (vim.fn.readfile), the pieces of a split of such data, and any
//     field of those, followed through locals that are not reassigned. In
//     the main chunk such data comes from the one file or URL a script
//     names (lune's generator scripts decode a fixed JSON list of colours),
//     so only code in functions, which runs on what its callers pass,
//     counts;
//   - the function serializes a nested value: the growth adds what a
//     recursive call of the same function returns, so the string ends as
//     large as the whole value, however short each level is.
//
// Measured and left out (docs/real-code.md): the parameters of exported
// functions and call results of unknown size. On the corpus they are
// nearly always short lists as well (cookies of a test client, path
// segments, the arguments of a command), so they would bring back the
// false findings the narrowing removed.

// maxOriginDepth bounds how many locals and fields dataTable follows.
const maxOriginDepth = 6

// loopTable returns the table a loop walks: t of pairs(t), ipairs(t),
// next, t and Luau's "for k, v in t", or of a numeric for to #t.
func loopTable(m *semantic.Model, loop syntax.Stmt) syntax.Expr {
	switch l := loop.(type) {
	case *syntax.GenericFor:
		if len(l.Exprs) == 0 {
			return nil
		}
		switch e := unparen(l.Exprs[0]).(type) {
		case *syntax.Call:
			// pairs/ipairs, also through the "local pairs = pairs" that
			// OpenResty code writes.
			if n, ok := e.Fn.(*syntax.Name); ok && (n.Value == "pairs" || n.Value == "ipairs") && len(e.Args) > 0 {
				return e.Args[0]
			}
			return nil
		case *syntax.Name:
			if s := m.Use(e); s != nil && s.Kind == semantic.Global && e.Value == "next" {
				if len(l.Exprs) > 1 {
					return l.Exprs[1]
				}
				return nil
			}
		}
		return l.Exprs[0] // Luau generalized iteration
	case *syntax.NumericFor:
		if u, ok := unparen(l.Limit).(*syntax.Unary); ok && u.Op == syntax.OLen {
			return u.X
		}
	}
	return nil
}

// dataTable reports whether e holds decoded or read data (see the comment
// at the top of this file).
func dataTable(m *semantic.Model, e syntax.Expr, depth int) bool {
	if e == nil || depth > maxOriginDepth {
		return false
	}
	switch e := unparen(e).(type) {
	case *syntax.Call:
		switch calledName(e) {
		case "decode", "JSONDecode", "json_decode", "decode_json":
			return true
		case "readfile", "readFile", "readlines", "read_lines":
			// vim.fn.readfile and friends return the lines of a file; a
			// readFile that returns one string is split before a loop
			// walks it, which the case below follows.
			return true
		case "split", "gsplit", "splitlines":
			return len(e.Args) > 0 && (readData(m, splitSubject(e), depth+1) || dataTable(m, splitSubject(e), depth+1))
		}
	case *syntax.Member:
		return !e.Colon && dataTable(m, e.X, depth+1)
	case *syntax.Index:
		return dataTable(m, e.X, depth+1)
	case *syntax.Name:
		if v := singleValue(m, e); v != nil {
			return dataTable(m, v, depth+1)
		}
	}
	return false
}

// readData reports whether e is a string read from a file or socket:
// f:read("a"), fs.readFile(path), sock:receive(...), followed through
// locals that are not reassigned.
func readData(m *semantic.Model, e syntax.Expr, depth int) bool {
	if e == nil || depth > maxOriginDepth {
		return false
	}
	switch e := unparen(e).(type) {
	case *syntax.Call:
		switch calledName(e) {
		case "read", "readFile", "readfile", "readAll", "read_all", "receive", "get_body":
			return true
		}
	case *syntax.Name:
		if v := singleValue(m, e); v != nil {
			return readData(m, v, depth+1)
		}
	}
	return false
}

// splitSubject is the string a split call cuts: s of s:split(sep), or the
// first argument of lib.split(s, sep).
func splitSubject(c *syntax.Call) syntax.Expr {
	if mem, ok := c.Fn.(*syntax.Member); ok && mem.Colon {
		return mem.X
	}
	if len(c.Args) > 0 {
		return c.Args[0]
	}
	return nil
}

// singleValue returns the value a local is declared with when it is never
// assigned again: the first value of "local x, err = f()" for x, the
// matching value of a list.
func singleValue(m *semantic.Model, n *syntax.Name) syntax.Expr {
	sym := m.Use(n)
	if sym == nil || sym.Kind != semantic.Local || writtenAgain(sym) {
		return nil
	}
	return declValue(sym)
}

// walksData reports whether a loop walks a decoded or read table.
func walksData(m *semantic.Model, loop syntax.Stmt) bool {
	return dataTable(m, loopTable(m, loop), 0)
}

// selfCallee names the function a statement belongs to, so that a call of
// it can be recognised as recursion: the symbol of "local function f" or
// "local f = function", or the last name of "function M.f"/"M:f".
type selfCallee struct {
	sym  *semantic.Symbol
	name string
}

// enclosingCallee returns the selfCallee of fn, found among its ancestors
// on stack. ok is false for an anonymous function.
func enclosingCallee(m *semantic.Model, stack []syntax.Node, fn *syntax.Function) (selfCallee, bool) {
	if fn == nil {
		return selfCallee{}, false
	}
	for i := len(stack) - 1; i > 0; i-- {
		if stack[i] != syntax.Node(fn) {
			continue
		}
		switch p := stack[i-1].(type) {
		case *syntax.LocalFunction:
			if p.Name == nil {
				return selfCallee{}, false
			}
			return selfCallee{sym: m.Use(p.Name), name: p.Name.Value}, true
		case *syntax.FunctionStmt:
			switch n := p.Name.(type) {
			case *syntax.Name:
				return selfCallee{sym: m.Use(n), name: n.Value}, true
			case *syntax.Member:
				if n.Name != nil {
					return selfCallee{name: n.Name.Value}, true
				}
			}
		case *syntax.Local:
			for j, v := range p.Values {
				if v == syntax.Expr(fn) && j < len(p.Names) {
					return selfCallee{sym: m.Use(p.Names[j]), name: p.Names[j].Value}, true
				}
			}
		}
		return selfCallee{}, false
	}
	return selfCallee{}, false
}

// callsSelf reports whether c calls the function sc names.
func (sc selfCallee) callsSelf(m *semantic.Model, c *syntax.Call) bool {
	if sc.name == "" || calledName(c) != sc.name {
		return false
	}
	if n, ok := c.Fn.(*syntax.Name); ok && sc.sym != nil {
		return m.Use(n) == sc.sym
	}
	_, isMember := c.Fn.(*syntax.Member)
	return isMember && sc.sym == nil
}

// growsBySelfCall reports whether a growth statement of loop adds what a
// recursive call of its own function returns: directly
// ("s = s .. serialize(v)"), or through a local the loop body sets from
// such a call ("v = fmt(v, depth + 1)" then "s = s .. tostring(v)").
func (mm *concatMemo) growsBySelfCall(m *semantic.Model, sc selfCallee, loop syntax.Stmt, value syntax.Expr) bool {
	if sc.hasCall(m, value) {
		return true
	}
	set, ok := mm.selfLocals[loop]
	if !ok {
		set = sc.localsSetBy(m, loop)
		mm.selfLocals[loop] = set
	}
	if len(set) == 0 {
		return false
	}
	uses := false
	syntax.Inspect(value, func(n syntax.Node) bool {
		if name, ok := n.(*syntax.Name); ok && set[m.Use(name)] {
			uses = true
		}
		return !uses
	})
	return uses
}

// hasCall reports whether root calls the function sc names, outside
// function literals.
func (sc selfCallee) hasCall(m *semantic.Model, root syntax.Node) bool {
	return callOutsideFunctions(root, func(c *syntax.Call) bool { return sc.callsSelf(m, c) })
}

// callOutsideFunctions reports whether root holds a call that ok accepts,
// not counting calls inside function literals (they run when called, not
// where they are written).
func callOutsideFunctions(root syntax.Node, ok func(*syntax.Call) bool) bool {
	found := false
	syntax.Inspect(root, func(n syntax.Node) bool {
		switch n := n.(type) {
		case *syntax.Function:
			return false
		case *syntax.Call:
			if ok(n) {
				found = true
			}
		}
		return !found
	})
	return found
}

// localsSetBy returns the locals that the body of loop assigns from a
// recursive call. The loop belongs to one function, so sc is the same for
// every statement of it.
func (sc selfCallee) localsSetBy(m *semantic.Model, loop syntax.Stmt) map[*semantic.Symbol]bool {
	set := map[*semantic.Symbol]bool{}
	syntax.Inspect(perIterationPart(loop), func(n syntax.Node) bool {
		switch n := n.(type) {
		case *syntax.Function:
			return false
		case *syntax.Assign:
			for i, tg := range n.Targets {
				if name, ok := tg.(*syntax.Name); ok && i < len(n.Values) && sc.hasCall(m, n.Values[i]) {
					set[m.Use(name)] = true
				}
			}
		case *syntax.Local:
			for i, name := range n.Names {
				if i < len(n.Values) && sc.hasCall(m, n.Values[i]) {
					set[m.Use(name)] = true
				}
			}
		}
		return true
	})
	return set
}

// streamIterator reports "for chunk in source do" where source is a
// parameter: an iterator the caller passes, which yields the pieces of a
// stream (a process's output, an ltn12 source) until it ends; neotest's
// split_lines kept the whole output of a test process this way. In Lua 5.x
// a bare name after 'in' is the iterator function itself; on targets with
// Luau's generalized iteration it may be a table (a parameter table is
// usually a short list), so there its type must be known to be a function.
func streamIterator(m *semantic.Model, t *semantic.Types, loop syntax.Stmt, luau bool) bool {
	l, ok := loop.(*syntax.GenericFor)
	if !ok || len(l.Exprs) != 1 {
		return false
	}
	name, ok := unparen(l.Exprs[0]).(*syntax.Name)
	if !ok {
		return false
	}
	sym := m.Use(name)
	if sym == nil || sym.Kind != semantic.Param {
		return false
	}
	return !luau || t.TypeOf(name).Kind == semantic.Function || paramTypeIsFunc(sym)
}

// paramTypeIsFunc reports whether a parameter is annotated with a Luau
// function type ("next: () -> string?").
func paramTypeIsFunc(sym *semantic.Symbol) bool {
	fn, ok := sym.Node.(*syntax.Function)
	if !ok {
		return false
	}
	for i, p := range fn.Params {
		if p == sym.Decl && i < len(fn.ParamTypes) {
			_, isFunc := fn.ParamTypes[i].(*syntax.TypeFunc)
			return isFunc
		}
	}
	return false
}
