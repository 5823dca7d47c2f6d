// Package gctune sets the Go garbage collector for one kind of buflsp
// process (a language server, a batch check) and leaves it alone when the
// user chose their own settings through GOGC or GOMEMLIMIT.
package gctune

import (
	"os"
	"runtime/debug"
)

// Tune sets the heap growth allowed between collections (percent, as
// GOGC) and a soft memory limit in bytes, past which the collector works
// harder again whatever percent allows. It returns a function that
// restores the previous settings. With GOGC or GOMEMLIMIT in the
// environment it changes nothing.
func Tune(percent int, limit int64) (restore func()) {
	if userChose() {
		return func() {}
	}
	prevPercent := debug.SetGCPercent(percent)
	prevLimit := debug.SetMemoryLimit(limit)
	return func() {
		debug.SetGCPercent(prevPercent)
		debug.SetMemoryLimit(prevLimit)
	}
}

// SoftLimit sets only the soft memory limit, in bytes, and returns a
// function that restores the previous one. With GOGC or GOMEMLIMIT in the
// environment it changes nothing.
func SoftLimit(limit int64) (restore func()) {
	if userChose() {
		return func() {}
	}
	prev := debug.SetMemoryLimit(limit)
	return func() { debug.SetMemoryLimit(prev) }
}

// userChose reports whether the environment sets the collector (GOGC or
// GOMEMLIMIT); every setting of this package then leaves it alone.
func userChose() bool {
	return os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != ""
}

// A check keeps only findings once a file is done, so its live heap is
// small (tens of MiB for half a million lines) while each file's parse
// allocates a lot that dies at once. With the default GOGC=100 the
// collector then runs very often; a larger heap goal removes most of that
// work, and a soft limit keeps the peak bounded whatever the findings.
const (
	checkPercent = 400
	checkLimit   = 120 << 20
)

// ForCheck is Tune with the settings of `buflsp check`. Benchmarks that
// measure the analyzer as check runs it use it too.
func ForCheck() (restore func()) { return Tune(checkPercent, checkLimit) }
