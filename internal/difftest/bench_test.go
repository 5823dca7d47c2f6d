package difftest

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	lua "github.com/yuin/gopher-lua"
	"github.com/yuin/gopher-lua/parse"

	"github.com/buflsp/buflsp/analysis/lower"
	"github.com/buflsp/buflsp/analysis/syntax"
	luagen "github.com/buflsp/buflsp/internal/tools/luagen/gen"
)

// BenchmarkCompile compiles a generated LuaJIT module through buflsp's
// front end (parse, lower, lua.Compile) and through gopher-lua's own parser,
// which the runtime used before: compile time is part of every `buflsp run`
// start-up.
func BenchmarkCompile(b *testing.B) {
	src := luagen.Module(1, 200_000)
	b.Run("frontend", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		for b.Loop() {
			chunk, err := lower.Source(context.Background(), "m.lua", src, syntax.TargetLuaJIT)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := lua.Compile(chunk, "m.lua"); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("gopher-lua", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		for b.Loop() {
			chunk, err := parse.Parse(bytes.NewReader(src), "m.lua")
			if err != nil {
				b.Skipf("gopher-lua does not parse the module: %v", err)
			}
			if _, err := lua.Compile(chunk, "m.lua"); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkRunStartup is `buflsp run` of a one-line script, state building
// and compilation included, for each flavor.
func BenchmarkRunStartup(b *testing.B) {
	path := filepath.Join(b.TempDir(), "hello.luau")
	if err := os.WriteFile(path, []byte("print('hi')\n"), 0o644); err != nil {
		b.Fatal(err)
	}
	for _, target := range []syntax.Target{syntax.TargetLuaJIT, syntax.TargetLuau} {
		b.Run(target.String(), func(b *testing.B) {
			for b.Loop() {
				if o := RunOurs(path, target, time.Minute); o.Failed {
					b.Fatal(o.Err)
				}
			}
		})
	}
}
