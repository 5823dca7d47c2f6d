package main

import "syscall"

// defaultRunMemory is run's memory limit when --max-memory is not given: a
// quarter of the machine's memory. One allocation the runtime lets through
// is then at most half of it, which the system can give, so Go never meets
// a refused allocation (its fatal error).
func defaultRunMemory() int64 {
	var si syscall.Sysinfo_t
	if err := syscall.Sysinfo(&si); err != nil || si.Totalram == 0 {
		return fallbackRunMemory
	}
	return int64(si.Totalram) * int64(si.Unit) / 4 &^ (1<<20 - 1) // whole MiB
}
