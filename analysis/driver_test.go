package analysis

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/buflsp/buflsp/analysis/rules"
	"github.com/buflsp/buflsp/analysis/syntax"
)

// testChecker runs two made-up rules: "concat" reports every ".." with a fix
// that replaces it by ",", and "boom" panics, to prove the driver survives.
func testChecker() *Checker {
	concat := func(p *rules.Pass) {
		src := p.File.Src
		for i := 0; i+1 < len(src); i++ {
			if src[i] == '.' && src[i+1] == '.' {
				p.Report(rules.Diagnostic{Start: i, End: i + 2, Message: "concat here",
					Fixes: []rules.Fix{{Title: "Use ','", Edits: []rules.Edit{{Start: i, End: i + 2, NewText: ","}}}}})
				i++
			}
		}
	}
	return NewCheckerWith(rules.NewRegistryFrom([]rules.Rule{
		{Name: "concat", Severity: rules.SeverityWarning, Run: concat},
		{Name: "boom", Severity: rules.SeverityHint, Run: func(*rules.Pass) { panic("kaboom") }},
		{Name: rules.SyntaxError, Severity: rules.SeverityError, CannotDisable: true},
		{Name: rules.UnknownRule, Severity: rules.SeverityWarning},
	}))
}

func summary(r *Result) string {
	var parts []string
	for _, d := range r.Diagnostics {
		line, col := r.File.Lines.Position(d.Start)
		parts = append(parts, fmt.Sprintf("%s %s %d:%d", d.Rule, d.Severity, line, col))
	}
	return strings.Join(parts, "; ")
}

