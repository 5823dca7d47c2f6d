package rules_test

import (
	"syscall"
	"testing"
	"time"

	"github.com/buflsp/buflsp/analysis"
	"github.com/buflsp/buflsp/analysis/rules"
	"github.com/buflsp/buflsp/internal/tools/luagen/gen"
)

// BenchmarkRules measures the analysis of the generated corpus (which uses
// string.buffer throughout) in process, side by side: "all" runs every rule
// the way buflsp check does, "types" only builds the scope model and infers
// types (the shared cost every buffer rule starts from), and one
// sub-benchmark per rule runs that rule alone, so that the cost of a rule is
// its figure minus "types".
func BenchmarkRules(b *testing.B) {
	srcs := gen.Corpus(1, 20, 20000)
	lines := 0
	for _, src := range srcs {
		for _, c := range src {
			if c == '\n' {
				lines++
			}
		}
	}
	run := func(b *testing.B, reg *rules.Registry) {
		checker := analysis.NewCheckerWith(reg)
		b.ReportAllocs()
		b.ResetTimer()
		cpu0 := cpuTime()
		for range b.N {
			for _, src := range srcs {
				checker.Check("m.lua", src, nil)
			}
		}
		cpu := cpuTime() - cpu0
		b.ReportMetric(float64(lines)*float64(b.N)/b.Elapsed().Seconds(), "lines/s")
		// The machine is shared: CPU time of this process is steadier than
		// wall time when other work competes for the cores.
		b.ReportMetric(float64(lines)*float64(b.N)/cpu.Seconds(), "cpu-lines/s")
	}
	all := rules.NewRegistry()
	b.Run("all", func(b *testing.B) { run(b, all) })
	b.Run("types", func(b *testing.B) {
		run(b, rules.NewRegistryFrom([]rules.Rule{{Name: "types", Severity: rules.SeverityHint, Run: func(p *rules.Pass) { p.Types() }}}))
	})
	for _, r := range all.All() {
		if r.Run == nil {
			continue
		}
		one := *r
		b.Run(r.Name, func(b *testing.B) { run(b, rules.NewRegistryFrom([]rules.Rule{one})) })
	}
}

// cpuTime is the user and system CPU time this process has used so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
