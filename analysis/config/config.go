// Package config reads .buflsp.toml, the project configuration shared by
// `buflsp check` and the language server: the target dialect, rule
// severities, extra globals and ignored paths.
//
// A file with mistakes still loads: unknown keys, unknown rule names and bad
// values become Problems with their line and column, so that callers can
// report all of them at once instead of stopping at the first.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/BurntSushi/toml"

	"github.com/buflsp/buflsp/analysis/rules"
	"github.com/buflsp/buflsp/analysis/syntax"
)

// FileName is the name looked for when walking up from a checked path.
const FileName = ".buflsp.toml"

// Config is the resolved configuration.
type Config struct {
	// Path is the file the configuration came from, or "" for the defaults.
	Path string
	// Target is the dialect for files that do not name one themselves (a
	// "-- target:" first line or the .luau extension win over it), when
	// TargetSet; FileTarget gives the whole order.
	Target syntax.Target
	// TargetSet reports that Target was configured (in the file, the
	// server's settings or on the command line); otherwise a LuaLS
	// .luarc.json decides before the default, LuaJIT.
	TargetSet bool
	// Severity maps a rule name to off, hint, info, warning or error; rules
	// not listed keep their default.
	Severity map[string]string
	// Globals are names the code may use without declaring them.
	Globals []string
	// Ignore holds gitignore-style patterns, relative to the directory of Path.
	Ignore []string
	// EvalTimeoutMS and EvalMemoryMB are the [eval] limits of the language
	// server's evaluation; 0 means not configured.
	EvalTimeoutMS, EvalMemoryMB int
	// MaxFileSize is the size cap, in bytes, of a source file read from
	// disk; 0 means the default (analysis.DefaultMaxFileSize).
	MaxFileSize int64
	// Problems lists what was wrong in the file, in file order.
	Problems []Problem

	luarc *luarcCache // shared by clones: the file system is the same
}

// SyntaxError is a file that is not TOML, at a 1-based line and column.
type SyntaxError struct {
	Path      string
	Line, Col int
	Msg       string
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Line, e.Col, e.Msg)
}

// Problem is a mistake in the configuration file at a 1-based line and column
// (both 0 when no position is known).
type Problem struct {
	Line, Col int
	Msg       string
}

// Default returns the configuration used when there is no file.
func Default() *Config {
	return &Config{Target: syntax.TargetLuaJIT, Severity: map[string]string{}, luarc: &luarcCache{}}
}

// SetTarget configures the target for files that do not name one.
func (c *Config) SetTarget(t syntax.Target) {
	c.Target, c.TargetSet = t, true
}

// FileTarget decides the target of one file, the one order every command
// and the server follow: a first-line comment "-- target: NAME" naming a
// valid target, then the ".luau" extension, then the configured target,
// then the runtime.version of the nearest LuaLS .luarc.json/.luarc.jsonc
// above the file, then LuaJIT. filename is the file's path (relative to the
// working directory or absolute); "" skips the .luarc look-up.
func (c *Config) FileTarget(filename string, src []byte) syntax.Target {
	if t, ok := syntax.OwnTarget(filename, src); ok {
		return t
	}
	if c == nil {
		return syntax.TargetLuaJIT
	}
	if c.TargetSet {
		return c.Target
	}
	if filename != "" {
		if l := c.luarc.find(filepath.Dir(filename)); l.OK {
			return l.Target
		}
	}
	return c.Target
}

// Clone returns a deep copy, so that command-line flags can adjust a config
// without changing the one a caller shares.
func (c *Config) Clone() *Config {
	out := *c
	out.Severity = make(map[string]string, len(c.Severity))
	for k, v := range c.Severity {
		out.Severity[k] = v
	}
	out.Globals = append([]string(nil), c.Globals...)
	out.Ignore = append([]string(nil), c.Ignore...)
	out.Problems = append([]Problem(nil), c.Problems...)
	return &out
}

