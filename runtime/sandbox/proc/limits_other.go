//go:build !linux

package proc

import (
	"errors"
	"os"
	"os/exec"
	"syscall"
)

// limitProcess has no implementation outside Linux: the child then relies
// on the sandbox's own checks and on the parent's kill at the deadline.
func limitProcess(Spec) error {
	return errors.New("operating-system limits are only set on Linux")
}

func notifyCPU(chan os.Signal) {}

// sigCPU stands for the CPU-limit signal, which only Linux children get.
const sigCPU = syscall.Signal(-1)

// residentBytes is not known outside Linux.
func residentBytes(int) (int64, bool) { return 0, false }

// signalNumber is not known outside Linux.
func signalNumber(*exec.ExitError) int { return 0 }
