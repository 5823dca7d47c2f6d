// Package difftest runs the same program under `buflsp run` and under the
// real interpreter (luau, luajit) and compares what they print, byte for
// byte. It holds the seeded random-program generators for Luau buffer code
// (luaugen.go) and LuaJIT string.buffer code (ljgen.go), the runner both
// sides share (run.go, seeds.go), and the data-driven tests over
// testdata/runtime/{luau,luajit}-run. The commands internal/tools/luaufuzz
// and internal/tools/ljfuzz run many seeds for `make fuzz`.
package difftest
