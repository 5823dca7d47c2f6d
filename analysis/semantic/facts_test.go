package semantic

import (
	"fmt"
	"strings"
	"testing"

	"github.com/buflsp/buflsp/analysis/api"
	"github.com/buflsp/buflsp/analysis/syntax"
)

// inferSrc parses and infers one generated file.
func inferSrc(t *testing.T, src string, facts *Facts) *Types {
	t.Helper()
	f := syntax.Parse("gen.lua", []byte(src), syntax.Options{})
	if len(f.Errors) > 0 {
		t.Fatalf("generated source does not parse: %v", f.Errors[0])
	}
	return InferWith(Build(f), syntax.TargetLuaJIT, api.New(), facts)
}

// paramKind is the inferred type of the first parameter named name.
func paramKind(ts *Types, name string) Kind {
	for _, s := range ts.Model.Locals {
		if s.Kind == Param && s.Name == name {
			return ts.DeclType(s).Kind
		}
	}
	return Unknown
}

// The inputs below are the bad shapes of issue 11: each must finish (the
// inference is bounded: two rounds, one merge per call site) and still
// give the right kinds. Their cost is measured by BenchmarkFactsShapes.

func TestFactsManyCallSites(t *testing.T) {
	var b strings.Builder
	b.WriteString("local buffer = require('string.buffer')\nlocal buf = buffer.new()\n")
	b.WriteString("local function emit(out, s)\n  out:put(s)\nend\n")
	for i := 0; i < 100_000; i++ {
		fmt.Fprintf(&b, "emit(buf, %q)\n", fmt.Sprint(i))
	}
	ts := inferSrc(t, b.String(), nil)
	if k := paramKind(ts, "out"); k != SBuf {
		t.Errorf("parameter out: %s, want string.buffer object", k)
	}
}

func TestFactsRecursion(t *testing.T) {
	src := `local buffer = require("string.buffer")
local g
local function f(out, n)
  if n > 0 then return g(out, n - 1) end
  out:put(n)
  return out
end
g = function(out2, n) return f(out2, n) end
local function self_rec(out3, n)
  if n > 0 then return self_rec(out3, n - 1) end
  return out3
end
f(buffer.new(), 3)
self_rec(buffer.new(), 3)
`
	ts := inferSrc(t, src, nil)
	if k := paramKind(ts, "out"); k != SBuf {
		t.Errorf("out: %s", k)
	}
	if k := paramKind(ts, "out3"); k != SBuf {
		t.Errorf("out3: %s", k)
	}
	// g is declared before it is assigned and called from f, which is
	// written above the assignment.
	if k := paramKind(ts, "out2"); k != SBuf {
		t.Errorf("out2: %s", k)
	}
}

// A chain of functions each passing its parameter to the next: the
// linked slots share one kind (union-find, linear), without iterating the
// rounds to a fixed point.
func TestFactsChain(t *testing.T) {
	var b strings.Builder
	b.WriteString("local buffer = require('string.buffer')\nlocal F = {}\n")
	const n = 5000
	for i := n; i >= 1; i-- {
		if i == n {
			fmt.Fprintf(&b, "function F.f%d(p%d) p%d:put('x') end\n", i, i, i)
		} else {
			fmt.Fprintf(&b, "function F.f%d(p%d) F.f%d(p%d) end\n", i, i, i+1, i)
		}
	}
	b.WriteString("F.f1(buffer.new())\n")
	ts := inferSrc(t, b.String(), nil)
	for _, p := range []string{"p1", "p2", fmt.Sprintf("p%d", n)} {
		if k := paramKind(ts, p); k != SBuf {
			t.Errorf("%s: %s, want the first argument's kind", p, k)
		}
	}
	// One caller passing something else makes the whole chain unknown.
	ts = inferSrc(t, b.String()+"F.f3('text')\n", nil)
	if k := paramKind(ts, "p1"); k != Unknown {
		t.Errorf("p1 with a string caller in the chain: %s, want unknown", k)
	}
}

// A table of functions called with run-time keys from many places: up to
// maxDispatch functions each take the arguments; a bigger table is left
// alone, so the cost stays one merge per call and function at most.
func TestFactsDispatchTable(t *testing.T) {
	build := func(fns, calls int) string {
		var b strings.Builder
		b.WriteString("local buffer = require('string.buffer')\nlocal out = buffer.new()\nlocal T = {\n")
		for i := 0; i < fns; i++ {
			fmt.Fprintf(&b, "  function(p%d) p%d:put('x') end,\n", i, i)
		}
		b.WriteString("}\nlocal function call(k) T[k](out) end\n")
		for i := 0; i < calls; i++ {
			fmt.Fprintf(&b, "call(%d)\n", i)
		}
		return b.String()
	}
	if k := paramKind(inferSrc(t, build(maxDispatch, 10), nil), "p0"); k != SBuf {
		t.Errorf("table of %d functions: p0 is %s, want string.buffer object", maxDispatch, k)
	}
	if k := paramKind(inferSrc(t, build(20_000, 20_000), nil), "p0"); k != Unknown {
		t.Errorf("table of 20,000 functions: p0 is %s, want unknown", k)
	}
}

// A visitor given callbacks from many calls: up to maxDispatch calls
// reach the callbacks' parameters; beyond that the callbacks escape, so
// the cost stays one merge per call through the parameter and callback.
func TestFactsCallbacks(t *testing.T) {
	build := func(calls int) string {
		var b strings.Builder
		b.WriteString("local buffer = require('string.buffer')\nlocal out = buffer.new()\n")
		b.WriteString("local function visit(cb, arg) cb(1, arg) end\nlocal function emit(k, o) o:put(k) end\n")
		for i := 0; i < calls; i++ {
			b.WriteString("visit(emit, out)\n")
		}
		return b.String()
	}
	if k := paramKind(inferSrc(t, build(maxDispatch), nil), "o"); k != SBuf {
		t.Errorf("%d calls: o is %s, want string.buffer object", maxDispatch, k)
	}
	if k := paramKind(inferSrc(t, build(100_000), nil), "o"); k != Unknown {
		t.Errorf("100,000 calls: o is %s, want unknown", k)
	}
}

func BenchmarkFactsShapes(b *testing.B) {
	for _, n := range []int{1000, 10_000, 100_000} {
		var s strings.Builder
		s.WriteString("local buffer = require('string.buffer')\nlocal buf = buffer.new()\nlocal function emit(out, s) out:put(s) end\n")
		for i := 0; i < n; i++ {
			s.WriteString("emit(buf, 'x')\n")
		}
		f := syntax.Parse("gen.lua", []byte(s.String()), syntax.Options{})
		m := Build(f)
		table := api.New()
		b.Run(fmt.Sprintf("calls=%d", n), func(b *testing.B) {
			for range b.N {
				InferWith(m, syntax.TargetLuaJIT, table, nil)
			}
		})
	}
}
