// Package proc runs sandbox evaluations in a child process, so that what no
// Go code can recover from (the runtime's fatal out-of-memory, a Go stack
// overflow, a Go call that never returns) ends the child and never the
// process that asked: the language server or `buflsp eval`.
//
// The parent (Pool) starts the buflsp executable with a hidden subcommand;
// the child (Serve) reads one request, puts operating-system limits on
// itself (address space, CPU time, Go stack and heap targets), runs
// sandbox.Evaluate, writes one response and exits. The parent kills the
// child shortly after the deadline, and when the child dies without an
// answer it reads the exit status and the first line the Go runtime wrote to
// stderr and reports the limit that was hit in words: never a Go trace.
//
// A Pool keeps one warm child, started ahead of time and used once, so that
// an evaluation pays for a pipe round trip and not for a process start-up.
// A child is never reused: nothing of one evaluation can reach the next.
//
// Messages are framed as a 4-byte big-endian length followed by JSON.
package proc
