package syntax

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
)

// Target is the Lua runtime a file is written for. It decides which
// constructs are syntax errors and which buffer library the file has.
type Target int

// The zero value is LuaJIT, the default target of buflsp. New targets are
// added at the end so that the values of the old ones do not change.
const (
	TargetLuaJIT Target = iota // LuaJIT 2.1 syntax
	TargetLuau                 // Luau syntax: types, compound assignment, continue, ...
	TargetBuflsp               // the buflsp runtime: LuaJIT syntax run on gopher-lua
	TargetLua51                // PUC Lua 5.1
	TargetLua52                // PUC Lua 5.2: goto, \x and \z escapes
	TargetLua53                // PUC Lua 5.3: integers, // and bitwise operators, \u{...}
	TargetLua54                // PUC Lua 5.4: <const> and <close> locals
)

// targetNames lists every target in the order they are shown to users.
var targetNames = []struct {
	name string
	t    Target
}{
	{"lua51", TargetLua51}, {"lua52", TargetLua52}, {"lua53", TargetLua53}, {"lua54", TargetLua54},
	{"luajit", TargetLuaJIT}, {"luau", TargetLuau}, {"buflsp", TargetBuflsp},
}

// Targets returns every target, in the order they are shown to users.
func Targets() []Target {
	out := make([]Target, len(targetNames))
	for i, n := range targetNames {
		out[i] = n.t
	}
	return out
}

// TargetNames is the list of valid target names for messages:
// "lua51, lua52, lua53, lua54, luajit, luau or buflsp".
func TargetNames() string {
	var b strings.Builder
	for i, n := range targetNames {
		switch {
		case i == len(targetNames)-1:
			b.WriteString(" or ")
		case i > 0:
			b.WriteString(", ")
		}
		b.WriteString(n.name)
	}
	return b.String()
}

// String returns the name used in configuration files and on the command line.
func (t Target) String() string {
	for _, n := range targetNames {
		if n.t == t {
			return n.name
		}
	}
	return fmt.Sprintf("Target(%d)", int(t))
}

// ParseTarget turns a target name ("lua54", "luajit", ...; case and
// surrounding spaces do not matter) into a Target. The error names the
// valid ones.
func ParseTarget(s string) (Target, error) {
	name := strings.ToLower(strings.TrimSpace(s))
	for _, n := range targetNames {
		if n.name == name {
			return n.t, nil
		}
	}
	// "lua5.4", "Lua 5.4" and "lua-54" are how people write versions
	// elsewhere (the Debian binaries, LuaLS); say which name they meant.
	squeezed := strings.NewReplacer(".", "", " ", "", "-", "", "_", "").Replace(name)
	for _, n := range targetNames {
		if n.name == squeezed {
			return TargetLuaJIT, fmt.Errorf("unknown target %q (did you mean %q?): expected %s", s, n.name, TargetNames())
		}
	}
	return TargetLuaJIT, fmt.Errorf("unknown target %q: expected %s", s, TargetNames())
}

// Dialect is the exact language version the target's compiler accepts.
func (t Target) Dialect() Dialect {
	switch t {
	case TargetLuau:
		return DialectLuau
	case TargetLua51:
		return DialectLua51
	case TargetLua52:
		return DialectLua52
	case TargetLua53:
		return DialectLua53
	case TargetLua54:
		return DialectLua54
	}
	return DialectLuaJIT
}

// HasStringBuffer reports whether require("string.buffer") loads LuaJIT's
// buffer library on the target. On PUC Lua and Luau it is some other module
// (or none), so nothing about it is assumed.
func (t Target) HasStringBuffer() bool { return t == TargetLuaJIT || t == TargetBuflsp }

// PUC reports the PUC-Rio Lua targets, lua51 to lua54, which have neither
// LuaJIT's string.buffer nor Luau's buffer library.
func (t Target) PUC() bool { return t.Dialect().puc() }

// HasLuauBuffer reports whether the global "buffer" is Luau's buffer library
// on the target (Luau itself, and the buflsp runtime, which provides both).
func (t Target) HasLuauBuffer() bool { return t == TargetLuau || t == TargetBuflsp }

