package sandbox

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	lua "github.com/yuin/gopher-lua"

	"github.com/buflsp/buflsp/runtime/buffer"
	"github.com/buflsp/buflsp/runtime/buffer/luau"
	"github.com/buflsp/buflsp/runtime/ljcompat"
)

// Rendering limits keep a result readable and bounded whatever the snippet
// returns: deep or cyclic tables, huge strings and huge buffers.
const (
	maxRenderDepth   = 4
	maxTableEntries  = 64
	maxStringPreview = 256
	maxBytesPreview  = 32
	wrapWidth        = 72
)

// renderValue renders one value without calling any Lua code: metamethods
// such as __tostring are not invoked, so rendering cannot fail or loop.
func renderValue(v lua.LValue) Value {
	val := Value{Type: v.Type().String()}
	switch x := v.(type) {
	case lua.LString:
		n := len(x)
		val.Length = &n
	case *lua.LUserData:
		if kind, data, _, ok := bufferBytes(x); ok {
			n := len(data)
			val.Type, val.Length = kind, &n
		}
	}
	val.Text = render(v, 0, map[lua.LValue]bool{}, "")
	return val
}

func render(v lua.LValue, depth int, seen map[lua.LValue]bool, indent string) string {
	switch x := v.(type) {
	case *lua.LNilType:
		return "nil"
	case lua.LBool:
		return strconv.FormatBool(bool(x))
	case lua.LNumber:
		return formatNumber(float64(x))
	case lua.LString:
		return quote(string(x))
	case *lua.LTable:
		return renderTable(x, depth, seen, indent)
	case *lua.LFunction:
		if x.IsG || x.Proto == nil {
			return "function: builtin"
		}
		return fmt.Sprintf("function: %s:%d", x.Proto.SourceName, x.Proto.LineDefined)
	case *lua.LUserData:
		if kind, data, stale, ok := bufferBytes(x); ok {
			if stale {
				return kind + "(stale view)"
			}
			return renderBytes(kind, data)
		}
		return "userdata"
	case *lua.LState:
		return "thread"
	}
	return v.Type().String()
}

// formatNumber prints numbers the way LuaJIT does (%.14g, "inf", "nan",
// "-0"), as print does inside the sandbox.
func formatNumber(f float64) string { return ljcompat.FormatNumber(f) }

// quote renders a string as a Lua literal that reads back to the same bytes,
// cut after maxStringPreview bytes with the full length noted.
func quote(s string) string {
	cut := ""
	if len(s) > maxStringPreview {
		cut = fmt.Sprintf("...(%d bytes)", len(s))
		s = s[:maxStringPreview]
	}
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		default:
			if c < 0x20 || c >= 0x7f {
				// Three digits so that a following digit cannot join the escape.
				fmt.Fprintf(&b, `\%03d`, c)
			} else {
				b.WriteByte(c)
			}
		}
	}
	b.WriteByte('"')
	return b.String() + cut
}

// renderBytes shows a buffer as its kind and length, then the first bytes in
// hex and as ASCII with '.' for unprintable bytes.
func renderBytes(kind string, data []byte) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s(%d bytes)", kind, len(data))
	if len(data) == 0 {
		return b.String()
	}
	shown := data
	if len(shown) > maxBytesPreview {
		shown = shown[:maxBytesPreview]
	}
	b.WriteString(": ")
	for i, c := range shown {
		if i > 0 {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "%02x", c)
	}
	if len(shown) < len(data) {
		b.WriteString(" ...")
	}
	b.WriteString("  |")
	for _, c := range shown {
		if c >= 0x20 && c < 0x7f {
			b.WriteByte(c)
		} else {
			b.WriteByte('.')
		}
	}
	b.WriteByte('|')
	return b.String()
}

// tableEntry is one key/value pair of a table being rendered.
type tableEntry struct {
	key, value lua.LValue
}

