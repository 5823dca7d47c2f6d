package luau_test

// The behaviour tests of the library are Lua scripts in
// testdata/runtime/luau. Each script prints one line per check through the
// helpers of _prelude.lua; the harness runs it on a bare gopher-lua state
// with the library opened and compares the output with the golden file
// NAME.golden next to it (go test -update rewrites the golden files; they
// are not named .out because the repository ignores *.out). Expected values
// are also written by hand into the scripts as "--> text" comments after the
// check that prints them; the harness requires every printed line to match
// the marker on the line that printed it, so the golden files cannot
// silently drift from what the Luau reference says.

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	lua "github.com/yuin/gopher-lua"

	"github.com/buflsp/buflsp/internal/testutil"
	"github.com/buflsp/buflsp/runtime/buffer/luau"
)

var update = flag.Bool("update", false, "rewrite golden files")

const scriptDir = "../../../testdata/runtime/luau"

// markerRE finds "--> expected" comments; the expected text runs to the end
// of the line.
var markerRE = regexp.MustCompile(`--> ?(.*)$`)

// outputRE splits a printed line into the script line that printed it and the
// text.
var outputRE = regexp.MustCompile(`^(\d+): (.*)$`)

func TestScripts(t *testing.T) {
	prelude, err := os.ReadFile(filepath.Join(scriptDir, "_prelude.lua"))
	if err != nil {
		t.Fatal(err)
	}
	ran := testutil.Cases(t, scriptDir, ".lua", func(t *testing.T, path string, src []byte) {
		name := filepath.Base(path)
		out, err := runScript(string(prelude), name, string(src))
		if err != nil {
			t.Fatalf("script failed: %v\noutput so far:\n%s", err, out)
		}
		checkMarkers(t, name, string(src), out)
		testutil.Golden(t, strings.TrimSuffix(path, ".lua")+".golden", []byte(out), *update)
	})
	if ran < 5 {
		t.Fatalf("found only %d scripts in %s", ran, scriptDir)
	}
}

// runScript runs prelude and script on a fresh state with only the base,
// package, string, table, math, debug and coroutine libraries plus the buffer library, and
// returns what they printed.
func runScript(prelude, name, src string) (string, error) {
	L := lua.NewState(lua.Options{SkipOpenLibs: true})
	defer L.Close()
	for _, lib := range []struct {
		name string
		fn   lua.LGFunction
	}{
		{lua.BaseLibName, lua.OpenBase},
		{lua.LoadLibName, lua.OpenPackage},
		{lua.StringLibName, lua.OpenString},
		{lua.TabLibName, lua.OpenTable},
		{lua.MathLibName, lua.OpenMath},
		{lua.DebugLibName, lua.OpenDebug},
		{lua.CoroutineLibName, lua.OpenCoroutine},
	} {
		L.Push(L.NewFunction(lib.fn))
		L.Push(lua.LString(lib.name))
		L.Call(1, 0)
	}
	luau.Open(L)
	var out bytes.Buffer
	L.SetGlobal("emit", L.NewFunction(func(L *lua.LState) int {
		out.WriteString(L.CheckString(1))
		out.WriteByte('\n')
		return 0
	}))
	if err := L.DoString(prelude); err != nil {
		return out.String(), fmt.Errorf("prelude: %w", err)
	}
	fn, err := L.Load(strings.NewReader(src), name)
	if err != nil {
		return out.String(), err
	}
	L.Push(fn)
	err = L.PCall(0, 0, nil)
	return out.String(), err
}

// checkMarkers requires a 1:1 match between printed lines and markers.
func checkMarkers(t *testing.T, name, src, out string) {
	t.Helper()
	want := map[int]string{}
	for i, line := range strings.Split(src, "\n") {
		if m := markerRE.FindStringSubmatch(line); m != nil {
			want[i+1] = strings.TrimRight(m[1], " ")
		}
	}
	seen := map[int]bool{}
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		m := outputRE.FindStringSubmatch(line)
		if m == nil {
			t.Errorf("%s: output line without a line number: %q", name, line)
			continue
		}
		n, _ := strconv.Atoi(m[1])
		w, ok := want[n]
		switch {
		case !ok:
			t.Errorf("%s:%d: printed %q but the line has no --> marker", name, n, m[2])
		case seen[n]:
			t.Errorf("%s:%d: printed more than once", name, n)
		case w != m[2]:
			t.Errorf("%s:%d:\n got: %s\nwant: %s", name, n, m[2], w)
		}
		seen[n] = true
	}
	for n := range want {
		if !seen[n] {
			t.Errorf("%s:%d: marker %q was never printed", name, n, want[n])
		}
	}
}