// TargetComment finds a first-line comment "-- target: NAME" and returns
// NAME and its byte range in src; ok is false when the first line is not
// such a comment. NAME may be empty or not a valid target: the caller
// reports that (ParseTarget names the valid ones).
func TargetComment(src []byte) (name string, start, end int, ok bool) {
	line := src
	if i := bytes.IndexAny(line, "\r\n"); i >= 0 {
		line = line[:i]
	}
	i := 0
	for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
		i++
	}
	if !bytes.HasPrefix(line[i:], []byte("--")) {
		return "", 0, 0, false
	}
	for i < len(line) && line[i] == '-' {
		i++
	}
	for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
		i++
	}
	if !bytes.HasPrefix(line[i:], []byte("target:")) {
		return "", 0, 0, false
	}
	i += len("target:")
	for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
		i++
	}
	j := len(line)
	for j > i && (line[j-1] == ' ' || line[j-1] == '\t') {
		j--
	}
	return string(line[i:j]), i, j, true
}

// DetectTarget decides the target of one file from the file alone: a valid
// first-line comment "-- target: NAME" wins, then a ".luau" extension, then
// the fallback (the configured target, or what a caller found otherwise;
// see config.Config.FileTarget for the whole order).
func DetectTarget(filename string, src []byte, fallback Target) Target {
	if t, ok := OwnTarget(filename, src); ok {
		return t
	}
	return fallback
}

// OwnTarget returns the target a file names itself: a valid first-line
// comment "-- target: NAME", else Luau for a ".luau" extension. ok is false
// when the file names none.
func OwnTarget(filename string, src []byte) (t Target, ok bool) {
	if name, _, _, found := TargetComment(src); found {
		if t, err := ParseTarget(name); err == nil {
			return t, true
		}
	}
	if strings.EqualFold(filepath.Ext(filename), ".luau") {
		return TargetLuau, true
	}
	return TargetLuaJIT, false
}

// Dialect is the exact language version the parser accepts. Each target
// maps to one (Target.Dialect); Options.Dialect overrides it, which the
// conformance tests use to compare with one compiler at a time.
type Dialect int

// DialectDefault derives the dialect from the target.
const (
	DialectDefault Dialect = iota
	DialectLuaJIT          // LuaJIT 2.1 as built by default (not LJ_52)
	DialectLua51           // PUC Lua 5.1
	DialectLua54           // PUC Lua 5.4
	DialectLuau            // Luau
	DialectLua52           // PUC Lua 5.2
	DialectLua53           // PUC Lua 5.3
)

// String names the dialect.
func (d Dialect) String() string {
	switch d {
	case DialectLuaJIT:
		return "luajit"
	case DialectLua51:
		return "lua5.1"
	case DialectLua52:
		return "lua5.2"
	case DialectLua53:
		return "lua5.3"
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
	// Stop, when it is closed, makes the parse end early: the rest of the
	// source reads as the end of the file and File.Stopped is set. A
	// language server gives up this way the parse of a version the user
	// has already replaced.
	Stop <-chan struct{}
}

// MaxErrors is how many syntax errors Parse reports before it stops
// reporting (parsing itself continues so the tree stays complete).
const MaxErrors = 50

func (o Options) dialect() Dialect {
	if o.Dialect != DialectDefault {
		return o.Dialect
	}
	return o.Target.Dialect()
}

// The predicates below name what differs between the dialects, so that the
// lexer and parser ask about a feature rather than list versions.

// puc reports a PUC-Rio Lua (5.1 to 5.4).
func (d Dialect) puc() bool {
	return d == DialectLua51 || d == DialectLua52 || d == DialectLua53 || d == DialectLua54
}

// atLeast52 reports PUC Lua 5.2 or later: goto, empty statements, \x and
// \z escapes, hexadecimal floats read by the lexer, no call ambiguity.
func (d Dialect) atLeast52() bool {
	return d == DialectLua52 || d == DialectLua53 || d == DialectLua54
}

// atLeast53 reports PUC Lua 5.3 or later: integer division, bitwise
// operators, \u{...} escapes.
func (d Dialect) atLeast53() bool { return d == DialectLua53 || d == DialectLua54 }

// gotoAtOnce reports the dialects that create a label as soon as it is
// read and check repeats only in its own block (LuaJIT, Lua 5.2 and 5.3);
// Lua 5.4 creates it after the empty statements that follow and checks the
// whole function.
func (d Dialect) gotoAtOnce() bool {
	return d == DialectLuaJIT || d == DialectLua52 || d == DialectLua53
}
