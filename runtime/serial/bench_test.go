package serial

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	lua "github.com/yuin/gopher-lua"

	"github.com/buflsp/buflsp/internal/oracle"
	"github.com/buflsp/buflsp/internal/testutil"
)

// benchPayload is one data set measured on every side.
type benchPayload struct {
	name    string
	value   any
	dict    []string   // string dictionary, nil for none
	objects int        // records per payload, for objects/s
	structs []benchRec // the same records as Go structs, or nil
}

// benchRec is a small-tables record as a Go struct.
type benchRec struct {
	ID     int      `lua:"id"`
	Name   string   `lua:"name"`
	Active bool     `lua:"active"`
	Score  float64  `lua:"score"`
	Tags   []string `lua:"tags"`
}

func benchPayloads() []benchPayload {
	keys := []string{"id", "name", "active", "score", "tags"}
	small := make([]any, 2000)
	recs := make([]benchRec, len(small))
	for i := range small {
		recs[i] = benchRec{ID: i, Name: fmt.Sprintf("item-%d", i), Active: i%3 == 0, Score: float64(i) * 1.25, Tags: []string{"a", "b"}}
		small[i] = map[string]any{
			"id":     float64(i),
			"name":   fmt.Sprintf("item-%d", i),
			"active": i%3 == 0,
			"score":  float64(i) * 1.25,
			"tags":   []any{"a", "b"},
		}
	}
	numbers := make([]any, 100000)
	for i := range numbers {
		if i%2 == 0 {
			numbers[i] = float64(i)
		} else {
			numbers[i] = float64(i) / 7
		}
	}
	strs := make([]any, 8)
	for i := range strs {
		strs[i] = strings.Repeat(string(rune('a'+i)), 256<<10)
	}
	return []benchPayload{
		{name: "small-tables", value: small, objects: len(small), structs: recs},
		{name: "small-tables-dict", value: small, dict: keys, objects: len(small), structs: recs},
		{name: "numbers", value: numbers, objects: len(numbers)},
		{name: "large-strings", value: strs, objects: len(strs)},
	}
}

func (p benchPayload) opts() []Option {
	if p.dict == nil {
		return nil
	}
	return []Option{WithDict(p.dict...)}
}

// luajitTiming holds LuaJIT's nanoseconds per operation, wall-clock and
// CPU time.
type luajitTiming struct {
	encodeNs, encodeCPU, decodeNs, decodeCPU float64
	size                                     int
}

// cpuTime returns the CPU time used by this process so far (all threads,
// so the garbage collector's work counts as it does inside LuaJIT).
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// runLuaJITBench runs testdata/bench/luajit_bench.lua once on all payloads
// and returns its timings by payload name. It returns nil when luajit is
// not installed; the luajit sub-benchmarks then skip (or fail under CI).
func runLuaJITBench(b *testing.B, payloads []benchPayload, encoded [][]byte) map[string]luajitTiming {
	luajit, err := exec.LookPath("luajit")
	if err != nil {
		return nil
	}
	dir := b.TempDir()
	args := []string{filepath.Join("testdata", "bench", "luajit_bench.lua")}
	for i, p := range payloads {
		path := filepath.Join(dir, p.name+".bin")
		if err := os.WriteFile(path, encoded[i], 0o644); err != nil {
			b.Fatal(err)
		}
		keys := "-"
		if p.dict != nil {
			keys = strings.Join(p.dict, ",")
		}
		args = append(args, p.name, path, keys)
	}
	out := testutil.MustRunLua(b, luajit, testutil.LuaRun{Args: args})
	timings := map[string]luajitTiming{}
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		var name string
		var t luajitTiming
		if _, err := fmt.Sscanf(sc.Text(), "%s %g %g %g %g %d", &name, &t.encodeNs, &t.encodeCPU, &t.decodeNs, &t.decodeCPU, &t.size); err != nil {
			b.Fatalf("luajit output %q: %v", sc.Text(), err)
		}
		timings[name] = t
	}
	return timings
}

