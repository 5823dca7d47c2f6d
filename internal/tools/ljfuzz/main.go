// Command ljfuzz runs random string.buffer programs (internal/difftest's
// LuaJIT generator) under `buflsp run` and under the real luajit, and
// reports every seed whose output differs. `make fuzz` runs it; see
// docs/divergences.md.
//
//	go run ./internal/tools/ljfuzz -n 10000 -jobs 2 -first 1
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"

	"github.com/buflsp/buflsp/internal/difftest"
)

func main() {
	n := flag.Int("n", 1000, "number of programs")
	first := flag.Uint64("first", 1, "first seed")
	jobs := flag.Int("jobs", 1, "programs run at the same time")
	keep := flag.String("dir", "", "folder for the programs (default: a temporary one); differing programs are kept")
	flag.Parse()
	exe, err := exec.LookPath("luajit")
	if err != nil {
		fmt.Fprintln(os.Stderr, "ljfuzz: luajit not found on PATH (Debian: apt-get install luajit)")
		os.Exit(2)
	}
	dir := *keep
	if dir == "" {
		if dir, err = os.MkdirTemp("", "ljfuzz"); err != nil {
			fmt.Fprintln(os.Stderr, "ljfuzz:", err)
			os.Exit(2)
		}
	}
	t := difftest.RunSeeds(os.Stdout, "luajit", *n, *first, *jobs, func(seed uint64) (*difftest.Diff, error) {
		return difftest.CompareLuaJIT(dir, exe, seed)
	})
	if t.Diffs > 0 || t.Failures > 0 {
		os.Exit(1)
	}
}
