package difftest

import (
	"fmt"
	"io"
	"sync"
	"sync/atomic"
)

// Tally is what RunSeeds found.
type Tally struct{ Programs, Diffs, Failures int }

// RunSeeds compares the programs for seeds first..first+n-1 with compare,
// jobs at a time, and reports each differing seed and each program that
// could not run to w. The fuzz commands (internal/tools) share it.
func RunSeeds(w io.Writer, oracle string, n int, first uint64, jobs int, compare func(seed uint64) (*Diff, error)) Tally {
	var next atomic.Uint64
	next.Store(first)
	last := first + uint64(n)
	var mu sync.Mutex
	t := Tally{Programs: n}
	var wg sync.WaitGroup
	for range max(jobs, 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				seed := next.Add(1) - 1
				if seed >= last {
					return
				}
				d, err := compare(seed)
				mu.Lock()
				switch {
				case err != nil:
					t.Failures++
					fmt.Fprintln(w, "error:", err)
				case d != nil:
					t.Diffs++
					fmt.Fprintf(w, "seed %d differs (%s): buflsp failed=%v %s failed=%v\n", d.Seed, d.Path, d.Ours.Failed, oracle, d.Oracle.Failed)
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	fmt.Fprintf(w, "%d programs (seeds %d..%d), %d differ from %s, %d could not run\n", n, first, last-1, t.Diffs, oracle, t.Failures)
	return t
}
