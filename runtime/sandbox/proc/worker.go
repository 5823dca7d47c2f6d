package proc

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"time"

	"github.com/buflsp/buflsp/runtime/sandbox"
)

// Limits of the child beyond the snippet's own memory cap.
const (
	// arena is the unit in which the Go heap reserves address space.
	arena = 64 << 20
	// addressSlack is the address space allowed beyond what the process
	// had mapped before the run plus the cap rounded up to whole arenas.
	// It is generous because the Go runtime needs twice an arena of free
	// address space to reserve an aligned one, and keeps freed blocks
	// mapped for a while; a tighter limit fails ordinary runs at random.
	// The resident-memory watch of the parent (rssSlack) is the tight
	// bound; this one makes a gigabyte-sized single allocation fail at
	// once instead of being filled page by page.
	addressSlack = 8 * arena
	// heapSlack is added to the cap for the Go collector's soft limit.
	heapSlack = 16 << 20
	// maxGoStack bounds one goroutine's Go stack (the default is 1 GiB).
	maxGoStack = 64 << 20
)

// cpuSeconds is the CPU-time limit for a run with the given deadline: the
// deadline rounded up plus one second, so that the wall-clock kill is the
// one that normally fires and the CPU limit is the backstop.
func cpuSeconds(timeout time.Duration) uint64 {
	s := uint64((timeout + time.Second - 1) / time.Second)
	return s + 1
}

// WorkerCommand is the hidden subcommand of buflsp that runs Serve. It is
// not listed in the help: only a Pool starts it.
const WorkerCommand = "__eval-worker"

// Exit codes of a child, read by the parent (classify.go).
const (
	exitOK = 0
	// exitProtocol: the request could not be read or the answer written.
	exitProtocol = 3
	// exitCPU: the CPU-time limit's warning signal arrived.
	exitCPU = 4
)

// Serve is the child's side: it waits for one request on in, limits the
// process, evaluates, writes the answer to out and returns the exit code.
// An idle child whose parent went away sees the end of in and exits quietly.
func Serve(in io.Reader, out io.Writer, errw io.Writer, build Builder) int {
	var req request
	if err := readFrame(in, &req, maxFrame); err != nil {
		if errors.Is(err, io.EOF) {
			return exitOK
		}
		fmt.Fprintf(errw, "buflsp %s: reading the request: %v\n", WorkerCommand, err)
		return exitProtocol
	}
	spec := req.Spec.withDefaults()
	stopCPU := watchCPU(errw)
	defer stopCPU()
	if err := limitProcess(spec); err != nil {
		// Without the OS limits the in-process checks still hold, and the
		// parent still kills at the deadline; say so and go on.
		fmt.Fprintf(errw, "buflsp %s: %v\n", WorkerCommand, err)
	}
	opts := build(spec)
	res := evaluate(req.Src, opts)
	if err := writeFrame(out, response{Result: res, Inline: res.Inline}); err != nil {
		fmt.Fprintf(errw, "buflsp %s: writing the answer: %v\n", WorkerCommand, err)
		return exitProtocol
	}
	return exitOK
}

// evaluate is sandbox.Evaluate with the Go limits of a one-shot process: a
// small Go stack, so that runaway recursion in Go code (the compiler on a
// deeply nested expression) ends long before the address-space limit, and a
// heap target at the memory cap, so that the collector works harder instead
// of growing towards it.
func evaluate(src []byte, opts sandbox.Options) *sandbox.Result {
	debug.SetMaxStack(int(min(maxGoStack, max(opts.MaxMemory/2, 1<<20))))
	debug.SetMemoryLimit(opts.MaxMemory + heapSlack)
	return sandbox.Evaluate(context.Background(), src, opts)
}

// watchCPU turns the CPU-time limit's SIGXCPU into a prompt exit with its
// own code. Go ignores the signal unless it is asked for; the hard limit
// (one second later) kills the process if this does not run.
func watchCPU(errw io.Writer) func() {
	ch := make(chan os.Signal, 1)
	notifyCPU(ch)
	done := make(chan struct{})
	go func() {
		select {
		case <-ch:
			fmt.Fprintln(errw, "buflsp: CPU time limit reached")
			os.Exit(exitCPU)
		case <-done:
		}
	}()
	return func() { signal.Stop(ch); close(done) }
}
