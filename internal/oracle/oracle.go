// Package oracle finds the reference programs (luajit, lua5.1, lua5.4,
// luacheck, nvim) that tests compare buflsp against.
//
// A missing oracle skips the test on a developer machine, but fails it when the
// CI environment variable is "true": in CI an absent oracle means the install
// step is broken, and a silent skip would hide that.
package oracle

import (
	"os"
	"os/exec"
	"testing"
)

// Require returns the absolute path of the named program or stops the test.
func Require(t testing.TB, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err == nil {
		return path
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("oracle %q is not installed (CI=true, so this is a failure, not a skip); run scripts/install-oracles.sh", name)
	}
	t.Skipf("oracle %q is not installed; run scripts/install-oracles.sh (or make test) to install it", name)
	return ""
}
