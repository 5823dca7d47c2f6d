package analysis_test

import (
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/buflsp/buflsp/analysis"
	"github.com/buflsp/buflsp/analysis/rules"
	"github.com/buflsp/buflsp/internal/testutil"
)

// TestExamples keeps examples/ honest. Each mistake there carries a
// "mistake: rule-name" comment; for every rule that has an implementation,
// the check must report exactly the marked lines. Rules still without one
// are skipped, so the test tightens by itself as rules land. The files must
// also parse cleanly and name only rules of the catalogue.
func TestExamples(t *testing.T) {
	root := filepath.Join("..", "examples")
	mark := regexp.MustCompile(`mistake: ([a-z-]+)`)
	checker := analysis.NewChecker()
	reg := checker.Registry()
	isExample := func(p string) bool {
		return analysis.IsLuaFile(p) && !strings.Contains(filepath.ToSlash(p), "/run/")
	}
	n := testutil.CaseTree(t, root, isExample, func(t *testing.T, p string, src []byte) {
		res := checker.Check(p, src, nil)
		want := map[string][]int{}
		for i, line := range strings.Split(string(src), "\n") {
			for _, m := range mark.FindAllStringSubmatch(line, -1) {
				if _, ok := reg.Lookup(m[1]); !ok {
					t.Errorf("%s:%d: marked rule %q is not in the catalogue", p, i+1, m[1])
				}
				want[m[1]] = append(want[m[1]], i+1)
			}
		}
		got := map[string][]int{}
		for _, d := range res.Diagnostics {
			if d.Rule == rules.SyntaxError {
				t.Errorf("%s: syntax error: %s", p, d.Message)
			}
			line, _ := res.File.Lines.Position(d.Start)
			got[d.Rule] = append(got[d.Rule], line)
		}
		for _, r := range reg.All() {
			if r.Run == nil {
				continue
			}
			w, g := want[r.Name], got[r.Name]
			sort.Ints(w)
			sort.Ints(g)
			if !equalInts(w, g) {
				t.Errorf("%s: %s reported on lines %v, marked on lines %v", p, r.Name, g, w)
			}
		}
	})
	if n < 2 {
		t.Fatalf("found %d example files, want at least 2", n)
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
