//go:build !linux

package main

const peakCommand = "__peak"

func runForPeak(args []string) int { return 125 }
