package conform

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/buflsp/buflsp/internal/oracle"
	"github.com/buflsp/buflsp/internal/tools/luagen/gen"
)

func report(t *testing.T, results []Result) {
	t.Helper()
	bad := 0
	for _, r := range results {
		if !r.Agree() {
			bad++
			if bad <= 30 {
				src, _ := os.ReadFile(r.Path)
				t.Errorf("%s [%s]: oracle line %d %q, buflsp line %d %q\n%s", r.Path, r.Oracle, r.Want.Line, r.Want.Msg, r.Got.Line, r.Got.Msg, excerpt(src, r.Want.Line))
			}
		}
	}
	t.Logf("%d files compared, %d disagreements", len(results), bad)
}

// excerpt shows the lines around line (Lua counting) to explain a failure.
func excerpt(src []byte, line int) string {
	out, l, start := "", 1, 0
	for i := 0; i <= len(src); i++ {
		if i == len(src) || src[i] == '\n' {
			if l >= line-2 && l <= line+1 {
				out += fmt.Sprintf("%4d| %q\n", l, src[start:i])
			}
			l++
			start = i + 1
		}
	}
	return out
}

// TestTestdata compares every .lua and .luau file under testdata/syntax
// with its oracle.
func TestTestdata(t *testing.T) {
	for _, o := range Oracles() {
		oracle.Require(t, o.Exe)
	}
	oracle.RequireLuau(t, Luau().Exe)
	files, err := Files("../../../../testdata/syntax")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no files under testdata/syntax")
	}
	results, _, err := Run(files)
	if err != nil {
		t.Fatal(err)
	}
	report(t, results)
}

// TestGeneratedAndMutated compares a generated corpus, and mutated copies
// of small generated modules, with every oracle (luajit, lua5.1 to lua5.4).
func TestGeneratedAndMutated(t *testing.T) {
	for _, o := range Oracles() {
		oracle.Require(t, o.Exe)
	}
	n := 400
	if testing.Short() {
		n = 60
	}
	dir := t.TempDir()
	var files []string
	write := func(sub, name string, src []byte) {
		d := filepath.Join(dir, sub)
		_ = os.MkdirAll(d, 0o755)
		p := filepath.Join(d, name)
		if err := os.WriteFile(p, src, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, p)
	}
	for i, src := range gen.Corpus(1, 5, 20000) {
		write("luajit", fmt.Sprintf("gen%d.lua", i), src)
	}
	r := rand.New(rand.NewPCG(7, 11))
	for i := 0; i < n; i++ {
		base := gen.Module(uint64(100+i), 600)
		for _, o := range Oracles() {
			write(o.Dir, fmt.Sprintf("m%d.lua", i), Mutate(r, base, 1+r.IntN(3)))
		}
	}
	results, _, err := Run(files)
	if err != nil {
		t.Fatal(err)
	}
	report(t, results)
}

// TestLuauGeneratedAndMutated compares generated Luau modules, and mutated
// copies of small ones, with luau-compile (experimental syntax off).
func TestLuauGeneratedAndMutated(t *testing.T) {
	oracle.RequireLuau(t, Luau().Exe)
	n := 600
	if testing.Short() {
		n = 100
	}
	dir := t.TempDir()
	var files []string
	write := func(name string, src []byte) {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, src, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, p)
	}
	for i, src := range gen.LuauCorpus(1, 20, 8000) {
		write(fmt.Sprintf("gen%d.luau", i), src)
	}
	r := rand.New(rand.NewPCG(13, 17))
	for i := 0; i < n; i++ {
		base := gen.LuauModule(uint64(500+i), 500)
		write(fmt.Sprintf("m%d.luau", i), MutateLuau(r, base, 1+r.IntN(3)))
	}
	results, missing, err := Run(files)
	if err != nil {
		t.Fatal(err)
	}
	if len(missing) > 0 || len(results) != len(files) {
		t.Fatalf("compared %d of %d files (missing %v)", len(results), len(files), missing)
	}
	report(t, results)
}
