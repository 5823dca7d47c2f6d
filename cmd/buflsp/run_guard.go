package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
	"time"

	"github.com/buflsp/buflsp/internal/gctune"
	"github.com/buflsp/buflsp/runtime/host"
)

// runGuard holds `buflsp run` to its limits in this process, so that no Go
// fatal error (and its goroutine dump) can reach the user:
//
//   - one allocation over the memory limit is refused before it happens
//     (host.Options.MaxMemory);
//   - the heap and the goroutine stacks are sampled every few
//     milliseconds; past the limit the VM is stopped at its next
//     instruction (host.WatchHeap);
//   - --timeout stops the VM the same way;
//   - a Go function that does not return (a backtracking string.find, a
//     gsub building gigabytes) never reaches the next instruction, so when
//     the VM has not stopped runAbandonGrace after a limit, or the heap
//     keeps growing past it, the process prints one line and exits;
//   - Go calls nest at most ljcompat.MaxThreadNesting coroutines deep times
//     the call stack, and the Go stack may grow past Go's default 1 GB to
//     twice the memory limit, so deep nesting is stopped by the memory
//     watch rather than by Go's stack-overflow fatal error.
type runGuard struct {
	limit   int64
	timeout time.Duration
	stderr  io.Writer
	exit    func(code int) // os.Exit; the abandon path ends the process
}

// errOutOfMemory is the cause of a run stopped by the memory watch.
var errOutOfMemory = errors.New("the heap grew past the memory limit")

// start returns the context the script runs under and a function to call
// when it has ended.
func (g *runGuard) start() (context.Context, func()) {
	if g.exit == nil {
		g.exit = os.Exit
	}
	// The collector works harder near the limit, so that garbage does not
	// trip the watch (the heap growth between collections is
	// host.TuneGC's); stacks may grow until the watch sees them.
	restore := gctune.SoftLimit(g.limit)
	prevStack := debug.SetMaxStack(int(min(max(2*g.limit, 1<<30), 1<<40)))
	ctx, cancel := context.WithCancelCause(context.Background())
	done := make(chan struct{})
	var timer *time.Timer
	if g.timeout > 0 {
		timer = time.AfterFunc(g.timeout, func() {
			cancel(context.DeadlineExceeded)
			g.abandon(done, "the script ran longer than --timeout "+g.timeout.String()+" and was stopped inside a function that did not return")
		})
	}
	go host.WatchHeap(done, g.limit, false, func() {
		cancel(errOutOfMemory)
		g.abandon(done, "not enough memory: the script grew past the memory limit of "+host.SizeText(g.limit)+" (--max-memory) inside a function that did not return")
	})
	return ctx, func() {
		close(done)
		if timer != nil {
			timer.Stop()
		}
		cancel(nil)
		debug.SetMaxStack(prevStack)
		restore()
	}
}

// abandon waits for the VM to stop after a limit; when it does not within
// runAbandonGrace, or the heap grows a quarter past the limit meanwhile
// (a Go function still allocating), the process ends with msg.
func (g *runGuard) abandon(done <-chan struct{}, msg string) {
	deadline := time.Now().Add(runAbandonGrace)
	tick := time.NewTicker(host.HeapWatchInterval)
	defer tick.Stop()
	for time.Now().Before(deadline) && host.HeapBytes() < g.limit+g.limit/4 {
		select {
		case <-done:
			return
		case <-tick.C:
		}
	}
	select {
	case <-done:
		return
	default:
	}
	fmt.Fprintf(g.stderr, "buflsp: %s\n", msg)
	g.exit(1)
}

// explain words an error message of a script the guard stopped: gopher-lua
// reports a cancelled context in Go's words ("context canceled", "context
// deadline exceeded"), which become the limit that was hit; other messages
// pass unchanged.
func (g *runGuard) explain(ctx context.Context, msg string) string {
	var what string
	switch cause := context.Cause(ctx); {
	case errors.Is(cause, errOutOfMemory):
		what = "not enough memory: the script grew past the memory limit of " + host.SizeText(g.limit) + " (--max-memory)"
	case errors.Is(cause, context.DeadlineExceeded):
		what = "the script ran longer than --timeout " + g.timeout.String()
	default:
		return msg
	}
	for _, goText := range []string{"context deadline exceeded", "context canceled"} {
		if where, _, ok := strings.Cut(msg, goText); ok {
			return where + what
		}
	}
	return msg + " (" + what + ")"
}

// fallbackRunMemory is the default memory limit where the machine's memory
// cannot be read.
const fallbackRunMemory = 4 << 30
