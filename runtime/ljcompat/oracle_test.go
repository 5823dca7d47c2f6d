package ljcompat

import (
	"bytes"
	"fmt"
	"math"
	"math/rand"
	"strings"
	"testing"

	lua "github.com/yuin/gopher-lua"

	"github.com/buflsp/buflsp/internal/oracle"
	"github.com/buflsp/buflsp/internal/testutil"
)

// oracleFormats are the conversions compared against luajit for every
// generated number.
var oracleFormats = []string{"%.14g", "%.3f", "%.0f", "%.1f", "%.5e", "%g", "%.10g", "%.17g", "%12.4E", "%#.3g", "%.2f", "%a"}

// oracleNumbers returns values that stress rounding: exact decimal ties
// (dyadic fractions, integers ending in 5), random bit patterns, powers of
// two and ten, subnormals and the extremes.
func oracleNumbers() []float64 {
	r := rand.New(rand.NewSource(1))
	var xs []float64
	for i := 0; i < 400; i++ {
		// k / 2^m: many of these are exact ties at some precision.
		xs = append(xs, float64(r.Int63n(1<<40))/math.Ldexp(1, r.Intn(40)))
		// Integers with a trailing 5 past the 14th digit.
		xs = append(xs, float64(r.Int63n(1e15)*10+5))
		// Random finite bit patterns.
		bits := r.Uint64()
		if x := math.Float64frombits(bits); !math.IsNaN(x) && !math.IsInf(x, 0) {
			xs = append(xs, x)
		}
		// Numbers of ordinary size with few digits.
		xs = append(xs, float64(r.Intn(100000))/math.Pow(10, float64(r.Intn(8))))
		xs = append(xs, -float64(r.Intn(1000))-0.5)
	}
	for e := -1074; e <= 1023; e += 7 {
		xs = append(xs, math.Ldexp(1, e), math.Ldexp(3, e-1))
	}
	for e := -320; e <= 308; e += 3 {
		xs = append(xs, math.Pow(10, float64(e)))
	}
	return append(xs, 0, math.MaxFloat64, math.SmallestNonzeroFloat64, 0x1p-1022, 2.5, 0.125, 1e15+5)
}

// oracleScript prints every number with every format, one line each.
func oracleScript(xs []float64) string {
	var sb strings.Builder
	sb.WriteString("local F = string.format\nlocal xs = {\n")
	for _, x := range xs {
		fmt.Fprintf(&sb, "%q,\n", fmt.Sprintf("%.17g", x))
	}
	sb.WriteString("}\nfor _, s in ipairs(xs) do\n  local x = tonumber(s)\n  io.write(tostring(x)")
	for _, f := range oracleFormats {
		fmt.Fprintf(&sb, ", \" \", F(%q, x)", f)
	}
	sb.WriteString(", \"\\n\")\nend\n")
	return sb.String()
}

// TestNumberFormattingMatchesLuaJIT runs the same numbers through luajit
// and through this package and compares every line.
func TestNumberFormattingMatchesLuaJIT(t *testing.T) {
	oracle.Require(t, "luajit")
	xs := oracleNumbers()
	want := testutil.MustRunLua(t, "luajit", testutil.LuaRun{Args: []string{"-"}, Stdin: oracleScript(xs)})
	got := formatLocally(t, xs)
	wl := strings.Split(want, "\n")
	gl := strings.Split(got, "\n")
	if len(wl) != len(gl) {
		t.Fatalf("line count: got %d, luajit %d", len(gl), len(wl))
	}
	bad := 0
	for i := range wl {
		if wl[i] != gl[i] {
			bad++
			if bad <= 10 {
				t.Errorf("x=%.17g\n got: %s\nwant: %s", xs[i], gl[i], wl[i])
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d of %d lines differ", bad, len(wl))
	}
	t.Logf("compared %d numbers x %d conversions", len(xs), len(oracleFormats)+1)
}

// formatLocally produces the oracle script's output with this package.
func formatLocally(t *testing.T, xs []float64) string {
	L := lua.NewState()
	defer L.Close()
	var out bytes.Buffer
	for _, x := range xs {
		out.WriteString(FormatNumber(x))
		for _, f := range oracleFormats {
			var sink byteSink
			L.SetTop(0)
			L.Push(lua.LString(f))
			L.Push(lua.LNumber(x))
			(&Formatter{}).Format(L, &sink, 1)
			out.WriteByte(' ')
			out.Write(sink.b)
		}
		out.WriteByte('\n')
	}
	return out.String()
}

type byteSink struct{ b []byte }

func (s *byteSink) Write(p []byte) (int, error) {
	s.b = append(s.b, p...)
	return len(p), nil
}

func (s *byteSink) WriteString(str string) (int, error) {
	s.b = append(s.b, str...)
	return len(str), nil
}
