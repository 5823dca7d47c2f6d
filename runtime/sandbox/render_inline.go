package sandbox

// This file renders a value on one short line, the form an editor shows
// after a "--=" marker; render.go has the full, multi-line form.

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	lua "github.com/yuin/gopher-lua"
)

// Rendering limits for one inline value: a hint is a single short line.
const (
	inlineMaxString = 40
	inlineMaxBytes  = 16
	inlineMaxItems  = 6
	inlineMaxText   = 100
)

// RenderInline renders a value on one short line, for an editor's inline
// hint: strings, tables and buffers are cut short. Like the full rendering it
// calls no Lua code (no __tostring), so it cannot fail or run for long.
func RenderInline(v lua.LValue) string {
	s := renderInline(v, 0)
	if len(s) > inlineMaxText {
		s = s[:inlineMaxText-3] + "..."
	}
	return s
}

func renderInline(v lua.LValue, depth int) string {
	switch x := v.(type) {
	case *lua.LNilType:
		return "nil"
	case lua.LBool:
		return strconv.FormatBool(bool(x))
	case lua.LNumber:
		return formatNumber(float64(x))
	case lua.LString:
		s := string(x)
		cut := ""
		if len(s) > inlineMaxString {
			s, cut = s[:inlineMaxString], "..."
		}
		return strconv.Quote(s) + cut
	case *lua.LTable:
		return renderInlineTable(x, depth)
	case *lua.LUserData:
		if kind, data, stale, ok := bufferBytes(x); ok {
			if stale {
				return kind + "(stale view)"
			}
			return renderInlineBytes(kind, data)
		}
		return "userdata"
	}
	return v.Type().String()
}

func renderInlineBytes(kind string, data []byte) string {
	shown := data
	if len(shown) > inlineMaxBytes {
		shown = shown[:inlineMaxBytes]
	}
	cut := ""
	if len(shown) < len(data) {
		cut = "..."
	}
	return fmt.Sprintf("%s(%d) %s%s", kind, len(data), strconv.Quote(string(shown)), cut)
}

func renderInlineTable(t *lua.LTable, depth int) string {
	if depth >= 1 {
		return "{...}"
	}
	n := t.Len()
	var items []string
	for i := 1; i <= n && len(items) < inlineMaxItems; i++ {
		items = append(items, renderInline(t.RawGetInt(i), depth+1))
	}
	// The other keys follow sorted by their rendering, so that the same
	// table always shows the same way.
	var rest []string
	t.ForEach(func(k, v lua.LValue) {
		if num, ok := k.(lua.LNumber); ok && float64(num) >= 1 && float64(num) <= float64(n) && float64(num) == float64(int(num)) {
			return
		}
		key := renderInline(k, depth+1)
		if s, ok := k.(lua.LString); ok && isIdentifier(string(s)) {
			key = string(s)
		} else {
			key = "[" + key + "]"
		}
		rest = append(rest, key+" = "+renderInline(v, depth+1))
	})
	sort.Strings(rest)
	total := n + len(rest)
	for _, r := range rest {
		if len(items) >= inlineMaxItems {
			break
		}
		items = append(items, r)
	}
	if total > len(items) {
		items = append(items, fmt.Sprintf("...(%d more)", total-len(items)))
	}
	return "{" + strings.Join(items, ", ") + "}"
}
