package host

import "github.com/buflsp/buflsp/internal/gctune"

// A script that builds and drops many tables (a serializer decoding
// records, say) keeps the collector busy: with the default GOGC=100 it
// collects each time the heap doubles, and marking the tables that stay
// alive costs as much again on every cycle. A process that runs one script
// can let the heap grow further between collections while the script's
// live heap is small; as it grows the allowance shrinks back to the
// default, so big heaps are never multiplied (see gctune.Adaptive).
const (
	// scriptGCPercent is the heap growth allowed between collections
	// while the live heap is small.
	scriptGCPercent = 400
	// scriptGCHeadroom bounds that growth in bytes.
	scriptGCHeadroom = 256 << 20
)

// TuneGC sets the Go collector for a process that runs one script, as
// `buflsp run` does, unless the user set GOGC or GOMEMLIMIT; it returns a
// function that restores the previous setting. Benchmarks that measure
// scripts as `buflsp run` runs them call it too.
func TuneGC() (restore func()) {
	return gctune.Adaptive(scriptGCPercent, scriptGCHeadroom)
}
