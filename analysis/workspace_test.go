package analysis

import (
	"path/filepath"
	"reflect"
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
