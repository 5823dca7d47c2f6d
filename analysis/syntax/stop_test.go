package syntax

import (
	"strings"
	"testing"
)

// TestParseStop checks that a parse whose Stop channel is closed ends
// early, says so, and still returns a tree, while an open channel changes
// nothing.
func TestParseStop(t *testing.T) {
	src := []byte(strings.Repeat("do local t = {1, 2, 3}\nif t[1] then print(t[2]) end end\n", 2000))
	plain := Parse("m.lua", src, Options{})
	open := make(chan struct{})
	got := Parse("m.lua", src, Options{Stop: open})
	if got.Stopped || plain.Stopped || len(got.Chunk.Stmts) != len(plain.Chunk.Stmts) || len(got.Errors) != 0 {
		t.Fatalf("open Stop: stopped %v, %d statements, %d errors; want the plain parse's %d statements and no error",
			got.Stopped, len(got.Chunk.Stmts), len(got.Errors), len(plain.Chunk.Stmts))
	}
	closed := make(chan struct{})
	close(closed)
	got = Parse("m.lua", src, Options{Stop: closed})
	if !got.Stopped || got.Chunk == nil {
		t.Fatalf("closed Stop: stopped %v, tree %v; want a stopped parse with a tree", got.Stopped, got.Chunk != nil)
	}
	if n := len(got.Chunk.Stmts); n == 0 || n >= len(plain.Chunk.Stmts) {
		t.Errorf("closed Stop: %d statements, want some but fewer than the %d of the whole file", n, len(plain.Chunk.Stmts))
	}
}
