package semantic

import (
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/buflsp/buflsp/analysis/syntax"
	"github.com/buflsp/buflsp/internal/testutil"
	"github.com/buflsp/buflsp/internal/tools/luagen/gen"
)

// The tests in this file pin down everything Build makes observable, so
// that the resolver can be rewritten for speed without changing a single
// result. The goldens were written by the first, straightforward resolver;
// a faster one must reproduce them byte for byte.

// symID names a symbol independently of its address: its kind, the span
// of its declaring identifier and its name (globals have no declaration).
func symID(s *Symbol) string {
	if s == nil {
		return "<nil>"
	}
	if s.Decl == nil {
		return fmt.Sprintf("%s:%q", s.Kind, s.Name)
	}
	return fmt.Sprintf("%s@%d-%d:%q", s.Kind, s.Decl.Start, s.Decl.End, s.Name)
}

// nodeID names a syntax node by its Go type and span.
func nodeID(n syntax.Node) string {
	if n == nil || reflect.ValueOf(n).IsNil() {
		return "<nil>"
	}
	start, end := n.Span()
	return fmt.Sprintf("%s@%d-%d", strings.TrimPrefix(reflect.TypeOf(n).String(), "*syntax."), start, end)
}

func docID(d *Doc) string {
	if d == nil {
		return "-"
	}
	var parts []string
	for _, a := range d.Notes {
		parts = append(parts, fmt.Sprintf("@%s:%d", a.Tag, a.Start))
	}
	return "[" + strings.Join(parts, " ") + "]"
}

func dumpSymbol(b *strings.Builder, indent string, s *Symbol) {
	fmt.Fprintf(b, "%ssym %s node=%s attrib=%q doc=%s", indent, symID(s), nodeID(s.Node), s.Attrib, docID(s.Doc))
	if s.Captured {
		b.WriteString(" captured")
	}
	if s.Shadows != nil {
		fmt.Fprintf(b, " shadows=%s", symID(s.Shadows))
	}
	b.WriteString(" refs=")
	for i, r := range s.Refs {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(b, "%d-%d", r.Name.Start, r.Name.End)
		if r.Write {
			b.WriteByte('w')
		}
	}
	b.WriteByte('\n')
}

func dumpScope(b *strings.Builder, depth int, s *Scope) {
	indent := strings.Repeat("  ", depth)
	fmt.Fprintf(b, "%sscope %d-%d func=%v\n", indent, s.Start, s.End, s.Func)
	for _, sym := range s.Symbols {
		if sym.Scope != s {
			fmt.Fprintf(b, "%s  !scope mismatch for %s\n", indent, symID(sym))
		}
		dumpSymbol(b, indent+"  ", sym)
	}
	for _, l := range s.Labels {
		dumpSymbol(b, indent+"  label ", l)
	}
	for _, c := range s.Children {
		if c.Parent != s {
			fmt.Fprintf(b, "%s  !parent mismatch\n", indent)
		}
		dumpScope(b, depth+1, c)
	}
}

// dumpModel renders every observable part of a model in a canonical
// order: the scope tree with its symbols and their references, the local
// list, the globals, every entry of Uses, the sorted identifier list that
// NameAt searches, the scope creation order, the attached docs and the
// annotations.
func dumpModel(m *Model) string {
	var b strings.Builder
	b.WriteString("== scopes\n")
	dumpScope(&b, 0, m.Root)
	b.WriteString("== locals\n")
	for _, s := range m.Locals {
		b.WriteString(symID(s) + "\n")
	}
	b.WriteString("== globals\n")
	names := make([]string, 0, len(m.Globals))
	for name := range m.Globals {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		s := m.Globals[name]
		if s.Name != name || s.Kind != Global {
			fmt.Fprintf(&b, "!global %q keyed as %q\n", s.Name, name)
		}
		dumpSymbol(&b, "", s)
	}
	b.WriteString("== uses\n")
	var uses []string
	for _, n := range usedNames(m) {
		if s := m.Use(n); s != nil {
			uses = append(uses, fmt.Sprintf("%d-%d %q -> %s", n.Start, n.End, n.Value, symID(s)))
		}
	}
	sort.Strings(uses)
	for _, u := range uses {
		b.WriteString(u + "\n")
	}
	b.WriteString("== names\n")
	for _, n := range m.names {
		fmt.Fprintf(&b, "%d-%d\n", n.Start, n.End)
	}
	b.WriteString("== scope order\n")
	for _, s := range m.scopes {
		fmt.Fprintf(&b, "%d-%d\n", s.Start, s.End)
	}
	b.WriteString("== docs\n")
	var docs []string
	for n, d := range m.Docs {
		docs = append(docs, nodeID(n)+" "+docID(d))
	}
	sort.Strings(docs)
	for _, d := range docs {
		b.WriteString(d + "\n")
	}
	b.WriteString("== annotations\n")
	for _, a := range m.Notes {
		fmt.Fprintf(&b, "%+v\n", *a)
	}
	return b.String()
}

