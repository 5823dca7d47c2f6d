package testutil

import (
	"bytes"
	"os/exec"
	"strings"
	"testing"

	"github.com/buflsp/buflsp/internal/oracle"
)

// LuaRun describes one run of a reference interpreter.
type LuaRun struct {
	// Dir is the working directory; empty means the test's own, which is
	// the package directory.
	Dir string
	// Args follow the program name: a script path, "-e" and code, or "-"
	// to read the script from Stdin.
	Args []string
	// Stdin is what the program reads from standard input.
	Stdin string
	// MergeStderr sends standard error into the returned stdout, in the
	// order the program wrote it, for tests that compare everything the
	// program printed.
	MergeStderr bool
}

// RunLua runs the oracle program prog (a name such as "luajit", or the path
// oracle.Require returned) and returns what it wrote to standard output and
// standard error. A missing program skips the test, or fails it in CI, as
// oracle.Require does. err is the program's failure, such as a non-zero
// exit, which some tests expect.
func RunLua(t testing.TB, prog string, run LuaRun) (stdout, stderr string, err error) {
	t.Helper()
	path := oracle.Require(t, prog)
	cmd := exec.Command(path, run.Args...)
	cmd.Dir = run.Dir
	if run.Stdin != "" {
		cmd.Stdin = strings.NewReader(run.Stdin)
	}
	var out, errOut bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = &errOut
	if run.MergeStderr {
		cmd.Stderr = &out
	}
	err = cmd.Run()
	return out.String(), errOut.String(), err
}

// MustRunLua is RunLua for a run that must succeed: when the program fails
// it stops the test with the error and what the program wrote to standard
// error, and otherwise returns its standard output.
func MustRunLua(t testing.TB, prog string, run LuaRun) string {
	t.Helper()
	stdout, stderr, err := RunLua(t, prog, run)
	if err != nil {
		// With MergeStderr the program's messages are in stdout; otherwise
		// stdout is left out, as it can be long and the cause is in stderr.
		if run.MergeStderr {
			stderr = stdout
		}
		t.Fatalf("%s failed: %v\n%s", prog, err, stderr)
	}
	return stdout
}
