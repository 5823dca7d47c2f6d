package gctune

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"testing"
	"time"
)

func TestAdaptivePercentFor(t *testing.T) {
	a := &adaptive{maxPercent: 400, headroom: 256 << 20}
	for _, c := range []struct {
		live int64
		want int
	}{
		{0, 400},         // before the first collection
		{1 << 20, 400},   // small heaps get the full growth
		{64 << 20, 400},  // 4 x 64 MiB = headroom exactly
		{128 << 20, 200}, // growth capped at the headroom
		{256 << 20, 100}, // never below the default
		{4 << 30, 100},   // a huge heap is treated as by default
		{100 << 20, 256}, // 256 MiB / 100 MiB
	} {
		if got := a.percentFor(c.live); got != c.want {
			t.Errorf("percentFor(%d MiB) = %d, want %d", c.live>>20, got, c.want)
		}
	}
}

// gcPercent reads the current percent without changing it.
func gcPercent() int {
	s := []metrics.Sample{{Name: "/gc/gogc:percent"}}
	metrics.Read(s)
	return int(s[0].Value.Uint64())
}

// waitPercent waits until the percent is want after a collection (the
// adjustment runs on the runtime's cleanup goroutine, a little later).
func waitPercent(t *testing.T, want int) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for gcPercent() != want {
		if time.Now().After(deadline) {
			t.Fatalf("GC percent %d, want %d", gcPercent(), want)
		}
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
}

func TestAdaptiveFollowsCollections(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	before := gcPercent()
	// A headroom of one byte: any live heap gets the default percent,
	// which each collection sets again.
	restore := Adaptive(400, 1)
	debug.SetGCPercent(123)
	waitPercent(t, 100)
	restore()
	if got := gcPercent(); got != before {
		t.Fatalf("after restore: GC percent %d, want %d", got, before)
	}
	// Collections after restore leave the percent alone.
	debug.SetGCPercent(123)
	runtime.GC()
	runtime.GC()
	time.Sleep(50 * time.Millisecond)
	if got := gcPercent(); got != 123 {
		t.Errorf("after restore a collection changed the percent to %d", got)
	}
	debug.SetGCPercent(before)
}

func TestAdaptiveUserSettingsWin(t *testing.T) {
	t.Setenv("GOGC", "150")
	before := gcPercent()
	restore := Adaptive(400, 1<<30)
	defer restore()
	runtime.GC()
	if got := gcPercent(); got != before {
		t.Errorf("GOGC set by the user, but Adaptive changed the percent to %d", got)
	}
}
