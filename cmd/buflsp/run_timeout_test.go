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
