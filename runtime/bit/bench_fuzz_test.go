package bit_test

import (
	"math"
	"strconv"
	"strings"
	"testing"

	lua "github.com/yuin/gopher-lua"

	"github.com/buflsp/buflsp/internal/oracle"
	"github.com/buflsp/buflsp/internal/testutil"
	"github.com/buflsp/buflsp/runtime/bit"
)

// benchLoop runs bit operations in a Lua loop and returns the checksum and
// the seconds the loop took by os.clock, so that the same text measures
// luajit and gopher-lua.
const benchLoop = `
local band, bxor, rol, lshift, rshift = bit.band, bit.bxor, bit.rol, bit.lshift, bit.rshift
local n = %d
local t0 = os.clock()
local x = 0
for i = 1, n do
  x = bxor(x, rol(band(x + i, 0xffff), 3), rshift(lshift(i, 7), 2))
end
print(string.format("%%d %%.9f", x, os.clock() - t0))
`

// BenchmarkBitOps compares the cost of one loop iteration (five bit calls)
// on gopher-lua with this module and on luajit (its JIT compiles the loop,
// so it shows the ceiling). The metric is nanoseconds per bit call; both
// sides must also compute the same checksum.
func BenchmarkBitOps(b *testing.B) {
	const n = 1_000_000
	src := strings.Replace(benchLoop, "%d", strconv.Itoa(n), 1)
	src = strings.ReplaceAll(src, "%%", "%")
	var ours string
	b.Run("buflsp", func(b *testing.B) {
		var total float64
		for i := 0; i < b.N; i++ {
			out, err := runOurs("bench.lua", src)
			if err != nil {
				b.Fatal(err)
			}
			ours, total = parseBench(b, out, ours, total)
		}
		b.ReportMetric(total/float64(b.N)/(5*n)*1e9, "ns/bitcall")
	})
	b.Run("luajit", func(b *testing.B) {
		luajit := oracle.Require(b, "luajit")
		var total float64
		var theirs string
		for i := 0; i < b.N; i++ {
			out := testutil.MustRunLua(b, luajit, testutil.LuaRun{Args: []string{"-e", src}})
			theirs, total = parseBench(b, out, theirs, total)
		}
		if ours != "" && theirs != ours {
			b.Fatalf("checksums differ: luajit %s, buflsp %s", theirs, ours)
		}
		b.ReportMetric(total/float64(b.N)/(5*n)*1e9, "ns/bitcall")
	})
}

func parseBench(b *testing.B, out, prevSum string, total float64) (string, float64) {
	b.Helper()
	fields := strings.Fields(out)
	if len(fields) != 2 {
		b.Fatalf("unexpected benchmark output %q", out)
	}
	secs, err := strconv.ParseFloat(fields[1], 64)
	if err != nil {
		b.Fatal(err)
	}
	if prevSum != "" && prevSum != fields[0] {
		b.Fatalf("checksum changed between runs: %s then %s", prevSum, fields[0])
	}
	return fields[0], total + secs
}

// FuzzBitTobit checks tobit against an independent model where the model is
// simple (|x| < 2^51: round to nearest even, then wrap to 32 bits), that
// numeric strings convert like the numbers they spell, and that no input
// panics.
func FuzzBitTobit(f *testing.F) {
	f.Add(1.5, "0x10")
	f.Add(-2.5, " 12 ")
	f.Add(4294967296.5, "0b101")
	f.Add(math.Inf(1), "nan")
	f.Add(1e300, "1e")
	f.Fuzz(func(t *testing.T, x float64, s string) {
		L := lua.NewState(lua.Options{SkipOpenLibs: true})
		defer L.Close()
		bit.Open(L)
		tobit := L.GetGlobal("bit").(*lua.LTable).RawGetString("tobit")
		callTobit := func(v lua.LValue) (int32, error) {
			L.SetTop(0)
			if err := L.CallByParam(lua.P{Fn: tobit, NRet: 1, Protect: true}, v); err != nil {
				return 0, err
			}
			return int32(L.Get(-1).(lua.LNumber)), nil
		}
		got, err := callTobit(lua.LNumber(x))
		if err != nil {
			t.Fatalf("tobit(%v): %v", x, err)
		}
		if math.Abs(x) < 1<<51 {
			want := int32(uint32(int64(math.RoundToEven(x))))
			if got != want {
				t.Fatalf("tobit(%v) = %d, want %d", x, got, want)
			}
		}
		// A number printed in full and read back as a string is the same
		// number, so it must normalise the same way.
		text := strconv.FormatFloat(x, 'g', -1, 64)
		if !math.IsInf(x, 0) && !math.IsNaN(x) {
			fromText, err := callTobit(lua.LString(text))
			if err != nil || fromText != got {
				t.Fatalf("tobit(%q) = %d, %v; tobit(%v) = %d", text, fromText, err, x, got)
			}
		}
		// Arbitrary strings either convert or raise a Lua error, never panic.
		if _, err := callTobit(lua.LString(s)); err != nil {
			var apiErr *lua.ApiError
			if ok := asAPIError(err, &apiErr); ok && apiErr.Type == lua.ApiErrorPanic {
				t.Fatalf("tobit(%q) panicked: %v", s, err)
			}
		}
	})
}

func asAPIError(err error, target **lua.ApiError) bool {
	e, ok := err.(*lua.ApiError)
	if ok {
		*target = e
	}
	return ok
}
