// Package layering holds a test that keeps the module's dependency graph
// pointing one way: cmd -> lsp -> analysis, lsp -> runtime. It reads the import
// lists of every Go file, so a forbidden import fails the build's tests the
// moment it is written rather than after a review.
package layering

import (
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const module = "github.com/buflsp/buflsp/"

// rule forbids files under dir from importing anything that starts with one of
// the prefixes in deny (and, with allowOnly, anything of ours outside allow).
type rule struct {
	dir  string
	deny []string
	why  string
}

func rules() []rule {
	return []rule{
		{"analysis/syntax", []string{module}, "the parser is a leaf: it imports nothing of ours"},
		{"analysis", []string{module + "runtime", module + "lsp", module + "cmd", "go.lsp.dev", "go.uber.org/zap", "github.com/yuin/gopher-lua"},
			"the analyzer describes the API from its table; it neither runs Lua nor speaks LSP"},
		{"runtime", []string{module + "analysis", module + "lsp", module + "cmd", "go.lsp.dev"},
			"the runtime knows nothing of the analyzer or the server"},
		{"internal/oracle", []string{module}, "test helpers stay independent"},
		{"internal/testutil", []string{module + "analysis", module + "runtime", module + "lsp", module + "cmd", module + "internal/tools"},
			"the shared test helpers are a leaf: they may import internal/oracle only"},
	}
}

// allowed lists the exceptions to the deny lists: analysis/lower builds the
// runtime's syntax tree, so it may use gopher-lua's ast package (plain data
// types), never the VM.
func allowed(file, imp string) bool {
	return strings.HasPrefix(file, "analysis/lower/") && imp == "github.com/yuin/gopher-lua/ast"
}

func TestLayering(t *testing.T) {
	root := filepath.Join("..", "..")
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			switch d.Name() {
			case "node_modules", "testdata", ".git":
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") {
			return nil
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		f, err := parser.ParseFile(fset, path, nil, parser.ImportsOnly)
		if err != nil {
			t.Errorf("%s: %v", rel, err)
			return nil
		}
		for _, imp := range f.Imports {
			p := strings.Trim(imp.Path.Value, `"`)
			if strings.HasPrefix(p, "go.lsp.dev") && !strings.HasPrefix(rel, "lsp/") {
				t.Errorf("%s imports %s: only lsp/ may speak the protocol", rel, p)
			}
			for _, r := range rules() {
				if !strings.HasPrefix(rel, r.dir+"/") {
					continue
				}
				for _, d := range r.deny {
					// A package may of course import itself and its own
					// subpackages, and its tests may use our internal test
					// helpers and corpus generators: those are not
					// dependencies of the package.
					testHelper := strings.HasSuffix(rel, "_test.go") && strings.HasPrefix(p, module+"internal/")
					if strings.HasPrefix(p, d) && !strings.HasPrefix(p, module+r.dir) && !testHelper && !allowed(rel, p) {
						t.Errorf("%s imports %s: %s", rel, p, r.why)
					}
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("module root not found from %s: %v", root, err)
	}
}
