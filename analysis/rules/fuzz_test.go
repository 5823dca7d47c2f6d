package rules_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/buflsp/buflsp/analysis"
	"github.com/buflsp/buflsp/analysis/syntax"
)

// FuzzRules runs every rule, and so the type inference and the path engine
// under them, on mutated buffer code for each target. A rule that panics is
// turned into an "internal error" diagnostic by the driver, so the fuzz
// target fails on those as well as on diagnostics or fix edits outside the
// file. The seeds are the rule tests and the packet example: code that
// reaches every rule.
func FuzzRules(f *testing.F) {
	for _, root := range []string{"../../testdata/rules", "../../examples"} {
		_ = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !(strings.HasSuffix(path, ".lua") || strings.HasSuffix(path, ".luau")) {
				return nil
			}
			if src, err := os.ReadFile(path); err == nil {
				f.Add(src)
			}
			return nil
		})
	}
	checker := analysis.NewChecker()
	targets := []syntax.Target{syntax.TargetLuaJIT, syntax.TargetLuau, syntax.TargetBuflsp}
	f.Fuzz(func(t *testing.T, src []byte) {
		for _, target := range targets {
			cfg := analysis.DefaultConfig()
			cfg.Target = target
			r := checker.Check("f.lua", src, cfg)
			for _, d := range r.Diagnostics {
				if strings.Contains(d.Message, "internal error") {
					t.Fatalf("%s: %s", target, d.Message)
				}
				if d.Start < 0 || d.End < d.Start || d.End > len(src) {
					t.Fatalf("%s: diagnostic %s [%d,%d) outside the file [0,%d)", target, d.Rule, d.Start, d.End, len(src))
				}
				for _, fix := range d.Fixes {
					for _, e := range fix.Edits {
						if e.Start < 0 || e.End < e.Start || e.End > len(src) {
							t.Fatalf("%s: fix of %s edits [%d,%d) outside the file [0,%d)", target, d.Rule, e.Start, e.End, len(src))
						}
					}
				}
			}
			analysis.ApplyFixes(src, r.Diagnostics)
		}
	})
}
