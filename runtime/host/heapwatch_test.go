package host

import (
	"testing"
	"time"
)

// TestWatchHeap: growth past the limit is reported within a few samples,
// and a heap that stays put is not.
func TestWatchHeap(t *testing.T) {
	for _, tc := range []struct {
		name  string
		grow  int
		limit int64
		want  bool
	}{
		{"grows past the limit", 64 << 20, 16 << 20, true},
		{"stays under the limit", 1 << 20, 64 << 20, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			done := make(chan struct{})
			exceeded := make(chan struct{})
			go WatchHeap(done, tc.limit, func() { close(exceeded) })
			time.Sleep(2 * HeapWatchInterval) // the watch takes its baseline
			var keep [][]byte
			for n := 0; n < tc.grow; n += 1 << 20 {
				keep = append(keep, make([]byte, 1<<20))
			}
			select {
			case <-exceeded:
				if !tc.want {
					t.Errorf("reported growth of %d MiB against a limit of %d MiB", tc.grow>>20, tc.limit>>20)
				}
			case <-time.After(300 * time.Millisecond):
				if tc.want {
					t.Errorf("growth of %d MiB past a limit of %d MiB not reported", tc.grow>>20, tc.limit>>20)
				}
			}
			close(done)
			_ = keep[len(keep)-1][0]
		})
	}
}
