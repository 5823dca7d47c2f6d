package main

import (
	"os"
	"os/exec"
	"strconv"
	"syscall"
)

// peakCommand makes the test binary a small process that runs the command
// after it and writes that command's peak resident set (bytes) to the file
// named by $BUFLSP_PEAK_FILE. Linux counts, in a child's peak, the memory
// of the process that forked it; the test process itself grows to hundreds
// of MiB over the package's tests, so children are started from this
// fresh one instead.
const peakCommand = "__peak"

func runForPeak(args []string) int {
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	cmd.Run()
	if cmd.ProcessState == nil {
		return 125
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		os.WriteFile(os.Getenv("BUFLSP_PEAK_FILE"), []byte(strconv.FormatInt(ru.Maxrss<<10, 10)), 0o644)
	}
	return cmd.ProcessState.ExitCode()
}
