package main

import (
	"io"
	"os"

	"github.com/buflsp/buflsp/analysis/lower"
	"github.com/buflsp/buflsp/runtime/sandbox"
	"github.com/buflsp/buflsp/runtime/sandbox/proc"
)

// runWorker is the hidden subcommand `buflsp __eval-worker`: one evaluation
// in a child process that limits itself (see runtime/sandbox/proc). It is
// started by `eval` and by the language server, never by people, and takes
// no flags; it talks framed JSON on stdin and stdout.
func runWorker(_ []string, stdout, stderr io.Writer) int {
	return proc.Serve(os.Stdin, stdout, stderr, func(s proc.Spec) sandbox.Options {
		return proc.Options(s, lower.FrontendFor)
	})
}

// evalPool returns a pool of workers started from this executable; warm
// keeps one started ahead (the server), a one-off `eval` does not.
func evalPool(warm bool) (*proc.Pool, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, err
	}
	return proc.NewPool([]string{exe, proc.WorkerCommand}, warm), nil
}
