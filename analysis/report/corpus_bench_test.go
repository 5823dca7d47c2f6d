package report

import (
	"bytes"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/buflsp/buflsp/internal/oracle"
)

// corpusEnv names the directories of real code BenchmarkCheckCorpus
// checks, separated by the OS path-list separator (":" on Unix).
const corpusEnv = "BUFLSP_BENCH_CORPUS"

// BenchmarkCheckCorpus runs `buflsp check` (one job, and every core) and
// luacheck as processes, one after the other in the same run, on real
// code named by $BUFLSP_BENCH_CORPUS (for example Kong, APISIX,
// lua-language-server, LuaRocks and Penlight: about 590,000 lines). It
// reports wall time per run (ns/op), lines per second, peak resident
// memory (also per source line) and vs-luacheck, buflsp's lines per second
// over luacheck's. Without the variable it is skipped: the corpus is not
// part of the repository.
func BenchmarkCheckCorpus(b *testing.B) {
	env := os.Getenv(corpusEnv)
	if env == "" {
		b.Skipf("set %s to directories of Lua code to measure check on real code", corpusEnv)
	}
	dirs := filepath.SplitList(env)
	lines := 0
	for _, d := range dirs {
		err := filepath.WalkDir(d, func(p string, e fs.DirEntry, err error) error {
			if err != nil || e.IsDir() || !strings.HasSuffix(p, ".lua") {
				return err
			}
			data, err := os.ReadFile(p)
			lines += bytes.Count(data, []byte("\n"))
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	bin := filepath.Join(b.TempDir(), "buflsp")
	if out, err := exec.Command("go", "build", "-o", bin, "github.com/buflsp/buflsp/cmd/buflsp").CombinedOutput(); err != nil {
		b.Fatalf("building buflsp: %v\n%s", err, out)
	}
	luacheck := oracle.Require(b, "luacheck")
	type run struct {
		name string
		args []string
	}
	runs := []run{
		{"luacheck", append([]string{luacheck, "--no-config", "--codes", "--formatter", "plain"}, dirs...)},
		{"buflsp-jobs1", append([]string{bin, "check", "--format", "json", "--jobs", "1"}, dirs...)},
		{"buflsp", append([]string{bin, "check", "--format", "json"}, dirs...)},
	}
	wall := map[string]float64{}
	peak := map[string]int64{}
	for _, r := range runs {
		start := time.Now()
		cmd := exec.Command(r.args[0], r.args[1:]...)
		cmd.Stdout, cmd.Stderr = io.Discard, io.Discard
		err := cmd.Run()
		// Exit code 1 means findings (for luacheck 2: syntax errors in some
		// files); anything else is a failure.
		if ee, ok := err.(*exec.ExitError); err != nil && (!ok || ee.ExitCode() > 2) {
			b.Fatalf("%s: %v", r.name, err)
		}
		wall[r.name] = time.Since(start).Seconds()
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			peak[r.name] = ru.Maxrss * 1024 // Maxrss is in KiB on Linux
		}
	}
	for _, r := range runs {
		b.Run(r.name, func(b *testing.B) {
			b.ReportMetric(wall[r.name]*1e9, "ns/op")
			b.ReportMetric(float64(lines)/wall[r.name], "lines/s")
			b.ReportMetric(float64(peak[r.name])/(1<<20), "peakRSS-MiB")
			b.ReportMetric(float64(peak[r.name])/float64(lines), "peakB/line")
			if r.name != "luacheck" {
				b.ReportMetric(wall["luacheck"]/wall[r.name], "vs-luacheck")
			}
		})
	}
}
