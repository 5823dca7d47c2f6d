// Command luaufuzz runs random Luau buffer programs (internal/difftest's
// generator) under `buflsp run` and under the real luau, and reports every
// seed whose output differs. `make fuzz` runs it; see docs/runtime.md.
//
//	go run ./internal/tools/luaufuzz -n 10000 -jobs 2 -first 1
package main

import (
	"errors"
	"os"

	"github.com/buflsp/buflsp/internal/difftest"
	"github.com/buflsp/buflsp/internal/oracle"
)

func main() {
	find := func() (string, error) {
		exe, ok := oracle.LookLuau("luau")
		if !ok {
			return "", errors.New("luau not found: set BUFLSP_LUAU_DIR (../shared/oracles/luau) or put it on PATH")
		}
		return exe, nil
	}
	os.Exit(difftest.Command("luaufuzz", os.Args[1:], os.Stdout, os.Stderr, "luau", find, difftest.CompareLuau))
}
