package bit_test

// Each script in testdata/runtime/bit runs twice: on the real luajit and on
// gopher-lua with this module opened. Their standard output must be identical
// byte for byte. Scripts print numbers with string.format("%d") or bit.tohex,
// so that the two interpreters' general number formatting plays no part.

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	lua "github.com/yuin/gopher-lua"

	"github.com/buflsp/buflsp/internal/oracle"
	"github.com/buflsp/buflsp/internal/testutil"
	"github.com/buflsp/buflsp/runtime/bit"
)

const scriptDir = "../../testdata/runtime/bit"

func TestAgainstLuaJIT(t *testing.T) {
	oracle.Require(t, "luajit")
	n := testutil.Cases(t, scriptDir, ".lua", func(t *testing.T, path string, src []byte) {
		name := filepath.Base(path)
		want := testutil.MustRunLua(t, "luajit", testutil.LuaRun{Dir: scriptDir, Args: []string{name}})
		if len(want) == 0 {
			t.Fatal("luajit printed nothing; the script checks nothing")
		}
		got, err := runOurs(name, string(src))
		if err != nil {
			t.Fatalf("gopher-lua failed: %v\noutput so far:\n%s", err, got)
		}
		if got != want {
			t.Errorf("output differs from luajit (want is luajit's):\n%s", testutil.Diff(want, got))
		}
	})
	if n < 3 {
		t.Fatalf("found only %d scripts in %s", n, scriptDir)
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
