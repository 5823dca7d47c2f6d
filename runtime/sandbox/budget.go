package sandbox

import (
	"runtime"
	"runtime/metrics"
	"time"
)

// The memory limit is enforced in two ways, because gopher-lua has no
// allocation hook of its own:
//
//  1. A check before each large allocation. Functions that can allocate a
//     large block in one call (buffer.create and buffer.fromstring,
//     string.buffer's new and reserve, string.rep) have the size they are
//     about to allocate checked first. A request over the limit stops the run
//     without the allocation ever happening, so buffer.create(2^31) is
//     refused, not attempted. Requests are not summed: blocks are freed by
//     the garbage collector without telling us, so a running total would
//     stop loops that allocate and drop many small buffers.
//
//  2. A heap watchdog. Growth that happens a little at a time inside the VM
//     (s = s .. s, tables filled in a loop) cannot be charged, so a watchdog
//     samples the process heap every few milliseconds and stops the run when
//     the heap has grown by more than MaxMemory since the run started. The
//     heap is a process-wide figure: with several evaluations at once the
//     growth of one is also seen by the others, so this check is a safety net
//     with a coarse trigger, not an exact per-state count. Before it stops a
//     run it forces one garbage collection, so that garbage does not count.
//     A single Go function that builds one enormous string in one call (for
//     example string.gsub with a large replacement) is only seen after it
//     returns.

// watchInterval is how often the heap watchdog samples the heap.
const watchInterval = 5 * time.Millisecond

// watchFloor is the least heap growth the watchdog acts on. The process heap
// moves by a few MiB on its own (other goroutines, such as the language
// server's analysis or parallel evaluations, and the collector's pacing), so
// a smaller trigger would stop runs for growth that is not theirs. Limits
// below the floor are still enforced exactly by the checks before large
// allocations; only the slow, piecemeal growth the watchdog exists for is
// then allowed up to the floor.
const watchFloor = 4 << 20

// heapObjectsMetric is the runtime/metrics name for the bytes held by heap
// objects, live or not yet swept. Reading it does not stop the world, unlike
// runtime.ReadMemStats.
const heapObjectsMetric = "/memory/classes/heap/objects:bytes"

// checkAlloc raises a memory-limit error in the running Lua code when what
// is about to allocate n bytes would, on its own, exceed the limit.
func (r *run) checkAlloc(what string, n float64) {
	if n > float64(r.opts.MaxMemory) {
		r.raiseLimit(LimitMemory, "%s asked for %.0f bytes, over the memory limit of %d bytes", what, n, r.opts.MaxMemory)
	}
}

// heapBytes reads the current size of heap objects.
func heapBytes(sample []metrics.Sample) int64 {
	metrics.Read(sample)
	if sample[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return int64(sample[0].Value.Uint64())
}

// watchHeap runs until done is closed and stops the run when the heap grows by
// more than the memory limit.
func (r *run) watchHeap(done <-chan struct{}) {
	sample := []metrics.Sample{{Name: heapObjectsMetric}}
	// The baseline is the lowest heap seen since the run started: garbage
	// left by earlier work is swept during the run, and measuring from a
	// baseline that included it would hide this run's growth.
	base := heapBytes(sample)
	limit := max(r.opts.MaxMemory, watchFloor)
	ticker := time.NewTicker(watchInterval)
	defer ticker.Stop()
	var lastGC time.Time
	for {
		select {
		case <-done:
			return
		case <-r.ctx.Done():
			return
		case <-ticker.C:
		}
		now := heapBytes(sample)
		base = min(base, now)
		grown := now - base
		if grown <= limit {
			continue
		}
		// Garbage counts in the sample until it is swept, so when the excess
		// is small, collect once (at most every 50ms) and look again before
		// deciding. A heap far over the limit is stopped at once.
		if grown < 2*limit && time.Since(lastGC) > 50*time.Millisecond {
			runtime.GC()
			lastGC = time.Now()
			now = heapBytes(sample)
			base = min(base, now)
			grown = now - base
		}
		if grown > limit {
			r.exceed(LimitMemory, "the heap grew by more than the memory limit of %d bytes", r.opts.MaxMemory)
			return
		}
	}
}
