package lsp

// Benchmarks with the scripted client: latency from didChange to
// publishDiagnostics, hover and completion latency, and memory after
// analysing a large workspace. Latencies are reported as p50/p99 in
// milliseconds through b.ReportMetric.

import (
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/buflsp/buflsp/analysis"
)

func reportPercentiles(b *testing.B, lat []time.Duration) {
	if len(lat) == 0 {
		return
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	pct := func(p float64) float64 {
		i := int(p * float64(len(lat)-1))
		return float64(lat[i].Microseconds()) / 1000
	}
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
}

// BenchmarkEditToDiagnostics measures a one-character edit in a 10,000-line
// file until its diagnostics arrive, with the server's default debounce
// ("server"), side by side with the analyzer alone checking the same text
// ("analyzer-only"), so that the server's own share is visible.
// "server-tuned" runs with the garbage collector settings that ServeStdio
// and ServeTCP apply to the process (gc.go). "server-all-cores" gives
// background analysis a CPU budget of every core instead of all but one
// (budget.go).
func BenchmarkEditToDiagnostics(b *testing.B) {
	b.Run("server", func(b *testing.B) { benchEditServer(b, 0) })
	b.Run("server-tuned", func(b *testing.B) {
		defer tuneGC()()
		benchEditServer(b, 0)
	})
	b.Run("server-all-cores", func(b *testing.B) { benchEditServer(b, runtime.GOMAXPROCS(0)) })
	b.Run("analyzer-only", func(b *testing.B) {
		src := []byte(bigDocument(10_000))
		checker := analysis.NewChecker()
		checker.Check("test.lua", src, nil)
		lat := make([]time.Duration, 0, b.N)
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			start := time.Now()
			checker.Check("test.lua", src, nil)
			lat = append(lat, time.Since(start))
		}
		b.StopTimer()
		reportPercentiles(b, lat)
	})
}

// benchEditServer measures edits until their diagnostics; slots is the
// size of the CPU budget of background analysis (0: the default).
func benchEditServer(b *testing.B, slots int) {
	c := newClient(b, clientOptions{server: Options{NoWorkspaceScan: true, Debounce: DefaultDebounce, backgroundSlots: slots}})
	text := bigDocument(10_000)
	c.open(testURI, text)
	c.diagnosticsFor(testURI, 1)
	benchEdits(b, c, testURI)
}

// benchEdits times b.N edits of u, open at version 1, each until its
// diagnostics arrive, alternately typing and deleting one character on
// line 5000, and reports the percentiles.
func benchEdits(b *testing.B, c *testClient, u protocol.DocumentURI) {
	lat := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		v := int32(i + 2)
		change := map[string]any{"range": rng(5000, 0, 5000, 0), "text": " "}
		if i%2 == 1 {
			change = map[string]any{"range": rng(5000, 0, 5000, 1), "text": ""}
		}
		start := time.Now()
		c.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": u, "version": v}, "contentChanges": []any{change}})
		c.diagnosticsFor(u, v)
		lat = append(lat, time.Since(start))
	}
	b.StopTimer()
	reportPercentiles(b, lat)
}

// benchRequest measures one request kind on the 10,000-line file. fresh
// makes each request follow an edit, so that it pays for the analysis of the
// new version as a user typing would. slots is the size of the CPU budget
// of background analysis (0: the default, all cores but one).
func benchRequest(b *testing.B, method string, params func() any, fresh bool, slots int) {
	c := newClient(b, clientOptions{server: Options{NoWorkspaceScan: true, backgroundSlots: slots}})
	text := bigDocument(10_000) + "sbuf:"
	c.open(testURI, text)
	c.diagnosticsFor(testURI, 1)
	// One request first, so that "steady" measures answers from a built
	// index (after-edit requests build their own).
	if err := c.call(method, params(), nil); err != nil {
		b.Fatal(err)
	}
	lat := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if fresh {
			b.StopTimer()
			change := map[string]any{"range": rng(5000, 0, 5000, 0), "text": " "}
			if i%2 == 1 {
				change = map[string]any{"range": rng(5000, 0, 5000, 1), "text": ""}
			}
			c.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": testURI, "version": i + 2}, "contentChanges": []any{change}})
			b.StartTimer()
		}
		start := time.Now()
		if err := c.call(method, params(), nil); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(start))
	}
	b.StopTimer()
	reportPercentiles(b, lat)
}

