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
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	prevPercent := debug.SetGCPercent(percent)
	prevLimit := debug.SetMemoryLimit(limit)
	return func() {
		debug.SetGCPercent(prevPercent)
		debug.SetMemoryLimit(prevLimit)
	}
}
