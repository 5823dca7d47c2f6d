//go:build !linux

package proc

import (
	"errors"
	"os"
)

// limitProcess has no implementation outside Linux: the child then relies
// on the sandbox's own checks and on the parent's kill at the deadline.
func limitProcess(Spec) error {
	return errors.New("operating-system limits are only set on Linux")
}

func notifyCPU(chan os.Signal) {}

// residentBytes is not known outside Linux.
func residentBytes(int) (int64, bool) { return 0, false }
