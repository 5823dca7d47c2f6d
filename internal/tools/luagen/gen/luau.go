package gen

// This file generates Luau modules: the Lua of gen.go plus type
// annotations, type aliases and type functions, generics with explicit
// instantiation, const locals, compound assignment, continue, if
// expressions, interpolated strings, attributes and the buffer library.
// Everything it writes is valid for luau-compile with experimental syntax
// off.

import (
	"fmt"
	"math/rand/v2"
)

// LuauModule returns one Luau module of roughly size bytes.
func LuauModule(seed uint64, size int) []byte {
	g := &generator{r: rand.New(rand.NewPCG(seed, seed^0x51afd7ed558ccd)), luau: true}
	g.line("--!strict")
	g.line("-- Generated Luau module %d.", seed)
	g.line("local M = {}")
	g.line("export type Pair<K, V = K> = { read key: K, write value: V, [string]: number }")
	g.line("type Fn = <T>(T, ...number) -> (T, string?)")
	g.locals = append(g.locals, "M")
	for g.b.Len() < size {
		if g.r.IntN(4) == 0 {
			g.luauType()
		}
		g.function()
		g.line("")
	}
	g.line("return M")
	return []byte(g.b.String())
}

// LuauCorpus returns n Luau modules of about size bytes each.
func LuauCorpus(seed uint64, n, size int) [][]byte {
	out := make([][]byte, n)
	for i := range out {
		out[i] = LuauModule(seed+uint64(i), size)
	}
	return out
}

// typ returns a type expression.
func (g *generator) typ(depth int) string {
	if depth <= 0 {
		return g.pick("number", "string", "boolean", "buffer", "any", "nil", "\"tag\"", "true", "Fn")
	}
	switch g.r.IntN(9) {
	case 0:
		return g.typ(depth-1) + "?"
	case 1:
		return g.typ(depth-1) + " | " + g.typ(depth-1)
	case 2:
		return "{ " + g.typ(depth-1) + " }"
	case 3:
		return fmt.Sprintf("{ name: %s, read size: %s, [number]: %s }", g.typ(depth-1), g.typ(depth-1), g.typ(depth-1))
	case 4:
		return fmt.Sprintf("(%s, %s) -> %s", g.typ(depth-1), g.typ(depth-1), g.typ(depth-1))
	case 5:
		return fmt.Sprintf("Pair<%s>", g.typ(depth-1))
	case 6:
		return fmt.Sprintf("typeof(%s)", g.local())
	case 7:
		return fmt.Sprintf("Pair<<T>(T) -> T, %s>", g.typ(depth-1))
	}
	return g.typ(0)
}

// luauType writes a type alias or a type function at module level.
func (g *generator) luauType() {
	name := g.fresh("T")
	switch g.r.IntN(4) {
	case 0:
		g.line("type function %s(t)", name)
		g.indent++
		g.line("if t:is(\"table\") then return t end")
		g.line("return types.unknown")
		g.indent--
		g.line("end")
	case 1:
		g.line("export type %s<U> = (%s) & { extra: U }", name, g.typ(2))
	default:
		g.line("type %s = %s", name, g.typ(3))
	}
}

// luauStatement writes one Luau-only statement; false means none fitted
// here and the caller writes an ordinary one.
func (g *generator) luauStatement() bool {
	switch g.r.IntN(10) {
	case 0:
		name := g.fresh("n")
		g.line("local %s: %s = %s", name, g.typ(2), g.expr(2))
		g.locals = append(g.locals, name)
	case 1:
		// Not added to g.locals: statements may assign to those.
		g.line("const %s = %s", g.fresh("c"), g.expr(2))
	case 2:
		g.line("%s %s %s", g.fresh("acc"), g.pick("+=", "-=", "*=", "//=", "..=", "%="), g.expr(1))
	case 3:
		if g.loop == 0 {
			return false
		}
		g.line("if %s then continue end", g.cond())
	case 4:
		name := g.fresh("s")
		g.line("local %s = `%s {%s} and {%s}\\{literal}`", name, g.pick("value", "len", "at"), g.expr(1), g.expr(1))
		g.locals = append(g.locals, name)
	case 5:
		name := g.fresh("v")
		g.line("local %s = if %s then %s elseif %s then %s else %s", name, g.cond(), g.expr(1), g.cond(), g.expr(1), g.expr(1))
		g.locals = append(g.locals, name)
	case 6:
		name := g.fresh("id")
		g.line("local function %s<T>(x: T, ...: number): T return x end", name)
		g.line("local %s = %s<<%s>>(%s)", g.fresh("r"), name, g.typ(1), g.expr(1))
		g.locals = append(g.locals, name)
	case 7:
		g.line("%s function %s(x: number): number", g.pick("@native", "@checked", "@[native]", "@[deprecated {reason = \"old\"}]", "@[native, checked]"), g.fresh("f"))
		g.indent++
		g.line("return x + 1")
		g.indent--
		g.line("end")
	case 8:
		name := g.fresh("b")
		g.line("local %s: buffer = buffer.create(%s)", name, g.pick("4", "16", "256"))
		g.line("buffer.write%s(%s, %s, %s)", g.pick("u8", "i16", "u32", "f64"), name, g.pick("0", "1", "2"), g.num())
		g.locals = append(g.locals, name)
	default:
		g.line("local %s = (%s :: any) :: %s", g.fresh("cast"), g.expr(1), g.typ(1))
	}
	return true
}
