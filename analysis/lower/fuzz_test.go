package lower

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/buflsp/buflsp/analysis/syntax"
)

// FuzzLower checks that lowering never panics and that whatever it accepts
// comes out as Lua that parses, with the same number of lines.
func FuzzLower(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.luau"))
	for _, file := range files {
		if src, err := os.ReadFile(file); err == nil {
			f.Add(src)
		}
	}
	f.Add([]byte("local x: {number} = {1}\nx[1] += if x then 1 else 2\n"))
	f.Add([]byte("while true do continue end"))
	f.Add([]byte("print(`a{`b{c}`}d`)"))
	f.Fuzz(func(t *testing.T, src []byte) {
		// Bytes above 0x7f may form names in Luau but not in Lua 5.4, so
		// such inputs would fail the parse check below for reasons that
		// have nothing to do with the lowering; they still must not panic.
		ascii := bytes.IndexFunc(src, func(r rune) bool { return r > 0x7e || r == 0xfffd }) < 0
		out, err := Lower("fuzz.luau", src)
		if !ascii {
			return
		}
		if err != nil {
			return
		}
		if a, b := bytes.Count(src, []byte("\n")), bytes.Count(out, []byte("\n")); a != b {
			t.Fatalf("line count changed from %d to %d\n--- in\n%s\n--- out\n%s", a, b, src, out)
		}
		// Lua 5.4 is the closest dialect to what gopher-lua reads: goto and
		// empty statements, which LuaJIT rejects at the start of a block.
		lowered := syntax.Parse("out.lua", out, syntax.Options{Dialect: syntax.DialectLua54})
		if len(lowered.Errors) > 0 {
			e := lowered.Errors[0]
			t.Fatalf("lowered code does not parse: %s at %d\n--- in\n%s\n--- out\n%s", e.Msg, e.Start, src, out)
		}
	})
}
