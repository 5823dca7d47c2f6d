package host

import (
	"runtime"
	"runtime/metrics"
	"time"
)

// HeapWatchInterval is how often WatchHeap samples the heap.
const HeapWatchInterval = 5 * time.Millisecond

// The runtime/metrics names for the bytes held by heap objects (live or
// not yet swept) and by goroutine stacks. A script that nests Go calls
// deeply (metamethods inside coroutines inside metamethods) grows its
// goroutine's stack, not the heap, so both count. Reading them does not stop
// the world, unlike runtime.ReadMemStats.
const (
	heapObjectsMetric = "/memory/classes/heap/objects:bytes"
	stacksMetric      = "/memory/classes/heap/stacks:bytes"
	liveMetric        = "/gc/heap/live:bytes"
)

// newSample is the sample readHeap reads.
func newSample() []metrics.Sample {
	return []metrics.Sample{{Name: heapObjectsMetric}, {Name: stacksMetric}}
}

// WatchHeap samples the process heap (objects and stacks) every HeapWatchInterval until done is
// closed, and calls exceed once, then returns, when the heap has grown by
// more than limit since the watch began. Growth is measured from the lowest
// heap seen, since garbage left by earlier work is swept while the watch
// runs and would otherwise hide new growth. Garbage counts in a sample until
// it is swept. A heap at twice the limit or more is reported at once. One a
// little over it is, with force, collected once (at most every 50 ms, on
// another goroutine, while the watch goes on) and looked at again; without
// force, judged by the heap the last collection found live. A forced
// collection makes metrics.Read wait while it sweeps, so a process whose
// collector already has the limit as its soft memory limit (`buflsp run`)
// watches without force; the sandbox, which shares its process, forces.
//
// The figure is the whole process's: it is exact for a process that runs
// one script (`buflsp run`) and a coarse safety net when several
// evaluations share a process.
func WatchHeap(done <-chan struct{}, limit int64, force bool, exceed func()) {
	sample := newSample()
	liveSample := []metrics.Sample{{Name: liveMetric}}
	base := readHeap(sample)
	liveBase := readHeap(liveSample)
	ticker := time.NewTicker(HeapWatchInterval)
	defer ticker.Stop()
	// A forced collection runs on its own goroutine: waiting for it here
	// would leave the heap unwatched for as long as it takes (hundreds of
	// milliseconds on a large heap), while the script goes on allocating.
	collected := make(chan struct{}, 1)
	collecting, over := false, false
	var lastGC time.Time
	for {
		select {
		case <-done:
			return
		case <-collected:
			collecting = false
			if over {
				// Still over the limit after a whole collection: it is
				// not garbage. Look once more with the swept heap.
				now := readHeap(sample)
				if now-min(base, now) > limit {
					exceed()
					return
				}
				over = false
			}
			continue
		case <-ticker.C:
		}
		now := readHeap(sample)
		base = min(base, now)
		grown := now - base
		switch {
		case grown <= limit:
			over = false
		case grown >= 2*limit:
			exceed()
			return
		case !force:
			// What the last collection found live is garbage-free, if
			// late; the collector's own soft limit keeps it recent.
			live := readHeap(liveSample)
			liveBase = min(liveBase, live)
			if live-liveBase > limit {
				exceed()
				return
			}
		case !over:
			over = true
			if !collecting && time.Since(lastGC) > 50*time.Millisecond {
				collecting, lastGC = true, time.Now()
				go func() {
					runtime.GC()
					collected <- struct{}{}
				}()
			}
		}
	}
}

// HeapBytes is the bytes held by heap objects and goroutine stacks in this
// process now.
func HeapBytes() int64 {
	return readHeap(newSample())
}

// readHeap reads the size of heap objects and stacks into sample.
func readHeap(sample []metrics.Sample) int64 {
	metrics.Read(sample)
	var n int64
	for _, s := range sample {
		if s.Value.Kind() == metrics.KindUint64 {
			n += int64(s.Value.Uint64())
		}
	}
	return n
}
