package testutil

import (
	"os"
	"strings"
)

// Shape is one kind of hostile source: code that is tall as a tree (a chain
// or a nesting) or long and flat, generated at any size. The analyzer's
// walks recurse on the tree, so every shape must stay within the parser's
// height bound, and every check must stay linear on the flat ones.
type Shape struct {
	Name string
	Ext  string // ".lua" or ".luau": the dialect the shape needs
	// Nested is true for shapes that the Lua compilers themselves refuse
	// past 200 levels (nesting), false for chains and flat lists, which
	// Lua 5.x and LuaJIT accept at any length.
	Nested bool
	Gen    func(n int) []byte
}

// HostileShapes returns every shape, each generating n links, levels or
// statements.
func HostileShapes() []Shape {
	rep := strings.Repeat
	prelude := "local buffer = require(\"string.buffer\")\nlocal b = buffer.new()\nlocal t, a, f = {}, 1, print\n"
	chain := func(head, link string) func(int) []byte {
		return func(n int) []byte { return []byte(prelude + "local x = " + head + rep(link, n) + "\nreturn x\n") }
	}
	wrap := func(open, mid, close string) func(int) []byte {
		return func(n int) []byte {
			return []byte(prelude + "local x = " + rep(open, n) + mid + rep(close, n) + "\nreturn x\n")
		}
	}
	lines := func(head, line string) func(int) []byte {
		return func(n int) []byte { return []byte(head + rep(line, n)) }
	}
	return []Shape{
		{Name: "method-chain", Ext: ".lua", Gen: chain("b", ":put('x')")},
		{Name: "field-chain", Ext: ".lua", Gen: chain("t", ".a")},
		{Name: "index-chain", Ext: ".lua", Gen: chain("t", "[1]")},
		{Name: "call-chain", Ext: ".lua", Gen: chain("f", "()")},
		{Name: "string-call-chain", Ext: ".lua", Gen: chain("f", "'s'")},
		{Name: "plus-chain", Ext: ".lua", Gen: chain("a", " + a")},
		{Name: "and-chain", Ext: ".lua", Gen: chain("a", " and a")},
		{Name: "or-chain", Ext: ".lua", Gen: chain("a", " or a")},
		{Name: "compare-chain", Ext: ".lua", Gen: chain("a", " == a")},
		{Name: "concat-chain", Ext: ".lua", Nested: true, Gen: chain("'s'", " .. b")},
		{Name: "pow-chain", Ext: ".lua", Nested: true, Gen: chain("a", " ^ a")},
		{Name: "not-chain", Ext: ".lua", Nested: true, Gen: wrap("not ", "a", "")},
		{Name: "minus-chain", Ext: ".lua", Nested: true, Gen: wrap("- ", "a", "")},
		{Name: "nested-parens", Ext: ".lua", Nested: true, Gen: wrap("(", "a", ")")},
		{Name: "nested-calls", Ext: ".lua", Nested: true, Gen: wrap("f(", "a", ")")},
		{Name: "nested-methods", Ext: ".lua", Nested: true, Gen: wrap("b:put(", "a", ")")},
		{Name: "nested-tables", Ext: ".lua", Nested: true, Gen: wrap("{", "a", "}")},
		{Name: "nested-keys", Ext: ".lua", Nested: true, Gen: wrap("t[", "a", "]")},
		{Name: "nested-functions", Ext: ".lua", Nested: true, Gen: wrap("function() return ", "b", " end")},
		{Name: "nested-blocks", Ext: ".lua", Nested: true, Gen: func(n int) []byte {
			return []byte(prelude + rep("do ", n) + "b:put(a)" + rep(" end", n) + "\n")
		}},
		{Name: "nested-ifs", Ext: ".lua", Nested: true, Gen: func(n int) []byte {
			return []byte(prelude + rep("if a then ", n) + "b:put(a)" + rep(" end", n) + "\n")
		}},
		{Name: "nested-loops", Ext: ".lua", Nested: true, Gen: func(n int) []byte {
			return []byte(prelude + rep("for i = 1, 2 do while a do ", n) + "b:put(i)" + rep(" end end", n) + "\n")
		}},
		{Name: "function-name-chain", Ext: ".lua", Gen: func(n int) []byte {
			return []byte("local t = {}\nfunction t" + rep(".t", n) + "() end\n")
		}},
		{Name: "elseif-ladder", Ext: ".lua", Gen: func(n int) []byte {
			var s strings.Builder
			s.WriteString(prelude + "if a == 0 then b:put(0)\n")
			for i := 1; i < n; i++ {
				s.WriteString("elseif a == 1 then b:put(a)\n")
			}
			s.WriteString("end\n")
			return []byte(s.String())
		}},
		{Name: "statements", Ext: ".lua", Gen: lines(prelude, "b:put(a)\n")},
		// One loop growing a string in n statements, each calling the
		// function it is in (and a loop of n growths of distinct strings):
		// string-concat-in-loop once walked the loop, and the function
		// for every call in it, per statement.
		{Name: "loop-growth", Ext: ".lua", Gen: func(n int) []byte {
			return []byte("local function f(t)\nlocal s = ''\nwhile t:read(64) do\n" + rep("s = s .. f(t)\n", n) + "end\nreturn s\nend\nreturn f\n")
		}},
		{Name: "loop-growth-strings", Ext: ".lua", Gen: func(n int) []byte {
			var s strings.Builder
			s.WriteString("local t = {}\nfor c in io.read('a'):gmatch('.') do\n")
			for i := range n {
				s.WriteString("t.s" + itoa(i) + " = t.s" + itoa(i) + " .. c\n")
			}
			s.WriteString("end\nreturn t\n")
			return []byte(s.String())
		}},
		{Name: "locals", Ext: ".lua", Gen: lines(prelude, "local c = b:tostring()\n")},
		{Name: "goto-label", Ext: ".lua", Gen: lines("", "::l:: goto l\n")},
		{Name: "goto-forward", Ext: ".lua", Gen: func(n int) []byte {
			return []byte(rep("goto l\n", n) + "::l::\n")
		}},
		{Name: "labels", Ext: ".lua", Gen: func(n int) []byte {
			var s strings.Builder
			for i := range n {
				s.WriteString("::l")
				s.WriteString(itoa(i))
				s.WriteString("::\n")
			}
			return []byte(s.String())
		}},
		{Name: "table-fields", Ext: ".lua", Gen: func(n int) []byte {
			return []byte(prelude + "local x = {" + rep("a, ", n) + "}\n")
		}},
		{Name: "args", Ext: ".lua", Gen: func(n int) []byte {
			return []byte(prelude + "b:put(" + rep("a, ", n) + "a)\n")
		}},
		{Name: "cast-chain", Ext: ".luau", Gen: func(n int) []byte {
			// Luau allows one :: per operand ("a :: any :: any" does not
			// compile), so the chain is of cast operands.
			return []byte("local a = 1\nlocal x = a :: any" + rep(" + a :: any", n) + "\n")
		}},
		{Name: "optional-type", Ext: ".luau", Gen: func(n int) []byte {
			return []byte("local x: number" + rep("?", n) + " = nil\n")
		}},
		{Name: "if-expression-ladder", Ext: ".luau", Gen: func(n int) []byte {
			return []byte("local a = 1\nlocal x = if a == 0 then 0" + rep(" elseif a == 1 then 1", n) + " else 2\n")
		}},
		{Name: "nested-table-type", Ext: ".luau", Nested: true, Gen: func(n int) []byte {
			return []byte("local x: " + rep("{ ", n) + "number" + rep(" }", n) + " = nil\n")
		}},
		{Name: "nested-generic-type", Ext: ".luau", Nested: true, Gen: func(n int) []byte {
			return []byte("type Box<T> = { value: T }\ntype X = " + rep("Box<", n) + "number" + rep(">", n) + "\n")
		}},
		{Name: "function-type-chain", Ext: ".luau", Nested: true, Gen: func(n int) []byte {
			return []byte("type F = " + rep("(number) -> ", n) + "number\n")
		}},
		{Name: "huge-union", Ext: ".luau", Gen: func(n int) []byte {
			return []byte("type U = " + rep("\"a\" | ", n) + "number\nlocal u: U = 1\n")
		}},
		{Name: "recursive-type-aliases", Ext: ".luau", Gen: func(n int) []byte {
			var b strings.Builder
			for i := range n {
				// Each alias refers to itself and to the next one, which is
				// declared later: a long cycle through the whole file.
				b.WriteString("type T" + itoa(i) + " = { self: T" + itoa(i) + "?, next: T" + itoa((i+1)%n) + "? }\n")
			}
			b.WriteString("local t: T0 = {}\n")
			return []byte(b.String())
		}},
		{Name: "luau-buffer-chain", Ext: ".luau", Gen: func(n int) []byte {
			return []byte("local b = buffer.create(8)\nlocal x = buffer.len(b)" + rep(" + buffer.readu8(b, 0)", n) + "\n")
		}},
	}
}

