package syntax

import (
	"testing"

	"github.com/buflsp/buflsp/internal/tools/luagen/gen"
)

// BenchmarkInspect walks the parsed generated corpus (the one
// BenchmarkRules analyses) side by side with the reflective reference
// ("reflect") and with Inspect's type switch ("switch"), counting nodes so
// that both do the same work per visit.
func BenchmarkInspect(b *testing.B) {
	var chunks []*Block
	for _, src := range gen.Corpus(1, 20, 20000) {
		chunks = append(chunks, Parse("m.lua", src, Options{Dialect: DialectLuaJIT}).Chunk)
	}
	for _, bc := range []struct {
		name string
		walk func(Node, func(Node) bool)
	}{{"reflect", inspectReference}, {"switch", Inspect}} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			nodes := 0
			for range b.N {
				for _, c := range chunks {
					bc.walk(c, func(Node) bool { nodes++; return true })
				}
			}
			b.ReportMetric(float64(nodes)/b.Elapsed().Seconds(), "nodes/s")
		})
	}
}
