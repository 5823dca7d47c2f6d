//go:build linux

package proc

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"runtime/debug"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/buflsp/buflsp/runtime/sandbox"
)

// TestMain turns the test binary into the children the tests start: a
// worker (WorkerCommand, as buflsp runs it) or a process that fails the way
// the Go runtime fails (childEnv).
func TestMain(m *testing.M) {
	switch os.Getenv(childEnv) {
	case "worker":
		os.Exit(Serve(os.Stdin, os.Stdout, os.Stderr, func(s Spec) sandbox.Options { return Options(s, nil) }))
	case "panic":
		os.Stderr.WriteString("script text before\n")
		panic("something Go-level")
	case "stack":
		debug.SetMaxStack(1 << 20)
		sink = make([]byte, recurse(0))
	case "oom":
		lim := uint64(64 << 20)
		syscall.Setrlimit(syscall.RLIMIT_AS, &syscall.Rlimit{Cur: lim, Max: lim})
		sink = make([]byte, 1<<30)
	case "cpu":
		os.Stderr.WriteString("buflsp: CPU time limit reached\n")
		os.Exit(exitCPU)
	case "fine":
		os.Stderr.WriteString("panic: is only text here\n")
		os.Stdout.WriteString("out\n")
		os.Exit(3)
	}
	os.Exit(m.Run())
}

const childEnv = "BUFLSP_PROC_TEST_CHILD"

var sink []byte

// recurse never returns: the child dies of a Go stack overflow, which is
// what the test needs. The depth check keeps it from being an obvious
// infinite recursion to the compiler and to staticcheck.
func recurse(n int) int {
	if n < 0 {
		return 0
	}
	return recurse(n+1) + 1
}

// self returns a command that starts this test binary as the child kind.
func self(t *testing.T, kind string) []string {
	t.Helper()
	t.Setenv(childEnv, kind)
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	return []string{exe}
}

func TestSuperviseTurnsRuntimeFailuresIntoOneLine(t *testing.T) {
	for _, tc := range []struct {
		kind, want string
		code       int
	}{
		{"panic", "script text before\nbuflsp: internal error, please report it: panic: something Go-level\n", 2},
		{"stack", "buflsp: stack overflow (the code nests too deeply for the Go runtime)\n", 1},
		{"oom", "buflsp: not enough memory (the Go runtime could not allocate more)\n", 1},
		{"fine", "panic: is only text here\n", 3},
	} {
		t.Run(tc.kind, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := Supervise(self(t, tc.kind), strings.NewReader(""), &out, &errb)
			if code != tc.code || errb.String() != tc.want {
				t.Errorf("exit %d, stderr:\n%s\nwant exit %d, stderr:\n%s", code, errb.String(), tc.code, tc.want)
			}
		})
	}
}

func TestRuntimeFilterHoldsOnlyHeaders(t *testing.T) {
	var out bytes.Buffer
	f := &runtimeFilter{out: &out}
	for _, chunk := range []string{"a line\npart", "ial\n", "gorou", "tine 1 [running]:\nmore\n"} {
		f.Write([]byte(chunk))
	}
	held := f.finish()
	if out.String() != "a line\npartial\n" || held != "goroutine 1 [running]:\nmore\n" {
		t.Errorf("forwarded %q, held %q", out.String(), held)
	}
}

func TestPoolAnswersAndNamesLimits(t *testing.T) {
	pool := NewPool(self(t, "worker"), true)
	defer pool.Close()
	ctx := context.Background()

	res := pool.Evaluate(ctx, []byte("print('hi') return 1 + 1"), Spec{})
	if res.Err != nil || res.Output != "hi\n" || len(res.Values) != 1 || res.Values[0].Text != "2" {
		t.Fatalf("plain run: %+v %+v", res, res.Err)
	}

	start := time.Now()
	res = pool.Evaluate(ctx, []byte("while true do end"), Spec{Timeout: 200 * time.Millisecond})
	if res.Err == nil || res.Err.Limit != sandbox.LimitTimeout {
		t.Fatalf("loop: want the timeout limit, got %+v", res.Err)
	}
	if d := time.Since(start); d > 200*time.Millisecond+time.Second {
		t.Errorf("loop: stopped after %v, more than a second after its deadline", d)
	}

	// One Go call (gsub) that builds a gigabyte: no size check sees it
	// before it returns, so the worker's own limits have to end it.
	res = pool.Evaluate(ctx, []byte(`return #string.gsub(("x"):rep(2^20), "x", ("y"):rep(2^10))`), Spec{MaxMemory: 32 << 20})
	if res.Err == nil || res.Err.Limit != sandbox.LimitMemory || !strings.Contains(res.Err.Message, "memory limit") {
		t.Fatalf("huge gsub: want the memory limit, got %+v", res.Err)
	}

	res = pool.Evaluate(ctx, []byte("return __buflsp_inline(1, 40 + 2)"), Spec{Inline: true})
	if res.Err != nil || len(res.Inline) != 1 || res.Inline[0].Text != "42" || res.Inline[0].Line != 1 {
		t.Fatalf("inline values: %+v %+v", res.Inline, res.Err)
	}

	cctx, cancel := context.WithCancel(ctx)
	time.AfterFunc(50*time.Millisecond, cancel)
	res = pool.Evaluate(cctx, []byte("while true do end"), Spec{Timeout: 10 * time.Second})
	if res.Err == nil || res.Err.Kind != sandbox.KindCanceled {
		t.Fatalf("cancel: want canceled, got %+v", res.Err)
	}
}

func TestClassifyNeverShowsATrace(t *testing.T) {
	spec := Spec{Timeout: time.Second, MaxMemory: 64 << 20}
	d := death{stderr: []byte("fatal error: concurrent map writes\n\ngoroutine 1 [running]:\nmain.main()\n\t/x.go:3\n"), spec: spec}
	e := d.classify()
	if e.Kind != sandbox.KindInternal || strings.Contains(e.Message, "goroutine") || strings.Contains(e.Message, ".go:") ||
		!strings.Contains(e.Message, "concurrent map writes") {
		t.Errorf("got %+v", e)
	}
}

func TestClassifyNamesTheCPULimit(t *testing.T) {
	cmd := exec.Command(self(t, "cpu")[0])
	err := cmd.Run()
	e := death{err: err, spec: Spec{Timeout: 1500 * time.Millisecond, MaxMemory: 64 << 20}}.classify()
	if e.Kind != sandbox.KindLimit || e.Limit != sandbox.LimitTimeout || e.Message != "CPU time limit of 3 s exceeded (the worker process was stopped)" {
		t.Errorf("got %+v", e)
	}
}

func TestClassifyNamesTheMemoryLimitOfAGoFatal(t *testing.T) {
	cmd := exec.Command(self(t, "oom")[0])
	var errb bytes.Buffer
	cmd.Stderr = &errb
	err := cmd.Run()
	e := death{err: err, stderr: errb.Bytes(), spec: Spec{Timeout: time.Second, MaxMemory: 64 << 20}}.classify()
	if e.Limit != sandbox.LimitMemory || e.Message != "memory limit of 64 MiB exceeded (the worker process ran out of memory and was stopped)" {
		t.Errorf("got %+v from a child that wrote:\n%s", e, errb.String())
	}
}
