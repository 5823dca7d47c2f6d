package semantic

import (
	"syscall"
	"testing"
	"time"

	"github.com/buflsp/buflsp/analysis/syntax"
	"github.com/buflsp/buflsp/internal/tools/luagen/gen"
)

// BenchmarkBuild measures the resolver alone on the benchmark corpus of
// internal/tools/luagen/gen (parsed once, outside the timing), in source
// MB/s and heap bytes per source byte. cpu-MB/s divides by the process
// CPU time instead of wall time, which a busy machine disturbs less.
func BenchmarkBuild(b *testing.B) {
	var files []*syntax.File
	total := 0
	for _, src := range gen.Corpus(1, 100, 40000) {
		files = append(files, syntax.Parse("m.lua", src, syntax.Options{}))
		total += len(src)
	}
	b.SetBytes(int64(total))
	b.ReportAllocs()
	cpu0 := cpuSeconds(b)
	for b.Loop() {
		for _, f := range files {
			Build(f)
		}
	}
	b.ReportMetric(float64(total*b.N)/(cpuSeconds(b)-cpu0)/1e6, "cpu-MB/s")
}

// cpuSeconds returns the user and system CPU time of the process.
func cpuSeconds(b *testing.B) float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
}
