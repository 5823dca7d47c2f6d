package difftest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/buflsp/buflsp/analysis/syntax"
	"github.com/buflsp/buflsp/internal/oracle"
	"github.com/buflsp/buflsp/internal/testutil"
)

const limit = 10 * time.Second

// compare runs path under buflsp and under exe and fails on any difference
// in what they print or in whether they fail.
func compare(t *testing.T, exe, path string, target syntax.Target) {
	t.Helper()
	theirs, err := RunOracle(exe, path, limit)
	if err != nil {
		t.Fatalf("%s: %v", exe, err)
	}
	ours := RunOurs(path, target, limit)
	if ours.Stdout != theirs.Stdout {
		t.Errorf("output differs from %s (want is the oracle's):\n%s", filepath.Base(exe), testutil.Diff(theirs.Stdout, ours.Stdout))
	}
	if ours.Failed != theirs.Failed {
		t.Errorf("buflsp failed=%v (%s), %s failed=%v (%s)", ours.Failed, ours.Err, filepath.Base(exe), theirs.Failed, theirs.Err)
	}
}

// TestLuauPrograms runs every testdata/runtime/luau-run case under buflsp
// and the real luau.
func TestLuauPrograms(t *testing.T) {
	exe := oracle.RequireLuau(t, "luau")
	testutil.Cases(t, filepath.Join("..", "..", "testdata", "runtime", "luau-run"), ".luau", func(t *testing.T, path string, _ []byte) {
		compare(t, exe, path, syntax.TargetLuau)
	})
}

// TestLuaJITPrograms runs every testdata/runtime/luajit-run case under
// buflsp and luajit.
func TestLuaJITPrograms(t *testing.T) {
	exe := oracle.Require(t, "luajit")
	testutil.Cases(t, filepath.Join("..", "..", "testdata", "runtime", "luajit-run"), ".lua", func(t *testing.T, path string, _ []byte) {
		compare(t, exe, path, syntax.TargetLuaJIT)
	})
}

// TestRandomLuauPrograms compares a few generated programs; `make fuzz`
// runs thousands (internal/tools/luaufuzz).
func TestRandomLuauPrograms(t *testing.T) {
	exe := oracle.RequireLuau(t, "luau")
	dir := t.TempDir()
	for seed := uint64(1); seed <= 40; seed++ {
		d, err := CompareLuau(dir, exe, seed)
		if err != nil {
			t.Fatal(err)
		}
		if d != nil {
			src, _ := os.ReadFile(d.Path)
			t.Errorf("seed %d: output differs from luau (want is luau's):\n%s\nprogram:\n%s", seed, testutil.Diff(d.Oracle.Stdout, d.Ours.Stdout), src)
		}
	}
}

// TestGeneratorIsSeeded checks that a seed always gives the same program and
// that different seeds give different ones.
func TestGeneratorIsSeeded(t *testing.T) {
	a, b := LuauProgram(7), LuauProgram(7)
	if a != b {
		t.Fatal("the same seed gave two programs")
	}
	if LuauProgram(8) == a {
		t.Fatal("seeds 7 and 8 gave the same program")
	}
	if !strings.Contains(a, "buffer.") {
		t.Fatal("the program does not use the buffer library")
	}
}

// TestRandomLuaJITPrograms compares a few generated string.buffer programs
// with luajit; `make fuzz` runs thousands (internal/tools/ljfuzz).
func TestRandomLuaJITPrograms(t *testing.T) {
	exe := oracle.Require(t, "luajit")
	dir := t.TempDir()
	for seed := uint64(1); seed <= 40; seed++ {
		d, err := CompareLuaJIT(dir, exe, seed)
		if err != nil {
			t.Fatal(err)
		}
		if d != nil {
			src, _ := os.ReadFile(d.Path)
			t.Errorf("seed %d: output differs from luajit (want is luajit's):\n%s\nprogram:\n%s", seed, testutil.Diff(d.Oracle.Stdout, d.Ours.Stdout), src)
		}
	}
}

// TestLuaJITGeneratorIsSeeded checks that a seed always gives the same
// string.buffer program and that different seeds give different ones.
func TestLuaJITGeneratorIsSeeded(t *testing.T) {
	a := LuaJITProgram(7)
	if a != LuaJITProgram(7) {
		t.Fatal("the same seed gave two programs")
	}
	if LuaJITProgram(8) == a {
		t.Fatal("seeds 7 and 8 gave the same program")
	}
	if !strings.Contains(a, "b:put") && !strings.Contains(a, "buffer.") {
		t.Fatal("the program does not use string.buffer")
	}
}
