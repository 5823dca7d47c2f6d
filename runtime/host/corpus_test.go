package host

import (
	"bytes"
	"flag"
	"path/filepath"
	"strings"
	"testing"

	"github.com/buflsp/buflsp/internal/testutil"
)

var update = flag.Bool("update", false, "rewrite golden files")

// corpusDir holds Lua scripts that must print the same bytes on luajit and
// on the buflsp runtime. A script whose first line is "-- buflsp-only" uses
// buflsp extensions; its expected output is the golden file NAME.golden
// next to it instead.
const corpusDir = "../../testdata/runtime/luajit"

func TestLuaJITCorpus(t *testing.T) {
	testutil.Cases(t, corpusDir, ".lua", func(t *testing.T, path string, src []byte) {
		name := filepath.Base(path)
		got := runOurs(t, name, string(src))
		if strings.HasPrefix(string(src), "-- buflsp-only") {
			testutil.Golden(t, strings.TrimSuffix(path, ".lua")+".golden", []byte(got), *update)
			return
		}
		want := testutil.MustRunLua(t, "luajit", testutil.LuaRun{Dir: corpusDir, Args: []string{name}})
		if got != want {
			t.Errorf("output differs from luajit (want is luajit's):\n%s", testutil.Diff(want, got))
		}
	})
}

// runOurs runs a script in a fresh buflsp state and returns its output, with
// an uncaught error appended the way a test can see it.
func runOurs(t *testing.T, name, src string) string {
	t.Helper()
	var out bytes.Buffer
	L := NewState(Options{Stdout: &out})
	defer L.Close()
	if err := RunChunk(L, nil, name, []byte(src), nil); err != nil {
		t.Fatalf("script raised an error: %v\noutput so far:\n%s", err, out.String())
	}
	return out.String()
}
