package syntax

import (
	"reflect"
	"strings"
	"testing"

	"github.com/buflsp/buflsp/internal/testutil"
)

// treeHeight measures the height of a tree in nodes, following the same
// fields as inspectReference but with an explicit stack, so that a tree
// taller than the parser's bound is measured rather than crashing the test.
func treeHeight(root Node) int {
	type item struct {
		v     reflect.Value
		depth int
	}
	stack := []item{{reflect.ValueOf(root), 0}}
	most := 0
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		v, depth := it.v, it.depth
		switch v.Kind() {
		case reflect.Interface:
			if !v.IsNil() {
				stack = append(stack, item{v.Elem(), depth})
			}
		case reflect.Pointer:
			if v.IsNil() {
				continue
			}
			if _, ok := v.Interface().(Node); ok {
				depth++
				most = max(most, depth)
			}
			e := v.Elem()
			if e.Kind() != reflect.Struct {
				continue
			}
			for i := 0; i < e.NumField(); i++ {
				if f := e.Type().Field(i); f.IsExported() && !f.Anonymous {
					stack = append(stack, item{e.Field(i), depth})
				}
			}
		case reflect.Slice:
			for i := 0; i < v.Len(); i++ {
				stack = append(stack, item{v.Index(i), depth})
			}
		}
	}
	return most
}

// maxTreeHeight is what the parser promises every walk in analysis/: no
// tree taller than this many nodes, whatever the input. It follows from
// maxHeight (at most 2*maxHeight levels and links on any path) and the few
// nodes a level or a link adds.
const maxTreeHeight = 4 * 2 * maxHeight

func dialectOf(ext string) Options {
	if ext == ".luau" {
		return Options{Target: TargetLuau}
	}
	return Options{}
}

// TestHostileShapesStayLow parses every hostile shape far past the limits
// and checks the tree height bound, the error for chains too long, and that
// flat shapes and chains below the limit parse without one.
func TestHostileShapesStayLow(t *testing.T) {
	for _, sh := range testutil.HostileShapes() {
		t.Run(sh.Name, func(t *testing.T) {
			for _, n := range []int{10, maxHeight / 2, 20 * maxHeight} {
				f := Parse("x"+sh.Ext, sh.Gen(n), dialectOf(sh.Ext))
				h := treeHeight(f.Chunk)
				if h > maxTreeHeight {
					t.Errorf("n=%d: tree height %d, over the bound %d", n, h, maxTreeHeight)
				}
				tooDeep := false
				for _, e := range f.Errors {
					if strings.Contains(e.Msg, "too deep to analyse") || strings.Contains(e.Msg, "too many syntax levels") {
						tooDeep = true
					}
				}
				switch {
				case n == 10 && len(f.Errors) > 0 && !strings.HasPrefix(sh.Name, "goto") && sh.Name != "labels":
					t.Errorf("n=%d: unexpected errors %v", n, f.Errors)
				case n == maxHeight/2 && !sh.Nested && tooDeep:
					t.Errorf("n=%d: a chain within the limit was refused: %v", n, f.Errors)
				}
			}
		})
	}
}

// TestChainLimitIsNotACompilerError checks that a chain Lua accepts but
// buflsp does not analyse is reported without being taken for the
// compiler's verdict, except in Luau, whose compiler refuses it too.
func TestChainLimitIsNotACompilerError(t *testing.T) {
	src := []byte("local b = {}\nlocal x = b" + strings.Repeat(":put('x')", 3*maxHeight) + "\n")
	f := Parse("x.lua", src, Options{})
	if len(f.Errors) != 1 || !strings.Contains(f.Errors[0].Msg, "too deep to analyse") {
		t.Fatalf("errors = %v, want one 'too deep to analyse'", f.Errors)
	}
	if e, _, ok := f.CompilerError(); ok {
		t.Errorf("LuaJIT accepts the chain, but CompilerError = %v", e)
	}
	f = Parse("x.luau", src, Options{Target: TargetLuau})
	if _, _, ok := f.CompilerError(); !ok {
		t.Errorf("Luau refuses the chain, but CompilerError is empty")
	}
}

// FuzzNestedShapes parses mixtures of chains and nestings built from the
// fuzzer's bytes (testutil.NestedSource) and checks the height bound.
func FuzzNestedShapes(f *testing.F) {
	f.Add([]byte{0xf2})
	f.Add([]byte{0x71, 0x72, 0x73, 0x74})
	f.Add([]byte{0x58, 0xf4, 0x39, 0xa3})
	f.Add([]byte{0x8a, 0x8b, 0xc2, 0x06, 0x9f})
	f.Fuzz(func(t *testing.T, prog []byte) {
		src := testutil.NestedSource(prog, 1<<20)
		file := Parse("fuzz.lua", src, Options{})
		if h := treeHeight(file.Chunk); h > maxTreeHeight {
			t.Fatalf("tree height %d, over the bound %d", h, maxTreeHeight)
		}
	})
}

// TestChainsOfStatementsDoNotAddUp checks that the chains of sibling
// statements are not counted as one: many short call statements and
// function names stay silent however many there are.
func TestChainsOfStatementsDoNotAddUp(t *testing.T) {
	src := strings.Repeat("function M.a.b(x) end\nsbuf:put(x):put(y)\nt.a.b = t.c.d\n", 3*maxHeight)
	if f := Parse("x.lua", []byte(src), Options{}); len(f.Errors) > 0 {
		t.Fatalf("errors on %d ordinary statements: %v", 3*3*maxHeight, f.Errors[:1])
	}
}
