package lsp

// This file tunes the Go garbage collector for a language server process.
// Each analysis of a large file allocates tens of megabytes that die as soon
// as the next version arrives; with the default GOGC=100 the collector runs
// several times per analysis, and on a busy machine its work shows in the
// edit-to-diagnostics latency. A server keeps little live memory (the open
// documents' snapshots and a summary per workspace file), so it can afford
// a larger heap goal; a soft memory limit keeps the total bounded.

import "github.com/buflsp/buflsp/internal/gctune"

const (
	// serverGCPercent is the heap growth allowed between collections.
	serverGCPercent = 400
	// serverMemoryLimit is the soft limit past which the collector works
	// harder again, whatever serverGCPercent allows.
	serverMemoryLimit = 1 << 30
)

// tuneGC sets the collector for a server process unless the user chose
// their own settings through GOGC or GOMEMLIMIT, and returns a function
// that restores the previous settings.
func tuneGC() (restore func()) {
	return gctune.Tune(serverGCPercent, serverMemoryLimit)
}