// itoa formats a non-negative number.
func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var d []byte
	for ; n > 0; n /= 10 {
		d = append([]byte{byte('0' + n%10)}, d...)
	}
	return string(d)
}

// NestedSource builds Lua source from a fuzzer's bytes: each byte wraps
// the expression built so far in one construct, repeated 1 to 2^15 times
// (the high bits), so a few bytes describe deep mixtures of chains and
// nestings. It stops adding before the source passes limit bytes.
func NestedSource(prog []byte, limit int) []byte {
	e := "b"
	for _, c := range prog {
		count := 1 << (c >> 4)
		var next string
		switch c & 15 {
		case 0:
			next = strings.Repeat("(", count) + e + strings.Repeat(")", count)
		case 1:
			next = strings.Repeat("f(", count) + e + strings.Repeat(")", count)
		case 2:
			next = "(" + e + ")" + strings.Repeat(":put('x')", count)
		case 3:
			next = "(" + e + ")" + strings.Repeat(".a", count)
		case 4:
			next = e + strings.Repeat(" + a", count)
		case 5:
			next = e + strings.Repeat(" or a", count)
		case 6:
			next = strings.Repeat("'s' .. ", count) + e
		case 7:
			next = strings.Repeat("not ", count) + e
		case 8:
			next = strings.Repeat("function() return ", count) + e + strings.Repeat(" end", count)
		case 9:
			next = strings.Repeat("{", count) + e + strings.Repeat("}", count)
		case 10:
			next = "(function() " + strings.Repeat("do ", count) + "return " + e + strings.Repeat(" end", count) + " end)()"
		case 11:
			next = "(function() if a then " + strings.Repeat("elseif a then ", count) + "else return " + e + " end end)()"
		case 12:
			next = "(" + e + ")" + strings.Repeat("[a]", count)
		case 13:
			next = e + strings.Repeat(" and a", count)
		case 14:
			next = "b:put(" + e + strings.Repeat(", a", count) + ")"
		default:
			next = "(function() " + strings.Repeat("::l:: ", 1) + strings.Repeat("goto l ", count) + "return " + e + " end)()"
		}
		if len(next) > limit {
			break
		}
		e = next
	}
	return []byte("local buffer = require(\"string.buffer\")\nlocal b = buffer.new()\nlocal t, a, f = {}, 1, print\nlocal x = " + e + "\nreturn x\n")
}

// RedTeamScale is the factor the red-team harnesses apply to the sizes of
// generated shapes: 1 in `make test`, more in `make fuzz`, which sets
// BUFLSP_REDTEAM_SCALE to run the same cases at larger sizes.
func RedTeamScale() int {
	n := 0
	for _, c := range os.Getenv("BUFLSP_REDTEAM_SCALE") {
		if c < '0' || c > '9' {
			return 1
		}
		n = n*10 + int(c-'0')
	}
	return max(n, 1)
}
