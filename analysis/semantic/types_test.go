package semantic

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/buflsp/buflsp/analysis/api"
	"github.com/buflsp/buflsp/analysis/syntax"
	"github.com/buflsp/buflsp/internal/testutil"
)

// renderTypes lists, in source order, the inferred type of every
// identifier about which something is known, then every API call with its
// resolution and argument types, so that a golden file shows the whole
// flow of buffer kinds through a test file.
func renderTypes(ts *Types) string {
	m := ts.Model
	var b strings.Builder
	pos := func(off int) string {
		l, c := m.File.Lines.Position(off)
		return fmt.Sprintf("%d:%d", l, c)
	}
	b.WriteString("== names\n")
	for _, n := range m.names {
		t := ts.TypeOf(n)
		if !t.Known() {
			continue
		}
		fmt.Fprintf(&b, "%s %s: %s%s\n", pos(n.Start), n.Value, t, identity(ts, t))
	}
	b.WriteString("== calls\n")
	for _, c := range ts.Calls() {
		name := "?"
		switch {
		case c.Func != nil:
			name = c.Func.Qualified()
		case c.ExtensionOnly != nil:
			name = "extension-only " + c.ExtensionOnly.Qualified()
		default:
			name = "unknown " + c.Recv.Kind.String() + "." + c.Name
		}
		var args []string
		for _, a := range c.Args {
			args = append(args, a.String())
		}
		open := ""
		if c.OpenArgs {
			open = " open"
		}
		fmt.Fprintf(&b, "%s %s (%s)%s\n", pos(c.Node.Start), name, strings.Join(args, ", "), open)
	}
	return b.String()
}

func identity(ts *Types, t Type) string {
	var parts []string
	if t.Buf != nil {
		parts = append(parts, fmt.Sprintf("#%d", t.Buf.ID))
	}
	if t.Of != nil {
		parts = append(parts, fmt.Sprintf("of #%d", t.Of.ID))
	}
	if t.StaleBy != nil {
		parts = append(parts, "changed at "+func() string {
			l, c := ts.Model.File.Lines.Position(t.StaleBy.Start)
			return fmt.Sprintf("%d:%d", l, c)
		}())
	}
	if t.Table != nil {
		parts = append(parts, fmt.Sprintf("fields=%d", len(t.Table.Fields)))
	}
	if len(parts) == 0 {
		return ""
	}
	return " [" + strings.Join(parts, " ") + "]"
}

func inferFile(t *testing.T, path string, src []byte) *Types {
	t.Helper()
	target := syntax.DetectTarget(path, src, syntax.TargetLuaJIT)
	f := syntax.Parse(path, src, syntax.Options{Target: target})
	if len(f.Errors) > 0 {
		t.Errorf("%s: syntax errors %v", path, f.Errors)
	}
	return Infer(Build(f), target, api.New())
}

func TestTypesGolden(t *testing.T) {
	isSource := func(p string) bool { return strings.HasSuffix(p, ".lua") || strings.HasSuffix(p, ".luau") }
	testutil.CaseTree(t, filepath.Join("testdata", "types"), isSource, func(t *testing.T, path string, src []byte) {
		testutil.Golden(t, path+".golden", []byte(renderTypes(inferFile(t, path, src))), *update)
	})
}
