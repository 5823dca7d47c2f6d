package gen

import (
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/buflsp/buflsp/analysis/semantic"
	"github.com/buflsp/buflsp/analysis/syntax"
	"github.com/buflsp/buflsp/internal/gctune"
	"github.com/buflsp/buflsp/internal/oracle"
	"github.com/buflsp/buflsp/internal/testutil"
)

// benchCorpus is about 4 MB of generated modules, written to dir so that
// the external tools read the same bytes.
func benchCorpus(b *testing.B) (files [][]byte, paths []string, total, lines int) {
	b.Helper()
	dir := b.TempDir()
	files = Corpus(1, 100, 40000)
	paths, lines, err := Write(dir, ".lua", files)
	if err != nil {
		b.Fatal(err)
	}
	for _, src := range files {
		total += len(src)
	}
	return files, paths, total, lines
}

// luajitScript compiles each file named in arg (without running it) and
// prints the CPU seconds spent in loadstring alone. os.clock is the
// process CPU time (C clock()), the same kind of clock as cpuSeconds.
const luajitScript = `
local srcs = {}
for i = 1, #arg do local f = assert(io.open(arg[i], "rb")); srcs[i] = f:read("*a"); f:close() end
local t0 = os.clock()
for i = 1, #srcs do assert(loadstring(srcs[i], "=" .. i)) end
io.write(os.clock() - t0)
`

// cpuSeconds returns the CPU time this process has used (user and system,
// every thread, so the garbage collector's work on other cores counts).
func cpuSeconds(b *testing.B) float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
}

// BenchmarkParse compares, on the same generated corpus, buflsp's parser,
// parser plus scope resolution, LuaJIT's bytecode compiler (loadstring,
// timed inside luajit) and luacheck (whole process). The cpu-MB/s and
// cpu-lines/s figures of buflsp and luajit are both process CPU time, so
// they compare work per core whatever the load of the machine; ns/op and
// MB/s are wall time as usual.
func BenchmarkParse(b *testing.B) {
	files, paths, total, lines := benchCorpus(b)
	run := func(b *testing.B, resolve bool) {
		b.SetBytes(int64(total))
		var ms0, ms1 runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&ms0)
		cpu0 := cpuSeconds(b)
		for i := 0; i < b.N; i++ {
			for _, src := range files {
				f := syntax.Parse("m.lua", src, syntax.Options{})
				if len(f.Errors) > 0 {
					b.Fatal(f.Errors[0].Msg)
				}
				if resolve {
					semantic.Build(f)
				}
			}
		}
		cpu := cpuSeconds(b) - cpu0
		runtime.ReadMemStats(&ms1)
		b.ReportMetric(float64(total*b.N)/cpu/1e6, "cpu-MB/s")
		b.ReportMetric(float64(lines*b.N)/cpu, "cpu-lines/s")
		b.ReportMetric(float64(ms1.TotalAlloc-ms0.TotalAlloc)/float64(total*b.N), "heapB/srcB")
	}
	b.Run("buflsp-parse", func(b *testing.B) { run(b, false) })
	b.Run("buflsp-parse+resolve", func(b *testing.B) { run(b, true) })
	// The same with the collector set as `buflsp check` sets it (GOGC=400,
	// 120 MiB soft limit), which is how check parses and resolves.
	b.Run("buflsp-parse+resolve-checkgc", func(b *testing.B) {
		defer gctune.ForCheck()()
		run(b, true)
	})
	b.Run("luajit", func(b *testing.B) {
		exe := oracle.Require(b, "luajit")
		secs := 0.0
		for i := 0; i < b.N; i++ {
			out := testutil.MustRunLua(b, exe, testutil.LuaRun{Args: append([]string{"-e", luajitScript}, paths...)})
			s, err := strconv.ParseFloat(strings.TrimSpace(out), 64)
			if err != nil {
				b.Fatal(err)
			}
			secs += s
		}
		b.ReportMetric(float64(total*b.N)/secs/1e6, "cpu-MB/s")
		b.ReportMetric(float64(lines*b.N)/secs, "cpu-lines/s")
	})
	b.Run("luacheck", func(b *testing.B) {
		exe := oracle.Require(b, "luacheck")
		// luacheck is about a hundred times slower, so it gets a tenth of
		// the corpus to keep the run short; the rates are per byte and line.
		paths, total, lines := paths[:10], 0, 0
		for _, src := range files[:10] {
			total += len(src)
			lines += strings.Count(string(src), "\n")
		}
		start := time.Now()
		for i := 0; i < b.N; i++ {
			// luacheck exits 1 when it has warnings; only a crash is a failure.
			cmd := exec.Command(exe, append([]string{"--no-config", "-q", "--codes"}, paths...)...)
			if err := cmd.Run(); err != nil {
				if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() > 2 {
					b.Fatal(err)
				}
			}
		}
		el := time.Since(start).Seconds()
		b.ReportMetric(float64(total*b.N)/el/1e6, "MB/s")
		b.ReportMetric(float64(lines*b.N)/el, "lines/s")
	})
}
