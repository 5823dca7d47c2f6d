package analysis

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/buflsp/buflsp/analysis/semantic"
)

func TestRequires(t *testing.T) {
	src := []byte(`local a = require("a.b")
local b = require 'c'
local c = require "d.e.f"
local d = require(name)
local e = pcall(require, "g")
local f = myrequire("h")
-- require("i") in a comment counts: a scan, not a parse
local g = require("broken
`)
	got := Requires(src)
	want := []string{"a.b", "c", "d.e.f", "i"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Requires = %q, want %q", got, want)
	}
}

func TestWorkspaceResolve(t *testing.T) {
	w := NewWorkspace()
	root := t.TempDir()
	files := []string{"proj/kong/tools/x.lua", "proj/kong/tools/y/init.lua", "other/kong/tools/x.lua", "proj/x.lua"}
	for _, f := range files {
		w.AddFile(filepath.Join(root, f))
	}
	from := wsPath(filepath.Join(root, "proj/kong/init.lua"))
	cases := map[string]string{
		"kong.tools.x": "proj/kong/tools/x.lua", // nearest of two matches
		"kong.tools.y": "proj/kong/tools/y/init.lua",
		"tools.x":      "proj/kong/tools/x.lua",
		"x":            "proj/x.lua", // the shortest path sharing the longest prefix
		"kong.tools.z": "",
		"../x":         "",
	}
	for mod, want := range cases {
		got := w.resolve(from, mod)
		if want != "" {
			want = wsPath(filepath.Join(root, want))
		}
		if got != want {
			t.Errorf("resolve(%q) = %q, want %q", mod, got, want)
		}
	}
	w.RemoveFile(filepath.Join(root, "proj/kong/tools/x.lua"))
	if got, want := w.resolve(from, "kong.tools.x"), wsPath(filepath.Join(root, "other/kong/tools/x.lua")); got != want {
		t.Errorf("after removal: %q, want %q", got, want)
	}
}

func TestWorkspaceJoin(t *testing.T) {
	w := NewWorkspace()
	root := t.TempDir()
	lib, a, b := filepath.Join(root, "lib.lua"), filepath.Join(root, "a.lua"), filepath.Join(root, "b.lua")
	for _, p := range []string{lib, a, b} {
		w.AddFile(p)
	}
	w.SetSummary(lib, &semantic.Summary{Exports: &semantic.ModuleFacts{Fields: map[string]semantic.Fact{"buf": {Kind: semantic.SBuf}}}})
	w.SetSummary(a, &semantic.Summary{Calls: []semantic.OutCall{{Module: "lib", Field: "f", Args: []semantic.Kind{semantic.SBuf, semantic.String}}}})
	f := w.Facts(lib, nil)
	if f == nil || !reflect.DeepEqual(f.Params["f"], []semantic.Kind{semantic.SBuf, semantic.String}) {
		t.Fatalf("params of lib = %+v", f)
	}
	if f := w.Facts(b, []byte(`local l = require("lib")`)); f == nil || f.Import == nil || f.Import("lib") == nil || f.Import("nope") != nil {
		t.Fatalf("b does not import lib's exports: %+v", f)
	}
	if w.Facts(b, []byte(`local l = require("other")`)) != nil {
		t.Error("facts for a file requiring nothing known")
	}
	// Another caller with a different kind: the parameter becomes unknown.
	w.SetSummary(b, &semantic.Summary{Calls: []semantic.OutCall{{Module: "lib", Field: "f", Args: []semantic.Kind{semantic.Table}}}})
	if got := w.Facts(lib, nil).Params["f"]; !reflect.DeepEqual(got, []semantic.Kind{semantic.Unknown, semantic.String}) {
		t.Errorf("merged params = %v", got)
	}
	// An empty summary removes the file's part.
	w.SetSummary(b, &semantic.Summary{})
	w.SetSummary(a, nil)
	if got := w.Facts(lib, nil); got != nil {
		t.Errorf("facts left after removal: %+v", got)
	}
}

// TestWorkspaceShapes checks generated workspaces of the bad shapes of
// issue 11: modules requiring each other in one long cycle, and a module
// required by every file. The pass must finish (no walk of the require
// graph; a join linear in the summaries) and still carry the kinds.
func TestWorkspaceShapes(t *testing.T) {
	const n = 400
	dir := t.TempDir()
	write := func(name, src string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// hub is required by every file; it exports a buffer maker, and its
	// function sink gets a buffer from every caller.
	write("hub.lua", `local buffer = require("string.buffer")
local H = {}
function H.make() return buffer.new() end
function H.sink(out) out.put("x") end
return H
`)
	for i := 0; i < n; i++ {
		write(fmt.Sprintf("m%d.lua", i), fmt.Sprintf(`local hub = require("hub")
local next_mod = require("m%d")
local b = hub.make()
b.reset()
hub.sink(b)
return { next_mod = next_mod }
`, (i+1)%n))
	}
	results := NewChecker().CheckPaths([]string{dir}, PathsOptions{})
	counts := map[string]int{}
	for _, fr := range results {
		if fr.Err != nil {
			t.Fatal(fr.Err)
		}
		for _, d := range fr.Result.Diagnostics {
			counts[filepath.Base(fr.Path)+":"+d.Rule]++
		}
	}
	// Every m*.lua: b.reset() on the imported maker's buffer.
	mods := 0
	for k, c := range counts {
		if strings.HasPrefix(k, "m") && strings.HasSuffix(k, ":method-call-with-dot") {
			mods += c
		}
	}
	if mods != n {
		t.Errorf("method-call-with-dot in %d modules, want %d", mods, n)
	}
	// hub.sink's parameter takes the callers' buffers.
	if counts["hub.lua:method-call-with-dot"] != 1 {
		t.Errorf("hub.lua findings: %v", counts)
	}
}

// TestWorkspaceDependents checks which files a summary change reaches:
// the files requiring the changed one (resolved as require does, init.lua
// included) and the modules whose functions its old or new summary calls.
func TestWorkspaceDependents(t *testing.T) {
	w := NewWorkspace()
	root := t.TempDir()
	p := func(f string) string { return wsPath(filepath.Join(root, f)) }
	for _, f := range []string{"lib/init.lua", "a.lua", "b.lua", "c.lua", "other/lib.lua", "sink.lua", "old.lua"} {
		w.AddFile(p(f))
	}
	w.SetRequires(p("a.lua"), []string{"lib"})
	w.SetRequires(p("b.lua"), []string{"x.lib"}) // no such module: not lib/init.lua
	w.SetRequires(p("c.lua"), []string{"string.buffer", "lib", "sink"})
	old := &semantic.Summary{Calls: []semantic.OutCall{{Module: "old", Field: "f"}}}
	w.SetSummary(p("lib/init.lua"), &semantic.Summary{Calls: []semantic.OutCall{{Module: "sink", Field: "f", Args: []semantic.Kind{semantic.SBuf}}}})
	got := w.Dependents(p("lib/init.lua"), old)
	want := []string{p("a.lua"), p("c.lua"), p("old.lua"), p("sink.lua")}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Dependents = %q, want %q", got, want)
	}
	// A file that no longer requires lib, and one removed, are forgotten.
	w.SetRequires(p("a.lua"), nil)
	w.RemoveFile(p("c.lua"))
	got = w.Dependents(p("lib/init.lua"), nil)
	want = []string{p("sink.lua")}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("after the changes: Dependents = %q, want %q", got, want)
	}
}
