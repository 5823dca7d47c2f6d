package host

import (
	"testing"
	"time"
)

// TestWatchHeap: growth past the limit is reported, and a heap that stays
// put is not. The watch takes its baseline when its goroutine first runs,
// which on a loaded machine may be late, so the growing side allocates a
// little at a time until the report comes (or far past the limit).
func TestWatchHeap(t *testing.T) {
	t.Run("grows past the limit", func(t *testing.T) {
		done := make(chan struct{})
		defer close(done)
		exceeded := make(chan struct{})
		go WatchHeap(done, 16<<20, false, func() { close(exceeded) })
		var keep [][]byte
		for len(keep) < 512 {
			select {
			case <-exceeded:
				if len(keep) < 16 {
					t.Errorf("reported after %d MiB, under the 16 MiB limit", len(keep))
				}
				return
			case <-time.After(time.Millisecond):
			}
			keep = append(keep, make([]byte, 1<<20))
		}
		t.Errorf("growth of %d MiB past a limit of 16 MiB not reported", len(keep))
	})
	t.Run("stays under the limit", func(t *testing.T) {
		done := make(chan struct{})
		defer close(done)
		exceeded := make(chan struct{})
		go WatchHeap(done, 64<<20, true, func() { close(exceeded) })
		keep := make([]byte, 1<<20)
		select {
		case <-exceeded:
			t.Error("reported growth of 1 MiB against a limit of 64 MiB")
		case <-time.After(100 * time.Millisecond):
		}
		_ = keep[0]
	})
}
