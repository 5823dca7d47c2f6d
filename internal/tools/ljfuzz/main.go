// Command ljfuzz runs random string.buffer programs (internal/difftest's
// LuaJIT generator) under `buflsp run` and under the real luajit, and
// reports every seed whose output differs. `make fuzz` runs it; see
// docs/divergences.md.
//
//	go run ./internal/tools/ljfuzz -n 10000 -jobs 2 -first 1
package main

import (
	"errors"
	"os"
	"os/exec"

	"github.com/buflsp/buflsp/internal/difftest"
)

func main() {
	find := func() (string, error) {
		exe, err := exec.LookPath("luajit")
		if err != nil {
			return "", errors.New("luajit not found on PATH (Debian: apt-get install luajit)")
		}
		return exe, nil
	}
	os.Exit(difftest.Command("ljfuzz", os.Args[1:], os.Stdout, os.Stderr, "luajit", find, difftest.CompareLuaJIT))
}
