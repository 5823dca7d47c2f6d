package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestRunTimeoutInUsersWords: --timeout ends a loop in the VM and a Go call
// that never returns alike, with a message that names the flag, never Go's
// "context deadline exceeded".
func TestRunTimeoutInUsersWords(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct{ name, src, want string }{
		{"loop", "while true do end\n", "loop.lua:1: the script ran longer than --timeout 200ms\n"},
		{"go call", `print(string.find(("a"):rep(1e5), ".-.-.-.-b"))` + "\n",
			"buflsp: the script ran longer than --timeout 200ms and was stopped inside a function that did not return\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(dir, strings.ReplaceAll(tc.name, " ", "_")+".lua")
			if tc.name == "loop" {
				path = filepath.Join(dir, "loop.lua")
			}
			if err := os.WriteFile(path, []byte(tc.src), 0o644); err != nil {
				t.Fatal(err)
			}
			// The real binary: a Go call that does not return ends the
			// process, which must not be the test's.
			var out, errb bytes.Buffer
			cmd := exec.Command(buildBuflsp(t), "run", "--timeout", "200ms", path)
			cmd.Stdout, cmd.Stderr = &out, &errb
			start := time.Now()
			cmd.Run()
			code := cmd.ProcessState.ExitCode()
			if took := time.Since(start); took > 200*time.Millisecond+time.Second {
				t.Errorf("stopped after %v", took)
			}
			if code != 1 || !strings.Contains(errb.String(), tc.want) || strings.Contains(errb.String(), "context deadline") {
				t.Errorf("exit %d, stderr:\n%s\nwant 1 and %q", code, errb.String(), tc.want)
			}
		})
	}
}

// TestRunFlags: --isolate runs the script in a supervised child with the
// same output and exit codes; a bad --max-memory is a usage error that says
// what was expected.
func TestRunFlags(t *testing.T) {
	bin := buildBuflsp(t)
	dir := t.TempDir()
	hello := filepath.Join(dir, "hello.lua")
	bad := filepath.Join(dir, "bad.lua")
	os.WriteFile(hello, []byte("print('hi', ...)\n"), 0o644)
	os.WriteFile(bad, []byte("print(#string.rep('x', 2^30))\n"), 0o644)
	for _, tc := range []struct {
		args         []string
		code         int
		stdout, errs string
	}{
		{[]string{"--isolate", hello, "a"}, 0, "hi\ta\n", ""},
		{[]string{"--isolate", "--max-memory", "64M", bad}, 1, "", "not enough memory (string.rep asked for 1073741824 bytes, over the memory limit of 64 MiB)"},
		{[]string{"--max-memory", "64M", bad}, 1, "", "not enough memory (string.rep asked for 1073741824 bytes, over the memory limit of 64 MiB)"},
		{[]string{"--max-memory", "lots", hello}, 2, "", `buflsp run: --max-memory: invalid size "lots": expected a positive number of bytes`},
	} {
		var out, errb bytes.Buffer
		cmd := exec.Command(bin, append([]string{"run"}, tc.args...)...)
		cmd.Stdout, cmd.Stderr = &out, &errb
		cmd.Run()
		if code := cmd.ProcessState.ExitCode(); code != tc.code || out.String() != tc.stdout || !strings.Contains(errb.String(), tc.errs) {
			t.Errorf("run %v: exit %d, stdout %q, stderr %q; want %d, %q and %q", tc.args, code, out.String(), errb.String(), tc.code, tc.stdout, tc.errs)
		}
	}
}
