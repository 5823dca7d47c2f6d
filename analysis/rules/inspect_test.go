package rules

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/buflsp/buflsp/analysis/syntax"
	"github.com/buflsp/buflsp/internal/tools/luagen/gen"
)

// TestInspectFindsWhatWalkFileFinds backs the switch of the rules from
// their own walker to syntax.Inspect. The rules that use Inspect look for
// assignments, function statements, calls and numeric for loops; the
// private walker they used was walkFile's, which does not enter type
// annotations. Inspect, pruned at type annotations, must find exactly the
// same nodes, and in the same order once both are sorted by position
// (Inspect puts an if's conditions before its blocks; the callers that
// care about order sort or keep the earliest).
func TestInspectFindsWhatWalkFileFinds(t *testing.T) {
	wanted := func(n syntax.Node) bool {
		switch n.(type) {
		case *syntax.Assign, *syntax.FunctionStmt, *syntax.Call, *syntax.NumericFor:
			return true
		}
		return false
	}
	check := func(what string, f *syntax.File) int {
		var old, now []syntax.Node
		walkFile(f, func(n syntax.Node, _ *walkCtx) bool {
			if wanted(n) {
				old = append(old, n)
			}
			return true
		})
		syntax.Inspect(f.Chunk, func(n syntax.Node) bool {
			if isTypeAnnotation(n) {
				return false
			}
			if wanted(n) {
				now = append(now, n)
			}
			return true
		})
		byStart := func(a, b syntax.Node) int {
			as, _ := a.Span()
			bs, _ := b.Span()
			return as - bs
		}
		slices.SortStableFunc(old, byStart)
		slices.SortStableFunc(now, byStart)
		if !slices.Equal(old, now) {
			t.Errorf("%s: walkFile finds %d nodes, Inspect %d; first difference %s", what, len(old), len(now), firstDifference(old, now))
		}
		return len(old)
	}
	found, files := 0, 0
	for _, root := range []string{"../../testdata/rules", "../../testdata/syntax", "../../examples"} {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !(strings.HasSuffix(path, ".lua") || strings.HasSuffix(path, ".luau")) {
				return err
			}
			src, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			dialect := syntax.DialectLuaJIT
			if strings.HasSuffix(path, ".luau") || strings.Contains(path, "luau") {
				dialect = syntax.DialectLuau
			}
			found += check(path, syntax.Parse(path, src, syntax.Options{Dialect: dialect}))
			files++
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	for i, src := range gen.Corpus(1, 5, 20000) {
		found += check(fmt.Sprintf("generated module %d", i), syntax.Parse("m.lua", src, syntax.Options{Dialect: syntax.DialectLuaJIT}))
	}
	// Code inside typeof(...) is what the pruning is for: it must be there
	// for Inspect, and not be found by either walk.
	src := []byte("local x: typeof(f(function() for i = 1, 2 do t.a = t end end)) = g()")
	f := syntax.Parse("t.luau", src, syntax.Options{Dialect: syntax.DialectLuau})
	all := 0
	syntax.Inspect(f.Chunk, func(n syntax.Node) bool {
		if wanted(n) {
			all++
		}
		return true
	})
	if got := check("typeof", f); got != 1 || all != 4 {
		t.Errorf("typeof: walkFile finds %d nodes (want 1, the call g()), unpruned Inspect %d (want 4: f(...), the loop, the assignment, g())", got, all)
	}
	if files < 50 || found < 1000 {
		t.Errorf("only %d files and %d nodes compared", files, found)
	}
}

func firstDifference(a, b []syntax.Node) string {
	for i := range max(len(a), len(b)) {
		if i >= len(a) || i >= len(b) || a[i] != b[i] {
			return fmt.Sprintf("at %d: %s vs %s", i, nodeAt(a, i), nodeAt(b, i))
		}
	}
	return "none"
}

func nodeAt(ns []syntax.Node, i int) string {
	if i >= len(ns) {
		return "(none)"
	}
	s, e := ns[i].Span()
	return fmt.Sprintf("%T at %d..%d", ns[i], s, e)
}
