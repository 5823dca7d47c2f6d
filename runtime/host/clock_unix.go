//go:build unix

package host

import "syscall"

// processSeconds is the user plus system CPU time of the process.
func processSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return wallSeconds()
	}
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
}
