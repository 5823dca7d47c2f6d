package analysis_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/buflsp/buflsp/internal/testutil"
)

// TestCodecFixOnLuaJIT runs testdata/rules/codec-error-as-value/run.lua and
// its fixed golden on the real LuaJIT: the fix must keep every successful
// call's result ("same:" lines) and turn each failure that escaped before
// into the error branch the code already had ("fail:" lines).
func TestCodecFixOnLuaJIT(t *testing.T) {
	dir := filepath.Join("..", "testdata", "rules", "codec-error-as-value")
	run := func(name string) map[string][]string {
		abs, err := filepath.Abs(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		out := testutil.MustRunLua(t, "luajit", testutil.LuaRun{Args: []string{abs}})
		lines := map[string][]string{}
		for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
			tag, rest, _ := strings.Cut(l, "\t")
			lines[tag] = append(lines[tag], rest)
		}
		return lines
	}
	if _, err := os.Stat(filepath.Join(dir, "run.lua.golden")); err != nil {
		t.Fatal(err)
	}
	before, after := run("run.lua"), run("run.lua.golden")
	if len(before["same:"]) == 0 || strings.Join(before["same:"], "\n") != strings.Join(after["same:"], "\n") {
		t.Errorf("successful calls changed:\nbefore %q\nafter  %q", before["same:"], after["same:"])
	}
	if len(before["fail:"]) != len(after["fail:"]) || len(after["fail:"]) == 0 {
		t.Fatalf("failing calls: before %q, after %q", before["fail:"], after["fail:"])
	}
	for i, b := range before["fail:"] {
		a := after["fail:"][i]
		if !strings.HasPrefix(b, "raised\t") || !strings.HasPrefix(a, "returned\thandled: ") {
			t.Errorf("failure %d: before %q (want it raised), after %q (want it handled)", i, b, a)
		}
	}
}
