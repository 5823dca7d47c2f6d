package lsp

// This file is the server's one budget of CPU for background analysis.
//
// Requests answer in well under a millisecond, but they need a core to run
// on. Analysis is CPU-bound and Go preempts a running goroutine only about
// every 10 ms, so when background work (the parse and type inference
// started by an edit, the rules, the workspace scan) keeps every core busy,
// a request waits for a time slice before it even starts: that wait was the
// 10-17 ms p99 tail of hover and completion on a 2-core machine. Every
// CPU-heavy background task therefore holds a slot of one budget while it
// runs, and the budget has one slot fewer than GOMAXPROCS (at least one),
// so that one core stays free for the read loop and the requests. Requests
// never take a slot: work a request waits for runs at the request's
// priority.

import (
	"context"
	"runtime"
)

// cpuBudget is a counting semaphore of CPU slots.
type cpuBudget struct {
	slots chan struct{}
}

// backgroundSlots is the size of the budget: all cores but one.
func backgroundSlots() int { return max(1, runtime.GOMAXPROCS(0)-1) }

func newCPUBudget(n int) *cpuBudget {
	return &cpuBudget{slots: make(chan struct{}, max(1, n))}
}

// size is how many slots the budget has.
func (b *cpuBudget) size() int { return cap(b.slots) }

// acquire waits for a slot; it reports false, holding nothing, when ctx
// ends first.
func (b *cpuBudget) acquire(ctx context.Context) bool {
	if ctx.Err() != nil {
		return false
	}
	select {
	case b.slots <- struct{}{}:
		return true
	case <-ctx.Done():
		return false
	}
}

// tryAcquire takes up to n more slots without waiting and reports how many
// it took; the caller gives each back with release.
func (b *cpuBudget) tryAcquire(n int) int {
	got := 0
	for got < n {
		select {
		case b.slots <- struct{}{}:
			got++
		default:
			return got
		}
	}
	return got
}

// release gives back n slots.
func (b *cpuBudget) release(n int) {
	for range n {
		<-b.slots
	}
}
