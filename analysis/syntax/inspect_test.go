package syntax

import (
	"fmt"
	"go/ast"
	goparser "go/parser"
	"go/token"
	"os"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/buflsp/buflsp/internal/tools/luagen/gen"
)

// pruners are the visit policies both walkers are compared under: visit
// everything, and several ways of returning false so that skipped subtrees
// are checked too. Each returns a fresh func because "every third" counts.
var pruners = []struct {
	name string
	make func() func(Node) bool
}{
	{"all", func() func(Node) bool { return func(Node) bool { return true } }},
	{"no-functions", func() func(Node) bool {
		return func(n Node) bool { _, ok := n.(*Function); return !ok }
	}},
	{"no-types", func() func(Node) bool {
		return func(n Node) bool { _, ok := n.(TypeExpr); return !ok }
	}},
	{"no-calls-no-tables", func() func(Node) bool {
		return func(n Node) bool {
			switch n.(type) {
			case *Call, *Table:
				return false
			}
			return true
		}
	}},
	{"statements-only", func() func(Node) bool {
		return func(n Node) bool { _, ok := n.(Expr); return !ok }
	}},
	{"every-third", func() func(Node) bool {
		i := 0
		return func(Node) bool { i++; return i%3 != 0 }
	}},
}

// record returns the nodes walk visits, in order, under the pruning policy.
func record(walk func(Node, func(Node) bool), root Node, prune func(Node) bool) []Node {
	var out []Node
	walk(root, func(n Node) bool {
		out = append(out, n)
		return prune(n)
	})
	return out
}

// sameWalk fails unless Inspect and the reflective reference visit the
// same nodes (same pointer, same type) in the same order for every pruning
// policy. It returns how many nodes the unpruned walk visited.
func sameWalk(t *testing.T, what string, root Node) int {
	t.Helper()
	total := 0
	for _, p := range pruners {
		want := record(inspectReference, root, p.make())
		got := record(Inspect, root, p.make())
		if p.name == "all" {
			total = len(want)
		}
		if i := firstNodeDiff(want, got); i >= 0 {
			t.Fatalf("%s, %s: walks differ at visit %d of %d/%d: reference %s, Inspect %s",
				what, p.name, i, len(want), len(got), describe(want, i), describe(got, i))
		}
	}
	return total
}

func firstNodeDiff(a, b []Node) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	if len(a) != len(b) {
		return min(len(a), len(b))
	}
	return -1
}

func describe(ns []Node, i int) string {
	if i >= len(ns) {
		return "(end of walk)"
	}
	s, e := ns[i].Span()
	return fmt.Sprintf("%T %p at %d..%d", ns[i], ns[i], s, e)
}

// TestInspectMatchesReference compares both walkers on every file of
// testdata/syntax (in its own dialect and, since error recovery builds Bad*
// nodes and partial trees, in every other dialect too) and on generated
// modules.
func TestInspectMatchesReference(t *testing.T) {
	nodes := 0
	kinds := map[string]bool{}
	for _, path := range testFiles(t) {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range []Dialect{dialectFor(path), DialectLuaJIT, DialectLua52, DialectLua53, DialectLua54, DialectLuau} {
			f := Parse(path, src, Options{Dialect: d})
			nodes += sameWalk(t, fmt.Sprintf("%s as %v", path, d), f.Chunk)
			Inspect(f.Chunk, func(n Node) bool { kinds[fmt.Sprintf("%T", n)] = true; return true })
		}
	}
	for i, src := range gen.Corpus(7, 5, 20000) {
		f := Parse("gen.lua", src, Options{Dialect: DialectLuaJIT})
		nodes += sameWalk(t, fmt.Sprintf("generated module %d", i), f.Chunk)
	}
	// Walking from inner nodes and from nothing must agree too.
	f := Parse("x.luau", []byte("local f = function(a: number?): {x: string} return a end"), Options{Dialect: DialectLuau})
	Inspect(f.Chunk, func(n Node) bool { nodes += sameWalk(t, fmt.Sprintf("subtree %T", n), n); return true })
	sameWalk(t, "nil", nil)
	sameWalk(t, "typed nil", (*Block)(nil))
	// The comparison means little unless the inputs reach most node kinds.
	if len(kinds) < 40 {
		t.Errorf("testdata reaches only %d node types: %v", len(kinds), kinds)
	}
	t.Logf("%d nodes compared, %d node types", nodes, len(kinds))
}

