// Package apiparity checks that the analyzer's signature table
// (analysis/api) lists exactly the functions and methods that the runtime
// registers, so that hover, completion and unknown-member never disagree
// with what `buflsp run` executes. It lives outside both trees because
// analysis must not import runtime.
package apiparity

import (
	"io"
	"sort"
	"strings"
	"testing"

	lua "github.com/yuin/gopher-lua"

	"github.com/buflsp/buflsp/analysis/api"
	"github.com/buflsp/buflsp/runtime/host"
)

// keys lists the function-valued string keys of a table, leaving out
// metamethods ("__index", "__len", ...), which are not called by name.
func keys(t *lua.LTable) []string {
	var out []string
	t.ForEach(func(k, v lua.LValue) {
		name, ok := k.(lua.LString)
		if !ok || strings.HasPrefix(string(name), "__") {
			return
		}
		if _, fn := v.(*lua.LFunction); fn {
			out = append(out, string(name))
		}
	})
	sort.Strings(out)
	return out
}

func tableNames(tab *api.Table, owner api.Owner, ext bool) []string {
	var out []string
	for _, f := range tab.Members(owner, true) {
		if f.Extension == ext || owner != api.Method {
			out = append(out, f.Name)
		}
	}
	sort.Strings(out)
	return out
}

func TestTableMatchesRuntime(t *testing.T) {
	L := host.NewState(host.Options{Stdout: io.Discard, Stderr: io.Discard})
	defer L.Close()
	if err := L.DoString(`
		local M = require("string.buffer")
		sbuf_module, sbuf_object = M, M.new()
	`); err != nil {
		t.Fatal(err)
	}
	module, ok := L.GetGlobal("sbuf_module").(*lua.LTable)
	if !ok {
		t.Fatal("require(\"string.buffer\") did not return a table")
	}
	obj, ok := L.GetGlobal("sbuf_object").(*lua.LUserData)
	if !ok {
		t.Fatal("string.buffer.new() did not return userdata")
	}
	mt, ok := obj.Metatable.(*lua.LTable) // the raw one: __metatable hides it from GetMetatable
	if !ok {
		t.Fatal("buffer object has no metatable")
	}
	methods, ok := mt.RawGetString("__index").(*lua.LTable)
	if !ok {
		t.Fatal("buffer metatable has no __index table")
	}
	luau, ok := L.GetGlobal("buffer").(*lua.LTable)
	if !ok {
		t.Fatal("no global Luau buffer library")
	}

	// The runtime registers standard and extension methods in one table;
	// the API table tells them apart with its Extension flag.
	tab := api.New()
	wantMethods := append(tableNames(tab, api.Method, false), tableNames(tab, api.Method, true)...)
	sort.Strings(wantMethods)
	checks := []struct {
		what      string
		runtime   []string
		signature []string
	}{
		{"string.buffer module", keys(module), tableNames(tab, api.Module, false)},
		{"string.buffer methods", keys(methods), wantMethods},
		{"Luau buffer library", keys(luau), tableNames(tab, api.Luau, false)},
	}
	for _, c := range checks {
		if len(c.runtime) == 0 || len(c.signature) == 0 {
			t.Errorf("%s: empty list (runtime %d, signatures %d)", c.what, len(c.runtime), len(c.signature))
		}
		rt, sig := set(c.runtime), set(c.signature)
		for _, n := range c.runtime {
			if !sig[n] {
				t.Errorf("%s: runtime registers %q but analysis/api has no signature for it", c.what, n)
			}
		}
		for _, n := range c.signature {
			if !rt[n] {
				t.Errorf("%s: analysis/api describes %q but the runtime does not register it", c.what, n)
			}
		}
	}
}

func set(list []string) map[string]bool {
	m := map[string]bool{}
	for _, s := range list {
		m[s] = true
	}
	return m
}
