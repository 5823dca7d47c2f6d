package lower

import (
	"bytes"
	"errors"
	"flag"
	"strings"
	"testing"

	"github.com/buflsp/buflsp/analysis/syntax"
	"github.com/buflsp/buflsp/internal/oracle"
	"github.com/buflsp/buflsp/internal/testutil"
)

var update = flag.Bool("update", false, "rewrite golden files")

// luauCases runs fn in a sub-test for every .luau file under testdata,
// with its source and the lowered code.
func luauCases(t *testing.T, fn func(t *testing.T, file string, src, out []byte)) {
	t.Helper()
	isLuau := func(p string) bool { return strings.HasSuffix(p, ".luau") }
	testutil.CaseTree(t, "testdata", isLuau, func(t *testing.T, file string, src []byte) {
		out, err := Lower(file, src)
		if err != nil {
			t.Fatalf("lowering failed: %v", err)
		}
		fn(t, file, src, out)
	})
}

// TestGolden compares each lowered case with its .lua golden file and checks
// the invariants every lowering must keep: the same number of lines, every
// comment on its original line, and output that parses as plain Lua.
func TestGolden(t *testing.T) {
	luauCases(t, func(t *testing.T, file string, src, out []byte) {
		checkInvariants(t, src, out)
		testutil.Golden(t, strings.TrimSuffix(file, ".luau")+".lua", out, *update)
	})
}

func checkInvariants(t *testing.T, src, out []byte) {
	t.Helper()
	if a, b := bytes.Count(src, []byte("\n")), bytes.Count(out, []byte("\n")); a != b {
		t.Errorf("line count changed: %d lines in, %d out", a+1, b+1)
	}
	orig := syntax.Parse("in.luau", src, syntax.Options{Target: syntax.TargetLuau})
	outLines := strings.Split(string(out), "\n")
	for _, c := range orig.Comments {
		if c.Long {
			continue
		}
		line, _ := orig.Lines.Position(c.Start)
		if line > len(outLines) || !strings.Contains(outLines[line-1], c.Text) {
			t.Errorf("comment %q moved away from line %d", c.Text, line)
		}
	}
	lowered := syntax.Parse("out.lua", out, syntax.Options{Target: syntax.TargetLuaJIT})
	for _, e := range lowered.Errors {
		line, col := lowered.Lines.Position(e.Start)
		t.Errorf("lowered code does not parse as Lua at %d:%d: %s\n%s", line, col, e.Msg, out)
	}
}

// TestOracleLuaJIT runs each lowered case with LuaJIT and compares its
// output with the "--> text" markers of the Luau source, in order.
func TestOracleLuaJIT(t *testing.T) {
	oracle.Require(t, "luajit")
	luauCases(t, func(t *testing.T, file string, src, out []byte) {
		got, _, err := testutil.RunLua(t, "luajit", testutil.LuaRun{Args: []string{"-"}, Stdin: string(out), MergeStderr: true})
		if err != nil {
			t.Fatalf("luajit failed: %v\n%s\n--- lowered\n%s", err, got, out)
		}
		want := expectedOutput(string(src))
		if strings.TrimRight(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("luajit output differs from the markers\n--- got\n%s\n--- want\n%s", got, strings.Join(want, "\n"))
		}
	})
}

// expectedOutput collects the text after each "--> " marker.
func expectedOutput(src string) []string {
	var want []string
	for _, line := range strings.Split(src, "\n") {
		if _, after, ok := strings.Cut(line, "--> "); ok {
			want = append(want, after)
		}
	}
	return want
}

// TestErrors checks that what cannot be lowered is reported with its line.
func TestErrors(t *testing.T) {
	for _, tc := range []struct {
		give string
		line int
		msg  string
	}{
		{"local x = 1\nlocal y = = 2\n", 2, "unexpected"},
		{"print(1)\ncontinue\n", 2, "continue"},
		{"local t = {\n", 2, ""},
	} {
		_, err := Lower("bad.luau", []byte(tc.give))
		var le *Error
		if !errors.As(err, &le) {
			t.Errorf("%q: want a *lower.Error, got %v", tc.give, err)
			continue
		}
		if le.Line != tc.line || le.ErrorLine() != tc.line || !strings.Contains(le.Msg, tc.msg) {
			t.Errorf("%q: got line %d %q, want line %d containing %q", tc.give, le.Line, le.Msg, tc.line, tc.msg)
		}
	}
}

// TestPlainLuaUnchanged checks that code without Luau syntax comes out byte
// for byte.
func TestPlainLuaUnchanged(t *testing.T) {
	src := []byte("-- plain\nlocal t = {1, 2; x = 'y'}\nfor i = 1, #t do print(t[i]) end\nreturn t\n")
	out, err := Lower("plain.lua", src)
	if err != nil || !bytes.Equal(out, src) {
		t.Fatalf("got %q, %v", out, err)
	}
}