// allNodes holds one value of every node type. TestInspectKnowsEveryNode
// checks it against the types declared in the package source, so it cannot
// fall behind silently.
var allNodes = []Node{
	&Block{}, &Comment{}, &Name{}, &Nil{}, &True{}, &False{}, &Vararg{}, &Number{}, &String{},
	&Interp{}, &Function{}, &Table{}, &Field{}, &Binary{}, &Unary{}, &Paren{}, &Index{},
	&Member{}, &Call{}, &Cast{}, &IfExpr{}, &BadExpr{},
	&Local{}, &Assign{}, &CompoundAssign{}, &CallStmt{}, &Do{}, &While{}, &Repeat{}, &If{},
	&NumericFor{}, &GenericFor{}, &FunctionStmt{}, &LocalFunction{}, &Return{}, &Break{},
	&Continue{}, &Goto{}, &Label{}, &TypeAlias{}, &BadStmt{},
	&TypeRef{}, &TypeLiteral{}, &TypeTable{}, &TypeProp{}, &TypeFunc{}, &TypeUnion{},
	&TypeIntersection{}, &TypeOptional{}, &TypeTypeof{}, &TypePack{}, &TypeGenericPack{}, &BadType{},
}

// sourceNodeTypes lists, from the package's Go source, every struct type
// whose pointer is a Node: the ones embedding Range and the ones with a
// Span method of their own.
func sourceNodeTypes(t *testing.T) []string {
	t.Helper()
	fset := token.NewFileSet()
	entries, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	var files []*ast.File
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".go") || strings.HasSuffix(e.Name(), "_test.go") {
			continue
		}
		f, err := goparser.ParseFile(fset, e.Name(), nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	var out []string
	for _, file := range files {
		for _, decl := range file.Decls {
			switch d := decl.(type) {
			case *ast.GenDecl:
				for _, spec := range d.Specs {
					ts, ok := spec.(*ast.TypeSpec)
					if !ok {
						continue
					}
					st, ok := ts.Type.(*ast.StructType)
					if !ok {
						continue
					}
					for _, f := range st.Fields.List {
						if id, ok := f.Type.(*ast.Ident); ok && len(f.Names) == 0 && id.Name == "Range" {
							out = append(out, ts.Name.Name)
						}
					}
				}
			case *ast.FuncDecl:
				if d.Name.Name == "Span" && d.Recv != nil {
					if star, ok := d.Recv.List[0].Type.(*ast.StarExpr); ok {
						out = append(out, star.X.(*ast.Ident).Name)
					}
				}
			}
		}
	}
	sort.Strings(out)
	return slices.Compact(out)
}

// switchCases lists the types named as *T in the case clauses of walk.
func switchCases(t *testing.T) []string {
	t.Helper()
	fset := token.NewFileSet()
	file, err := goparser.ParseFile(fset, "inspect.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	ast.Inspect(file, func(n ast.Node) bool {
		if cc, ok := n.(*ast.CaseClause); ok {
			for _, e := range cc.List {
				if star, ok := e.(*ast.StarExpr); ok {
					out = append(out, star.X.(*ast.Ident).Name)
				}
			}
		}
		return true
	})
	sort.Strings(out)
	return out
}

// TestInspectKnowsEveryNode fails when a node type is declared without a
// case in Inspect's switch, or when a field that holds nodes is added to a
// type without Inspect walking it: every type gets every node-holding
// field filled (slices with two entries) and both walkers must agree.
func TestInspectKnowsEveryNode(t *testing.T) {
	declared := sourceNodeTypes(t)
	var listed []string
	for _, n := range allNodes {
		listed = append(listed, reflect.TypeOf(n).Elem().Name())
	}
	sort.Strings(listed)
	if !slices.Equal(declared, listed) {
		t.Fatalf("node types declared in the package:\n%v\nlisted in allNodes:\n%v", declared, listed)
	}
	if cases := switchCases(t); !slices.Equal(declared, cases) {
		t.Fatalf("node types declared in the package:\n%v\nwith a case in Inspect:\n%v", declared, cases)
	}
	for _, n := range allNodes {
		next := 0
		root := filled(reflect.TypeOf(n), &next)
		visited := sameWalk(t, fmt.Sprintf("filled %T", n), root)
		if want := countNodes(reflect.TypeOf(n)); visited != want {
			t.Errorf("filled %T: %d nodes visited, want %d", n, visited, want)
		}
	}
}

