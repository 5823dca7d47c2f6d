package analysis

import (
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/buflsp/buflsp/analysis/api"
	"github.com/buflsp/buflsp/analysis/rules"
	"github.com/buflsp/buflsp/analysis/semantic"
	"github.com/buflsp/buflsp/analysis/syntax"
)

// benchSource is the 10,000-line file of the language server's edit
// benchmark (lsp/bench_test.go): small functions that use a string.buffer.
func benchSource(n int) []byte {
	var b strings.Builder
	b.WriteString("local M = require(\"string.buffer\")\nlocal sbuf = M.new()\nlocal Mod = {}\n")
	k := 0
	for line := 3; line < n; {
		if n-line < 8 {
			b.WriteString("-- padding\n")
			line++
			continue
		}
		id := strconv.Itoa(k)
		b.WriteString("function Mod.f" + id + "(a, b)\n  local v" + id + " = sbuf:put(\"é😀\", a)\n  sbuf:reset()\n  -- comment line\n  local t = {a, b}\n  if a > b then return t end\n  return a + b\nend\n")
		line += 8
		k++
	}
	return []byte(b.String())
}

// BenchmarkCheckPhases splits one check of the 10,000-line file into its
// phases, so that the expensive one is visible: parse, the scope model, the
// type inference, each rule alone (on a shared model and types), and the
// whole check. cpu-ms/op is the process CPU time per operation (the
// collector's work on other cores included), steadier than ns/op when
// other jobs share the machine.
func BenchmarkCheckPhases(b *testing.B) {
	src := benchSource(10_000)
	table := api.New()
	b.Run("parse", func(b *testing.B) {
		defer reportCPU(b)()
		for range b.N {
			syntax.Parse("t.lua", src, syntax.Options{Target: syntax.TargetLuaJIT})
		}
	})
	file := syntax.Parse("t.lua", src, syntax.Options{Target: syntax.TargetLuaJIT})
	b.Run("model", func(b *testing.B) {
		defer reportCPU(b)()
		for range b.N {
			semantic.Build(file)
		}
	})
	model := semantic.Build(file)
	b.Run("types", func(b *testing.B) {
		defer reportCPU(b)()
		for range b.N {
			semantic.Infer(model, syntax.TargetLuaJIT, table)
		}
	})
	types := semantic.Infer(model, syntax.TargetLuaJIT, table)
	reg := rules.NewRegistry()
	for _, r := range reg.All() {
		if r.Run == nil {
			continue
		}
		b.Run("rule/"+r.Name, func(b *testing.B) {
			defer reportCPU(b)()
			for range b.N {
				pass := rules.NewPass(r, rules.PassInput{File: file, Target: syntax.TargetLuaJIT, API: table, Report: func(Diagnostic) {},
					Model: func() *semantic.Model { return model }, Types: func() *semantic.Types { return types }})
				r.Run(pass)
			}
		})
	}
	c := NewChecker()
	b.Run("check", func(b *testing.B) {
		defer reportCPU(b)()
		for range b.N {
			c.Check("t.lua", src, nil)
		}
	})
}

// reportCPU starts measuring the process CPU time; the function it returns
// reports it per operation as cpu-ms/op.
func reportCPU(b *testing.B) func() {
	start := cpuTime(b)
	return func() {
		b.ReportMetric(float64((cpuTime(b)-start).Microseconds())/1000/float64(b.N), "cpu-ms/op")
	}
}

func cpuTime(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
