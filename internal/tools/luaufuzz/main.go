// Command luaufuzz runs random Luau buffer programs (internal/difftest's
// generator) under `buflsp run` and under the real luau, and reports every
// seed whose output differs. `make fuzz` runs it; see docs/runtime.md.
//
//	go run ./internal/tools/luaufuzz -n 10000 -jobs 2 -first 1
package main

import (
	"flag"
	"fmt"
	"os"

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
	t := difftest.RunSeeds(os.Stdout, "luau", *n, *first, *jobs, func(seed uint64) (*difftest.Diff, error) {
		return difftest.CompareLuau(dir, exe, seed)
	})
	if t.Diffs > 0 || t.Failures > 0 {
		os.Exit(1)
	}
}
