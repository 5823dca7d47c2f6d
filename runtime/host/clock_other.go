//go:build !unix

package host

// processSeconds falls back to the wall time since start where the process
// CPU time is not available through the syscall package.
func processSeconds() float64 { return wallSeconds() }
