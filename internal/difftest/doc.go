// Package difftest runs the same program under `buflsp run` and under the
// real interpreter (luau, luajit) and compares what they print, byte for
// byte. It holds the seeded random-program generator for Luau buffer code
// (luaugen.go), the runner both sides share (run.go), and the data-driven
// tests over testdata/luau-run. The command internal/tools/luaufuzz runs
// many seeds for `make fuzz`.
package difftest
