package syntax

import (
	"os"
	"strings"
	"testing"
)

// FuzzParse checks, on any input and in every dialect, that Parse does not
// panic, returns a tree, reports errors sorted and inside the source, that
// every node span lies inside the source, and that tokens plus the trivia
// between them reproduce the source byte for byte, and that CompilerError
// names an error exactly when there are errors.
func FuzzParse(f *testing.F) {
	for _, path := range []string{"luajit/basic.lua", "luajit/strings.lua", "lua54/ops.lua", "luau/types.luau", "luajit/err_recover.lua"} {
		if src, err := os.ReadFile(testdataDir + "/" + path); err == nil {
			f.Add(src)
		}
	}
	f.Add([]byte("local x = buf:"))
	f.Add([]byte("`a{b}c{`"))
	f.Add([]byte("((((((((((("))
	f.Fuzz(func(t *testing.T, src []byte) {
		for _, d := range []Dialect{DialectLuaJIT, DialectLua51, DialectLua52, DialectLua53, DialectLua54, DialectLuau} {
			file := Parse("f.lua", src, Options{Dialect: d})
			if file == nil || file.Chunk == nil {
				t.Fatal("nil tree")
			}
			prev := -1
			for _, e := range file.Errors {
				if e.Start < prev || e.Start < 0 || e.End < e.Start || e.End > len(src) {
					t.Fatalf("%v: bad error %+v (previous start %d, len %d)", d, e, prev, len(src))
				}
				prev = e.Start
			}
			if e, line, ok := file.CompilerError(); ok != (len(file.Errors) > 0) || ok && (line < 1 || e.Msg == "") {
				t.Fatalf("%v: compiler error %+v at line %d (ok %v) with %d errors", d, e, line, ok, len(file.Errors))
			}
			checkSpans(t, file.Chunk, len(src))
			checkNameIDs(t, file)
			var b strings.Builder
			end := 0
			for _, tok := range Tokens(src, d) {
				if tok.Start < end || tok.End < tok.Start || tok.End > len(src) {
					t.Fatalf("%v: token %+v out of order (previous end %d)", d, tok, end)
				}
				b.Write(src[end:tok.Start])
				b.Write(src[tok.Start:tok.End])
				end = tok.End
			}
			if b.String() != string(src) {
				t.Fatalf("%v: tokens do not reproduce the source", d)
			}
		}
	})
}

// checkSpans walks the dump-reachable nodes through Inspect and checks that
// each span is ordered and inside the source.
func checkSpans(t *testing.T, root Node, n int) {
	t.Helper()
	Inspect(root, func(x Node) bool {
		s, e := x.Span()
		if s < 0 || e < s || e > n {
			t.Fatalf("node %T has span %d..%d outside 0..%d", x, s, e, n)
		}
		return true
	})
}

// checkNameIDs checks the promise of Name.ID: every Name of the tree has
// its own ID between 1 and File.NameIDs().
func checkNameIDs(t *testing.T, f *File) {
	t.Helper()
	seen := map[int]*Name{}
	Inspect(f.Chunk, func(n Node) bool {
		name, ok := n.(*Name)
		if !ok {
			return true
		}
		id := name.ID()
		if id < 1 || id > f.NameIDs() {
			t.Fatalf("name %q at %d has ID %d, outside 1..%d", name.Value, name.Start, id, f.NameIDs())
		}
		if other := seen[id]; other != nil && other != name {
			t.Fatalf("names %q at %d and %q at %d share ID %d", other.Value, other.Start, name.Value, name.Start, id)
		}
		seen[id] = name
		return true
	})
}
