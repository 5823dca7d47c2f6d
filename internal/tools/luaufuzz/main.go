// Command luaufuzz runs random Luau buffer programs (internal/difftest's
// generator) under `buflsp run` and under the real luau, and reports every
// seed whose output differs. `make fuzz` runs it; see docs/testing.md.
//
//	go run ./internal/tools/luaufuzz -n 10000 -jobs 2 -first 1
package main

import (
	"flag"
	"fmt"
	"os"
	"sync"
	"sync/atomic"

	"github.com/buflsp/buflsp/internal/difftest"
	"github.com/buflsp/buflsp/internal/oracle"
)

func main() {
	n := flag.Int("n", 1000, "number of programs")
	first := flag.Uint64("first", 1, "first seed")
	jobs := flag.Int("jobs", 1, "programs run at the same time")
	keep := flag.String("dir", "", "folder for the programs (default: a temporary one); differing programs are kept")
	flag.Parse()
	exe, ok := oracle.LookLuau("luau")
	if !ok {
		fmt.Fprintln(os.Stderr, "luaufuzz: luau not found: set BUFLSP_LUAU_DIR (../shared/oracles/luau) or put it on PATH")
		os.Exit(2)
	}
	dir := *keep
	if dir == "" {
		var err error
		if dir, err = os.MkdirTemp("", "luaufuzz"); err != nil {
			fmt.Fprintln(os.Stderr, "luaufuzz:", err)
			os.Exit(2)
		}
	}
	var next atomic.Uint64
	next.Store(*first)
	last := *first + uint64(*n)
	var mu sync.Mutex
	diffs, failures := 0, 0
	var wg sync.WaitGroup
	for range max(*jobs, 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				seed := next.Add(1) - 1
				if seed >= last {
					return
				}
				d, err := difftest.CompareLuau(dir, exe, seed)
				mu.Lock()
				switch {
				case err != nil:
					failures++
					fmt.Println("error:", err)
				case d != nil:
					diffs++
					fmt.Printf("seed %d differs (%s): buflsp failed=%v luau failed=%v\n", d.Seed, d.Path, d.Ours.Failed, d.Oracle.Failed)
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	fmt.Printf("%d programs (seeds %d..%d), %d differ from luau, %d could not run\n", *n, *first, last-1, diffs, failures)
	if diffs > 0 || failures > 0 {
		os.Exit(1)
	}
}
