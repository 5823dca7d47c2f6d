package analysis_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/buflsp/buflsp/analysis"
	"github.com/buflsp/buflsp/internal/oracle"
)

// TestBufferOperatorOracle runs every snippet of
// testdata/rules/buffer-operator/oracle with the real luau. A snippet with a
// buffer-operator finding must raise on the finding's line with the error the
// message quotes ('...' in the quote stands for an operand type the checker
// does not know), and the text after the quick fix, if there is one, must run
// without error. A snippet without findings must run cleanly. The rule
// harness (TestRules) checks the same files against their markers.
func TestBufferOperatorOracle(t *testing.T) {
	luau := oracle.RequireLuau(t, "luau")
	dir := filepath.Join("..", "testdata", "rules", "buffer-operator", "oracle")
	paths, err := filepath.Glob(filepath.Join(dir, "*.luau"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no snippets in %s (%v)", dir, err)
	}
	checker := analysis.NewChecker()
	quote := regexp.MustCompile(`raises '([^']*(?:'[a-z]+'[^']*)?)'`)
	for _, path := range paths {
		t.Run(filepath.Base(path), func(t *testing.T) {
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			res := checker.Check(path, src, analysis.DefaultConfig())
			var found []analysis.Diagnostic
			for _, d := range res.Diagnostics {
				if d.Rule == "buffer-operator" {
					found = append(found, d)
				}
			}
			out, runErr := runLuau(t, luau, src)
			if len(found) == 0 {
				if runErr != nil {
					t.Fatalf("no finding, but luau fails: %s", out)
				}
				return
			}
			if len(found) != 1 {
				t.Fatalf("want one finding per snippet, got %d", len(found))
			}
			d := found[0]
			if runErr == nil {
				t.Fatalf("finding %q, but luau runs the snippet without error:\n%s", d.Message, out)
			}
			line, _ := res.File.Lines.Position(d.Start)
			first := strings.SplitN(out, "\n", 2)[0]
			m := quote.FindStringSubmatch(d.Message)
			if m == nil {
				t.Fatalf("message %q quotes no runtime error", d.Message)
			}
			want := regexp.MustCompile(`:` + strconv.Itoa(line) + `: ` + strings.ReplaceAll(regexp.QuoteMeta(m[1]), `\.\.\.`, `[a-z]+`) + `$`)
			if !want.MatchString(first) {
				t.Errorf("luau says %q; the finding on line %d quotes %q", first, line, m[1])
			}
			fixed, n := analysis.ApplyFixes(src, res.Diagnostics)
			if n == 0 {
				return
			}
			if out, err := runLuau(t, luau, fixed); err != nil {
				t.Errorf("after the fix luau still fails: %s\n%s", out, fixed)
			}
		})
	}
}

// runLuau runs src as a script with the real luau and returns its combined
// output.
func runLuau(t *testing.T, luau string, src []byte) (string, error) {
	t.Helper()
	f := filepath.Join(t.TempDir(), "snippet.luau")
	if err := os.WriteFile(f, src, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(luau, f).CombinedOutput()
	return string(out), err
}