// usedNames lists, once each, every identifier Model.Use could answer
// for: every Name node of the tree and the declaration and references of
// every symbol reachable from the model (which would show a name outside
// the tree). The dump prints those with a symbol: what the map Model.Uses
// held before Use replaced it.
func usedNames(m *Model) []*syntax.Name {
	seen := map[*syntax.Name]bool{}
	var out []*syntax.Name
	add := func(n *syntax.Name) {
		if n != nil && !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	syntax.Inspect(m.File.Chunk, func(n syntax.Node) bool {
		if name, ok := n.(*syntax.Name); ok {
			add(name)
		}
		return true
	})
	addSym := func(s *Symbol) {
		add(s.Decl)
		for _, r := range s.Refs {
			add(r.Name)
		}
	}
	var walk func(s *Scope)
	walk = func(s *Scope) {
		for _, sym := range s.Symbols {
			addSym(sym)
		}
		for _, sym := range s.Labels {
			addSym(sym)
		}
		for _, c := range s.Children {
			walk(c)
		}
	}
	walk(m.Root)
	for _, g := range m.Globals {
		addSym(g)
	}
	return out
}

func parseFor(path string, src []byte) *syntax.File {
	opts := syntax.Options{}
	if strings.HasSuffix(path, ".luau") {
		opts.Target = syntax.TargetLuau
	}
	return syntax.Parse(path, src, opts)
}

// TestEquivalenceCases compares the full dump of hand-written files
// (gotos, labels, repeat scopes, compound assignment, Luau, broken code)
// with its golden.
func TestEquivalenceCases(t *testing.T) {
	dir := filepath.Join("testdata", "equiv")
	check := func(t *testing.T, path string, src []byte) {
		got := dumpModel(Build(parseFor(path, src)))
		testutil.Golden(t, path+".golden", []byte(got), *update)
	}
	testutil.Cases(t, dir, ".lua", check)
	testutil.Cases(t, dir, ".luau", check)
}

// TestEquivalenceGenerated compares the full dump of a few small generated
// modules with its golden, so a difference shows as readable lines.
func TestEquivalenceGenerated(t *testing.T) {
	for _, seed := range []uint64{1, 2, 3} {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			src := gen.Module(seed, 6000)
			got := dumpModel(Build(parseFor("gen.lua", src)))
			testutil.Golden(t, filepath.Join("testdata", "equiv", fmt.Sprintf("gen%d.golden", seed)), []byte(got), *update)
		})
	}
}

// TestEquivalenceCorpus compares a hash of the full dump of every module
// of the benchmark corpus (about 4 MB) with its golden.
func TestEquivalenceCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("the whole benchmark corpus is slow for -short")
	}
	var b strings.Builder
	for i, src := range gen.Corpus(1, 100, 40000) {
		f := parseFor("m.lua", src)
		if len(f.Errors) > 0 {
			t.Fatalf("module %d: syntax error %s", i, f.Errors[0].Msg)
		}
		fmt.Fprintf(&b, "m%03d %x\n", i, sha256.Sum256([]byte(dumpModel(Build(f)))))
	}
	testutil.Golden(t, filepath.Join("testdata", "equiv", "corpus.golden"), []byte(b.String()), *update)
}

// TestSortNames covers both paths of sortNames: the insertion sort on
// nearly sorted input and the general sort once its budget runs out
// (reversed input), with repeated nodes dropped.
func TestSortNames(t *testing.T) {
	var nodes []*syntax.Name
	for i := range 300 {
		nodes = append(nodes, &syntax.Name{Range: syntax.Range{Start: i * 2, End: i*2 + 1}})
	}
	nearly := slices.Clone(nodes)
	nearly[10], nearly[11] = nearly[11], nearly[10]
	nearly = append(nearly, nodes[5], nodes[299])
	reversed := slices.Clone(nodes)
	slices.Reverse(reversed)
	reversed = append(reversed, nodes[0], nodes[150])
	for name, in := range map[string][]*syntax.Name{"nearly": nearly, "reversed": reversed} {
		got := sortNames(in)
		if !slices.Equal(got, nodes) {
			t.Errorf("%s: sortNames gave %d names, not the %d nodes in order", name, len(got), len(nodes))
		}
	}
}

// FuzzBuildEquivalence checks, on any input the parser accepts or
// recovers from, that Build and the reference resolver produce the same
// dump, and that Build does not panic.
func FuzzBuildEquivalence(f *testing.F) {
	for _, name := range []string{"broken.lua", "gotos.lua", "scopes.lua", "shadow.lua", "manylocals.lua", "luau.luau"} {
		src, err := os.ReadFile(filepath.Join("testdata", "equiv", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src, strings.HasSuffix(name, ".luau"))
	}
	f.Add(gen.Module(7, 2000), false)
	f.Fuzz(func(t *testing.T, src []byte, luau bool) {
		opts := syntax.Options{}
		if luau {
			opts.Target = syntax.TargetLuau
		}
		file := syntax.Parse("fuzz.lua", src, opts)
		want := dumpModel(referenceBuild(file))
		got := dumpModel(Build(file))
		if d := testutil.Diff(want, got); d != "" {
			t.Fatalf("Build differs from the reference resolver:\n%s", d)
		}
	})
}

// TestReferenceCorpus compares Build with the reference resolver on the
// first 20 modules of the benchmark corpus.
func TestReferenceCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("the whole benchmark corpus is slow for -short")
	}
	for i, src := range gen.Corpus(1, 100, 40000)[:20] {
		f := parseFor("m.lua", src)
		if want, got := dumpModel(referenceBuild(f)), dumpModel(Build(f)); want != got {
			t.Fatalf("module %d: Build differs from the reference resolver:\n%s", i, testutil.Diff(want, got))
		}
	}
}
