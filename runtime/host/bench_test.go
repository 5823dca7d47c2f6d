package host

import (
	"fmt"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	lua "github.com/yuin/gopher-lua"
)

// The benchmarks below build a 64 MiB result from 1,000,000 pieces of 64
// bytes inside the runtime, the three ways Lua code does it, and report
// throughput (MB/s of result) and peak heap growth relative to the result
// size. String concatenation with `..` is quadratic, so it builds a smaller
// result (its metric names say so) and is not extrapolated.

const (
	benchPieces    = 1000000
	benchPieceSize = 64
	benchResult    = benchPieces * benchPieceSize
	concatPieces   = 5000 // `..` accumulation: a 320 KB result, already slow
)

const benchPrelude = `
local buffer = require("string.buffer")
local pieces = {}
for i = 1, 16 do pieces[i] = string.rep(string.char(64 + i), %d) end
local N = %d
`

var benchScripts = map[string]string{
	"put": `
local b = buffer.new()
for i = 1, N do b:put(pieces[i %% 16 + 1]) end
result = b
`,
	"table.concat": `
local t = {}
for i = 1, N do t[i] = pieces[i %% 16 + 1] end
result = table.concat(t)
`,
	"concat-op": `
local s = ""
for i = 1, N do s = s .. pieces[i %% 16 + 1] end
result = s
`,
}

// peakHeap samples the heap while fn runs and returns the largest growth
// over the starting point.
func peakHeap(fn func()) uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base := ms.HeapAlloc
	peak := base
	var mu sync.Mutex
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		var s runtime.MemStats
		tick := time.NewTicker(2 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
				runtime.ReadMemStats(&s)
				mu.Lock()
				peak = max(peak, s.HeapAlloc)
				mu.Unlock()
			}
		}
	}()
	fn()
	runtime.ReadMemStats(&ms)
	close(done)
	wg.Wait()
	return max(peak, ms.HeapAlloc) - base
}

// benchMaxMemory turns on the allocation checks `buflsp run` has (its
// default limit is a quarter of the machine's memory), so that these
// figures are what run gives.
const benchMaxMemory = 4 << 30

func BenchmarkBuild64MiB(b *testing.B) {
	for _, name := range []string{"put", "table.concat", "concat-op"} {
		n := benchPieces
		if name == "concat-op" {
			n = concatPieces
		}
		script := fmt.Sprintf(benchPrelude, benchPieceSize, n) + strings.ReplaceAll(benchScripts[name], "%%", "%")
		size := float64(n * benchPieceSize)
		b.Run(name, func(b *testing.B) {
			var peak uint64
			for i := 0; i < b.N; i++ {
				L := NewState(Options{Libs: LibSafe, MaxMemory: benchMaxMemory})
				fn, err := L.LoadString(script)
				if err != nil {
					b.Fatal(err)
				}
				p := peakHeap(func() {
					L.Push(fn)
					if err := L.PCall(0, 0, nil); err != nil {
						b.Fatal(err)
					}
				})
				peak = max(peak, p)
				checkResultSize(b, L, int(size))
				L.Close()
			}
			unit := "MB/s"
			if name == "concat-op" {
				unit = "MB/s(320KB-result)"
			}
			b.ReportMetric(size*float64(b.N)/1e6/b.Elapsed().Seconds(), unit)
			b.ReportMetric(float64(peak)/size, "peak/result")
		})
	}
	b.Run("get-drain", func(b *testing.B) {
		script := fmt.Sprintf(benchPrelude, benchPieceSize, benchPieces) + `
local b = buffer.new()
for i = 1, N do b:put(pieces[i % 16 + 1]) end
drain = function()
  local n = 0
  while #b > 0 do n = n + #b:get(64) end
  return n
end
`
		var peak uint64
		for i := 0; i < b.N; i++ {
			b.StopTimer()
			L := NewState(Options{Libs: LibSafe, MaxMemory: benchMaxMemory})
			if err := L.DoString(script); err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			p := peakHeap(func() {
				if err := L.CallByParam(lua.P{Fn: L.GetGlobal("drain"), NRet: 1}); err != nil {
					b.Fatal(err)
				}
			})
			peak = max(peak, p)
			if got := int(L.ToNumber(-1)); got != benchResult {
				b.Fatalf("drained %d bytes, want %d", got, benchResult)
			}
			L.Close()
		}
		b.ReportMetric(float64(benchResult)*float64(b.N)/1e6/b.Elapsed().Seconds(), "MB/s")
		b.ReportMetric(float64(peak)/benchResult, "peak/result")
	})
}

// checkResultSize verifies that the script built what it claims.
func checkResultSize(b *testing.B, L *lua.LState, want int) {
	b.Helper()
	v := L.GetGlobal("result")
	got := 0
	switch x := v.(type) {
	case lua.LString:
		got = len(x)
	default:
		got = L.ObjLen(v)
	}
	if got != want {
		b.Fatalf("result has %d bytes, want %d", got, want)
	}
}