func TestDriver(t *testing.T) {
	tests := []struct {
		name string
		src  string
		sev  map[string]string
		want string
	}{
		{"reports and sorts", "local s = a .. b .. c\n", nil,
			"boom error 1:1; concat warning 1:13; concat warning 1:18"},
		{"severity from config", "local s = a .. b\n", map[string]string{"concat": "error", "boom": "off"},
			"concat error 1:13"},
		{"off in config", "local s = a .. b\n", map[string]string{"concat": "off", "boom": "off"}, ""},
		{"next line", "---@diagnostic disable-next-line: concat\nlocal s = a .. b\nlocal t = a .. b\n", map[string]string{"boom": "off"},
			"concat warning 3:13"},
		{"all rules on a line", "local s = a .. b ---@diagnostic disable-line\nx = 1\n", nil, ""},
		{"range", "---@diagnostic disable: concat\nx = a .. b\n---@diagnostic enable: concat\ny = a .. b\n", map[string]string{"boom": "off"},
			"concat warning 4:7"},
		{"unclosed range runs to the end", "---@diagnostic disable: concat\nx = a .. b\n\ny = a .. b", map[string]string{"boom": "off"}, ""},
		{"syntax errors stay", "---@diagnostic disable\nlocal = 1\n", map[string]string{"boom": "off", "syntax-error": "off"},
			"syntax-error error 2:7"},
	}
	c := testChecker()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := DefaultConfig()
			for k, v := range tt.sev {
				cfg.Severity[k] = v
			}
			got := summary(c.Check("t.lua", []byte(tt.src), cfg))
			if got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestRulePanicBecomesDiagnostic(t *testing.T) {
	r := testChecker().Check("t.lua", []byte("x = 1\n"), nil)
	if len(r.Diagnostics) != 1 || !strings.Contains(r.Diagnostics[0].Message, "internal error in rule boom") {
		t.Fatalf("got %+v", r.Diagnostics)
	}
}

func TestTargetFromConfig(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Target = syntax.TargetLuau
	if r := CheckSource("t.lua", []byte("local n = 0\nn += 1\n"), cfg); len(r.Diagnostics) != 0 || r.File.Target != syntax.TargetLuau {
		t.Errorf("luau target: %v", summary(r))
	}
	if r := CheckSource("t.lua", []byte("local n = 0\nn += 1\n"), nil); len(r.Diagnostics) == 0 {
		t.Error("luajit target accepted +=")
	}
}

func TestApplyFixes(t *testing.T) {
	edit := func(s, e int, txt string) Diagnostic {
		return Diagnostic{Fixes: []Fix{{Title: "f", Edits: []Edit{{Start: s, End: e, NewText: txt}}}}}
	}
	tests := []struct {
		name    string
		diags   []Diagnostic
		want    string
		applied int
	}{
		{"none", nil, "abcdef", 0},
		{"two apart", []Diagnostic{edit(4, 5, "E"), edit(0, 1, "A")}, "AbcdEf", 2},
		{"overlap keeps first", []Diagnostic{edit(1, 3, "X"), edit(2, 4, "Y")}, "aXdef", 1},
		{"same insertion point", []Diagnostic{edit(2, 2, "1"), edit(2, 2, "2")}, "ab1cdef", 1},
		{"adjacent", []Diagnostic{edit(0, 2, "x"), edit(2, 4, "y")}, "xyef", 2},
		{"out of range skipped", []Diagnostic{edit(5, 9, "x")}, "abcdef", 0},
		{"fix with overlapping own edits skipped", []Diagnostic{{Fixes: []Fix{{Edits: []Edit{{Start: 0, End: 3}, {Start: 1, End: 2}}}}}}, "abcdef", 0},
	}
	for _, tt := range tests {
		got, n := ApplyFixes([]byte("abcdef"), tt.diags)
		if string(got) != tt.want || n != tt.applied {
			t.Errorf("%s: got %q (%d), want %q (%d)", tt.name, got, n, tt.want, tt.applied)
		}
	}
}

func TestIgnore(t *testing.T) {
	l := compileIgnore("/r", []string{"vendor/", "*.gen.lua", "/top.lua", "a/**/b.lua", "!keep.gen.lua", "# comment", ""})
	tests := []struct {
		path  string
		dir   bool
		match bool
	}{
		{"/r/vendor", true, true},
		{"/r/x/vendor", true, true},
		{"/r/vendor", false, false},
		{"/r/p/q.gen.lua", false, true},
		{"/r/keep.gen.lua", false, false},
		{"/r/top.lua", false, true},
		{"/r/sub/top.lua", false, false},
		{"/r/a/b.lua", false, true},
		{"/r/a/x/y/b.lua", false, true},
		{"/other/q.gen.lua", false, false},
	}
	for _, tt := range tests {
		if got := l.match(tt.path, tt.dir); got != tt.match {
			t.Errorf("match(%q, dir=%v) = %v, want %v", tt.path, tt.dir, got, tt.match)
		}
	}
}

// FuzzCheckSource checks that the driver never panics and keeps every
// diagnostic inside the file, whatever the input and suppression comments.
func FuzzCheckSource(f *testing.F) {
	f.Add([]byte("---@diagnostic disable-next-line: a, ,b\nlocal x = a .. b\n"))
	f.Add([]byte("---@diagnostic enable\n---@diagnostic disable:"))
	f.Add([]byte("local function f(\n---@diagnostic"))
	c := testChecker()
	f.Fuzz(func(t *testing.T, src []byte) {
		r := c.Check("f.lua", src, nil)
		for _, d := range r.Diagnostics {
			if d.Start < 0 || d.End < d.Start || d.End > len(src) {
				t.Fatalf("diagnostic %+v outside [0,%d]", d, len(src))
			}
		}
		fixed, _ := ApplyFixes(src, r.Diagnostics)
		_ = fixed
	})
}

// TestModelSharedBetweenRules checks that two rules asking for the semantic
// model get the same one, built once for the file. The rules run
// concurrently, so the record they share is locked.
func TestModelSharedBetweenRules(t *testing.T) {
	var mu sync.Mutex
	var seen []any
	grab := func(p *rules.Pass) {
		a, b := p.Model(), p.Model()
		mu.Lock()
		defer mu.Unlock()
		seen = append(seen, a, b)
	}
	c := NewCheckerWith(rules.NewRegistryFrom([]rules.Rule{
		{Name: "a", Severity: rules.SeverityHint, Run: grab},
		{Name: "b", Severity: rules.SeverityHint, Run: grab},
	}))
	c.Check("m.lua", []byte("local x = 1\nreturn x\n"), nil)
	if len(seen) != 4 || seen[0] == nil || seen[0] != seen[1] || seen[0] != seen[3] {
		t.Fatalf("models %v: want one shared non-nil model", seen)
	}
}

// TestDiagnoseMatchesSequential checks that running the rules concurrently
// gives exactly the diagnostics of a run on one core, for every rule case
// file of testdata/rules.
func TestDiagnoseMatchesSequential(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("..", "testdata", "rules", "*", "*.lua"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no rule case files: %v", err)
	}
	c := NewChecker()
	for _, path := range paths {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		concurrent := c.Check(path, src, nil).Diagnostics
		prev := runtime.GOMAXPROCS(1)
		sequential := c.Check(path, src, nil).Diagnostics
		runtime.GOMAXPROCS(prev)
		if !reflect.DeepEqual(concurrent, sequential) {
			t.Errorf("%s: concurrent rules gave\n%v\nsequential gave\n%v", path, concurrent, sequential)
		}
		// The bound a language server sets gives the same output too.
		for _, n := range []int{1, 2, 3} {
			got := c.WithParallelism(n).Check(path, src, nil).Diagnostics
			if !reflect.DeepEqual(got, sequential) {
				t.Errorf("%s: %d rules at once gave\n%v\nsequential gave\n%v", path, n, got, sequential)
			}
		}
	}
}

// TestDiagnoseCancelled checks that a check whose context has ended
// reports the context's error and no diagnostics.
func TestDiagnoseCancelled(t *testing.T) {
	c := NewChecker()
	r := c.Parse("t.lua", []byte("local b = require('string.buffer').new()\nb:frobnicate()\n"), nil)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	diags, err := c.Diagnose(ctx, r, nil)
	if !errors.Is(err, context.Canceled) || diags != nil {
		t.Fatalf("Diagnose on a cancelled context = %v, %v; want nil, context.Canceled", diags, err)
	}
	// The same Result still serves a later, live check.
	if diags, err := c.Diagnose(context.Background(), r, nil); err != nil || len(diags) == 0 {
		t.Fatalf("Diagnose after a cancelled one = %v, %v; want diagnostics", diags, err)
	}
}

// TestResultSharesAnalysis checks that a Result builds its model and types
// once and that the types are those of its model.
func TestResultSharesAnalysis(t *testing.T) {
	r := NewChecker().Check("t.lua", []byte("local M = require('string.buffer')\nlocal b = M.new()\n"), nil)
	m, ty := r.Model(), r.Types()
	if m == nil || ty == nil || r.Model() != m || r.Types() != ty || ty.Model != m {
		t.Fatalf("model %p/%p, types %p/%p (types of model %p): want one of each, shared", m, r.Model(), ty, r.Types(), ty.Model)
	}
	if (&Result{}).Model() != nil || (&Result{}).Types() != nil {
		t.Fatal("a Result without a file must have no model and no types")
	}
}

// TestParallelismBound checks that a check runs at most Parallelism rules
// at once: each rule records how many rules run while it sleeps briefly.
func TestParallelismBound(t *testing.T) {
	var running, peak atomic.Int32
	slow := func(*rules.Pass) {
		now := running.Add(1)
		for {
			p := peak.Load()
			if now <= p || peak.CompareAndSwap(p, now) {
				break
			}
		}
		time.Sleep(2 * time.Millisecond)
		running.Add(-1)
	}
	var rs []rules.Rule
	for i := range 8 {
		rs = append(rs, rules.Rule{Name: fmt.Sprintf("slow-%d", i), Severity: rules.SeverityHint, Run: slow})
	}
	base := NewCheckerWith(rules.NewRegistryFrom(rs))
	for _, n := range []int{1, 2, 3} {
		c := base.WithParallelism(n)
		if c.Parallelism() != n {
			t.Fatalf("WithParallelism(%d).Parallelism() = %d", n, c.Parallelism())
		}
		peak.Store(0)
		c.Check("p.lua", []byte("local x = 1\n"), nil)
		if got := peak.Load(); got < 1 || int(got) > n {
			t.Errorf("parallelism %d: %d rules ran at once", n, got)
		}
	}
	if got, want := base.Parallelism(), max(1, runtime.GOMAXPROCS(0)); got != want {
		t.Errorf("default Parallelism() = %d, want GOMAXPROCS %d", got, want)
	}
	if got := base.WithParallelism(-3).Parallelism(); got != base.Parallelism() {
		t.Errorf("WithParallelism(-3).Parallelism() = %d, want the default %d", got, base.Parallelism())
	}
}
