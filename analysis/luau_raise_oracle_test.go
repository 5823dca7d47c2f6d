package analysis_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/buflsp/buflsp/analysis"
	"github.com/buflsp/buflsp/internal/oracle"
)

// raiseRules are the rules whose findings say that a Luau line raises.
var raiseRules = map[string]bool{"out-of-bounds": true, "buffer-operator": true, "wrong-arg-type": true}

// TestLuauFindingsRaise runs the .luau files of testdata/rules/out-of-bounds
// with the real luau, once per marked line: every other marked line is
// blanked, and luau must then fail on exactly that line, with the error
// the finding quotes when it quotes one ("raises '...'" or
// "raises \"...\""), else with "buffer access out of bounds". A file
// without markers must run without error. So every out-of-bounds finding of
// these tests is a line that raises, and every silent case one that does not.
func TestLuauFindingsRaise(t *testing.T) {
	luau := oracle.RequireLuau(t, "luau")
	paths, _ := filepath.Glob(filepath.Join("..", "testdata", "rules", "out-of-bounds", "*.luau"))
	paths = append(paths, filepath.Join("..", "testdata", "rules", "wrong-arg-type", "luau_runtime.luau"))
	if len(paths) < 3 {
		t.Fatalf("found only %v", paths)
	}
	marker := regexp.MustCompile(`--\s*want:\s*([a-z-]+)`)
	for _, path := range paths {
		t.Run(filepath.Base(path), func(t *testing.T) {
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(string(src), "\n")
			var marked []int
			for i, l := range lines {
				if m := marker.FindStringSubmatch(l); m != nil && raiseRules[m[1]] {
					marked = append(marked, i)
				}
			}
			if len(marked) == 0 {
				if out, err := runLuau(t, luau, src); err != nil {
					t.Fatalf("no finding, but luau fails: %s", out)
				}
				return
			}
			checked := analysis.NewChecker().Check(path, src, analysis.DefaultConfig())
			for _, at := range marked {
				prog := make([]string, len(lines))
				for i, l := range lines {
					if i != at && containsInt(marked, i) {
						l = ""
					}
					prog[i] = l
				}
				out, err := runLuau(t, luau, []byte(strings.Join(prog, "\n")))
				if err == nil {
					t.Errorf("line %d: luau runs it without error: %s", at+1, lines[at])
					continue
				}
				first := strings.SplitN(out, "\n", 2)[0]
				want := "buffer access out of bounds"
				if q := quotedRaise(checked, at+1); q != "" {
					want = q
				}
				if !strings.Contains(first, ":"+strconv.Itoa(at+1)+": ") || !strings.HasSuffix(first, want) {
					t.Errorf("line %d: luau says %q, want an error on this line ending in %q", at+1, first, want)
				}
			}
		})
	}
}

var raiseQuote = regexp.MustCompile(`raises "([^"]*)"`)

// quotedRaise returns the runtime error a finding on line quotes, or "".
func quotedRaise(res *analysis.Result, line int) string {
	for _, d := range res.Diagnostics {
		if l, _ := res.File.Lines.Position(d.Start); l == line && raiseRules[d.Rule] {
			if m := raiseQuote.FindStringSubmatch(d.Message); m != nil {
				return m[1]
			}
		}
	}
	return ""
}

func containsInt(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
