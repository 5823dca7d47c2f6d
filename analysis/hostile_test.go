package analysis_test

import (
	"fmt"
	"testing"

	"github.com/buflsp/buflsp/analysis"
	"github.com/buflsp/buflsp/internal/testutil"
)

// TestHostileShapes runs the whole check (parse, model, inference, every
// rule, fixes) on every hostile shape far past the
// parser's limits. A walk that recursed without bound would overflow the Go
// stack, which kills the test binary: the test passing is the assertion,
// with the checks below that the work was really done.
func TestHostileShapes(t *testing.T) {
	checker := analysis.NewChecker()
	cfg := analysis.DefaultConfig()
	for _, sh := range testutil.HostileShapes() {
		t.Run(sh.Name, func(t *testing.T) {
			src := sh.Gen(20_000 * testutil.RedTeamScale())
			res := checker.Check("x"+sh.Ext, src, cfg)
			if res.File == nil || res.File.Chunk == nil {
				t.Fatal("no tree")
			}
			fixed, _ := analysis.ApplyFixes(src, res.Diagnostics)
			if fixed == nil {
				t.Fatal("ApplyFixes returned nil")
			}
		})
	}
}

// FuzzCheckNested checks mixtures of chains and nestings built from the
// fuzzer's bytes (testutil.NestedSource) through the whole pipeline.
func FuzzCheckNested(f *testing.F) {
	for _, seed := range [][]byte{{0xf2}, {0x71, 0x72, 0x73, 0x74}, {0x58, 0xf4, 0x39, 0xa3}, {0x8a, 0x8b, 0xc2, 0x06, 0x9f}, {0xae, 0xbf, 0x4e}} {
		f.Add(seed)
	}
	checker := analysis.NewChecker()
	cfg := analysis.DefaultConfig()
	f.Fuzz(func(t *testing.T, prog []byte) {
		src := testutil.NestedSource(prog, 1<<20)
		res := checker.Check("fuzz.lua", src, cfg)
		if res.File == nil {
			t.Fatal("no tree")
		}
		analysis.ApplyFixes(src, res.Diagnostics)
	})
}

// BenchmarkHostileShapes checks the whole file at doubling sizes: the time
// per op of a shape must double with n, not quadruple (chains past the
// parser's limit cost the same at every n).
func BenchmarkHostileShapes(b *testing.B) {
	checker := analysis.NewChecker()
	cfg := analysis.DefaultConfig()
	for _, sh := range testutil.HostileShapes() {
		for _, n := range []int{10_000, 20_000, 40_000} {
			src := sh.Gen(n)
			b.Run(fmt.Sprintf("%s/n=%d", sh.Name, n), func(b *testing.B) {
				b.SetBytes(int64(len(src)))
				for b.Loop() {
					checker.Check("x"+sh.Ext, src, cfg)
				}
			})
		}
	}
}
