package proc

import (
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
)

// limitProcess sets the child's address-space and CPU-time limits. The
// address space allowed is what the process maps already (the Go runtime's
// reservations), plus the memory cap and the collector's slack rounded up to
// whole heap arenas, plus addressSlack: one huge allocation (table.concat of
// gigabytes) fails at once instead of being attempted. The tight bound on
// memory is the parent's watch of the resident set (residentBytes).
func limitProcess(spec Spec) error {
	var errs []string
	if base, err := mappedBytes(); err != nil {
		errs = append(errs, "no address-space limit: "+err.Error())
	} else {
		heap := (spec.MaxMemory + heapSlack + arena - 1) / arena * arena
		as := uint64(base) + uint64(heap) + addressSlack
		if err := syscall.Setrlimit(syscall.RLIMIT_AS, &syscall.Rlimit{Cur: as, Max: as}); err != nil {
			errs = append(errs, "no address-space limit: "+err.Error())
		}
	}
	secs := cpuSeconds(spec.Timeout)
	if err := syscall.Setrlimit(syscall.RLIMIT_CPU, &syscall.Rlimit{Cur: secs, Max: secs + 1}); err != nil {
		errs = append(errs, "no CPU-time limit: "+err.Error())
	}
	if len(errs) > 0 {
		return fmt.Errorf("%s", strings.Join(errs, "; "))
	}
	return nil
}

// mappedBytes is the process's current virtual size (the first field of
// /proc/self/statm, in pages).
func mappedBytes() (int64, error) {
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return 0, err
	}
	f := strings.Fields(string(b))
	if len(f) == 0 {
		return 0, fmt.Errorf("/proc/self/statm is empty")
	}
	pages, err := strconv.ParseInt(f[0], 10, 64)
	if err != nil {
		return 0, fmt.Errorf("/proc/self/statm: %v", err)
	}
	return pages * int64(os.Getpagesize()), nil
}

// sigCPU is the signal of the CPU-time limit.
const sigCPU = syscall.SIGXCPU

func notifyCPU(ch chan os.Signal) { signal.Notify(ch, sigCPU) }

// residentBytes is the resident set of process pid (the second field of
// /proc/pid/statm, in pages).
func residentBytes(pid int) (int64, bool) {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/statm")
	if err != nil {
		return 0, false
	}
	f := strings.Fields(string(b))
	if len(f) < 2 {
		return 0, false
	}
	pages, err := strconv.ParseInt(f[1], 10, 64)
	if err != nil {
		return 0, false
	}
	return pages * int64(os.Getpagesize()), true
}

// signalNumber is the signal that ended a child, or 0.
func signalNumber(ee *exec.ExitError) int {
	if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		return int(ws.Signal())
	}
	return 0
}
