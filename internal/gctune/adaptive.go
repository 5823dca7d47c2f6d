package gctune

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// Adaptive lets the heap grow by up to maxPercent (as GOGC) between
// collections while that growth stays within headroom bytes, and never by
// less than the default 100%. It suits a process that runs one script: a
// script's live heap may be anything from a few kilobytes to gigabytes, so
// a fixed large percent could multiply a big heap, and a fixed soft memory
// limit would make the collector run without pause once the live heap
// passes it. The percent is recomputed from the live heap after every
// collection. It returns a function that stops the adjustment and restores
// the previous percent. With GOGC or GOMEMLIMIT in the environment it
// changes nothing.
func Adaptive(maxPercent int, headroom int64) (restore func()) {
	if userChose() {
		return func() {}
	}
	a := &adaptive{
		maxPercent: maxPercent,
		headroom:   headroom,
		live:       []metrics.Sample{{Name: "/gc/heap/live:bytes"}},
	}
	a.prev = debug.SetGCPercent(a.percentFor(a.liveBytes()))
	a.arm()
	return a.stop
}

// adaptive is one Adaptive setting; mu orders the adjustment after a
// collection (on the runtime's cleanup goroutine) against stop.
type adaptive struct {
	maxPercent int
	headroom   int64
	prev       int

	mu      sync.Mutex
	stopped bool
	live    []metrics.Sample
}

// sentinel is an object that nothing references, so the next collection
// frees it and runs its cleanup. It holds a pointer so that the allocator
// never packs it with other small objects (a cleanup of such an object may
// never run).
type sentinel struct {
	_ *adaptive
	_ [2]uintptr
}

// arm asks to be called back after the next collection.
func (a *adaptive) arm() {
	runtime.AddCleanup(new(sentinel), (*adaptive).collected, a)
}

// collected runs after each collection: it sets the percent for the live
// heap that collection found and waits for the next one.
func (a *adaptive) collected() {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.stopped {
		return
	}
	debug.SetGCPercent(a.percentFor(a.liveBytes()))
	a.arm()
}

func (a *adaptive) stop() {
	a.mu.Lock()
	defer a.mu.Unlock()
	if !a.stopped {
		a.stopped = true
		debug.SetGCPercent(a.prev)
	}
}

// liveBytes is the heap that the last collection marked live (0 before
// the first collection).
func (a *adaptive) liveBytes() int64 {
	metrics.Read(a.live)
	if a.live[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return int64(a.live[0].Value.Uint64())
}

// percentFor is the growth in percent allowed after a collection that
// found live bytes: maxPercent while that many bytes fit in headroom, then
// less, down to 100.
func (a *adaptive) percentFor(live int64) int {
	if live <= 0 || live*int64(a.maxPercent)/100 <= a.headroom {
		return a.maxPercent
	}
	return max(100, int(a.headroom*100/live))
}
