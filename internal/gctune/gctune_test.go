package gctune

import (
	"runtime/debug"
	"testing"
)

func TestTuneAndRestore(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	before := debug.SetGCPercent(-1)
	debug.SetGCPercent(before)
	restore := Tune(250, 64<<20)
	if got := debug.SetGCPercent(250); got != 250 {
		t.Errorf("GC percent %d, want 250", got)
	}
	if got := debug.SetMemoryLimit(-1); got != 64<<20 {
		t.Errorf("memory limit %d, want %d", got, 64<<20)
	}
	restore()
	if got := debug.SetGCPercent(before); got != before {
		t.Errorf("after restore: GC percent %d, want %d", got, before)
	}
}

func TestUserSettingsWin(t *testing.T) {
	t.Setenv("GOGC", "150")
	before := debug.SetGCPercent(-1)
	debug.SetGCPercent(before)
	restore := Tune(250, 64<<20)
	defer restore()
	if got := debug.SetGCPercent(before); got != before {
		t.Errorf("GOGC set by the user, but Tune changed the percent to %d", got)
	}
}
