// Package gen generates realistic Lua source for benchmarks and
// conformance runs: modules with annotated functions, locals, loops,
// branches, table constructors, method calls on string.buffer objects,
// string and numeric literals of every form, and comments. The output is
// deterministic for a seed and valid LuaJIT, Lua 5.1 and Lua 5.4 code.
package gen

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

type generator struct {
	r      *rand.Rand
	b      strings.Builder
	indent int
	locals []string // names in scope, innermost last
	nextID int
	loop   int
	luau   bool // write Luau: annotations, types and Luau statements
}

// Module returns one Lua module of roughly size bytes.
func Module(seed uint64, size int) []byte {
	g := &generator{r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
	g.line("-- Generated module %d: buffer helpers and data processing.", seed)
	g.line("local buffer = require(\"string.buffer\")")
	g.line("local M = {}")
	g.locals = append(g.locals, "buffer", "M")
	g.line("")
	for g.b.Len() < size {
		g.function()
		g.line("")
	}
	g.line("return M")
	return []byte(g.b.String())
}

func (g *generator) line(format string, args ...any) {
	g.b.WriteString(strings.Repeat("  ", g.indent))
	fmt.Fprintf(&g.b, format, args...)
	g.b.WriteByte('\n')
}

func (g *generator) pick(xs ...string) string { return xs[g.r.IntN(len(xs))] }

func (g *generator) fresh(base string) string {
	g.nextID++
	return fmt.Sprintf("%s%d", base, g.nextID)
}

func (g *generator) local() string {
	if len(g.locals) == 0 {
		return "nil"
	}
	return g.locals[len(g.locals)-1-g.r.IntN(min(len(g.locals), 6))]
}

func (g *generator) function() {
	name := g.fresh(g.pick("encode", "decode", "process", "build", "read", "write", "parse"))
	params := []string{}
	for i := g.r.IntN(4); i > 0; i-- {
		params = append(params, g.fresh(g.pick("buf", "n", "s", "opts", "t", "x")))
	}
	g.line("--- %s does one step of the pipeline.", name)
	for _, p := range params {
		g.line("---@param %s %s", p, g.pick("string.buffer", "number", "string", "table", "any"))
	}
	g.line("---@return %s", g.pick("number", "string", "boolean", "table"))
	method := g.r.IntN(3) == 0
	if method {
		g.line("function M:%s(%s)", name, strings.Join(params, ", "))
	} else if g.r.IntN(2) == 0 {
		g.line("function M.%s(%s)", name, strings.Join(params, ", "))
	} else {
		g.line("local function %s(%s)", name, strings.Join(params, ", "))
	}
	saved := g.locals
	g.locals = append(g.locals[:len(g.locals):len(g.locals)], params...)
	if method {
		g.locals = append(g.locals, "self")
	}
	g.indent++
	g.block(2 + g.r.IntN(8))
	g.line("return %s", g.expr(2))
	g.indent--
	g.line("end")
	g.locals = saved
	if !method && !strings.Contains(g.b.String()[max(0, g.b.Len()-200):], "function M") {
		g.line("M.%s = %s", name, name)
	}
	g.locals = append(g.locals, name)
}

func (g *generator) block(n int) {
	saved := g.locals
	for i := 0; i < n; i++ {
		g.statement()
	}
	g.locals = saved
}

func (g *generator) statement() {
	depth := g.indent
	if g.luau && g.r.IntN(3) == 0 && g.luauStatement() {
		return
	}
	switch k := g.r.IntN(14); {
	case k < 4:
		name := g.fresh(g.pick("v", "len", "pos", "tmp", "out"))
		g.line("local %s = %s", name, g.expr(3))
		g.locals = append(g.locals, name)
	case k == 4:
		g.line("%s = %s", g.local(), g.expr(3))
	case k == 5 && g.luau:
		name := g.fresh("b")
		g.line("local %s = buffer.create(%s)", name, g.pick("8", "64", "1024"))
		g.line("buffer.writeu8(%s, 0, %s)", name, g.num())
		g.locals = append(g.locals, name)
	case k == 5:
		name := g.fresh("sb")
		g.line("local %s = buffer.new(%s)", name, g.pick("", "64", "{ dict = { \"a\", \"b\" } }"))
		g.line("%s:put(%s, %s):put(%s)", name, g.expr(1), g.str(), g.expr(1))
		g.locals = append(g.locals, name)
	case k == 6 && depth < 5:
		g.line("if %s then", g.cond())
		g.indent++
		g.block(1 + g.r.IntN(3))
		g.indent--
		if g.r.IntN(2) == 0 {
			g.line("elseif %s then", g.cond())
			g.indent++
			g.block(1 + g.r.IntN(2))
			g.indent--
		}
		if g.r.IntN(2) == 0 {
			g.line("else")
			g.indent++
			g.block(1 + g.r.IntN(2))
			g.indent--
		}
		g.line("end")
	case k == 7 && depth < 5:
		i := g.fresh("i")
		g.line("for %s = %s, %s do", i, g.pick("0", "1"), g.expr(1))
		g.indent++
		g.locals = append(g.locals, i)
		g.loop++
		g.block(1 + g.r.IntN(3))
		g.loop--
		g.indent--
		g.locals = g.locals[:len(g.locals)-1]
		g.line("end")
	case k == 8 && depth < 5:
		kn, vn := g.fresh("k"), g.fresh("v")
		g.line("for %s, %s in %s(%s) do", kn, vn, g.pick("pairs", "ipairs"), g.local())
		g.indent++
		g.locals = append(g.locals, kn, vn)
		g.loop++
		g.block(1 + g.r.IntN(3))
		g.loop--
		g.indent--
		g.locals = g.locals[:len(g.locals)-2]
		g.line("end")
	case k == 9 && depth < 5:
		g.line("while %s do", g.cond())
		g.indent++
		g.loop++
		g.block(1 + g.r.IntN(2))
		g.line("break")
		g.loop--
		g.indent--
		g.line("end")
	case k == 10 && depth < 5:
		g.line("repeat")
		g.indent++
		g.block(1 + g.r.IntN(2))
		g.indent--
		g.line("until %s", g.cond())
	case k == 11:
		g.line("-- %s", g.pick("keep the fast path first", "TODO: handle short reads", "see the format notes", "this copies once"))
	case k == 12:
		t := g.fresh("t")
		g.line("local %s = { %s, %s, name = %s, [ %s ] = %s; %s }", t, g.expr(1), g.expr(1), g.str(), g.str(), g.expr(1), g.num())
		g.locals = append(g.locals, t)
	default:
		g.line("%s(%s)", g.pick("print", "assert", "table.insert", "io.write"), g.expr(2))
	}
}

func (g *generator) cond() string {
	return fmt.Sprintf("%s %s %s", g.expr(1), g.pick("==", "~=", "<", "<=", ">", ">="), g.expr(1))
}

func (g *generator) num() string {
	return g.pick("0", "1", "42", "255", "0x7f", "0xFF", "3.5", "1e3", "2.5e-3", ".5", "1024")
}

func (g *generator) str() string {
	switch g.r.IntN(6) {
	case 0:
		return "[[raw text]]"
	case 1:
		return "'single'"
	case 2:
		return `"esc\tape\n"`
	case 3:
		return `"\65\066\x41"`
	}
	return fmt.Sprintf("%q", g.pick("key", "value", "header", "payload", "len"))
}

func (g *generator) expr(depth int) string {
	if depth <= 0 {
		switch g.r.IntN(4) {
		case 0:
			return g.num()
		case 1:
			return g.str()
		default:
			return g.local()
		}
	}
	switch g.r.IntN(10) {
	case 0, 1:
		return fmt.Sprintf("%s %s %s", g.expr(depth-1), g.pick("+", "-", "*", "/", "%", "..", "and", "or"), g.expr(depth-1))
	case 2:
		return fmt.Sprintf("(%s)", g.expr(depth-1))
	case 3:
		return fmt.Sprintf("%s(%s, %s)", g.pick("math.max", "string.format", "select", "tostring", "type"), g.expr(depth-1), g.expr(depth-1))
	case 4:
		return fmt.Sprintf("%s:%s(%s)", g.local(), g.pick("get", "tostring", "reset", "skip", "len"), g.expr(depth-1))
	case 5:
		return fmt.Sprintf("%s.%s", g.local(), g.pick("n", "data", "size", "next"))
	case 6:
		return fmt.Sprintf("%s[ %s ]", g.local(), g.expr(depth-1))
	case 7:
		return fmt.Sprintf("#%s", g.local())
	case 8:
		return fmt.Sprintf("not %s", g.expr(depth-1))
	}
	return g.expr(0)
}

// Corpus returns n modules of about size bytes each.
func Corpus(seed uint64, n, size int) [][]byte {
	out := make([][]byte, n)
	for i := range out {
		out[i] = Module(seed+uint64(i), size)
	}
	return out
}
