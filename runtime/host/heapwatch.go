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
// it is swept, so a heap a little over the limit is collected once (at most
// every 50 ms) and looked at again before exceed is called; one at twice the
// limit or more is reported at once.
//
// The figure is the whole process's: it is exact for a process that runs
// one script (`buflsp run`) and a coarse safety net when several
// evaluations share a process.
func WatchHeap(done <-chan struct{}, limit int64, exceed func()) {
	sample := newSample()
	base := readHeap(sample)
	ticker := time.NewTicker(HeapWatchInterval)
	defer ticker.Stop()
	var lastGC time.Time
	for {
		select {
		case <-done:
			return
		case <-ticker.C:
		}
		now := readHeap(sample)
		base = min(base, now)
		grown := now - base
		if grown <= limit {
			continue
		}
		if grown < 2*limit && time.Since(lastGC) > 50*time.Millisecond {
			runtime.GC()
			lastGC = time.Now()
			now = readHeap(sample)
			base = min(base, now)
			grown = now - base
		}
		if grown > limit {
			exceed()
			return
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
