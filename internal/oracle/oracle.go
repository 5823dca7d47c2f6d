// Package oracle finds the reference programs (luajit, lua5.1 to lua5.4, the real Luau,
// luacheck, nvim) that tests compare buflsp against.
//
// A missing oracle skips the test on a developer machine, but fails it when the
// CI environment variable is "true": in CI an absent oracle means the install
// step is broken, and a silent skip would hide that.
package oracle

import (
	"os"
	"os/exec"
	"path/filepath"
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

// RequireLuau returns the absolute path of one of the real Luau programs
// ("luau", "luau-analyze" or "luau-compile"), looked up first in the folder
// named by BUFLSP_LUAU_DIR and then on PATH, or stops the test as Require does.
// CI points BUFLSP_LUAU_DIR at ../shared/oracles/luau.
func RequireLuau(t testing.TB, name string) string {
	t.Helper()
	if path, ok := LookLuau(name); ok {
		return path
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("Luau oracle %q not found in BUFLSP_LUAU_DIR (%q) or on PATH (CI=true, so this is a failure, not a skip)", name, os.Getenv("BUFLSP_LUAU_DIR"))
	}
	t.Skipf("Luau oracle %q not found; set BUFLSP_LUAU_DIR to the folder holding it (../shared/oracles/luau)", name)
	return ""
}

// LookLuau finds a Luau program as RequireLuau does, for tools that are not tests.
func LookLuau(name string) (string, bool) {
	if dir := os.Getenv("BUFLSP_LUAU_DIR"); dir != "" {
		path, err := exec.LookPath(filepath.Join(dir, name))
		if err == nil {
			if abs, err := filepath.Abs(path); err == nil {
				return abs, true
			}
			return path, true
		}
	}
	path, err := exec.LookPath(name)
	return path, err == nil
}
