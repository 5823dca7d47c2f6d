package config

import (
	"bytes"
	"strings"

	"github.com/BurntSushi/toml"
)

// keyFinder locates keys in TOML text for problem positions. The toml
// package knows key positions but does not export them, so this scans the
// lines itself: it tracks the current [table] header and finds "key =" lines.
// It handles the shapes a .buflsp.toml uses (bare and quoted keys, one level
// of tables, dotted keys such as rules.name) and falls back to line 0.
type keyFinder struct {
	lines [][]byte
}

func newKeyFinder(data []byte) keyFinder {
	return keyFinder{lines: bytes.Split(data, []byte("\n"))}
}

// find returns the 1-based line and column where key k is defined.
func (f keyFinder) find(k toml.Key) (line, col int) {
	table := ""
	for i, raw := range f.lines {
		text := strings.TrimRight(string(raw), "\r")
		trimmed := strings.TrimSpace(text)
		indent := len(text) - len(strings.TrimLeft(text, " \t"))
		if strings.HasPrefix(trimmed, "[") {
			name := strings.Trim(trimmed, "[] \t")
			if j := strings.IndexByte(name, ']'); j >= 0 {
				name = name[:j]
			}
			table = unquote(name)
			if len(k) == 1 && table == k[0] {
				return i + 1, indent + 1
			}
			continue
		}
		eq := strings.IndexByte(trimmed, '=')
		if eq < 0 {
			continue
		}
		parts := strings.Split(strings.TrimSpace(trimmed[:eq]), ".")
		full := []string{}
		if table != "" {
			full = append(full, table)
		}
		for _, p := range parts {
			full = append(full, unquote(strings.TrimSpace(p)))
		}
		if equalKey(full, k) {
			return i + 1, indent + 1
		}
	}
	return 0, 0
}

func unquote(s string) string {
	if len(s) >= 2 && (s[0] == '"' || s[0] == '\'') && s[len(s)-1] == s[0] {
		return s[1 : len(s)-1]
	}
	return s
}

func equalKey(a []string, k toml.Key) bool {
	if len(a) != len(k) {
		return false
	}
	for i := range a {
		if a[i] != k[i] {
			return false
		}
	}
	return true
}
