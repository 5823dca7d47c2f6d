package proc

import (
	"bytes"
	"errors"
	"fmt"
	"os/exec"
	"strings"
	"syscall"
	"time"

	"github.com/buflsp/buflsp/runtime/sandbox"
)

// death is what the parent knows about a child that ended without an
// answer.
type death struct {
	err      error  // from Wait: exit status or signal
	stderr   []byte // the start of what the child wrote to stderr
	killed   bool   // the parent killed it at the deadline
	resident int64  // when not 0: the parent killed it at this resident set
	spec     Spec
	cpu      time.Duration // user plus system time the child used
}

// classify names the limit a dead child hit. A Go runtime that ran out of
// address space prints "fatal error: runtime: out of memory" (or fails a
// thread or stack allocation); a Go stack overflow prints "stack exceeds";
// the CPU limit ends the child with exitCPU or, at the hard limit, SIGKILL.
func (d death) classify() *sandbox.Error {
	text := string(d.stderr)
	mib := d.spec.MaxMemory >> 20
	switch {
	case d.resident > 0:
		return &sandbox.Error{Kind: sandbox.KindLimit, Limit: sandbox.LimitMemory,
			Message: fmt.Sprintf("memory limit of %s exceeded (the worker process reached %d MiB and was stopped)", sizeText(d.spec.MaxMemory, mib), d.resident>>20)}
	case d.killed:
		return &sandbox.Error{Kind: sandbox.KindLimit, Limit: sandbox.LimitTimeout,
			Message: fmt.Sprintf("the evaluation ran longer than %v and its worker process was stopped", d.spec.Timeout)}
	case fatalOf(text) == fatalMemory:
		return &sandbox.Error{Kind: sandbox.KindLimit, Limit: sandbox.LimitMemory,
			Message: fmt.Sprintf("memory limit of %s exceeded (the worker process ran out of memory and was stopped)", sizeText(d.spec.MaxMemory, mib))}
	case fatalOf(text) == fatalStack:
		return &sandbox.Error{Kind: sandbox.KindLimit, Limit: sandbox.LimitCallStack,
			Message: "the code nests too deeply for the runtime (its Go stack overflowed in the worker process)"}
	case exitCode(d.err) == exitCPU || signalled(d.err, sigCPU) ||
		(signalled(d.err, syscall.SIGKILL) && d.cpu >= time.Duration(cpuSeconds(d.spec.Timeout))*time.Second):
		return &sandbox.Error{Kind: sandbox.KindLimit, Limit: sandbox.LimitTimeout,
			Message: fmt.Sprintf("CPU time limit of %d s exceeded (the worker process was stopped)", cpuSeconds(d.spec.Timeout))}
	}
	msg := "the evaluation's worker process ended without an answer"
	if d.err != nil {
		msg += " (" + d.err.Error() + ")"
	}
	if line := firstLine(text); line != "" {
		msg += ": " + line
	}
	return &sandbox.Error{Kind: sandbox.KindInternal, Message: msg}
}

// fatal is the kind of unrecoverable Go failure a child's stderr shows.
type fatal int

const (
	fatalNone   fatal = iota
	fatalMemory       // "fatal error: runtime: out of memory" and kin
	fatalStack        // "goroutine stack exceeds N-byte limit"
	fatalPanic        // an unrecovered Go panic: "panic: ..."
	fatalOther        // any other "fatal error: ..."
)

// fatalOf reads what the Go runtime wrote to stderr before it ended the
// process.
func fatalOf(text string) fatal {
	switch {
	case strings.Contains(text, "out of memory") || strings.Contains(text, "cannot allocate memory") ||
		strings.Contains(text, "failed to create new OS thread"):
		return fatalMemory
	case strings.Contains(text, "stack exceeds") || strings.Contains(text, "stack overflow"):
		return fatalStack
	case strings.HasPrefix(text, "panic: ") || strings.Contains(text, "\npanic: "):
		return fatalPanic
	case strings.Contains(text, "fatal error: "):
		return fatalOther
	}
	return fatalNone
}

// sizeText prints a cap in MiB when it is a whole number of them.
func sizeText(n, mib int64) string {
	if mib > 0 && mib<<20 == n {
		return fmt.Sprintf("%d MiB", mib)
	}
	return fmt.Sprintf("%d bytes", n)
}

func exitCode(err error) int {
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return ee.ExitCode()
	}
	return -1
}

func signalled(err error, sig syscall.Signal) bool {
	var ee *exec.ExitError
	if !errors.As(err, &ee) {
		return false
	}
	ws, ok := ee.Sys().(syscall.WaitStatus)
	return ok && ws.Signaled() && ws.Signal() == sig
}

// firstLine is the first non-empty line of a child's stderr, without the
// goroutine dump that may follow it: it never carries a Go trace.
func firstLine(s string) string {
	for _, l := range strings.Split(s, "\n") {
		l = strings.TrimSpace(l)
		if l == "" || strings.HasPrefix(l, "goroutine ") || strings.HasPrefix(l, "runtime stack") {
			continue
		}
		if len(l) > 200 {
			l = l[:200] + "..."
		}
		return l
	}
	return ""
}

// headWriter keeps the first max bytes written to it.
type headWriter struct {
	buf bytes.Buffer
	max int
}

func (h *headWriter) Write(p []byte) (int, error) {
	if room := h.max - h.buf.Len(); room > 0 {
		h.buf.Write(p[:min(len(p), room)])
	}
	return len(p), nil
}
