package semantic_test

import (
	"testing"

	"github.com/buflsp/buflsp/analysis/api"
	"github.com/buflsp/buflsp/analysis/semantic"
	"github.com/buflsp/buflsp/analysis/syntax"
	"github.com/buflsp/buflsp/internal/tools/luagen/gen"
)

// BenchmarkInfer compares, on the generated corpus (which uses
// string.buffer throughout), the cost of the type inference with the cost
// of parsing and of the scope model it builds on, side by side.
func BenchmarkInfer(b *testing.B) {
	srcs := gen.Corpus(1, 20, 20000)
	lines := 0
	var files []*syntax.File
	for _, src := range srcs {
		f := syntax.Parse("m.lua", src, syntax.Options{})
		files = append(files, f)
		lines += f.Lines.LineCount()
	}
	table := api.New()
	report := func(b *testing.B) {
		b.ReportMetric(float64(lines)*float64(b.N)/b.Elapsed().Seconds(), "lines/s")
	}
	b.Run("parse", func(b *testing.B) {
		for range b.N {
			for _, src := range srcs {
				syntax.Parse("m.lua", src, syntax.Options{})
			}
		}
		report(b)
	})
	b.Run("build", func(b *testing.B) {
		for range b.N {
			for _, f := range files {
				semantic.Build(f)
			}
		}
		report(b)
	})
	b.Run("infer", func(b *testing.B) {
		models := make([]*semantic.Model, len(files))
		for i, f := range files {
			models[i] = semantic.Build(f)
		}
		b.ResetTimer()
		for range b.N {
			for _, m := range models {
				semantic.Infer(m, syntax.TargetLuaJIT, table)
			}
		}
		report(b)
	})
}
