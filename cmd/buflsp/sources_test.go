//go:build linux

package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestScriptSourcesAreRegularFiles: eval and run read only regular files (a
// FIFO would block them forever, /dev/zero would fill memory until the Go
// runtime dies), with a message saying why.
func TestScriptSourcesAreRegularFiles(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "pipe.lua")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		cmd  func([]string, *bytes.Buffer, *bytes.Buffer) int
		name string
		path string
		want string
	}{
		{func(a []string, o, e *bytes.Buffer) int { return runEval(a, o, e) }, "eval fifo", fifo, "not a regular file (a named pipe)"},
		{func(a []string, o, e *bytes.Buffer) int { return runEval(a, o, e) }, "eval /dev/zero", "/dev/zero", "not a regular file (a character device)"},
		{func(a []string, o, e *bytes.Buffer) int { return runRun(a, o, e) }, "run fifo", fifo, "not a regular file (a named pipe)"},
		{func(a []string, o, e *bytes.Buffer) int { return runRun(a, o, e) }, "run /dev/zero", "/dev/zero", "not a regular file (a character device)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			if code := tc.cmd([]string{tc.path}, &out, &errb); code != 2 || !strings.Contains(errb.String(), tc.want) {
				t.Errorf("exit %d, stderr %q; want 2 and %q", code, errb.String(), tc.want)
			}
		})
	}
}
