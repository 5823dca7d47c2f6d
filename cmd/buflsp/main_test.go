package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"

	"github.com/buflsp/buflsp/runtime/sandbox/proc"
)

// TestMain lets the test binary stand in for buflsp when `eval` and `run --isolate`
// start their child from os.Executable(): started as `<test binary>
// __eval-worker` (or __run-child), it runs the same dispatch as the real
// command instead of the tests. Tests that need the real command over the
// wire use buildBuflsp.
func TestMain(m *testing.M) {
	if len(os.Args) > 1 && (os.Args[1] == proc.WorkerCommand || os.Args[1] == proc.RunChildCommand) {
		os.Exit(dispatch(os.Args[1:], os.Stdout, os.Stderr))
	}
	if len(os.Args) > 2 && os.Args[1] == peakCommand {
		os.Exit(runForPeak(os.Args[2:]))
	}
	code := m.Run()
	if dir, built := builtDir(); built {
		os.RemoveAll(dir)
	}
	os.Exit(code)
}

// buildOnce builds the buflsp command once per test binary, into a temporary
// directory that TestMain removes.
var buildOnce struct {
	sync.Once
	dir, bin string
	err      error
	out      []byte
}

// buildBuflsp returns the path of the real buflsp binary built from this
// package, so that tests run exactly what users run, child processes
// included.
func buildBuflsp(t testing.TB) string {
	t.Helper()
	buildOnce.Do(func() {
		buildOnce.dir, buildOnce.err = os.MkdirTemp("", "buflsp-test-bin-")
		if buildOnce.err != nil {
			return
		}
		buildOnce.bin = filepath.Join(buildOnce.dir, "buflsp")
		// As `make build` builds it: static, without cgo.
		cmd := exec.Command("go", "build", "-o", buildOnce.bin, ".")
		cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
		buildOnce.out, buildOnce.err = cmd.CombinedOutput()
	})
	if buildOnce.err != nil {
		t.Fatalf("building buflsp: %v\n%s", buildOnce.err, buildOnce.out)
	}
	return buildOnce.bin
}

func builtDir() (string, bool) { return buildOnce.dir, buildOnce.dir != "" }
