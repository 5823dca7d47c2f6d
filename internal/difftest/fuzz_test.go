package difftest

import (
	"context"
	"testing"

	lua "github.com/yuin/gopher-lua"

	"github.com/buflsp/buflsp/analysis/lower"
	"github.com/buflsp/buflsp/analysis/syntax"
)

// FuzzFrontend feeds any text through the front end for LuaJIT and Luau:
// what the parser accepts must lower and compile without a Go panic (a
// compile error, such as too many registers, is fine).
func FuzzFrontend(f *testing.F) {
	for _, s := range []string{
		"local x: number = 1 x += 2 print(`{x}`)",
		"for k, v in {1, 2} do if k == 1 then continue end print(if v then v // 2 else -0) end",
		"local t = {1, k = f()} t.a.b ..= 'x' t[g()] ^= 2",
		"repeat local a = 1 continue until a",
		"print('\\x41\\u{48}\\z  b', 0xffffffffffffffff, 1e999, -(0/0))",
		"goto l ::l:: return ...",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		for _, target := range []syntax.Target{syntax.TargetLuaJIT, syntax.TargetLuau} {
			chunk, err := lower.Source(context.Background(), "fuzz", []byte(src), target)
			if err != nil {
				continue
			}
			_, _ = lua.Compile(chunk, "fuzz")
		}
	})
}
