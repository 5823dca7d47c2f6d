package main

import (
	"os"
	"strconv"
	"strings"
	"syscall"
)

// defaultRunMemory is run's memory limit when --max-memory is not given: a
// quarter of the memory the process may use, the machine's or its memory
// cgroup's (v2 memory.max, v1 memory.limit_in_bytes) when that is smaller.
// One allocation the runtime lets through is then at most half of it, which
// the system can give, so Go never meets a refused allocation (its fatal
// error).
func defaultRunMemory() int64 {
	var si syscall.Sysinfo_t
	total := int64(0)
	if err := syscall.Sysinfo(&si); err == nil {
		total = int64(si.Totalram) * int64(si.Unit)
	}
	for _, f := range []string{"/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"} {
		b, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		if n, err := strconv.ParseInt(strings.TrimSpace(string(b)), 10, 64); err == nil && n > 0 && (total == 0 || n < total) {
			total = n
		}
	}
	if total <= 0 {
		return fallbackRunMemory
	}
	return total / 4 &^ (1<<20 - 1) // whole MiB
}
