package sandbox

import (
	"github.com/buflsp/buflsp/runtime/host"
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

// watchFloor is the least heap growth the watchdog acts on. The process heap
// moves by a few MiB on its own (other goroutines, such as the language
// server's analysis or parallel evaluations, and the collector's pacing), so
// a smaller trigger would stop runs for growth that is not theirs. Limits
// below the floor are still enforced exactly by the checks before large
// allocations; only the slow, piecemeal growth the watchdog exists for is
// then allowed up to the floor.
const watchFloor = 4 << 20

// checkAlloc raises a memory-limit error in the running Lua code when what
// is about to allocate n bytes would, on its own, exceed the limit.
func (r *run) checkAlloc(what string, n float64) {
	if n > float64(r.opts.MaxMemory) {
		r.raiseLimit(LimitMemory, "%s asked for %.0f bytes, over the memory limit of %d bytes", what, n, r.opts.MaxMemory)
	}
}

// watchHeap stops the run when the heap grows by more than the memory
// limit (or watchFloor) before done is closed (host.WatchHeap).
func (r *run) watchHeap(done <-chan struct{}) {
	host.WatchHeap(done, max(r.opts.MaxMemory, watchFloor), true, func() {
		r.exceed(LimitMemory, "the heap grew by more than the memory limit of %d bytes", r.opts.MaxMemory)
	})
}
