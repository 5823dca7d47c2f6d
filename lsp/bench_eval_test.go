package lsp

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"go.lsp.dev/protocol"

	"github.com/buflsp/buflsp/runtime/sandbox/proc"
)

// BenchmarkEvaluate measures buflsp.evaluate of a small string.buffer
// snippet, request to answer, as `buflsp serve` runs it: "worker-warm" in a
// child process of the real buflsp binary taken from a pool that keeps one
// started ahead (the server's setting), "worker-cold" starting a child per
// evaluation, and "in-process" with the sandbox in the server's own process
// (no OS limits: what the server did before workers). The goal is p50 at
// most 30 ms for worker-warm.
func BenchmarkEvaluate(b *testing.B) {
	bin := buildBuflspForBench(b)
	b.Run("worker-warm", func(b *testing.B) {
		pool := proc.NewPool([]string{bin, proc.WorkerCommand}, true)
		defer pool.Close()
		benchEvaluate(b, pool)
	})
	b.Run("worker-cold", func(b *testing.B) {
		pool := proc.NewPool([]string{bin, proc.WorkerCommand}, false)
		defer pool.Close()
		benchEvaluate(b, pool)
	})
	b.Run("in-process", func(b *testing.B) { benchEvaluate(b, nil) })
}

const evalBenchSource = `local buffer = require("string.buffer")
local b = buffer.new()
for i = 1, 100 do b:put(i, ",") end
#b --=
return b:get(10), #b
`

func benchEvaluate(b *testing.B, ev proc.Evaluator) {
	c := newClient(b, clientOptions{server: Options{NoWorkspaceScan: true, Evaluator: ev}})
	u := protocol.DocumentURI("file:///bench/eval.lua")
	c.open(u, evalBenchSource)
	args := map[string]any{"command": commandEvaluate, "arguments": []any{map[string]any{"uri": u}}}
	var first map[string]any
	if err := c.call("workspace/executeCommand", args, &first); err != nil || first["ok"] != true {
		b.Fatalf("evaluate: %v %v", err, first)
	}
	lat := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if ev != nil {
			// Let the pool start its next warm child, as the pauses between
			// a user's evaluations do.
			b.StopTimer()
			time.Sleep(20 * time.Millisecond)
			b.StartTimer()
		}
		start := time.Now()
		if err := c.call("workspace/executeCommand", args, nil); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(start))
	}
	b.StopTimer()
	reportPercentiles(b, lat)
}

// buildBuflspForBench builds the real buflsp command into a temporary
// directory: the worker must be the binary users run.
func buildBuflspForBench(b *testing.B) string {
	b.Helper()
	dir := b.TempDir()
	bin := filepath.Join(dir, "buflsp")
	cmd := exec.Command("go", "build", "-o", bin, "../cmd/buflsp")
	cmd.Env = os.Environ()
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("building buflsp: %v\n%s", err, out)
	}
	return bin
}
