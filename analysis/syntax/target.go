package syntax

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
)

// Target is the Lua runtime a file is written for. It decides which
// constructs are syntax errors.
type Target int

// The zero value is LuaJIT, the default target of buflsp.
const (
	TargetLuaJIT Target = iota // LuaJIT 2.1 syntax
	TargetLuau                 // Luau syntax: types, compound assignment, continue, ...
	TargetBuflsp               // the buflsp runtime: LuaJIT syntax run on gopher-lua
)

// String returns the name used in configuration files and on the command line.
func (t Target) String() string {
	switch t {
	case TargetLuaJIT:
		return "luajit"
	case TargetLuau:
		return "luau"
	case TargetBuflsp:
		return "buflsp"
	}
	return fmt.Sprintf("Target(%d)", int(t))
}

// ParseTarget turns "luajit", "luau" or "buflsp" into a Target.
func ParseTarget(s string) (Target, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "luajit":
		return TargetLuaJIT, nil
	case "luau":
		return TargetLuau, nil
	case "buflsp":
		return TargetBuflsp, nil
	}
	return TargetLuaJIT, fmt.Errorf("unknown target %q: expected luajit, luau or buflsp", s)
}

// DetectTarget decides the target of one file. A first-line comment
// "-- target: luau" (or luajit, buflsp) wins, then a ".luau" extension, then
// the fallback (usually the configured target).
func DetectTarget(filename string, src []byte, fallback Target) Target {
	line := src
	if i := bytes.IndexAny(line, "\r\n"); i >= 0 {
		line = line[:i]
	}
	if s := strings.TrimSpace(string(line)); strings.HasPrefix(s, "--") {
		s = strings.TrimSpace(strings.TrimLeft(s, "-"))
		if rest, ok := strings.CutPrefix(s, "target:"); ok {
			if t, err := ParseTarget(rest); err == nil {
				return t
			}
		}
	}
	if strings.EqualFold(filepath.Ext(filename), ".luau") {
		return TargetLuau
	}
	return fallback
}

// Dialect is the exact language version the parser accepts. Targets map to a
// default dialect; the other dialects exist so that conformance tests can
// compare with the real lua5.1 and lua5.4 executables.
type Dialect int

// DialectDefault derives the dialect from the target.
const (
	DialectDefault Dialect = iota
	DialectLuaJIT          // LuaJIT 2.1 as built by default (not LJ_52)
	DialectLua51           // PUC Lua 5.1
	DialectLua54           // PUC Lua 5.4
	DialectLuau            // Luau
)

// String names the dialect.
func (d Dialect) String() string {
	switch d {
	case DialectLuaJIT:
		return "luajit"
	case DialectLua51:
		return "lua5.1"
	case DialectLua54:
		return "lua5.4"
	case DialectLuau:
		return "luau"
	}
	return "default"
}

// Options configure Parse.
type Options struct {
	Target Target
	// Dialect overrides the dialect implied by Target (used by conformance
	// tests against lua5.1 and lua5.4).
	Dialect Dialect
	// AllErrors keeps every error instead of stopping after MaxErrors and
	// keeping at most one per line.
	AllErrors bool
}

// MaxErrors is how many syntax errors Parse reports before it stops
// reporting (parsing itself continues so the tree stays complete).
const MaxErrors = 50

func (o Options) dialect() Dialect {
	if o.Dialect != DialectDefault {
		return o.Dialect
	}
	if o.Target == TargetLuau {
		return DialectLuau
	}
	return DialectLuaJIT
}
