package main

import (
	"os"
	"testing"

	"github.com/buflsp/buflsp/runtime/sandbox/proc"
)

// TestMain lets the test binary stand in for buflsp when `eval` and `run`
// start their child from os.Executable(): started as `<test binary>
// __eval-worker` (or __run-child), it runs the same dispatch as the real
// command instead of the tests.
func TestMain(m *testing.M) {
	if len(os.Args) > 1 && (os.Args[1] == proc.WorkerCommand || os.Args[1] == proc.RunChildCommand) {
		os.Exit(dispatch(os.Args[1:], os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}
