package host

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/buflsp/buflsp/internal/oracle"
)

var update = flag.Bool("update", false, "rewrite golden files")

// corpusDir holds Lua scripts that must print the same bytes on luajit and
// on the buflsp runtime. A script whose first line is "-- buflsp-only" uses
// buflsp extensions; its expected output is the golden file NAME.golden
// next to it instead.
const corpusDir = "../../testdata/runtime/luajit"

func TestLuaJITCorpus(t *testing.T) {
	scripts, err := filepath.Glob(filepath.Join(corpusDir, "*.lua"))
	if err != nil || len(scripts) == 0 {
		t.Fatalf("no scripts in %s (%v)", corpusDir, err)
	}
	var luajit string
	for _, path := range scripts {
		name := filepath.Base(path)
		t.Run(strings.TrimSuffix(name, ".lua"), func(t *testing.T) {
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			got := runOurs(t, name, string(src))
			golden := strings.TrimSuffix(path, ".lua") + ".golden"
			if strings.HasPrefix(string(src), "-- buflsp-only") {
				if *update {
					if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
						t.Fatal(err)
					}
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Fatalf("missing golden file (run with -update): %v", err)
				}
				compare(t, got, string(want), "golden "+filepath.Base(golden))
				return
			}
			if luajit == "" {
				luajit = oracle.Require(t, "luajit")
			}
			cmd := exec.Command(luajit, name)
			cmd.Dir = corpusDir
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			want, err := cmd.Output()
			if err != nil {
				t.Fatalf("luajit failed: %v\n%s", err, stderr.String())
			}
			compare(t, got, string(want), "luajit")
		})
	}
}

// runOurs runs a script in a fresh buflsp state and returns its output, with
// an uncaught error appended the way a test can see it.
func runOurs(t *testing.T, name, src string) string {
	t.Helper()
	var out bytes.Buffer
	L := NewState(Options{Stdout: &out})
	defer L.Close()
	if err := RunChunk(L, name, src, nil); err != nil {
		t.Fatalf("script raised an error: %v\noutput so far:\n%s", err, out.String())
	}
	return out.String()
}

// compare reports the first differing line, which is easier to read than
// two whole outputs.
func compare(t *testing.T, got, want, what string) {
	t.Helper()
	if got == want {
		return
	}
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < max(len(g), len(w)); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			t.Fatalf("output differs from %s at line %d:\n got: %q\nwant: %q", what, i+1, gl, wl)
		}
	}
	t.Fatalf("output differs from %s", what)
}
