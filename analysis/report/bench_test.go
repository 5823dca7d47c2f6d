package report

import (
	"io"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/buflsp/buflsp/internal/oracle"
	"github.com/buflsp/buflsp/internal/tools/luagen/gen"
)

// BenchmarkCheck compares `buflsp check` with luacheck on the same generated
// corpus (100 modules, about 4 MB), both as whole processes so that start-up,
// file reading and output count on both sides. It reports source lines per
// second and the peak resident memory of the process, also per source line.
// buflsp uses every core (GOMAXPROCS); luacheck runs as people usually run
// it, in one process without -j.
func BenchmarkCheck(b *testing.B) {
	dir := b.TempDir()
	_, lines, err := gen.Write(dir, ".lua", gen.Corpus(1, 100, 40000))
	if err != nil {
		b.Fatal(err)
	}
	bin := filepath.Join(b.TempDir(), "buflsp")
	if out, err := exec.Command("go", "build", "-o", bin, "github.com/buflsp/buflsp/cmd/buflsp").CombinedOutput(); err != nil {
		b.Fatalf("building buflsp: %v\n%s", err, out)
	}
	measure := func(b *testing.B, name string, args ...string) {
		var peak int64
		start := time.Now()
		for i := 0; i < b.N; i++ {
			cmd := exec.Command(name, args...)
			cmd.Stdout, cmd.Stderr = io.Discard, io.Discard
			err := cmd.Run()
			// Exit code 1 means findings; anything else is a failure.
			if ee, ok := err.(*exec.ExitError); err != nil && (!ok || ee.ExitCode() != 1) {
				b.Fatalf("%s: %v", name, err)
			}
			if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
				peak = max(peak, ru.Maxrss*1024) // Maxrss is in KiB on Linux
			}
		}
		el := time.Since(start).Seconds()
		b.ReportMetric(float64(lines*b.N)/el, "lines/s")
		b.ReportMetric(float64(peak)/(1<<20), "peakRSS-MiB")
		b.ReportMetric(float64(peak)/float64(lines), "peakB/line")
	}
	b.Run("buflsp", func(b *testing.B) { measure(b, bin, "check", "--format", "json", dir) })
	b.Run("luacheck", func(b *testing.B) {
		exe := oracle.Require(b, "luacheck")
		measure(b, exe, "--no-config", "--codes", "--formatter", "plain", dir)
	})
}
