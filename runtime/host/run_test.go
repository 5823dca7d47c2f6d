package host

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeScript(t *testing.T, src string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "script.lua")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestRunArgs(t *testing.T) {
	path := writeScript(t, "#!/usr/bin/env buflsp\nprint(#arg, arg[0] == ..., arg[1], arg[2], select('#', ...), arg[-1])\n")
	var out bytes.Buffer
	if err := Run(path, []string{"one", "two"}, Options{Stdout: &out}); err != nil {
		t.Fatal(err)
	}
	// The main chunk's varargs are the arguments, not the script name.
	if got, want := out.String(), "2\tfalse\tone\ttwo\t2\tbuflsp\n"; got != want {
		t.Fatalf("output %q, want %q", got, want)
	}
}

func TestRunErrorHasLocationAndTraceback(t *testing.T) {
	path := writeScript(t, "local function f()\n  error('boom')\nend\nf()\n")
	err := Run(path, nil, Options{Stdout: &bytes.Buffer{}})
	var se *ScriptError
	if !errors.As(err, &se) {
		t.Fatalf("err = %v, want *ScriptError", err)
	}
	if !strings.HasSuffix(se.Message, "script.lua:2: boom") {
		t.Errorf("message %q lacks file:line", se.Message)
	}
	for _, want := range []string{"stack traceback:", "script.lua:2: in function 'f'", "script.lua:4: in main chunk"} {
		if !strings.Contains(se.Traceback, want) {
			t.Errorf("traceback lacks %q:\n%s", want, se.Traceback)
		}
	}
}

func TestRunSyntaxErrorAndMissingFile(t *testing.T) {
	var se *ScriptError
	if err := Run(writeScript(t, "local = 1\n"), nil, Options{}); !errors.As(err, &se) {
		t.Fatalf("syntax error: err = %v", err)
	}
	err := Run(filepath.Join(t.TempDir(), "missing.lua"), nil, Options{})
	if err == nil || errors.As(err, &se) {
		t.Fatalf("missing file: err = %v, want a plain error", err)
	}
}

func TestSafeLibsLeaveOutFileAccess(t *testing.T) {
	L := NewState(Options{Libs: LibSafe})
	defer L.Close()
	if err := L.DoString(`assert(io == nil and os == nil and debug == nil)
		assert(require("string.buffer") and buffer and bit)
		assert(not pcall(require, "buflsp.io"))`); err != nil {
		t.Fatal(err)
	}
}
