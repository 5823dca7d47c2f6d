package host

import (
	"bytes"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/buflsp/buflsp/internal/testutil"
)

// serializerScript times the string.buffer serializer from Lua code; it
// prints "CASE CPU_SECONDS_PER_OP CHECK" per case (see the script).
const serializerScript = "testdata/bench/serializer.lua"

// BenchmarkSerializerScript runs one serializer script under luajit and
// under the runtime `buflsp run` uses (host.Run, in process), one after the
// other in each iteration, and reports per case the processor time per
// operation that the script measured with os.clock on each side (the
// median over the iterations, as the machine may be shared) and the ratio
// vs-luajit = LuaJIT's time / ours (above 1 is faster than LuaJIT). Both
// sides must print the same check value. ns/op is buflsp's CPU time per
// operation of the case, not the time of an iteration. The collector is set
// as `buflsp run` sets it (TuneGC), and the allocation checks are on.
func BenchmarkSerializerScript(b *testing.B) {
	defer TuneGC()()
	for _, name := range []string{"records-encode", "records-decode", "records-dict-encode", "records-dict-decode", "strings-encode", "strings-decode"} {
		b.Run(name, func(b *testing.B) {
			var ours, theirs []float64
			check := ""
			for range b.N {
				out := testutil.MustRunLua(b, "luajit", testutil.LuaRun{Args: []string{serializerScript, name}})
				theirs = append(theirs, scriptResult(b, name, out, &check))
				var buf, errOut bytes.Buffer
				if err := Run(serializerScript, []string{name}, Options{Stdout: &buf, Stderr: &errOut, MaxMemory: benchMaxMemory}); err != nil {
					b.Fatalf("buflsp run %s: %v\n%s", serializerScript, err, errOut.String())
				}
				ours = append(ours, scriptResult(b, name, buf.String(), &check))
			}
			o, t := median(ours), median(theirs)
			b.ReportMetric(o*1e9, "ns/op")
			b.ReportMetric(o*1e6, "buflsp-cpu-µs/op")
			b.ReportMetric(t*1e6, "luajit-cpu-µs/op")
			b.ReportMetric(t/o, "vs-luajit")
		})
	}
}

// scriptResult parses the script's one line for case name and returns its
// seconds per operation; every run must print the same check value.
func scriptResult(b *testing.B, name, out string, check *string) float64 {
	b.Helper()
	f := strings.Fields(out)
	if len(f) != 3 || f[0] != name {
		b.Fatalf("want one line \"%s SECONDS CHECK\" from the script, got %q", name, out)
	}
	secs, err := strconv.ParseFloat(f[1], 64)
	if err != nil {
		b.Fatal(err)
	}
	if *check != "" && *check != f[2] {
		b.Fatalf("%s: check value %s, another run printed %s: the runtimes did different work", name, f[2], *check)
	}
	*check = f[2]
	return secs
}

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2]
}
