package lower

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/buflsp/buflsp/analysis/syntax"
)

// bigLuau is a Luau file of n lines that uses every lowered construct.
func bigLuau(n int) []byte {
	var b strings.Builder
	b.WriteString("local t: {number} = {}\nlocal s = 0\n")
	for i := 2; i < n; i++ {
		switch i % 6 {
		case 0:
			fmt.Fprintf(&b, "s += %d\n", i)
		case 1:
			fmt.Fprintf(&b, "t[%d] = if s > %d then s // 2 else -s\n", i%50, i)
		case 2:
			fmt.Fprintf(&b, "for k, v in t do if v == %d then continue end s ..= `{k}` end\n", i)
		case 3:
			fmt.Fprintf(&b, "do local x: number = (s :: number) + 0x%x end\n", i)
		case 4:
			fmt.Fprintf(&b, "t[s %% 7] -= 1\n")
		default:
			fmt.Fprintf(&b, "print(\"line %d\\x41\\u{48}\")\n", i)
		}
	}
	return []byte(b.String())
}

// TestStopsWhenCanceled gives a 100,000-line file and a context that has
// already ended: the lowering must give up with an error naming why.
func TestStopsWhenCanceled(t *testing.T) {
	ctx, cancel := context.WithCancelCause(context.Background())
	cancel(errors.New("deadline of the test"))
	_, err := Source(ctx, "big.luau", bigLuau(100_000), syntax.TargetLuau)
	var le *Error
	if !errors.As(err, &le) || !strings.Contains(le.Msg, "lowering stopped: deadline of the test") {
		t.Fatalf("want a stopped lowering, got %v", err)
	}
}

// TestLowersLargeFile lowers the same file to the end with a live context.
func TestLowersLargeFile(t *testing.T) {
	chunk, err := Source(context.Background(), "big.luau", bigLuau(20_000), syntax.TargetLuau)
	if err != nil {
		t.Fatal(err)
	}
	if len(chunk) < 20_000 {
		t.Fatalf("want a statement per line, got %d", len(chunk))
	}
	if last := chunk[len(chunk)-1]; last.Line() != 20_000 {
		t.Errorf("the last statement carries line %d, want 20000", last.Line())
	}
}

// TestSyntaxErrorPosition checks that the error is the parser's first, at
// the line and column `buflsp check` reports.
func TestSyntaxErrorPosition(t *testing.T) {
	for _, src := range []string{
		"local x = 1\nlocal y = = 2\n",
		"local t: {number = {}\n",
		"x += \n",
		"for i = 1 do end",
		"print(`a{`)",
	} {
		f := syntax.Parse("e.luau", []byte(src), syntax.Options{Target: syntax.TargetLuau})
		if len(f.Errors) == 0 {
			t.Fatalf("%q parses", src)
		}
		line, col := f.Lines.Position(f.Errors[0].Start)
		_, err := Source(context.Background(), "e.luau", []byte(src), syntax.TargetLuau)
		var le *Error
		if !errors.As(err, &le) || le.Line != line || le.Col != col || le.Msg != f.Errors[0].Msg {
			t.Errorf("%q: got %v, want %d:%d: %s", src, err, line, col, f.Errors[0].Msg)
		}
	}
}

// TestHelpersLower checks that every helper's Lua source lowers.
func TestHelpersLower(t *testing.T) {
	for h, src := range helperSources {
		f := syntax.Parse("helper", []byte(src), syntax.Options{Target: syntax.TargetLuaJIT})
		if _, err := File(context.Background(), f); err != nil {
			t.Errorf("helper %s: %v", helperNames[h], err)
		}
	}
}

// TestUnsupported lists what the VM cannot run and the message it gets.
func TestUnsupported(t *testing.T) {
	for src, want := range map[string]string{
		"local x <close> = nil": "<close> variables are not supported",
		"local x = 1ULL":        "LuaJIT FFI literal",
	} {
		target := syntax.TargetLuaJIT
		if strings.Contains(src, "<close>") {
			target = syntax.TargetLua54
		}
		_, err := Source(context.Background(), "u.lua", []byte(src), target)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: got %v, want an error containing %q", src, err, want)
		}
	}
}

// BenchmarkLower lowers Luau files of growing size; ns/op per line should
// stay flat (the lowering is linear).
func BenchmarkLower(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 100_000} {
		src := bigLuau(n)
		b.Run(fmt.Sprintf("lines=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				if _, err := Source(context.Background(), "bench.luau", src, syntax.TargetLuau); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
