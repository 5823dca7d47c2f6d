// Package sandbox evaluates untrusted Lua snippets on the buflsp runtime.
//
// Every call to Evaluate builds a fresh gopher-lua state that holds only the
// libraries a snippet needs to work with buffers (the base library without
// file or process access, string, table, math, coroutine, a clock-only os, a
// write-only io, and the buffer modules supplied through Options.Libraries).
// The run is bounded by a wall-clock deadline, a memory budget, a cap on the
// captured output, and gopher-lua's call-stack and registry limits. Exceeding
// any of them stops the run with an error that names the limit.
//
// The result is data, never a panic: captured output, the chunk's returned
// values rendered for people (tables, and buffers as a length plus a hex and
// ASCII preview), and on failure the message with the line in the evaluated
// source. The language server and `buflsp eval` both build on Evaluate.
package sandbox
