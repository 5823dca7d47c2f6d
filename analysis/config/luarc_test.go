package config

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/buflsp/buflsp/analysis/syntax"
)

func TestLuarcTarget(t *testing.T) {
	cases := []struct {
		name, text string
		want       syntax.Target
		ok         bool
	}{
		{"nested", `{"runtime": {"version": "Lua 5.3"}}`, syntax.TargetLua53, true},
		{"dotted", `{"runtime.version": "Lua 5.2"}`, syntax.TargetLua52, true},
		{"luajit", `{"runtime": {"version": "LuaJIT"}}`, syntax.TargetLuaJIT, true},
		{"Lua. prefix", `{"Lua.runtime.version": "Lua 5.3"}`, syntax.TargetLua53, true},
		{"Lua object", `{"Lua": {"runtime": {"version": "Lua 5.2"}}}`, syntax.TargetLua52, true},
		{"mixed nesting", `{"Lua.runtime": {"version": "Lua 5.1"}}`, syntax.TargetLua51, true},
		{"version of something else", `{"other": {"runtime": {"version": "Lua 5.3"}}}`, syntax.TargetLuaJIT, false},
		{"not a string", `{"runtime": {"version": 54}}`, syntax.TargetLuaJIT, false},
		{"jsonc", "{\n // c\n \"runtime\": {\"version\": \"Lua 5.1\", /* x */ },\n}\n", syntax.TargetLua51, true},
		{"comment between comma and bracket", "{\"runtime.version\": \"Lua 5.4\", // last\n}", syntax.TargetLua54, true},
		{"slashes in a string", `{"runtime": {"version": "Lua 5.4", "path": ["//x/*y*/", "a,}"]}}`, syntax.TargetLua54, true},
		{"5.5 is read as 5.4", `{"runtime": {"version": "Lua 5.5"}}`, syntax.TargetLua54, true},
		{"unknown version", `{"runtime": {"version": "Lua 6"}}`, syntax.TargetLuaJIT, false},
		{"no version", `{"diagnostics": {"globals": ["vim"]}}`, syntax.TargetLuaJIT, false},
		{"not json", `runtime.version = "Lua 5.4"`, syntax.TargetLuaJIT, false},
		{"unfinished comment", `{"runtime.version": "Lua 5.4"} /* open`, syntax.TargetLua54, true},
	}
	for _, c := range cases {
		got, ok := LuarcTarget([]byte(c.text))
		if got != c.want || ok != c.ok {
			t.Errorf("%s: LuarcTarget = %v, %v; want %v, %v", c.name, got, ok, c.want, c.ok)
		}
	}
}

// TestFileTarget follows the order of RULES.md: first-line comment, .luau,
// configured target, nearest .luarc.json, luajit.
func TestFileTarget(t *testing.T) {
	root := t.TempDir()
	write := func(rel, text string) string {
		p := filepath.Join(root, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	write("proj/.luarc.jsonc", `{"runtime": {"version": "Lua 5.4",},}`)
	write("proj/old/.luarc.json", `{"runtime.version": "Lua 5.1"}`)
	write("proj/broken/.luarc.json", `{"runtime.version": 54}`)
	plain := []byte("print(1)\n")
	configured := Default()
	configured.SetTarget(syntax.TargetLua52)
	cases := []struct {
		name string
		cfg  *Config
		file string
		src  []byte
		want syntax.Target
	}{
		{"luarc", Default(), "proj/a.lua", plain, syntax.TargetLua54},
		{"nearest luarc", Default(), "proj/old/deep/a.lua", plain, syntax.TargetLua51},
		{"nearest luarc names nothing known", Default(), "proj/broken/a.lua", plain, syntax.TargetLuaJIT},
		{"no luarc", Default(), "other/a.lua", plain, syntax.TargetLuaJIT},
		{"configured beats luarc", configured, "proj/a.lua", plain, syntax.TargetLua52},
		{"luau extension beats configured", configured, "proj/a.luau", plain, syntax.TargetLuau},
		{"comment beats all", configured, "proj/a.luau", []byte("-- target: lua53\n"), syntax.TargetLua53},
		{"unknown comment is ignored", Default(), "proj/a.lua", []byte("-- target: lua55\n"), syntax.TargetLua54},
		{"nil config", nil, "proj/a.lua", plain, syntax.TargetLuaJIT},
	}
	for _, c := range cases {
		if got := c.cfg.FileTarget(filepath.Join(root, c.file), c.src); got != c.want {
			t.Errorf("%s: FileTarget = %v, want %v", c.name, got, c.want)
		}
	}
}
