package difftest

import (
	"flag"
	"fmt"
	"io"
	"os"
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

// Command is the whole of a fuzz command (internal/tools/ljfuzz and
// luaufuzz): it reads the flags -n, -first, -jobs and -dir from args, finds
// the oracle with find (its error is the user's message), runs the seeds
// against it with compare and returns the exit code: 0 when every program
// agreed, 1 when one differed or failed, 2 when the command could not start.
func Command(name string, args []string, stdout, stderr io.Writer, oracleName string, find func() (string, error), compare func(dir, exe string, seed uint64) (*Diff, error)) int {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	n := fs.Int("n", 1000, "number of programs")
	first := fs.Uint64("first", 1, "first seed")
	jobs := fs.Int("jobs", 1, "programs run at the same time")
	keep := fs.String("dir", "", "folder for the programs (default: a temporary one); differing programs are kept")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	exe, err := find()
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", name, err)
		return 2
	}
	dir := *keep
	if dir == "" {
		if dir, err = os.MkdirTemp("", name); err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", name, err)
			return 2
		}
	}
	t := RunSeeds(stdout, oracleName, *n, *first, *jobs, func(seed uint64) (*Diff, error) {
		return compare(dir, exe, seed)
	})
	if t.Diffs > 0 || t.Failures > 0 {
		return 1
	}
	return 0
}
