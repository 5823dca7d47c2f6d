package proc

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"sync"
)

// RunChildCommand is the hidden subcommand that `buflsp run --isolate` starts its
// script in (see Supervise).
const RunChildCommand = "__run-child"

// Supervise runs command (the buflsp executable, RunChildCommand and the
// run arguments) and returns the exit code for the user. The child has
// stdin and stdout as they are. Its stderr passes through a filter
// (runtimeFilter) that forwards what the script and the run command write
// and holds back what the Go runtime writes when it gives up (a fatal
// out-of-memory, a Go stack overflow, an unrecovered panic, each followed by
// a goroutine dump); that becomes one line. An interrupt reaches the child
// through the terminal's process group; the supervisor only waits for it.
func Supervise(command []string, stdin io.Reader, stdout, stderr io.Writer) int {
	cmd := exec.Command(command[0], command[1:]...)
	cmd.Stdin, cmd.Stdout = stdin, stdout
	filter := &runtimeFilter{out: stderr}
	cmd.Stderr = filter

	interrupts := make(chan os.Signal, 1)
	signal.Notify(interrupts, os.Interrupt)
	defer signal.Stop(interrupts)

	if err := cmd.Start(); err != nil {
		fmt.Fprintf(stderr, "buflsp run: starting the runtime: %v\n", err)
		return 2
	}
	err := cmd.Wait()
	held := filter.finish()
	var ee *exec.ExitError
	switch {
	case fatalOf(held) == fatalMemory:
		fmt.Fprintln(stderr, "buflsp: not enough memory (the Go runtime could not allocate more)")
		return 1
	case fatalOf(held) == fatalStack:
		fmt.Fprintln(stderr, "buflsp: stack overflow (the code nests too deeply for the Go runtime)")
		return 1
	case held != "" && fatalOf(held) != fatalNone && exitCode(err) == 2:
		// 2 is the exit code of a Go panic or fatal error.
		fmt.Fprintf(stderr, "buflsp: internal error, please report it: %s\n", firstLine(held))
		return max(1, exitCode(err))
	case held != "":
		// It looked like the runtime's report but the process went on: it
		// was the script's own text.
		io.WriteString(stderr, held)
	}
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ee) && ee.ExitCode() >= 0:
		return ee.ExitCode()
	case errors.As(err, &ee) && signalNumber(ee) == 9:
		fmt.Fprintln(stderr, "buflsp: killed (signal 9; the system kills a process that uses too much memory this way)")
		return 128 + 9
	case errors.As(err, &ee):
		// Ended by a signal (an interrupt, say): the shell's convention.
		fmt.Fprintf(stderr, "buflsp run: %v\n", err)
		return 128 + signalNumber(ee)
	}
	fmt.Fprintf(stderr, "buflsp run: %v\n", err)
	return 2
}

// runtimeHeaders start the lines the Go runtime writes when it ends a
// process.
var runtimeHeaders = [][]byte{
	[]byte("fatal error: "), []byte("panic: "), []byte("runtime: "),
	[]byte("goroutine "), []byte("runtime stack:"), []byte("[signal "),
}

// runtimeFilter forwards a child's stderr line by line until a line starts
// like a Go runtime report; from there on it keeps everything (the first
// stderrHead bytes) for finish. A partial line that could still become such
// a header waits for the rest.
type runtimeFilter struct {
	mu      sync.Mutex
	out     io.Writer
	pending []byte // a partial line that may be the start of a header
	held    *headWriter
}

func (f *runtimeFilter) Write(p []byte) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := len(p)
	if f.held != nil {
		f.held.Write(p)
		return n, nil
	}
	data := append(f.pending, p...)
	f.pending = nil
	for len(data) > 0 {
		end := bytes.IndexByte(data, '\n')
		line := data
		if end >= 0 {
			line = data[:end+1]
		}
		switch header(line) {
		case headerYes:
			f.held = &headWriter{max: stderrHead}
			f.held.Write(data)
			return n, nil
		case headerMaybe:
			if end < 0 {
				f.pending = append([]byte(nil), line...)
				return n, nil
			}
		}
		f.out.Write(line)
		data = data[len(line):]
	}
	return n, nil
}

// finish returns what was held back, after forwarding a pending partial
// line.
func (f *runtimeFilter) finish() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.pending) > 0 {
		f.out.Write(f.pending)
		f.pending = nil
	}
	if f.held == nil {
		return ""
	}
	return f.held.buf.String()
}

type headerMatch int

const (
	headerNo headerMatch = iota
	headerMaybe
	headerYes
)

// header tells whether line starts with a runtime header, or is too short
// to tell.
func header(line []byte) headerMatch {
	result := headerNo
	for _, h := range runtimeHeaders {
		switch {
		case bytes.HasPrefix(line, h):
			return headerYes
		case bytes.HasPrefix(h, line):
			result = headerMaybe
		}
	}
	return result
}