func BenchmarkHover(b *testing.B) {
	params := func() any { return posParams(testURI, bigLocalLine(bigFunctions(10_000)-1), 8) }
	b.Run("steady", func(b *testing.B) { benchRequest(b, "textDocument/hover", params, false, 0) })
	b.Run("after-edit", func(b *testing.B) { benchRequest(b, "textDocument/hover", params, true, 0) })
	b.Run("after-edit-tuned", func(b *testing.B) {
		defer tuneGC()()
		benchRequest(b, "textDocument/hover", params, true, 0)
	})
	b.Run("after-edit-all-cores", func(b *testing.B) {
		benchRequest(b, "textDocument/hover", params, true, runtime.GOMAXPROCS(0))
	})
}

// BenchmarkDefinition measures a request that only resolves names: after an
// edit it waits for the parse and the scope model, not for the types.
func BenchmarkDefinition(b *testing.B) {
	params := func() any { return posParams(testURI, bigLocalLine(bigFunctions(10_000)-1), 8) }
	b.Run("after-edit", func(b *testing.B) { benchRequest(b, "textDocument/definition", params, true, 0) })
}

func BenchmarkCompletion(b *testing.B) {
	params := func() any { return posParams(testURI, 10_000, 5) }
	b.Run("steady", func(b *testing.B) { benchRequest(b, "textDocument/completion", params, false, 0) })
	b.Run("after-edit", func(b *testing.B) { benchRequest(b, "textDocument/completion", params, true, 0) })
	b.Run("after-edit-tuned", func(b *testing.B) {
		defer tuneGC()()
		benchRequest(b, "textDocument/completion", params, true, 0)
	})
	b.Run("after-edit-all-cores", func(b *testing.B) {
		benchRequest(b, "textDocument/completion", params, true, runtime.GOMAXPROCS(0))
	})
}

// BenchmarkWorkspaceMemory opens a workspace of 1,000,000 lines (100 files of
// 10,000 lines), waits for the background analysis to finish, and reports the
// live heap (after a collection) and the resident memory of the whole test
// process, which includes the scripted client and the Go runtime's unreturned
// pages. "all-cores" gives the scan a CPU budget of every core instead of
// all but one (budget.go).
func BenchmarkWorkspaceMemory(b *testing.B) {
	b.Run("default", func(b *testing.B) { benchWorkspace(b, 0) })
	b.Run("all-cores", func(b *testing.B) { benchWorkspace(b, runtime.GOMAXPROCS(0)) })
}

func benchWorkspace(b *testing.B, slots int) {
	// Measured with the collector as a served process has it (gc.go).
	defer tuneGC()()
	dir := b.TempDir()
	text := bigDocument(10_000)
	for i := range 100 {
		if err := os.WriteFile(filepath.Join(dir, "f"+strconv.Itoa(i)+".lua"), []byte(text), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	for i := 0; i < b.N; i++ {
		start := time.Now()
		c := newClient(b, clientOptions{rootURI: string(uri.File(dir)), server: Options{backgroundSlots: slots}})
		c.patience = 5 * time.Minute
		c.waitScan()
		b.ReportMetric(time.Since(start).Seconds(), "scan-s")
		var syms []protocol.SymbolInformation
		if err := c.call("workspace/symbol", map[string]any{"query": "Mod.f999"}, &syms); err != nil || len(syms) == 0 {
			b.Fatalf("workspace/symbol after the scan: %d results, %v", len(syms), err)
		}
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		b.ReportMetric(float64(ms.HeapInuse)/(1<<20), "heap-MiB")
		b.ReportMetric(rssMiB(), "rss-MiB")
		c.shutdownAndExit()
		// Drop the finished session so that the next iteration measures
		// its own workspace only.
		c.server = nil
		c.notes, c.diags = nil, nil
	}
}

// rssMiB reads the resident set size of this process from /proc (Linux);
// elsewhere it reports 0.
func rssMiB() float64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			f := strings.Fields(rest)
			if len(f) > 0 {
				kb, _ := strconv.ParseFloat(f[0], 64)
				return kb / 1024
			}
		}
	}
	return 0
}

// BenchmarkBuildIndex measures reshaping the analyzer's model and types of
// the 10,000-line file into the server's index (the analysis itself is
// shared with the rules and not counted).
func BenchmarkBuildIndex(b *testing.B) {
	res := analysis.NewChecker().Parse("test.lua", []byte(bigDocument(10_000)), nil)
	model, types := res.Model(), res.Types()
	b.ResetTimer()
	for range b.N {
		buildIndex(res.File, model, types)
	}
}
