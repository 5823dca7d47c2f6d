package testutil

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// recorder is a testing.TB that keeps the errors reported to it, so that
// the helpers' failure paths can be checked without failing this test.
type recorder struct {
	testing.TB
	errors []string
}

func (r *recorder) Helper() {}

func (r *recorder) Errorf(format string, args ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}

func TestGolden(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.golden")

	r := &recorder{TB: t}
	if Golden(r, path, []byte("a\n"), false) || len(r.errors) != 1 || !strings.Contains(r.errors[0], "-update") {
		t.Fatalf("missing golden file: errors %q, want one that mentions -update", r.errors)
	}

	r = &recorder{TB: t}
	if !Golden(r, path, []byte("a\nb\n"), true) || len(r.errors) != 0 {
		t.Fatalf("update: errors %q", r.errors)
	}
	if data, err := os.ReadFile(path); err != nil || string(data) != "a\nb\n" {
		t.Fatalf("update wrote %q, %v", data, err)
	}
	if !Golden(r, path, []byte("a\nb\n"), false) || len(r.errors) != 0 {
		t.Fatalf("same text: errors %q", r.errors)
	}

	if Golden(r, path, []byte("a\nc\n"), false) || len(r.errors) != 1 {
		t.Fatalf("changed text: errors %q, want one", r.errors)
	}
	if !strings.Contains(r.errors[0], `line 2:`) || !strings.Contains(r.errors[0], `"c"`) {
		t.Errorf("report does not show the changed line:\n%s", r.errors[0])
	}
	if data, _ := os.ReadFile(path); string(data) != "a\nb\n" {
		t.Errorf("a comparison without update changed the file to %q", data)
	}
}

func TestDiff(t *testing.T) {
	for _, tc := range []struct{ want, got, diff string }{
		{"a\nb\n", "a\nb\n", ""},
		{"a\nb\n", "a\nB\n", "line 2:\n  want \"b\"\n  got  \"B\"\n"},
		{"a", "a\n", "line 2:\n  want (none)\n  got  \"\"\n"},
		{"a \n", "a\n", "line 1:\n  want \"a \"\n  got  \"a\"\n"},
	} {
		if got := Diff(tc.want, tc.got); got != tc.diff {
			t.Errorf("Diff(%q, %q) = %q, want %q", tc.want, tc.got, got, tc.diff)
		}
	}
	many := Diff(strings.Repeat("x\n", 100), strings.Repeat("y\n", 100))
	if n := strings.Count(many, "line "); n != maxDiffLines || !strings.HasSuffix(many, "... and 60 more differing lines\n") {
		t.Errorf("a long diff shows %d lines and ends %q", n, many[len(many)-40:])
	}
}

func TestCases(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"b.lua", "a.lua", "_prelude.lua", "c.luau", "a.lua.golden", "sub/d.lua", "_shared/e.lua"} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(name), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	var got []string
	n := Cases(t, dir, ".lua", func(t *testing.T, path string, src []byte) {
		got = append(got, t.Name()+"="+string(src)+"@"+filepath.Base(path))
	})
	want := []string{"TestCases/a=a.lua@a.lua", "TestCases/b=b.lua@b.lua"}
	if n != 2 || !slices.Equal(got, want) {
		t.Errorf("Cases ran %d: %q, want %q", n, got, want)
	}

	got = nil
	isLua := func(p string) bool { return strings.HasSuffix(p, ".lua") || strings.HasSuffix(p, ".luau") }
	n = CaseTree(t, dir, isLua, func(t *testing.T, path string, src []byte) {
		if name := strings.TrimPrefix(t.Name(), "TestCases/"); name == string(src) {
			got = append(got, name)
		}
	})
	want = []string{"a.lua", "b.lua", "c.luau", "sub/d.lua"}
	if n != 4 || !slices.Equal(got, want) {
		t.Errorf("CaseTree ran %d: %q, want %q", n, got, want)
	}
}

func TestRunLua(t *testing.T) {
	out, errOut, err := RunLua(t, "luajit", LuaRun{Args: []string{"-e", `io.write("out") io.stderr:write("err")`}})
	if err != nil || out != "out" || errOut != "err" {
		t.Errorf("got stdout %q, stderr %q, err %v", out, errOut, err)
	}
	out, _, err = RunLua(t, "luajit", LuaRun{Args: []string{"-"}, Stdin: `io.write(io.read("*l") or "?") io.flush() io.stderr:write("!")`, MergeStderr: true})
	if err != nil || out != "?!" {
		t.Errorf("stdin script: stdout %q, err %v", out, err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "s.lua"), []byte(`print(({...})[1]) error("boom")`), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, err = RunLua(t, "luajit", LuaRun{Dir: dir, Args: []string{"s.lua", "arg"}})
	if err == nil || out != "arg\n" || !strings.Contains(errOut, "s.lua:1: boom") {
		t.Errorf("failing script: stdout %q, stderr %q, err %v", out, errOut, err)
	}
	if got := MustRunLua(t, "luajit", LuaRun{Args: []string{"-e", "print(1 + 1)"}}); got != "2\n" {
		t.Errorf("MustRunLua = %q", got)
	}
}
