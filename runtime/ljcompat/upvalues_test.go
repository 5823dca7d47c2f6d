package ljcompat

import "testing"

// TestGopherLayout: the private fields the protected call relies on are
// found in the gopher-lua this module builds with. Without them pcall
// falls back to gopher-lua's upvalue handling, which detaches closures from
// their locals (testdata/runtime/luajit-run/pcall_upvalues.lua shows it),
// so a gopher-lua upgrade that moves them must fail here first.
func TestGopherLayout(t *testing.T) {
	if !gopherLayout.ok {
		t.Fatalf("gopher-lua's LState/callFrame/Upvalue fields not found: %+v", gopherLayout)
	}
}
