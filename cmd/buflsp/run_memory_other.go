//go:build !linux

package main

// defaultRunMemory is run's memory limit when --max-memory is not given;
// without Linux's sysinfo it is a fixed figure.
func defaultRunMemory() int64 { return fallbackRunMemory }
