//go:build linux

package main

// This file is the harness of the red-team cases of `buflsp run`, which runs
// scripts in its own process: testdata/redteam/run/*.lua|luau (one case per
// kind of failure the runtime guards against) and every evaluation case of
// testdata/redteam/eval, each run by the real binary. Markers in the
// leading comments of a run case:
//
//	-- attempt: what the script tries (for docs/redteam.md)
//	-- expect: ok | error      exit 0, or exit 1 with a message
//	-- message: a regular expression stderr must match
//	-- stdout: a regular expression stdout must match
//	-- flags: run flags (--max-memory, --timeout)
//
// Every case, and every evaluation case run by `run` with the limits of
// its eval flags (2 s and 64 MiB unless they say otherwise), must end with
// exit code 0 or 1, within a second of its timeout, with no Go text on
// either stream, and with a peak resident set under runMemorySlack(cap).

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/buflsp/buflsp/runtime/sandbox"
)

// headWriter keeps the first max bytes written to it.
type headWriter struct {
	bytes.Buffer
	max int
}

func (h *headWriter) Write(p []byte) (int, error) {
	if room := h.max - h.Len(); room > 0 {
		h.Buffer.Write(p[:min(len(p), room)])
	}
	return len(p), nil
}

// runMemorySlack is the peak resident set a run under a memory limit of
// cap may reach: the heap is sampled every few milliseconds and stopped
// past the limit, but one step of the VM (s .. s, a buffer's doubling) can
// allocate twice what it already holds before the sample sees it, and the
// process itself (binary, runtime, stacks) takes a few tens of MiB.
func runMemorySlack(limit int64) int64 { return 3*limit + 64<<20 }

type runCase struct {
	name, path      string
	expect          string
	message, stdout *regexp.Regexp
	flags           []string
	timeout         time.Duration
	memory          int64
}

func loadRunCases(t *testing.T) []runCase {
	t.Helper()
	var paths []string
	for _, ext := range []string{"lua", "luau"} {
		p, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "redteam", "run", "*."+ext))
		paths = append(paths, p...)
	}
	if len(paths) == 0 {
		t.Fatal("no red-team run cases")
	}
	var cases []runCase
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		c := runCase{name: filepath.Base(p), path: p}
		attempt := ""
		for key, val := range caseMarkers(src) {
			switch key {
			case "attempt":
				attempt = val
			case "expect":
				c.expect = val
			case "message":
				c.message = regexp.MustCompile(val)
			case "stdout":
				c.stdout = regexp.MustCompile(strings.ReplaceAll(val, `\n`, "\n"))
			case "flags":
				c.flags = strings.Fields(val)
			}
		}
		if attempt == "" || (c.expect != "ok" && c.expect != "error") {
			t.Fatalf("%s: needs -- attempt: and -- expect: ok|error", p)
		}
		c.timeout, c.memory = runLimits(t, c.flags)
		cases = append(cases, c)
	}
	return cases
}

// runLimits reads --timeout and --max-memory from flags; without them the
// deadline is the harness's 20 s and the cap the default (a quarter of the
// machine's memory).
func runLimits(t *testing.T, flags []string) (time.Duration, int64) {
	timeout, memory := 20*time.Second, defaultRunMemory()
	for i := 0; i+1 < len(flags); i++ {
		var err error
		switch flags[i] {
		case "--timeout":
			timeout, err = time.ParseDuration(flags[i+1])
		case "--max-memory":
			memory, err = sandbox.ParseSize(flags[i+1])
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	return timeout, memory
}

// runOnce runs bin run with flags on path and checks what every run must
// hold; it returns the exit code and the two streams.
func runOnce(t *testing.T, bin string, flags []string, path string, timeout time.Duration, memory int64) (int, string, string) {
	t.Helper()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	peakFile := filepath.Join(t.TempDir(), "peak")
	cmd := exec.Command(self, append(append([]string{peakCommand, bin, "run"}, flags...), path)...)
	cmd.Env = append(os.Environ(), "BUFLSP_PEAK_FILE="+peakFile)
	// Only the start of the output is kept: a test process that grew by a
	// flood of output would pass its size on to the next child it forks,
	// whose peak resident set would then count it.
	stdout, stderr := &headWriter{max: 1 << 20}, &headWriter{max: 1 << 20}
	cmd.Stdout, cmd.Stderr = stdout, stderr
	start := time.Now()
	err = cmd.Run()
	took := time.Since(start)
	code := cmd.ProcessState.ExitCode()
	if code != 0 && code != 1 {
		t.Errorf("exit %d (%v), want 0 or 1; stderr:\n%s", code, err, stderr.String())
	}
	if m := goText.FindString(stdout.String() + stderr.String()); m != "" {
		t.Errorf("Go text %q reached the user:\n%s%s", m, stdout.String(), stderr.String())
	}
	if took > timeout+time.Second {
		t.Errorf("took %v, more than a second past the %v deadline", took, timeout)
	}
	if text, err := os.ReadFile(peakFile); err != nil {
		t.Errorf("no peak resident set: %v", err)
	} else {
		peak, _ := strconv.ParseInt(string(text), 10, 64)
		if peak > runMemorySlack(memory) {
			t.Errorf("peak resident memory %d MiB, over %d MiB for a %d MiB limit", peak>>20, runMemorySlack(memory)>>20, memory>>20)
		}
		t.Logf("exit %d in %v, peak %d MiB", code, took.Round(time.Millisecond), peak>>20)
	}
	return code, stdout.String(), stderr.String()
}

func TestRedTeamRun(t *testing.T) {
	bin := buildBuflsp(t)
	for _, c := range loadRunCases(t) {
		t.Run(c.name, func(t *testing.T) {
			code, stdout, stderr := runOnce(t, bin, c.flags, c.path, c.timeout, c.memory)
			if want := map[string]int{"ok": 0, "error": 1}[c.expect]; code != want {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, want, stderr)
			}
			if c.message != nil && !c.message.MatchString(stderr) {
				t.Errorf("stderr does not match %q:\n%s", c.message, stderr)
			}
			if c.stdout != nil && !c.stdout.MatchString(stdout) {
				t.Errorf("stdout does not match %q:\n%s", c.stdout, stdout)
			}
		})
	}
}

// TestRedTeamEvalCasesUnderRun runs every evaluation case with `buflsp run`
// under the case's limits: run has the whole library (files, os) and its
// own guards, so only what must hold of any run is checked, plus the named
// limit when the case expects nothing else.
func TestRedTeamEvalCasesUnderRun(t *testing.T) {
	bin := buildBuflsp(t)
	slow := os.Getenv("BUFLSP_REDTEAM_SLOW") == "1"
	for _, c := range loadRedTeamCases(t) {
		t.Run(c.name, func(t *testing.T) {
			if c.slow && !slow {
				t.Skip("slow case: runs under make fuzz (BUFLSP_REDTEAM_SLOW=1)")
			}
			flags := []string{"--timeout", c.timeout.String(), "--max-memory", strconv.FormatInt(c.memory, 10)}
			code, _, stderr := runOnce(t, bin, flags, c.path, c.timeout, c.memory)
			switch strings.Join(c.expect, "|") {
			case "limit memory":
				if code != 1 || !strings.Contains(stderr, "not enough memory") {
					t.Errorf("exit %d, want 1 and \"not enough memory\"; stderr:\n%s", code, stderr)
				}
			case "limit timeout":
				if code != 1 || !strings.Contains(stderr, "--timeout") {
					t.Errorf("exit %d, want 1 and --timeout; stderr:\n%s", code, stderr)
				}
			}
		})
	}
}