// filled returns a *T whose node-holding fields all hold distinct leaves
// (two in each slice); interfaces get the Bad* node of their kind.
func filled(pt reflect.Type, next *int) Node {
	v := reflect.New(pt.Elem())
	*next++
	setStart(v.Elem(), *next)
	st := pt.Elem()
	for i := range st.NumField() {
		f := st.Field(i)
		if !f.IsExported() || f.Anonymous {
			continue
		}
		fv := v.Elem().Field(i)
		switch f.Type.Kind() {
		case reflect.Slice:
			if leaf := leafFor(f.Type.Elem(), next); leaf.IsValid() {
				s := reflect.MakeSlice(f.Type, 2, 2)
				s.Index(0).Set(leaf)
				s.Index(1).Set(leafFor(f.Type.Elem(), next))
				fv.Set(s)
			}
		default:
			if leaf := leafFor(f.Type, next); leaf.IsValid() {
				fv.Set(leaf)
			}
		}
	}
	return v.Interface().(Node)
}

// leafFor returns a fresh node that fits a field of type ft, or an invalid
// value when ft does not hold nodes.
func leafFor(ft reflect.Type, next *int) reflect.Value {
	nodeT := reflect.TypeFor[Node]()
	var n Node
	switch {
	case ft == reflect.TypeFor[Expr]():
		n = &BadExpr{}
	case ft == reflect.TypeFor[Stmt]():
		n = &BadStmt{}
	case ft == reflect.TypeFor[TypeExpr]():
		n = &BadType{}
	case ft == nodeT:
		n = &BadExpr{}
	case ft.Kind() == reflect.Pointer && ft.Implements(nodeT):
		n = reflect.New(ft.Elem()).Interface().(Node)
	default:
		return reflect.Value{}
	}
	*next++
	setStart(reflect.ValueOf(n).Elem(), *next)
	return reflect.ValueOf(n)
}

// setStart gives a built node a distinct start offset, so that failure
// messages tell the leaves apart. NumericFor has a Start field of its own,
// so the offset goes through the embedded Range when there is one.
func setStart(v reflect.Value, off int) {
	if r := v.FieldByName("Range"); r.IsValid() {
		r.FieldByName("Start").SetInt(int64(off))
		return
	}
	v.FieldByName("Start").SetInt(int64(off))
}

// countNodes is how many nodes a filled *T holds: itself and one or two
// leaves per node-holding field.
func countNodes(pt reflect.Type) int {
	count := 1
	st := pt.Elem()
	for i := range st.NumField() {
		f := st.Field(i)
		if !f.IsExported() || f.Anonymous {
			continue
		}
		next := 0
		if f.Type.Kind() == reflect.Slice {
			if leafFor(f.Type.Elem(), &next).IsValid() {
				count += 2
			}
		} else if leafFor(f.Type, &next).IsValid() {
			count++
		}
	}
	return count
}

// FuzzInspectEquivalence parses any input in every dialect and checks that
// Inspect and the reflective reference walk the tree identically.
func FuzzInspectEquivalence(f *testing.F) {
	for _, path := range []string{"luajit/basic.lua", "luajit/strings.lua", "lua54/ops.lua", "luau/types.luau", "luajit/err_recover.lua"} {
		if src, err := os.ReadFile(testdataDir + "/" + path); err == nil {
			f.Add(src)
		}
	}
	f.Add(gen.Module(3, 2000))
	f.Add([]byte("type T<U...> = (typeof(f(x)), ...number) -> {read a: T?, [string]: U & V}"))
	f.Add([]byte("local t = {[k] = v, n = 1, 2; f(...)} if a then elseif b then else end"))
	f.Fuzz(func(t *testing.T, src []byte) {
		for _, d := range []Dialect{DialectLuaJIT, DialectLua51, DialectLua52, DialectLua53, DialectLua54, DialectLuau} {
			file := Parse("f.lua", src, Options{Dialect: d})
			sameWalk(t, d.String(), file.Chunk)
		}
	})
}
