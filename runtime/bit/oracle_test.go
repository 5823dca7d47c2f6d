package bit_test

// Each script in testdata/runtime/bit runs twice: on the real luajit and on
// gopher-lua with this module opened. Their standard output must be identical
// byte for byte. Scripts print numbers with string.format("%d") or bit.tohex,
// so that the two interpreters' general number formatting plays no part.

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	lua "github.com/yuin/gopher-lua"

	"github.com/buflsp/buflsp/internal/oracle"
	"github.com/buflsp/buflsp/runtime/bit"
)

const scriptDir = "../../testdata/runtime/bit"

func TestAgainstLuaJIT(t *testing.T) {
	luajit := oracle.Require(t, "luajit")
	files, err := filepath.Glob(filepath.Join(scriptDir, "*.lua"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 3 {
		t.Fatalf("found only %d scripts in %s", len(files), scriptDir)
	}
	for _, path := range files {
		name := filepath.Base(path)
		t.Run(strings.TrimSuffix(name, ".lua"), func(t *testing.T) {
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(luajit, name)
			cmd.Dir = scriptDir
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			want, err := cmd.Output()
			if err != nil {
				t.Fatalf("luajit failed: %v\n%s", err, stderr.String())
			}
			if len(want) == 0 {
				t.Fatal("luajit printed nothing; the script checks nothing")
			}
			got, err := runOurs(name, string(src))
			if err != nil {
				t.Fatalf("gopher-lua failed: %v\noutput so far:\n%s", err, got)
			}
			if got != string(want) {
				t.Errorf("output differs from luajit:\n%s", lineDiff(string(want), got))
			}
		})
	}
}

// runOurs runs a script on gopher-lua with the standard libraries and the bit
// module, capturing what print writes.
func runOurs(name, src string) (string, error) {
	L := lua.NewState()
	defer L.Close()
	bit.Open(L)
	var out bytes.Buffer
	L.SetGlobal("print", L.NewFunction(func(L *lua.LState) int {
		for i := 1; i <= L.GetTop(); i++ {
			if i > 1 {
				out.WriteByte('\t')
			}
			out.WriteString(L.ToStringMeta(L.Get(i)).String())
		}
		out.WriteByte('\n')
		return 0
	}))
	fn, err := L.Load(strings.NewReader(src), name)
	if err != nil {
		return "", err
	}
	L.Push(fn)
	err = L.PCall(0, 0, nil)
	return out.String(), err
}

func lineDiff(want, got string) string {
	w := strings.Split(want, "\n")
	g := strings.Split(got, "\n")
	var b strings.Builder
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			fmt.Fprintf(&b, "line %d:\n  luajit %q\n  ours   %q\n", i+1, wl, gl)
		}
	}
	return b.String()
}
