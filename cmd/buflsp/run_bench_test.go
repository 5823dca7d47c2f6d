package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/buflsp/buflsp/internal/oracle"
)

// BenchmarkRunProcess is `buflsp run` of a one-line script as a user starts
// it: a new process each time, start-up and exit included, beside the same
// script under luajit in the same run. "isolate" is run --isolate, the
// supervised child that every run used before the runtime guarded its own
// limits. cpu-ms/op is the user plus system time of the processes, which
// other jobs on a shared machine disturb less than the wall time (ns/op).
func BenchmarkRunProcess(b *testing.B) {
	script := filepath.Join(b.TempDir(), "hello.lua")
	if err := os.WriteFile(script, []byte("print('hi')\n"), 0o644); err != nil {
		b.Fatal(err)
	}
	bin := buildBuflsp(b)
	luajit := oracle.Require(b, "luajit")
	for _, c := range []struct {
		name string
		argv []string
	}{
		{"buflsp", []string{bin, "run", script}},
		{"isolate", []string{bin, "run", "--isolate", script}},
		{"luajit", []string{luajit, script}},
	} {
		b.Run(c.name, func(b *testing.B) {
			var cpu time.Duration
			for b.Loop() {
				cmd := exec.Command(c.argv[0], c.argv[1:]...)
				if out, err := cmd.Output(); err != nil || string(out) != "hi\n" {
					b.Fatalf("%v: %q, %v", c.argv, out, err)
				}
				cpu += cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
			}
			b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N), "cpu-ms/op")
		})
	}
}
