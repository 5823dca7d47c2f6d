package config

// This file reads the Lua version from a lua-language-server configuration
// (.luarc.json or .luarc.jsonc), which many projects already have, so that a
// project without a .buflsp.toml still gets its own dialect.

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/buflsp/buflsp/analysis/syntax"
)

// luarcNames are the LuaLS configuration files looked for, in this order,
// in each directory while walking up from a file.
var luarcNames = []string{".luarc.json", ".luarc.jsonc"}

// IsLuarc reports whether path names a LuaLS configuration file, which can
// change the target of the files below it.
func IsLuarc(path string) bool {
	base := filepath.Base(path)
	for _, n := range luarcNames {
		if base == n {
			return true
		}
	}
	return false
}

// luarcVersions maps LuaLS's runtime.version values to targets. Lua 5.5
// has no dialect of its own yet; 5.4 is the nearest (its own syntax, such as
// global declarations, is then reported), far closer than the LuaJIT
// default. lua-language-server's own .luarc.json says "Lua 5.5".
var luarcVersions = map[string]syntax.Target{
	"lua 5.1": syntax.TargetLua51,
	"lua 5.2": syntax.TargetLua52,
	"lua 5.3": syntax.TargetLua53,
	"lua 5.4": syntax.TargetLua54,
	"lua 5.5": syntax.TargetLua54,
	"luajit":  syntax.TargetLuaJIT,
}

// Luarc is the target a LuaLS configuration names.
type Luarc struct {
	Path   string        // the file it came from
	Target syntax.Target // valid when OK
	OK     bool          // the file names a runtime.version buflsp knows
}

// FindLuarc walks up from dir and returns what the first .luarc.json or
// .luarc.jsonc says. A file that cannot be read, is not JSON with comments,
// or names no known runtime.version gives OK false, and the walk stops
// there: the nearest LuaLS configuration is the one that applies.
func FindLuarc(dir string) Luarc {
	return (*luarcCache)(nil).find(dir)
}

// luarcIn reads the LuaLS configuration in dir itself; found is false when
// dir has none.
func luarcIn(dir string) (l Luarc, found bool) {
	for _, name := range luarcNames {
		p := filepath.Join(dir, name)
		data, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		t, ok := LuarcTarget(data)
		return Luarc{Path: p, Target: t, OK: ok}, true
	}
	return Luarc{}, false
}

// LuarcTarget reads runtime.version from the text of a LuaLS configuration:
// JSON with // and /* */ comments and trailing commas. As LuaLS does, nested
// objects are read as dotted keys and a leading "Lua." is optional, so
// {"runtime": {"version": "Lua 5.4"}}, {"runtime.version": "Lua 5.4"} and
// {"Lua": {"runtime.version": "Lua 5.4"}} all name Lua 5.4.
func LuarcTarget(data []byte) (syntax.Target, bool) {
	var doc map[string]json.RawMessage
	if err := json.Unmarshal(StripJSONC(data), &doc); err != nil {
		return syntax.TargetLuaJIT, false
	}
	t, ok := luarcVersions[strings.ToLower(strings.TrimSpace(runtimeVersion(doc, "")))]
	return t, ok
}

// runtimeVersion finds the string under the dotted key runtime.version
// (or Lua.runtime.version) in doc, whose keys are below prefix; "" when
// there is none. Keys are visited in sorted order, so the answer does not
// depend on map order.
func runtimeVersion(doc map[string]json.RawMessage, prefix string) string {
	keys := make([]string, 0, len(doc))
	for k := range doc {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		full := prefix + k
		if full == "runtime.version" || full == "Lua.runtime.version" {
			var v string
			if json.Unmarshal(doc[k], &v) == nil {
				return v
			}
			continue
		}
		var inner map[string]json.RawMessage
		if json.Unmarshal(doc[k], &inner) == nil && inner != nil {
			if v := runtimeVersion(inner, full+"."); v != "" {
				return v
			}
		}
	}
	return ""
}

// StripJSONC turns JSON with comments and trailing commas into plain JSON:
// comments become spaces (so offsets keep their meaning), then a comma
// followed only by white space and a closing bracket becomes a space.
// Strings are left alone.
func StripJSONC(data []byte) []byte {
	out := make([]byte, 0, len(data))
	for i := 0; i < len(data); i++ {
		c := data[i]
		switch {
		case c == '"':
			j := stringEnd(data, i)
			out = append(out, data[i:j]...)
			i = j - 1
		case c == '/' && i+1 < len(data) && data[i+1] == '/':
			for i < len(data) && data[i] != '\n' {
				out = append(out, ' ')
				i++
			}
			i--
		case c == '/' && i+1 < len(data) && data[i+1] == '*':
			end := len(data)
			if k := strings.Index(string(data[i+2:]), "*/"); k >= 0 {
				end = i + 2 + k + 2
			}
			for ; i < end; i++ {
				out = append(out, ' ')
			}
			i--
		default:
			out = append(out, c)
		}
	}
	for i := 0; i < len(out); i++ {
		switch out[i] {
		case '"':
			i = stringEnd(out, i) - 1
		case ',':
			j := i + 1
			for j < len(out) && isJSONSpace(out[j]) {
				j++
			}
			if j < len(out) && (out[j] == '}' || out[j] == ']') {
				out[i] = ' '
			}
		}
	}
	return out
}

// stringEnd returns the offset just after the JSON string starting at i.
func stringEnd(data []byte, i int) int {
	j := i + 1
	for j < len(data) && data[j] != '"' {
		if data[j] == '\\' {
			j++
		}
		j++
	}
	return min(j+1, len(data))
}

func isJSONSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// luarcCache remembers the answer for each directory for one
// configuration's lifetime, so that checking a tree reads each directory
// once (a directory's answer is its parent's when it has no file). A nil
// cache remembers nothing.
type luarcCache struct {
	mu   sync.Mutex
	dirs map[string]Luarc
}

func (c *luarcCache) find(dir string) Luarc {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return Luarc{}
	}
	if c != nil {
		c.mu.Lock()
		l, ok := c.dirs[abs]
		c.mu.Unlock()
		if ok {
			return l
		}
	}
	l, found := luarcIn(abs)
	if parent := filepath.Dir(abs); !found && parent != abs {
		l = c.find(parent)
	}
	if c != nil {
		c.mu.Lock()
		if c.dirs == nil {
			c.dirs = map[string]Luarc{}
		}
		c.dirs[abs] = l
		c.mu.Unlock()
	}
	return l
}