func renderTable(t *lua.LTable, depth int, seen map[lua.LValue]bool, indent string) string {
	if seen[t] {
		return "<cycle>"
	}
	if depth >= maxRenderDepth {
		return "{...}"
	}
	seen[t] = true
	defer delete(seen, t)

	// The sequence part 1..n is listed first without keys, as a constructor
	// would write it; the other keys follow in a stable order.
	n := 0
	for t.RawGetInt(n+1) != lua.LNil {
		n++
	}
	var rest []tableEntry
	t.ForEach(func(k, v lua.LValue) {
		if f, ok := k.(lua.LNumber); ok && float64(f) == math.Trunc(float64(f)) && f >= 1 && int(f) <= n {
			return
		}
		rest = append(rest, tableEntry{k, v})
	})
	sort.SliceStable(rest, func(i, j int) bool { return keyLess(rest[i].key, rest[j].key) })

	inner := indent + "  "
	var items []string
	total := n + len(rest)
	for i := 1; i <= n && len(items) < maxTableEntries; i++ {
		items = append(items, render(t.RawGetInt(i), depth+1, seen, inner))
	}
	for _, e := range rest {
		if len(items) >= maxTableEntries {
			break
		}
		items = append(items, renderKey(e.key, depth, seen, inner)+" = "+render(e.value, depth+1, seen, inner))
	}
	if len(items) < total {
		items = append(items, fmt.Sprintf("...(%d more)", total-len(items)))
	}
	if len(items) == 0 {
		return "{}"
	}
	flat := "{" + strings.Join(items, ", ") + "}"
	if len(flat)+len(indent) <= wrapWidth && !strings.Contains(flat, "\n") {
		return flat
	}
	// Too long for one line: one entry per line, except that runs of short
	// entries share a line up to the wrap width, so a long array of numbers
	// stays compact.
	var b strings.Builder
	b.WriteString("{\n")
	line := ""
	for _, item := range items {
		if line != "" && (len(inner)+len(line)+len(item)+2 > wrapWidth || strings.Contains(item, "\n") || strings.Contains(item, " = ")) {
			b.WriteString(inner + line + "\n")
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += item + ","
		if strings.Contains(item, "\n") || strings.Contains(item, " = ") {
			b.WriteString(inner + line + "\n")
			line = ""
		}
	}
	if line != "" {
		b.WriteString(inner + line + "\n")
	}
	b.WriteString(indent + "}")
	return b.String()
}

// renderKey writes identifier keys bare and everything else in brackets.
func renderKey(k lua.LValue, depth int, seen map[lua.LValue]bool, indent string) string {
	if s, ok := k.(lua.LString); ok && isIdentifier(string(s)) {
		return string(s)
	}
	return "[" + render(k, depth+1, seen, indent) + "]"
}

// keyLess orders keys: numbers ascending, then strings, then the rest by type.
func keyLess(a, b lua.LValue) bool {
	ra, rb := keyRank(a), keyRank(b)
	if ra != rb {
		return ra < rb
	}
	switch x := a.(type) {
	case lua.LNumber:
		return x < b.(lua.LNumber)
	case lua.LString:
		return x < b.(lua.LString)
	case lua.LBool:
		return !bool(x) && bool(b.(lua.LBool))
	}
	return false
}

func keyRank(v lua.LValue) int {
	switch v.(type) {
	case lua.LNumber:
		return 0
	case lua.LString:
		return 1
	case lua.LBool:
		return 2
	}
	return 3
}

// isIdentifier reports whether s can be written as a bare key: a Lua name
// that is not a reserved word.
func isIdentifier(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		letter := c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
		if !letter && (i == 0 || c < '0' || c > '9') {
			return false
		}
	}
	switch s {
	case "and", "break", "do", "else", "elseif", "end", "false", "for", "function", "goto", "if", "in",
		"local", "nil", "not", "or", "repeat", "return", "then", "true", "until", "while":
		return false
	}
	return true
}

// bufferBytes recognises the userdata of the two buffer libraries and
// returns their kind and contents. A string.buffer view whose source has
// moved is reported as stale, with no bytes, rather than read.
func bufferBytes(ud *lua.LUserData) (kind string, data []byte, stale, ok bool) {
	switch b := ud.Value.(type) {
	case *buffer.Buffer:
		if b.Valid() != nil {
			return "string.buffer", nil, true, true
		}
		return "string.buffer", b.Bytes(), false, true
	case *luau.Buffer:
		return "buffer", b.Bytes(), false, true
	}
	return "", nil, false, false
}