// BenchmarkSerial measures the Go API, the Lua API on gopher-lua, and
// LuaJIT's own string.buffer on the same payloads in one run. Sub-benchmark
// names end in /buflsp (Go API), /gopherlua (AppendLua, DecodeLua) and
// /luajit. Each reports cpu-ns/op (process CPU time per operation, steadier
// than wall time on a shared machine), and MB/s and objects/s computed from
// it; the buflsp ones also report vs-luajit, LuaJIT's CPU time divided by
// ours (above 1 means faster than LuaJIT). For /luajit, ns/op is LuaJIT's
// own wall-clock measurement.
func BenchmarkSerial(b *testing.B) {
	payloads := benchPayloads()
	encoded := make([][]byte, len(payloads))
	for i, p := range payloads {
		var err error
		if encoded[i], err = Append(nil, p.value, p.opts()...); err != nil {
			b.Fatal(err)
		}
	}
	lj := runLuaJITBench(b, payloads, encoded)

	for i, p := range payloads {
		data := encoded[i]
		report := func(b *testing.B, cpuNs float64) {
			b.ReportMetric(cpuNs, "cpu-ns/op")
			b.ReportMetric(float64(len(data))/cpuNs*1e3, "MB/s")
			b.ReportMetric(float64(p.objects)/cpuNs*1e9, "objects/s")
		}
		// measure runs loop under b.Loop and reports its CPU time, and the
		// ratio to LuaJIT's when ljCPU is not zero.
		measure := func(b *testing.B, ljCPU float64, loop func()) {
			start := cpuTime()
			for b.Loop() {
				loop()
			}
			ours := float64(cpuTime()-start) / float64(b.N)
			report(b, ours)
			if ljCPU > 0 {
				b.ReportMetric(ljCPU/ours, "vs-luajit")
			}
		}

		b.Run(p.name+"/encode/buflsp", func(b *testing.B) {
			enc := NewEncoder(io.Discard, p.opts()...)
			measure(b, lj[p.name].encodeCPU, func() {
				if err := enc.Encode(p.value); err != nil {
					b.Fatal(err)
				}
			})
		})
		if p.structs != nil {
			b.Run(p.name+"/encode-struct/buflsp", func(b *testing.B) {
				// The same records as []benchRec: the struct plan
				// instead of map iteration.
				enc := NewEncoder(io.Discard, p.opts()...)
				measure(b, lj[p.name].encodeCPU, func() {
					if err := enc.Encode(p.structs); err != nil {
						b.Fatal(err)
					}
				})
			})
		}
		b.Run(p.name+"/encode/gopherlua", func(b *testing.B) {
			L := lua.NewState(lua.Options{SkipOpenLibs: true})
			defer L.Close()
			opts := luaBenchOptions(b, L, p.dict)
			v, _, err := DecodeLua(L, data, opts)
			if err != nil {
				b.Fatal(err)
			}
			var buf []byte
			measure(b, 0, func() {
				if buf, err = AppendLua(buf[:0], v, opts); err != nil {
					b.Fatal(err)
				}
			})
		})
		if recs, ok := p.value.([]any); ok && len(recs) > 0 {
			if _, ok := recs[0].(map[string]any); ok {
				b.Run(p.name+"/map-range/go", func(b *testing.B) {
					// Only Go's iteration over the records' maps, which
					// any encoder of map[string]any must do: a ceiling
					// for /encode/buflsp, compared with LuaJIT's encode.
					n := 0
					measure(b, lj[p.name].encodeCPU, func() {
						for _, r := range recs {
							for k, v := range r.(map[string]any) {
								if v != nil {
									n += len(k)
								}
							}
						}
					})
					if n == 0 {
						b.Fatal("no keys")
					}
				})
			}
		}
		b.Run(p.name+"/encode/luajit", func(b *testing.B) {
			oracle.Require(b, "luajit")
			t := lj[p.name]
			b.ReportMetric(t.encodeNs, "ns/op")
			report(b, t.encodeCPU)
		})

		b.Run(p.name+"/decode/buflsp", func(b *testing.B) {
			opts := p.opts()
			measure(b, lj[p.name].decodeCPU, func() {
				if _, err := Unmarshal(data, opts...); err != nil {
					b.Fatal(err)
				}
			})
		})
		if p.structs != nil {
			b.Run(p.name+"/decode-struct/buflsp", func(b *testing.B) {
				// Into []benchRec through one Decoder, which keeps its
				// plan; the input is the map encoding LuaJIT decodes,
				// shared as UnmarshalString shares it.
				s := string(data)
				var recs []benchRec
				dec := NewDecoder(nil, p.opts()...)
				measure(b, lj[p.name].decodeCPU, func() {
					dec.src, dec.pos = s, 0
					if err := dec.DecodeInto(&recs); err != nil {
						b.Fatal(err)
					}
				})
			})
		}
		b.Run(p.name+"/decode-string/buflsp", func(b *testing.B) {
			// UnmarshalString shares the input's memory, as LuaJIT's
			// decode of a string does.
			opts, s := p.opts(), string(data)
			measure(b, lj[p.name].decodeCPU, func() {
				if _, err := UnmarshalString(s, opts...); err != nil {
					b.Fatal(err)
				}
			})
		})
		b.Run(p.name+"/decode-f64/buflsp", func(b *testing.B) {
			// Number arrays as []float64 (WithFloat64Slices) hold the
			// numbers inline, as a LuaJIT table does.
			opts := append(p.opts(), WithFloat64Slices())
			measure(b, lj[p.name].decodeCPU, func() {
				if _, err := Unmarshal(data, opts...); err != nil {
					b.Fatal(err)
				}
			})
		})
		b.Run(p.name+"/decode/gopherlua", func(b *testing.B) {
			L := lua.NewState(lua.Options{SkipOpenLibs: true})
			defer L.Close()
			opts := luaBenchOptions(b, L, p.dict)
			measure(b, 0, func() {
				if _, _, err := DecodeLua(L, data, opts); err != nil {
					b.Fatal(err)
				}
			})
		})
		b.Run(p.name+"/decode-string/gopherlua", func(b *testing.B) {
			L := lua.NewState(lua.Options{SkipOpenLibs: true})
			defer L.Close()
			opts, s := luaBenchOptions(b, L, p.dict), string(data)
			measure(b, 0, func() {
				if _, _, err := DecodeLuaString(L, s, opts); err != nil {
					b.Fatal(err)
				}
			})
		})
		b.Run(p.name+"/decode/luajit", func(b *testing.B) {
			oracle.Require(b, "luajit")
			t := lj[p.name]
			b.ReportMetric(t.decodeNs, "ns/op")
			report(b, t.decodeCPU)
		})
	}
}

func luaBenchOptions(b *testing.B, L *lua.LState, dict []string) *Options {
	if dict == nil {
		return nil
	}
	t := L.NewTable()
	for _, k := range dict {
		t.Append(lua.LString(k))
	}
	opts, err := NewOptions(L, t, nil)
	if err != nil {
		b.Fatal(err)
	}
	return opts
}
