package luau_test

import (
	"strings"
	"testing"

	lua "github.com/yuin/gopher-lua"

	"github.com/buflsp/buflsp/runtime/buffer/luau"
)

// benchSize is the buffer every throughput benchmark sweeps.
const benchSize = 16 << 20

// BenchmarkLuauThroughput measures the library as Lua code sees it: one Lua
// loop sweeps a 16 MiB buffer with one call per element (4 MiB for the
// byte-wide calls, which need four times as many calls). MB/s counts buffer
// bytes touched per second; the calls/s metric is the call rate.
func BenchmarkLuauThroughput(b *testing.B) {
	cases := []struct {
		name  string
		width int    // bytes touched per call
		body  string // loop body; b is the buffer, i the offset
	}{
		{"writeu32", 4, "w32(b, i, i)"},
		{"readu32", 4, "s = s + r32(b, i)"},
		{"writeu8", 1, "w8(b, i, i)"},
		{"readu8", 1, "s = s + r8(b, i)"},
		{"writef64", 8, "wf64(b, i, i * 0.5)"},
		{"readf64", 8, "s = s + rf64(b, i)"},
		{"readbits32", 4, "s = s + rbits(b, i * 8, 32)"},
		{"writestring16", 16, `wstr(b, i, "0123456789abcdef")`},
		{"readstring16", 16, "local x = rstr(b, i, 16)"},
	}
	for _, c := range cases {
		size := benchSize
		if c.width == 1 {
			size = benchSize / 4
		}
		b.Run(c.name, func(b *testing.B) {
			L := lua.NewState()
			defer L.Close()
			luau.Open(L)
			src := strings.NewReplacer("WIDTH", itoa(c.width), "BODY", c.body, "SIZE", itoa(size)).Replace(`
				local buffer = buffer
				local w32, r32, w8, r8 = buffer.writeu32, buffer.readu32, buffer.writeu8, buffer.readu8
				local wf64, rf64, rbits = buffer.writef64, buffer.readf64, buffer.readbits
				local wstr, rstr = buffer.writestring, buffer.readstring
				local b = buffer.create(SIZE)
				return function()
					local s = 0
					for i = 0, SIZE - WIDTH, WIDTH do BODY end
					return s
				end`)
			if err := L.DoString(src); err != nil {
				b.Fatal(err)
			}
			sweep := L.Get(-1)
			L.Pop(1)
			b.SetBytes(int64(size))
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if err := L.CallByParam(lua.P{Fn: sweep, NRet: 1, Protect: true}); err != nil {
					b.Fatal(err)
				}
				L.Pop(1)
			}
			calls := float64(size/c.width) * float64(b.N)
			b.ReportMetric(calls/b.Elapsed().Seconds(), "calls/s")
		})
	}
}

// BenchmarkLuauCopy measures buffer.copy and buffer.fill over 16 MiB, where
// the work is a single memmove or memset.
func BenchmarkLuauCopy(b *testing.B) {
	L := lua.NewState()
	defer L.Close()
	luau.Open(L)
	if err := L.DoString(`
		local src, dst = buffer.create(` + itoa(benchSize) + `), buffer.create(` + itoa(benchSize) + `)
		copyAll = function() buffer.copy(dst, 0, src) end
		fillAll = function() buffer.fill(dst, 0, 0x5a) end`); err != nil {
		b.Fatal(err)
	}
	for _, name := range []string{"copyAll", "fillAll"} {
		b.Run(name, func(b *testing.B) {
			fn := L.GetGlobal(name)
			b.SetBytes(benchSize)
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if err := L.CallByParam(lua.P{Fn: fn, Protect: true}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func itoa(n int) string {
	const digits = "0123456789"
	if n == 0 {
		return "0"
	}
	var buf [20]byte
	i := len(buf)
	for n > 0 {
		i--
		buf[i] = digits[n%10]
		n /= 10
	}
	return string(buf[i:])
}
