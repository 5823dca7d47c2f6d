package semantic

import (
	"flag"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/buflsp/buflsp/analysis/syntax"
	"github.com/buflsp/buflsp/internal/testutil"
)

var update = flag.Bool("update", false, "rewrite golden files")

// render lists, for every identifier in source order, the symbol it
// resolves to, then the symbols with their flags, then the annotations.
func render(m *Model) string {
	var b strings.Builder
	pos := func(off int) string {
		l, c := m.File.Lines.Position(off)
		return fmt.Sprintf("%d:%d", l, c)
	}
	b.WriteString("== uses\n")
	for _, n := range m.names {
		s := m.Use(n)
		where := "global"
		if s.Decl != nil {
			where = s.Kind.String() + "@" + pos(s.Decl.Start)
		}
		fmt.Fprintf(&b, "%s %s -> %s\n", pos(n.Start), n.Value, where)
	}
	b.WriteString("== symbols\n")
	for _, s := range m.Locals {
		fmt.Fprintf(&b, "%s %s %s refs=%d", pos(s.Decl.Start), s.Kind, s.Name, len(s.Refs))
		if s.Captured {
			b.WriteString(" captured")
		}
		if s.Shadows != nil {
			fmt.Fprintf(&b, " shadows@%s", pos(s.Shadows.Decl.Start))
		}
		if s.Doc != nil {
			fmt.Fprintf(&b, " doc=%d", len(s.Doc.Notes))
		}
		b.WriteByte('\n')
	}
	var globals []string
	for name, s := range m.Globals {
		globals = append(globals, fmt.Sprintf("global %s refs=%d", name, len(s.Refs)))
	}
	sort.Strings(globals)
	for _, g := range globals {
		b.WriteString(g + "\n")
	}
	b.WriteString("== annotations\n")
	for _, a := range m.Notes {
		fmt.Fprintf(&b, "%s @%s name=%q type=%q", pos(a.Start), a.Tag, a.Name, a.Type)
		if a.Type != "" {
			fmt.Fprintf(&b, " typeAt=%s", pos(a.TypeStart))
		}
		if a.Optional {
			b.WriteString(" optional")
		}
		if a.Parent != "" {
			fmt.Fprintf(&b, " parent=%q", a.Parent)
		}
		if len(a.Names) > 0 {
			fmt.Fprintf(&b, " names=%q", a.Names)
		}
		if a.Desc != "" {
			fmt.Fprintf(&b, " desc=%q", a.Desc)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

func TestGolden(t *testing.T) {
	testutil.Cases(t, "testdata", ".lua", func(t *testing.T, path string, src []byte) {
		f := syntax.Parse(path, src, syntax.Options{})
		if len(f.Errors) > 0 {
			t.Errorf("%s: syntax errors %v", path, f.Errors)
		}
		testutil.Golden(t, strings.TrimSuffix(path, ".lua")+".golden", []byte(render(Build(f))), *update)
	})
}

// TestLookups checks the position queries the language server uses.
func TestLookups(t *testing.T) {
	src := []byte("local a = 1\nlocal function f(b)\n  return a + b\nend\nprint(f(a), zz)\n")
	m := Build(syntax.Parse("t.lua", src, syntax.Options{}))
	at := func(line, col int) int { return m.File.Lines.Offset(line, col) }
	s := m.SymbolAt(at(3, 10)) // the a in "return a + b"
	if s == nil || s.Name != "a" || s.Decl.Start != at(1, 7) || !s.Captured {
		t.Fatalf("symbol at 3:10 = %+v, want captured local a declared at 1:7", s)
	}
	if refs := m.ReferencesOf(s); len(refs) != 3 {
		t.Errorf("references of a = %d, want 3 (declaration and two uses)", len(refs))
	}
	if g := m.SymbolAt(at(5, 13)); g == nil || g.Kind != Global || g.Name != "zz" {
		t.Errorf("zz should be a global, got %+v", g)
	}
	var names []string
	for _, v := range m.VisibleAt(at(3, 3)) {
		names = append(names, v.Name)
	}
	if got := strings.Join(names, ","); got != "b,f,a" {
		t.Errorf("visible in f = %s, want b,f,a", got)
	}
}

// TestUseForeignNames checks the answers of Model.Use outside the file's
// own identifiers: nil, a field name, a name built by hand and a name of
// another parse (the same shape, so its IDs point at symbols of other
// names).
func TestUseForeignNames(t *testing.T) {
	f := syntax.Parse("a.lua", []byte("local alpha = 1\nprint(alpha.field)\n"), syntax.Options{})
	m := Build(f)
	var field, alpha *syntax.Name
	syntax.Inspect(f.Chunk, func(n syntax.Node) bool {
		if mem, ok := n.(*syntax.Member); ok {
			field = mem.Name
			alpha, _ = mem.X.(*syntax.Name)
		}
		return true
	})
	if field == nil || alpha == nil {
		t.Fatal("no alpha.field in the tree")
	}
	if s := m.Use(alpha); s == nil || s.Kind != Local || s.Name != "alpha" {
		t.Errorf("Use(alpha) = %+v, want the local alpha", s)
	}
	if s := m.Use(field); s != nil {
		t.Errorf("Use(field name) = %+v, want nil", s)
	}
	if s := m.Use(nil); s != nil {
		t.Errorf("Use(nil) = %+v, want nil", s)
	}
	if s := m.Use(&syntax.Name{Range: alpha.Range, Value: "alpha"}); s != nil {
		t.Errorf("Use(hand-built name) = %+v, want nil", s)
	}
	other := syntax.Parse("b.lua", []byte("local beta = 1\nshow(beta.field)\n"), syntax.Options{})
	miss := 0
	syntax.Inspect(other.Chunk, func(n syntax.Node) bool {
		if name, ok := n.(*syntax.Name); ok {
			if s := m.Use(name); s != nil {
				t.Errorf("Use(%q of another file) = %+v, want nil", name.Value, s)
			}
			miss++
		}
		return true
	})
	if miss == 0 {
		t.Fatal("no names in the other file")
	}
}
