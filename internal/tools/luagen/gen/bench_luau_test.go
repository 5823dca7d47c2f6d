package gen

import (
	"runtime"
	"testing"
	"time"

	"github.com/buflsp/buflsp/analysis"
)

// BenchmarkCheckLuau runs the whole of `buflsp check` (parse, model, types,
// every rule) over about 4 MB of generated Luau modules on two cores, the
// goal of issue 13 being 200,000 lines/s there. lines/s is wall time with
// GOMAXPROCS=2; cpu-lines/s is per core of process CPU time.
func BenchmarkCheckLuau(b *testing.B) {
	dir := b.TempDir()
	_, lines, err := Write(dir, ".luau", LuauCorpus(1, 100, 40000))
	if err != nil {
		b.Fatal(err)
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(2))
	checker := analysis.NewChecker()
	b.ResetTimer()
	start, cpu0 := time.Now(), cpuSeconds(b)
	for range b.N {
		for _, r := range checker.CheckPaths([]string{dir}, analysis.PathsOptions{}) {
			if r.Err != nil {
				b.Fatal(r.Err)
			}
			for _, d := range r.Result.Diagnostics {
				if d.Rule == "syntax-error" {
					b.Fatalf("%s: %s", r.Path, d.Message)
				}
			}
		}
	}
	wall, cpu := time.Since(start).Seconds(), cpuSeconds(b)-cpu0
	b.ReportMetric(float64(lines*b.N)/wall, "lines/s")
	b.ReportMetric(float64(lines*b.N)/cpu, "cpu-lines/s")
}
