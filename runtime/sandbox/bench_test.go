package sandbox

import (
	"context"
	"testing"
)

// BenchmarkEvaluate measures the cost of one evaluation end to end: a fresh
// restricted state, compiling, running and rendering. "empty" is the fixed
// cost per evaluation; "buffers" a typical string.buffer snippet.
func BenchmarkEvaluate(b *testing.B) {
	for _, bc := range []struct{ name, src string }{
		{"empty", "return"},
		{"buffers", `local sb = require("string.buffer")
local b = sb.new()
for i = 1, 100 do b:put(i, ",") end
local lb = buffer.create(64)
buffer.writeu32(lb, 0, 42)
return b, lb, {n = #b}`},
	} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				if r := Evaluate(context.Background(), []byte(bc.src), Options{}); r.Err != nil {
					b.Fatal(r.Err)
				}
			}
		})
	}
}