// SeverityOf returns the effective severity of a rule: the configured one if
// valid, otherwise def. syntax-error is never off.
func (c *Config) SeverityOf(rule string, def rules.Severity) rules.Severity {
	if s, ok := c.Severity[rule]; ok {
		if sev, err := rules.ParseSeverity(s); err == nil {
			if sev == rules.SeverityOff && rule == rules.SyntaxError {
				return def
			}
			return sev
		}
	}
	return def
}

// Load reads and validates a configuration file. The error is for a file
// that cannot be read or is not TOML at all; everything else is a Problem.
func Load(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading config: %w", err)
	}
	return Parse(path, data)
}

// Parse validates configuration text; path is used in messages and as the
// base for ignore patterns.
func Parse(path string, data []byte) (*Config, error) {
	var raw map[string]toml.Primitive
	md, err := toml.NewDecoder(bytes.NewReader(data)).Decode(&raw)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, &SyntaxError{Path: path, Line: pe.Position.Line, Col: pe.Position.Col, Msg: pe.Message}
		}
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	cfg := Default()
	cfg.Path = path
	keys := newKeyFinder(data)
	shape := decodeShape(md, raw, keys, cfg.problem)
	for _, k := range md.Keys() {
		if knownKey(k) {
			continue
		}
		if len(k) > 1 && !knownKey(k[:len(k)-1]) {
			continue // inside an unknown table: the table is reported
		}
		line, col := keys.find(k)
		cfg.problem(line, col, "unknown key %q (expected %s)", k.String(), topKeys())
	}
	if shape.Target != nil {
		t, err := syntax.ParseTarget(*shape.Target)
		if err != nil {
			line, col := keys.find(toml.Key{"target"})
			cfg.problem(line, col, "target: %v", err)
		} else {
			cfg.SetTarget(t)
		}
	}
	cfg.Globals = shape.Globals
	cfg.Ignore = shape.Ignore
	if m := shape.MaxFileSizeMb; m != nil {
		if *m < 1 {
			line, col := keys.find(toml.Key{"maxFileSizeMb"})
			cfg.problem(line, col, "maxFileSizeMb: expected a positive integer, found %d (this key is ignored)", *m)
		} else {
			cfg.MaxFileSize = int64(*m) << 20
		}
	}
	if e := shape.Eval; e != nil {
		for _, lim := range []struct {
			name string
			v    *int
			dst  *int
		}{{"timeoutMs", e.TimeoutMs, &cfg.EvalTimeoutMS}, {"memoryMb", e.MemoryMb, &cfg.EvalMemoryMB}} {
			if lim.v == nil {
				continue
			}
			if *lim.v < 1 {
				line, col := keys.find(toml.Key{"eval", lim.name})
				cfg.problem(line, col, "eval.%s: expected a positive integer, found %d (this key is ignored)", lim.name, *lim.v)
				continue
			}
			*lim.dst = *lim.v
		}
	}
	reg := rules.NewRegistry()
	names := make([]string, 0, len(shape.Rules))
	for name := range shape.Rules {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		value := shape.Rules[name]
		line, col := keys.find(toml.Key{"rules", name})
		rule, ok := reg.Lookup(name)
		switch {
		case !ok:
			msg := fmt.Sprintf("unknown rule %q in [rules]", name)
			if near := reg.Nearest(name); near != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", near)
			}
			cfg.problem(line, col, "%s", msg)
			continue
		case rule.CannotDisable && value == "off":
			cfg.problem(line, col, "rule %q cannot be turned off", name)
			continue
		}
		if _, err := rules.ParseSeverity(value); err != nil {
			cfg.problem(line, col, "rule %q: %v", name, err)
			continue
		}
		cfg.Severity[name] = value
	}
	sort.SliceStable(cfg.Problems, func(i, j int) bool { return cfg.Problems[i].Line < cfg.Problems[j].Line })
	return cfg, nil
}

func (c *Config) problem(line, col int, format string, args ...any) {
	c.Problems = append(c.Problems, Problem{Line: line, Col: col, Msg: fmt.Sprintf(format, args...)})
}

// Find walks up from dir to the filesystem root and returns the path of the
// first .buflsp.toml, or "" when there is none.
func Find(dir string) string {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for {
		p := filepath.Join(dir, FileName)
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}
